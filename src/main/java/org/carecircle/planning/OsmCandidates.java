package org.carecircle.planning;

import com.graphhopper.reader.ReaderElement;
import org.carecircle.engine.osm.OsmElements;

import java.io.File;
import java.util.List;

/**
 * Candidate sites mapped in OpenStreetMap: buildings a community could lend to a childcare site —
 * community centres, schools, libraries, town halls, social facilities, and public or civic buildings.
 */
final class OsmCandidates {
    private OsmCandidates() {
    }

    static boolean isCandidate(ReaderElement element) {
        return element.hasTag("amenity", "community_centre", "school", "library", "townhall", "social_facility")
                || element.hasTag("building", "public", "civic", "government");
    }

    static List<OsmElements.Place> read(File osmFile) {
        return OsmElements.places(osmFile, OsmCandidates::isCandidate);
    }
}
