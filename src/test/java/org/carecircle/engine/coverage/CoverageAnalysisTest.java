package org.carecircle.engine.coverage;

import org.carecircle.api.GeoJson;
import org.carecircle.engine.network.GeneratedCity;
import org.carecircle.engine.network.NetworkLoader;
import org.carecircle.engine.network.NetworkPoint;
import org.carecircle.engine.network.PointLinks;
import org.carecircle.engine.network.WalkingProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage on a generated 20 × 20 grid of 100 m blocks, against answers worked out by hand.
 *
 * <p>Cell (i, j) stands for block (i, j); its centre for the walk lies 20 m north of the block's
 * south street, halfway along it, so it joins that street 50 m from the corners (i, j) and (i+1, j).
 * Institutions stand on corners. A cell therefore walks 20 + 50 = 70 m to a south corner and then
 * the Manhattan distance along the grid: 70 + 100·k metres, k the fewer blocks from either south
 * corner. Limits are in metres (the cost of flat ground): 400 m takes k ≤ 3, 200 m k ≤ 1.
 */
class CoverageAnalysisTest {
    private static final int SIZE = 20;

    @TempDir
    static Path folder;
    static GeneratedCity city;
    static NetworkLoader.Loaded grid;

    @BeforeAll
    static void importGrid() throws IOException {
        city = new GeneratedCity(SIZE, SIZE, 100);
        grid = NetworkLoader.load(city.write(folder.resolve("grid.osm")), null, folder.resolve("cache"));
    }

    @AfterAll
    static void close() {
        grid.close();
    }

    private static PointLinks link(int[][] blocks) {
        double[] latitude = new double[blocks.length];
        double[] longitude = new double[blocks.length];
        for (int c = 0; c < blocks.length; c++) {
            double[] point = city.node(blocks[c][0] + 0.5, blocks[c][1] + 0.2);
            latitude[c] = point[0];
            longitude[c] = point[1];
        }
        return PointLinks.link(grid.snapper(), WalkingProfile.FOOT, latitude, longitude, 300);
    }

    private static NetworkPoint corner(int i, int j) {
        double[] place = city.node(i, j);
        return grid.snapper().snap(place[0], place[1], WalkingProfile.FOOT);
    }

    private static Polygon block(int i, int j) {
        double[] south = city.node(i, j), north = city.node(i + 1, j + 1);
        return (Polygon) GeoJson.FACTORY.toGeometry(new Envelope(south[1], north[1], south[0], north[0]));
    }

    private static int[][] allBlocks() {
        int[][] blocks = new int[SIZE * SIZE][];
        for (int i = 0; i < SIZE; i++) {
            for (int j = 0; j < SIZE; j++) {
                blocks[i * SIZE + j] = new int[] {i, j};
            }
        }
        return blocks;
    }

    @Test
    void everyCellWalksTheManhattanDistanceToTheNearestCorner() {
        int[][] blocks = allBlocks();
        PointLinks cells = link(blocks);
        List<NetworkPoint> sites = List.of(corner(10, 10), corner(4, 16));
        double[] children = new double[blocks.length];
        java.util.Arrays.fill(children, 1);
        CoverageAnalysis analysis = CoverageAnalysis.run(grid.network(), cells, sites, children, 0.5,
                new double[] {1000, 1000}, new double[] {400});
        int within = 0;
        for (int c = 0; c < blocks.length; c++) {
            int i = blocks[c][0], j = blocks[c][1];
            int toFirst = Math.abs(j - 10) + Math.min(Math.abs(i - 10), Math.abs(i + 1 - 10));
            int toSecond = Math.abs(j - 16) + Math.min(Math.abs(i - 4), Math.abs(i + 1 - 4));
            assertEquals(70 + 100 * Math.min(toFirst, toSecond), analysis.nearestCost(c), 0.5, "cell " + i + "," + j);
            if (toFirst != toSecond) {
                assertEquals(toFirst < toSecond ? 0 : 1, analysis.nearestSite(c), "cell " + i + "," + j);
            }
            within += analysis.within(c, 0) ? 1 : 0;
        }
        // k ≤ 3 around each corner: 2·4 + 2·(6 + 4 + 2) = 32 cells each, and the two diamonds do not meet
        assertEquals(64, within);
    }

