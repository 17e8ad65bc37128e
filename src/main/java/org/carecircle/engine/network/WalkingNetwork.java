package org.carecircle.engine.network;

import org.carecircle.engine.geometry.BoxGrid;
import org.carecircle.engine.geometry.Projection;

/**
 * The walkable street and footpath network as plain arrays, built once from the GraphHopper graph:
 * tower nodes, edges with their geometry, and for each node its outgoing arcs (compressed rows).
 * Costs are flat-equivalent metres: the flat distance that takes as long to walk (slope and steps
 * included, see {@link WalkingSpeed}), so dividing by any flat speed gives the time and one
 * search serves every speed.
 */
public final class WalkingNetwork {
    static final byte STEPS = 1;
    /** Bridges and tunnels: walked along, but nobody steps off them into what lies below or around. */
    static final byte NO_SPREAD = 2;

    final int nodeCount;
    final double[] nodeLatitude;
    final double[] nodeLongitude;

    final int edgeCount;
    final int[] edgeBase;
    final int[] edgeAdjacent;
    final float[] edgeLength;
    final float[] costForward;
    final float[] costBackward;
    final byte[] edgeFlags;
    /** Edge e's points (base node first, adjacent node last) are geometry[geometryStart[e] .. geometryStart[e+1]). */
    final int[] geometryStart;
    final double[] geometryLatitude;
    final double[] geometryLongitude;
    /** Network metres from each geometry point's edge's base node to the point (projected lengths scaled to the edge's). */
    final float[] geometryAlong;

    /** Arcs into each node: walking from arcSource[arc] to the node costs arcCost[arc]. */
    final int[] firstArc;
    final int[] arcSource;
    final float[] arcCost;
    final int[] arcEdge;

    final Barriers barriers;
    private final Projection projection;
    private final java.util.Map<Double, BarrierRaster> barrierRasters = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Queue<MultiSourceSearch> idleSearches = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile BoxGrid edgeGrid;

    WalkingNetwork(double[] nodeLatitude, double[] nodeLongitude, int[] edgeBase, int[] edgeAdjacent, float[] edgeLength,
                   float[] costForward, float[] costBackward, byte[] edgeFlags, int[] geometryStart,
                   double[] geometryLatitude, double[] geometryLongitude, Barriers barriers) {
        this.nodeCount = nodeLatitude.length;
        this.nodeLatitude = nodeLatitude;
        this.nodeLongitude = nodeLongitude;
        this.edgeCount = edgeBase.length;
        this.edgeBase = edgeBase;
        this.edgeAdjacent = edgeAdjacent;
        this.edgeLength = edgeLength;
        this.costForward = costForward;
        this.costBackward = costBackward;
        this.edgeFlags = edgeFlags;
        this.geometryStart = geometryStart;
        this.geometryLatitude = geometryLatitude;
        this.geometryLongitude = geometryLongitude;
        this.barriers = barriers;
        this.projection = new Projection(middle(nodeLatitude), middle(nodeLongitude));
        this.geometryAlong = alongEdges();

        // searches run towards the origins (how long from here to there), so each node lists the arcs into it
        firstArc = new int[nodeCount + 1];
        for (int e = 0; e < edgeCount; e++) {
            if (Float.isFinite(costForward[e])) {
                firstArc[edgeAdjacent[e] + 1]++;
            }
            if (Float.isFinite(costBackward[e])) {
                firstArc[edgeBase[e] + 1]++;
            }
        }
        for (int n = 0; n < nodeCount; n++) {
            firstArc[n + 1] += firstArc[n];
        }
        int arcs = firstArc[nodeCount];
        arcSource = new int[arcs];
        arcCost = new float[arcs];
        arcEdge = new int[arcs];
        int[] fill = java.util.Arrays.copyOf(firstArc, nodeCount);
        for (int e = 0; e < edgeCount; e++) {
            if (Float.isFinite(costForward[e])) {
                int arc = fill[edgeAdjacent[e]]++;
                arcSource[arc] = edgeBase[e];
                arcCost[arc] = costForward[e];
                arcEdge[arc] = e;
            }
            if (Float.isFinite(costBackward[e])) {
                int arc = fill[edgeBase[e]]++;
                arcSource[arc] = edgeAdjacent[e];
                arcCost[arc] = costBackward[e];
                arcEdge[arc] = e;
            }
        }
    }

