package org.carecircle.api;

import org.eclipse.microprofile.graphql.Description;

/** How an imported file's coordinates are given; everything is stored in WGS84. */
@Description("WGS84 (GPS, OpenStreetMap), GCJ02 (the national offset system: Amap/Gaode, Tencent), BD09 (Baidu)")
public enum CoordinateSystem {
    WGS84, GCJ02, BD09;

    /** [longitude, latitude] in WGS84 of a point given in this system. */
    public double[] toWgs84(double longitude, double latitude) {
        return switch (this) {
            case WGS84 -> new double[] {longitude, latitude};
            case GCJ02 -> ChineseCoordinates.gcj02ToWgs84(longitude, latitude);
            case BD09 -> {
                double[] gcj = ChineseCoordinates.bd09ToGcj02(longitude, latitude);
                yield ChineseCoordinates.gcj02ToWgs84(gcj[0], gcj[1]);
            }
        };
    }
}
