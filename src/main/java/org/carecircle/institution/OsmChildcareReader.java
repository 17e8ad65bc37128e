package org.carecircle.institution;

import com.carrotsearch.hppc.LongHashSet;
import com.carrotsearch.hppc.LongObjectHashMap;
import com.graphhopper.reader.ReaderElement;
import com.graphhopper.reader.ReaderNode;
import com.graphhopper.reader.ReaderWay;
import com.graphhopper.reader.osm.SkipOptions;
import org.carecircle.api.GeoJson;
import org.carecircle.network.OsmElements;
import org.locationtech.jts.geom.Coordinate;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Childcare places mapped in OpenStreetMap ({@code amenity=kindergarten} or {@code amenity=childcare}),
 * as nodes or as areas (then at the area's centroid).
 */
public final class OsmChildcareReader {
    /** One mapped place: its OSM id ("node/1", "way/2"), name (may be null), amenity and centre. */
    public record Place(String osmId, String name, String amenity, double latitude, double longitude) {
    }

    private OsmChildcareReader() {
    }

    private static boolean isChildcare(ReaderElement element) {
        return element.hasTag("amenity", "kindergarten", "childcare");
    }

    public static List<Place> read(File osmFile) {
        List<Place> places = new ArrayList<>();
        List<ReaderWay> areas = new ArrayList<>();
        LongHashSet wanted = new LongHashSet();
        OsmElements.forEach(osmFile, new SkipOptions(true, false, true), element -> {
            if (element instanceof ReaderWay way && isChildcare(way)) {
                areas.add(way);
                wanted.addAll(way.getNodes());
            }
        });
        LongObjectHashMap<double[]> coordinates = new LongObjectHashMap<>();
        OsmElements.forEach(osmFile, new SkipOptions(false, true, true), element -> {
            if (element instanceof ReaderNode node) {
                if (wanted.contains(node.getId())) {
                    coordinates.put(node.getId(), new double[] {node.getLat(), node.getLon()});
                }
                if (isChildcare(node)) {
                    places.add(new Place("node/" + node.getId(), node.getTag("name"), node.getTag("amenity"),
                            node.getLat(), node.getLon()));
                }
            }
        });
        for (ReaderWay way : areas) {
            List<Coordinate> ring = new ArrayList<>();
            for (int i = 0; i < way.getNodes().size(); i++) {
                double[] point = coordinates.get(way.getNodes().get(i));
                if (point != null) {
                    ring.add(new Coordinate(point[1], point[0]));
                }
            }
            if (ring.isEmpty()) {
                continue;
            }
            Coordinate centre = ring.size() >= 4 && ring.get(0).equals2D(ring.get(ring.size() - 1))
                    ? GeoJson.FACTORY.createPolygon(ring.toArray(Coordinate[]::new)).getCentroid().getCoordinate()
                    : GeoJson.FACTORY.createMultiPointFromCoords(ring.toArray(Coordinate[]::new)).getCentroid().getCoordinate();
            places.add(new Place("way/" + way.getId(), way.getTag("name"), way.getTag("amenity"), centre.y, centre.x));
        }
        return places;
    }
}
