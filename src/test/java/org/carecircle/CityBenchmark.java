package org.carecircle;

import org.carecircle.engine.geometry.MapTile;
import org.carecircle.engine.network.GeneratedCity;
import org.carecircle.map.Chromium;
import org.carecircle.population.GeoTiffs;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A planning bureau's day on a whole city, against the running service over HTTP: a generated city
 * of about 3 million junctions (a river with bridges), a register of 2,000 institutions and a
 * 100 m population GeoTIFF, all through the documented uploads; then coverage, edits (create, resize,
 * move, close), gaps, site suggestions and vector tiles of every layer at six zooms; the map page in headless
 * Chromium (time to ready and to draw each zoom, frames a second while panning, screenshots); a restart; then a
 * register of 100,000 rows in one upload and the institutions export. Prints each step's time and the service's peak
 * memory (VmHWM). Arguments: work folder, service jar, JDBC URL of an empty database, heap for the
 * service (e.g. 6g); CITY_BLOCKS (blocks per side, default 1731) makes a smaller city for trials.
 */
public final class CityBenchmark {
    private static final double BLOCK = 50;
    private static final int INSTITUTIONS = 2000;
    private static final int BULK_INSTITUTIONS = 100_000;
    private static final int[] TILE_ZOOMS = {8, 10, 12, 13, 14, 16};
    private static final String[] TILE_LAYERS = {"cells", "institutions", "gaps", "circles", "streets", "areas"};
    private static final double PIXEL_METRES = 100;
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("planner:planner".getBytes(StandardCharsets.UTF_8));

    private final Path work;
    private final Path jar;
    private final String database;
    private final String heap;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> report = new ArrayList<>();
    private final int port = 18090;
    private Process service;

    private CityBenchmark(Path work, Path jar, String database, String heap) {
        this.work = work;
        this.jar = jar;
        this.database = database;
        this.heap = heap;
    }

    public static void main(String[] arguments) throws Exception {
        new CityBenchmark(Path.of(arguments[0]), Path.of(arguments[1]), arguments[2], arguments[3]).run();
    }

