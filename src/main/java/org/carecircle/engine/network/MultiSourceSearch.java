package org.carecircle.engine.network;

import com.carrotsearch.hppc.IntArrayList;
import com.graphhopper.coll.MinHeapWithUpdate;

import java.util.Arrays;
import java.util.List;

/**
 * Dijkstra towards any number of origins at once over the flat-equivalent costs: each node gets
 * the cost of walking from it to its nearest origin (families walk to the institution; uphill one
 * way is downhill the other) and which origin that is. The walk between an origin and the network
 * counts, so a search for 150 institutions costs about what a search for one does.
 *
 * <p>One instance can run many searches: each resets only the nodes the previous one reached, so
 * 150 short searches over a 300k-node city cost what they explore, not 150 array fills.
 */
public final class MultiSourceSearch {
    private final WalkingNetwork network;
    private final float[] cost;
    private final int[] origin;
    /**
     * GraphHopper's heap: measured against a heap of our own in the same search on the 300k-node city
     * (called in turn), both took the same time, so the library's is kept (docs/benchmarks.md).
     */
    private final MinHeapWithUpdate heap;
    private final IntArrayList settled = new IntArrayList();

    /** Each node's cost to its nearest origin (+∞ beyond the limit), that origin's index, and the nodes reached in the order settled. */
    public record Result(float[] cost, int[] origin, IntArrayList settled) {
    }

    public MultiSourceSearch(WalkingNetwork network) {
        this.network = network;
        this.cost = new float[network.nodeCount];
        this.origin = new int[network.nodeCount];
        this.heap = new MinHeapWithUpdate(network.nodeCount);
        Arrays.fill(cost, Float.POSITIVE_INFINITY);
        Arrays.fill(origin, -1);
    }

    /** Runs a search; the result is this instance's and holds until the next run. */
    public Result run(WalkingProfile profile, CostKind kind, List<NetworkPoint> origins, double limit) {
        for (int i = 0; i < settled.size(); i++) {
            int node = settled.get(i);
            cost[node] = Float.POSITIVE_INFINITY;
            origin[node] = -1;
        }
        settled.clear();
        // empty unless the search before was cut short; then it holds what was queued, and cost[] does too
        while (!heap.isEmpty()) {
            int node = heap.poll();
            cost[node] = Float.POSITIVE_INFINITY;
            origin[node] = -1;
        }
        for (int index = 0; index < origins.size(); index++) {
            NetworkPoint point = origins.get(index);
            int edge = point.edge();
            if (!network.usable(edge, profile)) {
                continue;
            }
            double share = network.edgeLength[edge] > 0 ? point.along() / network.edgeLength[edge] : 0;
            // from the base node the origin lies ahead along the edge, from the adjacent node behind
            offer(network.edgeBase[edge], point.distance() + share * kind.forward(network, edge), index, limit);
            offer(network.edgeAdjacent[edge], point.distance() + (1 - share) * kind.backward(network, edge), index, limit);
        }
        while (!heap.isEmpty()) {
            int node = heap.poll();
            settled.add(node);
            float nodeCost = cost[node];
            for (int arc = network.firstArc[node]; arc < network.firstArc[node + 1]; arc++) {
                if (!network.usable(network.arcEdge[arc], profile)) {
                    continue;
                }
                int target = network.arcSource[arc];
                float candidate = nodeCost + kind.arc(network, arc);
                if (candidate < cost[target] && candidate <= limit) {
                    cost[target] = candidate;
                    origin[target] = origin[node];
                    queue(target, candidate);
                }
            }
        }
        return new Result(cost, origin, settled);
    }

    private void offer(int node, double value, int index, double limit) {
        if (value <= limit && value < cost[node]) {
            cost[node] = (float) value;
            origin[node] = index;
            queue(node, (float) value);
        }
    }

    private void queue(int node, float key) {
        if (heap.contains(node)) {
            heap.update(node, key);
        } else {
            heap.push(node, key);
        }
    }
}
