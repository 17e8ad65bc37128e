package org.carecircle.engine.coverage;

import org.carecircle.engine.network.GeneratedCity;
import org.carecircle.engine.network.NetworkLoader;
import org.carecircle.engine.network.NetworkPoint;
import org.carecircle.engine.network.PointLinks;
import org.carecircle.engine.network.WalkingProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Edits against runs afresh: on a 30 × 30-block city with a river (two bridges), jittered streets
 * and missing links, 40 chained edits that add, move and close institutions (and reorder them) give
 * the walks, reach, allocation and scores a run from scratch gives.
 */
class EditedAnalysisTest {
    private static final int SIZE = 30;
    private static final double[] LIMITS = {300, 900};

    @TempDir
    static Path folder;
    static GeneratedCity city;
    static NetworkLoader.Loaded network;
    static PointLinks cells;
    static double[] children;

    @BeforeAll
    static void build() throws IOException {
        city = new GeneratedCity(SIZE, SIZE, 100).jitter(8, 5).missingLinks(0.1).river(SIZE / 2, 7, 22);
        network = NetworkLoader.load(city.write(folder.resolve("city.osm")), null, folder.resolve("cache"));
        Random random = new Random(1);
        int count = SIZE * SIZE;
        double[] latitude = new double[count], longitude = new double[count];
        children = new double[count];
        for (int c = 0; c < count; c++) {
            double[] place = city.node(c % SIZE + random.nextDouble(), c / SIZE + random.nextDouble());
            latitude[c] = place[0];
            longitude[c] = place[1];
            children[c] = random.nextInt(20);
        }
        cells = PointLinks.link(network.snapper(), WalkingProfile.FOOT, latitude, longitude, 300);
    }

    @AfterAll
    static void close() {
        network.close();
    }

    private static NetworkPoint randomPlace(Random random) {
        double[] place = city.node(random.nextDouble() * SIZE, random.nextDouble() * SIZE);
        return network.snapper().snap(place[0], place[1], WalkingProfile.FOOT);
    }

    @Test
    void chainedEditsEqualRunsAfresh() {
        Random random = new Random(7);
        List<NetworkPoint> sites = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            sites.add(randomPlace(random));
        }
        CoverageAnalysis analysis = run(sites);
        for (int round = 0; round < 40; round++) {
            // what each site of the new list was: its index before, or -1 if new or moved
            List<Integer> was = new ArrayList<>();
            List<NetworkPoint> edited = new ArrayList<>();
            for (int s = 0; s < sites.size(); s++) {
                int fate = random.nextInt(10);
                if (fate == 0 && sites.size() > 2) {
                    continue;
                }
                edited.add(fate == 1 ? randomPlace(random) : sites.get(s));
                was.add(fate == 1 ? -1 : s);
            }
            for (int added = random.nextInt(3); added > 0; added--) {
                edited.add(randomPlace(random));
                was.add(-1);
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < edited.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, random);
            List<NetworkPoint> shuffled = new ArrayList<>();
            int[] previous = new int[edited.size()];
            for (int i = 0; i < order.size(); i++) {
                shuffled.add(edited.get(order.get(i)));
                previous[i] = was.get(order.get(i));
            }
            double[] capacity = capacity(shuffled.size(), random);
            CoverageAnalysis fresh = CoverageAnalysis.run(network.network(), cells, shuffled, children, 0.5, capacity, LIMITS);
            analysis = analysis.edited(network.network(), cells, shuffled, previous, children, 0.5, capacity, LIMITS);
            for (int c = 0; c < cells.size(); c++) {
                assertEquals(fresh.nearestCost(c), analysis.nearestCost(c), 1e-2, "round " + round + " cell " + c);
                assertEquals(fresh.nearestSite(c) < 0, analysis.nearestSite(c) < 0, "round " + round + " cell " + c);
            }
            assertEquals(fresh.reach().pairs(), analysis.reach().pairs());
            for (int pair = 0; pair < fresh.reach().pairs(); pair++) {
                assertEquals(fresh.reach().cell(pair), analysis.reach().cell(pair));
                assertEquals(fresh.reach().cost(pair), analysis.reach().cost(pair));
            }
            for (int l = 0; l < LIMITS.length; l++) {
                assertArrayEquals(fresh.allocations().get(l).cellCovered(), analysis.allocations().get(l).cellCovered(), 1e-9);
            }
            assertArrayEquals(fresh.twoStep(), analysis.twoStep(), 1e-9);
            sites = shuffled;
        }
    }

    /**
     * A site added halfway along a street between two others changes no corner's walk (each corner has
     * its own site) yet is nearest for the cell beside it: the cells along its street are priced again.
     */
    @Test
    void aSiteBetweenTwoCornersServesTheCellBesideIt() {
        double[] west = city.node(5, 3), east = city.node(6, 3), middle = city.node(5.5, 3), beside = city.node(5.5, 3.15);
        List<NetworkPoint> corners = List.of(network.snapper().snap(west[0], west[1], WalkingProfile.FOOT),
                network.snapper().snap(east[0], east[1], WalkingProfile.FOOT));
        PointLinks one = PointLinks.link(network.snapper(), WalkingProfile.FOOT, new double[] {beside[0]}, new double[] {beside[1]}, 300);
        CoverageAnalysis before = CoverageAnalysis.run(network.network(), one, corners, new double[] {10}, 0.5,
                new double[] {10, 10}, LIMITS);
        List<NetworkPoint> three = new ArrayList<>(corners);
        three.add(network.snapper().snap(middle[0], middle[1], WalkingProfile.FOOT));
        CoverageAnalysis fresh = CoverageAnalysis.run(network.network(), one, three, new double[] {10}, 0.5,
                new double[] {10, 10, 10}, LIMITS);
        CoverageAnalysis edited = before.edited(network.network(), one, three, new int[] {0, 1, -1}, new double[] {10}, 0.5,
                new double[] {10, 10, 10}, LIMITS);
        // about 15 m off the street, then a few metres along it, against 50 m to either corner
        assertEquals(2, fresh.nearestSite(0));
        assertEquals(2, edited.nearestSite(0));
        assertEquals(fresh.nearestCost(0), edited.nearestCost(0), 1e-3);
        assertTrue(edited.nearestCost(0) < before.nearestCost(0) - 30, edited.nearestCost(0) + " against " + before.nearestCost(0));
    }

    @Test
    void previousIndexesAreChecked() {
        List<NetworkPoint> sites = List.of(randomPlace(new Random(3)), randomPlace(new Random(4)));
        CoverageAnalysis analysis = run(sites);
        assertThrows(IllegalArgumentException.class, () -> analysis.edited(network.network(), cells, sites, new int[] {0, 0},
                children, 0.5, new double[] {10, 10}, LIMITS));
        assertThrows(IllegalArgumentException.class, () -> analysis.edited(network.network(), cells, sites, new int[] {0, 2},
                children, 0.5, new double[] {10, 10}, LIMITS));
    }

    private static CoverageAnalysis run(List<NetworkPoint> sites) {
        return CoverageAnalysis.run(network.network(), cells, sites, children, 0.5, capacity(sites.size(), new Random(0)), LIMITS);
    }

    private static double[] capacity(int sites, Random random) {
        double[] capacity = new double[sites];
        for (int s = 0; s < sites; s++) {
            capacity[s] = 20 + random.nextInt(60);
        }
        return capacity;
    }
}
