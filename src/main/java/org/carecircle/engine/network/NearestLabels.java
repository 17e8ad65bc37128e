package org.carecircle.engine.network;

import com.carrotsearch.hppc.IntArrayList;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Every node's walk to its nearest origin and which origin, as an unlimited multi-source search
 * leaves them, kept so that an edit (origins added, moved or removed) costs what it changes: an
 * added origin's search stops wherever an older origin is as near; a removed origin's nodes are
 * searched again from the nodes around them. Both give the labels a search from scratch would.
 */
public final class NearestLabels {
    private final WalkingProfile profile;
    private final CostKind kind;
    private final float[] cost;
    private final int[] origin;
    private final int origins;

    private NearestLabels(WalkingProfile profile, CostKind kind, float[] cost, int[] origin, int origins) {
        this.profile = profile;
        this.kind = kind;
        this.cost = cost;
        this.origin = origin;
        this.origins = origins;
    }

    /** The labels of an unlimited search from {@code origins}, copied out of the search that found them. */
    public static NearestLabels of(MultiSourceSearch.Result search, WalkingProfile profile, CostKind kind, int origins) {
        return new NearestLabels(profile, kind, search.cost().clone(), search.origin().clone(), origins);
    }

    /** The labels after an edit, and the nodes whose label changed. */
    public record Edit(NearestLabels labels, IntArrayList changed) {
    }

    /**
     * The labels for {@code sites}, where {@code previous[i]} is site i's index among these labels'
     * origins when it stands where it stood (-1 for a new or moved site); origins no site names are gone.
     */
    public Edit edit(WalkingNetwork network, List<NetworkPoint> sites, int[] previous) {
        if (previous.length != sites.size()) {
            throw new IllegalArgumentException("one previous index for each of the " + sites.size() + " sites");
        }
        int[] newIndexOfOld = newIndexOfOld(previous, origins);
        float[] newCost = cost.clone();
        int[] newOrigin = origin.clone();
        BitSet orphaned = new BitSet(newCost.length);
        IntArrayList changed = new IntArrayList();
        for (int node = 0; node < newOrigin.length; node++) {
            if (newOrigin[node] >= 0) {
                newOrigin[node] = newIndexOfOld[newOrigin[node]];
                if (newOrigin[node] < 0) {
                    newCost[node] = Float.POSITIVE_INFINITY;
                    orphaned.set(node);
                    changed.add(node);
                }
            }
        }
        Search search = new Search(network, newCost, newOrigin, changed);
        // the nodes around an orphaned one walk on as they did: the search into it starts from them
        for (int node = orphaned.nextSetBit(0); node >= 0; node = orphaned.nextSetBit(node + 1)) {
            for (int arc = network.firstArc[node]; arc < network.firstArc[node + 1]; arc++) {
                int neighbour = network.arcSource[arc];
                if (!orphaned.get(neighbour) && newCost[neighbour] < Float.POSITIVE_INFINITY) {
                    search.push(neighbour);
                }
            }
        }
        for (int site = 0; site < sites.size(); site++) {
            int edge = sites.get(site).edge();
            boolean touchesOrphaned = orphaned.get(network.edgeBase[edge]) || orphaned.get(network.edgeAdjacent[edge]);
            if (previous[site] < 0 || touchesOrphaned) {
                search.offer(sites.get(site), site);
            }
        }
        search.run();
        return new Edit(new NearestLabels(profile, kind, newCost, newOrigin, sites.size()), changed);
    }

    /** For each of {@code origins} earlier origins, its index among the edited ones, -1 if gone; checks {@code previous}. */
    public static int[] newIndexOfOld(int[] previous, int origins) {
        int[] newIndexOfOld = new int[origins];
        Arrays.fill(newIndexOfOld, -1);
        for (int i = 0; i < previous.length; i++) {
            if (previous[i] >= origins || previous[i] >= 0 && newIndexOfOld[previous[i]] >= 0) {
                throw new IllegalArgumentException("site " + i + ": previous index " + previous[i] + " is not one of "
                        + origins + " origins, or is named twice");
            }
            if (previous[i] >= 0) {
                newIndexOfOld[previous[i]] = i;
            }
        }
        return newIndexOfOld;
    }

    public float cost(int node) {
        return cost[node];
    }

    public int origin(int node) {
        return origin[node];
    }

    public WalkingProfile profile() {
        return profile;
    }

    public CostKind kind() {
        return kind;
    }

    /** Dijkstra over labels that are already right wherever it is not pushed to go. */
    private final class Search {
        private final WalkingNetwork network;
        private final float[] cost;
        private final int[] origin;
        private final IntArrayList changed;
        /** Entries are cost bits (non-negative floats order like their bits) over the node; stale ones are skipped. */
        private final PriorityQueue<Long> queue = new PriorityQueue<>();

        Search(WalkingNetwork network, float[] cost, int[] origin, IntArrayList changed) {
            this.network = network;
            this.cost = cost;
            this.origin = origin;
            this.changed = changed;
        }

        void push(int node) {
            queue.add((long) Float.floatToIntBits(cost[node]) << 32 | node);
        }

        /** As {@link MultiSourceSearch} offers an origin to the two ends of the edge it lies on. */
        void offer(NetworkPoint point, int index) {
            int edge = point.edge();
            if (!network.usable(edge, profile)) {
                return;
            }
            double share = network.edgeLength[edge] > 0 ? point.along() / network.edgeLength[edge] : 0;
            improve(network.edgeBase[edge], (float) (point.distance() + share * kind.forward(network, edge)), index);
            improve(network.edgeAdjacent[edge], (float) (point.distance() + (1 - share) * kind.backward(network, edge)), index);
        }

        private void improve(int node, float value, int index) {
            if (value < cost[node]) {
                cost[node] = value;
                origin[node] = index;
                changed.add(node);
                push(node);
            }
        }

        void run() {
            while (!queue.isEmpty()) {
                long entry = queue.poll();
                int node = (int) entry;
                float nodeCost = Float.intBitsToFloat((int) (entry >>> 32));
                if (nodeCost != cost[node]) {
                    continue;
                }
                for (int arc = network.firstArc[node]; arc < network.firstArc[node + 1]; arc++) {
                    if (network.usable(network.arcEdge[arc], profile)) {
                        int target = network.arcSource[arc];
                        float candidate = nodeCost + kind.arc(network, arc);
                        if (candidate < cost[target]) {
                            cost[target] = candidate;
                            origin[target] = origin[node];
                            changed.add(target);
                            push(target);
                        }
                    }
                }
            }
        }
    }
}
