package org.carecircle.engine.geometry;

/**
 * A web map tile (XYZ scheme, spherical Web Mercator, EPSG:3857, as MapLibre, Leaflet and PostGIS's
 * ST_TileEnvelope number them): its bounds in degrees, and where a point falls on its pixel grid.
 */
public record MapTile(int z, int x, int y) {
    /** Beyond zoom 22 a tile is under 10 m across: nothing in a planner's map is finer. */
    public static final int MAX_ZOOM = 22;
    private static final double MAX_LATITUDE = 85.0511287798066;

    public MapTile {
        if (z < 0 || z > MAX_ZOOM) {
            throw new IllegalArgumentException("zoom " + z + " is outside 0.." + MAX_ZOOM);
        }
        if (x < 0 || x >= 1 << z || y < 0 || y >= 1 << z) {
            throw new IllegalArgumentException("tile " + x + "/" + y + " is outside 0.." + ((1 << z) - 1) + " at zoom " + z);
        }
    }

    public double west() {
        return longitude(x);
    }

    public double east() {
        return longitude(x + 1);
    }

    public double north() {
        return latitude(y);
    }

    public double south() {
        return latitude(y + 1);
    }

    /** The point's column on a grid of {@code size} × {@code size} squares over the tile (may fall outside 0..size-1). */
    public int column(double longitude, int size) {
        return (int) Math.floor(((longitude + 180) / 360 * (1 << z) - x) * size);
    }

    /** The point's row (from the north) on a grid of {@code size} × {@code size} squares over the tile. */
    public int row(double latitude, int size) {
        double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, latitude));
        double mercator = Math.log(Math.tan(Math.PI / 4 + Math.toRadians(clamped) / 2));
        return (int) Math.floor(((1 - mercator / Math.PI) / 2 * (1 << z) - y) * size);
    }

    /** West edge of column {@code column} of {@code size}, in degrees. */
    public double columnWest(int column, int size) {
        return longitude(x + (double) column / size);
    }

    /** North edge of row {@code row} of {@code size}, in degrees. */
    public double rowNorth(int row, int size) {
        return latitude(y + (double) row / size);
    }

    private double longitude(double tileX) {
        return tileX / (1 << z) * 360 - 180;
    }

    private double latitude(double tileY) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * tileY / (1 << z)))));
    }
}
