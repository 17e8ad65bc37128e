package org.carecircle.engine.network;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.Profile;
import com.graphhopper.isochrone.algorithm.ContourBuilder;
import com.graphhopper.isochrone.algorithm.JTSTriangulator;
import com.graphhopper.isochrone.algorithm.ShortestPathTree;
import com.graphhopper.isochrone.algorithm.Triangulator;
import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.PMap;
import com.graphhopper.util.Parameters;
import org.carecircle.Timing;
import org.carecircle.api.GeoJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * 15-minute walking circles: CareCircle against GraphHopper's own isochrones, on the same graph and
 * the same origins, in one run. Run it with {@code scripts/benchmark.sh}; see docs/benchmarks.md.
 *
 * <p>Per network: CareCircle in-process (snap, one search, polygons) and GraphHopper's isochrone
 * pipeline in-process (snap, QueryGraph, ShortestPathTree with GraphHopper's extra 14 % / 200 s
 * exploration, JTSTriangulator, ContourBuilder), then CareCircle's GraphQL endpoint and
 * graphhopper-web's /isochrone over HTTP, each in its own JVM on the same extract, both running.
 * The two contenders are always called in turn, so the noise of a shared machine slows both alike;
 * every timing has a long warm-up first; latencies are per request, one at a time.
 */
public final class CircleBenchmark {
    private static final double SPEED_KMH = 5.0;
    private static final double MINUTES = 15;
    /**
     * A service runs warm: over HTTP both servers kept getting faster for 4,000 to 10,000 calls
     * (their request paths are deep and compiled late), so each contender gets this many first.
     */
    private static final int WARM_UP = 10_000;
    private static final int WARM_UP_BLOCK = 1000;
    private static final int MEASURED = 1000;

    private CircleBenchmark() {
    }

    /**
     * Arguments: work folder, CareCircle jar, graphhopper-web jar ("-" for both: in-process only),
     * then the extracts; the generated city comes after them.
     */
    public static void main(String[] arguments) throws Exception {
        Path work = Path.of(arguments[0]);
        Path careCircleJar = Path.of(arguments[1]);
        Path graphHopperWebJar = Path.of(arguments[2]);
        List<Path> extracts = new ArrayList<>();
        for (int a = 3; a < arguments.length; a++) {
            extracts.add(Path.of(arguments[a]));
        }
        Files.createDirectories(work);
        System.out.println(Timing.machine());

        Path city = work.resolve("city-100k.osm");
        if (!Files.exists(city)) {
            // 316 x 316 blocks of 100 m: 100,489 street corners, with jitter, arterials, gaps and a river
            new GeneratedCity(316, 316, 100).jitter(15, 7).arterialEvery(8).missingLinks(0.05)
                    .river(150, 40, 120, 200, 280).write(city);
        }
        extracts.add(city);
        List<String> report = new ArrayList<>();
        for (Path extract : extracts) {
            report.addAll(run(extract, work, careCircleJar, graphHopperWebJar));
        }
        System.out.println();
        report.forEach(System.out::println);
    }

