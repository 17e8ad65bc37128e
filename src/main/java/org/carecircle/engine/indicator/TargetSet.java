package org.carecircle.engine.indicator;

import java.util.Map;

/** A policy's targets: a planner picks one by its id. */
public record TargetSet(String id, String name, String nameZh, String source, Map<Indicator, Target> targets) {

    /** A target value; {@code strict} when the policy says "above" rather than "at least". */
    public record Target(double value, boolean strict, String note) {
        boolean met(double actual) {
            // shares are computed from counts: allow for rounding in the last digits
            return strict ? actual > value + 1e-9 : actual >= value - 1e-9;
        }
    }
}
