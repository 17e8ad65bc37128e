package org.carecircle.engine.network;

import org.carecircle.engine.geometry.Projection;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes the OSM XML of a synthetic city whose walking answers can be worked out by hand: a street
 * grid of square blocks (node (i, j) at i·block east, j·block north of the south-west corner),
 * optionally with jitter, arterials, missing links, a river crossed only by given bridges, steps,
 * a park without streets, and residential buildings. For tests and benchmarks, up to 300k nodes.
 */
public final class GeneratedCity {
    static final double METRES_PER_DEGREE = Projection.METRES_PER_DEGREE;

    final int columns;
    final int rows;
    final double block;
    double latitude0 = 30.0;
    double longitude0 = 104.0;
    double jitter;
    long seed = 1;
    int arterialEvery;
    double missingLinkShare;
    int riverRow = -1;
    double riverWidth = 60;
    final Set<Integer> bridges = new HashSet<>();
    final Set<Integer> stepBridges = new HashSet<>();
    final Set<String> steps = new HashSet<>();
    int[] park;
    boolean buildings;

    /** {@code columns} × {@code rows} blocks of {@code block} metres. */
    public GeneratedCity(int columns, int rows, double block) {
        this.columns = columns;
        this.rows = rows;
        this.block = block;
    }

    public GeneratedCity jitter(double metres, long seed) {
        this.jitter = metres;
        this.seed = seed;
        return this;
    }

    public GeneratedCity arterialEvery(int streets) {
        this.arterialEvery = streets;
        return this;
    }

    public GeneratedCity missingLinks(double share) {
        this.missingLinkShare = share;
        return this;
    }

    /** A river between node rows {@code row} and {@code row + 1}, crossed only at the bridge columns. */
    public GeneratedCity river(int row, int... bridgeColumns) {
        this.riverRow = row;
        for (int column : bridgeColumns) {
            bridges.add(column);
        }
        return this;
    }

    /** A footbridge of steps over the river at this column. */
    public GeneratedCity stepBridge(int column) {
        stepBridges.add(column);
        return this;
    }

    /** The street from node (i, j) to (i + 1, j) (horizontal) or to (i, j + 1) is a flight of steps. */
    public GeneratedCity steps(int i, int j, boolean horizontal) {
        steps.add(key(i, j, horizontal));
        return this;
    }

    /** No streets inside the blocks from (column0, row0) to (column1, row1), node indices; its edges stay. */
    public GeneratedCity park(int column0, int row0, int column1, int row1) {
        this.park = new int[] {column0, row0, column1, row1};
        return this;
    }

    public GeneratedCity buildings() {
        this.buildings = true;
        return this;
    }

    private static String key(int i, int j, boolean horizontal) {
        return i + "," + j + (horizontal ? "h" : "v");
    }

    public double latitude(double y) {
        return latitude0 + y / METRES_PER_DEGREE;
    }

    public double longitude(double x) {
        return longitude0 + x / (METRES_PER_DEGREE * Math.cos(Math.toRadians(latitude0)));
    }

    /** Node (i, j)'s latitude and longitude, without jitter. */
    public double[] node(double i, double j) {
        return new double[] {latitude(j * block), longitude(i * block)};
    }

    public int nodeCount() {
        return (columns + 1) * (rows + 1);
    }

    private long nodeId(int i, int j) {
        return (long) j * (columns + 1) + i + 1;
    }

    private boolean inPark(double i, double j) {
        return park != null && i > park[0] && i < park[2] && j > park[1] && j < park[3];
    }

