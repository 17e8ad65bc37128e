package org.carecircle.engine.network;

import org.carecircle.engine.geometry.Projection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * The cells of one band, a bit each, on the window of the network's lattice that a circle covers.
 *
 * <p>A cell belongs to the band if its centre lies within a walk-off shape: for a piece of street
 * whose cost runs linearly from c₀ to c₁, every point of it reaches min(off-network reach, limit −
 * cost) in a straight line, and the union of those disks is the convex hull of the two end disks
 * (centre and radius both vary linearly). Each row of a hull is one span of cells, set a machine
 * word at a time. Near a barrier a cell also needs a clear line of sight from the nearest point of
 * the piece, and barrier cells themselves are never reached.
 */
final class BandCells {
    /** Where a circle's cells lie on the network's lattice, and the barriers there. */
    static final class Window {
        final Projection projection;
        final double minX;
        final double minY;
        final double cell;
        final int width;
        final int height;
        final int wordsPerRow;
        private final BarrierRaster barriers;
        private final boolean anyBarrier;
        /** This window's cell (0, 0) in the barrier raster's columns and rows. */
        private final int offsetX;
        private final int offsetY;

        Window(Projection projection, double minX, double minY, double cell, int width, int height, BarrierRaster barriers) {
            this.projection = projection;
            this.minX = minX;
            this.minY = minY;
            this.cell = cell;
            this.width = width;
            this.height = height;
            this.wordsPerRow = (width + 63) >>> 6;
            this.barriers = barriers;
            this.anyBarrier = barriers.any();
            this.offsetX = (int) (Math.round(minX / cell) - barriers.column0);
            this.offsetY = (int) (Math.round(minY / cell) - barriers.row0);
        }

        private boolean blockedAt(int x, int y) {
            return barriers.blocked(offsetX + x, offsetY + y);
        }

        private boolean blockedNear(int x0, int y0, int x1, int y1) {
            return anyBarrier && barriers.near(offsetX + x0, offsetY + y0, offsetX + x1, offsetY + y1);
        }

        /**
         * True if the straight line between two window positions (in cells) passes no blocked cell: at
         * once when no barrier is near its box, else cell by cell (both cells count where it passes a corner).
         */
        private boolean clearSight(double ax, double ay, double bx, double by) {
            int ix = (int) Math.floor(ax), iy = (int) Math.floor(ay);
            int tx = (int) Math.floor(bx), ty = (int) Math.floor(by);
            if (!blockedNear(Math.min(ix, tx), Math.min(iy, ty), Math.max(ix, tx), Math.max(iy, ty))) {
                return true;
            }
            double dx = bx - ax, dy = by - ay;
            int stepX = dx > 0 ? 1 : -1, stepY = dy > 0 ? 1 : -1;
            double deltaX = dx == 0 ? Double.POSITIVE_INFINITY : Math.abs(1 / dx);
            double deltaY = dy == 0 ? Double.POSITIVE_INFINITY : Math.abs(1 / dy);
            double nextX = dx == 0 ? Double.POSITIVE_INFINITY : ((stepX > 0 ? ix + 1 : ix) - ax) / dx;
            double nextY = dy == 0 ? Double.POSITIVE_INFINITY : ((stepY > 0 ? iy + 1 : iy) - ay) / dy;
            while (true) {
                if (blockedAt(ix, iy)) {
                    return false;
                }
                if (ix == tx && iy == ty) {
                    return true;
                }
                if (Math.abs(nextX - nextY) < 1e-12) {
                    if (blockedAt(ix + stepX, iy) || blockedAt(ix, iy + stepY)) {
                        return false;
                    }
                    ix += stepX;
                    iy += stepY;
                    nextX += deltaX;
                    nextY += deltaY;
                } else if (nextX < nextY) {
                    ix += stepX;
                    nextX += deltaX;
                } else {
                    iy += stepY;
                    nextY += deltaY;
                }
                if (nextX > 1 + 1e-9 && nextY > 1 + 1e-9 && (ix != tx || iy != ty)) {
                    return !blockedAt(tx, ty);
                }
            }
        }
    }

    private final Window window;
    private final long[] bits;
    /** Rows near barriers, seven numbers each: row, first and last column, and the piece's ends. */
    private double[] deferred = new double[7 * 64];
    private int deferredSize;

    BandCells(Window window) {
        this.window = window;
        this.bits = new long[window.wordsPerRow * window.height];
    }

