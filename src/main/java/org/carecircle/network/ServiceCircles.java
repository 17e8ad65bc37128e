package org.carecircle.network;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.IntIntHashMap;
import org.carecircle.api.Projection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Service circles from one search: the land a walker reaches within each limit, as exact polygons.
 *
 * <p>The network search gives every reached node its cost of walking to the nearest origin. Each reached edge is sampled every two
 * cells, with the cost of walking to that point along the edge (where cost grows along an edge at
 * the walking rate, the cheaper sample's straight walk already beats the street, so the spacing
 * only shapes the outer edge of the off-network reach). From the samples (and from the
 * origins themselves) the walker may step off the network in a straight line, at most
 * {@code offNetworkMetres}, never across a barrier (river, railway, wall) and never from a bridge
 * or tunnel. A cell of the {@code cellMetres} grid costs the cheapest such way to its centre; each
 * band is the set of cells within its limit. All bands threshold the same costs, so they nest
 * exactly; land the walker cannot reach stays a hole. Every circle of a network uses the same
 * projection and lattice, so circles compare cell for cell.
 */
public final class ServiceCircles {
    private static final int MAX_CELLS = 16_000_000;

    /** How fine the grid is and how far a walker may leave the network (to reach a door in a block). */
    public record Settings(double cellMetres, double offNetworkMetres) {
        public static final Settings DEFAULT = new Settings(10, 100);
    }

    /** One band: its limit (as given), the land within it, and that land's area. */
    public record Band(double limit, MultiPolygon area, double squareMetres, Reach reach) {
        /** Whether the place lies within the band: exactly whether it lies in {@link #area()}. */
        public boolean contains(double latitude, double longitude) {
            return reach.cost(latitude, longitude) <= limit;
        }
    }

    /** The cost of every cell of one circle computation, to test places without touching polygons. */
    public static final class Reach {
        private final Projection projection;
        private final double minX;
        private final double minY;
        private final double cell;
        private final int width;
        private final int height;
        private final float[] cost;

        Reach(Projection projection, double minX, double minY, double cell, int width, int height, float[] cost) {
            this.projection = projection;
            this.minX = minX;
            this.minY = minY;
            this.cell = cell;
            this.width = width;
            this.height = height;
            this.cost = cost;
        }

        double cost(double latitude, double longitude) {
            int x = (int) Math.floor((projection.x(longitude) - minX) / cell);
            int y = (int) Math.floor((projection.y(latitude) - minY) / cell);
            return x < 0 || y < 0 || x >= width || y >= height ? Double.POSITIVE_INFINITY : cost[y * width + x];
        }
    }

    private ServiceCircles() {
    }

