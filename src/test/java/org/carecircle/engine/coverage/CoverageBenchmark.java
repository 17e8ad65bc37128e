package org.carecircle.engine.coverage;

import org.carecircle.Timing;
import org.carecircle.api.GeoJson;
import org.carecircle.engine.indicator.AreaFacts;
import org.carecircle.engine.indicator.IndicatorValue;
import org.carecircle.engine.indicator.TargetSet;
import org.carecircle.engine.network.CostKind;
import org.carecircle.engine.network.GeneratedCity;
import org.carecircle.engine.network.MultiSourceSearch;
import org.carecircle.engine.network.NetworkLoader;
import org.carecircle.engine.network.NetworkPoint;
import org.carecircle.engine.network.PointLinks;
import org.carecircle.engine.network.ServiceCircles;
import org.carecircle.engine.network.WalkingNetwork;
import org.carecircle.engine.network.WalkingProfile;
import org.carecircle.engine.planning.SiteSelection;
import org.carecircle.indicator.TargetSets;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * The full coverage analysis on a generated 300k-node city with 150 institutions and 100,000
 * cells, against one bare multi-source Dijkstra over the same graph and against what planners do
 * today: one isochrone polygon per institution, intersected with the cells in PostGIS. One run,
 * medians after warm-up. Arguments: work folder, JDBC URL of a PostGIS database ("-" to leave it out).
 */
public final class CoverageBenchmark {
    private static final double METRES_PER_MINUTE = 4.5 * 1000 / 60;
    private static final double[] LIMITS = {5 * METRES_PER_MINUTE, 15 * METRES_PER_MINUTE};
    private static final int SIDE = 547;
    private static final double BLOCK = 50;
    private static final int CELLS_PER_SIDE = 316;
    private static final int INSTITUTIONS = 150;
    private static final int AREAS_PER_SIDE = 4;

