package org.carecircle.network;

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
 * <p>The network search gives every reached node its cost. Each reached edge is sampled every
 * cell, with the cost of walking to that point along the edge. From the samples (and from the
 * origins themselves) the walker may step off the network in a straight line, at most
 * {@code offNetworkMetres}, never across a barrier (river, railway, wall) and never from a bridge
 * or tunnel. A cell of the {@code cellMetres} grid costs the cheapest such way to its centre; each
 * band is the set of cells within its limit. All bands threshold the same costs, so they nest
 * exactly; land the walker cannot reach stays a hole. Every circle of a network uses the same
 * projection and lattice, so circles compare cell for cell.
 */
public final class ServiceCircles {
    private static final double METRES_PER_DEGREE = 6_371_008.8 * Math.PI / 180;
    private static final int MAX_CELLS = 16_000_000;

    /** How fine the grid is and how far a walker may leave the network (to reach a door in a block). */
    public record Settings(double cellMetres, double offNetworkMetres) {
        public static final Settings DEFAULT = new Settings(10, 100);
    }

    /** One band: its limit (as given), the land within it, and that land's area. */
    public record Band(double limit, MultiPolygon area, double squareMetres) {
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
        float[] nodeCost = MultiSourceSearch.run(network, profile, cost, origins, maxLimit);
        // one projection and one lattice for the whole network: every circle's cells line up with every other's
        Projection projection = network.projection();

