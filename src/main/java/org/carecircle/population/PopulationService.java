package org.carecircle.population;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.carecircle.api.ApiLimits;
import org.carecircle.api.BoundingBox;
import org.carecircle.api.GeoJson;
import org.carecircle.api.ImportLock;
import org.carecircle.api.InvalidInputException;
import org.carecircle.api.PageRequest;
import org.carecircle.api.Violations;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

@ApplicationScoped
public class PopulationService {
    private static final Logger LOG = Logger.getLogger(PopulationService.class);
    /** More than any cell or pixel holds (the densest square kilometres hold about 70,000): a larger figure is an error. */
    public static final double MAX_PEOPLE_PER_CELL = 1_000_000;
    /** Rows per INSERT: one statement unnests whole columns, far fewer round trips than row batches. */
    private static final int CHUNK = 5000;
    private static final String UPSERT = """
            INSERT INTO population_cell (cell_id, boundary, residents, children_under3, source, year, estimated, estimation_method)
            SELECT t.cell_id, ST_GeomFromWKB(t.shape, 4326), t.residents, t.children, t.source, t.year, t.estimated, t.method
            FROM unnest(?::varchar[], ?::bytea[], ?::float8[], ?::float8[], ?::varchar[], ?::int[], ?::bool[], ?::text[])
                 AS t(cell_id, shape, residents, children, source, year, estimated, method)
            ON CONFLICT (cell_id) DO UPDATE SET boundary = EXCLUDED.boundary, residents = EXCLUDED.residents,
                children_under3 = EXCLUDED.children_under3, source = EXCLUDED.source, year = EXCLUDED.year,
                estimated = EXCLUDED.estimated, estimation_method = EXCLUDED.estimation_method
            RETURNING (xmax = 0) AS inserted""";

    @Inject
    EntityManager entityManager;
    @Inject
    DataSource dataSource;
    @Inject
    ApiLimits limits;
    @Inject
    ImportLock importLock;

    /** The cell of this cellId, or null. */
    @Transactional
    public PopulationCellView find(String cellId) {
        return entityManager.createQuery("SELECT c FROM PopulationCell c WHERE c.cellId = :cellId", PopulationCell.class)
                .setParameter("cellId", cellId).getResultStream().findFirst().map(PopulationCellView::of).orElse(null);
    }

    @Transactional
    public PopulationCellConnection inBoundingBox(BoundingBox box, PageRequest request) {
        Violations violations = new Violations();
        box.validate("boundingBox", limits.maxBoundingBoxDegrees(), violations);
        violations.throwIfAny();
        String inBox = " FROM PopulationCell c WHERE st_intersects(c.boundary, :box) = true";
        List<PopulationCell> rows = request.bindWindow(entityManager.createQuery("SELECT c" + inBox + " AND "
                        + request.condition("c.cellId") + " ORDER BY " + request.order("c.cellId"), PopulationCell.class),
                String::valueOf).setParameter("box", box.toPolygon()).setMaxResults(request.limit()).getResultList();
        boolean beyond = request.startingCursor() != null && !request.bindBeyond(entityManager.createQuery("SELECT c.id"
                        + inBox + " AND " + request.beyondCondition("c.cellId"), Long.class), String::valueOf)
                .setParameter("box", box.toPolygon()).setMaxResults(1).getResultList().isEmpty();
        long total = entityManager.createQuery("SELECT count(c)" + inBox, Long.class).setParameter("box", box.toPolygon())
                .getSingleResult();
        return PopulationCellConnection.of(request.keyset(rows.stream().map(PopulationCellView::of).toList(), beyond,
                (int) total, PopulationCellView::cellId));
    }

