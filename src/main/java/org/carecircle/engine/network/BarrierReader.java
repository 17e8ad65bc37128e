package org.carecircle.engine.network;

import com.graphhopper.reader.ReaderNode;
import com.graphhopper.reader.ReaderWay;
import org.carecircle.engine.osm.OsmElements;

import java.io.File;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the lines a walker cannot cross off the network from an OSM extract: rivers and canals and
 * the outlines of water areas, railways, fences and walls, motorways. Bridges, tunnels and
 * culverts are not barriers. Ways only: a water area mapped solely as a multipolygon relation of
 * untagged ways is not read (its river centre line usually is).
 */
final class BarrierReader {
    private static final System.Logger LOG = System.getLogger(BarrierReader.class.getName());
    private static final Set<String> WATERWAYS = Set.of("river", "canal", "riverbank", "dock");
    private static final Set<String> RAILWAYS = Set.of("rail", "light_rail", "narrow_gauge", "subway", "monorail");
    private static final Set<String> WALLS = Set.of("fence", "wall", "city_wall", "retaining_wall");
    private static final Set<String> MOTORWAYS = Set.of("motorway", "motorway_link");

    private BarrierReader() {
    }

    static boolean isBarrier(ReaderWay way) {
        if (raised(way, "bridge") || raised(way, "tunnel")) {
            return false;
        }
        return WATERWAYS.contains(way.getTag("waterway", ""))
                || way.hasTag("natural", "water")
                || way.hasTag("landuse", "reservoir", "basin")
                || RAILWAYS.contains(way.getTag("railway", ""))
                || WALLS.contains(way.getTag("barrier", ""))
                || MOTORWAYS.contains(way.getTag("highway", ""));
    }

    private static boolean raised(ReaderWay way, String key) {
        String value = way.getTag(key, "no");
        return !value.equals("no");
    }

    /** The barriers; every node of the extract also goes to {@code eachNode} (for what else one pass over them can read). */
    static Barriers read(File osmFile, Consumer<ReaderNode> eachNode) {
        List<OsmElements.Way> ways = OsmElements.ways(osmFile, BarrierReader::isBarrier, eachNode);
        NetworkLoader.DoubleList segments = new NetworkLoader.DoubleList();
        for (OsmElements.Way way : ways) {
            for (int i = 1; i < way.latitudes().length; i++) {
                if (!Double.isNaN(way.latitudes()[i - 1]) && !Double.isNaN(way.latitudes()[i])) {
                    segments.add(way.latitudes()[i - 1]);
                    segments.add(way.longitudes()[i - 1]);
                    segments.add(way.latitudes()[i]);
                    segments.add(way.longitudes()[i]);
                }
            }
        }
        LOG.log(System.Logger.Level.INFO, "walking network: {0} barrier ways (water, rail, walls, motorways), {1} segments",
                ways.size(), segments.size / 4);
        return new Barriers(java.util.Arrays.copyOf(segments.values, segments.size));
    }
}
