package org.carecircle.engine.network;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A band holds exactly the cells whose centres some point of a piece reaches: within min(reach,
 * limit − cost) of it, the cost running linearly along the piece. Checked cell by cell against the
 * definition, the best point found by ternary search (the slack is concave along a piece).
 */
class BandCellsTest {
    private static final double CELL = 10;
    private static final double REACH = 100;

    /** A network of one street far from everything: only its (empty) barrier raster is used. */
    private static BandCells.Window window(int size) {
        WalkingNetwork network = new WalkingNetwork(new double[] {30.0, 30.0}, new double[] {104.0, 104.001},
                new int[] {0}, new int[] {1}, new float[] {96}, new float[] {96}, new float[] {96}, new byte[] {0},
                new int[] {0, 2}, new double[] {30.0, 30.0}, new double[] {104.0, 104.001}, new Barriers(new double[0]));
        return new BandCells.Window(network.projection(), 0, 0, CELL, size, size, network.barrierRaster(CELL, REACH));
    }

    /** How much farther than needed the best point of the piece reaches the place (negative: it does not). */
    private static double slack(WalkOffPieces pieces, int i, double limit, double x, double y) {
        double low = 0, high = 1;
        for (int step = 0; step < 100; step++) {
            double a = low + (high - low) / 3, b = high - (high - low) / 3;
            if (slackAt(pieces, i, limit, x, y, a) < slackAt(pieces, i, limit, x, y, b)) {
                low = a;
            } else {
                high = b;
            }
        }
        return slackAt(pieces, i, limit, x, y, (low + high) / 2);
    }

    private static double slackAt(WalkOffPieces pieces, int i, double limit, double x, double y, double t) {
        double px = pieces.x0[i] + t * (pieces.x1[i] - pieces.x0[i]), py = pieces.y0[i] + t * (pieces.y1[i] - pieces.y0[i]);
        double cost = pieces.cost0[i] + t * (pieces.cost1[i] - pieces.cost0[i]);
        return Math.min(REACH, limit - cost) - Math.hypot(x - px, y - py);
    }

    @Test
    void cellsAreExactlyThoseSomePointOfAPieceReaches() {
        Random random = new Random(11);
        BandCells.Window window = window(120);
        for (int round = 0; round < 20; round++) {
            WalkOffPieces pieces = new WalkOffPieces(0);
            for (int p = 0; p < 1 + random.nextInt(4); p++) {
                // costs rising faster or slower than the walk off the network (slopes make both)
                double ax = 200 + random.nextDouble() * 800, ay = 200 + random.nextDouble() * 800;
                double bx = ax + (random.nextDouble() - 0.5) * 400, by = ay + (random.nextDouble() - 0.5) * 400;
                double costA = random.nextDouble() * 900;
                double costB = costA + (random.nextDouble() - 0.3) * Math.hypot(bx - ax, by - ay) * 1.5;
                pieces.add(ax, ay, Math.max(0, costA), bx, by, Math.max(0, costB));
            }
            double limit = 600 + random.nextDouble() * 400;
            BandCells cells = new BandCells(window);
            cells.paint(pieces, limit, REACH);
            int checked = 0;
            for (int row = 0; row < 120; row++) {
                for (int column = 0; column < 120; column++) {
                    double x = (column + 0.5) * CELL, y = (row + 0.5) * CELL;
                    double best = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < pieces.size; i++) {
                        best = Math.max(best, slack(pieces, i, limit, x, y));
                    }
                    if (Math.abs(best) > 1e-6) {
                        double latitude = window.projection.latitude(y), longitude = window.projection.longitude(x);
                        assertEquals(best > 0, cells.contains(latitude, longitude),
                                "round " + round + ", cell " + column + "," + row + ", slack " + best);
                        checked++;
                    }
                }
            }
            assertTrue(checked > 14_000);
        }
    }

    @Test
    void aWiderLimitOnlyAddsCells() {
        WalkOffPieces pieces = new WalkOffPieces(0);
        pieces.add(300, 300, 0, 900, 500, 640);
        pieces.add(900, 500, 640, 600, 1000, 1100);
        BandCells.Window window = window(120);
        BandCells five = new BandCells(window), fifteen = new BandCells(window);
        five.paint(pieces, 375, REACH);
        fifteen.paint(pieces, 1125, REACH);
        int inFive = 0;
        for (int row = 0; row < 120; row++) {
            for (int column = 0; column < 120; column++) {
                double latitude = window.projection.latitude((row + 0.5) * CELL);
                double longitude = window.projection.longitude((column + 0.5) * CELL);
                if (five.contains(latitude, longitude)) {
                    inFive++;
                    assertTrue(fifteen.contains(latitude, longitude));
                }
            }
        }
        assertEquals(inFive, five.count());
        assertTrue(fifteen.count() > 2 * inFive, fifteen.count() + " against " + inFive);
    }
}