    /**
     * Cells X = block (5, 10) and Y = block (6, 10), 5 children wanting a place each. A at corner
     * (5, 10) has 6 slots, B at corner (9, 10) has 10. Walks: X–A 70 m, Y–A 170 m, Y–B 270 m,
     * X–B 370 m. Nearest first: X takes 5 of A's slots, Y the last 1, and Y's other 4 fall to B.
     */
    @Test
    void theNearerInstitutionFillsAndTheRestFallsToTheNext() {
        PointLinks cells = link(new int[][] {{5, 10}, {6, 10}});
        List<NetworkPoint> sites = List.of(corner(5, 10), corner(9, 10));
        double[] children = {10, 10};
        CoverageAnalysis analysis = CoverageAnalysis.run(grid.network(), cells, sites, children, 0.5,
                new double[] {6, 10}, new double[] {200, 400});
        assertArrayEquals(new double[] {5, 5}, analysis.demand(), 1e-9);
        assertArrayEquals(new double[] {5, 5}, analysis.allocations().get(1).cellCovered(), 1e-9);
        assertArrayEquals(new double[] {6, 4}, analysis.allocations().get(1).siteServed(), 1e-9);
        // within 200 m B reaches nobody: Y keeps 4 children wanting a place uncovered
        assertArrayEquals(new double[] {5, 1}, analysis.allocations().get(0).cellCovered(), 1e-9);
        assertArrayEquals(new double[] {6, 0}, analysis.allocations().get(0).siteServed(), 1e-9);

        // 2SFCA over 400 m: A's ratio 6 / (5 + 5) = 0.6, B's 10 / (5 + 5) = 1; both cells reach both
        assertArrayEquals(new double[] {1.6, 1.6}, analysis.twoStep(), 1e-6);
        // E2SFCA, bands of 133.3 m weighing 1, 0.68, 0.22: X–A 70 m → 1, Y–A 170 m → 0.68,
        // Y–B 270 m and X–B 370 m → 0.22. A: 6 / (5 + 3.4) = 0.714286; B: 10 / (1.1 + 1.1) = 4.545455.
        // X: 0.714286 + 0.22 · 4.545455 = 1.714286; Y: 0.68 · 0.714286 + 1 = 1.485714
        assertArrayEquals(new double[] {1.714286, 1.485714}, analysis.enhanced(), 1e-6);
        // weighted by demand, the scores give back every slot
        assertEquals(16, 5 * analysis.enhanced()[0] + 5 * analysis.enhanced()[1], 1e-9);
    }

