package org.carecircle.engine.network;

import org.carecircle.api.GeoJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkLoaderTest {
    static final Path SHARED = Path.of("../shared/data");

    @TempDir
    Path folder;

    @Test
    void importsOnceThenLoadsTheCacheAndReimportsAChangedExtract() throws IOException {
        Path osm = new GeneratedCity(5, 5, 100).write(folder.resolve("city.osm"));
        Path cache = folder.resolve("cache");
        NetworkLoader.Loaded first = NetworkLoader.load(osm, null, cache);
        first.close();
        NetworkLoader.Loaded second = NetworkLoader.load(osm, null, cache);
        second.close();
        assertTrue(first.imported());
        assertFalse(second.imported(), "the second start loads the cache");
        assertEquals(first.checksum(), second.checksum());
        assertEquals(36, second.network().nodeCount());

        new GeneratedCity(6, 5, 100).write(osm);
        NetworkLoader.Loaded third = NetworkLoader.load(osm, null, cache);
        third.close();
        assertTrue(third.imported(), "a different extract is imported again");
        assertNotEquals(first.checksum(), third.checksum());
        assertEquals(42, third.network().nodeCount());
        try (var folders = Files.list(cache)) {
            assertEquals(1, folders.filter(f -> f.getFileName().toString().startsWith("city-")).count(),
                    "the outdated import is removed");
        }
    }

    /** A restart reads the network's arrays from their file: the same arrays building them from the graph gives; a spoilt file is rebuilt. */
    @Test
    void aRestartReadsTheNetworkItBuiltBefore() throws IOException {
        Path osm = new GeneratedCity(12, 9, 100).jitter(8, 3).river(4, 6).steps(2, 2, true).write(folder.resolve("kept.osm"));
        Path cache = folder.resolve("kept-cache");
        NetworkLoader.load(osm, null, cache).close();
        try (NetworkLoader.Loaded second = NetworkLoader.load(osm, null, cache)) {
            assertSameArrays(NetworkLoader.build(second.hopper(), second.network().barriers), second.network());
        }
        try (var files = Files.walk(cache)) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals("carecircle-network.bin")).toList()) {
                Files.write(file, new byte[] {1, 2, 3});
            }
        }
        try (NetworkLoader.Loaded third = NetworkLoader.load(osm, null, cache)) {
            assertSameArrays(NetworkLoader.build(third.hopper(), third.network().barriers), third.network());
        }
    }

    private static void assertSameArrays(WalkingNetwork built, WalkingNetwork read) {
        assertArrayEquals(built.nodeLatitude, read.nodeLatitude);
        assertArrayEquals(built.nodeLongitude, read.nodeLongitude);
        assertArrayEquals(built.edgeBase, read.edgeBase);
        assertArrayEquals(built.edgeAdjacent, read.edgeAdjacent);
        assertArrayEquals(built.edgeLength, read.edgeLength);
        assertArrayEquals(built.costForward, read.costForward);
        assertArrayEquals(built.costBackward, read.costBackward);
        assertArrayEquals(built.edgeFlags, read.edgeFlags);
        assertArrayEquals(built.geometryStart, read.geometryStart);
        assertArrayEquals(built.geometryLatitude, read.geometryLatitude);
        assertArrayEquals(built.geometryLongitude, read.geometryLongitude);
        assertArrayEquals(built.arcSource, read.arcSource);
        assertArrayEquals(built.arcCost, read.arcCost);
    }

    /** The named place nodes of the Xipu extract, as read from its XML here, come with the network, imported and after a restart. */
    @Test
    void placeNamesComeWithTheNetwork() throws IOException {
        Path osm = SHARED.resolve("osm/chengdu-xipu.osm");
        Set<String> expected = new HashSet<>();
        Matcher node = Pattern.compile("<node [^>]*lat=\"([-\\d.]+)\" lon=\"([-\\d.]+)\">(.*?)</node>", Pattern.DOTALL)
                .matcher(Files.readString(osm));
        while (node.find()) {
            Matcher place = Pattern.compile("k=\"place\" v=\"([^\"]+)\"").matcher(node.group(3));
            Matcher name = Pattern.compile("k=\"name\" v=\"([^\"]+)\"").matcher(node.group(3));
            if (place.find() && name.find()) {
                expected.add(name.group(1) + " " + place.group(1) + " " + Double.parseDouble(node.group(1)) + " "
                        + Double.parseDouble(node.group(2)));
            }
        }
        assertTrue(expected.contains("林湾村 village 30.7627905 103.9917202"), expected.toString());
        Path cache = folder.resolve("places-cache");
        for (boolean imported : new boolean[] {true, false}) {
            try (NetworkLoader.Loaded loaded = NetworkLoader.load(osm, null, cache)) {
                assertEquals(imported, loaded.imported());
                assertEquals(expected, loaded.places().stream().map(p -> p.name() + " " + p.kind() + " " + p.latitude() + " "
                        + p.longitude()).collect(Collectors.toSet()));
                assertEquals(12, loaded.places().stream().filter(p -> p.name().equals("林湾村")).findFirst().orElseThrow().fromZoom());
            }
        }
    }

    @Test
    void readsCompressedExtracts() throws IOException {
        Path plain = new GeneratedCity(4, 3, 100).write(folder.resolve("plain.osm"));
        Path gzip = folder.resolve("city.osm.gz");
        Path bzip2 = folder.resolve("city.osm.bz2");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gzip))) {
            Files.copy(plain, out);
        }
        try (var out = new org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream(Files.newOutputStream(bzip2))) {
            Files.copy(plain, out);
        }
        for (Path extract : List.of(gzip, bzip2)) {
            try (NetworkLoader.Loaded loaded = NetworkLoader.load(extract, null, folder.resolve("cache"))) {
                assertEquals(20, loaded.network().nodeCount(), extract.getFileName().toString());
                assertEquals(31, loaded.network().edgeCount(), extract.getFileName().toString());
            }
        }
    }

    @Test
    void toblerSlowsClimbsAndSteepDescents() {
        assertEquals(1.0, WalkingSpeed.slopeFactor(0), 1e-12);
        assertEquals(Math.exp(-3.5 * 0.15) / Math.exp(-3.5 * 0.05), WalkingSpeed.slopeFactor(0.10), 1e-12);
        assertEquals(0.705, WalkingSpeed.slopeFactor(0.10), 0.001);
        assertEquals(1.191, WalkingSpeed.slopeFactor(-0.05), 0.001);
        assertTrue(WalkingSpeed.slopeFactor(-0.30) < 1);
        // 100 m climbing 10 m takes as long as 141.9 m on the flat
        assertEquals(100 / 0.7047, WalkingSpeed.flatEquivalentMetres(100, 10), 0.1);
    }

    /**
     * Andorra with its SRTM tile: the streets around the valley floor of Andorra la Vella are steep,
     * and Tobler's function slows steep descents as well as climbs, so the 15-minute circle of places
     * that reach the valley floor is smaller than on the same streets taken as flat.
     */
    @Test
    void circleIsSmallerUphillThanOnFlatGround() {
        Path andorra = SHARED.resolve("osm/andorra.osm.pbf");
        try (NetworkLoader.Loaded hilly = NetworkLoader.load(andorra, SHARED.resolve("elevation"), folder.resolve("hilly"));
             NetworkLoader.Loaded flat = NetworkLoader.load(andorra, null, folder.resolve("flat"))) {
            assertTrue(hilly.elevation());
            double latitude = 42.5078, longitude = 1.5211;
            double fifteenMinutes = 15 * 4.5 * 1000 / 60;
            double hillyArea = circleArea(hilly, latitude, longitude, fifteenMinutes);
            double flatArea = circleArea(flat, latitude, longitude, fifteenMinutes);
            assertTrue(hillyArea < 0.9 * flatArea, "with slopes " + hillyArea + " m², flat " + flatArea + " m²");
            // the same streets have the same length either way; only their cost differs
            assertEquals(flat.network().edgeCount(), hilly.network().edgeCount());
        }
    }

    private static double circleArea(NetworkLoader.Loaded network, double latitude, double longitude, double limit) {
        NetworkPoint origin = network.snapper().snap(latitude, longitude, WalkingProfile.FOOT);
        assertTrue(origin.distance() < 100, "the origin is on a street");
        return ServiceCircles.build(network.network(), WalkingProfile.FOOT, CostKind.TIME, List.of(origin),
                List.of(new double[] {latitude, longitude}), new double[] {limit}, ServiceCircles.Settings.DEFAULT,
                GeoJson.FACTORY).get(0).squareMetres();
    }
}
