package org.carecircle.network;

import com.carrotsearch.hppc.IntArrayList;

import java.util.Arrays;
import java.util.List;

/**
 * Dijkstra towards any number of origins at once over the flat-equivalent costs: each node gets
 * the cost of walking from it to its nearest origin (families walk to the institution; uphill one
 * way is downhill the other). The walk between an origin and the network counts, so a search for
 * 150 institutions costs about what a search for one does.
 */
public final class MultiSourceSearch {
    private MultiSourceSearch() {
    }

    /** Each node's cost to its nearest origin (+∞ beyond the limit) and the nodes reached, in the order settled. */
    public record Result(float[] cost, IntArrayList settled) {
    }

    /** Cost to every node within {@code limit}. */
    public static Result search(WalkingNetwork network, WalkingProfile profile, CostKind kind, List<NetworkPoint> origins,
                                double limit) {
        IntArrayList settled = new IntArrayList();
        float[] cost = new float[network.nodeCount];
        Arrays.fill(cost, Float.POSITIVE_INFINITY);
        NodeHeap heap = new NodeHeap(network.nodeCount);
        for (NetworkPoint origin : origins) {
            int edge = origin.edge();
            if (!network.usable(edge, profile)) {
                continue;
            }
            double share = network.edgeLength[edge] > 0 ? origin.along() / network.edgeLength[edge] : 0;
            // from the base node the origin lies ahead along the edge, from the adjacent node behind
            offer(cost, heap, network.edgeBase[edge], origin.distance() + share * kind.forward(network, edge), limit);
            offer(cost, heap, network.edgeAdjacent[edge],
                    origin.distance() + (1 - share) * kind.backward(network, edge), limit);
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
                    heap.update(target, candidate);
                }
            }
        }
        return new Result(cost, settled);
    }

    private static void offer(float[] cost, NodeHeap heap, int node, double value, double limit) {
        if (value <= limit && value < cost[node]) {
            cost[node] = (float) value;
            heap.update(node, (float) value);
        }
    }
}
