package org.carecircle.network;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Turns a set of grid cells into the exact polygons that cover them: every cell side between an
 * inside and an outside cell becomes a ring edge, with the inside on its left, so outer rings run
 * counter-clockwise and holes clockwise. Where two inside cells touch only at a corner, the ring
 * is split there, so every polygon is valid (rings meet at most at single points).
 */
final class GridPolygons {
    /** Where lattice vertex (x, y) lies on the map (cell (x, y) spans vertices x..x+1, y..y+1). */
    interface Lattice {
        Coordinate coordinate(int x, int y);
    }

    private final BitSet inside;
    private final int width;
    private final int height;
    private final int vertexColumns;

    private GridPolygons(BitSet inside, int width, int height) {
        this.inside = inside;
        this.width = width;
        this.height = height;
        this.vertexColumns = width + 1;
    }

    /** The polygons covering the cells set in {@code inside} (cell (x, y) is bit y·width + x). */
    static MultiPolygon trace(BitSet inside, int width, int height, Lattice lattice, GeometryFactory factory) {
        return new GridPolygons(inside, width, height).trace(lattice, factory);
    }

    private boolean in(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && inside.get(y * width + x);
    }

    private int edge(int x, int y, int direction) {
        return (y * vertexColumns + x) * 4 + direction;
    }

    private MultiPolygon trace(Lattice lattice, GeometryFactory factory) {
        BitSet present = new BitSet();
        for (int cell = inside.nextSetBit(0); cell >= 0; cell = inside.nextSetBit(cell + 1)) {
            int x = cell % width;
            int y = cell / width;
            if (!in(x, y - 1)) {
                present.set(edge(x, y, 0));
            }
            if (!in(x + 1, y)) {
                present.set(edge(x + 1, y, 1));
            }
            if (!in(x, y + 1)) {
                present.set(edge(x + 1, y + 1, 2));
            }
            if (!in(x - 1, y)) {
                present.set(edge(x, y + 1, 3));
            }
        }
        List<Ring> rings = new ArrayList<>();
        BitSet visited = new BitSet();
        int[] stackIndex = new int[vertexColumns * (height + 1)];
        Arrays.fill(stackIndex, -1);
        for (int start = present.nextSetBit(0); start >= 0; start = present.nextSetBit(start + 1)) {
            if (!visited.get(start)) {
                splitAtTouchingVertices(follow(start, present, visited), stackIndex, rings);
            }
        }
        return assemble(rings, lattice, factory);
    }

    /** Follows edges from {@code start} until the ring closes; at a shared corner it turns left, keeping cells apart. */
    private int[] follow(int start, BitSet present, BitSet visited) {
        int[] edges = new int[16];
        int count = 0;
        int edge = start;
        while (true) {
            visited.set(edge);
            if (count == edges.length) {
                edges = Arrays.copyOf(edges, count * 2);
            }
            edges[count++] = edge;
            int vertex = edge >> 2;
            int direction = edge & 3;
            int x = vertex % vertexColumns + (direction == 0 ? 1 : direction == 2 ? -1 : 0);
            int y = vertex / vertexColumns + (direction == 1 ? 1 : direction == 3 ? -1 : 0);
            int next = -1;
            for (int turn : new int[] {1, 0, 3}) {
                int candidate = edge(x, y, (direction + turn) & 3);
                if (present.get(candidate) && (candidate == start || !visited.get(candidate))) {
                    next = candidate;
                    break;
                }
            }
            if (next == start) {
                return Arrays.copyOf(edges, count);
            }
            if (next < 0) {
                throw new IllegalStateException("grid ring did not close at vertex " + x + "," + y);
            }
            edge = next;
        }
    }

    /** A ring that passes a vertex twice becomes two rings meeting there. */
    private void splitAtTouchingVertices(int[] edges, int[] stackIndex, List<Ring> rings) {
        int[] stack = new int[edges.length];
        int top = 0;
        for (int edge : edges) {
            int vertex = edge >> 2;
            int at = stackIndex[vertex];
            if (at >= 0) {
                rings.add(new Ring(Arrays.copyOfRange(stack, at, top), vertexColumns));
                for (int i = at; i < top; i++) {
                    stackIndex[stack[i] >> 2] = -1;
                }
                top = at;
            }
            stackIndex[vertex] = top;
            stack[top++] = edge;
        }
        rings.add(new Ring(Arrays.copyOf(stack, top), vertexColumns));
        for (int i = 0; i < top; i++) {
            stackIndex[stack[i] >> 2] = -1;
        }
    }

    private static MultiPolygon assemble(List<Ring> rings, Lattice lattice, GeometryFactory factory) {
        List<Ring> shells = new ArrayList<>();
        List<Ring> holes = new ArrayList<>();
        for (Ring ring : rings) {
            (ring.doubleArea > 0 ? shells : holes).add(ring);
        }
        List<List<Ring>> holesOfShell = new ArrayList<>();
        shells.forEach(shell -> holesOfShell.add(new ArrayList<>()));
        for (Ring hole : holes) {
            int best = -1;
            for (int s = 0; s < shells.size(); s++) {
                Ring shell = shells.get(s);
                if (shell.contains(hole.insideX, hole.insideY)
                        && (best < 0 || shell.doubleArea < shells.get(best).doubleArea)) {
                    best = s;
                }
            }
            if (best < 0) {
                throw new IllegalStateException("a hole outside every outer ring");
            }
            holesOfShell.get(best).add(hole);
        }
        Polygon[] polygons = new Polygon[shells.size()];
        for (int s = 0; s < polygons.length; s++) {
            List<Ring> shellHoles = holesOfShell.get(s);
            LinearRing[] holeRings = new LinearRing[shellHoles.size()];
            for (int h = 0; h < holeRings.length; h++) {
                holeRings[h] = shellHoles.get(h).toLinearRing(lattice, factory);
            }
            polygons[s] = factory.createPolygon(shells.get(s).toLinearRing(lattice, factory), holeRings);
        }
        return factory.createMultiPolygon(polygons);
    }

    /** A closed ring kept as its corner vertices, with twice its signed area and a point just inside a hole. */
    private static final class Ring {
        final int[] cornerX;
        final int[] cornerY;
        final long doubleArea;
        /** Centre of the cell right of the first edge: outside the cells, so inside the ring if this is a hole. */
        final double insideX;
        final double insideY;

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
            insideX = x + 0.5;
            insideY = y + 0.5;
        }

        boolean contains(double x, double y) {
            boolean inside = false;
            for (int i = 0, j = cornerX.length - 1; i < cornerX.length; j = i++) {
                if ((cornerY[i] > y) != (cornerY[j] > y)
                        && x < (double) (cornerX[j] - cornerX[i]) * (y - cornerY[i]) / (cornerY[j] - cornerY[i]) + cornerX[i]) {
                    inside = !inside;
                }
            }
            return inside;
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
