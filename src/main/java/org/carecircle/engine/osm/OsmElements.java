package org.carecircle.engine.osm;

import com.carrotsearch.hppc.LongHashSet;
import com.carrotsearch.hppc.LongObjectHashMap;
import com.graphhopper.reader.ReaderElement;
import com.graphhopper.reader.ReaderNode;
import com.graphhopper.reader.ReaderWay;
import com.graphhopper.reader.osm.OSMInputFile;
import com.graphhopper.reader.osm.SkipOptions;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

import javax.xml.stream.XMLStreamException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** One pass over an OSM extract (XML, PBF, gz, bz2) with GraphHopper's reader. */
public final class OsmElements {
    private OsmElements() {
    }

    /** A way and its nodes' positions in order; a node missing from the extract is NaN, NaN. */
    public record Way(ReaderWay way, double[] latitudes, double[] longitudes) {
    }

    /**
     * The ways that pass {@code wanted}, with their nodes' positions: one pass over the ways, then
     * one over the nodes, each of which also goes to {@code eachNode}.
     */
    public static List<Way> ways(File osmFile, Predicate<ReaderWay> wanted, Consumer<ReaderNode> eachNode) {
        List<ReaderWay> ways = new ArrayList<>();
        LongHashSet needed = new LongHashSet();
        forEach(osmFile, new SkipOptions(true, false, true), element -> {
            if (element instanceof ReaderWay way && wanted.test(way)) {
                ways.add(way);
                needed.addAll(way.getNodes());
            }
        });
        LongObjectHashMap<double[]> positions = new LongObjectHashMap<>(needed.size());
        forEach(osmFile, new SkipOptions(false, true, true), element -> {
            if (element instanceof ReaderNode node) {
                if (needed.contains(node.getId())) {
                    positions.put(node.getId(), new double[] {node.getLat(), node.getLon()});
                }
                eachNode.accept(node);
            }
        });
        List<Way> result = new ArrayList<>(ways.size());
        for (ReaderWay way : ways) {
            int count = way.getNodes().size();
            double[] latitudes = new double[count];
            double[] longitudes = new double[count];
            for (int i = 0; i < count; i++) {
                double[] position = positions.get(way.getNodes().get(i));
                latitudes[i] = position == null ? Double.NaN : position[0];
                longitudes[i] = position == null ? Double.NaN : position[1];
            }
            result.add(new Way(way, latitudes, longitudes));
        }
        return result;
    }

    /** A mapped place: its OSM id ("node/1", "way/2"), the element with its tags, and its centre. */
    public record Place(String osmId, ReaderElement element, double latitude, double longitude) {
    }

    /** The nodes and ways that pass {@code wanted}, as places: a node where it is, a way at its centroid. */
    public static List<Place> places(File osmFile, Predicate<ReaderElement> wanted) {
        List<Place> places = new ArrayList<>();
        List<Way> ways = ways(osmFile, wanted::test, node -> {
            if (wanted.test(node)) {
                places.add(new Place("node/" + node.getId(), node, node.getLat(), node.getLon()));
            }
        });
        for (Way way : ways) {
            List<Coordinate> ring = new ArrayList<>();
            for (int i = 0; i < way.latitudes().length; i++) {
                if (!Double.isNaN(way.latitudes()[i])) {
                    ring.add(new Coordinate(way.longitudes()[i], way.latitudes()[i]));
                }
            }
            if (ring.isEmpty()) {
                continue;
            }
            GeometryFactory factory = new GeometryFactory();
            Coordinate centre = ring.size() >= 4 && ring.get(0).equals2D(ring.get(ring.size() - 1))
                    ? factory.createPolygon(ring.toArray(Coordinate[]::new)).getCentroid().getCoordinate()
                    : factory.createMultiPointFromCoords(ring.toArray(Coordinate[]::new)).getCentroid().getCoordinate();
            places.add(new Place("way/" + way.way().getId(), way.way(), centre.y, centre.x));
        }
        return places;
    }

    /** Calls {@code action} for every element not skipped, in file order (nodes, then ways, then relations). */
    public static void forEach(File osmFile, SkipOptions skip, Consumer<ReaderElement> action) {
        try (OSMInputFile input = new OSMInputFile(osmFile).setSkipOptions(skip).open()) {
            for (ReaderElement element; (element = input.getNext()) != null; ) {
                action.accept(element);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + osmFile, e);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("cannot read " + osmFile + ": " + e.getMessage(), e);
        }
    }
}
