package org.carecircle.engine.network;

/**
 * How slope and steps slow a walker, relative to their speed on flat ground.
 *
 * <p>Slopes follow Tobler's hiking function, v = 6·exp(−3.5·|s + 0.05|) km/h for gradient s (rise
 * over run), taken relative to its flat value so that the walker's own flat speed (4.5 km/h by
 * default) is kept: the factor is exp(−3.5·|s + 0.05|) / exp(−3.5·0.05). It peaks at 1.19 on a
 * gentle 5 % descent, is 0.70 on a 10 % climb and 0.17 on a 50 % one; steeper descents slow
 * down too. Steps are walked at half the flat speed whatever their slope (a flight of stairs is
 * its own slope); for strollers they are impassable.
 */
public final class WalkingSpeed {
    public static final double STEPS_FACTOR = 0.5;
    private static final double FLAT = Math.exp(-3.5 * 0.05);
    /** Segments shorter than this carry no reliable gradient from 30–90 m elevation tiles. */
    private static final double MIN_GRADIENT_RUN_METRES = 1.0;

    private WalkingSpeed() {
    }

    /** Speed on this gradient as a share of the speed on flat ground. */
    public static double slopeFactor(double gradient) {
        return Math.exp(-3.5 * Math.abs(gradient + 0.05)) / FLAT;
    }

    /**
     * The flat-ground length that takes as long to walk as {@code run} metres climbing {@code rise}
     * metres: dividing it by the flat speed gives the time.
     */
    public static double flatEquivalentMetres(double run, double rise) {
        if (run < MIN_GRADIENT_RUN_METRES || Double.isNaN(rise)) {
            return run;
        }
        return run / slopeFactor(rise / run);
    }
}
