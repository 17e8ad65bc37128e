package org.carecircle.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Against published pairs: Beijing (116.404, 39.915) in WGS84 is (116.41024449916938,
 * 39.91640428150164) in GCJ-02, and (116.404, 39.915) in BD-09 is (116.39762729119315,
 * 39.90865673957631) in GCJ-02 (the pairs of the wandergis/coordtransform reference implementation);
 * Beijing railway station is (116.42703, 39.90245) in GCJ-02 and (116.43351, 39.90851) in BD-09.
 */
class ChineseCoordinatesTest {
    @Test
    void wgs84ToGcj02MatchesThePublishedPair() {
        assertArrayEquals(new double[] {116.41024449916938, 39.91640428150164},
                ChineseCoordinates.wgs84ToGcj02(116.404, 39.915), 1e-12);
    }

    @Test
    void gcj02ToWgs84InvertsItExactly() {
        assertArrayEquals(new double[] {116.404, 39.915},
                CoordinateSystem.GCJ02.toWgs84(116.41024449916938, 39.91640428150164), 1e-9);
        // Chengdu Xipu: a round trip lands within 1e-9 degrees
        double[] gcj = ChineseCoordinates.wgs84ToGcj02(103.975, 30.765);
        assertArrayEquals(new double[] {103.975, 30.765}, CoordinateSystem.GCJ02.toWgs84(gcj[0], gcj[1]), 1e-9);
    }

    @Test
    void bd09ToGcj02MatchesThePublishedPairs() {
        assertArrayEquals(new double[] {116.39762729119315, 39.90865673957631},
                ChineseCoordinates.bd09ToGcj02(116.404, 39.915), 1e-12);
        // the railway station, given to 5 decimals: within 1e-5 degrees (about 1 m)
        assertArrayEquals(new double[] {116.42703, 39.90245}, ChineseCoordinates.bd09ToGcj02(116.43351, 39.90851), 1e-5);
    }

    @Test
    void bd09GoesThroughGcj02ToWgs84() {
        double[] gcj = ChineseCoordinates.bd09ToGcj02(116.404, 39.915);
        assertArrayEquals(CoordinateSystem.GCJ02.toWgs84(gcj[0], gcj[1]), CoordinateSystem.BD09.toWgs84(116.404, 39.915), 0);
    }

    @Test
    void noOffsetOutsideChina() {
        assertArrayEquals(new double[] {1.5, 42.5}, CoordinateSystem.GCJ02.toWgs84(1.5, 42.5), 0);
    }
}