    /**
     * A row of 20 cells (row 10) with one institution at corner (10, 10): within 400 m are the cells
     * i = 6..13 (k ≤ 3). The gaps are i = 0..5 (2 children each, 12 in all, k = 9..4) and
     * i = 14..19 (1 child each, 6 in all).
     */
    /**
     * The same cells and sites with other slots and other children, from the walks found before:
     * A grows to 10 slots, so within 400 m X and Y are served by A alone (5 + 5); the children
     * double, so 10 + 10 want a place and B's 10 slots take what A leaves.
     */
    @Test
    void walksFoundBeforeServeOtherSlotsAndChildren() {
        PointLinks cells = link(new int[][] {{5, 10}, {6, 10}});
        List<NetworkPoint> sites = List.of(corner(5, 10), corner(9, 10));
        double[] limits = {200, 400};
        CoverageAnalysis before = CoverageAnalysis.run(grid.network(), cells, sites, new double[] {10, 10}, 0.5,
                new double[] {6, 10}, limits);
        CoverageAnalysis resized = CoverageAnalysis.withWalks(before.nearest(), before.reach(), new double[] {10, 10}, 0.5,
                new double[] {10, 10}, limits);
        assertArrayEquals(new double[] {10, 0}, resized.allocations().get(1).siteServed(), 1e-9);
        CoverageAnalysis fresh = CoverageAnalysis.run(grid.network(), cells, sites, new double[] {20, 20}, 1,
                new double[] {10, 10}, limits);
        CoverageAnalysis reused = CoverageAnalysis.withWalks(before.nearest(), before.reach(), new double[] {20, 20}, 1,
                new double[] {10, 10}, limits);
        assertArrayEquals(new double[] {10, 10}, reused.allocations().get(1).siteServed(), 1e-9);
        for (int l = 0; l < limits.length; l++) {
            assertArrayEquals(fresh.allocations().get(l).cellCovered(), reused.allocations().get(l).cellCovered(), 1e-12);
        }
        assertArrayEquals(fresh.twoStep(), reused.twoStep(), 1e-12);
        assertArrayEquals(fresh.enhanced(), reused.enhanced(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> CoverageAnalysis.withWalks(before.nearest(), before.reach(),
                new double[] {10, 10}, 0.5, new double[] {6, 10}, new double[] {200, 300}));
    }

    @Test
    void gapAreasMergeNeighbouringUncoveredCellsAndRankByChildren() {
        int[][] blocks = new int[SIZE][];
        Polygon[] outlines = new Polygon[SIZE];
        double[] children = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            blocks[i] = new int[] {i, 10};
            outlines[i] = block(i, 10);
            children[i] = i < 10 ? 2 : 1;
        }
        CoverageAnalysis analysis = CoverageAnalysis.run(grid.network(), link(blocks), List.of(corner(10, 10)), children,
                1, new double[] {1000}, new double[] {400});
        double[] uncovered = new double[SIZE];
        for (int c = 0; c < SIZE; c++) {
            uncovered[c] = analysis.within(c, 0) ? 0 : children[c];
        }
        int[] area = new int[SIZE];
        List<GapAreas.Gap> gaps = GapAreas.find(CellNeighbours.of(outlines), uncovered, children,
                analysis.nearest().costs(), area, extent(outlines, Double.POSITIVE_INFINITY));
        assertEquals(2, gaps.size());
        GapAreas.Gap west = gaps.get(0);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, west.cells());
        assertEquals(12, west.uncovered(), 1e-9);
        assertEquals(70 + 100 * 6.5, west.meanCost(), 0.5);
        assertEquals(70 + 100 * 9, west.longestCost(), 0.5);
        assertArrayEquals(new int[] {14, 15, 16, 17, 18, 19}, gaps.get(1).cells());
        assertEquals(6, gaps.get(1).uncovered(), 1e-9);

