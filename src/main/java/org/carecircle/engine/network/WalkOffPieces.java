package org.carecircle.engine.network;

import com.carrotsearch.hppc.IntObjectHashMap;
import org.carecircle.engine.geometry.Projection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a walker may leave the network, and at what cost: straight pieces of the reached streets,
 * each with the cost of walking from its ends to the nearest origin, linear in between.
 *
 * <p>Along an edge the cost of a point is the cheapest of a few straight-line approaches: on to the
 * base node, on to the adjacent node, or to an origin on the edge itself. Each piece follows one
 * approach along a stretch of the edge that is straight within a tolerance, so its cost is linear
 * (exact at its ends); where the base and adjacent approaches cross, the edge is split, so they do
 * not overlap. Bridges and tunnels give no pieces: nobody steps off them.
 */
final class WalkOffPieces {
    double[] x0 = new double[256];
    double[] y0 = new double[256];
    double[] cost0 = new double[256];
    double[] x1 = new double[256];
    double[] y1 = new double[256];
    double[] cost1 = new double[256];
    /** Whether the next piece goes straight on (within the tolerance) from this one's end. */
    boolean[] continues = new boolean[256];
    int size;
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    /** How far a piece may stray from the street it stands for: winding streets become fewer, longer pieces. */
    private final double tolerance;
    /** The stretch being gathered into one piece: its start, its end so far, and the bends between. */
    private boolean running;
    private double runX;
    private double runY;
    private double runCost;
    private double endX;
    private double endY;
    private double endCost;
    private double[] bends = new double[32];
    private int bendCount;

    WalkOffPieces(double tolerance) {
        this.tolerance = tolerance;
    }

    /** The pieces of every edge the search reached, with cost up to {@code limit}, straight within {@code tolerance} metres. */
    static WalkOffPieces of(WalkingNetwork network, WalkingProfile profile, CostKind kind, List<NetworkPoint> origins,
                            MultiSourceSearch.Result search, double limit, double tolerance) {
        float[] nodeCost = search.cost();
        IntObjectHashMap<List<NetworkPoint>> originsOnEdge = new IntObjectHashMap<>();
        for (NetworkPoint origin : origins) {
            List<NetworkPoint> here = originsOnEdge.get(origin.edge());
            if (here == null) {
                originsOnEdge.put(origin.edge(), here = new ArrayList<>());
            }
            here.add(origin);
        }
        WalkOffPieces pieces = new WalkOffPieces(tolerance);
        Projection projection = network.projection();
        for (int i = 0; i < search.settled().size(); i++) {
            int node = search.settled().get(i);
            for (int arc = network.firstArc[node]; arc < network.firstArc[node + 1]; arc++) {
                int edge = network.arcEdge[arc];
                int other = network.edgeBase[edge] == node ? network.edgeAdjacent[edge] : network.edgeBase[edge];
                // each edge once: from its only reached end, or from the lower-numbered one
                if (Float.isFinite(nodeCost[other]) && other < node) {
                    continue;
                }
                pieces.addEdge(network, profile, kind, edge, nodeCost, originsOnEdge.get(edge), limit, projection);
            }
        }
        for (NetworkPoint origin : origins) {
            int edge = origin.edge();
            if (!Float.isFinite(nodeCost[network.edgeBase[edge]]) && !Float.isFinite(nodeCost[network.edgeAdjacent[edge]])) {
                pieces.addEdge(network, profile, kind, edge, nodeCost, originsOnEdge.get(edge), limit, projection);
                originsOnEdge.remove(edge);
            }
        }
        return pieces;
    }

    /** A piece from (x0, y0) to (x1, y1) in projected metres, its cost linear from cost0 to cost1. */
    void add(double ax, double ay, double costA, double bx, double by, double costB) {
        if (size == x0.length) {
            x0 = Arrays.copyOf(x0, size * 2);
            y0 = Arrays.copyOf(y0, size * 2);
            cost0 = Arrays.copyOf(cost0, size * 2);
            x1 = Arrays.copyOf(x1, size * 2);
            y1 = Arrays.copyOf(y1, size * 2);
            cost1 = Arrays.copyOf(cost1, size * 2);
            continues = Arrays.copyOf(continues, size * 2);
        }
        continues[size] = false;
        x0[size] = ax;
        y0[size] = ay;
        cost0[size] = costA;
        x1[size] = bx;
        y1[size] = by;
        cost1[size] = costB;
        size++;
        minX = Math.min(minX, Math.min(ax, bx));
        minY = Math.min(minY, Math.min(ay, by));
        maxX = Math.max(maxX, Math.max(ax, bx));
        maxY = Math.max(maxY, Math.max(ay, by));
    }

