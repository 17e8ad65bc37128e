package org.carecircle.engine.network;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.IntIntHashMap;
import org.carecircle.engine.geometry.RingAssembler;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a set of grid cells into the exact polygons that cover them: every cell side between an
 * inside and an outside cell becomes a ring edge, with the inside on its left, so outer rings run
 * counter-clockwise and holes clockwise. Where two inside cells touch only at a corner, the ring
 * is split there, so every polygon is valid (rings meet at most at single points). The sides are
 * found a machine word (64 cells) at a time, so the work follows the outline, not the area.
 */
final class GridPolygons {
    /** Where lattice vertex (x, y) lies on the map (cell (x, y) spans vertices x..x+1, y..y+1). */
    interface Lattice {
        Coordinate coordinate(int x, int y);
    }

    private static final int[] TURNS = {1, 0, 3};

    private final int vertexColumns;
    /** Per lattice vertex, the directions (bits 0–3: +x, +y, −x, −y) of the sides leaving it not yet followed. */
    private final byte[] leaving;

    private GridPolygons(int width, int height) {
        this.vertexColumns = width + 1;
        this.leaving = new byte[vertexColumns * (height + 1)];
    }

    /**
     * The polygons covering the cells set in {@code words}: cell (x, y) is bit x of row y, rows
     * {@code wordsPerRow} words apart, no bit set at or beyond {@code width}.
     */
    static MultiPolygon trace(long[] words, int wordsPerRow, int width, int height, Lattice lattice, GeometryFactory factory) {
        GridPolygons polygons = new GridPolygons(width, height);
        IntArrayList sides = polygons.sides(words, wordsPerRow, height);
        List<Ring> rings = new ArrayList<>();
        IntIntHashMap stackIndex = new IntIntHashMap();
        for (int i = 0; i < sides.size(); i++) {
            int side = sides.get(i);
            if ((polygons.leaving[side >> 2] & (1 << (side & 3))) != 0) {
                polygons.splitAtTouchingVertices(polygons.follow(side), stackIndex, rings);
            }
        }
        return assemble(rings, lattice, factory);
    }

    private int side(int x, int y, int direction) {
        return (y * vertexColumns + x) * 4 + direction;
    }

    /** Marks every side between an inside and an outside cell, and lists them. */
    private IntArrayList sides(long[] words, int wordsPerRow, int height) {
        IntArrayList sides = new IntArrayList();
        for (int y = 0; y < height; y++) {
            int row = y * wordsPerRow;
            for (int w = 0; w < wordsPerRow; w++) {
                long cells = words[row + w];
                if (cells == 0) {
                    continue;
                }
                long below = y > 0 ? words[row - wordsPerRow + w] : 0;
                long above = y + 1 < height ? words[row + wordsPerRow + w] : 0;
                long leftOf = (cells << 1) | (w > 0 ? words[row + w - 1] >>> 63 : 0);
                long rightOf = (cells >>> 1) | (w + 1 < wordsPerRow ? words[row + w + 1] << 63 : 0);
                int x0 = w << 6;
                mark(cells & ~below, x0, y, 0, 0, 0, sides);
                mark(cells & ~rightOf, x0, y, 1, 1, 0, sides);
                mark(cells & ~above, x0, y, 2, 1, 1, sides);
                mark(cells & ~leftOf, x0, y, 3, 0, 1, sides);
            }
        }
        return sides;
    }

    /** Each set bit x is a side leaving vertex (x0 + x + dx, y + dy) in {@code direction}. */
    private void mark(long bits, int x0, int y, int direction, int dx, int dy, IntArrayList sides) {
        while (bits != 0) {
            int x = x0 + Long.numberOfTrailingZeros(bits) + dx;
            int vertex = (y + dy) * vertexColumns + x;
            leaving[vertex] |= (byte) (1 << direction);
            sides.add(vertex * 4 + direction);
            bits &= bits - 1;
        }
    }

    /** Follows sides from {@code start} until the ring closes; at a shared corner it turns left, keeping cells apart. */
    private int[] follow(int start) {
        int[] ring = new int[16];
        int count = 0;
        int current = start;
        int startVertex = start >> 2;
        while (true) {
            int vertex = current >> 2;
            int direction = current & 3;
            leaving[vertex] &= (byte) ~(1 << direction);
            if (count == ring.length) {
                ring = Arrays.copyOf(ring, count * 2);
            }
            ring[count++] = current;
            int x = vertex % vertexColumns + (direction == 0 ? 1 : direction == 2 ? -1 : 0);
            int y = vertex / vertexColumns + (direction == 1 ? 1 : direction == 3 ? -1 : 0);
            int end = y * vertexColumns + x;
            int open = leaving[end] | (end == startVertex ? 1 << (start & 3) : 0);
            int next = -1;
            for (int turn : TURNS) {
                int candidate = (direction + turn) & 3;
                if ((open & (1 << candidate)) != 0) {
                    next = side(x, y, candidate);
                    break;
                }
            }
            if (next == start) {
                return Arrays.copyOf(ring, count);
            }
            if (next < 0) {
                throw new IllegalStateException("grid ring did not close at vertex " + x + "," + y);
            }
            current = next;
        }
    }

