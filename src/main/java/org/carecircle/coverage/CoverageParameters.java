package org.carecircle.coverage;

import org.carecircle.engine.coverage.CapacityMode;
import org.carecircle.engine.network.WalkingProfile;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import java.util.List;

/** How a coverage analysis is asked for; every field has a documented default. */
@Input("CoverageParameters")
public record CoverageParameters(
        @Description("Walking limits in minutes, default [5, 15]") List<Double> minutes,
        @Description("Walking speed on flat ground, default 4.5 km/h") Double speedKmh,
        @Description("Default FOOT") WalkingProfile profile,
        @Description("Share of children under 3 whose families want a place, default 0.24 (Shaoxing's 2027 enrollment target)")
        Double takeUpRate,
        @Description("SLOTS (default) or FREE_PLACES: slots minus enrolled") CapacityMode capacity,
        InstitutionSelection institutions,
        @Description("A planning scenario's name: its changes on top of the base data (default: the base)") String scenario) {

    /** Families wanting a place: Shaoxing's 2027 target enrollment rate (15.81 % enrolled in 2023), see DOMAIN.md. */
    public static final double DEFAULT_TAKE_UP_RATE = 0.24;
    public static final List<Double> DEFAULT_MINUTES = List.of(5.0, 15.0);
    public static final CoverageParameters DEFAULT = new CoverageParameters(null, null, null, null, null, null, null);

    /** The same request with a different set of limits (indicators always use 5 and 15 minutes). */
    public CoverageParameters withMinutes(List<Double> limits) {
        return new CoverageParameters(limits, speedKmh, profile, takeUpRate, capacity, institutions, scenario);
    }

    /** The same request on another scenario (null: the base). */
    public CoverageParameters withScenario(String name) {
        return new CoverageParameters(minutes, speedKmh, profile, takeUpRate, capacity, institutions, name);
    }
}