    private static List<String> run(Path extract, Path work, Path careCircleJar, Path graphHopperWebJar) throws Exception {
        String name = extract.getFileName().toString();
        NetworkLoader.Loaded loaded = NetworkLoader.load(extract, null, work.resolve("cache"));
        GraphHopperIsochrone graphHopper = new GraphHopperIsochrone(loaded.hopper());
        List<double[]> origins = origins(loaded, graphHopper, 400, 42);
        double limit = MINUTES * SPEED_KMH * 1000 / 60;
        ServiceCircles.Settings settings = ServiceCircles.Settings.DEFAULT;

        // each contender walks the origins with its own counter: called in turn, both get the same origin
        int[] ourNext = {0};
        int[] theirNext = {0};
        Callable<Object> careCircle = () -> {
            double[] o = origins.get(ourNext[0]++ % origins.size());
            NetworkPoint snapped = loaded.snapper().snap(o[0], o[1], WalkingProfile.FOOT);
            return ServiceCircles.build(loaded.network(), WalkingProfile.FOOT, CostKind.TIME, List.of(snapped),
                    List.of(o), new double[] {limit}, settings, GeoJson.FACTORY);
        };
        Callable<Object> graphHopperInProcess = () -> {
            double[] o = origins.get(theirNext[0]++ % origins.size());
            return graphHopper.isochrone(o[0], o[1], MINUTES * 60);
        };
        double[][] inProcess = time(name + " in-process, CareCircle/GraphHopper", careCircle, graphHopperInProcess);
        int nodes = loaded.network().nodeCount();
        loaded.close();
        List<String> rows = new ArrayList<>(List.of(
                String.format(Locale.ROOT, "%s: %d nodes, 15-minute circles at %.1f km/h from %d random origins", name,
                        nodes, SPEED_KMH, origins.size()),
                row("  CareCircle in-process", inProcess[0]),
                row("  GraphHopper isochrone in-process", inProcess[1]),
                ratio(inProcess)));
        if (careCircleJar.toString().equals("-")) {
            return rows;
        }

        // HTTP/1.1 to both: graphhopper-web speaks no cleartext HTTP/2, and the JDK client would upgrade to it with CareCircle only
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Process ourServer = startCareCircle(careCircleJar, extract, work, 18080);
        Process theirServer = startGraphHopperWeb(graphHopperWebJar, extract, work, 18989);
        try {
            awaitReady(http, "http://127.0.0.1:18080/q/health/ready", ourServer);
            awaitReady(http, "http://127.0.0.1:18990/healthcheck", theirServer);
            double[][] circles = time(name + " over HTTP, CareCircle/graphhopper-web", () -> {
                double[] o = origins.get(ourNext[0]++ % origins.size());
                return graphQl(http, String.format(Locale.ROOT, "{ serviceCircle(origin: {point: "
                        + "{type: \\\"Point\\\", coordinates: [%f, %f]}}, minutes: [%s], speedKmh: %s) }",
                        o[1], o[0], MINUTES, SPEED_KMH));
            }, () -> {
                double[] o = origins.get(theirNext[0]++ % origins.size());
                return send(http, HttpRequest.newBuilder(URI.create(String.format(Locale.ROOT,
                        "http://127.0.0.1:18989/isochrone?point=%f,%f&profile=foot&time_limit=%d&buckets=1",
                        o[0], o[1], (int) (MINUTES * 60)))).GET().build());
            });
            // each server's cheapest request, warm: what its HTTP stack costs alone
            double[][] floors = time(name + " cheapest requests over HTTP", () -> graphQl(http, "{ __typename }"),
                    () -> send(http, HttpRequest.newBuilder(URI.create("http://127.0.0.1:18989/info")).GET().build()));
            rows.addAll(List.of(
                    row("  CareCircle GraphQL over HTTP", circles[0]),
                    row("  graphhopper-web /isochrone over HTTP", circles[1]),
                    ratio(circles),
                    row("    floor: CareCircle { __typename }", floors[0]),
                    row("    floor: graphhopper-web /info", floors[1])));
        } finally {
            for (Process server : List.of(ourServer, theirServer)) {
                server.destroy();
                server.waitFor();
            }
        }
        return rows;
    }

    private static String row(String label, double[] p) {
        return String.format(Locale.ROOT, "%-40s p50 %7.2f ms   p95 %7.2f ms", label, p[0], p[1]);
    }

    /**
     * Random street corners that both engines accept: on the network's main part (snapped within
     * 5 m) and where GraphHopper's triangulation finds enough points. The same for every contender.
     */
    private static List<double[]> origins(NetworkLoader.Loaded loaded, GraphHopperIsochrone graphHopper, int count, long seed) {
        Random random = new Random(seed);
        List<double[]> origins = new ArrayList<>();
        WalkingNetwork network = loaded.network();
        while (origins.size() < count) {
            int node = random.nextInt(network.nodeCount());
            double lat = network.nodeLatitude(node), lon = network.nodeLongitude(node);
            NetworkPoint snapped = loaded.snapper().snap(lat, lon, WalkingProfile.FOOT);
            if (snapped != null && snapped.distance() < 5 && graphHopperAccepts(graphHopper, lat, lon)) {
                origins.add(new double[] {lat, lon});
            }
        }
        return origins;
    }

    private static boolean graphHopperAccepts(GraphHopperIsochrone graphHopper, double latitude, double longitude) {
        try {
            graphHopper.isochrone(latitude, longitude, MINUTES * 60);
            return true;
        } catch (IllegalArgumentException tooFewPoints) {
            return false;
        }
    }

    /** p50 and p95 in milliseconds of each contender's {@link #MEASURED} calls, called in turn after {@link #WARM_UP}. */
    private static double[][] time(String label, Callable<Object> ours, Callable<Object> theirs) throws Exception {
        double[][] millis = Timing.interleaved(label, WARM_UP, WARM_UP_BLOCK, MEASURED, ours, theirs);
        return new double[][] {percentiles(millis[0]), percentiles(millis[1])};
    }

