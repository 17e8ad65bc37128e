package org.carecircle.engine.network;

import com.graphhopper.reader.ReaderNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PlaceNamesTest {
    private static ReaderNode node(String place, String name) {
        ReaderNode node = new ReaderNode(1, 30.76, 103.99);
        if (place != null) {
            node.setTag("place", place);
        }
        if (name != null) {
            node.setTag("name", name);
        }
        return node;
    }

    @Test
    void aPlaceNeedsAKindAndAName() {
        assertNull(PlaceNames.of(node(null, "林湾村")));
        assertNull(PlaceNames.of(node("village", null)));
        assertNull(PlaceNames.of(node("village", "  ")));
        assertEquals(new PlaceNames.Place("林湾村", "village", 12, 30.76, 103.99), PlaceNames.of(node("village", " 林湾村 ")));
        assertEquals(14, PlaceNames.of(node("plot", "地块")).fromZoom(), "a kind without its own zoom is labelled from 14");
    }

    /** A name longer than OSM allows is cut at 255 characters, never inside one (𠀀 takes two Java chars). */
    @Test
    void aLongNameIsCutAtWholeCharacters() {
        String name = PlaceNames.of(node("village", "𠀀".repeat(300))).name();
        assertEquals(255, name.codePointCount(0, name.length()));
        assertEquals("𠀀".repeat(255), name);
    }
}
