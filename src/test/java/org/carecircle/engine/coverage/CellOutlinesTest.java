package org.carecircle.engine.coverage;

import org.carecircle.api.GeoJson;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dissolving grid cells by cancelling shared sides gives what a general union gives, valid and without extra vertices. */
class CellOutlinesTest {
    private static final double SIZE = 0.001;

    private static Polygon cell(int i, int j) {
        return (Polygon) GeoJson.FACTORY.toGeometry(new Envelope(104 + i * SIZE, 104 + (i + 1) * SIZE,
                30 + j * SIZE, 30 + (j + 1) * SIZE));
    }

    private static Polygon[] cells(int[]... ij) {
        Polygon[] cells = new Polygon[ij.length];
        for (int k = 0; k < ij.length; k++) {
            cells[k] = cell(ij[k][0], ij[k][1]);
        }
        return cells;
    }

    private static void sameAsUnion(Polygon[] cells) {
        Geometry dissolved = CellOutlines.dissolve(cells, GeoJson.FACTORY);
        assertNotNull(dissolved);
        assertTrue(dissolved.isValid(), dissolved.toText());
        Geometry union = UnaryUnionOp.union(GeoJson.FACTORY.createGeometryCollection(cells));
        assertTrue(dissolved.symDifference(union).getArea() < 1e-12, dissolved + " vs " + union);
        assertEquals(union.getNumGeometries(), dissolved.getNumGeometries());
    }

    @Test
    void aRingOfCellsKeepsItsHole() {
        Polygon[] ring = cells(new int[] {0, 0}, new int[] {1, 0}, new int[] {2, 0}, new int[] {0, 1}, new int[] {2, 1},
                new int[] {0, 2}, new int[] {1, 2}, new int[] {2, 2});
        Polygon outline = (Polygon) CellOutlines.dissolve(ring, GeoJson.FACTORY);
        assertEquals(1, outline.getNumInteriorRing());
        // four corners outside, four inside
        assertEquals(5, outline.getExteriorRing().getNumPoints());
        assertEquals(5, outline.getInteriorRingN(0).getNumPoints());
        sameAsUnion(ring);
    }

    @Test
    void aHoleTouchingTheOutsideAtACornerStaysValid() {
        // the 3 × 3 ring without its north-east cell: the hole touches the outside at one corner
        sameAsUnion(cells(new int[] {0, 0}, new int[] {1, 0}, new int[] {2, 0}, new int[] {0, 1}, new int[] {2, 1},
                new int[] {0, 2}, new int[] {1, 2}));
    }

    @Test
    void cellsTouchingOnlyAtCornersStaySeparate() {
        sameAsUnion(cells(new int[] {0, 0}, new int[] {1, 1}, new int[] {2, 0}));
    }

    @Test
    void randomMasksMatchTheUnion() {
        Random random = new Random(5);
        for (int round = 0; round < 40; round++) {
            List<Polygon> chosen = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                for (int j = 0; j < 12; j++) {
                    if (random.nextDouble() < 0.55) {
                        chosen.add(cell(i, j));
                    }
                }
            }
            sameAsUnion(chosen.toArray(new Polygon[0]));
        }
    }

    /**
     * Square rings of gap cells nested around each other: gap, covered island, gap, island, … with
     * random widths, centres and cell orders. Every hole lies inside several shells and belongs to the
     * smallest; taking the first that contains it gave an invalid outline in about half of the orders.
     */
    @Test
    void nestedRingsInAnyOrderMatchTheUnion() {
        Random random = new Random(11);
        for (int round = 0; round < 60; round++) {
            int levels = 2 + random.nextInt(4);
            int[] bounds = new int[levels + 1];
            for (int level = 1; level <= levels; level++) {
                bounds[level] = bounds[level - 1] + 1 + random.nextInt(2);
            }
            int centreI = random.nextInt(3), centreJ = random.nextInt(3);
            List<Polygon> gap = new ArrayList<>();
            for (int i = -bounds[levels]; i <= bounds[levels]; i++) {
                for (int j = -bounds[levels]; j <= bounds[levels]; j++) {
                    int distance = Math.max(Math.abs(i), Math.abs(j));
                    int level = 0;
                    while (distance > bounds[level]) {
                        level++;
                    }
                    // the outermost band is gap; bands alternate inwards
                    if ((levels - level) % 2 == 0) {
                        gap.add(cell(centreI + i, centreJ + j));
                    }
                }
            }
            java.util.Collections.shuffle(gap, random);
            sameAsUnion(gap.toArray(new Polygon[0]));
        }
    }

    @Test
    void cellsWhoseSidesDoNotMatchAreLeftToTheGeneralUnion() {
        Polygon big = (Polygon) GeoJson.FACTORY.toGeometry(new Envelope(104, 104 + 2 * SIZE, 30, 30 + 2 * SIZE));
        assertNull(CellOutlines.dissolve(new Polygon[] {big, cell(2, 0)}, GeoJson.FACTORY));
    }
}