    private CoverageBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        Path work = Path.of(arguments[0]);
        String jdbc = arguments[1];
        Files.createDirectories(work);
        System.out.println(Timing.machine());
        Path file = work.resolve("city-300k.osm");
        // 547 × 547 blocks of 50 m: 300,304 street corners over 27 km, with jitter, arterials, gaps and a river
        GeneratedCity city = new GeneratedCity(SIDE, SIDE, BLOCK).jitter(8, 11).arterialEvery(10).missingLinks(0.05)
                .river(270, 50, 150, 250, 350, 450);
        if (!Files.exists(file)) {
            city.write(file);
        }
        try (NetworkLoader.Loaded loaded = NetworkLoader.load(file, null, work.resolve("cache"))) {
            run(loaded, city, jdbc);
        }
    }

    private static void run(NetworkLoader.Loaded loaded, GeneratedCity city, String jdbc) throws Exception {
        WalkingNetwork network = loaded.network();
        Random random = new Random(42);
        int cellCount = CELLS_PER_SIDE * CELLS_PER_SIDE;
        double cellSize = SIDE / (double) CELLS_PER_SIDE;
        double[] latitude = new double[cellCount], longitude = new double[cellCount];
        double[] residents = new double[cellCount], children = new double[cellCount];
        int[] area = new int[cellCount];
        Polygon[] boundary = new Polygon[cellCount];
        for (int i = 0; i < CELLS_PER_SIDE; i++) {
            for (int j = 0; j < CELLS_PER_SIDE; j++) {
                int c = i * CELLS_PER_SIDE + j;
                double[] centre = city.node((i + 0.5) * cellSize, (j + 0.5) * cellSize);
                double[] south = city.node(i * cellSize, j * cellSize), north = city.node((i + 1) * cellSize, (j + 1) * cellSize);
                latitude[c] = centre[0];
                longitude[c] = centre[1];
                boundary[c] = (Polygon) GeoJson.FACTORY.toGeometry(new Envelope(south[1], north[1], south[0], north[0]));
                residents[c] = random.nextInt(400);
                children[c] = Math.round(residents[c] * 0.022 * 100) / 100.0;
                area[c] = 1 + i * AREAS_PER_SIDE / CELLS_PER_SIDE * AREAS_PER_SIDE + j * AREAS_PER_SIDE / CELLS_PER_SIDE;
            }
        }
        int[] parent = new int[1 + AREAS_PER_SIDE * AREAS_PER_SIDE];
        Arrays.fill(parent, 0);
        parent[0] = -1;

        List<NetworkPoint> sites = new ArrayList<>();
        List<double[]> places = new ArrayList<>();
        while (sites.size() < INSTITUTIONS) {
            double[] place = city.node(random.nextDouble() * SIDE, random.nextDouble() * SIDE);
            NetworkPoint snapped = loaded.snapper().snap(place[0], place[1], WalkingProfile.FOOT);
            if (snapped != null && snapped.distance() < 300) {
                sites.add(snapped);
                places.add(place);
            }
        }
        double[] capacity = new double[INSTITUTIONS];
        for (int s = 0; s < INSTITUTIONS; s++) {
            capacity[s] = 40 + random.nextInt(160);
        }
        System.out.printf(Locale.ROOT, "network: %,d junctions, %,d edges; %,d cells; %d institutions%n",
                network.nodeCount(), network.edgeCount(), cellCount, INSTITUTIONS);

        long start = System.nanoTime();
        PointLinks links = PointLinks.link(loaded.snapper(), WalkingProfile.FOOT, latitude, longitude, 300);
        CellNeighbours neighbours = CellNeighbours.of(boundary);
        System.out.printf(Locale.ROOT, "once per population and network (cached by the service): joining cells and "
                + "finding neighbours %.0f ms%n", (System.nanoTime() - start) / 1e6);

        MultiSourceSearch bare = new MultiSourceSearch(network);
        double dijkstra = median(3, 10, () -> bare.run(WalkingProfile.FOOT, CostKind.TIME, sites, Double.POSITIVE_INFINITY));
        Totals reachedAll = new Totals();
        double full = median(2, 7, () -> {
            long t0 = System.nanoTime();
            CoverageAnalysis analysis = CoverageAnalysis.run(network, links, sites, children, 0.24, capacity, LIMITS);
            long t1 = System.nanoTime();
            CoverageAnalysis.Sums sums = analysis.sum(residents, children, area, parent);
            TargetSet targets = TargetSets.bundled().get("SHAOXING_2027");
            for (int group = 0; group < parent.length + 1; group++) {
                IndicatorValue.evaluate(new AreaFacts(sums.residents[group], true, sums.childrenUnder3[group], false, false,
                        0, 0, 0, 0, 0, 0, 0, 0, List.of(), List.of(), 0, List.of(), sums.populatedCells[group],
                        sums.populatedCellsWithin[0][group], sums.demand[group], sums.demandCovered[1][group]), targets);
            }
            long t2 = System.nanoTime();
            int outlines = 0;
            for (int limit = 0; limit < LIMITS.length; limit++) {
                outlines += gaps(analysis, neighbours, boundary, children, area, latitude, longitude, limit, false);
            }
            outlines += gaps(analysis, neighbours, boundary, children, area, latitude, longitude, LIMITS.length - 1, true);
            long t3 = System.nanoTime();
            reachedAll.children15 = sums.childrenWithin[1][parent.length];
            reachedAll.covered15 = sums.demandCovered[1][parent.length];
            reachedAll.stages = String.format(Locale.ROOT, "analysis %.0f ms, sums and indicators %.0f ms, gaps %.0f ms",
                    (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
            return outlines;
        });
        System.out.printf(Locale.ROOT, "bare multi-source Dijkstra (150 origins, whole graph): %8.1f ms%n", dijkstra);
        System.out.printf(Locale.ROOT, "full analysis (both limits, allocation, 2SFCA, E2SFCA, gaps, indicators): %8.1f ms"
                + "  = %.2f x Dijkstra%n", full, full / dijkstra);
        System.out.printf(Locale.ROOT, "  children under 3 within 15 minutes: %.0f; wanting a place and covered with capacity: %.0f%n",
                reachedAll.children15, reachedAll.covered15);
        System.out.println("  last run: " + reachedAll.stages);

        suggestSites(loaded, city, links, sites, children, capacity, full, random);
        if ("-".equals(jdbc)) {
            return;
        }
        try (Connection db = DriverManager.getConnection(jdbc, "carecircle", "carecircle")) {
            double[] postgisChildren = new double[1];
            loadCells(db, latitude, longitude, children);
            double postgis = median(1, 3, () -> {
                postgisChildren[0] = isochronesInPostgis(db, network, sites, places);
                return null;
            });
            System.out.printf(Locale.ROOT, "PostGIS method (150 isochrone polygons, 5 and 15 min, cells intersected in SQL): "
                    + "%8.1f ms  = %.1f x the full analysis%n", postgis, postgis / full);
            System.out.printf(Locale.ROOT, "  children under 3 within 15 minutes by polygons: %.0f%n", postgisChildren[0]);
        }
    }

    /**
     * K = 15 sites from 5,000 random candidate places of 60 slots: each candidate snapped and its
     * 15-minute reach found, then the greedy choice on what the institutions leave uncovered.
     */
    private static void suggestSites(NetworkLoader.Loaded loaded, GeneratedCity city, PointLinks links,
                                     List<NetworkPoint> sites, double[] children, double[] capacity, double full,
                                     Random random) throws Exception {
        CoverageAnalysis analysis = CoverageAnalysis.run(loaded.network(), links, sites, children, 0.24, capacity, LIMITS);
        double[] uncovered = new double[children.length];
        for (int c = 0; c < uncovered.length; c++) {
            uncovered[c] = analysis.demand()[c] - analysis.covered(c, 1);
        }
        List<double[]> places = new ArrayList<>();
        while (places.size() < 5000) {
            places.add(city.node(random.nextDouble() * SIDE, random.nextDouble() * SIDE));
        }
        double[] slots = new double[places.size()];
        Arrays.fill(slots, 60);
        double[] covered = new double[1];
        double millis = median(1, 3, () -> {
            List<NetworkPoint> candidates = new ArrayList<>();
            for (double[] place : places) {
                candidates.add(loaded.snapper().snap(place[0], place[1], WalkingProfile.FOOT));
            }
            SiteReach reach = SiteReach.compute(loaded.network(), links, candidates, LIMITS[1]);
            List<SiteSelection.Choice> chosen = SiteSelection.choose(
                    reach, slots, uncovered.clone(), 15, Double.POSITIVE_INFINITY,
                    SiteSelection.TooClose.NEVER);
            covered[0] = chosen.get(chosen.size() - 1).cumulative();
            return chosen;
        });
        System.out.printf(Locale.ROOT, "site suggestion (K = 15 of 5,000 candidates, 60 slots, 15 minutes): %8.1f ms"
                + "  = %.1f x the full analysis; %.0f children wanting a place newly covered%n", millis, millis / full, covered[0]);
    }

    private static final class Totals {
        double children15;
        double covered15;
        String stages;
    }

    private static int gaps(CoverageAnalysis analysis, CellNeighbours neighbours, Polygon[] boundary, double[] children,
                            int[] area, double[] latitude, double[] longitude, int limit, boolean withCapacity) {
        double[] uncovered = new double[children.length];
        for (int c = 0; c < uncovered.length; c++) {
            double value = withCapacity ? analysis.demand()[c] - analysis.covered(c, limit)
                    : analysis.within(c, limit) ? 0 : children[c];
            uncovered[c] = value > 1e-3 ? value : 0;
        }
        // as the service does: no gap wider than the limit's walk
        List<GapAreas.Gap> gaps = GapAreas.find(neighbours, uncovered, children, analysis.nearest().costs(), area,
                new GapAreas.Extent(latitude, longitude, LIMITS[limit]));
        int points = 0;
        for (GapAreas.Gap gap : gaps.subList(0, Math.min(20, gaps.size()))) {
            points += GapAreas.outline(gap, boundary, GeoJson.FACTORY).getNumPoints();
        }
        return points;
    }

    private static void loadCells(Connection db, double[] latitude, double[] longitude, double[] children) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute("CREATE TEMP TABLE bench_cell (id int, centre public.geometry(Point, 4326), children float8)");
            statement.execute("CREATE TEMP TABLE bench_isochrone (limit_index int, area public.geometry(MultiPolygon, 4326))");
        }
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO bench_cell VALUES (?, public.ST_SetSRID(public.ST_MakePoint(?, ?), 4326), ?)")) {
            for (int c = 0; c < latitude.length; c++) {
                insert.setInt(1, c);
                insert.setDouble(2, longitude[c]);
                insert.setDouble(3, latitude[c]);
                insert.setDouble(4, children[c]);
                insert.addBatch();
                if (c % 5000 == 4999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        try (Statement statement = db.createStatement()) {
            statement.execute("CREATE INDEX ON bench_cell USING gist (centre)");
            statement.execute("ANALYZE bench_cell");
        }
        db.commit();
    }

    /** Children within 15 minutes: each institution's circles drawn alone, stored, and intersected with the cells. */
    private static double isochronesInPostgis(Connection db, WalkingNetwork network, List<NetworkPoint> sites,
                                              List<double[]> places) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute("TRUNCATE bench_isochrone");
        }
        WKBWriter writer = new WKBWriter();
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO bench_isochrone VALUES (?, public.ST_SetSRID(public.ST_GeomFromWKB(?), 4326))")) {
            for (int s = 0; s < sites.size(); s++) {
                List<ServiceCircles.Band> bands = ServiceCircles.build(network, WalkingProfile.FOOT, CostKind.TIME,
                        List.of(sites.get(s)), List.of(places.get(s)), LIMITS, ServiceCircles.Settings.DEFAULT, GeoJson.FACTORY);
                for (int limit = 0; limit < bands.size(); limit++) {
                    insert.setInt(1, limit);
                    insert.setBytes(2, writer.write(bands.get(limit).area()));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        double within15 = 0;
        try (Statement statement = db.createStatement()) {
            statement.execute("CREATE INDEX ON bench_isochrone USING gist (area)");
            try (ResultSet rows = statement.executeQuery("""
                    SELECT i.limit_index, sum(c.children) FROM bench_cell c
                    JOIN LATERAL (SELECT DISTINCT limit_index FROM bench_isochrone i
                                  WHERE i.area OPERATOR(public.&&) c.centre AND public.ST_Intersects(i.area, c.centre)) i ON true
                    GROUP BY i.limit_index ORDER BY i.limit_index""")) {
                while (rows.next()) {
                    within15 = rows.getDouble(2);
                }
            }
            statement.execute("DROP INDEX IF EXISTS bench_isochrone_area_idx");
        }
        db.commit();
        return within15;
    }

    /** Median wall-clock milliseconds of {@code measured} calls after {@code warmUp}. */
    private static double median(int warmUp, int measured, Callable<Object> call) throws Exception {
        return Timing.millis(warmUp, measured, call)[measured / 2];
    }
}
