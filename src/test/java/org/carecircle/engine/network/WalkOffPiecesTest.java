package org.carecircle.engine.network;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Streets become as few straight pieces as their shape allows, with exact costs at the ends. */
class WalkOffPiecesTest {
    private static final double METRES_PER_DEGREE = org.carecircle.engine.geometry.Projection.METRES_PER_DEGREE;

    /** One 400 m street from (0, 0) through the given pillar points (metres east, north of it). */
    private static WalkingNetwork street(double[][] pillars, double[] end) {
        int points = pillars.length + 2;
        double[] latitude = new double[points], longitude = new double[points];
        double metresPerDegreeEast = METRES_PER_DEGREE * Math.cos(Math.toRadians(30));
        for (int p = 0; p < points; p++) {
            double[] at = p == 0 ? new double[] {0, 0} : p == points - 1 ? end : pillars[p - 1];
            latitude[p] = 30 + at[1] / METRES_PER_DEGREE;
            longitude[p] = 104 + at[0] / metresPerDegreeEast;
        }
        return new WalkingNetwork(new double[] {latitude[0], latitude[points - 1]},
                new double[] {longitude[0], longitude[points - 1]}, new int[] {0}, new int[] {1}, new float[] {400},
                new float[] {400}, new float[] {400}, new byte[] {0}, new int[] {0, points}, latitude, longitude,
                new Barriers(new double[0]));
    }

    private static WalkOffPieces pieces(WalkingNetwork network, double tolerance) {
        List<NetworkPoint> origin = List.of(new NetworkPoint(0, 0, network.nodeLatitude(0), network.nodeLongitude(0), 0));
        return WalkOffPieces.of(network, WalkingProfile.FOOT, CostKind.TIME, origin,
                new MultiSourceSearch(network).run(WalkingProfile.FOOT, CostKind.TIME, origin, 1000), 1000, tolerance);
    }

    @Test
    void aStreetWobblingLessThanTheToleranceIsOnePiece() {
        double[][] wobble = new double[19][];
        for (int i = 0; i < wobble.length; i++) {
            wobble[i] = new double[] {20 * (i + 1), i % 2 == 0 ? 1 : -1};
        }
        WalkOffPieces pieces = pieces(street(wobble, new double[] {400, 0}), 2.5);
        assertEquals(1, pieces.size);
        assertEquals(0, pieces.cost0[0], 1e-9);
        assertEquals(400, pieces.cost1[0], 1e-3);
        assertEquals(19 + 1, pieces(street(wobble, new double[] {400, 0}), 0.5).size, "a finer tolerance keeps every bend");
    }

    @Test
    void aCornerSplitsThePieceWithTheCostAtTheCornerExact() {
        WalkOffPieces pieces = pieces(street(new double[][] {{200, 0}}, new double[] {200, 200}), 2.5);
        assertEquals(2, pieces.size);
        assertEquals(200, pieces.x1[0] - pieces.x0[0], 0.5);
        assertEquals(200, pieces.cost1[0], 1e-3);
        assertEquals(200, pieces.cost0[1], 1e-3);
        assertEquals(400, pieces.cost1[1], 1e-3);
    }
}