    /**
     * The centre and population of every cell whose centre lies in the box (WGS84 degrees). Read
     * with plain JDBC on an auto-commit connection: every service circle asks this, and a Hibernate
     * session and transaction around one read cost more than the read itself (about 1 ms of 1.7).
     */
    public List<CellCentre> centresIn(Envelope box) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT ST_Y(c.centre), ST_X(c.centre), c.residents, c.children_under3, c.estimated
                     FROM (SELECT ST_Centroid(boundary) AS centre, residents, children_under3, estimated
                           FROM population_cell WHERE boundary && ST_MakeEnvelope(?, ?, ?, ?, 4326)) c
                     WHERE c.centre && ST_MakeEnvelope(?, ?, ?, ?, 4326)""")) {
            double[] corners = {box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY()};
            for (int i = 0; i < 8; i++) {
                statement.setDouble(i + 1, corners[i % 4]);
            }
            List<CellCentre> centres = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    centres.add(new CellCentre(rows.getDouble(1), rows.getDouble(2), rows.getDouble(3), rows.getDouble(4),
                            rows.getBoolean(5)));
                }
            }
            return centres;
        } catch (SQLException e) {
            throw new IllegalStateException("population cells could not be read", e);
        }
    }

    /** A population cell reduced to its centre, as coverage sums need it. */
    public record CellCentre(double latitude, double longitude, double residents, double childrenUnder3, boolean estimated) {
    }

    /** A cell as written: checked, its boundary a valid polygon in WGS84. */
    public record CheckedCell(String cellId, Polygon boundary, double residents, double childrenUnder3, String source,
                              Integer year, boolean estimated, String estimationMethod) {
    }

    /** All or nothing: every cell is checked before the first is written. */
    @Transactional
    public UpsertResult upsert(List<PopulationCellInput> cells) {
        Violations violations = new Violations();
        violations.check(!cells.isEmpty(), "cells", "must hold at least one cell");
        violations.check(cells.size() <= limits.maxCellsPerUpsert(), "cells",
                "holds " + cells.size() + " cells, more than the " + limits.maxCellsPerUpsert() + " one call may write");
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations.list());
        }
        List<CheckedCell> checked = new ArrayList<>(cells.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            PopulationCellInput cell = cells.get(i);
            String path = "cells[" + i + "]";
            violations.requireText(cell.cellId(), path + ".cellId", 64);
            violations.check(cell.cellId() == null || ids.add(cell.cellId()), path + ".cellId",
                    "\"" + cell.cellId() + "\" appears more than once in this call");
            Polygon boundary = GeoJson.readPolygon(cell.boundary(), path + ".boundary", violations);
            violations.count(cell.residents(), MAX_PEOPLE_PER_CELL, path + ".residents");
            violations.count(cell.childrenUnder3(), MAX_PEOPLE_PER_CELL, path + ".childrenUnder3");
            if (cell.residents() != null && cell.childrenUnder3() != null && cell.residents() >= 0) {
                violations.check(cell.childrenUnder3() <= cell.residents(), path + ".childrenUnder3",
                        cell.childrenUnder3() + " children under 3 is more than the cell's " + cell.residents() + " residents");
            }
            violations.optionalText(cell.source(), path + ".source", 200);
            violations.estimate(Boolean.TRUE.equals(cell.estimated()), cell.estimationMethod(), path + ".estimationMethod");
            if (violations.isEmpty()) {
                checked.add(new CheckedCell(cell.cellId(), boundary, cell.residents(), cell.childrenUnder3(), cell.source(),
                        cell.year(), Boolean.TRUE.equals(cell.estimated()), cell.estimationMethod()));
            }
        }
        violations.throwIfAny();
        return write(checked);
    }

    /**
     * Cells the service made itself and checked as it made them (a raster's pixels): written as they
     * are, a few thousand to a statement, with no round trip through GeoJSON.
     */
    @Transactional
    public UpsertResult write(List<CheckedCell> cells) {
        importLock.take("population cells");
        return entityManager.unwrap(Session.class).doReturningWork(connection -> write(connection, cells));
    }

    private static UpsertResult write(Connection connection, List<CheckedCell> cells) throws SQLException {
        int inserted = 0;
        int updated = 0;
        WKBWriter wkb = new WKBWriter();
        try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            for (int from = 0; from < cells.size(); from += CHUNK) {
                int to = Math.min(cells.size(), from + CHUNK);
                List<CheckedCell> chunk = cells.subList(from, to);
                statement.setArray(1, array(connection, "varchar", chunk.stream().map(CheckedCell::cellId).toArray()));
                statement.setArray(2, array(connection, "bytea", chunk.stream().map(cell -> wkb.write(cell.boundary()))
                        .toArray(byte[][]::new)));
                statement.setArray(3, array(connection, "float8", chunk.stream().map(CheckedCell::residents).toArray()));
                statement.setArray(4, array(connection, "float8", chunk.stream().map(CheckedCell::childrenUnder3).toArray()));
                statement.setArray(5, array(connection, "varchar", chunk.stream().map(CheckedCell::source).toArray()));
                statement.setArray(6, array(connection, "int4", chunk.stream().map(CheckedCell::year).toArray()));
                statement.setArray(7, array(connection, "bool", chunk.stream().map(CheckedCell::estimated).toArray()));
                statement.setArray(8, array(connection, "text", chunk.stream().map(CheckedCell::estimationMethod).toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        if (rows.getBoolean(1)) {
                            inserted++;
                        } else {
                            updated++;
                        }
                    }
                }
                if (cells.size() > CHUNK) {
                    LOG.infof("population cells: %d of %d written", to, cells.size());
                }
            }
        }
        return new UpsertResult(inserted, updated);
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }
}
