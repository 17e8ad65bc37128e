package org.carecircle.engine.network;

import com.graphhopper.GraphHopper;
import com.graphhopper.GraphHopperConfig;
import com.graphhopper.config.Profile;
import com.graphhopper.reader.dem.HGTProvider;
import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.EnumEncodedValue;
import com.graphhopper.routing.ev.RoadClass;
import com.graphhopper.routing.ev.RoadEnvironment;
import com.graphhopper.routing.ev.VehicleAccess;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.NodeAccess;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.DistanceCalcEarth;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static com.graphhopper.json.Statement.If;
import static com.graphhopper.json.Statement.Op.LIMIT;
import static com.graphhopper.json.Statement.Op.MULTIPLY;

/**
 * Imports an OSM extract into a GraphHopper graph once, caches it on disk under a folder named by
 * the extract's checksum, and loads it on later starts; a different extract (or elevation set, or
 * walking model) gets a fresh import. Then builds the {@link WalkingNetwork} arrays from it.
 */
public final class NetworkLoader {
    /** Raise when the walking model or the cached files change meaning: old caches are then rebuilt. */
    static final int MODEL_VERSION = 2;
    private static final System.Logger LOG = System.getLogger(NetworkLoader.class.getName());
    private static final String BARRIERS_FILE = "carecircle-barriers.bin";
    private static final String NETWORK_FILE = "carecircle-network.bin";
    private static final String PLACES_FILE = "carecircle-places.bin";

    /** A loaded network: GraphHopper's graph (for snapping), the arrays built from it, and the extract's named places. */
    public record Loaded(GraphHopper hopper, WalkingNetwork network, Snapper snapper, String checksum, boolean imported,
                         boolean elevation, List<PlaceNames.Place> places) implements AutoCloseable {
        /** The way's name from the extract (its {@code name} tag), or null: read from GraphHopper's storage, not held in memory. */
        public String streetName(int edge) {
            String name = hopper.getBaseGraph().getEdgeIteratorState(edge, Integer.MIN_VALUE).getName();
            return name == null || name.isEmpty() ? null : name;
        }

        @Override
        public void close() {
            hopper.close();
        }
    }

    private NetworkLoader() {
    }

    /** {@code elevationFolder} may be null (flat); it holds SRTM {@code .hgt.zip} tiles, read, never downloaded. */
    public static Loaded load(Path osmFile, Path elevationFolder, Path cacheRoot) {
        return load(osmFile, elevationFolder, cacheRoot, stage -> { });
    }