    private void run() throws Exception {
        Files.createDirectories(work);
        line(Timing.machine() + "; service heap -Xmx" + heap);
        int blocks = Integer.parseInt(System.getenv().getOrDefault("CITY_BLOCKS", "1731"));
        GeneratedCity city = new GeneratedCity(blocks, blocks, BLOCK).jitter(8, 11).arterialEvery(10).missingLinks(0.05)
                .river(blocks / 2, bridges(blocks));
        Path osm = work.resolve("city-" + blocks + ".osm");
        Path register = work.resolve("register-" + blocks + ".csv");
        Path raster = work.resolve("population-" + blocks + ".tif");
        if (!Files.exists(osm)) {
            long start = System.nanoTime();
            city.write(osm);
            line(String.format(Locale.ROOT, "generated %s: %,d junctions, %,d MB, in %.0f s", osm.getFileName(), city.nodeCount(),
                    Files.size(osm) >> 20, seconds(start)));
        }
        if (!Files.exists(register)) {
            writeRegister(city, blocks, register, INSTITUTIONS, "C");
        }
        if (!Files.exists(raster)) {
            writeRaster(city, blocks, raster);
        }
        double north = city.latitude(blocks * BLOCK), south = city.latitude(0);
        double west = city.longitude(0), east = city.longitude(blocks * BLOCK);
        String box = String.format(Locale.ROOT, "{west: %.5f, south: %.5f, east: %.5f, north: %.5f}", west, south, east, north);

        startService(osm, "first start, network import");
        timed("register upload, " + INSTITUTIONS + " rows", () -> post("/import/institutions?format=CSV", register, "text/csv"));
        timed("population raster upload", () -> post(String.format(Locale.ROOT,
                "/import/population-raster?name=city&west=%.6f&south=%.6f&east=%.6f&north=%.6f", west, south, east, north),
                raster, "image/tiff"));
        String coverage = "{ coverage { overall { childrenUnder3 limits { minutes childrenWithin childrenWantingPlaceCovered } } } }";
        timed("first coverage", () -> graphQl(coverage));
        timed("coverage again (cached)", () -> graphQl(coverage));
        double[] place = city.node(blocks / 3.0, blocks / 3.0);
        String newSite = "{name: \\\"新园\\\", location: {type: \\\"Point\\\", coordinates: [" + String.format(Locale.ROOT,
                "%.6f, %.6f", place[1], place[0]) + "]}, ownership: PUBLIC, kind: COMMUNITY, inclusive: true, registered: true, "
                + "classGroups: [{ageGroup: OLDER_TODDLER, slots: %d}]}";
        String[] created = new String[1];
        timed("one new institution", () -> created[0] = graphQl("mutation { createInstitution(input: "
                + String.format(Locale.ROOT, newSite, 60) + ") { institution { id } userErrors { field message code } } }"));
        timed("coverage after one new institution", () -> graphQl(coverage));
        String id = created[0].replaceAll(".*\"id\":\"(\\d+)\".*", "$1");
        timed("the new institution resized", () -> graphQl("mutation { updateInstitution(id: " + id + ", version: 1, input: "
                + String.format(Locale.ROOT, newSite, 120) + ") { institution { id } userErrors { field message code } } }"));
        timed("coverage after resizing it", () -> graphQl(coverage));
        timed("gap areas (15 minutes, largest 10)", () -> graphQl("{ gapAreas(minutes: 15, first: 10) { gaps { nodes { rank childrenUncovered cells } } } }"));
        timed("site suggestion for the whole city, K = 15", () -> graphQl("{ suggestSites(input: {sites: 15}) { sites { nodes { rank childrenNewlyCovered } } } }"));
        timed("the new institution moved 300 m", () -> graphQl("mutation { updateInstitution(id: " + id + ", version: 2, input: "
                + String.format(Locale.ROOT, newSite.replace(String.format(Locale.ROOT, "%.6f, %.6f", place[1], place[0]),
                String.format(Locale.ROOT, "%.6f, %.6f", place[1] + 0.003, place[0])), 120) + ") { institution { id } userErrors { field message code } } }"));
        timed("coverage after moving it", () -> graphQl(coverage));
        timed("the new institution closed (deleted)", () -> graphQl("mutation { deleteInstitution(id: " + id + ") { deleted userErrors { field message code } } }"));
        timed("coverage after closing it", () -> graphQl(coverage));
        tiles(city, blocks);
        mapPage(city, blocks);
        stopService();
        startService(osm, "restart with the cached graph, to ready");
        timed("first coverage after the restart", () -> graphQl(coverage));
        Path bulk = work.resolve("register-" + blocks + "-" + BULK_INSTITUTIONS + ".csv");
        if (!Files.exists(bulk)) {
            writeRegister(city, blocks, bulk, BULK_INSTITUTIONS, "B");
        }
        timed("register upload, " + BULK_INSTITUTIONS + " rows", () -> post("/import/institutions?format=CSV", bulk, "text/csv"));
        timed("institutions export (CSV, streamed)", () -> {
            HttpResponse<java.util.stream.Stream<String>> response = http.send(HttpRequest.newBuilder(uri("/export/institutions.csv"))
                    .header("Authorization", AUTH).timeout(Duration.ofMinutes(30)).build(), HttpResponse.BodyHandlers.ofLines());
            try (var lines = response.body()) {
                return response.statusCode() + ", " + (lines.count() - 1) + " institutions";
            }
        });
        stopService();
        System.out.println();
        report.forEach(System.out::println);
    }

