package org.carecircle.network;

import com.graphhopper.reader.ReaderElement;
import com.graphhopper.reader.osm.OSMInputFile;
import com.graphhopper.reader.osm.SkipOptions;

import javax.xml.stream.XMLStreamException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** One pass over an OSM extract (XML, PBF, gz, bz2) with GraphHopper's reader. */
public final class OsmElements {
    private OsmElements() {
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
