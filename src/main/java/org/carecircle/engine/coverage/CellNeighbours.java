package org.carecircle.engine.coverage;

import com.carrotsearch.hppc.IntArrayList;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Which population cells share a side (not just a corner): the cells of a grid, or any coverage
 * whose neighbours share vertices, found by matching sides with coordinates rounded to 1 cm.
 */
public final class CellNeighbours {
    private final int[] first;
    private final int[] neighbour;

    private CellNeighbours(int[] first, int[] neighbour) {
        this.first = first;
        this.neighbour = neighbour;
    }

    public static CellNeighbours of(Polygon[] cells) {
        Map<Side, Integer> firstHolder = new HashMap<>();
        int[] degree = new int[cells.length + 1];
        IntArrayList from = new IntArrayList();
        IntArrayList to = new IntArrayList();
        for (int cell = 0; cell < cells.length; cell++) {
            Coordinate[] ring = cells[cell].getExteriorRing().getCoordinates();
            for (int i = 0; i + 1 < ring.length; i++) {
                Side side = Side.of(ring[i], ring[i + 1]);
                Integer other = firstHolder.putIfAbsent(side, cell);
                if (other != null && other != cell) {
                    from.add(other);
                    to.add(cell);
                    degree[other + 1]++;
                    degree[cell + 1]++;
                }
            }
        }
        for (int cell = 0; cell < cells.length; cell++) {
            degree[cell + 1] += degree[cell];
        }
        int[] neighbour = new int[degree[cells.length]];
        int[] fill = Arrays.copyOf(degree, cells.length);
        for (int p = 0; p < from.size(); p++) {
            neighbour[fill[from.get(p)]++] = to.get(p);
            neighbour[fill[to.get(p)]++] = from.get(p);
        }
        return new CellNeighbours(degree, neighbour);
    }

    public int cells() {
        return first.length - 1;
    }

    /** Writes the neighbours, to be read back with {@link #read}. */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(first.length);
        for (int value : first) {
            out.writeInt(value);
        }
        out.writeInt(neighbour.length);
        for (int value : neighbour) {
            out.writeInt(value);
        }
    }

    /** Neighbours written by {@link #write}; ones that do not fit {@code cells} cells are an error. */
    public static CellNeighbours read(DataInputStream in, int cells) throws IOException {
        int[] first = new int[in.readInt()];
        if (first.length != cells + 1) {
            throw new IOException("neighbours of " + (first.length - 1) + " cells, not " + cells);
        }
        for (int i = 0; i < first.length; i++) {
            first[i] = in.readInt();
        }
        int[] neighbour = new int[in.readInt()];
        for (int i = 0; i < neighbour.length; i++) {
            neighbour[i] = in.readInt();
            if (neighbour[i] < 0 || neighbour[i] >= cells) {
                throw new IOException("a neighbour " + neighbour[i] + " of only " + cells + " cells");
            }
        }
        if (first[0] != 0 || first[cells] != neighbour.length) {
            throw new IOException("the neighbours' index does not cover them");
        }
        return new CellNeighbours(first, neighbour);
    }

    public int count(int cell) {
        return first[cell + 1] - first[cell];
    }

    public int neighbour(int cell, int k) {
        return neighbour[first[cell] + k];
    }

    /** A side with its ends in a fixed order, at 1e-7 degrees (about 1 cm). */
    private record Side(long x0, long y0, long x1, long y1) {
        static Side of(Coordinate a, Coordinate b) {
            long ax = Math.round(a.x * 1e7), ay = Math.round(a.y * 1e7);
            long bx = Math.round(b.x * 1e7), by = Math.round(b.y * 1e7);
            return ax < bx || ax == bx && ay <= by ? new Side(ax, ay, bx, by) : new Side(bx, by, ax, ay);
        }
    }
}
