package org.carecircle.engine.coverage;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Pairs given by hand are checked, and the floating catchment counts only what lies within its own catchment. */
class SiteReachTest {
    /** One institution of 20 slots; cell 0 (10 children wanting a place) 100 m away, cell 1 (30) 800 m away. */
    private static final SiteReach REACH = SiteReach.ofPairs(new int[] {0, 2}, new int[] {0, 1}, new float[] {100, 800}, 900);
    private static final double[] DEMAND = {10, 30};
    private static final double[] SLOTS = {20};

    @Test
    void twoStepOverTheWholeReach() {
        // 20 slots ÷ 40 children within 900 m
        assertArrayEquals(new double[] {0.5, 0.5},
                FloatingCatchment.score(REACH, 900, DEMAND, SLOTS, FloatingCatchment.PLAIN_WEIGHTS), 1e-12);
    }

    @Test
    void pairsBeyondTheCatchmentCountForNothing() {
        // within 600 m only cell 0: 20 slots ÷ 10 children; cell 1 gets nothing, not the last band's weight
        assertArrayEquals(new double[] {2, 0},
                FloatingCatchment.score(REACH, 600, DEMAND, SLOTS, FloatingCatchment.PLAIN_WEIGHTS), 1e-12);
        double ratio = 20 / (10 * 1.0);
        assertArrayEquals(new double[] {ratio, 0},
                FloatingCatchment.score(REACH, 600, DEMAND, SLOTS, FloatingCatchment.ENHANCED_WEIGHTS), 1e-12);
    }

    @Test
    void enhancedWeightsByThirdsOfTheCatchment() {
        // bands of 300 m: 100 m weighs 1, 800 m weighs 0.22
        double ratio = 20 / (10 * 1.0 + 30 * 0.22);
        assertArrayEquals(new double[] {ratio, ratio * 0.22},
                FloatingCatchment.score(REACH, 900, DEMAND, SLOTS, FloatingCatchment.ENHANCED_WEIGHTS), 1e-12);
    }

    @Test
    void aCatchmentWiderThanTheReachIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> FloatingCatchment.score(REACH, 1000, DEMAND, SLOTS, FloatingCatchment.PLAIN_WEIGHTS));
        assertThrows(IllegalArgumentException.class,
                () -> FloatingCatchment.score(REACH, 900, new double[] {10}, SLOTS, FloatingCatchment.PLAIN_WEIGHTS));
    }

    @Test
    void badPairsAreRefused() {
        // beyond the limit, nearest last, a negative cost, a negative cell, firstPair not ending at the pairs
        assertThrows(IllegalArgumentException.class, () -> SiteReach.ofPairs(new int[] {0, 1}, new int[] {0}, new float[] {901}, 900));
        assertThrows(IllegalArgumentException.class,
                () -> SiteReach.ofPairs(new int[] {0, 2}, new int[] {0, 1}, new float[] {800, 100}, 900));
        assertThrows(IllegalArgumentException.class, () -> SiteReach.ofPairs(new int[] {0, 1}, new int[] {0}, new float[] {-1}, 900));
        assertThrows(IllegalArgumentException.class, () -> SiteReach.ofPairs(new int[] {0, 1}, new int[] {-1}, new float[] {1}, 900));
        assertThrows(IllegalArgumentException.class, () -> SiteReach.ofPairs(new int[] {0, 2}, new int[] {0}, new float[] {1}, 900));
        assertThrows(IllegalArgumentException.class, () -> SiteReach.ofPairs(new int[] {0}, new int[] {}, new float[] {}, Double.NaN));
    }

    @Test
    void allocationWithinALimitOfTheReach() {
        Allocation.Result within = Allocation.allocate(REACH, DEMAND, SLOTS, 900);
        assertArrayEquals(new double[] {10, 10}, within.cellCovered(), 1e-12);
        assertEquals(20, within.siteServed()[0], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Allocation.allocate(REACH, DEMAND, SLOTS, 901));
    }
}
