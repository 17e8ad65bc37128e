package org.carecircle.institution;

import com.graphhopper.reader.ReaderElement;
import org.carecircle.engine.osm.OsmElements;

import java.io.File;
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
        return OsmElements.places(osmFile, OsmChildcareReader::isChildcare).stream()
                .map(place -> new Place(place.osmId(), place.element().getTag("name"), place.element().getTag("amenity"),
                        place.latitude(), place.longitude(), publicOperator(place.element())))
                .toList();
    }
}
