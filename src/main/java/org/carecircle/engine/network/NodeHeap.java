package org.carecircle.engine.network;

import java.util.Arrays;

/** A binary min-heap of node ids keyed by float cost, with decrease-key through a position index. */
final class NodeHeap {
    private final int[] nodes;
    private final float[] keys;
    private final int[] position;
    private int size;

    NodeHeap(int capacity) {
        nodes = new int[capacity];
        keys = new float[capacity];
        position = new int[capacity];
        Arrays.fill(position, -1);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Inserts the node, or lowers its key if it is already queued. */
    void update(int node, float key) {
        int at = position[node];
        if (at < 0) {
            at = size++;
        } else if (key >= keys[at]) {
            return;
        }
        siftUp(at, node, key);
    }

    /** Makes a node that was polled queueable again, for the next search. */
    void forget(int node) {
        position[node] = -1;
    }

    int poll() {
        int top = nodes[0];
        position[top] = -2;
        size--;
        if (size > 0) {
            siftDown(nodes[size], keys[size]);
        }
        return top;
    }

    private void siftUp(int at, int node, float key) {
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (keys[parent] <= key) {
                break;
            }
            place(at, nodes[parent], keys[parent]);
            at = parent;
        }
        place(at, node, key);
    }

    private void siftDown(int node, float key) {
        int at = 0;
        int half = size >>> 1;
        while (at < half) {
            int child = 2 * at + 1;
            if (child + 1 < size && keys[child + 1] < keys[child]) {
                child++;
            }
            if (key <= keys[child]) {
                break;
            }
            place(at, nodes[child], keys[child]);
            at = child;
        }
        place(at, node, key);
    }

    private void place(int at, int node, float key) {
        nodes[at] = node;
        keys[at] = key;
        position[node] = at;
    }
}
