package org.carecircle.engine.network;

import com.carrotsearch.hppc.IntArrayList;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Places off the network (population cells' centres) joined to it once per profile, so that any
 * search can price them: a place walks straight to its nearest usable way at the profile's speed,
 * then along the network to an origin.
 */
public final class PointLinks {
    private static final System.Logger LOG = System.getLogger(PointLinks.class.getName());

    private final WalkingNetwork network;
    private final WalkingProfile profile;
    /** The edge each place joins, or -1 if no usable way is within the snap distance. */
    private final int[] edge;
    private final float[] along;
    private final float[] offNetwork;
    /** Where on the edge each place joins. */
    private final double[] joinLatitude;
    private final double[] joinLongitude;
    /** Places on edge e are onEdge[firstOnEdge[e] .. firstOnEdge[e+1]). */
    private final int[] firstOnEdge;
    private final int[] onEdge;

    private PointLinks(WalkingNetwork network, WalkingProfile profile, int[] edge, float[] along, float[] offNetwork,
                       double[] joinLatitude, double[] joinLongitude) {
        this.network = network;
        this.profile = profile;
        this.edge = edge;
        this.along = along;
        this.offNetwork = offNetwork;
        this.joinLatitude = joinLatitude;
        this.joinLongitude = joinLongitude;
        firstOnEdge = new int[network.edgeCount + 1];
        for (int e : edge) {
            if (e >= 0) {
                firstOnEdge[e + 1]++;
            }
        }
        for (int e = 0; e < network.edgeCount; e++) {
            firstOnEdge[e + 1] += firstOnEdge[e];
        }
        onEdge = new int[firstOnEdge[network.edgeCount]];
        int[] fill = Arrays.copyOf(firstOnEdge, network.edgeCount);
        for (int point = 0; point < edge.length; point++) {
            if (edge[point] >= 0) {
                onEdge[fill[edge[point]]++] = point;
            }
        }
    }

    /**
     * Joins each place to the nearest way the profile may use, if one is within {@code maxSnapMetres},
     * on every core (GraphHopper's location index is read-only and answers several threads at once).
     */
    public static PointLinks link(Snapper snapper, WalkingProfile profile, double[] latitude, double[] longitude,
                                  double maxSnapMetres) {
        int count = latitude.length;
        int[] edge = new int[count];
        float[] along = new float[count];
        float[] offNetwork = new float[count];
        double[] joinLatitude = new double[count];
        double[] joinLongitude = new double[count];
        AtomicInteger done = new AtomicInteger();
        int tenth = Math.max(10_000, count / 10);
        IntStream.range(0, count).parallel().forEach(point -> {
            NetworkPoint snapped = snapper.snapWithin(latitude[point], longitude[point], profile, maxSnapMetres);
            boolean near = snapped != null;
            edge[point] = near ? snapped.edge() : -1;
            along[point] = near ? (float) snapped.along() : 0;
            offNetwork[point] = near ? (float) snapped.distance() : Float.POSITIVE_INFINITY;
            joinLatitude[point] = near ? snapped.latitude() : Double.NaN;
            joinLongitude[point] = near ? snapped.longitude() : Double.NaN;
            int finished = done.incrementAndGet();
            if (finished % tenth == 0) {
                LOG.log(System.Logger.Level.INFO, "Joining places to the {0} network: {1} of {2}", profile, finished, count);
            }
        });
        return new PointLinks(snapper.network(), profile, edge, along, offNetwork, joinLatitude, joinLongitude);
    }

    /** Writes the links, to be read back with {@link #read} on the same network. */
    public void write(DataOutputStream out) throws IOException {
        out.writeUTF(profile.name());
        out.writeInt(edge.length);
        for (int point = 0; point < edge.length; point++) {
            out.writeInt(edge[point]);
            out.writeFloat(along[point]);
            out.writeFloat(offNetwork[point]);
            out.writeDouble(joinLatitude[point]);
            out.writeDouble(joinLongitude[point]);
        }
    }

    /** Links written by {@link #write} for this network; an edge the network does not have is an error. */
    public static PointLinks read(DataInputStream in, WalkingNetwork network) throws IOException {
        WalkingProfile profile = WalkingProfile.valueOf(in.readUTF());
        int count = in.readInt();
        int[] edge = new int[count];
        float[] along = new float[count];
        float[] offNetwork = new float[count];
        double[] joinLatitude = new double[count];
        double[] joinLongitude = new double[count];
        for (int point = 0; point < count; point++) {
            edge[point] = in.readInt();
            if (edge[point] >= network.edgeCount) {
                throw new IOException("the links name edge " + edge[point] + " of a network of " + network.edgeCount);
            }
            along[point] = in.readFloat();
            offNetwork[point] = in.readFloat();
            joinLatitude[point] = in.readDouble();
            joinLongitude[point] = in.readDouble();
        }
        return new PointLinks(network, profile, edge, along, offNetwork, joinLatitude, joinLongitude);
    }

    public int size() {
        return edge.length;
    }

    public boolean linked(int point) {
        return edge[point] >= 0;
    }

    /** Where a linked place joins the network, as the snapper gave it (places can then start searches). */
    public NetworkPoint networkPoint(int point) {
        return new NetworkPoint(edge[point], along[point], joinLatitude[point], joinLongitude[point], offNetwork[point]);
    }

    public WalkingProfile profile() {
        return profile;
    }

    /** Receives a place, its cost of walking to its nearest origin, and that origin's index. */
    public interface Visitor {
        void reached(int point, float cost, int origin);
    }

    /**
     * Each place whose walk may change when these nodes' labels changed or origins on these edges came
     * or went: the places on the edges that lead into a changed node, and on those edges; each once.
     */
    public void placesNear(IntArrayList nodes, IntArrayList edges, IntConsumer visitor) {
        BitSet seen = new BitSet(edge.length);
        IntConsumer onEdgeOf = e -> {
            for (int k = firstOnEdge[e]; k < firstOnEdge[e + 1]; k++) {
                if (!seen.get(onEdge[k])) {
                    seen.set(onEdge[k]);
                    visitor.accept(onEdge[k]);
                }
            }
        };
        for (int i = 0; i < nodes.size(); i++) {
            int node = nodes.get(i);
            for (int arc = network.firstArc[node]; arc < network.firstArc[node + 1]; arc++) {
                onEdgeOf.accept(network.arcEdge[arc]);
            }
        }
        for (int i = 0; i < edges.size(); i++) {
            onEdgeOf.accept(edges.get(i));
        }
    }

    /**
     * One place's walk to its nearest origin by these labels, priced as {@link Walk#reached} prices
     * it: through either end of its edge, or along the edge from an origin on it ({@code onItsEdge}
     * indexes {@code origins}). Gives nothing for a place no origin can reach.
     */
    public void nearest(int point, NearestLabels labels, List<NetworkPoint> origins, IntArrayList onItsEdge, Visitor visitor) {
        int e = edge[point];
        if (e < 0 || !network.usable(e, profile)) {
            return;
        }
        double length = network.edgeLength[e];
        double share = length > 0 ? along[point] / length : 0;
        double best = Double.POSITIVE_INFINITY;
        int bestOrigin = -1;
        int base = network.edgeBase[e], adjacent = network.edgeAdjacent[e];
        for (int node : base == adjacent ? new int[] {base} : new int[] {base, adjacent}) {
            float nodeCost = labels.cost(node);
            if (nodeCost == Float.POSITIVE_INFINITY) {
                continue;
            }
            for (int arc = network.firstArc[node]; arc < network.firstArc[node + 1]; arc++) {
                if (network.arcEdge[arc] != e) {
                    continue;
                }
                boolean forward = adjacent == node;
                double whole = forward ? labels.kind().forward(network, e) : labels.kind().backward(network, e);
                double candidate = nodeCost + (forward ? 1 - share : share) * whole + offNetwork[point];
                if ((float) candidate < best) {
                    best = (float) candidate;
                    bestOrigin = labels.origin(node);
                }
            }
        }
        for (int i = 0; onItsEdge != null && i < onItsEdge.size(); i++) {
            NetworkPoint origin = origins.get(onItsEdge.get(i));
            double between = length > 0 ? (origin.along() - along[point]) / length : 0;
            double part = between >= 0 ? between * labels.kind().forward(network, e) : -between * labels.kind().backward(network, e);
            double candidate = origin.distance() + part + offNetwork[point];
            if ((float) candidate < best) {
                best = (float) candidate;
                bestOrigin = onItsEdge.get(i);
            }
        }
        if (bestOrigin >= 0) {
            visitor.reached(point, (float) best, bestOrigin);
        }
    }

    /** The edge a linked place joins (-1 if none). */
    public int edge(int point) {
        return edge[point];
    }

    /** Scratch space for {@link #reached}; one per thread. */
    public Walk walk() {
        return new Walk();
    }

    public final class Walk {
        private final float[] best = new float[edge.length];
        private final int[] bestOrigin = new int[edge.length];
        private final IntArrayList touched = new IntArrayList();

        private Walk() {
            Arrays.fill(best, Float.POSITIVE_INFINITY);
        }

        /**
         * Every linked place whose walk to an origin of the search is within the limit: through the
         * nodes the search settled, or straight along the edge an origin lies on.
         */
        public void reached(MultiSourceSearch.Result search, CostKind kind, List<NetworkPoint> origins, double limit,
                            Visitor visitor) {
            float[] nodeCost = search.cost();
            IntArrayList settled = search.settled();
            for (int i = 0; i < settled.size(); i++) {
                int node = settled.get(i);
                for (int arc = network.firstArc[node]; arc < network.firstArc[node + 1]; arc++) {
                    int e = network.arcEdge[arc];
                    if (firstOnEdge[e] == firstOnEdge[e + 1] || !network.usable(e, profile)) {
                        continue;
                    }
                    boolean forward = network.edgeAdjacent[e] == node;
                    double length = network.edgeLength[e];
                    double whole = forward ? kind.forward(network, e) : kind.backward(network, e);
                    for (int k = firstOnEdge[e]; k < firstOnEdge[e + 1]; k++) {
                        int point = onEdge[k];
                        double share = length > 0 ? along[point] / length : 0;
                        double part = (forward ? 1 - share : share) * whole;
                        offer(point, nodeCost[node] + part + offNetwork[point], search.origin()[node]);
                    }
                }
            }
            for (int index = 0; index < origins.size(); index++) {
                NetworkPoint origin = origins.get(index);
                int e = origin.edge();
                if (!network.usable(e, profile)) {
                    continue;
                }
                double length = network.edgeLength[e];
                for (int k = firstOnEdge[e]; k < firstOnEdge[e + 1]; k++) {
                    int point = onEdge[k];
                    double between = length > 0 ? (origin.along() - along[point]) / length : 0;
                    double part = between >= 0 ? between * kind.forward(network, e) : -between * kind.backward(network, e);
                    offer(point, origin.distance() + part + offNetwork[point], index);
                }
            }
            for (int i = 0; i < touched.size(); i++) {
                int point = touched.get(i);
                if (best[point] <= limit) {
                    visitor.reached(point, best[point], bestOrigin[point]);
                }
                best[point] = Float.POSITIVE_INFINITY;
            }
            touched.clear();
        }

        private void offer(int point, double cost, int origin) {
            if (cost < best[point]) {
                if (best[point] == Float.POSITIVE_INFINITY) {
                    touched.add(point);
                }
                best[point] = (float) cost;
                bestOrigin[point] = origin;
            }
        }
    }
}