        Geometry outline = GapAreas.outline(west, outlines, GeoJson.FACTORY);
        assertTrue(outline.isValid());
        assertEquals(1, outline.getNumGeometries());
        double[] southWest = city.node(0, 10), northEast = city.node(6, 11);
        assertEquals(new Envelope(southWest[1], northEast[1], southWest[0], northEast[0]), outline.getEnvelopeInternal());
        // the six blocks dissolve into one rectangle: its four corners only
        assertEquals(5, outline.getCoordinates().length);
    }

    /** The cells' centres, and how wide a gap may be. */
    private static GapAreas.Extent extent(Polygon[] outlines, double maxAcrossMetres) {
        double[] latitude = new double[outlines.length], longitude = new double[outlines.length];
        for (int c = 0; c < outlines.length; c++) {
            latitude[c] = outlines[c].getCentroid().getY();
            longitude[c] = outlines[c].getCentroid().getX();
        }
        return new GapAreas.Extent(latitude, longitude, maxAcrossMetres);
    }

    /**
     * The two gaps of the row above (cells 0–5, centres 0–500 m east of cell 0's; cells 14–19,
     * 1,400–1,900 m): cut into squares of 260 m laid from cell 0's centre, {0, 1, 2} (0–200 m) and
     * {3, 4, 5} (300–500 m); {14, 15} (1,400–1,500), {16, 17, 18} (1,600–1,800) and {19}. With
     * 520 m, both are narrower and stay whole, though the east one straddles the line at 1,560 m.
     * Cells in different areas are never one gap.
     */
    @Test
    void wideGapsAreCutIntoSquaresAndAtAreaBoundaries() {
        Polygon[] outlines = new Polygon[SIZE];
        double[] uncovered = new double[SIZE];
        float[] cost = new float[SIZE];
        for (int i = 0; i < SIZE; i++) {
            outlines[i] = block(i, 10);
            uncovered[i] = i <= 5 || i >= 14 ? 1 : 0;
        }
        CellNeighbours neighbours = CellNeighbours.of(outlines);
        List<List<Integer>> cut = cells(GapAreas.find(neighbours, uncovered, uncovered, cost, new int[SIZE], extent(outlines, 260)));
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(14, 15), List.of(16, 17, 18), List.of(19)),
                cut.stream().sorted(java.util.Comparator.comparing(cells -> cells.get(0))).toList());
        List<List<Integer>> whole = cells(GapAreas.find(neighbours, uncovered, uncovered, cost, new int[SIZE], extent(outlines, 520)));
        assertEquals(2, whole.size());
        assertTrue(whole.contains(List.of(14, 15, 16, 17, 18, 19)));

        int[] area = new int[SIZE];
        java.util.Arrays.fill(area, 2, SIZE, 1);
        List<List<Integer>> byArea = cells(GapAreas.find(neighbours, uncovered, uncovered, cost, area,
                extent(outlines, Double.POSITIVE_INFINITY)));
        assertTrue(byArea.contains(List.of(0, 1)) && byArea.contains(List.of(2, 3, 4, 5)), byArea.toString());
    }

    private static List<List<Integer>> cells(List<GapAreas.Gap> gaps) {
        List<List<Integer>> cells = new ArrayList<>();
        gaps.forEach(gap -> cells.add(java.util.Arrays.stream(gap.cells()).boxed().toList()));
        return cells;
    }

    @Test
    void cellsOnlyTouchingAtACornerAreSeparateGaps() {
        Polygon[] outlines = {block(0, 0), block(1, 1), block(2, 1)};
        CellNeighbours neighbours = CellNeighbours.of(outlines);
        List<GapAreas.Gap> gaps = GapAreas.find(neighbours, new double[] {1, 1, 1}, new double[] {1, 1, 1},
                new float[] {100, 100, 100}, new int[3], extent(outlines, Double.POSITIVE_INFINITY));
        List<List<Integer>> cells = new ArrayList<>();
        gaps.forEach(gap -> cells.add(java.util.Arrays.stream(gap.cells()).boxed().toList()));
        assertTrue(cells.contains(List.of(1, 2)));
        assertTrue(cells.contains(List.of(0)));
        assertFalse(cells.contains(List.of(0, 1)));
    }

    @Test
    void aCellFartherThanTheSnapDistanceReachesNothing() {
        double[] far = city.node(-5, -5);
        PointLinks cells = PointLinks.link(grid.snapper(), WalkingProfile.FOOT, new double[] {far[0]},
                new double[] {far[1]}, 300);
        assertFalse(cells.linked(0));
        CoverageAnalysis analysis = CoverageAnalysis.run(grid.network(), cells, List.of(corner(0, 0)), new double[] {3},
                0.5, new double[] {10}, new double[] {400});
        assertEquals(Float.POSITIVE_INFINITY, analysis.nearestCost(0));
        assertEquals(-1, analysis.nearestSite(0));
        assertEquals(0, analysis.covered(0, 0));
    }

    @Test
    void anInstitutionOnTheCellsOwnStreetIsReachedStraightAlongIt() {
        // the institution stands 30 m along cell (5, 10)'s south street from corner (5, 10): 20 + (50 − 30)
        double[] place = city.node(5.3, 10);
        NetworkPoint site = grid.snapper().snap(place[0], place[1], WalkingProfile.FOOT);
        CoverageAnalysis analysis = CoverageAnalysis.run(grid.network(), link(new int[][] {{5, 10}}), List.of(site),
                new double[] {1}, 1, new double[] {1}, new double[] {400});
        assertEquals(40, analysis.nearestCost(0), 0.5);
    }
}
