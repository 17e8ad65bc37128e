package org.carecircle.engine.network;

import org.carecircle.engine.geometry.Projection;

import java.util.BitSet;

/**
 * The network's barriers burnt into its shared lattice once (every circle uses the same projection
 * and cells), with coarse prefix sums so "is a barrier anywhere in this box?" costs four lookups.
 */
final class BarrierRaster {
    /** Blocks of 2 × 2 cells: sight lines beside a wall 20 m off the street are mostly proven clear by the box alone. */
    private static final int COARSE = 2;

    final double cell;
    /** Lattice position of column 0 and row 0, in cells from the projection's origin. */
    final long column0;
    final long row0;
    final int width;
    final int height;
    private final BitSet blocked;
    private final int coarseColumns;
    private final int[] coarseBefore;

    BarrierRaster(WalkingNetwork network, double cell, double margin) {
        this.cell = cell;
        Projection projection = network.projection();
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < network.geometryLatitude.length; p++) {
            double x = projection.x(network.geometryLongitude[p]), y = projection.y(network.geometryLatitude[p]);
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        if (minX > maxX) {
            minX = minY = maxX = maxY = 0;
        }
        column0 = (long) Math.floor((minX - margin) / cell);
        row0 = (long) Math.floor((minY - margin) / cell);
        width = (int) (Math.ceil((maxX + margin) / cell) - column0) + 1;
        height = (int) (Math.ceil((maxY + margin) / cell) - row0) + 1;
        blocked = new BitSet(width * height);
        Barriers barriers = network.barriers;
        for (int s = 0; s < barriers.segmentCount(); s++) {
            double x0 = projection.x(barriers.longitude1(s)) / cell - column0, y0 = projection.y(barriers.latitude1(s)) / cell - row0;
            double x1 = projection.x(barriers.longitude2(s)) / cell - column0, y1 = projection.y(barriers.latitude2(s)) / cell - row0;
            // every quarter cell: no gap a diagonal step could slip through
            int steps = Math.max(1, (int) Math.ceil(Math.sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0)) * 4));
            for (int i = 0; i <= steps; i++) {
                double t = (double) i / steps;
                int x = (int) Math.floor(x0 + t * (x1 - x0)), y = (int) Math.floor(y0 + t * (y1 - y0));
                if (x >= 0 && y >= 0 && x < width && y < height) {
                    blocked.set(y * width + x);
                }
            }
        }
        coarseColumns = width / COARSE + 1;
        int coarseRows = height / COARSE + 1;
        coarseBefore = new int[(coarseColumns + 1) * (coarseRows + 1)];
        for (int at = blocked.nextSetBit(0); at >= 0; at = blocked.nextSetBit(at + 1)) {
            coarseBefore[(at / width / COARSE + 1) * (coarseColumns + 1) + at % width / COARSE + 1] = 1;
        }
        for (int y = 1; y <= coarseRows; y++) {
            for (int x = 1; x <= coarseColumns; x++) {
                int at = y * (coarseColumns + 1) + x;
                coarseBefore[at] += coarseBefore[at - 1] + coarseBefore[at - coarseColumns - 1]
                        - coarseBefore[at - coarseColumns - 2];
            }
        }
    }

    boolean any() {
        return !blocked.isEmpty();
    }

    /** Whether lattice cell (x, y) (relative to column0, row0) holds a barrier. */
    boolean blocked(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && blocked.get(y * width + x);
    }

    /** True if a barrier may lie in the box of cells: one does, or one lies in a block the box touches. */
    boolean near(int x0, int y0, int x1, int y1) {
        int bx0 = Math.max(0, x0) / COARSE, by0 = Math.max(0, y0) / COARSE;
        int bx1 = Math.min(width - 1, x1) / COARSE, by1 = Math.min(height - 1, y1) / COARSE;
        if (bx0 > bx1 || by0 > by1) {
            return false;
        }
        int w = coarseColumns + 1;
        return coarseBefore[(by1 + 1) * w + bx1 + 1] - coarseBefore[by0 * w + bx1 + 1]
                - coarseBefore[(by1 + 1) * w + bx0] + coarseBefore[by0 * w + bx0] > 0;
    }
}
