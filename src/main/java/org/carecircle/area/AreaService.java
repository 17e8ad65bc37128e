package org.carecircle.area;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.carecircle.api.GeoJson;
import org.carecircle.api.NotFoundException;
import org.carecircle.api.Violations;
import org.carecircle.institution.AgeGroup;
import org.carecircle.institution.InstitutionStatus;
import org.locationtech.jts.geom.MultiPolygon;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class AreaService {
    @Inject
    EntityManager entityManager;

    @Transactional
    public AreaView find(String code) {
        Area area = Area.findByCode(code);
        return area == null ? null : AreaView.of(area);
    }

    @Transactional
    public List<AreaView> list(AreaLevel level, String parentCode) {
        StringBuilder query = new StringBuilder("SELECT a FROM Area a LEFT JOIN FETCH a.parent p WHERE TRUE");
        if (level != null) {
            query.append(" AND a.level = :level");
        }
        if (parentCode != null) {
            if (Area.findByCode(parentCode) == null) {
                throw new NotFoundException("parentCode", "area \"" + parentCode + "\"");
            }
            query.append(" AND p.code = :parentCode");
        }
        var typed = entityManager.createQuery(query.append(" ORDER BY a.code").toString(), Area.class);
        if (level != null) {
            typed.setParameter("level", level);
        }
        if (parentCode != null) {
            typed.setParameter("parentCode", parentCode);
        }
        return typed.getResultStream().map(AreaView::of).toList();
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

    @Transactional
    public AreaView update(String code, AreaInput input) {
        Area area = Area.findByCode(code);
        if (area == null) {
            throw new NotFoundException("code", "area \"" + code + "\"");
        }
        Violations violations = new Violations();
        MultiPolygon boundary = validate(input, violations);
        Area holder = Area.findByCode(input.code());
        violations.check(holder == null || holder == area, "input.code", "\"" + input.code() + "\" is already used");
        violations.throwIfAny();
        apply(area, input, boundary);
        return AreaView.of(area);
    }

    /** Totals of one area; {@code status} limits the institutions counted (null: all). */
    @Transactional
    public AreaTotals totals(long areaId, List<InstitutionStatus> status) {
        String statusCondition = status == null || status.isEmpty() ? "" : " AND i.status IN (:status)";
        var slotQuery = entityManager.createNativeQuery("""
                SELECT cg.age_group AS age_group, sum(cg.slots) AS slots, sum(cg.enrolled) AS enrolled,
                       coalesce(sum(cg.slots) FILTER (WHERE i.inclusive), 0) AS inclusive_slots
                FROM area a JOIN institution i ON ST_Intersects(a.boundary, i.location)
                JOIN class_group cg ON cg.institution_id = i.id
                WHERE a.id = :id""" + statusCondition + " GROUP BY cg.age_group", Tuple.class)
                .setParameter("id", areaId);
        var countQuery = entityManager.createNativeQuery(
                        "SELECT count(*) FROM area a JOIN institution i ON ST_Intersects(a.boundary, i.location) WHERE a.id = :id"
                                + statusCondition, Long.class)
                .setParameter("id", areaId);
        if (!statusCondition.isEmpty()) {
            List<String> names = status.stream().map(Enum::name).toList();
            slotQuery.setParameter("status", names);
            countQuery.setParameter("status", names);
        }
        Map<AgeGroup, AreaTotals.AgeGroupTotals> byAgeGroup = new EnumMap<>(AgeGroup.class);
        for (AgeGroup group : AgeGroup.values()) {
            byAgeGroup.put(group, new AreaTotals.AgeGroupTotals(group, 0, 0, 0));
        }
        for (Object row : slotQuery.getResultList()) {
            Tuple tuple = (Tuple) row;
            AgeGroup group = AgeGroup.valueOf(tuple.get("age_group", String.class));
            byAgeGroup.put(group, new AreaTotals.AgeGroupTotals(group, number(tuple, "slots"), number(tuple, "enrolled"),
                    number(tuple, "inclusive_slots")));
        }
        Tuple cells = (Tuple) entityManager.createNativeQuery("""
                SELECT count(c.id) AS cells, coalesce(sum(c.residents), 0) AS residents,
                       coalesce(sum(c.children_under3), 0) AS children, coalesce(bool_or(c.estimated), false) AS estimated
                FROM area a JOIN population_cell c
                  ON a.boundary && c.boundary AND ST_Intersects(a.boundary, ST_Centroid(c.boundary))
                WHERE a.id = :id""", Tuple.class).setParameter("id", areaId).getSingleResult();
        List<AreaTotals.AgeGroupTotals> groups = new ArrayList<>(byAgeGroup.values());
        Area area = Area.findById(areaId);
        return new AreaTotals(((Number) countQuery.getSingleResult()).intValue(),
                groups.stream().mapToInt(AreaTotals.AgeGroupTotals::slots).sum(),
                groups.stream().mapToInt(AreaTotals.AgeGroupTotals::enrolled).sum(),
                groups.stream().mapToInt(AreaTotals.AgeGroupTotals::inclusiveSlots).sum(),
                groups, area.residents,
                ((Number) cells.get("residents")).doubleValue(), ((Number) cells.get("children")).doubleValue(),
                ((Number) cells.get("cells")).intValue(), (Boolean) cells.get("estimated"));
    }

    private static int number(Tuple tuple, String column) {
        return ((Number) tuple.get(column)).intValue();
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
            } else {
                // strictly deeper children also rule out cycles
                violations.check(parent.level.canContain(input.level()), "input.parentCode",
                        "a " + parent.level + " cannot contain a " + input.level());
            }
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
