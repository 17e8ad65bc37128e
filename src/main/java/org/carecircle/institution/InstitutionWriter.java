package org.carecircle.institution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.locationtech.jts.geom.Point;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Writes checked institutions, one or a city's register, in the caller's transaction: a few
 * statements per chunk of rows, each column passed as one array and unnested by PostgreSQL, instead of
 * a statement per institution, class group and service mode (a 100,000-row register is then a matter
 * of seconds, and no statement comes near the 65,535-parameter limit). The database still assigns each
 * institution its area and drops a moved one's circles (V1, V5 triggers).
 */
@ApplicationScoped
public class InstitutionWriter {
    private static final Logger LOG = Logger.getLogger(InstitutionWriter.class);
    private static final int CHUNK = 5_000;
    private static final String COLUMNS = "name, address, longitude, latitude, ownership, kind, inclusive, registered, grade,"
            + " demonstration, open_to_public, status, external_id, source, estimated, estimation_method";
    private static final String UNNEST = "unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::float8[], ?::float8[], ?::varchar[],"
            + " ?::varchar[], ?::bool[], ?::bool[], ?::int[], ?::varchar[], ?::bool[], ?::varchar[], ?::varchar[], ?::varchar[],"
            + " ?::bool[], ?::text[]) AS r(id, " + COLUMNS + ")";

    @Inject
    EntityManager entityManager;

    /** One checked institution: {@code id} null to insert it, else the institution it replaces. */
    public record Row(Long id, InstitutionInput input, Point location) {
    }

    /** An institution already held under a register's external id. */
    public record Held(long id, double longitude, double latitude) {
        boolean standsAt(Point location) {
            return longitude == location.getX() && latitude == location.getY();
        }
    }

