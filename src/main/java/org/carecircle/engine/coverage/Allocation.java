package org.carecircle.engine.coverage;

import java.util.Arrays;

/**
 * Capacity allocation in the spirit of AccessMod's geographic coverage: every (cell, institution)
 * pair within the limit is taken in order of walking time, shortest first, and the institution
 * gives the cell as many of its remaining slots as the cell still has children wanting a place.
 * So each institution serves the nearest demand first; a cell that two institutions can reach goes
 * to the nearer one, and what that one cannot take falls to the next nearest with room. Equal
 * times go to the institution listed first, then to the cell listed first.
 */
public final class Allocation {
    /** Demand covered in each cell, and children served by each institution. */
    public record Result(double[] cellCovered, double[] siteServed) {
    }

    private Allocation() {
    }

    public static Result allocate(SiteReach reach, double[] demand, double[] capacity, double limit) {
        reach.requireShape(demand.length, capacity.length, "allocation");
        if (!(limit >= 0 && limit <= reach.limit())) {
            throw new IllegalArgumentException("allocation: the limit must be from 0 to the reach's " + reach.limit()
                    + " (got " + limit + ")");
        }
        int pairs = reach.pairs();
        long[] order = new long[pairs];
        int within = 0;
        for (int pair = 0; pair < pairs; pair++) {
            if (reach.cost(pair) <= limit) {
                // non-negative floats order like their bits; the pair index breaks ties in listing order
                order[within++] = (long) Float.floatToIntBits(reach.cost(pair)) << 32 | pair;
            }
        }
        Arrays.sort(order, 0, within);
        int[] siteOfPair = new int[pairs];
        for (int site = 0; site < reach.sites(); site++) {
            Arrays.fill(siteOfPair, reach.first(site), reach.first(site + 1), site);
        }
        double[] cellCovered = new double[demand.length];
        double[] siteServed = new double[capacity.length];
        for (int k = 0; k < within; k++) {
            int pair = (int) order[k];
            int cell = reach.cell(pair);
            int site = siteOfPair[pair];
            double given = Math.min(demand[cell] - cellCovered[cell], capacity[site] - siteServed[site]);
            if (given > 0) {
                cellCovered[cell] += given;
                siteServed[site] += given;
            }
        }
        return new Result(cellCovered, siteServed);
    }
}
