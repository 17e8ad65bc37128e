package org.carecircle.engine.coverage;

/**
 * Two-step floating catchment (2SFCA, Luo and Wang 2003) and its enhanced form with stepwise
 * distance decay (E2SFCA, Luo and Qi 2009). Step 1: each institution's slots divided by the
 * weighted demand within its catchment. Step 2: each cell sums the ratios of the institutions it
 * can reach, weighted the same way. The score is slots per child wanting a place; weighted by
 * demand, the scores add up to the slots of the institutions that have any demand in reach.
 */
public final class FloatingCatchment {
    /** E2SFCA weights for the three thirds of the catchment (0–5, 5–10, 10–15 minutes of a 15-minute one): Luo and Qi's 1, 0.68, 0.22. */
    public static final double[] ENHANCED_WEIGHTS = {1.0, 0.68, 0.22};
    /** Plain 2SFCA: every walk within the catchment counts fully. */
    public static final double[] PLAIN_WEIGHTS = {1.0};

    private FloatingCatchment() {
    }

    /**
     * Scores per cell with the catchment of {@code catchment} (flat-equivalent metres, at most the
     * reach's limit) cut into {@code weights.length} equal bands by walking time, band b weighing
     * weights[b]; pairs beyond the catchment count for nothing. An institution with no demand in
     * reach offers nothing.
     */
    public static double[] score(SiteReach reach, double catchment, double[] demand, double[] capacity, double[] weights) {
        reach.requireShape(demand.length, capacity.length, "floating catchment");
        if (!(catchment > 0 && catchment <= reach.limit()) || weights.length == 0) {
            throw new IllegalArgumentException("floating catchment: the catchment must be more than 0 and at most the "
                    + "reach's " + reach.limit() + " (got " + catchment + "), with at least one weight");
        }
        int sites = capacity.length;
        double band = catchment / weights.length;
        double[] ratio = new double[sites];
        for (int site = 0; site < sites; site++) {
            double weighted = 0;
            for (int pair = reach.first(site); pair < reach.first(site + 1); pair++) {
                weighted += demand[reach.cell(pair)] * weight(reach.cost(pair), catchment, band, weights);
            }
            ratio[site] = weighted > 0 ? capacity[site] / weighted : 0;
        }
        double[] score = new double[demand.length];
        for (int site = 0; site < sites; site++) {
            for (int pair = reach.first(site); pair < reach.first(site + 1); pair++) {
                score[reach.cell(pair)] += ratio[site] * weight(reach.cost(pair), catchment, band, weights);
            }
        }
        return score;
    }

    private static double weight(float cost, double catchment, double band, double[] weights) {
        if (cost > catchment) {
            return 0;
        }
        // bands hold their upper bound: a walk of exactly 5 minutes is in 0–5
        int index = (int) Math.ceil(cost / band) - 1;
        return weights[Math.max(0, Math.min(index, weights.length - 1))];
    }
}
