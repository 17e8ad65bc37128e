package org.carecircle.engine.coverage;

import org.carecircle.engine.network.CostKind;
import org.carecircle.engine.network.MultiSourceSearch;
import org.carecircle.engine.network.NetworkPoint;
import org.carecircle.engine.network.PointLinks;
import org.carecircle.engine.network.WalkingNetwork;

import java.util.Arrays;
import java.util.List;

/**
 * Each population cell's walk to its nearest institution at any distance, in flat-equivalent
 * metres (slope and steps included), from one multi-source search.
 */
public final class NearestInstitution {
    /** +∞ where no institution can be reached. */
    private final float[] cost;
    /** Index of that institution, -1 if none. */
    private final int[] site;

    private NearestInstitution(float[] cost, int[] site) {
        this.cost = cost;
        this.site = site;
    }

    public static NearestInstitution compute(WalkingNetwork network, PointLinks cells, List<NetworkPoint> sites) {
        return compute(cells, sites, new MultiSourceSearch(network), cells.walk());
    }

    static NearestInstitution compute(PointLinks cells, List<NetworkPoint> sites, MultiSourceSearch search,
                                      PointLinks.Walk walk) {
        float[] cost = new float[cells.size()];
        int[] site = new int[cells.size()];
        Arrays.fill(cost, Float.POSITIVE_INFINITY);
        Arrays.fill(site, -1);
        walk.reached(search.run(cells.profile(), CostKind.TIME, sites, Double.POSITIVE_INFINITY), CostKind.TIME, sites,
                Double.POSITIVE_INFINITY, (cell, reachedCost, origin) -> {
                    cost[cell] = reachedCost;
                    site[cell] = origin;
                });
        return new NearestInstitution(cost, site);
    }

    public float cost(int cell) {
        return cost[cell];
    }

    public int site(int cell) {
        return site[cell];
    }

    /** Every cell's cost, indexed by cell: the array itself, not a copy. */
    public float[] costs() {
        return cost;
    }
}