    /** The institutions held under these external ids, by external id. */
    public Map<String, Held> heldUnder(Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Map.of();
        }
        entityManager.flush();
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            Map<String, Held> held = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT external_id, id, ST_X(location), ST_Y(location) FROM institution WHERE external_id = ANY(?)")) {
                statement.setArray(1, connection.createArrayOf("varchar", externalIds.toArray()));
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        held.put(result.getString(1), new Held(result.getLong(2), result.getDouble(3), result.getDouble(4)));
                    }
                }
            }
            return held;
        });
    }

    /** Writes the rows; gives each one's id, in the rows' order. */
    public List<Long> write(List<Row> rows) {
        entityManager.flush();
        List<Long> ids = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            List<Long> written = new ArrayList<>(rows.size());
            for (int from = 0; from < rows.size(); from += CHUNK) {
                written.addAll(writeChunk(connection, rows.subList(from, Math.min(rows.size(), from + CHUNK))));
                if (rows.size() > CHUNK) {
                    LOG.infof("Institutions: %d of %d written", written.size(), rows.size());
                }
            }
            return written;
        });
        // what this transaction read before is stale now
        entityManager.clear();
        return ids;
    }

    private static List<Long> writeChunk(Connection connection, List<Row> rows) throws SQLException {
        List<Long> fresh = freshIds(connection, (int) rows.stream().filter(row -> row.id() == null).count());
        List<Long> ids = new ArrayList<>(rows.size());
        List<Row> inserted = new ArrayList<>();
        List<Row> updated = new ArrayList<>();
        int next = 0;
        for (Row row : rows) {
            ids.add(row.id() == null ? fresh.get(next++) : row.id());
            (row.id() == null ? inserted : updated).add(row);
        }
        if (!inserted.isEmpty()) {
            execute(connection, "INSERT INTO institution (id, " + COLUMNS.replace("longitude, latitude", "location") + ")"
                    + " SELECT id, " + COLUMNS.replace("longitude, latitude", "ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)")
                    + " FROM " + UNNEST, institutionColumns(connection, inserted, fresh));
        }
        if (!updated.isEmpty()) {
            List<Long> updatedIds = updated.stream().map(Row::id).toList();
            execute(connection, "UPDATE institution i SET " + assignments() + " FROM " + UNNEST + " WHERE i.id = r.id",
                    institutionColumns(connection, updated, updatedIds));
            Array stale = connection.createArrayOf("bigint", updatedIds.toArray());
            execute(connection, "DELETE FROM class_group WHERE institution_id = ANY(?)", List.of(stale));
            execute(connection, "DELETE FROM institution_service_mode WHERE institution_id = ANY(?)", List.of(stale));
        }
        List<Object[]> groups = new ArrayList<>();
        List<Object[]> modes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            InstitutionInput input = rows.get(i).input();
            for (ClassGroupInput group : Objects.requireNonNullElse(input.classGroups(), List.<ClassGroupInput>of())) {
                groups.add(new Object[] {ids.get(i), group.ageGroup().name(), group.classes(), group.slots(),
                        Objects.requireNonNullElse(group.enrolled(), 0)});
            }
            for (ServiceMode mode : Objects.requireNonNullElse(input.serviceModes(), List.<ServiceMode>of())) {
                modes.add(new Object[] {ids.get(i), mode.name()});
            }
        }
        execute(connection, "INSERT INTO class_group (institution_id, age_group, classes, slots, enrolled)"
                        + " SELECT * FROM unnest(?::bigint[], ?::varchar[], ?::int[], ?::int[], ?::int[])",
                columns(connection, groups, "bigint", "varchar", "int4", "int4", "int4"));
        execute(connection, "INSERT INTO institution_service_mode (institution_id, service_mode)"
                        + " SELECT DISTINCT * FROM unnest(?::bigint[], ?::varchar[])",
                columns(connection, modes, "bigint", "varchar"));
        return ids;
    }

    private static List<Long> freshIds(Connection connection, int count) throws SQLException {
        List<Long> ids = new ArrayList<>(count);
        if (count == 0) {
            return ids;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT nextval(pg_get_serial_sequence('institution', 'id')) FROM generate_series(1, ?)")) {
            statement.setInt(1, count);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getLong(1));
                }
            }
        }
        return ids;
    }

    private static String assignments() {
        StringBuilder set = new StringBuilder("version = i.version + 1, "
                + "location = ST_SetSRID(ST_MakePoint(r.longitude, r.latitude), 4326)");
        for (String column : COLUMNS.split(", ")) {
            if (!column.equals("longitude") && !column.equals("latitude")) {
                set.append(", ").append(column).append(" = r.").append(column);
            }
        }
        return set.toString();
    }

    private static List<Array> institutionColumns(Connection connection, List<Row> rows, List<Long> ids) throws SQLException {
        List<Object[]> values = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            InstitutionInput input = rows.get(i).input();
            Point location = rows.get(i).location();
            values.add(new Object[] {ids.get(i), input.name().strip(), input.address(), location.getX(), location.getY(),
                    input.ownership().name(), input.kind().name(), Boolean.TRUE.equals(input.inclusive()),
                    Boolean.TRUE.equals(input.registered()), input.grade(),
                    Objects.requireNonNullElse(input.demonstration(), Demonstration.NONE).name(),
                    !Boolean.FALSE.equals(input.openToPublic()),
                    Objects.requireNonNullElse(input.status(), InstitutionStatus.OPERATING).name(), input.externalId(),
                    input.source(), Boolean.TRUE.equals(input.estimated()), input.estimationMethod()});
        }
        return columns(connection, values, "bigint", "varchar", "varchar", "float8", "float8", "varchar", "varchar", "bool",
                "bool", "int4", "varchar", "bool", "varchar", "varchar", "varchar", "bool", "text");
    }

    /** The rows' values as one array per column. */
    private static List<Array> columns(Connection connection, List<Object[]> rows, String... types) throws SQLException {
        List<Array> arrays = new ArrayList<>(types.length);
        for (int c = 0; c < types.length; c++) {
            int column = c;
            Function<Object[], Object> value = row -> row[column];
            arrays.add(connection.createArrayOf(types[c], rows.stream().map(value).toArray()));
        }
        return arrays;
    }

    private static void execute(Connection connection, String sql, List<Array> parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int p = 0; p < parameters.size(); p++) {
                statement.setArray(p + 1, parameters.get(p));
            }
            statement.executeUpdate();
        }
    }
}
