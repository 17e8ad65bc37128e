package org.carecircle.engine.network;

import com.graphhopper.coll.MinHeapWithUpdate;
import org.carecircle.Timing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * The walking search's priority queue: CareCircle's {@link NodeHeap} against GraphHopper's
 * {@code MinHeapWithUpdate}, in the same Dijkstra loop over the same generated 300k-node city, from
 * the same origins, called in turn. Two searches: a 15-minute walk from one origin (a service
 * circle) and the whole city from 150 origins (coverage's nearest institution). Argument: work folder.
 */
public final class HeapBenchmark {
    /** The two queues behind one interface, so both run through the very same loop. */
    private interface Queue {
        boolean isEmpty();

        /** Inserts the node, or lowers its key if it is queued. */
        void offer(int node, float key);

        int poll();
    }

    private static final class Ours implements Queue {
        final NodeHeap heap;

        Ours(int nodes) {
            heap = new NodeHeap(nodes);
        }

        public boolean isEmpty() {
            return heap.isEmpty();
        }

        public void offer(int node, float key) {
            heap.update(node, key);
        }

        public int poll() {
            return heap.poll();
        }
    }

    private static final class GraphHoppers implements Queue {
        final MinHeapWithUpdate heap;

        GraphHoppers(int nodes) {
            heap = new MinHeapWithUpdate(nodes);
        }

        public boolean isEmpty() {
            return heap.isEmpty();
        }

        public void offer(int node, float key) {
            if (heap.contains(node)) {
                heap.update(node, key);
            } else {
                heap.push(node, key);
            }
        }

        public int poll() {
            return heap.poll();
        }
    }

    private HeapBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        Path work = Path.of(arguments[0]);
        Files.createDirectories(work);
        System.out.println(Timing.machine());
        Path file = work.resolve("city-300k.osm");
        if (!Files.exists(file)) {
            new GeneratedCity(547, 547, 50).jitter(8, 11).arterialEvery(10).missingLinks(0.05)
                    .river(270, 50, 150, 250, 350, 450).write(file);
        }
        try (NetworkLoader.Loaded loaded = NetworkLoader.load(file, null, work.resolve("cache"))) {
            WalkingNetwork network = loaded.network();
            float[] cost = new float[network.nodeCount];
            Random random = new Random(7);
            int[] many = random.ints(150, 0, network.nodeCount).toArray();
            // each contender walks the same origins with its own counter; as the turn alternates, each runs second half the time
            int[][] origins = random.ints(4000, 0, network.nodeCount).mapToObj(node -> new int[] {node}).toArray(int[][]::new);
            int[] next = new int[2];
            Queue ours = new Ours(network.nodeCount);
            Queue theirs = new GraphHoppers(network.nodeCount);
            double circle = 15 * 4.5 * 1000 / 60;
            report("15-minute walk from one origin", Timing.interleaved("one origin", 3000, 1000, 4000,
                    () -> search(network, ours, cost, origins[next[0]++ % origins.length], circle),
                    () -> search(network, theirs, cost, origins[next[1]++ % origins.length], circle)));
            report("whole city from 150 origins", Timing.interleaved("150 origins", 20, 10, 60,
                    () -> search(network, ours, cost, many, Double.POSITIVE_INFINITY),
                    () -> search(network, theirs, cost, many, Double.POSITIVE_INFINITY)));
        }
    }

    private static void report(String what, double[][] millis) {
        double ours = millis[0][millis[0].length / 2], theirs = millis[1][millis[1].length / 2];
        System.out.printf(Locale.ROOT, "%s: NodeHeap p50 %.3f ms, MinHeapWithUpdate p50 %.3f ms, ratio %.2f%n",
                what, ours, theirs, ours / theirs);
    }

    /** Dijkstra on foot towards the origins as MultiSourceSearch runs it; returns the nodes settled. */
    private static int search(WalkingNetwork network, Queue queue, float[] cost, int[] origins, double limit) {
        Arrays.fill(cost, Float.POSITIVE_INFINITY);
        for (int origin : origins) {
            cost[origin] = 0;
            queue.offer(origin, 0);
        }
        int settled = 0;
        while (!queue.isEmpty()) {
            int node = queue.poll();
            settled++;
            float nodeCost = cost[node];
            for (int arc = network.firstArc[node]; arc < network.firstArc[node + 1]; arc++) {
                if (!network.usable(network.arcEdge[arc], WalkingProfile.FOOT)) {
                    continue;
                }
                int target = network.arcSource[arc];
                float candidate = nodeCost + network.arcCost[arc];
                if (candidate < cost[target] && candidate <= limit) {
                    cost[target] = candidate;
                    queue.offer(target, candidate);
                }
            }
        }
        return settled;
    }
}
