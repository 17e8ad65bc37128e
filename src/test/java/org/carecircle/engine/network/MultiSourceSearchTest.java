package org.carecircle.engine.network;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Searches run towards the origins: on a slope, the way to an institution is not the way back. */
class MultiSourceSearchTest {
    /**
     * Junctions 0, 1, 2 run 100 m apart from west to east along two streets; walking east costs
     * 100 flat-equivalent metres a street, walking west 200 (a climb).
     */
    private static WalkingNetwork slope() {
        double latitude = 30.0;
        double[] longitude = {104.0, 104.001, 104.002};
        return new WalkingNetwork(new double[] {latitude, latitude, latitude}, longitude,
                new int[] {0, 1}, new int[] {1, 2}, new float[] {100, 100},
                new float[] {100, 100}, new float[] {200, 200}, new byte[] {0, 0},
                new int[] {0, 2, 4}, new double[] {latitude, latitude, latitude, latitude},
                new double[] {longitude[0], longitude[1], longitude[1], longitude[2]}, new Barriers(new double[0]));
    }

    @Test
    void costIsTheWalkToTheOrigin() {
        WalkingNetwork network = slope();
        // an institution at the west end, on the first street's base node
        NetworkPoint west = new NetworkPoint(0, 0, 30.0, 104.0, 0);
        float[] cost = new MultiSourceSearch(network).run(WalkingProfile.FOOT, CostKind.TIME, List.of(west), 1000).cost();
        assertEquals(0, cost[0]);
        assertEquals(200, cost[1], "from junction 1, one climbing street west");
        assertEquals(400, cost[2], "from junction 2, two climbing streets west");

        // an institution at the east end: everyone walks downhill (east) to it
        NetworkPoint east = new NetworkPoint(1, 100, 30.0, 104.002, 0);
        cost = new MultiSourceSearch(network).run(WalkingProfile.FOOT, CostKind.TIME, List.of(east), 1000).cost();
        assertEquals(200, cost[0]);
        assertEquals(100, cost[1]);
    }

    @Test
    void distanceLimitsIgnoreTheSlope() {
        NetworkPoint west = new NetworkPoint(0, 0, 30.0, 104.0, 0);
        float[] metres = new MultiSourceSearch(slope()).run(WalkingProfile.FOOT, CostKind.DISTANCE, List.of(west), 1000).cost();
        assertEquals(200, metres[2]);
    }

    @Test
    void theNearestOfManyOriginsWinsAndTheLimitStopsTheSearch() {
        WalkingNetwork network = slope();
        List<NetworkPoint> both = List.of(new NetworkPoint(0, 0, 30.0, 104.0, 0), new NetworkPoint(1, 100, 30.0, 104.002, 0));
        float[] cost = new MultiSourceSearch(network).run(WalkingProfile.FOOT, CostKind.TIME, both, 150).cost();
        assertEquals(100, cost[1], "junction 1 walks east to the second origin, not 200 west to the first");
        assertEquals(0, cost[0]);
        assertEquals(Float.POSITIVE_INFINITY, new MultiSourceSearch(network).run(WalkingProfile.FOOT, CostKind.TIME,
                List.of(both.get(0)), 150).cost()[2], "400 is beyond a limit of 150");
    }
}
