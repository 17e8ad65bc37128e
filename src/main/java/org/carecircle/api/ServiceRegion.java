package org.carecircle.api;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.locationtech.jts.geom.Envelope;

import java.util.Locale;

/**
 * Where the service's places may lie: a box, by default around mainland China, so that a register row
 * at 0,0 or in London is refused instead of joining every sum. A bureau elsewhere sets
 * {@code carecircle.region.west/south/east/north}.
 */
public final class ServiceRegion {
    private static volatile ServiceRegion configured;

    private final double west;
    private final double south;
    private final double east;
    private final double north;

    private ServiceRegion(double west, double south, double east, double north) {
        this.west = west;
        this.south = south;
        this.east = east;
        this.north = north;
    }

    /** The configured region (read once: the whole of every input is checked against one box). */
    public static ServiceRegion get() {
        ServiceRegion region = configured;
        if (region == null) {
            Config config = ConfigProvider.getConfig();
            region = new ServiceRegion(read(config, "west", 73.4), read(config, "south", 18.1),
                    read(config, "east", 135.1), read(config, "north", 53.6));
            configured = region;
        }
        return region;
    }

    private static double read(Config config, String side, double fallback) {
        return config.getOptionalValue("carecircle.region." + side, Double.class).orElse(fallback);
    }

    /** The part of a box inside the region (a raster's pixels beyond it are left out, as beyond its clip box). */
    public Envelope clip(Envelope box) {
        return box.intersection(new Envelope(west, east, south, north));
    }

    /** Whether the latitude alone puts a place beyond the region (to name the right column of a register). */
    public boolean beyondLatitudes(double latitude) {
        return !(latitude >= south && latitude <= north);
    }

    /** Why a WGS84 place cannot be taken (outside the globe or the region), or null when it can. */
    public String refusal(double longitude, double latitude) {
        if (!(longitude >= -180 && longitude <= 180 && latitude >= -90 && latitude <= 90)) {
            return "longitude " + longitude + ", latitude " + latitude + " is not a place on Earth (-180..180, -90..90)";
        }
        if (longitude < west || longitude > east || latitude < south || latitude > north) {
            return String.format(Locale.ROOT, "longitude %s, latitude %s is outside the service region "
                    + "(%s..%s E, %s..%s N; carecircle.region)", longitude, latitude, west, east, south, north);
        }
        return null;
    }
}
