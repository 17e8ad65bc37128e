package org.carecircle.engine.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * One indicator of one area against one target set: the value with what it was computed from, the
 * target, whether it is met, and what would close the gap in a planner's terms.
 *
 * @param value     null when the denominator is zero (say, no slots at all)
 * @param target    null when the target set has no target for it
 * @param met       null without a target or a value
 * @param gap       null when met or without a target
 * @param estimated true when a figure behind it is derived (grid residents, estimated cells)
 */
public record IndicatorValue(Indicator indicator, Double value, double numerator, double denominator,
                             Double target, Boolean met, String gap, boolean estimated, String note) {

    /** Every indicator of the area; the target set decides which have targets. */
    public static List<IndicatorValue> evaluate(AreaFacts facts, TargetSet targets) {
        // institution figures are estimates if any institution is; those that also count people, if the grid is too
        boolean supply = facts.institutionsEstimated();
        boolean supplyAndPeople = supply || facts.gridEstimated();
        List<IndicatorValue> values = new ArrayList<>();
        values.add(of(Indicator.SLOTS_PER_THOUSAND_RESIDENTS, facts.slots() * 1000.0, facts.residents(), targets,
                facts.residentsEstimated() || supply, needed -> more(needed, "slot", "slots"), 1000));
        values.add(of(Indicator.INCLUSIVE_SHARE, facts.inclusiveSlots(), facts.slots(), targets, supply,
                needed -> more(needed, "slot", "slots") + " made inclusive", 1));
        values.add(of(Indicator.PUBLIC_SHARE, facts.publicSlots(), facts.slots(), targets, supply,
                needed -> more(needed, "public slot", "public slots") + " (converted or newly built public)", 1));
        values.add(of(Indicator.UNDER_2_SHARE, facts.under2Slots(), facts.slots(), targets, supply,
                needed -> more(needed, "slot", "slots") + " turned to INFANT or TODDLER classes", 1));
        values.add(of(Indicator.UTILIZATION, facts.enrolled(), facts.slots(), targets, supply,
                needed -> more(needed, "child", "children") + " enrolled in the existing slots", 1));
        values.add(of(Indicator.ENROLLMENT_RATE, facts.enrolled(), facts.childrenUnder3(), targets, supplyAndPeople,
                needed -> more(needed, "child", "children") + " enrolled", 1));
        values.add(of(Indicator.SUBDISTRICT_INCLUSIVE_COVERAGE, facts.units() - facts.unitsWithoutInclusive().size(),
                facts.units(), targets, supply, needed -> more(needed, "subdistrict or town needs", "subdistricts or towns need") + " an inclusive institution"
                        + missing(facts.unitsWithoutInclusive()), 1));
        values.add(of(Indicator.SUBDISTRICT_INSTITUTION_COVERAGE, facts.units() - facts.unitsWithoutInstitution().size(),
                facts.units(), targets, supply, needed -> more(needed, "subdistrict or town needs", "subdistricts or towns need") + " an institution"
                        + missing(facts.unitsWithoutInstitution()), 1));
        values.add(of(Indicator.LARGE_AREA_PUBLIC_MODEL_COVERAGE,
                facts.largeUnits() - facts.largeUnitsWithoutPublicModel().size(), facts.largeUnits(), targets, supply,
                needed -> more(needed, "large subdistrict or town needs", "large subdistricts or towns need")
                        + " a public inclusive demonstration institution"
                        + missing(facts.largeUnitsWithoutPublicModel()), 1));
        values.add(of(Indicator.GRADED_SHARE, facts.gradedInstitutions(), facts.institutions(), targets, supply,
                needed -> more(needed, "institution", "institutions") + " graded", 1));
        values.add(of(Indicator.LIFE_CIRCLE_5_MINUTE_RATE, facts.lifeCircleUnitsConfigured(), facts.lifeCircleUnits(),
                targets, supplyAndPeople, needed -> more(needed, "populated cell needs", "populated cells need") + " an institution within a 5-minute walk", 1));
        values.add(of(Indicator.SERVICE_CIRCLE_15_MINUTE_COVERAGE, facts.demandCovered15(), facts.demand(), targets, supplyAndPeople,
                needed -> more(needed, "child wanting a place needs", "children wanting a place need")
                        + " one within a 15-minute walk", 1));
        return values;
    }

    private static String more(long count, String one, String many) {
        return count + " more " + (count == 1 ? one : many);
    }

    private static String missing(List<String> names) {
        return names.isEmpty() ? "" : " (without: " + String.join(", ", names) + ")";
    }

    /**
     * The value numerator ÷ denominator; when a target is missed, the whole units of the numerator
     * still needed, counted in numerator ÷ {@code scale} (slots for slots per 1,000 residents).
     */
    private static IndicatorValue of(Indicator indicator, double numerator, double denominator, TargetSet targets,
                                     boolean estimated, LongFunction<String> gap, double scale) {
        Double value = denominator > 0 ? numerator / denominator : null;
        TargetSet.Target target = targets.targets().get(indicator);
        if (target == null || value == null) {
            return new IndicatorValue(indicator, value, numerator, denominator, target == null ? null : target.value(),
                    null, null, estimated, target == null ? null : target.note());
        }
        boolean met = target.met(value);
        String text = null;
        if (!met) {
            double required = target.value() * denominator / scale;
            long requiredWhole = target.strict() ? (long) Math.floor(required + 1e-9) + 1 : (long) Math.ceil(required - 1e-9);
            long needed = requiredWhole - (long) Math.floor(numerator / scale + 1e-9);
            text = gap.apply(needed);
        }
        return new IndicatorValue(indicator, value, numerator, denominator, target.value(), met, text, estimated, target.note());
    }
}
