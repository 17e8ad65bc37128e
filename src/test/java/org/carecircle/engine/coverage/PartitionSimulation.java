package org.carecircle.engine.coverage;

import org.carecircle.Timing;
import org.carecircle.engine.geometry.Projection;
import org.carecircle.engine.network.GeneratedCity;
import org.carecircle.engine.network.NetworkLoader;
import org.carecircle.engine.network.NetworkPoint;
import org.carecircle.engine.network.PointLinks;
import org.carecircle.engine.network.WalkingProfile;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/scaling.md's halo rule, simulated: the generated 100k-junction city (316 × 316 blocks of
 * 100 m, a river with bridges), 99,856 cells and 150 institutions, analysed once whole and once as
 * 4 quadrants, each on its own extract holding the quadrant and a halo around it (one walk at the
 * longest limit plus the snap distance), with the institutions and cells that extract holds. Each
 * quadrant's own cells are compared with the whole run: nearest-institution times, within each
 * limit, and coverage with capacity. Argument: work folder.
 */
public final class PartitionSimulation {
    private static final double METRES_PER_MINUTE = 4.5 * 1000 / 60;
    private static final double[] LIMITS = {5 * METRES_PER_MINUTE, 15 * METRES_PER_MINUTE};
    private static final double SNAP = 300;
    private static final double HALO = LIMITS[1] + SNAP;
    private static final int BLOCKS = 316;
    private static final double BLOCK = 100;
    private static final Pattern NODE = Pattern.compile("<node id='(\\d+)' version='1' lat='([-0-9.]+)' lon='([-0-9.]+)'/>");
    private static final Pattern REFERENCE = Pattern.compile("<nd ref='(\\d+)'/>");

    private PartitionSimulation() {
    }

    public static void main(String[] arguments) throws Exception {
        Path work = Path.of(arguments[0]);
        Files.createDirectories(work);
        System.out.println(Timing.machine());
        GeneratedCity city = new GeneratedCity(BLOCKS, BLOCKS, BLOCK).jitter(15, 7).arterialEvery(8).missingLinks(0.05)
                .river(150, 40, 120, 200, 280);
        Path whole = work.resolve("city-100k.osm");
        if (!Files.exists(whole)) {
            city.write(whole);
        }
        int cells = BLOCKS * BLOCKS;
        double[] latitude = new double[cells], longitude = new double[cells], children = new double[cells];
        Random random = new Random(3);
        for (int j = 0; j < BLOCKS; j++) {
            for (int i = 0; i < BLOCKS; i++) {
                double[] centre = city.node(i + 0.5, j + 0.5);
                latitude[j * BLOCKS + i] = centre[0];
                longitude[j * BLOCKS + i] = centre[1];
                children[j * BLOCKS + i] = random.nextInt(11);
            }
        }
        int sites = 150;
        double[] siteLatitude = new double[sites], siteLongitude = new double[sites], slots = new double[sites];
        for (int s = 0; s < sites; s++) {
            double[] place = city.node(random.nextDouble() * BLOCKS, random.nextDouble() * BLOCKS);
            siteLatitude[s] = place[0];
            siteLongitude[s] = place[1];
            slots[s] = 40 + random.nextInt(160);
        }
        Projection projection = new Projection(city.latitude(0), city.longitude(0));
        double side = BLOCKS * BLOCK;

        Run full = null;
        double fullSeconds = 0;
        // the whole city twice: the first run warms the JVM up, the second is the one timed against the quadrants
        for (int round = 0; round < 2; round++) {
            long start = System.nanoTime();
            try (NetworkLoader.Loaded loaded = NetworkLoader.load(whole, null, work.resolve("cache"))) {
                full = run(loaded, latitude, longitude, children, all(cells), siteLatitude, siteLongitude, slots, all(sites));
            }
            fullSeconds = (System.nanoTime() - start) / 1e9;
        }

        double[] nearest = new double[cells];
        boolean[][] within = new boolean[LIMITS.length][cells];
        double[][] covered = new double[LIMITS.length][cells];
        double slowest = 0, total = 0;
        for (int quadrant = 0; quadrant < 4; quadrant++) {
            double west = quadrant % 2 * side / 2, south = quadrant / 2 * side / 2;
            double east = west + side / 2, north = south + side / 2;
            Path extract = work.resolve("quadrant-" + quadrant + ".osm");
            cut(whole, extract, projection, west - HALO, south - HALO, east + HALO, north + HALO);
            List<Integer> own = new ArrayList<>(), held = new ArrayList<>(), heldSites = new ArrayList<>();
            for (int c = 0; c < cells; c++) {
                double x = projection.x(longitude[c]), y = projection.y(latitude[c]);
                if (x >= west && x < east && y >= south && y < north) {
                    own.add(c);
                }
                if (x >= west - HALO && x < east + HALO && y >= south - HALO && y < north + HALO) {
                    held.add(c);
                }
            }
            for (int s = 0; s < sites; s++) {
                double x = projection.x(siteLongitude[s]), y = projection.y(siteLatitude[s]);
                if (x >= west - HALO && x < east + HALO && y >= south - HALO && y < north + HALO) {
                    heldSites.add(s);
                }
            }
            long partStart = System.nanoTime();
            try (NetworkLoader.Loaded loaded = NetworkLoader.load(extract, null, work.resolve("cache-" + quadrant))) {
                Run part = run(loaded, latitude, longitude, children, held, siteLatitude, siteLongitude, slots, heldSites);
                int[] position = new int[cells];
                for (int k = 0; k < held.size(); k++) {
                    position[held.get(k)] = k;
                }
                for (int c : own) {
                    int k = position[c];
                    nearest[c] = part.nearest[k];
                    for (int l = 0; l < LIMITS.length; l++) {
                        within[l][c] = part.within[l][k];
                        covered[l][c] = part.covered[l][k];
                    }
                }
            }
            double seconds = (System.nanoTime() - partStart) / 1e9;
            slowest = Math.max(slowest, seconds);
            total += seconds;
            System.out.printf(Locale.ROOT, "quadrant %d: %d own cells, %d held with the halo, %d institutions, %.1f s%n",
                    quadrant, own.size(), held.size(), heldSites.size(), seconds);
        }

        int nearestDiffer = 0, nearestFarBoth = 0;
        for (int c = 0; c < cells; c++) {
            boolean same = Math.abs(nearest[c] - full.nearest[c]) < 0.01
                    || Double.isInfinite(nearest[c]) && Double.isInfinite(full.nearest[c]);
            if (!same) {
                nearestDiffer++;
                nearestFarBoth += full.nearest[c] > HALO - SNAP ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "%nwhole city in one run (warm JVM): %.1f s (loading the network, joining cells, analysis)%n", fullSeconds);
        System.out.printf(Locale.ROOT, "4 quadrants: %.1f s one after another, %.1f s for the slowest (side by side)%n", total, slowest);
        System.out.printf(Locale.ROOT, "nearest-institution time differs for %d of %d cells, all %d of them farther than one "
                + "walk from any institution: %s%n", nearestDiffer, cells, nearestFarBoth, nearestDiffer == nearestFarBoth);
        for (int l = 0; l < LIMITS.length; l++) {
            int withinDiffer = 0, coveredDiffer = 0;
            double coveredWhole = 0, coveredParts = 0;
            for (int c = 0; c < cells; c++) {
                withinDiffer += within[l][c] != full.within[l][c] ? 1 : 0;
                coveredDiffer += Math.abs(covered[l][c] - full.covered[l][c]) > 1e-6 ? 1 : 0;
                coveredWhole += full.covered[l][c];
                coveredParts += covered[l][c];
            }
            System.out.printf(Locale.ROOT, "%.0f minutes: within differs for %d cells; with capacity, covered differs for %d "
                            + "cells; children covered %.1f whole, %.1f merged (%+.3f %%)%n", LIMITS[l] / METRES_PER_MINUTE,
                    withinDiffer, coveredDiffer, coveredWhole, coveredParts, 100 * (coveredParts - coveredWhole) / coveredWhole);
        }
    }

    private record Run(double[] nearest, boolean[][] within, double[][] covered) {
    }

    private static List<Integer> all(int count) {
        List<Integer> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(i);
        }
        return all;
    }

