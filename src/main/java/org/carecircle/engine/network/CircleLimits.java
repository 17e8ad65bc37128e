package org.carecircle.engine.network;

/**
 * The bands of a circle request, ascending: minutes at a walking speed, or network metres. Costs
 * are what the search compares: flat-equivalent metres (minutes × metres a minute) or plain metres.
 */
public record CircleLimits(CostKind kind, String unit, double[] values, double[] costs, double speedKmh) {

    public static CircleLimits minutes(double[] ascendingMinutes, double speedKmh) {
        double metresPerMinute = speedKmh * 1000 / 60;
        double[] costs = new double[ascendingMinutes.length];
        for (int i = 0; i < costs.length; i++) {
            costs[i] = ascendingMinutes[i] * metresPerMinute;
        }
        return new CircleLimits(CostKind.TIME, "MINUTES", ascendingMinutes, costs, speedKmh);
    }

    public static CircleLimits metres(double[] ascendingMetres, double speedKmh) {
        return new CircleLimits(CostKind.DISTANCE, "METRES", ascendingMetres, ascendingMetres.clone(), speedKmh);
    }
}
