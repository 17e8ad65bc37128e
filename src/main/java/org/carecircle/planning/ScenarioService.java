package org.carecircle.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.carecircle.api.ConflictException;
import org.carecircle.api.GeoJson;
import org.carecircle.api.NotFoundException;
import org.carecircle.api.Violations;
import org.carecircle.coverage.Adjustments;
import org.carecircle.institution.AgeGroup;
import org.carecircle.institution.ClassGroupInput;
import org.carecircle.institution.InstitutionInput;
import org.carecircle.institution.InstitutionValidator;
import org.locationtech.jts.geom.Point;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scenarios: named changes stored apart from the base data (table scenario, changes as JSON) and
 * turned into {@link Adjustments} when an analysis runs on one. Nothing here writes base data.
 */
@ApplicationScoped
public class ScenarioService implements Adjustments.Source {
    static final int MAX_CHANGES = 1000;
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    EntityManager entityManager;

    /** A stored scenario: its changes, the version its next save must name, and who saved it last (null: the service). */
    public record Stored(ScenarioInput input, int version, String savedBy) {
    }

    /**
     * Stores a new scenario (version null) or replaces the one of that name at the given version; a
     * stale or missing version is a conflict, so two planners cannot silently overwrite each other's.
     */
    @Transactional
    public Stored save(ScenarioInput input, Integer version, String savedBy) {
        return write(input, version, false, savedBy);
    }

    /** Stores or replaces whatever is held under the name (for scenarios the service writes itself). */
    @Transactional
    public Stored replace(ScenarioInput input) {
        return write(input, null, true, null);
    }

    private Stored write(ScenarioInput input, Integer version, boolean anyVersion, String savedBy) {
        Violations violations = new Violations();
        validate(input, violations);
        violations.throwIfAny();
        List<?> held = entityManager.createNativeQuery("SELECT version FROM scenario WHERE name = :name FOR UPDATE")
                .setParameter("name", input.name()).getResultList();
        Integer current = held.isEmpty() ? null : ((Number) held.get(0)).intValue();
        if (!anyVersion && !Objects.equals(current, version)) {
            throw new ConflictException(current == null
                    ? "scenario \"" + input.name() + "\" does not exist (any more): save it without a version"
                    : version == null ? "scenario \"" + input.name() + "\" is at version " + current
                    + ": give that version to replace it, or choose another name" : stale(input.name(), current, version));
        }
        String changes = JSONB.toJson(input);
        if (current != null) {
            entityManager.createNativeQuery("""
                            UPDATE scenario SET description = :description, changes = CAST(:changes AS jsonb), version = version + 1,
                            saved_by = :savedBy WHERE name = :name""")
                    .setParameter("description", input.description()).setParameter("changes", changes)
                    .setParameter("savedBy", savedBy).setParameter("name", input.name()).executeUpdate();
            return new Stored(input, current + 1, savedBy);
        }
        // two first saves of one name at once: the unique name makes the second a conflict
        entityManager.createNativeQuery(
                        "INSERT INTO scenario (name, description, changes, saved_by) VALUES (:name, :description,"
                                + " CAST(:changes AS jsonb), :savedBy)")
                .setParameter("name", input.name()).setParameter("description", input.description())
                .setParameter("changes", changes).setParameter("savedBy", savedBy).executeUpdate();
        return new Stored(input, 1, savedBy);
    }

    @Transactional
    public boolean delete(String name) {
        return entityManager.createNativeQuery("DELETE FROM scenario WHERE name = :name").setParameter("name", name)
                .executeUpdate() > 0;
    }

    /**
     * Renames a scenario at the version read (a stale one is a conflict, as for a save); the new name must be free.
     * Queries find scenarios by name, so the rename raises the version.
     */
    @Transactional
    public Stored rename(String name, String newName, int version, String savedBy) {
        Violations violations = new Violations();
        violations.requireText(newName, "newName", 100);
        violations.throwIfAny();
        Stored held = stored(name, true);
        if (held == null) {
            throw new NotFoundException("name", "scenario \"" + name + "\"");
        }
        if (held.version() != version) {
            throw new ConflictException(stale(name, held.version(), version));
        }
        if (!newName.equals(name) && stored(newName, true) != null) {
            throw new ConflictException("a scenario is already named \"" + newName + "\"");
        }
        ScenarioInput renamed = new ScenarioInput(newName, held.input().description(), held.input().proposed(),
                held.input().closed(), held.input().resized(), held.input().estates());
        entityManager.createNativeQuery("UPDATE scenario SET name = :newName, changes = CAST(:changes AS jsonb),"
                        + " version = version + 1, saved_by = :savedBy WHERE name = :name")
                .setParameter("newName", newName).setParameter("changes", JSONB.toJson(renamed))
                .setParameter("savedBy", savedBy).setParameter("name", name).executeUpdate();
        return new Stored(renamed, version + 1, savedBy);
    }

    private static String stale(String name, int current, int given) {
        return "scenario \"" + name + "\" is at version " + current + ", not " + given
                + ": someone saved it in between; read it again and redo the change";
    }

    /** The stored scenarios in name order, or only those one login saved last. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Stored> list(String savedBy) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT CAST(changes AS text), version, saved_by FROM scenario"
                        + " WHERE CAST(:savedBy AS text) IS NULL OR saved_by = :savedBy ORDER BY name")
                .setParameter("savedBy", savedBy).getResultList();
        return rows.stream().map(ScenarioService::stored).toList();
    }

    private static Stored stored(Object[] row) {
        return new Stored(JSONB.fromJson((String) row[0], ScenarioInput.class), ((Number) row[1]).intValue(), (String) row[2]);
    }

    @Override
    @Transactional
    public Adjustments find(String name, String field) {
        Stored stored = stored(name);
        if (stored == null) {
            throw new NotFoundException(field, "scenario \"" + name + "\"");
        }
        return adjustments(stored.input(), stored.version());
    }

    /** The scenario of this name, or null. */
    @Transactional
    public Stored stored(String name) {
        return stored(name, false);
    }

