package org.carecircle.institution;

import com.graphhopper.reader.ReaderElement;
import com.graphhopper.reader.ReaderWay;
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
    /** One mapped place: its OSM id ("node/1", "way/2"), name (may be null), amenity, centre, and whether a public body runs it. */
    public record Place(String osmId, String name, String amenity, double latitude, double longitude, boolean publicOperator) {
    }

    private static boolean publicOperator(ReaderElement element) {
        return element.hasTag("operator:type", "public", "government");
    }

    private OsmChildcareReader() {
    }

    private static boolean isChildcare(ReaderElement element) {
        return element.hasTag("amenity", "kindergarten", "childcare");
    }

    public static List<Place> read(File osmFile) {
        List<Place> places = new ArrayList<>();
        List<OsmElements.Way> areas = OsmElements.ways(osmFile, OsmChildcareReader::isChildcare, node -> {
            if (isChildcare(node)) {
                places.add(new Place("node/" + node.getId(), node.getTag("name"), node.getTag("amenity"),
                        node.getLat(), node.getLon(), publicOperator(node)));
            }
        });
        for (OsmElements.Way area : areas) {
            List<Coordinate> ring = new ArrayList<>();
            for (int i = 0; i < area.latitudes().length; i++) {
                if (!Double.isNaN(area.latitudes()[i])) {
                    ring.add(new Coordinate(area.longitudes()[i], area.latitudes()[i]));
                }
            }
            if (ring.isEmpty()) {
                continue;
            }
            Coordinate centre = ring.size() >= 4 && ring.get(0).equals2D(ring.get(ring.size() - 1))
                    ? GeoJson.FACTORY.createPolygon(ring.toArray(Coordinate[]::new)).getCentroid().getCoordinate()
                    : GeoJson.FACTORY.createMultiPointFromCoords(ring.toArray(Coordinate[]::new)).getCentroid().getCoordinate();
            ReaderWay way = area.way();
            places.add(new Place("way/" + way.getId(), way.getTag("name"), way.getTag("amenity"), centre.y, centre.x,
                    publicOperator(way)));
        }
        return places;
    }
}
