package org.carecircle.indicator;

import org.carecircle.engine.indicator.AreaFacts;
import org.carecircle.api.Language;
import org.carecircle.engine.indicator.Indicator;
import org.carecircle.engine.indicator.IndicatorValue;
import org.carecircle.engine.indicator.TargetSet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every indicator of a toy district, worked out by hand: 100,000 residents (published), 2,000
 * children under 3 on the grid, 10 institutions (6 graded) with 400 slots, of which 200 inclusive,
 * 100 public, 30 for under-2s, 250 enrolled; 4 subdistricts, A and B without an inclusive
 * institution, B without any; 1 subdistrict of 50,000+ residents, which has a public model; 50
 * populated cells, 20 with an institution within 5 minutes; 480 children want a place, 300 get one
 * within 15 minutes.
 */
class IndicatorValueTest {
    private static final Map<String, TargetSet> SETS = TargetSets.bundled();

    private static AreaFacts district(int units, List<String> withoutInclusive) {
        return district(units, withoutInclusive, false);
    }

    private static AreaFacts district(int units, List<String> withoutInclusive, boolean institutionsEstimated) {
        return new AreaFacts(100_000, false, 2_000, false, institutionsEstimated, 400, 200, 100, 30, 250, 10, 6,
                units, withoutInclusive, List.of("B"), 1, List.of(), 50, 20, 480, 300);
    }

    private static IndicatorValue find(List<IndicatorValue> values, Indicator indicator) {
        return values.stream().filter(v -> v.indicator() == indicator).findFirst().orElseThrow();
    }

    @Test
    void shaoxing2027() {
        List<IndicatorValue> values = IndicatorValue.evaluate(district(4, List.of("A", "B")), SETS.get("SHAOXING_2027"));
        assertEquals(Indicator.values().length, values.size());
        check(values, Indicator.SLOTS_PER_THOUSAND_RESIDENTS, 4.0, 5.5, false, "150 more slots");
        check(values, Indicator.PUBLIC_SHARE, 0.25, 0.60, false, "140 more public slots (converted or newly built public)");
        check(values, Indicator.UNDER_2_SHARE, 0.075, 0.12, false, "18 more slots turned to INFANT or TODDLER classes");
        check(values, Indicator.UTILIZATION, 0.625, 0.70, false, "30 more children enrolled in the existing slots");
        check(values, Indicator.ENROLLMENT_RATE, 0.125, 0.24, false, "230 more children enrolled");
        check(values, Indicator.SUBDISTRICT_INSTITUTION_COVERAGE, 0.75, 1.0, false,
                "1 more subdistrict or town needs an institution (without: B)");
        check(values, Indicator.LARGE_AREA_PUBLIC_MODEL_COVERAGE, 1.0, 1.0, true, null);
        check(values, Indicator.GRADED_SHARE, 0.6, 0.9, false, "3 more institutions graded");
        // 65 % of 50 cells is 32.5: 33 configured cells, 13 more
        check(values, Indicator.LIFE_CIRCLE_5_MINUTE_RATE, 0.4, 0.65, false,
                "13 more populated cells need an institution within a 5-minute walk");
        IndicatorValue inclusive = find(values, Indicator.INCLUSIVE_SHARE);
        assertEquals(0.5, inclusive.value(), 1e-12);
        assertNull(inclusive.target());
        assertNull(inclusive.met());
        IndicatorValue circle = find(values, Indicator.SERVICE_CIRCLE_15_MINUTE_COVERAGE);
        assertEquals(0.625, circle.value(), 1e-12);
        assertEquals(300, circle.numerator(), 1e-12);
        assertEquals(480, circle.denominator(), 1e-12);
    }

