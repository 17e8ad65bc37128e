package org.carecircle.institution;

import org.carecircle.api.GeoJson;
import org.carecircle.api.Violations;
import org.locationtech.jts.geom.Point;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The rules an institution must meet, whichever way it arrives (API, register import). */
public final class InstitutionValidator {
    private InstitutionValidator() {
    }

    /** Records every broken rule under {@code field}; returns the location, or null if it is unusable. */
    public static Point validate(InstitutionInput input, String field, Violations violations) {
        violations.requireText(input.name(), field + ".name", 200);
        violations.optionalText(input.address(), field + ".address", 500);
        Point location = GeoJson.readPoint(input.location(), field + ".location", violations);
        if (input.grade() != null) {
            violations.check(input.grade() >= 1 && input.grade() <= 3, field + ".grade",
                    "must be 1, 2 or 3 (1 is the highest), or null when ungraded; got " + input.grade());
        }
        violations.optionalText(input.externalId(), field + ".externalId", 100);
        violations.optionalText(input.source(), field + ".source", 200);
        violations.estimate(Boolean.TRUE.equals(input.estimated()), input.estimationMethod(), field + ".estimationMethod");
        classGroups(input.classGroups(), field + ".classGroups", violations);
        return location;
    }

    /** The most slots, children or classes one age group of one institution can have, in any input. */
    static final int MAX_PER_GROUP = 100_000;

    /** The class groups' rules: one per age group, counts from 0 to {@link #MAX_PER_GROUP}, enrolled at most slots. */
    public static void classGroups(List<ClassGroupInput> groups, String field, Violations violations) {
        if (groups == null) {
            return;
        }
        Set<AgeGroup> seen = EnumSet.noneOf(AgeGroup.class);
        for (int i = 0; i < groups.size(); i++) {
            ClassGroupInput group = groups.get(i);
            String path = field + "[" + i + "]";
            violations.check(seen.add(group.ageGroup()), path + ".ageGroup",
                    group.ageGroup() + " appears more than once; give one class group per age group");
            if (group.classes() != null) {
                violations.count(group.classes(), MAX_PER_GROUP, path + ".classes");
            }
            boolean slotsOk = violations.count(group.slots(), MAX_PER_GROUP, path + ".slots");
            int enrolled = group.enrolled() == null ? 0 : group.enrolled();
            if (violations.count(enrolled, MAX_PER_GROUP, path + ".enrolled") && slotsOk) {
                violations.check(enrolled <= group.slots(), path + ".enrolled",
                        enrolled + " enrolled is more than the group's " + group.slots() + " slots");
            }
        }
    }
}
