package org.carecircle.engine.network;

import org.carecircle.api.GeoJson;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.MultiPolygon;

import java.util.BitSet;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The traced polygons are exactly the cells: valid, same area, each cell's centre inside exactly when set. */
class GridPolygonsTest {
    private static MultiPolygon trace(BitSet inside, int width, int height) {
        int wordsPerRow = (width + 63) / 64;
        long[] words = new long[wordsPerRow * height];
        for (int cell = inside.nextSetBit(0); cell >= 0; cell = inside.nextSetBit(cell + 1)) {
            words[cell / width * wordsPerRow + cell % width / 64] |= 1L << (cell % width);
        }
        return GridPolygons.trace(words, wordsPerRow, width, height, (x, y) -> new Coordinate(x, y), GeoJson.FACTORY);
    }

    private static void assertExact(BitSet inside, int width, int height) {
        MultiPolygon polygons = trace(inside, width, height);
        assertTrue(polygons.isValid(), () -> "invalid: " + polygons);
        assertEquals(inside.cardinality(), polygons.getArea(), 1e-9);
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(polygons);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean covered = locator.locate(new Coordinate(x + 0.5, y + 0.5)) == Location.INTERIOR;
                assertEquals(inside.get(y * width + x), covered, "cell " + x + "," + y);
            }
        }
    }

    /** Rings inside rings, several deep, with random widths and holes off-centre: each hole in its nearest shell. */
    @Test
    void nestedRingsAreExact() {
        Random random = new Random(17);
        for (int round = 0; round < 60; round++) {
            int size = 40;
            BitSet inside = new BitSet();
            int low = random.nextInt(3), high = size - 1 - random.nextInt(3);
            for (boolean set = true; low <= high; set = !set) {
                int width = 1 + random.nextInt(3);
                for (int y = low; y <= high; y++) {
                    for (int x = low; x <= high; x++) {
                        int edge = Math.min(Math.min(x - low, high - x), Math.min(y - low, high - y));
                        if (edge < width) {
                            inside.set(y * size + x, set);
                        }
                    }
                }
                low += width + random.nextInt(2);
                high -= width;
            }
            assertExact(inside, size, size);
        }
    }

    @Test
    void checkerboardCellsTouchingAtCornersAreSeparatePolygons() {
        BitSet inside = new BitSet();
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 6; x++) {
                if ((x + y) % 2 == 0) {
                    inside.set(y * 6 + x);
                }
            }
        }
        assertExact(inside, 6, 6);
        assertEquals(18, trace(inside, 6, 6).getNumGeometries());
    }

    @Test
    void ringAroundAHoleKeepsTheHole() {
        BitSet inside = new BitSet();
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 5; x++) {
                if (x == 0 || y == 0 || x == 4 || y == 4) {
                    inside.set(y * 5 + x);
                }
            }
        }
        assertExact(inside, 5, 5);
        MultiPolygon ring = trace(inside, 5, 5);
        assertEquals(1, ring.getNumGeometries());
        assertEquals(1, ((org.locationtech.jts.geom.Polygon) ring.getGeometryN(0)).getNumInteriorRing());
    }

    @Test
    void holeTouchingTheOuterRingAtACornerIsStillValid() {
        // a 4 x 4 block missing cell (1, 1) and cell (0, 0): the hole meets the outside at one corner
        BitSet inside = new BitSet();
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                if (!(x == 1 && y == 1) && !(x == 0 && y == 0)) {
                    inside.set(y * 4 + x);
                }
            }
        }
        assertExact(inside, 4, 4);
    }

    @Test
    void randomMasksAreTracedExactly() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            // rows wider than a machine word, and exactly one or two words wide
            int width = round % 10 == 0 ? 64 * (1 + round % 20 / 10) : 1 + random.nextInt(150);
            int height = 1 + random.nextInt(30);
            double density = random.nextDouble();
            BitSet inside = new BitSet();
            for (int c = 0; c < width * height; c++) {
                if (random.nextDouble() < density) {
                    inside.set(c);
                }
            }
            assertExact(inside, width, height);
        }
    }
}
