package org.carecircle.area;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.carecircle.api.ConflictException;
import org.carecircle.api.GeoJson;
import org.carecircle.api.NotFoundException;
import org.carecircle.api.PageRequest;
import org.carecircle.api.Violations;
import org.locationtech.jts.geom.MultiPolygon;

import java.util.List;

@ApplicationScoped
public class AreaService {
    @Inject
    EntityManager entityManager;

    @Transactional
    public AreaView find(String code) {
        Area area = Area.findByCode(code);
        return area == null ? null : AreaView.of(area);
    }

    /** The area of this id (not code), or null. */
    @Transactional
    public AreaView find(long id) {
        Area area = Area.findById(id);
        return area == null ? null : AreaView.of(area);
    }

    @Transactional
    public AreaConnection list(AreaLevel level, String parentCode, PageRequest request) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        if (level != null) {
            where.append(" AND a.level = :level");
        }
        if (parentCode != null) {
            if (Area.findByCode(parentCode) == null) {
                throw new NotFoundException("parentCode", "area \"" + parentCode + "\"");
            }
            where.append(" AND a.parent.code = :parentCode");
        }
        List<Area> rows = filtered(request.bindWindow(entityManager.createQuery("SELECT a FROM Area a LEFT JOIN FETCH "
                + "a.parent" + where + " AND " + request.condition("a.code") + " ORDER BY " + request.order("a.code"),
                Area.class), String::valueOf), level, parentCode).setMaxResults(request.limit()).getResultList();
        boolean beyond = request.startingCursor() != null && !filtered(request.bindBeyond(entityManager.createQuery(
                "SELECT a.id FROM Area a" + where + " AND " + request.beyondCondition("a.code"), Long.class),
                String::valueOf), level, parentCode).setMaxResults(1).getResultList().isEmpty();
        long total = filtered(entityManager.createQuery("SELECT count(a) FROM Area a" + where, Long.class), level,
                parentCode).getSingleResult();
        return AreaConnection.of(request.keyset(rows.stream().map(AreaView::of).toList(), beyond, (int) total,
                AreaView::code));
    }

    private static <T> TypedQuery<T> filtered(TypedQuery<T> query, AreaLevel level, String parentCode) {
        if (level != null) {
            query.setParameter("level", level);
        }
        if (parentCode != null) {
            query.setParameter("parentCode", parentCode);
        }
        return query;
    }

    @Transactional
    public AreaView create(AreaInput input) {
        Violations violations = new Violations();
        MultiPolygon boundary = validate(input, violations);
        violations.check(Area.findByCode(input.code()) == null, "input.code", "\"" + input.code() + "\" is already used");
        violations.throwIfAny();
        Area area = new Area();
        apply(area, input, boundary);
        area.persist();
        return AreaView.of(area);
    }

    /** Replaces the area's fields; version is the one the edit was made on, or null for an import's replacement. */
    @Transactional
    public AreaView update(String code, Integer version, AreaInput input) {
        Area area = Area.findByCode(code);
        if (area == null) {
            throw new NotFoundException("code", "area \"" + code + "\"");
        }
        if (version != null && area.version != version) {
            throw new ConflictException("area " + code + " was saved by someone else since version " + version
                    + " (it is at version " + area.version + "): read it again and redo the change");
        }
        Violations violations = new Violations();
        MultiPolygon boundary = validate(input, violations);
        Area holder = Area.findByCode(input.code());
        violations.check(holder == null || holder == area, "input.code", "\"" + input.code() + "\" is already used");
        violations.throwIfAny();
        apply(area, input, boundary);
        entityManager.flush(); // raises the version the answer gives
        return AreaView.of(area);
    }

    private MultiPolygon validate(AreaInput input, Violations violations) {
        violations.requireText(input.code(), "input.code", 64);
        violations.requireText(input.name(), "input.name", 200);
        MultiPolygon boundary = GeoJson.readMultiPolygon(input.boundary(), "input.boundary", violations);
        if (input.residents() != null) {
            violations.check(input.residents() >= 0, "input.residents", "must not be negative (got " + input.residents() + ")");
        }
        if (input.residentsYear() != null) {
            violations.check(input.residentsYear() >= 1949 && input.residentsYear() <= 2100, "input.residentsYear",
                    "must be a year between 1949 and 2100 (got " + input.residentsYear() + ")");
        }
        violations.optionalText(input.source(), "input.source", 200);
        violations.estimate(Boolean.TRUE.equals(input.estimated()), input.estimationMethod(), "input.estimationMethod");
        if (input.parentCode() != null) {
            Area parent = Area.findByCode(input.parentCode());
            if (parent == null) {
                violations.add("input.parentCode", "area \"" + input.parentCode() + "\" does not exist");
            } else if (violations.check(parent.level.canContain(input.level()), "input.parentCode",
                    "a " + parent.level + " cannot contain a " + input.level())) { // strictly deeper also rules out cycles
                violations.check(boundary == null || AreaShapes.mostlyWithin(boundary, parent.boundary), "input.boundary",
                        "lies more than " + AreaShapes.OUTSIDE_PERCENT + " % outside its parent " + parent.code);
            }
        } else {
            // a community without a parent once claimed every institution of the city (a whole-world square)
            violations.check(input.level() != AreaLevel.COMMUNITY, "input.parentCode",
                    "a COMMUNITY needs its SUBDISTRICT or TOWN as parent");
        }
        return boundary;
    }

    private static void apply(Area area, AreaInput input, MultiPolygon boundary) {
        area.code = input.code().strip();
        area.name = input.name().strip();
        area.level = input.level();
        area.parent = input.parentCode() == null ? null : Area.findByCode(input.parentCode());
        area.boundary = boundary;
        area.residents = input.residents();
        area.residentsYear = input.residentsYear();
        area.source = input.source();
        area.estimated = Boolean.TRUE.equals(input.estimated());
        area.estimationMethod = input.estimationMethod();
    }
}