    private Stored stored(String name, boolean forUpdate) {
        List<?> rows = entityManager.createNativeQuery("SELECT CAST(changes AS text), version, saved_by FROM scenario WHERE name = :name"
                + (forUpdate ? " FOR UPDATE" : "")).setParameter("name", name).getResultList();
        return rows.isEmpty() ? null : stored((Object[]) rows.get(0));
    }

    static Adjustments adjustments(ScenarioInput input, long version) {
        List<Adjustments.AddedSite> added = new ArrayList<>();
        for (ScenarioInput.ProposedInstitution proposed : list(input.proposed())) {
            Point location = GeoJson.readPoint(proposed.location(), "proposed", new Violations());
            long[] totals = totals(proposed.classGroups());
            added.add(new Adjustments.AddedSite(proposed.name(), location.getY(), location.getX(), proposed.ownership(),
                    proposed.kind(), Boolean.TRUE.equals(proposed.inclusive()), totals[0], totals[1], totals[2]));
        }
        Map<Long, long[]> resized = new HashMap<>();
        for (ScenarioInput.Resize resize : list(input.resized())) {
            resized.put(resize.institutionId(), totals(resize.classGroups()));
        }
        List<Adjustments.AddedPeople> people = new ArrayList<>();
        for (ScenarioInput.Estate estate : list(input.estates())) {
            Point location = GeoJson.readPoint(estate.location(), "estates", new Violations());
            people.add(new Adjustments.AddedPeople(location.getY(), location.getX(), estate.residents(), estate.children()));
        }
        return new Adjustments(input.name(), version, added, new HashSet<>(list(input.closed())), resized, people);
    }

    /** Slots, enrolled and under-2 slots of a set of class groups. */
    private static long[] totals(List<ClassGroupInput> groups) {
        long[] totals = new long[3];
        for (ClassGroupInput group : groups) {
            totals[0] += group.slots();
            totals[1] += group.enrolled() == null ? 0 : group.enrolled();
            totals[2] += group.ageGroup() == AgeGroup.OLDER_TODDLER ? 0 : group.slots();
        }
        return totals;
    }

    private static <T> List<T> list(List<T> given) {
        return given == null ? List.of() : given;
    }

    private void validate(ScenarioInput input, Violations violations) {
        violations.requireText(input.name(), "input.name", 100);
        violations.optionalText(input.description(), "input.description", 2000);
        int changes = list(input.proposed()).size() + list(input.closed()).size() + list(input.resized()).size()
                + list(input.estates()).size();
        violations.check(changes >= 1 && changes <= MAX_CHANGES, "input",
                "must hold 1 to " + MAX_CHANGES + " changes (got " + changes + ")");
        for (int i = 0; i < list(input.proposed()).size(); i++) {
            ScenarioInput.ProposedInstitution proposed = input.proposed().get(i);
            InstitutionValidator.validate(new InstitutionInput(proposed.name(), null, proposed.location(), proposed.ownership(),
                    proposed.kind(), proposed.inclusive(), null, null, null, true, null, null, proposed.classGroups(), null,
                    null, null, null), "input.proposed[" + i + "]", violations);
        }
        for (int i = 0; i < list(input.closed()).size(); i++) {
            requireInstitution(input.closed().get(i), "input.closed[" + i + "]", violations);
        }
        for (int i = 0; i < list(input.resized()).size(); i++) {
            ScenarioInput.Resize resize = input.resized().get(i);
            String field = "input.resized[" + i + "]";
            requireInstitution(resize.institutionId(), field + ".institutionId", violations);
            InstitutionValidator.classGroups(resize.classGroups(), field + ".classGroups", violations);
        }
        for (int i = 0; i < list(input.estates()).size(); i++) {
            ScenarioInput.Estate estate = input.estates().get(i);
            String field = "input.estates[" + i + "]";
            Point location = GeoJson.readPoint(estate.location(), field + ".location", violations);
            violations.check(estate.homes() >= 1 && estate.homes() <= 100_000, field + ".homes",
                    "must be from 1 to 100000 (got " + estate.homes() + ")");
            if (estate.residentsPerHome() != null) {
                violations.check(estate.residentsPerHome() > 0 && estate.residentsPerHome() <= 10, field + ".residentsPerHome",
                        "must be more than 0 and at most 10 (got " + estate.residentsPerHome() + ")");
            }
            if (estate.childrenShare() != null) {
                violations.check(estate.childrenShare() > 0 && estate.childrenShare() < 1, field + ".childrenShare",
                        "must be more than 0 and less than 1 (got " + estate.childrenShare() + ")");
            }
            if (location != null) {
                Number cells = (Number) entityManager.createNativeQuery("""
                                SELECT count(*) FROM population_cell
                                WHERE ST_Covers(boundary, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326))""")
                        .setParameter("lon", location.getX()).setParameter("lat", location.getY()).getSingleResult();
                violations.check(cells.longValue() > 0, field + ".location",
                        "lies in no population cell: the estate's people are added to the cell that holds it");
            }
        }
    }

    private void requireInstitution(Long id, String field, Violations violations) {
        Number found = (Number) entityManager.createNativeQuery("SELECT count(*) FROM institution WHERE id = :id")
                .setParameter("id", id).getSingleResult();
        violations.check(found.longValue() > 0, field, "institution " + id + " does not exist");
    }
}