    /**
     * Each layer at each zoom: the 3 × 3 tiles around the city's centre, drawn once (cold) and then
     * asked for three times more (warm); the time of each request and the largest tile.
     */
    private void tiles(GeneratedCity city, int blocks) throws Exception {
        double[] centre = city.node(blocks / 2.0, blocks / 2.0);
        for (int z : TILE_ZOOMS) {
            MapTile world = new MapTile(0, 0, 0);
            int x0 = world.column(centre[1], 1 << z), y0 = world.row(centre[0], 1 << z);
            for (String layer : TILE_LAYERS) {
                List<Double> cold = new ArrayList<>(), warm = new ArrayList<>();
                long largest = 0;
                for (int pass = 0; pass < 4; pass++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        for (int dy = -1; dy <= 1; dy++) {
                            long start = System.nanoTime();
                            HttpResponse<byte[]> tile = http.send(HttpRequest.newBuilder(uri("/tiles/" + layer + "/" + z + "/" + (x0 + dx) + "/"
                                    + (y0 + dy) + ".mvt")).timeout(Duration.ofMinutes(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
                            double milliseconds = (System.nanoTime() - start) / 1e6;
                            if (tile.statusCode() != 200) {
                                throw new IllegalStateException(layer + " " + z + ": " + tile.statusCode() + " " + new String(tile.body(), StandardCharsets.UTF_8));
                            }
                            (pass == 0 ? cold : warm).add(milliseconds);
                            largest = Math.max(largest, tile.body().length);
                        }
                    }
                }
                line(String.format(Locale.ROOT, "tiles %-12s z%-2d cold p50 %7.1f ms, max %7.1f ms; warm p50 %5.1f ms; largest %6.1f KB",
                        layer, z, percentile(cold, 0.5), percentile(cold, 1), percentile(warm, 0.5), largest / 1024.0));
            }
        }
    }

    /**
     * The map page on the whole city in headless Chromium (WebGL in software, SwiftShader: a planner's GPU draws
     * faster): time until the page is ready on the whole city, then at each zoom around the centre the time until
     * every layer is drawn and the frames a second of a one-second pan; screenshots of the whole city and of a
     * neighbourhood (work/map-city.png, work/map-city-z15.png).
     */
    private void mapPage(GeneratedCity city, int blocks) throws Exception {
        double[] centre = city.node(blocks / 2.0, blocks / 2.0);
        WebDriver browser = Chromium.start();
        try {
            JavascriptExecutor page = (JavascriptExecutor) browser;
            long start = System.nanoTime();
            Chromium.open(browser, "http://127.0.0.1:" + port + "/?near=5&far=15");
            line(String.format(Locale.ROOT, "%-45s %8.1f s  %s", "map page ready, whole city", seconds(start),
                    page.executeScript("return JSON.stringify(window.careCircle.counts)")));
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), work.resolve("map-city.png"),
                    StandardCopyOption.REPLACE_EXISTING);
            for (int zoom : new int[] {11, 13, 15, 17}) {
                long drawn = System.nanoTime();
                page.executeAsyncScript("const done = arguments[arguments.length - 1], map = window.careCircle.map;"
                        + " map.once('idle', () => done()); map.jumpTo({ center: [arguments[0], arguments[1]], zoom: arguments[2] });",
                        centre[1], centre[0], zoom);
                double seconds = seconds(drawn);
                // frames a second of a one-second pan with the page's layers, and with the background alone (what the
                // browser's renderer does with nothing to draw), interleaved twice
                List<Integer> layers = new ArrayList<>(), background = new ArrayList<>();
                for (int round = 0; round < 2; round++) {
                    layers.add(framesWhilePanning(page, 1));
                    page.executeAsyncScript(VISIBILITY, "hide");
                    background.add(framesWhilePanning(page, -1));
                    page.executeAsyncScript(VISIBILITY, "restore");
                }
                line(String.format(Locale.ROOT, "%-45s %8.1f s  panning: %s frames a second (background alone %s); drawn: %s",
                        "map page at zoom " + zoom, seconds, layers, background,
                        page.executeScript("return JSON.stringify(window.careCircle.counts)")));
                if (zoom == 15) {
                    page.executeAsyncScript("const done = arguments[arguments.length - 1], map = window.careCircle.map;"
                            + " map.once('idle', () => done()); map.jumpTo({ center: [arguments[0], arguments[1]] });", centre[1], centre[0]);
                    Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), work.resolve("map-city-z15.png"),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            Chromium.close(browser, List.of());
        }
    }

    /** Hides every layer but the background ("hide") or shows again those shown before ("restore"), then waits for the map. */
    private static final String VISIBILITY = "const done = arguments[arguments.length - 1], map = window.careCircle.map;"
            + " if (arguments[0] === 'hide') { window.shown = map.getStyle().layers.filter(l => l.id !== 'background'"
            + " && map.getLayoutProperty(l.id, 'visibility') !== 'none').map(l => l.id);"
            + " window.shown.forEach(id => map.setLayoutProperty(id, 'visibility', 'none')); }"
            + " else { window.shown.forEach(id => map.setLayoutProperty(id, 'visibility', 'visible')); }"
            + " map.once('idle', () => done()); map.triggerRepaint();";

    /** Frames drawn during a one-second pan of 300 × 200 pixels (back, for -1), once the tiles it brought are drawn. */
    private static int framesWhilePanning(JavascriptExecutor page, int direction) {
        return ((Number) page.executeAsyncScript("const done = arguments[arguments.length - 1], map = window.careCircle.map;"
                + " let frames = 0; const end = performance.now() + 1000; const count = () => { frames++;"
                + " if (performance.now() < end) { requestAnimationFrame(count); } else { map.once('idle', () => done(frames)); } };"
                + " map.panBy([300 * arguments[0], 200 * arguments[0]], { duration: 1000 }); requestAnimationFrame(count);",
                direction)).intValue();
    }

    private static double percentile(List<Double> values, double share) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(share * sorted.size())));
    }

    private static int[] bridges(int blocks) {
        int[] bridges = new int[10];
        for (int b = 0; b < bridges.length; b++) {
            bridges[b] = (b + 1) * blocks / (bridges.length + 1);
        }
        return bridges;
    }

    /** Institutions at random street corners, the register's Chinese columns, external ids "{prefix}-n". */
    private void writeRegister(GeneratedCity city, int blocks, Path file, int count, String prefix) throws IOException {
        Random random = new Random(prefix.hashCode());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("机构编号,机构名称,地址,经度,纬度,性质,类型,普惠,备案,等级,示范,状态,服务模式,乳儿班托位,托小班托位,托大班托位,在托人数\n");
            for (int i = 0; i < count; i++) {
                double[] node = city.node(random.nextInt(blocks + 1), random.nextInt(blocks + 1));
                int infants = random.nextInt(3) * 5, toddlers = 10 + random.nextInt(20), older = 20 + random.nextInt(60);
                out.write(String.format(Locale.ROOT, "%s-%04d,城市托育园%s%d,,%.6f,%.6f,%s,%s,%s,是,,无,运营,全日托,%d,%d,%d,%d%n",
                        prefix, i, prefix, i, node[1], node[0], random.nextBoolean() ? "公办" : "民办", random.nextBoolean() ? "社区托育" : "托幼一体",
                        random.nextInt(10) < 7 ? "是" : "否", infants, toddlers, older, (infants + toddlers + older) / 2));
            }
        }
    }

    /** 100 m pixels over the city: 10 to 300 residents each, none in the river. */
    private void writeRaster(GeneratedCity city, int blocks, Path file) throws IOException {
        double metres = blocks * BLOCK;
        int pixels = (int) Math.ceil(metres / PIXEL_METRES);
        double width = city.longitude(PIXEL_METRES) - city.longitude(0), height = city.latitude(PIXEL_METRES) - city.latitude(0);
        Random random = new Random(5);
        float[][] people = new float[pixels][pixels];
        for (int row = 0; row < pixels; row++) {
            for (int column = 0; column < pixels; column++) {
                people[row][column] = 10 + random.nextInt(291);
            }
        }
        Files.write(file, GeoTiffs.wgs84(people, city.longitude(0), city.latitude(pixels * PIXEL_METRES), width, height));
        line(String.format(Locale.ROOT, "generated %s: %,d pixels of %.0f m", file.getFileName(), pixels * pixels, PIXEL_METRES));
    }

    private void startService(Path osm, String label) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx" + heap, "-Dcom.google.protobuf.use_unsafe_pre22_gencode=true",
                "-Dquarkus.http.port=" + port, "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("service.log").toFile()));
        Map<String, String> environment = builder.environment();
        environment.put("CARECIRCLE_OSM_FILE", osm.toAbsolutePath().toString());
        environment.put("CARECIRCLE_PLANNER_PASSWORD", "planner");
        environment.put("CARECIRCLE_DB_URL", database);
        environment.put("CARECIRCLE_GRAPH_CACHE", work.resolve("graph-cache").toAbsolutePath().toString());
        long start = System.nanoTime();
        service = builder.start();
        while (true) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service stopped while starting; see " + work.resolve("service.log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    break;
                }
            } catch (IOException notListening) {
                // not up yet
            }
            Thread.sleep(200);
        }
        line(String.format(Locale.ROOT, "%-45s %8.1f s", label, seconds(start)));
    }

    private void stopService() throws Exception {
        String peak = Files.readAllLines(Path.of("/proc/" + service.pid() + "/status")).stream()
                .filter(l -> l.startsWith("VmHWM")).findFirst().orElse("VmHWM: ?").replaceAll("\\s+", " ");
        line("  service peak memory " + peak.substring(peak.indexOf(':') + 1).trim());
        service.destroy();
        service.waitFor();
    }

    private interface Step {
        String call() throws Exception;
    }

    private void timed(String label, Step step) throws Exception {
        long start = System.nanoTime();
        String answer = step.call();
        String shown = answer.length() > 300 ? answer.substring(0, 300) + "…" : answer;
        line(String.format(Locale.ROOT, "%-45s %8.1f s  %s", label, seconds(start), shown.replace('\n', ' ')));
    }

    private String graphQl(String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/graphql")).header("Authorization", AUTH)
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"" + query + "\"}")).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private String post(String path, Path file, String type) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Authorization", AUTH).header("Content-Type", type)
                .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private void line(String text) {
        System.out.println(text);
        report.add(text);
    }
}
