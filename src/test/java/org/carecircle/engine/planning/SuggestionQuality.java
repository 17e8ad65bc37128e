package org.carecircle.engine.planning;

import org.carecircle.engine.coverage.SiteReach;
import org.carecircle.engine.network.GeneratedCity;
import org.carecircle.engine.network.NetworkLoader;
import org.carecircle.engine.network.NetworkPoint;
import org.carecircle.engine.network.PointLinks;
import org.carecircle.engine.network.WalkingProfile;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How good the suggested sites are, on instances small enough to solve exactly: a generated city of
 * 14,641 junctions (120 × 120 blocks of 100 m, a river with three bridges), a cell of 100 m on every
 * block, one in ten with 1–10 children under 3 (24 % wanting a place: about as many within a
 * 15-minute walk as a site has slots, so both overlap and slots matter), 500 random candidate cells of 60 slots
 * and a 15-minute walk. For each instance it writes the capacitated maximal covering problem and the
 * greedy choice at K = 3 and 5 to a JSON file that {@code scripts/suggestion-optimum.py} solves with
 * CBC. It also prints what making the candidates fewer by squares costs: the greedy choice of 15 among
 * every cell with children against the same among one cell per square ({@link CandidateSquares}).
 * Arguments: work folder, number of instances.
 */
public final class SuggestionQuality {
    private static final int BLOCKS = 120;
    private static final double BLOCK = 100;
    private static final double LIMIT = 15 * 4.5 * 1000 / 60;
    private static final int SLOTS = 60;

    private SuggestionQuality() {
    }

    public static void main(String[] arguments) throws Exception {
        Path work = Path.of(arguments[0]);
        int instances = Integer.parseInt(arguments[1]);
        Files.createDirectories(work);
        GeneratedCity city = new GeneratedCity(BLOCKS, BLOCKS, BLOCK).jitter(15, 7).missingLinks(0.05).river(60, 20, 60, 100);
        Path osm = city.write(work.resolve("quality-city.osm"));
        try (NetworkLoader.Loaded loaded = NetworkLoader.load(osm, null, work.resolve("cache"))) {
            int cells = BLOCKS * BLOCKS;
            double[] latitude = new double[cells], longitude = new double[cells], demand = new double[cells];
            Random people = new Random(1);
            for (int j = 0; j < BLOCKS; j++) {
                for (int i = 0; i < BLOCKS; i++) {
                    double[] centre = city.node(i + 0.5, j + 0.5);
                    latitude[j * BLOCKS + i] = centre[0];
                    longitude[j * BLOCKS + i] = centre[1];
                    // sparse: a walk's reach then holds about as many children wanting a place as a site has slots
                    demand[j * BLOCKS + i] = people.nextDouble() < 0.1 ? (1 + people.nextInt(10)) * 0.24 : 0;
                }
            }
            PointLinks links = PointLinks.link(loaded.snapper(), WalkingProfile.FOOT, latitude, longitude, 300);
            List<Integer> linked = new ArrayList<>();
            for (int c = 0; c < cells; c++) {
                if (links.linked(c) && demand[c] > 0) {
                    linked.add(c);
                }
            }
            for (int instance = 1; instance <= instances; instance++) {
                Random pick = new Random(100 + instance);
                List<Integer> chosen = new ArrayList<>();
                for (int k = 0; k < 500; k++) {
                    chosen.add(linked.get(pick.nextInt(linked.size())));
                }
                write(work.resolve("instance-" + instance + ".json"), loaded, links, chosen, demand);
            }
            reductionLoss(loaded, links, linked, latitude, longitude, demand);
        }
    }

    private static SiteReach reach(NetworkLoader.Loaded loaded, PointLinks links, List<Integer> candidates) {
        List<NetworkPoint> points = candidates.stream().map(links::networkPoint).toList();
        return SiteReach.compute(loaded.network(), links, points, LIMIT);
    }

    private static double greedy(SiteReach reach, double[] demand, int count) {
        double[] slots = new double[reach.sites()];
        java.util.Arrays.fill(slots, SLOTS);
        List<SiteSelection.Choice> choices = SiteSelection.choose(reach, slots, demand.clone(), count, Double.POSITIVE_INFINITY,
                SiteSelection.TooClose.NEVER);
        return choices.isEmpty() ? 0 : choices.get(choices.size() - 1).cumulative();
    }

    private static void write(Path file, NetworkLoader.Loaded loaded, PointLinks links, List<Integer> candidates,
                              double[] demand) throws IOException {
        SiteReach reach = reach(loaded, links, candidates);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            out.printf(Locale.ROOT, "{\"slots\": %d, \"greedy\": {\"3\": %.6f, \"5\": %.6f},%n", SLOTS,
                    greedy(reach, demand, 3), greedy(reach, demand, 5));
            out.print("\"demand\": {");
            boolean first = true;
            for (int c = 0; c < demand.length; c++) {
                if (demand[c] > 0) {
                    out.printf(Locale.ROOT, "%s\"%d\": %.6f", first ? "" : ", ", c, demand[c]);
                    first = false;
                }
            }
            out.println("},");
            out.print("\"reach\": [");
            for (int site = 0; site < reach.sites(); site++) {
                out.print(site == 0 ? "[" : ", [");
                for (int pair = reach.first(site); pair < reach.first(site + 1); pair++) {
                    out.print((pair == reach.first(site) ? "" : ", ") + reach.cell(pair));
                }
                out.print("]");
            }
            out.println("]}");
        }
        System.out.println("wrote " + file.getFileName());
    }

    /** Greedy K = 15 among every cell with children against among one cell per square, at several square counts. */
    private static void reductionLoss(NetworkLoader.Loaded loaded, PointLinks links, List<Integer> linked, double[] latitude,
                                      double[] longitude, double[] demand) {
        int[] places = linked.stream().mapToInt(Integer::intValue).toArray();
        double all = greedy(reach(loaded, links, linked), demand, 15);
        System.out.printf(Locale.ROOT, "greedy K = 15 among all %d cells with children: %.1f children wanting a place covered%n",
                places.length, all);
        for (int most : new int[] {5000, 2000, 1000, 500}) {
            CandidateSquares.Reduction reduction = CandidateSquares.reduce(latitude, longitude, demand, places, most);
            List<Integer> kept = new ArrayList<>();
            for (int place : reduction.kept()) {
                kept.add(place);
            }
            double fewer = greedy(reach(loaded, links, kept), demand, 15);
            System.out.printf(Locale.ROOT, "  among %d candidates (squares of %.0f m): %.1f = %.4f of all%n", kept.size(),
                    reduction.squareMetres(), fewer, fewer / all);
        }
    }
}
