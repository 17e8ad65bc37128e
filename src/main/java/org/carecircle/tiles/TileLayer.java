package org.carecircle.tiles;

import org.carecircle.api.InvalidInputException;

import java.util.Arrays;
import java.util.Locale;

/** The layers served as vector tiles; a tile's layer has the name in its path. */
public enum TileLayer {
    CELLS, INSTITUTIONS, GAPS, CIRCLES, STREETS, PLACES, AREAS;

    public String layerName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TileLayer named(String name) {
        return Arrays.stream(values()).filter(layer -> layer.layerName().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException("layer", "\"" + name + "\" is not one of "
                        + Arrays.stream(values()).map(TileLayer::layerName).toList()));
    }
}
