package org.carecircle.institution;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.carecircle.api.ApiLimits;
import org.carecircle.api.ConflictException;
import org.carecircle.api.NotFoundException;
import org.carecircle.api.PageRequest;
import org.carecircle.api.Violations;
import org.carecircle.area.Area;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.locationtech.jts.geom.Point;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

@ApplicationScoped
public class InstitutionService {
    private static final int LOAD_CHUNK = 10_000;
    @Inject
    EntityManager entityManager;
    @Inject
    ApiLimits limits;
    @Inject
    InstitutionWriter writer;
    @Inject
    Event<InstitutionsLocated> located;

    @Transactional
    public InstitutionView find(long id) {
        Institution institution = Institution.findById(id);
        return institution == null ? null : InstitutionView.of(institution);
    }

    @Transactional
    public InstitutionView create(InstitutionInput input) {
        Violations violations = new Violations();
        Point location = InstitutionValidator.validate(input, "input", violations);
        requireFreeExternalId(input.externalId(), null, violations);
        violations.throwIfAny();
        long id = writer.write(List.of(new InstitutionWriter.Row(null, input, location))).get(0);
        located.fire(new InstitutionsLocated(List.of(id)));
        return find(id);
    }

    @Transactional
    public InstitutionView update(long id, int version, InstitutionInput input) {
        Place before = place(id);
        if (before == null) {
            throw new NotFoundException("id", "institution " + id);
        }
        // the row stays locked to the end of this save: two saves of one version cannot both pass
        Number current = (Number) entityManager.createNativeQuery("SELECT version FROM institution WHERE id = :id FOR UPDATE")
                .setParameter("id", id).getSingleResult();
        if (current.intValue() != version) {
            throw new ConflictException("institution " + id + " was saved by someone else since version " + version
                    + " (it is at version " + current + "): read it again and redo the change");
        }
        Violations violations = new Violations();
        Point location = InstitutionValidator.validate(input, "input", violations);
        requireFreeExternalId(input.externalId(), id, violations);
        violations.throwIfAny();
        writer.write(List.of(new InstitutionWriter.Row(id, input, location)));
        if (before.longitude() != location.getX() || before.latitude() != location.getY()) {
            located.fire(new InstitutionsLocated(List.of(id)));
        }
        return find(id);
    }

    @Transactional
    public boolean delete(long id) {
        if (!Institution.deleteById(id)) {
            throw new NotFoundException("id", "institution " + id);
        }
        return true;
    }

    @Transactional
    public InstitutionConnection search(InstitutionFilter filter, PageRequest request) {
        Violations violations = new Violations();
        Where where = where(filter, "filter", violations);
        violations.throwIfAny();
        List<Long> ids = request.bindWindow(where.query(entityManager, "SELECT i.id FROM institution i WHERE "
                + request.condition("i.id") + " AND " + where.sql + " ORDER BY " + request.order("i.id") + " LIMIT :limit",
                Long.class), Long::valueOf).setParameter("limit", request.limit()).getResultList();
        boolean beyond = request.startingCursor() != null && request.bindBeyond(where.query(entityManager,
                "SELECT EXISTS (SELECT 1 FROM institution i WHERE " + request.beyondCondition("i.id") + " AND " + where.sql
                        + ")", Boolean.class), Long::valueOf).getSingleResult();
        int total = where.query(entityManager, "SELECT count(*) FROM institution i WHERE " + where.sql, Long.class)
                .getSingleResult().intValue();
        return InstitutionConnection.of(request.keyset(ids, beyond, total, id -> id).map(this::load));
    }