    @Test
    void chongqing2025WithTheStrictSubdistrictTarget() {
        List<IndicatorValue> values = IndicatorValue.evaluate(district(4, List.of("A", "B")), SETS.get("CHONGQING_2025"));
        check(values, Indicator.SLOTS_PER_THOUSAND_RESIDENTS, 4.0, 4.5, false, "50 more slots");
        check(values, Indicator.INCLUSIVE_SHARE, 0.5, 0.6, false, "40 more slots made inclusive");
        check(values, Indicator.SUBDISTRICT_INCLUSIVE_COVERAGE, 0.5, 0.9, false,
                "2 more subdistricts or towns need an inclusive institution (without: A, B)");
        // "more than 90 %": 9 of 10 is not enough, all 10 are needed
        check(IndicatorValue.evaluate(district(10, List.of("J")), SETS.get("CHONGQING_2025")),
                Indicator.SUBDISTRICT_INCLUSIVE_COVERAGE, 0.9, 0.9, false,
                "1 more subdistrict or town needs an inclusive institution (without: J)");
    }

    @Test
    void normsAndNothingToDivideBy() {
        check(IndicatorValue.evaluate(district(4, List.of()), SETS.get("NORM_EXISTING_RESIDENTIAL")),
                Indicator.SLOTS_PER_THOUSAND_RESIDENTS, 4.0, 8, false, "400 more slots");
        AreaFacts empty = new AreaFacts(0, true, 0, true, false, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), List.of(), 0, List.of(),
                0, 0, 0, 0);
        IndicatorValue none = find(IndicatorValue.evaluate(empty, SETS.get("SHAOXING_2027")), Indicator.PUBLIC_SHARE);
        assertNull(none.value());
        assertNull(none.met());
        assertTrue(find(IndicatorValue.evaluate(empty, SETS.get("SHAOXING_2027")), Indicator.ENROLLMENT_RATE).estimated());
    }

    @Test
    void estimatedInstitutionsMakeTheirIndicatorsEstimates() {
        List<IndicatorValue> measured = IndicatorValue.evaluate(district(4, List.of()), SETS.get("YUBEI_2025"));
        List<IndicatorValue> estimated = IndicatorValue.evaluate(district(4, List.of(), true), SETS.get("YUBEI_2025"));
        for (Indicator indicator : Indicator.values()) {
            assertFalse(find(measured, indicator).estimated(), indicator.name());
            assertTrue(find(estimated, indicator).estimated(), indicator.name());
        }
    }

    @Test
    void targetSetsAreData() {
        assertEquals(List.of("CHONGQING_2025", "YUBEI_2025", "SHAOXING_2024", "SHAOXING_2027", "NORM_NEW_RESIDENTIAL",
                "NORM_EXISTING_RESIDENTIAL"), List.copyOf(SETS.keySet()));
        Map<String, TargetSet> custom = TargetSets.load(new ByteArrayInputStream("""
                {"targetSets": [{"id": "T", "name": "t", "source": "s", "targets": {"GRADED_SHARE": {"value": 0.5}}}]}"""
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(0.5, custom.get("T").targets().get(Indicator.GRADED_SHARE).value());
        assertThrows(IllegalArgumentException.class, () -> TargetSets.load(new ByteArrayInputStream("""
                {"targetSets": [{"id": "T", "name": "t", "source": "s", "targets": {"NO_SUCH": {"value": 1}}}]}"""
                .getBytes(StandardCharsets.UTF_8))));
    }

    private static void check(List<IndicatorValue> values, Indicator indicator, double value, double target, boolean met,
                              String gap) {
        IndicatorValue found = find(values, indicator);
        assertEquals(value, found.value(), 1e-12, indicator.name());
        assertEquals(target, found.target(), 1e-12, indicator.name());
        assertEquals(met, found.met(), indicator.name());
        // the engine's amount and areas without, in the words the API gives in English
        assertEquals(gap, found.gap() == null ? null : IndicatorWords.gap(indicator, found.gap(), found.without(), Language.EN),
                indicator.name());
        if (met) {
            assertNull(found.gap());
        } else {
            assertTrue(found.gap() > 0, indicator.name());
        }
    }
}