        double cell = Math.max(settings.cellMetres(), 1);
        Samples samples = sample(network, profile, cost, origins, nodeCost, maxLimit, projection, cell);
        for (double[] place : originPlaces) {
            samples.add(projection.x(place[1]), projection.y(place[0]), 0);
        }
        if (samples.size == 0) {
            List<Band> empty = new ArrayList<>();
            for (double limit : limits) {
                empty.add(new Band(limit, factory.createMultiPolygon(), 0));
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
        Grid grid = new Grid(width, height, cell, minX, minY);
        grid.block(network.barriers, projection);
        float[] cellCost = grid.spread(samples, settings.offNetworkMetres(), maxLimit);

        double finalCell = cell;
        GridPolygons.Lattice lattice = (x, y) -> new Coordinate(
                projection.longitude(minX + x * finalCell), projection.latitude(minY + y * finalCell));
        List<Band> bands = new ArrayList<>(limits.length);
        for (double limit : limits) {
            BitSet inside = new BitSet(width * height);
            for (int c = 0; c < cellCost.length; c++) {
                if (cellCost[c] <= limit) {
                    inside.set(c);
                }
            }
            bands.add(new Band(limit, GridPolygons.trace(inside, width, height, lattice, factory),
                    inside.cardinality() * cell * cell));
        }
        return bands;
    }

    /** Points along every reached edge, each with the cheapest cost of walking there on the network. */
    private static Samples sample(WalkingNetwork network, WalkingProfile profile, CostKind kind, List<NetworkPoint> origins,
                                  float[] nodeCost, double limit, Projection projection, double step) {
        Map<Integer, List<NetworkPoint>> originsOnEdge = new HashMap<>();
        for (NetworkPoint origin : origins) {
            originsOnEdge.computeIfAbsent(origin.edge(), e -> new ArrayList<>()).add(origin);
        }
        Samples samples = new Samples();
        for (int e = 0; e < network.edgeCount; e++) {
            if (!network.usable(e, profile) || (network.edgeFlags[e] & WalkingNetwork.NO_SPREAD) != 0) {
                continue;
            }
            float costAtBase = nodeCost[network.edgeBase[e]];
            float costAtAdjacent = nodeCost[network.edgeAdjacent[e]];
            List<NetworkPoint> here = originsOnEdge.get(e);
            if (costAtBase > limit && costAtAdjacent > limit && here == null) {
                continue;
            }
            double length = network.edgeLength[e];
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
            double along = 0;
            for (int p = first; p < last; p++) {
                double x0 = projection.x(network.geometryLongitude[p]), y0 = projection.y(network.geometryLatitude[p]);
                double x1 = projection.x(network.geometryLongitude[p + 1]), y1 = projection.y(network.geometryLatitude[p + 1]);
                double segment = Math.hypot(x1 - x0, y1 - y0);
                int pieces = Math.max(1, (int) Math.ceil(segment / step));
                for (int j = (p == first ? 0 : 1); j <= pieces; j++) {
                    double t = (double) j / pieces;
                    double s = (along + t * segment) * scale;
                    double cost = Math.min(costAtBase + forwardRate * s, costAtAdjacent + backwardRate * (length - s));
                    if (here != null) {
                        for (NetworkPoint origin : here) {
                            cost = Math.min(cost, origin.distance() + (s >= origin.along()
                                    ? forwardRate * (s - origin.along()) : backwardRate * (origin.along() - s)));
                        }
                    }
                    if (cost <= limit) {
                        samples.add(x0 + t * (x1 - x0), y0 + t * (y1 - y0), cost);
                    }
                }
                along += segment;
            }
        }
        return samples;
    }

    /** Equirectangular metres around a reference point: under 0.1 % error over a city district. */
    static final class Projection {
        final double latitude0;
        final double longitude0;
        final double metresPerDegreeLongitude;

        Projection(double latitude0, double longitude0) {
            this.latitude0 = latitude0;
            this.longitude0 = longitude0;
            this.metresPerDegreeLongitude = METRES_PER_DEGREE * Math.cos(Math.toRadians(latitude0));
        }

        double x(double longitude) {
            return (longitude - longitude0) * metresPerDegreeLongitude;
        }

        double y(double latitude) {
            return (latitude - latitude0) * METRES_PER_DEGREE;
        }

        double longitude(double x) {
            return longitude0 + x / metresPerDegreeLongitude;
        }

        double latitude(double y) {
            return latitude0 + y / METRES_PER_DEGREE;
        }

        double distance(double latitudeA, double longitudeA, double latitudeB, double longitudeB) {
            return Math.hypot(x(longitudeB) - x(longitudeA), y(latitudeB) - y(latitudeA));
        }
    }

    private static final class Samples {
        float[] x = new float[1024];
        float[] y = new float[1024];
        float[] cost = new float[1024];
        int size;
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;

        void add(double px, double py, double pointCost) {
            if (size == x.length) {
                x = Arrays.copyOf(x, size * 2);
                y = Arrays.copyOf(y, size * 2);
                cost = Arrays.copyOf(cost, size * 2);
            }
            x[size] = (float) px;
            y[size] = (float) py;
            cost[size] = (float) pointCost;
            size++;
            minX = Math.min(minX, px);
            minY = Math.min(minY, py);
            maxX = Math.max(maxX, px);
            maxY = Math.max(maxY, py);
        }
    }

    /** The cells, those a barrier runs through, and the cheapest cost of reaching each. */
    private static final class Grid {

        final int width;
        final int height;
        final double cell;
        final double minX;
        final double minY;
        final BitSet blocked;

        Grid(int width, int height, double cell, double minX, double minY) {
            this.width = width;
            this.height = height;
            this.cell = cell;
            this.minX = minX;
            this.minY = minY;
            this.blocked = new BitSet(width * height);
        }

        /** Marks every cell a barrier passes through, sampled finely enough to leave no gap. */
        void block(Barriers barriers, Projection projection) {
            double maxX = minX + width * cell, maxY = minY + height * cell;
            barriers.forEachNear(projection.latitude(minY), projection.longitude(minX),
                    projection.latitude(maxY), projection.longitude(maxX), segment -> {
                        double x0 = projection.x(barriers.longitude1(segment)), y0 = projection.y(barriers.latitude1(segment));
                        double x1 = projection.x(barriers.longitude2(segment)), y1 = projection.y(barriers.latitude2(segment));
                        int steps = Math.max(1, (int) Math.ceil(Math.hypot(x1 - x0, y1 - y0) / (cell / 4)));
                        for (int i = 0; i <= steps; i++) {
                            double t = (double) i / steps;
                            int cx = (int) Math.floor((x0 + t * (x1 - x0) - minX) / cell);
                            int cy = (int) Math.floor((y0 + t * (y1 - y0) - minY) / cell);
                            if (cx >= 0 && cy >= 0 && cx < width && cy < height) {
                                blocked.set(cy * width + cx);
                            }
                        }
                    });
        }

        /**
         * Each cell's cost: the cheapest, over the samples within {@code offNetwork} metres in a straight
         * line that crosses no barrier, of the sample's cost plus that straight walk. A minimum over
         * sources, so more origins can only lower costs: a union circle holds every single one.
         */
        float[] spread(Samples samples, double offNetwork, double limit) {
            float[] cost = new float[width * height];
            Arrays.fill(cost, Float.POSITIVE_INFINITY);
            int[] blockedBefore = blocked.isEmpty() ? null : blockedPrefixSums();
            for (int i = 0; i < samples.size; i++) {
                double reach = Math.min(offNetwork, limit - samples.cost[i]);
                if (reach < 0) {
                    continue;
                }
                double sx = (samples.x[i] - minX) / cell, sy = (samples.y[i] - minY) / cell;
                int radius = (int) Math.ceil(reach / cell);
                int x0 = Math.max(0, (int) sx - radius), x1 = Math.min(width - 1, (int) sx + radius);
                int y0 = Math.max(0, (int) sy - radius), y1 = Math.min(height - 1, (int) sy + radius);
                boolean mindBarriers = blockedBefore != null && blockedIn(blockedBefore, x0, y0, x1, y1);
                for (int cy = y0; cy <= y1; cy++) {
                    double dy = (cy + 0.5 - sy) * cell;
                    for (int cx = x0; cx <= x1; cx++) {
                        double distance = Math.hypot((cx + 0.5 - sx) * cell, dy);
                        int c = cy * width + cx;
                        float value = (float) (samples.cost[i] + distance);
                        if (distance <= reach && value < cost[c]
                                && (!mindBarriers || (!blocked.get(c) && clearSight(sx, sy, cx + 0.5, cy + 0.5)))) {
                            cost[c] = value;
                        }
                    }
                }
            }
            return cost;
        }

        /** blockedBefore[(y) * (width + 1) + x]: blocked cells in columns < x of rows < y. */
        private int[] blockedPrefixSums() {
            int[] sums = new int[(width + 1) * (height + 1)];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    sums[(y + 1) * (width + 1) + x + 1] = sums[y * (width + 1) + x + 1] + sums[(y + 1) * (width + 1) + x]
                            - sums[y * (width + 1) + x] + (blocked.get(y * width + x) ? 1 : 0);
                }
            }
            return sums;
        }

        private boolean blockedIn(int[] sums, int x0, int y0, int x1, int y1) {
            int w = width + 1;
            return sums[(y1 + 1) * w + x1 + 1] - sums[y0 * w + x1 + 1] - sums[(y1 + 1) * w + x0] + sums[y0 * w + x0] > 0;
        }

        /** True if the straight line between two grid positions passes no blocked cell (checked every quarter cell). */
        private boolean clearSight(double ax, double ay, double bx, double by) {
            int steps = Math.max(1, (int) Math.ceil(Math.hypot(bx - ax, by - ay) * 4));
            for (int k = 0; k <= steps; k++) {
                double t = (double) k / steps;
                int x = (int) Math.floor(ax + t * (bx - ax)), y = (int) Math.floor(ay + t * (by - ay));
                if (x >= 0 && y >= 0 && x < width && y < height && blocked.get(y * width + x)) {
                    return false;
                }
            }
            return true;
        }
    }
}