    public Path write(Path file) throws IOException {
        Random random = new Random(seed);
        Map<Long, double[]> nodes = new LinkedHashMap<>();
        List<String> ways = new ArrayList<>();
        long[] nextId = {nodeCount() + 1L};
        long[] wayId = {1};
        for (int j = 0; j <= rows; j++) {
            for (int i = 0; i <= columns; i++) {
                double dx = jitter > 0 ? (random.nextDouble() * 2 - 1) * jitter : 0;
                double dy = jitter > 0 ? (random.nextDouble() * 2 - 1) * jitter : 0;
                nodes.put(nodeId(i, j), new double[] {latitude(j * block + dy), longitude(i * block + dx)});
            }
        }
        Set<Long> used = new HashSet<>();
        for (int j = 0; j <= rows; j++) {
            for (int i = 0; i <= columns; i++) {
                for (boolean horizontal : new boolean[] {true, false}) {
                    int i2 = horizontal ? i + 1 : i;
                    int j2 = horizontal ? j : j + 1;
                    if (i2 > columns || j2 > rows || inPark((i + i2) / 2.0, (j + j2) / 2.0)) {
                        continue;
                    }
                    boolean crossesRiver = !horizontal && j == riverRow;
                    if (crossesRiver && !bridges.contains(i) && !stepBridges.contains(i)) {
                        continue;
                    }
                    if (!crossesRiver && missingLinkShare > 0 && random.nextDouble() < missingLinkShare) {
                        continue;
                    }
                    boolean arterial = arterialEvery > 0 && (horizontal ? j : i) % arterialEvery == 0;
                    String highway = steps.contains(key(i, j, horizontal)) || (crossesRiver && stepBridges.contains(i))
                            ? "steps" : arterial ? "primary" : "residential";
                    StringBuilder tags = new StringBuilder(tag("highway", highway));
                    if (crossesRiver) {
                        tags.append(tag("bridge", "yes")).append(tag("layer", "1"));
                    }
                    ways.add(way(wayId[0]++, tags.toString(), nodeId(i, j), nodeId(i2, j2)));
                    used.add(nodeId(i, j));
                    used.add(nodeId(i2, j2));
                }
            }
        }
        if (riverRow >= 0) {
            double middle = (riverRow + 0.5) * block;
            long west = addNode(nodes, nextId, latitude(middle), longitude(-block));
            long east = addNode(nodes, nextId, latitude(middle), longitude((columns + 1) * block));
            ways.add(way(wayId[0]++, tag("waterway", "river"), west, east));
            double south = middle - riverWidth / 2, north = middle + riverWidth / 2;
            long a = addNode(nodes, nextId, latitude(south), longitude(-block));
            long b = addNode(nodes, nextId, latitude(south), longitude((columns + 1) * block));
            long c = addNode(nodes, nextId, latitude(north), longitude((columns + 1) * block));
            long d = addNode(nodes, nextId, latitude(north), longitude(-block));
            ways.add(way(wayId[0]++, tag("natural", "water") + tag("water", "river"), a, b, c, d, a));
        }
        if (buildings) {
            for (int j = 0; j < rows; j++) {
                for (int i = 0; i < columns; i++) {
                    if (j == riverRow || inPark(i + 0.5, j + 0.5)) {
                        continue;
                    }
                    double x = (i + 0.3) * block, y = (j + 0.3) * block, side = 0.4 * block;
                    long a = addNode(nodes, nextId, latitude(y), longitude(x));
                    long b = addNode(nodes, nextId, latitude(y), longitude(x + side));
                    long c = addNode(nodes, nextId, latitude(y + side), longitude(x + side));
                    long d = addNode(nodes, nextId, latitude(y + side), longitude(x));
                    ways.add(way(wayId[0]++, tag("building", "apartments") + tag("building:levels", "6"), a, b, c, d, a));
                }
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version='1.0' encoding='UTF-8'?>\n<osm version='0.6' generator='CareCircle GeneratedCity'>\n");
            for (Map.Entry<Long, double[]> node : nodes.entrySet()) {
                if (node.getKey() <= nodeCount() && !used.contains(node.getKey())) {
                    continue;
                }
                out.write(String.format(java.util.Locale.ROOT, "<node id='%d' version='1' lat='%.8f' lon='%.8f'/>\n",
                        node.getKey(), node.getValue()[0], node.getValue()[1]));
            }
            for (String way : ways) {
                out.write(way);
            }
            out.write("</osm>\n");
        }
        return file;
    }

    private static long addNode(Map<Long, double[]> nodes, long[] nextId, double latitude, double longitude) {
        long id = nextId[0]++;
        nodes.put(id, new double[] {latitude, longitude});
        return id;
    }

    private static String tag(String key, String value) {
        return "<tag k='" + key + "' v='" + value + "'/>";
    }

    private static String way(long id, String tags, long... nodeIds) {
        StringBuilder way = new StringBuilder("<way id='").append(id).append("' version='1'>");
        for (long node : nodeIds) {
            way.append("<nd ref='").append(node).append("'/>");
        }
        return way.append(tags).append("</way>\n").toString();
    }
}
