package org.carecircle.api;

/** The one rounding of figures in answers and exports: half up, to a number of decimal places. */
public final class Decimals {
    private static final double[] SCALE = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7};

    private Decimals() {
    }

    /** {@code value} to {@code places} decimals (0 to 7); infinities and NaN stay as they are. */
    public static double round(double value, int places) {
        double scale = SCALE[places];
        return Double.isFinite(value) ? Math.round(value * scale) / scale : value;
    }
}
