package org.carecircle.network;

import org.carecircle.api.Violations;

import java.util.Arrays;
import java.util.List;

/**
 * The bands of a circle request: minutes at a walking speed, or network metres. Costs are what
 * the search compares: flat-equivalent metres (minutes × metres a minute) or plain metres.
 */
public record CircleLimits(CostKind kind, String unit, double[] values, double[] costs, double speedKmh) {

    /** Checks and sorts the limits; records every problem under the argument it concerns. */
    public static CircleLimits of(List<Double> minutes, List<Double> metres, Double speedKmh, NetworkSettings settings,
                                  Violations violations) {
        double speed = speedKmh == null ? settings.defaultSpeedKmh() : speedKmh;
        violations.check(speed >= settings.minSpeedKmh() && speed <= settings.maxSpeedKmh(), "speedKmh",
                "must be between " + settings.minSpeedKmh() + " and " + settings.maxSpeedKmh() + " km/h (got " + speed + ")");
        if ((minutes == null) == (metres == null)) {
            violations.add("minutes", minutes == null ? "give the limits as minutes or as metres"
                    : "give the limits as minutes or as metres, not both");
            return null;
        }
        boolean byTime = minutes != null;
        String field = byTime ? "minutes" : "metres";
        List<Double> given = byTime ? minutes : metres;
        double max = byTime ? settings.maxMinutes() : settings.maxMetres();
        if (!violations.check(!given.isEmpty() && given.size() <= settings.maxBands(), field,
                "must hold 1 to " + settings.maxBands() + " limits (got " + given.size() + ")")) {
            return null;
        }
        for (int i = 0; i < given.size(); i++) {
            double value = given.get(i);
            violations.check(value > 0 && value <= max, field + "[" + i + "]",
                    "must be more than 0 and at most " + max + " (got " + value + ")");
            violations.check(given.indexOf(value) == i, field + "[" + i + "]", value + " appears more than once");
        }
        double[] values = given.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double metresPerMinute = speed * 1000 / 60;
        double[] costs = Arrays.stream(values).map(v -> byTime ? v * metresPerMinute : v).toArray();
        return new CircleLimits(byTime ? CostKind.TIME : CostKind.DISTANCE, byTime ? "MINUTES" : "METRES", values, costs, speed);
    }
}