    /** The same, telling {@code progress} each stage and, while the extract is read, how far it has got. */
    public static Loaded load(Path osmFile, Path elevationFolder, Path cacheRoot, Consumer<String> progress) {
        if (!Files.isRegularFile(osmFile)) {
            throw new IllegalArgumentException("OSM extract " + osmFile + " does not exist");
        }
        List<Path> tiles = tiles(elevationFolder);
        String checksum = checksum(osmFile, tiles, cacheRoot);
        String extractName = osmFile.getFileName().toString().replaceAll("\\.(osm\\.pbf|osm\\.gz|osm\\.bz2|osm|pbf)$", "");
        Path folder = cacheRoot.resolve(extractName + "-" + checksum.substring(0, 16));
        try {
            Files.createDirectories(folder);
            GraphHopper hopper = configure(osmFile, folder, tiles);
            Path snapshot = folder.resolve(NETWORK_FILE);
            long started = System.nanoTime();
            // the network's own arrays are read while GraphHopper loads its graph (for the location index)
            CompletableFuture<WalkingNetwork> kept = Files.isRegularFile(snapshot)
                    ? CompletableFuture.supplyAsync(() -> readSnapshot(snapshot, folder)) : CompletableFuture.completedFuture(null);
            boolean imported = !hopper.load();
            // an import reads the barriers and places from the extract; a restart reads them from the cache, when needed
            List<PlaceNames.Place> places = imported ? new ArrayList<>() : PlaceNames.read(folder.resolve(PLACES_FILE));
            Barriers barriers = null;
            if (imported) {
                LOG.log(System.Logger.Level.INFO, "walking network: importing {0} ({1} elevation tiles) into {2}",
                        osmFile, tiles.size(), folder);
                try (ReadProgress reading = new ReadProgress(osmFile, "importing the extract", progress)) {
                    hopper.importOrLoad();
                }
                progress.accept("reading barriers (water, rail, walls, motorways) and place names");
                barriers = BarrierReader.read(osmFile.toFile(), node -> {
                    PlaceNames.Place place = PlaceNames.of(node);
                    if (place != null) {
                        places.add(place);
                    }
                });
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                        Files.newOutputStream(folder.resolve(BARRIERS_FILE))))) {
                    barriers.write(out);
                }
                PlaceNames.write(places, folder.resolve(PLACES_FILE));
                removeOlderImports(cacheRoot, extractName, folder);
            }
            WalkingNetwork network = imported ? null : kept.join();
            if (network == null) {
                progress.accept("building the walking network from the " + (imported ? "imported" : "cached") + " graph");
                network = build(hopper, barriers == null ? barriers(folder) : barriers);
                NetworkSnapshot.write(network, snapshot);
            }
            LOG.log(System.Logger.Level.INFO, "walking network: {0} {1} nodes, {2} edges, {3} barrier segments in {4} ms",
                    imported ? "imported" : "loaded from cache", network.nodeCount, network.edgeCount,
                    network.barriers.segmentCount(), (System.nanoTime() - started) / 1_000_000);
            LOG.log(System.Logger.Level.INFO, "walking network: {0} named places", places.size());
            return new Loaded(hopper, network, new Snapper(hopper, network), checksum, imported, !tiles.isEmpty(), places);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot import or load the walking network from " + osmFile, e);
        }
    }

    private static Barriers barriers(Path folder) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(folder.resolve(BARRIERS_FILE))))) {
            return Barriers.read(in);
        }
    }

    /** The network as written after its import, or null (then it is built again) if the file cannot be read. */
    private static WalkingNetwork readSnapshot(Path snapshot, Path folder) {
        try {
            return NetworkSnapshot.read(snapshot, barriers(folder));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "walking network: " + snapshot + " unreadable, building it again: " + e);
            return null;
        }
    }

    private static GraphHopper configure(Path osmFile, Path folder, List<Path> tiles) throws IOException {
        GraphHopper hopper = new GraphHopper();
        // mapped, not read whole: a restart reads only the pages the location index touches (a city's graph took 3 s to read)
        hopper.init(new GraphHopperConfig().putObject("graph.dataaccess.default_type", "MMAP")
                .putObject("datareader.file", osmFile.toString()).putObject("graph.location", folder.toString())
                .putObject("import.osm.ignored_highways", ""));
        hopper.setOSMFile(osmFile.toString());
        hopper.setGraphHopperLocation(folder.toString());
        hopper.setEncodedValuesString("foot_access, foot_average_speed, road_class, road_environment");
        CustomModel foot = new CustomModel()
                .addToPriority(If("!foot_access", MULTIPLY, "0"))
                .addToSpeed(If("true", LIMIT, "foot_average_speed"));
        CustomModel stroller = new CustomModel(foot).addToPriority(If("road_class == STEPS", MULTIPLY, "0"));
        hopper.setProfiles(new Profile(WalkingProfile.FOOT.graphHopperName()).setCustomModel(foot),
                new Profile(WalkingProfile.STROLLER.graphHopperName()).setCustomModel(stroller));
        if (!tiles.isEmpty()) {
            // GraphHopper writes decoded tiles beside the zips: link the (possibly read-only) tiles into the cache.
            Path tileFolder = Files.createDirectories(folder.resolve("elevation"));
            for (Path tile : tiles) {
                Path link = tileFolder.resolve(tile.getFileName());
                if (!Files.exists(link)) {
                    Files.createSymbolicLink(link, tile.toAbsolutePath());
                }
            }
            hopper.setElevationProvider(new HGTProvider(tileFolder.toString()));
        }
        return hopper;
    }

    static WalkingNetwork build(GraphHopper hopper, Barriers barriers) {
        BaseGraph graph = hopper.getBaseGraph();
        BooleanEncodedValue access = hopper.getEncodingManager().getBooleanEncodedValue(VehicleAccess.key("foot"));
        EnumEncodedValue<RoadClass> roadClass = hopper.getEncodingManager().getEnumEncodedValue(RoadClass.KEY, RoadClass.class);
        EnumEncodedValue<RoadEnvironment> environment =
                hopper.getEncodingManager().getEnumEncodedValue(RoadEnvironment.KEY, RoadEnvironment.class);
        NodeAccess nodes = graph.getNodeAccess();
        int nodeCount = graph.getNodes();
        double[] latitude = new double[nodeCount];
        double[] longitude = new double[nodeCount];
        for (int n = 0; n < nodeCount; n++) {
            latitude[n] = nodes.getLat(n);
            longitude[n] = nodes.getLon(n);
        }
        int edgeCount = graph.getEdges();
        int[] base = new int[edgeCount];
        int[] adjacent = new int[edgeCount];
        float[] length = new float[edgeCount];
        float[] forward = new float[edgeCount];
        float[] backward = new float[edgeCount];
        byte[] flags = new byte[edgeCount];
        int[] geometryStart = new int[edgeCount + 1];
        DoubleList geometryLatitude = new DoubleList();
        DoubleList geometryLongitude = new DoubleList();
        boolean is3D = nodes.is3D();
        var edges = graph.getAllEdges();
        // visits edge ids in order, so each edge's geometry follows the previous one's
        while (edges.next()) {
            int e = edges.getEdge();
            base[e] = edges.getBaseNode();
            adjacent[e] = edges.getAdjNode();
            PointList points = edges.fetchWayGeometry(FetchMode.ALL);
            geometryStart[e] = geometryLatitude.size;
            double run = 0, forwardCost = 0, backwardCost = 0;
            for (int p = 0; p < points.size(); p++) {
                geometryLatitude.add(points.getLat(p));
                geometryLongitude.add(points.getLon(p));
                if (p > 0) {
                    double segment = DistanceCalcEarth.DIST_EARTH.calcDist(points.getLat(p - 1), points.getLon(p - 1),
                            points.getLat(p), points.getLon(p));
                    double rise = is3D ? points.getEle(p) - points.getEle(p - 1) : 0;
                    run += segment;
                    forwardCost += WalkingSpeed.flatEquivalentMetres(segment, rise);
                    backwardCost += WalkingSpeed.flatEquivalentMetres(segment, -rise);
                }
            }
            if (edges.get(roadClass) == RoadClass.STEPS) {
                flags[e] |= WalkingNetwork.STEPS;
                forwardCost = backwardCost = run / WalkingSpeed.STEPS_FACTOR;
            }
            RoadEnvironment where = edges.get(environment);
            if (where == RoadEnvironment.BRIDGE || where == RoadEnvironment.TUNNEL) {
                flags[e] |= WalkingNetwork.NO_SPREAD;
            }
            length[e] = (float) run;
            forward[e] = edges.get(access) ? (float) forwardCost : Float.POSITIVE_INFINITY;
            backward[e] = edges.getReverse(access) ? (float) backwardCost : Float.POSITIVE_INFINITY;
        }
        geometryStart[edgeCount] = geometryLatitude.size;
        return new WalkingNetwork(latitude, longitude, base, adjacent, length, forward, backward, flags, geometryStart,
                java.util.Arrays.copyOf(geometryLatitude.values, geometryLatitude.size),
                java.util.Arrays.copyOf(geometryLongitude.values, geometryLongitude.size), barriers);
    }

    private static List<Path> tiles(Path folder) {
        if (folder == null) {
            return List.of();
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("elevation folder " + folder + " does not exist");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".hgt.zip")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of the extract, the tiles and the model version; hashing is skipped when size and time are unchanged. */
    static String checksum(Path osmFile, List<Path> tiles, Path cacheRoot) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(("model " + MODEL_VERSION + "\n").getBytes());
            for (Path file : concat(osmFile, tiles)) {
                digest.update(fileHash(file, cacheRoot).getBytes());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot checksum " + osmFile, e);
        }
    }

    private static List<Path> concat(Path first, List<Path> rest) {
        List<Path> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static String fileHash(Path file, Path cacheRoot) throws IOException, NoSuchAlgorithmException {
        Path memo = Files.createDirectories(cacheRoot.resolve("checksums"))
                .resolve(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(file.toAbsolutePath().toString().getBytes())).substring(0, 24) + ".properties");
        String stamp = Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
        Properties known = new Properties();
        if (Files.isReadable(memo)) {
            try (InputStream in = Files.newInputStream(memo)) {
                known.load(in);
            }
            if (stamp.equals(known.getProperty("stamp"))) {
                return known.getProperty("sha256");
            }
        }
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
        }
        String hash = HexFormat.of().formatHex(digest.digest());
        known.setProperty("stamp", stamp);
        known.setProperty("sha256", hash);
        try (var out = Files.newOutputStream(memo)) {
            known.store(out, "CareCircle: checksum of " + file.toAbsolutePath());
        }
        return hash;
    }

    private static void removeOlderImports(Path cacheRoot, String extractName, Path keep) throws IOException {
        try (Stream<Path> folders = Files.list(cacheRoot)) {
            for (Path folder : folders.filter(f -> !f.equals(keep)
                    && f.getFileName().toString().matches(java.util.regex.Pattern.quote(extractName) + "-[0-9a-f]{16}")).toList()) {
                try (Stream<Path> files = Files.walk(folder)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
                LOG.log(System.Logger.Level.INFO, "walking network: removed the outdated import {0}", folder);
            }
        }
    }

    /** A growable double array, to avoid boxing millions of coordinates. */
    static final class DoubleList {
        double[] values = new double[1024];
        int size;

        void add(double value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }
}
