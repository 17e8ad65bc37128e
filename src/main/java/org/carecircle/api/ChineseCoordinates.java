package org.carecircle.api;

/**
 * China's offset coordinate systems. GCJ-02 shifts WGS84 by a published nonlinear function of the
 * position (on the Krasovsky ellipsoid) inside China and not outside; BD-09 rotates and scales
 * GCJ-02 slightly. GCJ-02 has no closed-form inverse: WGS84 is found by iterating the forward
 * function until it lands on the given point (to 1e-9°, about 0.1 mm).
 */
public final class ChineseCoordinates {
    private static final double SEMI_MAJOR_AXIS = 6378245.0;
    private static final double ECCENTRICITY_SQUARED = 0.00669342162296594323;
    private static final double BAIDU_FACTOR = Math.PI * 3000.0 / 180.0;

    private ChineseCoordinates() {
    }

    /** Outside this box no offset is applied (the usual rough border of the offset's domain). */
    static boolean outsideChina(double longitude, double latitude) {
        return longitude < 72.004 || longitude > 137.8347 || latitude < 0.8293 || latitude > 55.8271;
    }

    /** [longitude, latitude] in GCJ-02 of a WGS84 point. */
    public static double[] wgs84ToGcj02(double longitude, double latitude) {
        if (outsideChina(longitude, latitude)) {
            return new double[] {longitude, latitude};
        }
        double x = longitude - 105.0, y = latitude - 35.0;
        double radians = latitude / 180.0 * Math.PI;
        double magic = 1 - ECCENTRICITY_SQUARED * Math.sin(radians) * Math.sin(radians);
        double root = Math.sqrt(magic);
        double northShift = latitudeShift(x, y) * 180.0
                / ((SEMI_MAJOR_AXIS * (1 - ECCENTRICITY_SQUARED)) / (magic * root) * Math.PI);
        double eastShift = longitudeShift(x, y) * 180.0 / (SEMI_MAJOR_AXIS / root * Math.cos(radians) * Math.PI);
        return new double[] {longitude + eastShift, latitude + northShift};
    }

    /** [longitude, latitude] in WGS84 of a GCJ-02 point. */
    public static double[] gcj02ToWgs84(double longitude, double latitude) {
        double east = longitude, north = latitude;
        for (int i = 0; i < 30; i++) {
            double[] shifted = wgs84ToGcj02(east, north);
            double dx = shifted[0] - longitude, dy = shifted[1] - latitude;
            east -= dx;
            north -= dy;
            if (Math.abs(dx) < 1e-10 && Math.abs(dy) < 1e-10) {
                break;
            }
        }
        return new double[] {east, north};
    }

    /** [longitude, latitude] in GCJ-02 of a BD-09 point. */
    public static double[] bd09ToGcj02(double longitude, double latitude) {
        double x = longitude - 0.0065, y = latitude - 0.006;
        double radius = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * BAIDU_FACTOR);
        double angle = Math.atan2(y, x) - 0.000003 * Math.cos(x * BAIDU_FACTOR);
        return new double[] {radius * Math.cos(angle), radius * Math.sin(angle)};
    }

    private static double latitudeShift(double x, double y) {
        double shift = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        shift += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        shift += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        shift += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return shift;
    }

    private static double longitudeShift(double x, double y) {
        double shift = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        shift += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        shift += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        shift += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return shift;
    }
}