    /**
     * Every institution in id order, read a chunk at a time, each chunk in a transaction of its own:
     * an export of a city's register streams without holding it all, nor a transaction for as long
     * as a slow download takes.
     */
    public void forEach(Consumer<InstitutionView> action) {
        long after = Long.MIN_VALUE;
        while (true) {
            long from = after;
            List<InstitutionView> chunk = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                            "SELECT i FROM Institution i LEFT JOIN FETCH i.area WHERE i.id > :after ORDER BY i.id",
                            Institution.class).setParameter("after", from).setMaxResults(LOAD_CHUNK)
                    .getResultStream().map(InstitutionView::of).toList());
            chunk.forEach(action);
            if (chunk.size() < LOAD_CHUNK) {
                return;
            }
            after = chunk.get(chunk.size() - 1).id();
        }
    }

    /** Where each matching institution stands, for searches from all of them at once. */
    @Transactional
    public List<Place> places(InstitutionFilter filter) {
        Violations violations = new Violations();
        Where where = where(filter, "filter", violations);
        violations.throwIfAny();
        List<Object[]> rows = where.query(entityManager,
                "SELECT i.id, ST_Y(i.location), ST_X(i.location) FROM institution i WHERE " + where.sql + " ORDER BY i.id",
                Object[].class).getResultList();
        return rows.stream().map(row -> new Place(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue(),
                ((Number) row[2]).doubleValue())).toList();
    }

    /** One institution's location, or null if there is no such institution. */
    @Transactional
    public Place place(long id) {
        Institution institution = Institution.findById(id);
        return institution == null ? null
                : new Place(institution.id, institution.location.getY(), institution.location.getX());
    }

    /** An institution's id and location. */
    public record Place(long id, double latitude, double longitude) {
    }

    /** The institutions with these ids, in id order, read in chunks: a statement takes at most 65,535 parameters. */
    private List<InstitutionView> load(List<Long> ids) {
        List<InstitutionView> views = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += LOAD_CHUNK) {
            entityManager.createQuery(
                            "SELECT i FROM Institution i LEFT JOIN FETCH i.area WHERE i.id IN :ids ORDER BY i.id", Institution.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + LOAD_CHUNK)))
                    .getResultStream().map(InstitutionView::of).forEach(views::add);
        }
        return views;
    }

    private void requireFreeExternalId(String externalId, Long self, Violations violations) {
        if (externalId == null) {
            return;
        }
        Institution holder = Institution.find("externalId", externalId).firstResult();
        violations.check(holder == null || Objects.equals(holder.id, self), "input.externalId",
                "\"" + externalId + "\" is already used by institution " + (holder == null ? "" : holder.id));
    }

    private Where where(InstitutionFilter filter, String field, Violations violations) {
        Where where = new Where();
        if (filter == null) {
            return where;
        }
        if (filter.boundingBox() != null
                && filter.boundingBox().validate(field + ".boundingBox", limits.maxBoundingBoxDegrees(), violations)) {
            where.add("ST_Intersects(i.location, ST_MakeEnvelope(:west, :south, :east, :north, 4326))");
            where.parameters.put("west", filter.boundingBox().west());
            where.parameters.put("south", filter.boundingBox().south());
            where.parameters.put("east", filter.boundingBox().east());
            where.parameters.put("north", filter.boundingBox().north());
        }
        if (filter.areaCode() != null) {
            if (Area.findByCode(filter.areaCode()) == null) {
                violations.add(field + ".areaCode", "area \"" + filter.areaCode() + "\" does not exist");
            }
            where.add("EXISTS (SELECT 1 FROM area a WHERE a.code = :areaCode AND ST_Intersects(a.boundary, i.location))");
            where.parameters.put("areaCode", filter.areaCode());
        }
        where.anyOf("i.ownership", "ownership", filter.ownership());
        where.anyOf("i.kind", "kind", filter.kind());
        where.anyOf("i.status", "status", filter.status());
        if (filter.inclusive() != null) {
            where.add("i.inclusive = :inclusive");
            where.parameters.put("inclusive", filter.inclusive());
        }
        return where;
    }

    /** A native WHERE clause and its parameters, shared by the page, count and list queries. */
    private static final class Where {
        String sql = "TRUE";
        final Map<String, Object> parameters = new HashMap<>();

        void add(String condition) {
            sql = sql + " AND " + condition;
        }

        void anyOf(String column, String parameter, List<? extends Enum<?>> values) {
            if (values != null && !values.isEmpty()) {
                add(column + " IN (:" + parameter + ")");
                List<String> names = new ArrayList<>();
                values.forEach(value -> names.add(value.name()));
                parameters.put(parameter, names);
            }
        }

        <T> NativeQuery<T> query(EntityManager entityManager, String sql, Class<T> type) {
            NativeQuery<T> query = entityManager.unwrap(Session.class).createNativeQuery(sql, type);
            parameters.forEach(query::setParameter);
            return query;
        }
    }
}