    private static double[] percentiles(double[] sorted) {
        return new double[] {sorted[MEASURED / 2], sorted[(int) (MEASURED * 0.95)]};
    }

    private static String ratio(double[][] oursAndTheirs) {
        return String.format(Locale.ROOT, "    ratio p50 %.2f, p95 %.2f (CareCircle / GraphHopper)",
                oursAndTheirs[0][0] / oursAndTheirs[1][0], oursAndTheirs[0][1] / oursAndTheirs[1][1]);
    }

    private static String graphQl(HttpClient http, String query) throws IOException, InterruptedException {
        return send(http, HttpRequest.newBuilder(URI.create("http://127.0.0.1:18080/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query + "\"}")).build());
    }

    private static String send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        return response.body();
    }

    private static Process startCareCircle(Path jar, Path extract, Path work, int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("java", "-Dcom.google.protobuf.use_unsafe_pre22_gencode=true",
                "-Dquarkus.http.port=" + port, "-jar", jar.toString());
        builder.environment().put("CARECIRCLE_OSM_FILE", extract.toAbsolutePath().toString());
        builder.environment().put("CARECIRCLE_GRAPH_CACHE", work.resolve("cache").toAbsolutePath().toString());
        return builder.redirectErrorStream(true).redirectOutput(work.resolve("carecircle.log").toFile()).start();
    }

    private static Process startGraphHopperWeb(Path jar, Path extract, Path work, int port) throws IOException {
        Path graph = work.resolve("graphhopper-web-" + extract.getFileName());
        Path config = work.resolve("graphhopper-web.yml");
        Files.writeString(config, String.join("\n",
                "graphhopper:",
                "  datareader.file: " + extract.toAbsolutePath(),
                "  graph.location: " + graph.toAbsolutePath(),
                "  graph.encoded_values: foot_access, foot_average_speed, road_class, road_environment",
                "  profiles:",
                "    - name: foot",
                "      custom_model: {priority: [{if: \"!foot_access\", multiply_by: \"0\"}], speed: [{if: \"true\", limit_to: \"foot_average_speed\"}]}",
                "  profiles_ch: []",
                "  profiles_lm: []",
                "  import.osm.ignored_highways: motorway,trunk",
                "server:",
                "  application_connectors:",
                "    - type: http",
                "      port: " + port,
                "      bind_host: 127.0.0.1",
                "  admin_connectors:",
                "    - type: http",
                "      port: " + (port + 1),
                "      bind_host: 127.0.0.1",
                "logging:",
                "  level: WARN",
                ""));
        return new ProcessBuilder("java", "-Dcom.google.protobuf.use_unsafe_pre22_gencode=true", "-jar", jar.toString(),
                "server", config.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("graphhopper-web.log").toFile()).start();
    }

    private static void awaitReady(HttpClient http, String url, Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(url + ": the server stopped while starting; see its log in the work folder");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(url + " was not ready in 5 minutes");
    }

    /** GraphHopper's own isochrone, as its /isochrone resource computes it for one bucket. */
    static final class GraphHopperIsochrone {
        private final GraphHopper hopper;
        private final Weighting weighting;
        private final BooleanEncodedValue inSubnetwork;
        private final JTSTriangulator triangulator;

        GraphHopperIsochrone(GraphHopper hopper) {
            this.hopper = hopper;
            Profile profile = hopper.getProfile("foot");
            this.weighting = hopper.createWeighting(profile, new PMap()
                    .putObject(Parameters.CH.DISABLE, true).putObject(Parameters.Landmark.DISABLE, true));
            this.inSubnetwork = hopper.getEncodingManager().getBooleanEncodedValue(Subnetwork.key("foot"));
            this.triangulator = new JTSTriangulator(hopper.getRouterConfig());
        }

        Object isochrone(double latitude, double longitude, double seconds) {
            Snap snap = hopper.getLocationIndex().findClosest(latitude, longitude, new DefaultSnapFilter(weighting, inSubnetwork));
            QueryGraph queryGraph = QueryGraph.create(hopper.getBaseGraph(), snap);
            ShortestPathTree tree = new ShortestPathTree(queryGraph, queryGraph.wrapWeighting(weighting), false,
                    TraversalMode.NODE_BASED);
            double limit = seconds * 1000;
            tree.setTimeLimit(limit + Math.max(limit * 0.14, 200_000));
            Triangulator.Result result = triangulator.triangulate(snap, queryGraph, tree, label -> label.time, 0);
            return new ContourBuilder(result.triangulation).computeIsoline(limit, result.seedEdges);
        }
    }
}