    /** The analysis of the given cells and institutions on this network, per cell in the order given. */
    private static Run run(NetworkLoader.Loaded loaded, double[] latitude, double[] longitude, double[] children,
                           List<Integer> cells, double[] siteLatitude, double[] siteLongitude, double[] slots,
                           List<Integer> sites) {
        double[] cellLatitude = cells.stream().mapToDouble(c -> latitude[c]).toArray();
        double[] cellLongitude = cells.stream().mapToDouble(c -> longitude[c]).toArray();
        double[] cellChildren = cells.stream().mapToDouble(c -> children[c]).toArray();
        PointLinks links = PointLinks.link(loaded.snapper(), WalkingProfile.FOOT, cellLatitude, cellLongitude, SNAP);
        List<NetworkPoint> origins = new ArrayList<>();
        List<Double> capacity = new ArrayList<>();
        for (int s : sites) {
            NetworkPoint point = loaded.snapper().snapWithin(siteLatitude[s], siteLongitude[s], WalkingProfile.FOOT, SNAP);
            if (point != null) {
                origins.add(point);
                capacity.add(slots[s]);
            }
        }
        CoverageAnalysis analysis = CoverageAnalysis.run(loaded.network(), links, origins, cellChildren, 0.24,
                capacity.stream().mapToDouble(Double::doubleValue).toArray(), LIMITS);
        double[] nearest = new double[cells.size()];
        boolean[][] within = new boolean[LIMITS.length][cells.size()];
        double[][] covered = new double[LIMITS.length][cells.size()];
        for (int k = 0; k < cells.size(); k++) {
            nearest[k] = analysis.nearestCost(k);
            for (int l = 0; l < LIMITS.length; l++) {
                within[l][k] = analysis.within(k, l);
                covered[l][k] = analysis.covered(k, l);
            }
        }
        return new Run(nearest, within, covered);
    }

    /** The extract's nodes inside the box (metres from the city's south-west corner) and the ways wholly inside it. */
    private static void cut(Path whole, Path part, Projection projection, double west, double south, double east, double north)
            throws IOException {
        Set<String> kept = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(whole, StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                Matcher node = NODE.matcher(line);
                if (node.matches()) {
                    double x = projection.x(Double.parseDouble(node.group(3))), y = projection.y(Double.parseDouble(node.group(2)));
                    if (x >= west && x <= east && y >= south && y <= north) {
                        kept.add(node.group(1));
                        out.write(line);
                        out.newLine();
                    }
                } else if (line.startsWith("<way")) {
                    Matcher reference = REFERENCE.matcher(line);
                    boolean inside = true;
                    while (inside && reference.find()) {
                        inside = kept.contains(reference.group(1));
                    }
                    if (inside) {
                        out.write(line);
                        out.newLine();
                    }
                } else {
                    out.write(line);
                    out.newLine();
                }
            }
        }
    }
}