    private void addEdge(WalkingNetwork network, WalkingProfile profile, CostKind kind, int e, float[] nodeCost,
                         List<NetworkPoint> here, double limit, Projection projection) {
        if (!network.usable(e, profile) || (network.edgeFlags[e] & WalkingNetwork.NO_SPREAD) != 0) {
            return;
        }
        double length = network.edgeLength[e];
        double costAtBase = nodeCost[network.edgeBase[e]];
        double costAtAdjacent = nodeCost[network.edgeAdjacent[e]];
        // per metre: walking on towards the adjacent node, and back towards the base node (+∞ where not allowed)
        double forwardRate = length > 0 ? kind.forward(network, e) / length : 0;
        double backwardRate = length > 0 ? kind.backward(network, e) / length : 0;
        // where walking back to the base node stops being cheaper than walking on to the adjacent one
        double split;
        if (!Double.isFinite(costAtAdjacent) || !Double.isFinite(forwardRate)) {
            split = length;
        } else if (!Double.isFinite(costAtBase) || !Double.isFinite(backwardRate)) {
            split = 0;
        } else {
            double rates = backwardRate + forwardRate;
            split = rates > 0 ? Math.max(0, Math.min(length, (costAtAdjacent + forwardRate * length - costAtBase) / rates)) : 0;
        }
        int first = network.geometryStart[e], last = network.geometryStart[e + 1] - 1;
        // each approach over the stretch where it is the cheapest; one of a single point only where it is all
        // a one-way way offers (elsewhere a neighbouring stretch holds that point at no greater cost)
        if (Double.isFinite(costAtBase) && (split > 0 || !Double.isFinite(backwardRate) || length <= 0)) {
            addApproach(network, first, last, 0, costAtBase, backwardRate, 0, split, limit, projection);
        }
        if (Double.isFinite(costAtAdjacent) && (split < length || !Double.isFinite(forwardRate))) {
            addApproach(network, first, last, length, costAtAdjacent, forwardRate, split, length, limit, projection);
        }
        if (here != null) {
            for (NetworkPoint origin : here) {
                double along = Math.max(0, Math.min(length, origin.along()));
                double cost = origin.distance();
                // an origin's own approach counts only where it beats walking via a node at the same rate
                if (along > 0 && !(costAtAdjacent + forwardRate * (length - along) <= cost)) {
                    addApproach(network, first, last, along, cost, forwardRate, 0, along, limit, projection);
                }
                if (along < length && !(costAtBase + backwardRate * along <= cost)) {
                    addApproach(network, first, last, along, cost, backwardRate, along, length, limit, projection);
                }
            }
        }
    }

    /**
     * Pieces for the stretch [from, to] (network metres from the base node) of the edge whose
     * geometry points are first..last, where cost grows from {@code anchorCost} at {@code anchor} by
     * {@code rate} per metre away from it (only the anchor itself where the rate is +∞: a one-way
     * way), cut at {@code limit}.
     */
    private void addApproach(WalkingNetwork network, int first, int last, double anchor, double anchorCost, double rate,
                             double from, double to, double limit, Projection projection) {
        if (anchorCost > limit) {
            return;
        }
        if (Double.isFinite(rate) && rate > 0) {
            double reach = (limit - anchorCost) / rate;
            from = Math.max(from, anchor - reach);
            to = Math.min(to, anchor + reach);
        } else {
            from = to = anchor;
            rate = 0;
        }
        if (from > to) {
            return;
        }
        float[] along = network.geometryAlong;
        for (int p = first; p < last; p++) {
            double start = Math.max(from, along[p]), end = Math.min(to, along[p + 1]);
            double span = along[p + 1] - along[p];
            if (start > end || span <= 0 && p + 1 < last) {
                continue;
            }
            if (start == end && end == along[p + 1] && p + 1 < last) {
                // a stretch of one point, at this segment's end: the next segment holds it
                continue;
            }
            double x0 = projection.x(network.geometryLongitude[p]), y0 = projection.y(network.geometryLatitude[p]);
            double dx = projection.x(network.geometryLongitude[p + 1]) - x0;
            double dy = projection.y(network.geometryLatitude[p + 1]) - y0;
            double t0 = span > 0 ? (start - along[p]) / span : 0, t1 = span > 0 ? (end - along[p]) / span : 0;
            double startCost = anchorCost + rate * Math.abs(start - anchor);
            if (!running) {
                beginRun(x0 + t0 * dx, y0 + t0 * dy, startCost);
            }
            extendRun(x0 + t1 * dx, y0 + t1 * dy, anchorCost + rate * Math.abs(end - anchor));
            if (start == end) {
                break;
            }
        }
        endRun();
    }

    private void beginRun(double x, double y, double cost) {
        running = true;
        runX = x;
        runY = y;
        runCost = cost;
        endX = x;
        endY = y;
        endCost = cost;
        bendCount = 0;
    }

    /** Carries the run on to (x, y), or closes it and starts the next where it would bend too much. */
    private void extendRun(double x, double y, double cost) {
        if (endX != runX || endY != runY) {
            if (bendCount * 2 == bends.length) {
                bends = Arrays.copyOf(bends, bends.length * 2);
            }
            bends[2 * bendCount] = endX;
            bends[2 * bendCount + 1] = endY;
            bendCount++;
            for (int i = 0; i < bendCount; i++) {
                if (!nearLine(bends[2 * i], bends[2 * i + 1], runX, runY, x, y)) {
                    double fromX = endX, fromY = endY, fromCost = endCost;
                    endRun();
                    beginRun(fromX, fromY, fromCost);
                    break;
                }
            }
        }
        endX = x;
        endY = y;
        endCost = cost;
    }

    private void endRun() {
        if (!running) {
            return;
        }
        running = false;
        // straight on from the previous piece: painted as one where both reach fully
        if (size > 0 && x1[size - 1] == runX && y1[size - 1] == runY && (runX != endX || runY != endY)
                && nearLine(runX, runY, x0[size - 1], y0[size - 1], endX, endY)) {
            continues[size - 1] = true;
        }
        add(runX, runY, runCost, endX, endY, endCost);
    }

    /** Whether point p lies within the tolerance of segment a–b. */
    private boolean nearLine(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax, dy = by - ay, squared = dx * dx + dy * dy;
        double t = squared > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / squared)) : 0;
        double ex = ax + t * dx - px, ey = ay + t * dy - py;
        return ex * ex + ey * ey <= tolerance * tolerance;
    }
}
