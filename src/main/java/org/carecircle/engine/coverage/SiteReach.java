package org.carecircle.engine.coverage;

import com.carrotsearch.hppc.FloatArrayList;
import com.carrotsearch.hppc.IntArrayList;
import org.carecircle.engine.network.CostKind;
import org.carecircle.engine.network.MultiSourceSearch;
import org.carecircle.engine.network.NetworkPoint;
import org.carecircle.engine.network.PointLinks;
import org.carecircle.engine.network.WalkingNetwork;

import java.util.Arrays;
import java.util.List;

/**
 * What each site (institution or candidate) reaches within a walking limit: its (cell, cost) pairs,
 * nearest first, in flat-equivalent metres, from one short search per site. Capacity allocation,
 * the floating catchments and site selection all walk through these pairs.
 */
public final class SiteReach {
    private static final System.Logger LOG = System.getLogger(SiteReach.class.getName());

    /** Site s's pairs are pairCell/pairCost[firstPair[s] .. firstPair[s+1]). */
    private final int[] firstPair;
    private final int[] pairCell;
    private final float[] pairCost;
    private final double limit;
    /** One more than the highest cell any pair names: the fewest cells an analysis of this reach must hold. */
    private final int cellsNamed;

    private SiteReach(int[] firstPair, int[] pairCell, float[] pairCost, double limit) {
        this.firstPair = firstPair;
        this.pairCell = pairCell;
        this.pairCost = pairCost;
        this.limit = limit;
        int highest = -1;
        for (int cell : pairCell) {
            highest = Math.max(highest, cell);
        }
        this.cellsNamed = highest + 1;
    }

    public static SiteReach compute(WalkingNetwork network, PointLinks cells, List<NetworkPoint> sites, double limit) {
        return compute(cells, sites, limit, new MultiSourceSearch(network), cells.walk());
    }

    static SiteReach compute(PointLinks cells, List<NetworkPoint> sites, double limit, MultiSourceSearch search,
                             PointLinks.Walk walk) {
        return build(cells, sites, new int[sites.size()], null, limit, search, walk);
    }

    /**
     * The reach once the sites are {@code edited} ({@code previous[i]}: site i's index here if it
     * stands where it stood, else -1): kept sites keep their pairs, only new and moved ones are searched.
     */
    public SiteReach edited(PointLinks cells, List<NetworkPoint> edited, int[] previous, MultiSourceSearch search,
                            PointLinks.Walk walk) {
        return build(cells, edited, previous, this, limit, search, walk);
    }

    /** Each site's pairs, copied from {@code kept} where {@code previous} names one of its sites, else searched. */
    private static SiteReach build(PointLinks cells, List<NetworkPoint> sites, int[] previous, SiteReach kept, double limit,
                                   MultiSourceSearch search, PointLinks.Walk walk) {
        requireLimit(limit);
        int[] firstPair = new int[sites.size() + 1];
        IntArrayList pairCell = new IntArrayList();
        FloatArrayList pairCost = new FloatArrayList();
        IntArrayList siteCells = new IntArrayList();
        FloatArrayList siteCosts = new FloatArrayList();
        for (int site = 0; site < sites.size(); site++) {
            if (kept != null && previous[site] >= 0) {
                int from = kept.firstPair[previous[site]], to = kept.firstPair[previous[site] + 1];
                pairCell.add(kept.pairCell, from, to - from);
                pairCost.add(kept.pairCost, from, to - from);
                firstPair[site + 1] = pairCell.size();
                continue;
            }
            List<NetworkPoint> one = List.of(sites.get(site));
            siteCells.clear();
            siteCosts.clear();
            walk.reached(search.run(cells.profile(), CostKind.TIME, one, limit), CostKind.TIME, one, limit,
                    (cell, cost, origin) -> {
                        siteCells.add(cell);
                        siteCosts.add(cost);
                    });
            // non-negative floats order like their bits; equal walks go to the cell listed first
            long[] order = new long[siteCells.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = (long) Float.floatToIntBits(siteCosts.get(i)) << 32 | siteCells.get(i);
            }
            Arrays.sort(order);
            for (long entry : order) {
                pairCell.add((int) entry);
                pairCost.add(Float.intBitsToFloat((int) (entry >>> 32)));
            }
            firstPair[site + 1] = pairCell.size();
            if (kept == null && sites.size() >= 50 && (site + 1) % (sites.size() / 10) == 0) {
                LOG.log(System.Logger.Level.INFO, "Site reach: {0} of {1} sites", site + 1, sites.size());
            }
        }
        return new SiteReach(firstPair, pairCell.toArray(), pairCost.toArray(), limit);
    }

    /**
     * Pairs given as they are: site s reaches pairCell/pairCost[firstPair[s] .. firstPair[s+1]),
     * each site's nearest first, every cost from 0 to {@code limit}.
     */
    public static SiteReach ofPairs(int[] firstPair, int[] pairCell, float[] pairCost, double limit) {
        requireLimit(limit);
        if (firstPair.length == 0 || firstPair[0] != 0 || firstPair[firstPair.length - 1] != pairCell.length
                || pairCost.length != pairCell.length) {
            throw new IllegalArgumentException("firstPair must run from 0 to the number of pairs, one cost per pair");
        }
        for (int site = 0; site + 1 < firstPair.length; site++) {
            if (firstPair[site + 1] < firstPair[site]) {
                throw new IllegalArgumentException("firstPair must not decrease (site " + site + ")");
            }
            for (int pair = firstPair[site]; pair < firstPair[site + 1]; pair++) {
                float cost = pairCost[pair];
                if (pairCell[pair] < 0 || !(cost >= 0 && cost <= limit)
                        || pair > firstPair[site] && cost < pairCost[pair - 1]) {
                    throw new IllegalArgumentException("pair " + pair + " of site " + site + ": cells are indexes, and "
                            + "costs run nearest first from 0 to the limit " + limit + " (got cell " + pairCell[pair]
                            + ", cost " + cost + ")");
                }
            }
        }
        return new SiteReach(firstPair, pairCell, pairCost, limit);
    }

    private static void requireLimit(double limit) {
        if (!(limit > 0) || Double.isInfinite(limit)) {
            throw new IllegalArgumentException("the limit must be positive and finite (got " + limit + ")");
        }
    }

    public int sites() {
        return firstPair.length - 1;
    }

    public int pairs() {
        return pairCell.length;
    }

    /** Site s's pairs are first(s) .. first(s + 1) − 1, nearest first. */
    public int first(int site) {
        return firstPair[site];
    }

    public int cell(int pair) {
        return pairCell[pair];
    }

    public float cost(int pair) {
        return pairCost[pair];
    }

    /** The walk every pair is within. */
    public double limit() {
        return limit;
    }

    /** Throws unless there are {@code sites} sites and every pair names one of {@code cells} cells. */
    public void requireShape(int cells, int sites, String what) {
        if (sites != sites()) {
            throw new IllegalArgumentException(what + ": " + sites + " sites given for a reach of " + sites());
        }
        if (cellsNamed > cells) {
            throw new IllegalArgumentException(what + ": the reach names cell " + (cellsNamed - 1) + " of only " + cells);
        }
    }
}