    /**
     * Circles around all {@code origins} together, one per limit (flat-equivalent metres when
     * {@code cost} is TIME, network metres when DISTANCE), ascending.
     */
    public static List<Band> build(WalkingNetwork network, WalkingProfile profile, CostKind cost,
                                   List<NetworkPoint> origins, List<double[]> originPlaces, double[] limits,
                                   Settings settings, GeometryFactory factory) {
        double maxLimit = limits[limits.length - 1];
        MultiSourceSearch.Result search = MultiSourceSearch.search(network, profile, cost, origins, maxLimit);
        // one projection and one lattice for the whole network: every circle's cells line up with every other's
        Projection projection = network.projection();

        double cell = Math.max(settings.cellMetres(), 1);
        Samples samples = sample(network, profile, cost, origins, search, maxLimit, projection, 2 * cell);
        for (double[] place : originPlaces) {
            samples.add(projection.x(place[1]), projection.y(place[0]), 0, -1);
        }
        if (samples.size == 0) {
            Reach nowhere = new Reach(projection, 0, 0, 1, 0, 0, new float[0]);
            List<Band> empty = new ArrayList<>();
            for (double limit : limits) {
                empty.add(new Band(limit, factory.createMultiPolygon(), 0, nowhere));
            }
            return empty;
        }
        double margin = settings.offNetworkMetres() + 2 * cell;
        while ((samples.maxX - samples.minX + 2 * margin) / cell * ((samples.maxY - samples.minY + 2 * margin) / cell) > MAX_CELLS) {
            cell *= 2;
        }
        double minX = Math.floor((samples.minX - margin) / cell) * cell;
        double minY = Math.floor((samples.minY - margin) / cell) * cell;
        int width = (int) Math.ceil((samples.maxX + margin - minX) / cell);
        int height = (int) Math.ceil((samples.maxY + margin - minY) / cell);
        Grid grid = new Grid(width, height, cell, minX, minY, network.barrierRaster(cell, settings.offNetworkMetres()));
        float[] cellCost = grid.spread(samples, settings.offNetworkMetres(), maxLimit);

        double finalCell = cell;
        GridPolygons.Lattice lattice = (x, y) -> new Coordinate(
                projection.longitude(minX + x * finalCell), projection.latitude(minY + y * finalCell));
        Reach reach = new Reach(projection, minX, minY, cell, width, height, cellCost);
        List<Band> bands = new ArrayList<>(limits.length);
        for (double limit : limits) {
            BitSet inside = new BitSet(width * height);
            for (int c = 0; c < cellCost.length; c++) {
                if (cellCost[c] <= limit) {
                    inside.set(c);
                }
            }
            bands.add(new Band(limit, GridPolygons.trace(inside, width, height, lattice, factory),
                    inside.cardinality() * cell * cell, reach));
        }
        return bands;
    }

    /**
     * Points where the walker may step off the network, each with the cheapest cost of walking
     * there: every reached node once, and points every {@code step} metres inside each reached edge.
     * An inside point whose neighbour on the edge is at least as cheap even counting the walk between
     * them is "dominated" by it: it can only add land beyond the neighbour's reach (see {@link Grid}).
     */
    private static Samples sample(WalkingNetwork network, WalkingProfile profile, CostKind kind, List<NetworkPoint> origins,
                                  MultiSourceSearch.Result search, double limit, Projection projection, double step) {
        float[] nodeCost = search.cost();
        Map<Integer, List<NetworkPoint>> originsOnEdge = new HashMap<>();
        for (NetworkPoint origin : origins) {
            originsOnEdge.computeIfAbsent(origin.edge(), e -> new ArrayList<>()).add(origin);
        }
        Samples samples = new Samples();
        IntIntHashMap nodeSample = new IntIntHashMap();
        BitSet seen = new BitSet(network.edgeCount);
        IntArrayList edges = new IntArrayList();
        originsOnEdge.keySet().forEach(edge -> {
            seen.set(edge);
            edges.add(edge);
        });
        for (int i = 0; i < search.settled().size(); i++) {
            int node = search.settled().get(i);
            boolean spreads = false;
            for (int arc = network.firstArc[node]; arc < network.firstArc[node + 1]; arc++) {
                int edge = network.arcEdge[arc];
                if (network.usable(edge, profile) && (network.edgeFlags[edge] & WalkingNetwork.NO_SPREAD) == 0) {
                    spreads = true;
                    if (!seen.get(edge)) {
                        seen.set(edge);
                        edges.add(edge);
                    }
                }
            }
            if (spreads) {
                nodeSample.put(node, samples.size);
                samples.add(projection.x(network.nodeLongitude[node]), projection.y(network.nodeLatitude[node]),
                        nodeCost[node], -1);
            }
        }
        for (int i = 0; i < edges.size(); i++) {
            int e = edges.get(i);
            if (!network.usable(e, profile) || (network.edgeFlags[e] & WalkingNetwork.NO_SPREAD) != 0) {
                continue;
            }
            sampleEdge(network, kind, e, nodeCost, originsOnEdge.get(e), nodeSample, samples, limit, projection, step);
        }
        return samples;
    }

