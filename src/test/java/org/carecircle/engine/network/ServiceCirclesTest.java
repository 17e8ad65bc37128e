package org.carecircle.engine.network;

import org.carecircle.api.GeoJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Service circles on generated street grids of 100 m blocks, against answers worked out by hand.
 *
 * <p>On a full grid the network distance to a street corner is the Manhattan distance, and the
 * cheapest way into a block's centre is diagonally from its nearest corner (50·√2 = 70.7 m), so a
 * block whose nearest corner is a blocks east-west and b blocks north-south of the origin is reached
 * after 100·(a + b) + 70.7 m. At 4.88 km/h (81.33 m a minute) 5 minutes are 406.7 m and 15 minutes
 * 1,220 m: blocks with a + b ≤ 3 and a + b ≤ 11, each at least 36 m from the limit.
 */
class ServiceCirclesTest {
    private static final double METRES_PER_MINUTE = 4.88 * 1000 / 60;
    private static final double[] LIMITS = {5 * METRES_PER_MINUTE, 15 * METRES_PER_MINUTE};
    private static final double CORNER_TO_CENTRE = 50 * Math.sqrt(2);

    @TempDir
    static Path folder;
    static NetworkLoader.Loaded grid;
    static GeneratedCity gridCity;

    @BeforeAll
    static void importGrid() throws IOException {
        gridCity = new GeneratedCity(30, 30, 100);
        grid = NetworkLoader.load(gridCity.write(folder.resolve("grid.osm")), null, folder.resolve("cache"));
    }

    @AfterAll
    static void close() {
        grid.close();
    }

    static List<ServiceCircles.Band> circles(NetworkLoader.Loaded network, GeneratedCity city, double i, double j,
                                            WalkingProfile profile, double... limits) {
        double[] place = city.node(i, j);
        NetworkPoint origin = network.snapper().snap(place[0], place[1], profile);
        return ServiceCircles.build(network.network(), profile, CostKind.TIME, List.of(origin), List.of(place), limits,
                ServiceCircles.Settings.DEFAULT, GeoJson.FACTORY);
    }

