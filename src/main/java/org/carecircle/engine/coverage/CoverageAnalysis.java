package org.carecircle.engine.coverage;

import org.carecircle.engine.network.MultiSourceSearch;
import org.carecircle.engine.network.NetworkPoint;
import org.carecircle.engine.network.PointLinks;
import org.carecircle.engine.network.WalkingNetwork;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole coverage analysis on plain inputs: walking times, coverage within each limit without
 * and with capacity, and floating-catchment scores, summed per cell, per area (rolled up through
 * the area tree) and per institution. Costs are flat-equivalent metres (divide by the walking
 * speed in metres per minute for minutes).
 *
 * @param limits   ascending; the longest is also the floating catchments' catchment and the sites' reach
 * @param capacity slots each institution offers (all slots, or free places)
 */
public record CoverageAnalysis(NearestInstitution nearest, SiteReach reach, double[] demand, double[] capacity,
                               double[] limits, List<Allocation.Result> allocations, double[] twoStep, double[] enhanced) {

    public static CoverageAnalysis run(WalkingNetwork network, PointLinks cells, List<NetworkPoint> sites,
                                       double[] childrenUnder3, double takeUpRate, double[] capacity, double[] limits) {
        if (limits.length == 0 || childrenUnder3.length != cells.size() || capacity.length != sites.size()) {
            throw new IllegalArgumentException("coverage: give at least one limit, children for every cell and capacity "
                    + "for every site");
        }
        MultiSourceSearch search = new MultiSourceSearch(network);
        PointLinks.Walk walk = cells.walk();
        NearestInstitution nearest = NearestInstitution.compute(cells, sites, search, walk);
        SiteReach reach = SiteReach.compute(cells, sites, limits[limits.length - 1], search, walk);
        return withWalks(nearest, reach, childrenUnder3, takeUpRate, capacity, limits);
    }

    /**
     * The analysis once the sites are edited, from this one's walks: {@code previous[i]} is site i's
     * index in this analysis if it stands where it stood, else -1 (new or moved); sites not named are
     * gone. Only the nodes and cells whose nearest institution changes are searched again, and only
     * the new sites' reach; then the allocation and floating catchments are computed (equal to a run
     * afresh, equal walks aside).
     */
    public CoverageAnalysis edited(WalkingNetwork network, PointLinks cells, List<NetworkPoint> sites, int[] previous,
                                   double[] childrenUnder3, double takeUpRate, double[] capacity, double[] limits) {
        if (capacity.length != sites.size() || previous.length != sites.size()) {
            throw new IllegalArgumentException("coverage: give capacity and a previous index for every site");
        }
        MultiSourceSearch search = network.borrowSearch();
        try {
            return withWalks(nearest.edited(network, cells, sites, previous),
                    reach.edited(cells, sites, previous, search, cells.walk()), childrenUnder3, takeUpRate, capacity, limits);
        } finally {
            network.release(search);
        }
    }

    /**
     * The analysis from walks found before: the same cells and sites in the same places, with other
     * children or other capacities (a resized institution, a scenario's new homes). Only the
     * allocation and the floating catchments are computed again; the searches are most of the work.
     */
    public static CoverageAnalysis withWalks(NearestInstitution nearest, SiteReach reach, double[] childrenUnder3,
                                             double takeUpRate, double[] capacity, double[] limits) {
        double catchment = limits.length == 0 ? 0 : limits[limits.length - 1];
        if (limits.length == 0 || catchment != reach.limit() || !(takeUpRate > 0 && takeUpRate <= 1)) {
            throw new IllegalArgumentException("coverage: give at least one limit, the longest the reach's, and a take-up "
                    + "rate in (0, 1]");
        }
        double[] demand = new double[childrenUnder3.length];
        for (int cell = 0; cell < demand.length; cell++) {
            demand[cell] = childrenUnder3[cell] * takeUpRate;
        }
        List<Allocation.Result> allocations = new ArrayList<>();
        for (double limit : limits) {
            allocations.add(Allocation.allocate(reach, demand, capacity, limit));
        }
        return new CoverageAnalysis(nearest, reach, demand, capacity, limits, allocations,
                FloatingCatchment.score(reach, catchment, demand, capacity, FloatingCatchment.PLAIN_WEIGHTS),
                FloatingCatchment.score(reach, catchment, demand, capacity, FloatingCatchment.ENHANCED_WEIGHTS));
    }

    public float nearestCost(int cell) {
        return nearest.cost(cell);
    }

    public int nearestSite(int cell) {
        return nearest.site(cell);
    }

    public boolean within(int cell, int limit) {
        return nearest.cost(cell) <= limits[limit];
    }

    public double covered(int cell, int limit) {
        return allocations.get(limit).cellCovered()[cell];
    }

    /**
     * Sums for the cells of every area: cell c counts in area[c] and each of its ancestors
     * ({@code parent[a]}, -1 at the top); {@code areaCount} sums, plus one more for all cells.
     */
    public Sums sum(double[] residents, double[] childrenUnder3, int[] area, int[] parent) {
        int groups = parent.length + 1;
        Sums sums = new Sums(groups, limits.length);
        for (int cell = 0; cell < demand.length; cell++) {
            for (int group = area[cell]; ; group = parent[group]) {
                int at = group < 0 ? parent.length : group;
                sums.add(at, cell, this, residents, childrenUnder3);
                if (group < 0) {
                    break;
                }
            }
        }
        return sums;
    }

    /** Per group (area, or the last for all cells): people, and people within each limit. */
    public static final class Sums {
        public final double[] residents;
        public final double[] childrenUnder3;
        public final double[] demand;
        public final double[][] residentsWithin;
        public final double[][] childrenWithin;
        public final double[][] demandCovered;
        /** Demand-weighted sums of the scores; divide by demand for the area's score. */
        public final double[] twoStepWeighted;
        public final double[] enhancedWeighted;
        /** Cells with residents: the 5-minute life-circle units. */
        public final int[] populatedCells;
        public final int[][] populatedCellsWithin;

        Sums(int groups, int limits) {
            residents = new double[groups];
            childrenUnder3 = new double[groups];
            demand = new double[groups];
            residentsWithin = new double[limits][groups];
            childrenWithin = new double[limits][groups];
            demandCovered = new double[limits][groups];
            twoStepWeighted = new double[groups];
            enhancedWeighted = new double[groups];
            populatedCells = new int[groups];
            populatedCellsWithin = new int[limits][groups];
        }

        private void add(int group, int cell, CoverageAnalysis analysis, double[] residentsOf, double[] childrenOf) {
            residents[group] += residentsOf[cell];
            childrenUnder3[group] += childrenOf[cell];
            demand[group] += analysis.demand[cell];
            twoStepWeighted[group] += analysis.demand[cell] * analysis.twoStep[cell];
            enhancedWeighted[group] += analysis.demand[cell] * analysis.enhanced[cell];
            if (residentsOf[cell] > 0) {
                populatedCells[group]++;
            }
            for (int limit = 0; limit < analysis.limits.length; limit++) {
                if (analysis.within(cell, limit)) {
                    residentsWithin[limit][group] += residentsOf[cell];
                    childrenWithin[limit][group] += childrenOf[cell];
                    if (residentsOf[cell] > 0) {
                        populatedCellsWithin[limit][group]++;
                    }
                }
                demandCovered[limit][group] += analysis.covered(cell, limit);
            }
        }
    }
}
