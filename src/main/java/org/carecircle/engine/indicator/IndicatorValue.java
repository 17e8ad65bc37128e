package org.carecircle.engine.indicator;

import java.util.ArrayList;
import java.util.List;

/**
 * One indicator of one area against one target set: the value with what it was computed from, the
 * target, whether it is met, and what would close the gap: how many whole units of the numerator (slots,
 * children, subdistricts…) are still needed, and which areas are still without; the words are the caller's.
 *
 * @param value     null when the denominator is zero (say, no slots at all)
 * @param target    null when the target set has no target for it
 * @param met       null without a target or a value
 * @param gap       units still needed; null when met or without a target
 * @param without   the areas still without what the indicator counts (the subdistrict indicators), else empty
 * @param estimated true when a figure behind it is derived (grid residents, estimated cells)
 */
public record IndicatorValue(Indicator indicator, Double value, double numerator, double denominator,
                             Double target, Boolean met, Long gap, List<String> without, boolean estimated, String note) {

    /** Every indicator of the area; the target set decides which have targets. */
    public static List<IndicatorValue> evaluate(AreaFacts facts, TargetSet targets) {
        // institution figures are estimates if any institution is; those that also count people, if the grid is too
        boolean supply = facts.institutionsEstimated();
        boolean supplyAndPeople = supply || facts.gridEstimated();
        List<IndicatorValue> values = new ArrayList<>();
        values.add(of(Indicator.SLOTS_PER_THOUSAND_RESIDENTS, facts.slots() * 1000.0, facts.residents(), targets,
                facts.residentsEstimated() || supply, List.of(), 1000));
        values.add(of(Indicator.INCLUSIVE_SHARE, facts.inclusiveSlots(), facts.slots(), targets, supply, List.of(), 1));
        values.add(of(Indicator.PUBLIC_SHARE, facts.publicSlots(), facts.slots(), targets, supply, List.of(), 1));
        values.add(of(Indicator.UNDER_2_SHARE, facts.under2Slots(), facts.slots(), targets, supply, List.of(), 1));
        values.add(of(Indicator.UTILIZATION, facts.enrolled(), facts.slots(), targets, supply, List.of(), 1));
        values.add(of(Indicator.ENROLLMENT_RATE, facts.enrolled(), facts.childrenUnder3(), targets, supplyAndPeople,
                List.of(), 1));
        values.add(of(Indicator.SUBDISTRICT_INCLUSIVE_COVERAGE, facts.units() - facts.unitsWithoutInclusive().size(),
                facts.units(), targets, supply, facts.unitsWithoutInclusive(), 1));
        values.add(of(Indicator.SUBDISTRICT_INSTITUTION_COVERAGE, facts.units() - facts.unitsWithoutInstitution().size(),
                facts.units(), targets, supply, facts.unitsWithoutInstitution(), 1));
        values.add(of(Indicator.LARGE_AREA_PUBLIC_MODEL_COVERAGE,
                facts.largeUnits() - facts.largeUnitsWithoutPublicModel().size(), facts.largeUnits(), targets, supply,
                facts.largeUnitsWithoutPublicModel(), 1));
        values.add(of(Indicator.GRADED_SHARE, facts.gradedInstitutions(), facts.institutions(), targets, supply, List.of(), 1));
        values.add(of(Indicator.LIFE_CIRCLE_5_MINUTE_RATE, facts.lifeCircleUnitsConfigured(), facts.lifeCircleUnits(),
                targets, supplyAndPeople, List.of(), 1));
        values.add(of(Indicator.SERVICE_CIRCLE_15_MINUTE_COVERAGE, facts.demandCovered15(), facts.demand(), targets,
                supplyAndPeople, List.of(), 1));
        return values;
    }

    /**
     * The value numerator ÷ denominator; when a target is missed, the whole units of the numerator
     * still needed, counted in numerator ÷ {@code scale} (slots for slots per 1,000 residents).
     */
    private static IndicatorValue of(Indicator indicator, double numerator, double denominator, TargetSet targets,
                                     boolean estimated, List<String> without, double scale) {
        Double value = denominator > 0 ? numerator / denominator : null;
        TargetSet.Target target = targets.targets().get(indicator);
        if (target == null || value == null) {
            return new IndicatorValue(indicator, value, numerator, denominator, target == null ? null : target.value(),
                    null, null, List.of(), estimated, target == null ? null : target.note());
        }
        boolean met = target.met(value);
        Long needed = null;
        if (!met) {
            double required = target.value() * denominator / scale;
            long requiredWhole = target.strict() ? (long) Math.floor(required + 1e-9) + 1 : (long) Math.ceil(required - 1e-9);
            needed = requiredWhole - (long) Math.floor(numerator / scale + 1e-9);
        }
        return new IndicatorValue(indicator, value, numerator, denominator, target.value(), met, needed,
                met ? List.of() : List.copyOf(without), estimated, target.note());
    }
}