    static Point blockCentre(GeneratedCity city, int i, int j) {
        double[] centre = city.node(i + 0.5, j + 0.5);
        return GeoJson.FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(centre[1], centre[0]));
    }

    static Set<String> blocksInside(GeneratedCity city, MultiPolygon area) {
        Set<String> inside = new HashSet<>();
        for (int i = 0; i < city.columns; i++) {
            for (int j = 0; j < city.rows; j++) {
                if (area.contains(blockCentre(city, i, j))) {
                    inside.add(i + "," + j);
                }
            }
        }
        return inside;
    }

    @Test
    void aReusedSearchForgetsTheCircleBefore() {
        // searches are pooled per network: the second circle from a corner must not keep the far one's costs
        MultiPolygon first = circles(grid, gridCity, 5, 5, WalkingProfile.FOOT, LIMITS[1]).get(0).area();
        circles(grid, gridCity, 20, 22, WalkingProfile.FOOT, LIMITS[1]);
        MultiPolygon again = circles(grid, gridCity, 5, 5, WalkingProfile.FOOT, LIMITS[1]).get(0).area();
        assertTrue(first.equalsExact(again));
        assertFalse(again.contains(blockCentre(gridCity, 20, 22)));
    }

    /** Blocks between grid lines {@code i, i+1}: how many whole blocks lie between them and origin line o. */
    private static int blocksAway(int i, int o) {
        return Math.min(Math.abs(i - o), Math.abs(i + 1 - o));
    }

    @Test
    void bandsOnAFullGridAreTheBlocksWorkedOutByHand() {
        List<ServiceCircles.Band> bands = circles(grid, gridCity, 15, 15, WalkingProfile.FOOT, LIMITS);
        for (int band = 0; band < 2; band++) {
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < 30; i++) {
                for (int j = 0; j < 30; j++) {
                    if (100 * (blocksAway(i, 15) + blocksAway(j, 15)) + CORNER_TO_CENTRE <= LIMITS[band]) {
                        expected.add(i + "," + j);
                    }
                }
            }
            MultiPolygon area = bands.get(band).area();
            assertTrue(area.isValid(), "band " + band + " is a valid polygon");
            assertEquals(expected, blocksInside(gridCity, area), "band " + band);
        }
        assertEquals(40, blocksInside(gridCity, bands.get(0).area()).size());
        assertEquals(312, blocksInside(gridCity, bands.get(1).area()).size());
    }

    @Test
    void bandsNestExactly() {
        List<ServiceCircles.Band> bands = circles(grid, gridCity, 15, 15, WalkingProfile.FOOT, 2 * METRES_PER_MINUTE,
                LIMITS[0], 10 * METRES_PER_MINUTE, LIMITS[1]);
        for (int b = 1; b < bands.size(); b++) {
            assertTrue(bands.get(b).area().covers(bands.get(b - 1).area()), "band " + b + " covers band " + (b - 1));
            assertTrue(bands.get(b).squareMetres() > bands.get(b - 1).squareMetres());
        }
    }

    @Test
    void streetCornersInsideAndOutsideTheLimit() {
        MultiPolygon five = circles(grid, gridCity, 15, 15, WalkingProfile.FOOT, LIMITS[0]).get(0).area();
        // corners 400 m away are inside 406.7 m; those 500 m away are not
        for (double[] corner : new double[][] {{19, 15}, {15, 11}, {17, 17}, {13, 13}}) {
            double[] place = gridCity.node(corner[0], corner[1]);
            assertTrue(five.contains(point(place)), "corner " + corner[0] + "," + corner[1]);
        }
        for (double[] corner : new double[][] {{20, 15}, {15, 10}, {18, 17}}) {
            double[] place = gridCity.node(corner[0], corner[1]);
            assertFalse(five.contains(point(place)), "corner " + corner[0] + "," + corner[1]);
        }
    }

    static Point point(double[] latitudeLongitude) {
        return GeoJson.FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(latitudeLongitude[1], latitudeLongitude[0]));
    }

    @Test
    void areaIsTheCellsCounted() {
        ServiceCircles.Band band = circles(grid, gridCity, 15, 15, WalkingProfile.FOOT, LIMITS[0]).get(0);
        // the polygon's area in local metres equals the counted cells' area
        double degreesToSquareMetres = GeneratedCity.METRES_PER_DEGREE * GeneratedCity.METRES_PER_DEGREE
                * Math.cos(Math.toRadians(gridCity.latitude(1500)));
        assertEquals(band.squareMetres(), band.area().getArea() * degreesToSquareMetres, band.squareMetres() * 1e-3);
    }

    @Test
    void multipleOriginsGiveTheUnionFromOneSearch() throws IOException {
        double[] a = gridCity.node(5, 5), b = gridCity.node(25, 25);
        List<NetworkPoint> origins = new ArrayList<>();
        origins.add(grid.snapper().snap(a[0], a[1], WalkingProfile.FOOT));
        origins.add(grid.snapper().snap(b[0], b[1], WalkingProfile.FOOT));
        MultiPolygon union = ServiceCircles.build(grid.network(), WalkingProfile.FOOT, CostKind.TIME, origins, List.of(a, b),
                new double[] {LIMITS[0]}, ServiceCircles.Settings.DEFAULT, GeoJson.FACTORY).get(0).area();
        MultiPolygon first = circles(grid, gridCity, 5, 5, WalkingProfile.FOOT, LIMITS[0]).get(0).area();
        MultiPolygon second = circles(grid, gridCity, 25, 25, WalkingProfile.FOOT, LIMITS[0]).get(0).area();
        assertEquals(2, union.getNumGeometries());
        Set<String> expected = new HashSet<>(blocksInside(gridCity, first));
        expected.addAll(blocksInside(gridCity, second));
        assertEquals(expected, blocksInside(gridCity, union));
        assertEquals(80, expected.size());
    }

    /**
     * A river between street rows 13 and 14, 60 m of water between two riverside streets, crossed
     * only by a bridge at column 25. From corner (22, 13) a block north of the river is reached
     * over the bridge: 3 + 1 blocks to its north end (25, 14), then on along the streets.
     */
    @Test
    void riverForcesTheDetourOverItsBridge() throws IOException {
        GeneratedCity city = new GeneratedCity(30, 30, 100).river(13, 25);
        try (NetworkLoader.Loaded network = NetworkLoader.load(city.write(folder.resolve("river.osm")), null, folder.resolve("cache"))) {
            MultiPolygon fifteen = circles(network, city, 22, 13, WalkingProfile.FOOT, LIMITS[1]).get(0).area();
            assertTrue(fifteen.isValid());
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < 30; i++) {
                for (int j = 0; j < 30; j++) {
                    double reach;
                    if (j < 13) {
                        reach = 100 * (blocksAway(i, 22) + blocksAway(j, 13)) + CORNER_TO_CENTRE;
                    } else if (j > 13) {
                        // to the bridge's north end (25, 14), then the nearest corner of the block from there
                        reach = 100 * (3 + 1) + 100 * (blocksAway(i, 25) + blocksAway(j, 14)) + CORNER_TO_CENTRE;
                    } else {
                        continue; // the river's own row of blocks: half water, tested below
                    }
                    if (reach <= LIMITS[1]) {
                        expected.add(i + "," + j);
                    }
                }
            }
            Set<String> inside = blocksInside(city, fifteen);
            inside.removeIf(key -> key.endsWith(",13"));
            assertEquals(expected, inside);
            // straight across from the origin: 100 m as the crow flies, 500 m by the bridge, 1,000 m to (22, 18)
            assertTrue(fifteen.contains(point(city.node(22, 14))), "the far bank, reached over the bridge");
            assertFalse(fifteen.contains(point(city.node(22.5, 13.5))), "the river itself");
            assertFalse(fifteen.contains(point(city.node(22.5, 13.38))), "water 38 m from the reached bank");
            assertTrue(fifteen.contains(point(city.node(22.5, 13.08))), "the near bank, 8 m from its street and 12 m from the water");
        }
    }

    /**
     * Two crossings of the river: a footbridge of steps at column 10 and a level bridge at column 25.
     * On foot the steps are the short way over; a stroller must go round by column 25.
     */
    @Test
    void strollerCircleAvoidsSteps() throws IOException {
        GeneratedCity city = new GeneratedCity(30, 30, 100).river(13, 25).stepBridge(10);
        try (NetworkLoader.Loaded network = NetworkLoader.load(city.write(folder.resolve("steps.osm")), null, folder.resolve("cache"))) {
            MultiPolygon foot = circles(network, city, 10, 13, WalkingProfile.FOOT, LIMITS[1]).get(0).area();
            MultiPolygon stroller = circles(network, city, 10, 13, WalkingProfile.STROLLER, LIMITS[1]).get(0).area();
            // up the 100 m of steps (walked at half speed: 200 m) and 300 m on: 500 m on foot; by stroller 3,000 m
            Point farBank = point(city.node(10, 17));
            assertTrue(foot.contains(farBank));
            assertFalse(stroller.contains(farBank));
            assertTrue(foot.covers(stroller), "a stroller reaches no more than a walker");
            // south of the river both are the same
            assertEquals(blocksInside(city, foot).stream().filter(k -> Integer.parseInt(k.split(",")[1]) < 13).toList().size(),
                    blocksInside(city, stroller).stream().filter(k -> Integer.parseInt(k.split(",")[1]) < 13).toList().size());
        }
    }

    /**
     * A park of 6 × 6 blocks (600 m square) with no paths inside: its streets all round are within
     * 15 minutes of the corner (12, 15) (the farthest, (18, 21), is 1,200 m away), but its middle is
     * more than 100 m from any street, so the circle has a hole there.
     */
    @Test
    void unreachableBlockStaysAHole() throws IOException {
        GeneratedCity city = new GeneratedCity(30, 30, 100).park(12, 15, 18, 21);
        try (NetworkLoader.Loaded network = NetworkLoader.load(city.write(folder.resolve("park.osm")), null, folder.resolve("cache"))) {
            MultiPolygon fifteen = circles(network, city, 12, 15, WalkingProfile.FOOT, 1250).get(0).area();
            assertTrue(fifteen.isValid());
            assertEquals(1, fifteen.getNumGeometries());
            assertEquals(1, ((org.locationtech.jts.geom.Polygon) fifteen.getGeometryN(0)).getNumInteriorRing());
            assertFalse(fifteen.contains(point(city.node(15, 18))), "the park's middle");
            assertTrue(fifteen.contains(point(city.node(15, 15.5))), "50 m into the park from its south street");
            assertTrue(fifteen.contains(point(city.node(18, 21))), "the park's far corner");
        }
    }

    /** On one shared lattice a union is a superset of each single circle, to the cell, barriers and all. */
    @Test
    void unionsCoverEachSingleCircleExactly() throws IOException {
        GeneratedCity city = new GeneratedCity(30, 30, 100).jitter(20, 5).river(13, 8, 25).stepBridge(17);
        try (NetworkLoader.Loaded network = NetworkLoader.load(city.write(folder.resolve("union.osm")), null, folder.resolve("cache"))) {
            java.util.Random random = new java.util.Random(11);
            for (int round = 0; round < 6; round++) {
                List<double[]> places = new ArrayList<>();
                List<NetworkPoint> origins = new ArrayList<>();
                for (int k = 0; k < 3; k++) {
                    double[] place = city.node(random.nextInt(31), random.nextInt(31));
                    places.add(place);
                    origins.add(network.snapper().snap(place[0], place[1], WalkingProfile.FOOT));
                }
                MultiPolygon union = ServiceCircles.build(network.network(), WalkingProfile.FOOT, CostKind.TIME, origins, places,
                        new double[] {LIMITS[1]}, ServiceCircles.Settings.DEFAULT, GeoJson.FACTORY).get(0).area();
                assertTrue(union.isValid());
                for (int k = 0; k < 3; k++) {
                    MultiPolygon single = ServiceCircles.build(network.network(), WalkingProfile.FOOT, CostKind.TIME,
                            List.of(origins.get(k)), List.of(places.get(k)), new double[] {LIMITS[1]},
                            ServiceCircles.Settings.DEFAULT, GeoJson.FACTORY).get(0).area();
                    assertTrue(union.covers(single), "round " + round + ", origin " + k);
                }
            }
        }
    }
}