    private float[] alongEdges() {
        float[] along = new float[geometryLatitude.length];
        for (int e = 0; e < edgeCount; e++) {
            int first = geometryStart[e], last = geometryStart[e + 1] - 1;
            double total = 0;
            for (int p = first + 1; p <= last; p++) {
                total += projection.distance(geometryLatitude[p - 1], geometryLongitude[p - 1],
                        geometryLatitude[p], geometryLongitude[p]);
                along[p] = (float) total;
            }
            // network lengths are GraphHopper's great-circle metres: scale the projected ones to them
            double scale = total > 0 ? edgeLength[e] / total : 0;
            for (int p = first + 1; p <= last; p++) {
                along[p] *= (float) scale;
            }
        }
        return along;
    }

    private static double middle(double[] values) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        return values.length == 0 ? 0 : (min + max) / 2;
    }

    /** The barriers on the shared lattice of this cell size, burnt in on first use. */
    BarrierRaster barrierRaster(double cell, double offNetworkMetres) {
        return barrierRasters.computeIfAbsent(cell, size -> new BarrierRaster(this, size, offNetworkMetres + 4 * size));
    }

    /**
     * A search to run and give back with {@link #release}: its arrays span every node, and a used one
     * resets only what it reached, so a short search costs what it explores.
     */
    public MultiSourceSearch borrowSearch() {
        MultiSourceSearch search = idleSearches.poll();
        return search != null ? search : new MultiSourceSearch(this);
    }

    /** Keeps the search for the next circle, but no more than two per core: a burst of requests leaves no lasting heap. */
    public void release(MultiSourceSearch search) {
        if (idleSearches.size() < 2 * Runtime.getRuntime().availableProcessors()) {
            idleSearches.offer(search);
        }
    }

    /** Local metres around the middle of the network, shared by every circle. */
    Projection projection() {
        return projection;
    }

    public int nodeCount() {
        return nodeCount;
    }

    public int edgeCount() {
        return edgeCount;
    }

    /** The edges' boxes indexed on a grid of about 500 m: built on first use (a second or two for a city), then shared. */
    public BoxGrid edgeGrid() {
        BoxGrid grid = edgeGrid;
        if (grid == null) {
            synchronized (this) {
                if (edgeGrid == null) {
                    edgeGrid = new BoxGrid(edgeCount, this::edgeBox, 0.005);
                }
                grid = edgeGrid;
            }
        }
        return grid;
    }

    private void edgeBox(int edge, double[] box) {
        box[0] = box[1] = Double.POSITIVE_INFINITY;
        box[2] = box[3] = Double.NEGATIVE_INFINITY;
        for (int p = geometryStart[edge]; p < geometryStart[edge + 1]; p++) {
            box[0] = Math.min(box[0], geometryLongitude[p]);
            box[1] = Math.min(box[1], geometryLatitude[p]);
            box[2] = Math.max(box[2], geometryLongitude[p]);
            box[3] = Math.max(box[3], geometryLatitude[p]);
        }
    }

    /** Whether any point of the edge's line lies in the box (degrees). */
    public boolean edgeTouches(int edge, double west, double south, double east, double north) {
        for (int p = geometryStart[edge]; p < geometryStart[edge + 1]; p++) {
            double latitude = geometryLatitude[p], longitude = geometryLongitude[p];
            if (longitude >= west && longitude <= east && latitude >= south && latitude <= north) {
                return true;
            }
        }
        return false;
    }

    /** The edge's line from its base node to its adjacent node: longitude, latitude, longitude, … */
    public double[] edgeLine(int edge) {
        int first = geometryStart[edge];
        double[] line = new double[2 * (geometryStart[edge + 1] - first)];
        for (int k = 0; k < line.length / 2; k++) {
            line[2 * k] = geometryLongitude[first + k];
            line[2 * k + 1] = geometryLatitude[first + k];
        }
        return line;
    }

    public boolean isSteps(int edge) {
        return (edgeFlags[edge] & STEPS) != 0;
    }

    public double nodeLatitude(int node) {
        return nodeLatitude[node];
    }

    public double nodeLongitude(int node) {
        return nodeLongitude[node];
    }

    /** True if the profile may use the edge at all (strollers never take steps). */
    boolean usable(int edge, WalkingProfile profile) {
        return profile != WalkingProfile.STROLLER || (edgeFlags[edge] & STEPS) == 0;
    }
}