    /** A ring that passes a vertex twice becomes two rings meeting there. */
    private void splitAtTouchingVertices(int[] sides, IntIntHashMap stackIndex, List<Ring> rings) {
        int[] stack = new int[sides.length];
        int top = 0;
        for (int side : sides) {
            int vertex = side >> 2;
            int at = stackIndex.getOrDefault(vertex, -1);
            if (at >= 0) {
                rings.add(new Ring(Arrays.copyOfRange(stack, at, top), vertexColumns));
                for (int i = at; i < top; i++) {
                    stackIndex.remove(stack[i] >> 2);
                }
                top = at;
            }
            stackIndex.put(vertex, top);
            stack[top++] = side;
        }
        rings.add(new Ring(Arrays.copyOf(stack, top), vertexColumns));
        stackIndex.clear();
    }

    private static MultiPolygon assemble(List<Ring> rings, Lattice lattice, GeometryFactory factory) {
        List<LinearRing> shells = new ArrayList<>();
        List<RingAssembler.Hole> holes = new ArrayList<>();
        for (Ring ring : rings) {
            LinearRing traced = ring.toLinearRing(lattice, factory);
            if (ring.doubleArea > 0) {
                shells.add(traced);
            } else {
                holes.add(new RingAssembler.Hole(traced, ring.inside(lattice)));
            }
        }
        Polygon[] polygons = RingAssembler.assemble(shells, holes, factory);
        if (polygons == null) {
            throw new IllegalStateException("a hole outside every outer ring");
        }
        return factory.createMultiPolygon(polygons);
    }

    /** A closed ring kept as its corner vertices, with twice its signed area and the cell just inside a hole. */
    private static final class Ring {
        final int[] cornerX;
        final int[] cornerY;
        final long doubleArea;
        /** The cell right of the first edge: outside the cells, so inside the ring if this is a hole. */
        final int insideCellX;
        final int insideCellY;

        Ring(int[] edges, int vertexColumns) {
            int[] xs = new int[edges.length];
            int[] ys = new int[edges.length];
            int corners = 0;
            for (int i = 0; i < edges.length; i++) {
                int previous = edges[(i + edges.length - 1) % edges.length] & 3;
                if ((edges[i] & 3) != previous) {
                    xs[corners] = (edges[i] >> 2) % vertexColumns;
                    ys[corners] = (edges[i] >> 2) / vertexColumns;
                    corners++;
                }
            }
            cornerX = Arrays.copyOf(xs, corners);
            cornerY = Arrays.copyOf(ys, corners);
            long area = 0;
            for (int i = 0; i < corners; i++) {
                int j = (i + 1) % corners;
                area += (long) cornerX[i] * cornerY[j] - (long) cornerX[j] * cornerY[i];
            }
            doubleArea = area;
            int x = (edges[0] >> 2) % vertexColumns;
            int y = (edges[0] >> 2) / vertexColumns;
            switch (edges[0] & 3) {
                case 0 -> y -= 1;
                case 2 -> x -= 1;
                case 3 -> {
                    x -= 1;
                    y -= 1;
                }
                default -> { }
            }
            insideCellX = x;
            insideCellY = y;
        }

        /** Where the point just inside a hole lies on the map: between the corners of its cell. */
        Coordinate inside(Lattice lattice) {
            Coordinate low = lattice.coordinate(insideCellX, insideCellY);
            Coordinate high = lattice.coordinate(insideCellX + 1, insideCellY + 1);
            return new Coordinate((low.x + high.x) / 2, (low.y + high.y) / 2);
        }

        LinearRing toLinearRing(Lattice lattice, GeometryFactory factory) {
            Coordinate[] coordinates = new Coordinate[cornerX.length + 1];
            for (int i = 0; i < cornerX.length; i++) {
                coordinates[i] = lattice.coordinate(cornerX[i], cornerY[i]);
            }
            coordinates[cornerX.length] = coordinates[0].copy();
            return factory.createLinearRing(coordinates);
        }
    }
}