    /**
     * Paints every piece's walk-off shape for a band of {@code limit}, reaching at most
     * {@code offNetwork} metres. Rows that may be hidden behind a barrier are checked cell by cell
     * last, when most of their cells are already in from some piece that sees them freely.
     */
    void paint(WalkOffPieces pieces, double limit, double offNetwork) {
        double cell = window.cell;
        double full = limit - offNetwork;
        double reach = offNetwork / cell;
        for (int i = 0; i < pieces.size; i++) {
            if (Math.max(pieces.cost0[i], pieces.cost1[i]) <= full) {
                double ax = column(pieces.x0[i]), ay = row(pieces.y0[i]);
                // two pieces in a straight line at full reach are one capsule
                if (pieces.continues[i] && Math.max(pieces.cost0[i + 1], pieces.cost1[i + 1]) <= full) {
                    i++;
                }
                paintHull(ax, ay, reach, column(pieces.x1[i]), row(pieces.y1[i]), reach);
                continue;
            }
            // a is the cheaper end, b the dearer
            boolean forward = pieces.cost0[i] <= pieces.cost1[i];
            double ax = column(forward ? pieces.x0[i] : pieces.x1[i]), ay = row(forward ? pieces.y0[i] : pieces.y1[i]);
            double bx = column(forward ? pieces.x1[i] : pieces.x0[i]), by = row(forward ? pieces.y1[i] : pieces.y0[i]);
            double costA = forward ? pieces.cost0[i] : pieces.cost1[i], costB = forward ? pieces.cost1[i] : pieces.cost0[i];
            if (costA > limit) {
                continue;
            }
            if (costB > limit) {
                // only the stretch within the limit
                double t = (limit - costA) / (costB - costA);
                bx = ax + t * (bx - ax);
                by = ay + t * (by - ay);
                costB = limit;
            }
            if (costA < full) {
                // full reach up to where the limit starts to cut it, then a narrowing reach
                double t = (full - costA) / (costB - costA);
                double mx = ax + t * (bx - ax), my = ay + t * (by - ay);
                paintHull(ax, ay, reach, mx, my, reach);
                paintHull(mx, my, reach, bx, by, (limit - costB) / cell);
            } else {
                paintHull(ax, ay, (limit - costA) / cell, bx, by, (limit - costB) / cell);
            }
        }
        for (int d = 0; d < deferredSize; d += 7) {
            paintInSight((int) deferred[d], (int) deferred[d + 1], (int) deferred[d + 2],
                    deferred[d + 3], deferred[d + 4], deferred[d + 5], deferred[d + 6]);
        }
        deferredSize = 0;
    }

    /** Window columns and rows (in cells, fractional) of projected metres. */
    private double column(double x) {
        return (x - window.minX) / window.cell;
    }

    private double row(double y) {
        return (y - window.minY) / window.cell;
    }

    /** The cells whose centres lie in the convex hull of disk (a, ra) and disk (b, rb), in window cells. */
    private void paintHull(double ax, double ay, double ra, double bx, double by, double rb) {
        double dx = bx - ax, dy = by - ay;
        double d = Math.sqrt(dx * dx + dy * dy);
        if (d <= Math.abs(ra - rb)) {
            // one disk holds the other
            if (rb > ra) {
                ax = bx;
                ay = by;
                ra = rb;
            }
            bx = ax;
            by = ay;
            rb = ra;
            d = 0;
        }
        // the two outer tangents touch the disks at a + ra·m and b + rb·m for the two unit normals m
        double t1x = 0, t1y = 0, t2x = 0, t2y = 0, m1x = 0, m1y = 0, m2x = 0, m2y = 0;
        boolean tangents = d > 0;
        if (tangents) {
            double ux = dx / d, uy = dy / d, k = (ra - rb) / d, q = Math.sqrt(Math.max(0, 1 - k * k));
            m1x = k * ux - q * uy;
            m1y = k * uy + q * ux;
            m2x = k * ux + q * uy;
            m2y = k * uy - q * ux;
            t1x = bx + rb * m1x - (ax + ra * m1x);
            t1y = by + rb * m1y - (ay + ra * m1y);
            t2x = bx + rb * m2x - (ax + ra * m2x);
            t2y = by + rb * m2y - (ay + ra * m2y);
        }
        double p1x = ax + ra * m1x, p1y = ay + ra * m1y, p2x = ax + ra * m2x, p2y = ay + ra * m2y;
        int firstRow = Math.max(0, (int) Math.ceil(Math.min(ay - ra, by - rb) - 0.5));
        int lastRow = Math.min(window.height - 1, (int) Math.floor(Math.max(ay + ra, by + rb) - 0.5));
        int firstColumn = Math.max(0, (int) Math.ceil(Math.min(ax - ra, bx - rb) - 0.5));
        int lastColumn = Math.min(window.width - 1, (int) Math.floor(Math.max(ax + ra, bx + rb) - 0.5));
        if (firstRow > lastRow || firstColumn > lastColumn) {
            return;
        }
        boolean mindBarriers = window.blockedNear(firstColumn, firstRow, lastColumn, lastRow);
        for (int row = firstRow; row <= lastRow; row++) {
            double y = row + 0.5;
            double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
            double h = ra * ra - (y - ay) * (y - ay);
            if (h >= 0) {
                double half = Math.sqrt(h);
                low = ax - half;
                high = ax + half;
            }
            h = rb * rb - (y - by) * (y - by);
            if (h >= 0) {
                double half = Math.sqrt(h);
                low = Math.min(low, bx - half);
                high = Math.max(high, bx + half);
            }
            if (tangents) {
                // where the row crosses each tangent segment
                double s = (y - p1y) / t1y;
                if (s >= 0 && s <= 1) {
                    double x = p1x + s * t1x;
                    low = Math.min(low, x);
                    high = Math.max(high, x);
                }
                s = (y - p2y) / t2y;
                if (s >= 0 && s <= 1) {
                    double x = p2x + s * t2x;
                    low = Math.min(low, x);
                    high = Math.max(high, x);
                }
            }
            int from = Math.max(firstColumn, (int) Math.ceil(low - 0.5));
            int to = Math.min(lastColumn, (int) Math.floor(high - 0.5));
            if (from > to) {
                continue;
            }
            // the row sees the piece unhindered if no barrier lies in the box of both
            if (mindBarriers && window.blockedNear(Math.min(from, (int) Math.min(ax, bx)), Math.min(row, (int) Math.min(ay, by)),
                    Math.max(to, (int) Math.max(ax, bx)), Math.max(row, (int) Math.max(ay, by)))) {
                defer(row, from, to, ax, ay, bx, by);
            } else {
                setSpan(row, from, to);
            }
        }
    }

