package org.carecircle.coverage;

import com.carrotsearch.hppc.FloatArrayList;
import com.carrotsearch.hppc.IntArrayList;
import org.carecircle.network.CostKind;
import org.carecircle.network.MultiSourceSearch;
import org.carecircle.network.NetworkPoint;
import org.carecircle.network.PointLinks;
import org.carecircle.network.WalkingNetwork;
import org.jboss.logging.Logger;

import java.util.Arrays;
import java.util.List;

/**
 * Walking from every population cell to the institutions, in flat-equivalent metres (slope and
 * steps included): each cell's nearest institution at any distance, from one multi-source search,
 * and every (cell, institution) pair within the catchment limit, each institution's nearest first,
 * from one short search per institution, as capacity allocation, floating catchments and site
 * selection need them.
 */
public final class TravelTimes {
    private static final Logger LOG = Logger.getLogger(TravelTimes.class);

    /** Each cell's walk to its nearest institution; +∞ when none can be reached. */
    final float[] nearestCost;
    /** Index of that institution, -1 if none. */
    final int[] nearestSite;
    /** Site s's cells within the catchment limit are pairCell/pairCost[firstPair[s] .. firstPair[s+1]). */
    final int[] firstPair;
    final int[] pairCell;
    final float[] pairCost;
    final double catchmentLimit;

    TravelTimes(float[] nearestCost, int[] nearestSite, int[] firstPair, int[] pairCell, float[] pairCost,
                double catchmentLimit) {
        this.nearestCost = nearestCost;
        this.nearestSite = nearestSite;
        this.firstPair = firstPair;
        this.pairCell = pairCell;
        this.pairCost = pairCost;
        this.catchmentLimit = catchmentLimit;
    }

    public static TravelTimes compute(WalkingNetwork network, PointLinks cells, List<NetworkPoint> sites,
                                      double catchmentLimit) {
        int cellCount = cells.size();
        float[] nearestCost = new float[cellCount];
        int[] nearestSite = new int[cellCount];
        Arrays.fill(nearestCost, Float.POSITIVE_INFINITY);
        Arrays.fill(nearestSite, -1);
        MultiSourceSearch search = new MultiSourceSearch(network);
        PointLinks.Walk walk = cells.walk();
        walk.reached(search.run(cells.profile(), CostKind.TIME, sites, Double.POSITIVE_INFINITY), CostKind.TIME, sites,
                Double.POSITIVE_INFINITY, (cell, cost, site) -> {
                    nearestCost[cell] = cost;
                    nearestSite[cell] = site;
                });
        TravelTimes catchments = catchments(network, cells, sites, catchmentLimit, search, walk);
        return new TravelTimes(nearestCost, nearestSite, catchments.firstPair, catchments.pairCell, catchments.pairCost,
                catchmentLimit);
    }

    /** Only the catchments: each site's cells within the limit, nearest first (candidate sites need no more). */
    public static TravelTimes catchments(WalkingNetwork network, PointLinks cells, List<NetworkPoint> sites, double limit) {
        return catchments(network, cells, sites, limit, new MultiSourceSearch(network), cells.walk());
    }

    private static TravelTimes catchments(WalkingNetwork network, PointLinks cells, List<NetworkPoint> sites, double limit,
                                          MultiSourceSearch search, PointLinks.Walk walk) {
        int[] firstPair = new int[sites.size() + 1];
        IntArrayList pairCell = new IntArrayList();
        FloatArrayList pairCost = new FloatArrayList();
        IntArrayList siteCells = new IntArrayList();
        FloatArrayList siteCosts = new FloatArrayList();
        for (int site = 0; site < sites.size(); site++) {
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
            if (sites.size() >= 50 && (site + 1) % (sites.size() / 10) == 0) {
                LOG.infof("Catchments: %d of %d sites", site + 1, sites.size());
            }
        }
        return new TravelTimes(null, null, firstPair, pairCell.toArray(), pairCost.toArray(), limit);
    }

    /** Catchments given as they are: site s reaches pairCell/pairCost[firstPair[s] .. firstPair[s+1]), nearest first. */
    public static TravelTimes ofPairs(int[] firstPair, int[] pairCell, float[] pairCost, double limit) {
        return new TravelTimes(null, null, firstPair, pairCell, pairCost, limit);
    }

    /** Site s's pairs are first(s) .. first(s + 1) − 1, nearest first. */
    public int first(int site) {
        return firstPair[site];
    }

    public int cell(int pair) {
        return pairCell[pair];
    }
}
