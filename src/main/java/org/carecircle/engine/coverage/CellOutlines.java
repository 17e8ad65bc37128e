package org.carecircle.engine.coverage;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.IntIntHashMap;
import com.carrotsearch.hppc.LongHashSet;
import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.procedures.LongProcedure;
import org.carecircle.engine.geometry.RingAssembler;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.List;

/**
 * Dissolves cells that share whole sides (a grid, or any coverage whose neighbours share vertices)
 * in time linear in their sides: with every ring turned counter-clockwise, a side shared by two
 * cells appears once in each direction and cancels; the sides left chain into the outline's rings,
 * counter-clockwise shells and clockwise holes. Where the outline touches itself at a corner the
 * chain takes the leftmost turn and is split into simple loops. Vertices match at 1e-7° (about 1 cm).
 */
final class CellOutlines {
    private CellOutlines() {
    }

    /** The outline of the cells, or null if their sides do not match up (the caller then unions them). */
    static Geometry dissolve(Polygon[] cells, GeometryFactory factory) {
        LongIntHashMap vertexOf = new LongIntHashMap();
        List<Coordinate> vertices = new ArrayList<>();
        LongHashSet sides = new LongHashSet();
        for (Polygon cell : cells) {
            if (cell.getNumInteriorRing() > 0) {
                return null;
            }
            Coordinate[] ring = cell.getExteriorRing().getCoordinates();
            boolean counterClockwise = Orientation.isCCW(ring);
            int previous = -1;
            for (int k = 0; k < ring.length; k++) {
                Coordinate point = ring[counterClockwise ? k : ring.length - 1 - k];
                long key = Math.round(point.x * 1e7) << 32 | (Math.round(point.y * 1e7) & 0xffffffffL);
                int vertex = vertexOf.getOrDefault(key, -1);
                if (vertex < 0) {
                    vertex = vertices.size();
                    vertexOf.put(key, vertex);
                    vertices.add(point);
                }
                if (previous >= 0 && previous != vertex && !sides.remove(side(vertex, previous))) {
                    sides.add(side(previous, vertex));
                }
                previous = vertex;
            }
        }
        // outgoing sides of each vertex, as a compressed list
        int[] first = new int[vertices.size() + 1];
        sides.forEach((LongProcedure) side -> first[(int) (side >>> 32) + 1]++);
        for (int v = 0; v < vertices.size(); v++) {
            first[v + 1] += first[v];
        }
        int[] target = new int[sides.size()];
        int[] fill = first.clone();
        sides.forEach((LongProcedure) side -> target[fill[(int) (side >>> 32)]++] = (int) side);
        boolean[] used = new boolean[target.length];

        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        for (int start = 0; start < target.length; start++) {
            if (used[start]) {
                continue;
            }
            IntArrayList ring = new IntArrayList();
            int from = vertexAt(first, start);
            int at = start;
            while (true) {
                used[at] = true;
                ring.add(from);
                int to = target[at];
                if (to == ring.get(0)) {
                    break;
                }
                at = next(first, target, used, vertices, from, to);
                if (at < 0) {
                    return null;
                }
                from = to;
            }
            for (IntArrayList loop : loops(ring)) {
                LinearRing closed = ring(loop, vertices, factory);
                if (closed != null) {
                    (Orientation.isCCW(closed.getCoordinateSequence()) ? shells : holes).add(closed);
                }
            }
        }
        Geometry outline = assemble(shells, holes, factory);
        // sides that met only in part (cells of different sizes) chain into overlapping rings
        return outline != null && outline.isValid() ? outline : null;
    }

    /**
     * A chain that comes back to a vertex it passed (where the outline touches itself) split into
     * simple loops there: a counter-clockwise loop is a shell, a clockwise one a hole touching it.
     */
    private static List<IntArrayList> loops(IntArrayList chain) {
        List<IntArrayList> loops = new ArrayList<>();
        IntArrayList stack = new IntArrayList();
        IntIntHashMap position = new IntIntHashMap();
        for (int k = 0; k < chain.size(); k++) {
            int vertex = chain.get(k);
            int seen = position.getOrDefault(vertex, -1);
            if (seen >= 0) {
                IntArrayList loop = new IntArrayList();
                for (int i = seen; i < stack.size(); i++) {
                    loop.add(stack.get(i));
                    position.remove(stack.get(i));
                }
                stack.elementsCount = seen;
                loops.add(loop);
            }
            position.put(vertex, stack.size());
            stack.add(vertex);
        }
        loops.add(stack);
        return loops;
    }

    private static long side(int from, int to) {
        return (long) from << 32 | (to & 0xffffffffL);
    }

    private static int vertexAt(int[] first, int side) {
        int low = 0, high = first.length - 2;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (first[middle] <= side) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** The unused side out of {@code at}, turning as far left as possible from the way in. */
    private static int next(int[] first, int[] target, boolean[] used, List<Coordinate> vertices, int from, int at) {
        int best = -1;
        double bestTurn = Double.NEGATIVE_INFINITY;
        Coordinate a = vertices.get(from), b = vertices.get(at);
        for (int side = first[at]; side < first[at + 1]; side++) {
            if (used[side]) {
                continue;
            }
            Coordinate c = vertices.get(target[side]);
            double inX = b.x - a.x, inY = b.y - a.y, outX = c.x - b.x, outY = c.y - b.y;
            double turn = Math.atan2(inX * outY - inY * outX, inX * outX + inY * outY);
            if (turn > bestTurn) {
                bestTurn = turn;
                best = side;
            }
        }
        return best;
    }

    /** The ring without the vertices that stand in a straight side; null if nothing is left of it. */
    private static LinearRing ring(IntArrayList ring, List<Coordinate> vertices, GeometryFactory factory) {
        int n = ring.size();
        List<Coordinate> kept = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Coordinate previous = vertices.get(ring.get((k + n - 1) % n));
            Coordinate point = vertices.get(ring.get(k));
            Coordinate next = vertices.get(ring.get((k + 1) % n));
            double cross = (point.x - previous.x) * (next.y - point.y) - (point.y - previous.y) * (next.x - point.x);
            double scale = Math.abs(point.x - previous.x) + Math.abs(point.y - previous.y)
                    + Math.abs(next.x - point.x) + Math.abs(next.y - point.y);
            if (Math.abs(cross) > 1e-9 * scale * scale) {
                kept.add(point);
            }
        }
        if (kept.size() < 3) {
            return null;
        }
        kept.add(kept.get(0));
        return factory.createLinearRing(kept.toArray(new Coordinate[0]));
    }

    private static Geometry assemble(List<LinearRing> shells, List<LinearRing> holes, GeometryFactory factory) {
        List<RingAssembler.Hole> inside = new ArrayList<>();
        for (LinearRing hole : holes) {
            // a hole runs clockwise: just right of its first side lies inside it
            Coordinate a = hole.getCoordinateN(0), b = hole.getCoordinateN(1);
            inside.add(new RingAssembler.Hole(hole,
                    new Coordinate((a.x + b.x) / 2 + (b.y - a.y) * 1e-6, (a.y + b.y) / 2 + (a.x - b.x) * 1e-6)));
        }
        Polygon[] polygons = RingAssembler.assemble(shells, inside, factory);
        return polygons == null ? null : polygons.length == 1 ? polygons[0] : factory.createMultiPolygon(polygons);
    }
}
