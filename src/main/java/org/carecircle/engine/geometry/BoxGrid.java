package org.carecircle.engine.geometry;

import java.util.function.IntConsumer;

/**
 * A grid index of boxes in degrees (points are boxes of no size): which items may touch a query box,
 * each reported once (in the grid square holding the corner it shares with the query), with no
 * per-query allocation. Built once for a city's cells or street edges, read by many threads.
 */
public final class BoxGrid {
    private final double west;
    private final double south;
    private final double east;
    private final double north;
    private final double squareDegrees;
    private final int columns;
    private final int rows;
    /** Items of square s are item[first[s] .. first[s + 1]). */
    private final int[] first;
    private final int[] item;
    private final int[] lowColumn;
    private final int[] lowRow;

    /** The boxes of {@code count} items: {@code box.of(i, out)} fills out with west, south, east, north. */
    public interface Boxes {
        void of(int item, double[] out);
    }

    public BoxGrid(int count, Boxes boxes, double squareDegrees) {
        if (!(squareDegrees > 0) || Double.isInfinite(squareDegrees)) {
            throw new IllegalArgumentException("square size " + squareDegrees + " must be a positive number of degrees");
        }
        double[] box = new double[4];
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            boxes.of(i, box);
            minX = Math.min(minX, box[0]);
            minY = Math.min(minY, box[1]);
            maxX = Math.max(maxX, box[2]);
            maxY = Math.max(maxY, box[3]);
        }
        this.west = count == 0 ? 0 : minX;
        this.south = count == 0 ? 0 : minY;
        this.east = count == 0 ? -1 : maxX;
        this.north = count == 0 ? -1 : maxY;
        // at most 2,048 squares a side, whatever the spread (16 MB of counts)
        this.squareDegrees = count == 0 ? squareDegrees : Math.max(squareDegrees, Math.max(maxX - minX, maxY - minY) / 2047);
        this.columns = count == 0 ? 1 : (int) Math.floor((maxX - minX) / this.squareDegrees) + 1;
        this.rows = count == 0 ? 1 : (int) Math.floor((maxY - minY) / this.squareDegrees) + 1;
        this.lowColumn = new int[count];
        this.lowRow = new int[count];
        int[] highColumn = new int[count];
        int[] highRow = new int[count];
        first = new int[columns * rows + 1];
        for (int i = 0; i < count; i++) {
            boxes.of(i, box);
            lowColumn[i] = column(box[0]);
            lowRow[i] = row(box[1]);
            highColumn[i] = column(box[2]);
            highRow[i] = row(box[3]);
            for (int r = lowRow[i]; r <= highRow[i]; r++) {
                for (int c = lowColumn[i]; c <= highColumn[i]; c++) {
                    first[r * columns + c + 1]++;
                }
            }
        }
        for (int s = 0; s < columns * rows; s++) {
            first[s + 1] += first[s];
        }
        item = new int[first[columns * rows]];
        int[] next = first.clone();
        for (int i = 0; i < count; i++) {
            for (int r = lowRow[i]; r <= highRow[i]; r++) {
                for (int c = lowColumn[i]; c <= highColumn[i]; c++) {
                    item[next[r * columns + c]++] = i;
                }
            }
        }
    }

    /** Calls {@code visitor} once for each item whose grid squares meet the box's (a superset of the items in it). */
    public void query(double queryWest, double querySouth, double queryEast, double queryNorth, IntConsumer visitor) {
        if (queryEast < west || queryNorth < south || queryWest > east || querySouth > north) {
            return;
        }
        int c0 = column(queryWest), c1 = column(queryEast), r0 = row(querySouth), r1 = row(queryNorth);
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int square = r * columns + c;
                for (int k = first[square]; k < first[square + 1]; k++) {
                    int i = item[k];
                    // an item spanning several squares is reported where its lower corner meets the query
                    if (Math.max(lowColumn[i], c0) == c && Math.max(lowRow[i], r0) == r) {
                        visitor.accept(i);
                    }
                }
            }
        }
    }

    private int column(double longitude) {
        return (int) Math.max(0, Math.min(columns - 1, Math.floor((longitude - west) / squareDegrees)));
    }

    private int row(double latitude) {
        return (int) Math.max(0, Math.min(rows - 1, Math.floor((latitude - south) / squareDegrees)));
    }
}