    private static void sampleEdge(WalkingNetwork network, CostKind kind, int e, float[] nodeCost, List<NetworkPoint> here,
                                   IntIntHashMap nodeSample, Samples samples, double limit, Projection projection, double step) {
        double costAtBase = nodeCost[network.edgeBase[e]];
        double costAtAdjacent = nodeCost[network.edgeAdjacent[e]];
        double length = network.edgeLength[e];
        // per metre: walking towards the adjacent node, and back towards the base node
        double forwardRate = length > 0 ? kind.forward(network, e) / length : 0;
        double backwardRate = length > 0 ? kind.backward(network, e) / length : 0;
        int first = network.geometryStart[e];
        int last = network.geometryStart[e + 1] - 1;
        double projectedLength = 0;
        for (int p = first; p < last; p++) {
            projectedLength += projection.distance(network.geometryLatitude[p], network.geometryLongitude[p],
                    network.geometryLatitude[p + 1], network.geometryLongitude[p + 1]);
        }
        double scale = projectedLength > 0 ? length / projectedLength : 0;
        // the edge's points in order: its base node's sample, inside points, its adjacent node's sample
        int previous = nodeSample.getOrDefault(network.edgeBase[e], -1);
        int firstInside = samples.size;
        double along = 0;
        for (int p = first; p < last; p++) {
            double x0 = projection.x(network.geometryLongitude[p]), y0 = projection.y(network.geometryLatitude[p]);
            double x1 = projection.x(network.geometryLongitude[p + 1]), y1 = projection.y(network.geometryLatitude[p + 1]);
            double segment = Math.sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
            int pieces = Math.max(1, (int) Math.ceil(segment / step));
            for (int j = (p == first ? 1 : 0); j < pieces; j++) {
                double t = (double) j / pieces;
                double s = (along + t * segment) * scale;
                // from this point, walk back to the base node or on to the adjacent node, then on to an origin
                double cost = Math.min(costAtBase + backwardRate * s, costAtAdjacent + forwardRate * (length - s));
                if (here != null) {
                    for (NetworkPoint origin : here) {
                        cost = Math.min(cost, origin.distance() + (s >= origin.along()
                                ? backwardRate * (s - origin.along()) : forwardRate * (origin.along() - s)));
                    }
                }
                if (cost <= limit) {
                    samples.add(x0 + t * (x1 - x0), y0 + t * (y1 - y0), cost, -1);
                }
            }
            along += segment;
        }
        int next = nodeSample.getOrDefault(network.edgeAdjacent[e], -1);
        for (int i = firstInside; i < samples.size; i++) {
            int before = i == firstInside ? previous : i - 1;
            int after = i == samples.size - 1 ? next : i + 1;
            samples.dominator[i] = samples.dominates(before, i) ? before : samples.dominates(after, i) ? after : -1;
        }
        // a node is dominated by the edge it was reached along: by the nearest inside point, or the node before
        int nearBase = samples.size > firstInside ? firstInside : next;
        int nearAdjacent = samples.size > firstInside ? samples.size - 1 : previous;
        if (previous >= 0 && samples.dominator[previous] < 0 && samples.dominates(nearBase, previous)) {
            samples.dominator[previous] = nearBase;
        }
        if (next >= 0 && samples.dominator[next] < 0 && samples.dominates(nearAdjacent, next)) {
            samples.dominator[next] = nearAdjacent;
        }
    }

    private static final class Samples {
        float[] x = new float[1024];
        float[] y = new float[1024];
        float[] cost = new float[1024];
        int[] dominator = new int[1024];
        int size;
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;

        void add(double px, double py, double pointCost, int dominatedBy) {
            if (size == x.length) {
                x = Arrays.copyOf(x, size * 2);
                y = Arrays.copyOf(y, size * 2);
                cost = Arrays.copyOf(cost, size * 2);
                dominator = Arrays.copyOf(dominator, size * 2);
            }
            x[size] = (float) px;
            y[size] = (float) py;
            cost[size] = (float) pointCost;
            dominator[size] = dominatedBy;
            size++;
            minX = Math.min(minX, px);
            minY = Math.min(minY, py);
            maxX = Math.max(maxX, px);
            maxY = Math.max(maxY, py);
        }

