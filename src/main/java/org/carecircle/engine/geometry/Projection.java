package org.carecircle.engine.geometry;

/**
 * Equirectangular metres around a reference point: under 0.1 % error over a city district. The
 * one place that turns degrees into metres (mean Earth radius).
 */
public final class Projection {
    public static final double METRES_PER_DEGREE = 6_371_008.8 * Math.PI / 180;

    final double latitude0;
    final double longitude0;
    final double metresPerDegreeLongitude;

    public Projection(double latitude0, double longitude0) {
        this.latitude0 = latitude0;
        this.longitude0 = longitude0;
        this.metresPerDegreeLongitude = METRES_PER_DEGREE * Math.cos(Math.toRadians(latitude0));
    }

    public double x(double longitude) {
        return (longitude - longitude0) * metresPerDegreeLongitude;
    }

    public double y(double latitude) {
        return (latitude - latitude0) * METRES_PER_DEGREE;
    }

    public double longitude(double x) {
        return longitude0 + x / metresPerDegreeLongitude;
    }

    public double latitude(double y) {
        return latitude0 + y / METRES_PER_DEGREE;
    }

    /** Degrees of longitude that make {@code metres} at the reference latitude. */
    public double longitudeDegrees(double metres) {
        return metres / metresPerDegreeLongitude;
    }

    public double distance(double latitudeA, double longitudeA, double latitudeB, double longitudeB) {
        double dx = x(longitudeB) - x(longitudeA), dy = y(latitudeB) - y(latitudeA);
        return Math.sqrt(dx * dx + dy * dy);
    }
}