    private void defer(int row, int from, int to, double ax, double ay, double bx, double by) {
        if (deferredSize + 7 > deferred.length) {
            deferred = java.util.Arrays.copyOf(deferred, deferred.length * 2);
        }
        deferred[deferredSize++] = row;
        deferred[deferredSize++] = from;
        deferred[deferredSize++] = to;
        deferred[deferredSize++] = ax;
        deferred[deferredSize++] = ay;
        deferred[deferredSize++] = bx;
        deferred[deferredSize++] = by;
    }

    /** Sets the cells of a row span that see the piece a–b (from its nearest point) past every barrier. */
    private void paintInSight(int row, int from, int to, double ax, double ay, double bx, double by) {
        double dx = bx - ax, dy = by - ay, squared = dx * dx + dy * dy;
        double y = row + 0.5;
        int base = row * window.wordsPerRow;
        for (int word = from >>> 6; word <= to >>> 6; word++) {
            // only the cells of the span no piece has reached yet
            long open = ~bits[base + word] & (-1L << Math.max(0, from - (word << 6)))
                    & (-1L >>> (63 - Math.min(63, to - (word << 6))));
            for (; open != 0; open &= open - 1) {
                int column = (word << 6) + Long.numberOfTrailingZeros(open);
                if (window.blockedAt(column, row)) {
                    continue;
                }
                double x = column + 0.5;
                double t = squared > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / squared)) : 0;
                if (window.clearSight(ax + t * dx, ay + t * dy, x, y)) {
                    bits[base + word] |= 1L << column;
                }
            }
        }
    }

    private void setSpan(int row, int from, int to) {
        int base = row * window.wordsPerRow;
        int first = from >>> 6, last = to >>> 6;
        long firstMask = -1L << from;
        long lastMask = -1L >>> (63 - (to & 63));
        if (first == last) {
            bits[base + first] |= firstMask & lastMask;
            return;
        }
        bits[base + first] |= firstMask;
        for (int w = first + 1; w < last; w++) {
            bits[base + w] = -1L;
        }
        bits[base + last] |= lastMask;
    }

    /** Keeps only the cells also in {@code wider}: bands nest exactly even where rounding differs. */
    void retainAll(BandCells wider) {
        for (int w = 0; w < bits.length; w++) {
            bits[w] &= wider.bits[w];
        }
    }

    int count() {
        int count = 0;
        for (long word : bits) {
            count += Long.bitCount(word);
        }
        return count;
    }

    /** The polygons covering the cells. */
    MultiPolygon trace(GridPolygons.Lattice lattice, GeometryFactory factory) {
        return GridPolygons.trace(bits, window.wordsPerRow, window.width, window.height, lattice, factory);
    }

    /** Whether the place's cell is in the band. */
    boolean contains(double latitude, double longitude) {
        int x = (int) Math.floor((window.projection.x(longitude) - window.minX) / window.cell);
        int y = (int) Math.floor((window.projection.y(latitude) - window.minY) / window.cell);
        return x >= 0 && y >= 0 && x < window.width && y < window.height
                && (bits[y * window.wordsPerRow + (x >>> 6)] & (1L << x)) != 0;
    }
}
