package org.carecircle.engine.coverage;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.IntObjectHashMap;
import org.carecircle.engine.network.CostKind;
import org.carecircle.engine.network.MultiSourceSearch;
import org.carecircle.engine.network.NearestLabels;
import org.carecircle.engine.network.NetworkPoint;
import org.carecircle.engine.network.PointLinks;
import org.carecircle.engine.network.WalkingNetwork;

import java.util.Arrays;
import java.util.List;

/**
 * Each population cell's walk to its nearest institution at any distance, in flat-equivalent
 * metres (slope and steps included), from one multi-source search; with the search's node labels
 * kept, so that an edit of the institutions prices again only the cells near what it changed.
 */
public final class NearestInstitution {
    /** +∞ where no institution can be reached. */
    private final float[] cost;
    /** Index of that institution, -1 if none. */
    private final int[] site;
    private final List<NetworkPoint> sites;
    private final NearestLabels labels;

    private NearestInstitution(float[] cost, int[] site, List<NetworkPoint> sites, NearestLabels labels) {
        this.cost = cost;
        this.site = site;
        this.sites = List.copyOf(sites);
        this.labels = labels;
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
        MultiSourceSearch.Result result = search.run(cells.profile(), CostKind.TIME, sites, Double.POSITIVE_INFINITY);
        NearestLabels labels = NearestLabels.of(result, cells.profile(), CostKind.TIME, sites.size());
        walk.reached(result, CostKind.TIME, sites, Double.POSITIVE_INFINITY, (cell, reachedCost, origin) -> {
            cost[cell] = reachedCost;
            site[cell] = origin;
        });
        return new NearestInstitution(cost, site, sites, labels);
    }

    /**
     * The nearest institutions once the sites are {@code edited}, where {@code previous[i]} is site i's
     * index here if it stands where it stood, else -1 (new or moved); sites not named are gone. The
     * same answer as computing afresh (equal walks may go to another of the equally near sites), at
     * the cost of the nodes and cells whose nearest changes.
     */
    public NearestInstitution edited(WalkingNetwork network, PointLinks cells, List<NetworkPoint> edited, int[] previous) {
        NearestLabels.Edit edit = labels.edit(network, edited, previous);
        int[] newIndexOfOld = NearestLabels.newIndexOfOld(previous, sites.size());
        float[] newCost = cost.clone();
        int[] newSite = site.clone();
        for (int cell = 0; cell < newSite.length; cell++) {
            if (newSite[cell] >= 0) {
                newSite[cell] = newIndexOfOld[newSite[cell]];
            }
        }
        // edges where an origin came or went: the cells on them walked, or may walk, straight along to it
        IntArrayList edges = new IntArrayList();
        for (int old = 0; old < sites.size(); old++) {
            if (newIndexOfOld[old] < 0) {
                edges.add(sites.get(old).edge());
            }
        }
        IntObjectHashMap<IntArrayList> onEdge = new IntObjectHashMap<>();
        for (int index = 0; index < edited.size(); index++) {
            int e = edited.get(index).edge();
            if (previous[index] < 0) {
                edges.add(e);
            }
            IntArrayList here = onEdge.get(e);
            if (here == null) {
                onEdge.put(e, here = new IntArrayList());
            }
            here.add(index);
        }
        NearestLabels after = edit.labels();
        cells.placesNear(edit.changed(), edges, cell -> {
            newCost[cell] = Float.POSITIVE_INFINITY;
            newSite[cell] = -1;
            cells.nearest(cell, after, edited, onEdge.get(cells.edge(cell)), (point, reachedCost, origin) -> {
                newCost[point] = reachedCost;
                newSite[point] = origin;
            });
        });
        return new NearestInstitution(newCost, newSite, edited, after);
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
