package org.carecircle.tiles;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.carecircle.engine.geometry.MapTile;
import org.hibernate.Session;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Mapbox Vector Tiles (2.1) made by PostGIS (ST_AsMVTGeom clips to the tile with a buffer and snaps
 * to its 4,096-unit grid; ST_AsMVT encodes): from features gathered in memory (cells, gaps, streets,
 * institutions: each column one array, unnested) or from a query of the database's own tables (areas,
 * stored circles). One layer a tile.
 */
@ApplicationScoped
public class TileEncoder {
    /** Units across a tile, and the buffer around it so lines and outlines do not end at its edge. */
    static final int EXTENT = 4096;
    static final int BUFFER = 64;

    @Inject
    EntityManager entityManager;

    /** A feature property: its name, PostgreSQL type (float8, int4, int8, text, bool) and one value per feature. */
    public record Column(String name, String type, Object[] values) {
    }

    /** Features in WGS84, with their properties (a null value leaves the property out of that feature). */
    @Transactional
    public byte[] encode(String layer, MapTile tile, List<Geometry> geometries, List<Column> columns) {
        WKBWriter wkb = new WKBWriter();
        byte[][] shapes = new byte[geometries.size()][];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = wkb.write(geometries.get(i));
        }
        StringBuilder types = new StringBuilder("?::bytea[]");
        StringBuilder names = new StringBuilder("shape");
        StringBuilder selected = new StringBuilder();
        for (Column column : columns) {
            types.append(", ?::").append(column.type()).append("[]");
            names.append(", \"").append(column.name()).append('"');
            selected.append(", f.\"").append(column.name()).append('"');
        }
        String sql = "SELECT ST_AsMVT(t, ?, " + EXTENT + ", 'geom') FROM (SELECT ST_AsMVTGeom(ST_Transform(ST_GeomFromWKB(f.shape, 4326), 3857),"
                + " ST_TileEnvelope(?, ?, ?), " + EXTENT + ", " + BUFFER + ", true) AS geom" + selected
                + " FROM unnest(" + types + ") AS f(" + names + ")) t WHERE t.geom IS NOT NULL";
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, layer);
                statement.setInt(2, tile.z());
                statement.setInt(3, tile.x());
                statement.setInt(4, tile.y());
                statement.setArray(5, connection.createArrayOf("bytea", shapes));
                for (int c = 0; c < columns.size(); c++) {
                    statement.setArray(6 + c, connection.createArrayOf(columns.get(c).type(), columns.get(c).values()));
                }
                return single(statement);
            }
        });
    }

    /**
     * A layer from a query over the database's tables: {@code from} names the rows with a WGS84
     * column {@code shape} and the property columns, and may use {@code :envelope} (the tile with its
     * buffer, in WGS84) to pick them; ST_AsMVTGeom simplifies at low zooms by snapping to the grid.
     */
    @Transactional
    public byte[] query(String layer, MapTile tile, String properties, String from) {
        String sql = "WITH tile AS (SELECT ST_TileEnvelope(?, ?, ?) AS box),"
                + " envelope AS (SELECT ST_Transform(ST_TileEnvelope(?, ?, ?, margin => " + (double) BUFFER / EXTENT + "), 4326) AS box)"
                + " SELECT ST_AsMVT(t, ?, " + EXTENT + ", 'geom') FROM (SELECT ST_AsMVTGeom(ST_Transform(f.shape, 3857),"
                + " (SELECT box FROM tile), " + EXTENT + ", " + BUFFER + ", true) AS geom, " + properties
                + " FROM (" + from.replace(":envelope", "(SELECT box FROM envelope)") + ") f) t WHERE t.geom IS NOT NULL";
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int p = 0; p < 2; p++) {
                    statement.setInt(3 * p + 1, tile.z());
                    statement.setInt(3 * p + 2, tile.x());
                    statement.setInt(3 * p + 3, tile.y());
                }
                statement.setString(7, layer);
                return single(statement);
            }
        });
    }

    private static byte[] single(PreparedStatement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery()) {
            result.next();
            byte[] tile = result.getBytes(1);
            return tile == null ? new byte[0] : tile;
        }
    }
}
