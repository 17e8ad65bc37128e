package org.carecircle.engine.network;

import com.graphhopper.reader.ReaderNode;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The extract's named places (OSM {@code place=*} nodes: towns, villages, neighbourhoods, squares…), read with the
 * barriers in one pass over the nodes and kept beside the cached graph, to label the map where planners look for them.
 */
public final class PlaceNames {
    /** From which zoom a kind of place is labelled: the larger the place, the further out; any other kind from 14. */
    private static final Map<String, Integer> FROM_ZOOM = Map.of("city", 8, "town", 10, "suburb", 11, "village", 12,
            "quarter", 13, "neighbourhood", 13, "hamlet", 13);
    private static final int SMALL_PLACES_FROM_ZOOM = 14;
    /** OSM keeps tag values to 255 characters; a longer one (from another source) is cut there. */
    private static final int LONGEST_NAME = 255;

    /** A named place: its name, its OSM {@code place} value, the zoom it is labelled from, and where it is. */
    public record Place(String name, String kind, int fromZoom, double latitude, double longitude) {
    }

    private PlaceNames() {
    }

    /** The node as a place, or null when it is not a named place. */
    static Place of(ReaderNode node) {
        String kind = node.getTag("place", "");
        String name = node.getTag("name", "").strip();
        if (kind.isEmpty() || name.isEmpty()) {
            return null;
        }
        return new Place(cut(name), cut(kind), FROM_ZOOM.getOrDefault(kind, SMALL_PLACES_FROM_ZOOM), node.getLat(),
                node.getLon());
    }

    private static String cut(String tag) {
        // counted in characters as OSM counts them, so a character outside the BMP is never split
        return tag.codePointCount(0, tag.length()) > LONGEST_NAME
                ? tag.substring(0, tag.offsetByCodePoints(0, LONGEST_NAME)) : tag;
    }

    static void write(List<Place> places, Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(places.size());
            for (Place place : places) {
                out.writeUTF(place.name());
                out.writeUTF(place.kind());
                out.writeByte(place.fromZoom());
                out.writeDouble(place.latitude());
                out.writeDouble(place.longitude());
            }
        }
    }

    static List<Place> read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int count = in.readInt();
            List<Place> places = new ArrayList<>(Math.min(count, 1 << 16));
            for (int i = 0; i < count; i++) {
                places.add(new Place(in.readUTF(), in.readUTF(), in.readByte(), in.readDouble(), in.readDouble()));
            }
            return places;
        }
    }
}
