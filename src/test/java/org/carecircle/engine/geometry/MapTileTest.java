package org.carecircle.engine.geometry;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MapTileTest {
    @Test
    void theWholeWorldAndItsQuarters() {
        MapTile world = new MapTile(0, 0, 0);
        assertEquals(-180, world.west(), 1e-12);
        assertEquals(180, world.east(), 1e-12);
        assertEquals(85.0511287798, world.north(), 1e-9);
        assertEquals(-85.0511287798, world.south(), 1e-9);
        MapTile northEast = new MapTile(1, 1, 0);
        assertEquals(0, northEast.west(), 1e-12);
        assertEquals(0, northEast.south(), 1e-12);
    }

    /** Xipu (103.97° E, 30.77° N) worked by hand: x = ⌊(103.97 + 180) / 360 · 2¹⁴⌋ = 12923, y = ⌊(1 − asinh(tan φ) / π) / 2 · 2¹⁴⌋ = 6719. */
    @Test
    void aPointFallsInItsTileAndOnItsPixel() {
        MapTile tile = new MapTile(14, 12923, 6719);
        assertEquals(0, tile.column(103.97, 1));
        assertEquals(0, tile.row(30.77, 1));
        assertEquals(-1, tile.column(tile.west() - 1e-9, 1));
        assertEquals(1, tile.row(tile.south() - 1e-9, 1));
        // the edges of square 5 of 64 are where a point turns from square 4 to 5
        assertEquals(5, tile.column(tile.columnWest(5, 64) + 1e-12, 64));
        assertEquals(4, tile.column(tile.columnWest(5, 64) - 1e-12, 64));
        assertEquals(5, tile.row(tile.rowNorth(5, 64) - 1e-12, 64));
        assertEquals(4, tile.row(tile.rowNorth(5, 64) + 1e-12, 64));
    }

    @Test
    void tilesOffTheMapAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MapTile(23, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new MapTile(2, 4, 0));
        assertThrows(IllegalArgumentException.class, () -> new MapTile(2, 0, -1));
    }
}