        /** Sample indices in ascending cost. */
        int[] byCost() {
            long[] keyed = new long[size];
            for (int i = 0; i < size; i++) {
                // non-negative floats sort as their bit patterns
                keyed[i] = ((long) Float.floatToRawIntBits(cost[i]) << 32) | i;
            }
            Arrays.sort(keyed);
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[i] = (int) keyed[i];
            }
            return order;
        }

        /**
         * True if walking from sample {@code a} to {@code b} in a straight line costs no more than b's
         * own cost, within 0.5 % of the step: network lengths are GraphHopper's great-circle metres,
         * the grid's are projected ones, and they differ by up to about 0.1 % across a city.
         */
        boolean dominates(int a, int b) {
            if (a < 0) {
                return false;
            }
            double dx = x[a] - x[b], dy = y[a] - y[b];
            return cost[a] + 0.995 * Math.sqrt(dx * dx + dy * dy) <= cost[b];
        }
    }

    /** The cells, those a barrier runs through, and the cheapest cost of reaching each. */
    private static final class Grid {
        final int width;
        final int height;
        final double cell;
        final double minX;
        final double minY;
        private final BarrierRaster barriers;
        /** This grid's cell (0, 0) in the barrier raster's columns and rows. */
        private final int offsetX;
        private final int offsetY;

        Grid(int width, int height, double cell, double minX, double minY, BarrierRaster barriers) {
            this.width = width;
            this.height = height;
            this.cell = cell;
            this.minX = minX;
            this.minY = minY;
            this.barriers = barriers;
            this.offsetX = (int) (Math.round(minX / cell) - barriers.column0);
            this.offsetY = (int) (Math.round(minY / cell) - barriers.row0);
        }

        private boolean blockedAt(int x, int y) {
            return barriers.blocked(offsetX + x, offsetY + y);
        }

        private boolean blockedNear(int x0, int y0, int x1, int y1) {
            return barriers.near(offsetX + x0, offsetY + y0, offsetX + x1, offsetY + y1);
        }

        /**
         * Each cell's cost: the cheapest, over the samples within {@code offNetwork} metres in a straight
         * line that crosses no barrier, of the sample's cost plus that straight walk. A minimum over
         * sources, so more origins can only lower costs: a union circle holds every single one.
         */
        float[] spread(Samples samples, double offNetwork, double limit) {
            float[] cost = new float[width * height];
            Arrays.fill(cost, Float.POSITIVE_INFINITY);
            boolean anyBarrier = barriers.any();
            double reachCells = offNetwork / cell;
            // cheapest first: most later visits are then rejected before any square root
            for (int i : samples.byCost()) {
                double reach = Math.min(offNetwork, limit - samples.cost[i]) / cell;
                if (reach < 0) {
                    continue;
                }
                double sx = (samples.x[i] - minX) / cell, sy = (samples.y[i] - minY) / cell;
                int radius = (int) Math.ceil(reach);
                int y0 = Math.max(0, (int) sy - radius), y1 = Math.min(height - 1, (int) sy + radius);
                int x0 = Math.max(0, (int) sx - radius), x1 = Math.min(width - 1, (int) sx + radius);
                boolean mindBarriers = anyBarrier && blockedNear(x0, y0, x1, y1);
                // a dominated sample only adds land beyond its dominator's reach (or hidden from it by a barrier)
                int dominator = samples.dominator[i];
                double dx = dominator < 0 ? 0 : (samples.x[dominator] - minX) / cell;
                double dy = dominator < 0 ? 0 : (samples.y[dominator] - minY) / cell;
                float sampleCost = samples.cost[i];
                for (int cy = y0; cy <= y1; cy++) {
                    double rowOffset = cy + 0.5 - sy;
                    double halfSquared = reach * reach - rowOffset * rowOffset;
                    if (halfSquared < 0) {
                        continue;
                    }
                    double half = Math.sqrt(halfSquared);
                    int from = Math.max(x0, (int) Math.ceil(sx - half - 0.5));
                    int to = Math.min(x1, (int) Math.floor(sx + half - 0.5));
                    int skipFrom = Integer.MAX_VALUE, skipTo = Integer.MIN_VALUE;
                    if (dominator >= 0) {
                        double dominatorRow = cy + 0.5 - dy;
                        double dominatorSquared = reachCells * reachCells - dominatorRow * dominatorRow;
                        if (dominatorSquared > 0) {
                            double dominatorHalf = Math.sqrt(dominatorSquared) - 1e-6;
                            skipFrom = (int) Math.ceil(dx - dominatorHalf - 0.5);
                            skipTo = (int) Math.floor(dx + dominatorHalf - 0.5);
                            // near a barrier, skip only where the dominator surely sees the whole stretch
                            if (mindBarriers && blockedNear(Math.min((int) dx, skipFrom), Math.min((int) dy, cy),
                                    Math.max((int) dx, skipTo), Math.max((int) dy, cy))) {
                                skipFrom = Integer.MAX_VALUE;
                                skipTo = Integer.MIN_VALUE;
                            }
                        }
                    }
                    double rowSquared = rowOffset * rowOffset;
                    for (int cx = from; cx <= to; cx++) {
                        if (cx >= skipFrom && cx <= skipTo) {
                            cx = skipTo;
                            continue;
                        }
                        int c = cy * width + cx;
                        double room = (cost[c] - sampleCost) / cell;
                        double columnOffset = cx + 0.5 - sx;
                        double squared = columnOffset * columnOffset + rowSquared;
                        if (room <= 0 || squared >= room * room) {
                            continue;
                        }
                        if (!mindBarriers || (!blockedAt(cx, cy) && clearSight(sx, sy, cx + 0.5, cy + 0.5))) {
                            cost[c] = (float) (sampleCost + Math.sqrt(squared) * cell);
                        }
                    }
                }
            }
            return cost;
        }

        /**
         * True if the straight line between two grid positions passes no blocked cell: at once when no
         * barrier is near its box, else cell by cell along the line (both cells count where it passes a corner).
         */
        private boolean clearSight(double ax, double ay, double bx, double by) {
            int ix = (int) Math.floor(ax), iy = (int) Math.floor(ay);
            int tx = (int) Math.floor(bx), ty = (int) Math.floor(by);
            if (!blockedNear(Math.min(ix, tx), Math.min(iy, ty), Math.max(ix, tx), Math.max(iy, ty))) {
                return true;
            }
            double dx = bx - ax, dy = by - ay;
            int stepX = dx > 0 ? 1 : -1, stepY = dy > 0 ? 1 : -1;
            double deltaX = dx == 0 ? Double.POSITIVE_INFINITY : Math.abs(1 / dx);
            double deltaY = dy == 0 ? Double.POSITIVE_INFINITY : Math.abs(1 / dy);
            double nextX = dx == 0 ? Double.POSITIVE_INFINITY : ((stepX > 0 ? ix + 1 : ix) - ax) / dx;
            double nextY = dy == 0 ? Double.POSITIVE_INFINITY : ((stepY > 0 ? iy + 1 : iy) - ay) / dy;
            while (true) {
                if (blockedAt(ix, iy)) {
                    return false;
                }
                if (ix == tx && iy == ty) {
                    return true;
                }
                if (Math.abs(nextX - nextY) < 1e-12) {
                    if (blockedAt(ix + stepX, iy) || blockedAt(ix, iy + stepY)) {
                        return false;
                    }
                    ix += stepX;
                    iy += stepY;
                    nextX += deltaX;
                    nextY += deltaY;
                } else if (nextX < nextY) {
                    ix += stepX;
                    nextX += deltaX;
                } else {
                    iy += stepY;
                    nextY += deltaY;
                }
                if (nextX > 1 + 1e-9 && nextY > 1 + 1e-9 && (ix != tx || iy != ty)) {
                    return !blockedAt(tx, ty);
                }
            }
        }

    }
}
