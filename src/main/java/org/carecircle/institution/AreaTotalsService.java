package org.carecircle.institution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.carecircle.area.Area;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Sums over the institutions inside an area, beside the area's people from the population grid. */
@ApplicationScoped
public class AreaTotalsService {
    @Inject
    EntityManager entityManager;

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
}
