package org.carecircle.network;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.carecircle.api.Violations;
import org.carecircle.engine.network.CircleLimits;
import org.carecircle.engine.network.ServiceCircles;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where the walking network comes from, and the limits of a service-circle request. */
@ConfigMapping(prefix = "carecircle.network")
public interface NetworkSettings {
    /** The OSM extract (.osm.pbf, .osm, .osm.gz, .osm.bz2); without it, no circles can be drawn. */
    Optional<Path> osmFile();

    /** Folder of SRTM .hgt.zip tiles covering the extract; without it, the ground is taken as flat. */
    Optional<Path> elevationFolder();

    @WithDefault(".graph-cache")
    Path cacheFolder();

    @WithDefault("300")
    double maxSnapMetres();

    @WithDefault("4.5")
    double defaultSpeedKmh();

    @WithDefault("1")
    double minSpeedKmh();

    @WithDefault("10")
    double maxSpeedKmh();

    @WithDefault("6")
    int maxBands();

    @WithDefault("60")
    double maxMinutes();

    @WithDefault("5000")
    double maxMetres();

    @WithDefault("5000")
    int maxOrigins();

    @WithDefault("10")
    double cellMetres();

    /** How finely circles are drawn and how far walkers may leave the network. */
    default ServiceCircles.Settings circles() {
        return new ServiceCircles.Settings(cellMetres(), offNetworkMetres());
    }

    /** The circles stored for every institution, at the default speed on foot. */
    @WithDefault("5,15")
    List<Double> storedCircleMinutes();

    @WithDefault("100")
    double offNetworkMetres();

    /** Checks and sorts the limits of a request; records every problem under the argument it concerns. */
    default CircleLimits circleLimits(List<Double> minutes, List<Double> metres, Double speedKmh, Violations violations) {
        double speed = speedKmh == null ? defaultSpeedKmh() : speedKmh;
        violations.check(speed >= minSpeedKmh() && speed <= maxSpeedKmh(), "speedKmh",
                "must be between " + minSpeedKmh() + " and " + maxSpeedKmh() + " km/h (got " + speed + ")");
        if ((minutes == null) == (metres == null)) {
            violations.add("minutes", minutes == null ? "give the limits as minutes or as metres"
                    : "give the limits as minutes or as metres, not both");
            return null;
        }
        boolean byTime = minutes != null;
        String field = byTime ? "minutes" : "metres";
        List<Double> given = byTime ? minutes : metres;
        double max = byTime ? maxMinutes() : maxMetres();
        if (!violations.check(!given.isEmpty() && given.size() <= maxBands(), field,
                "must hold 1 to " + maxBands() + " limits (got " + given.size() + ")")) {
            return null;
        }
        if (!violations.elements(given, field)) {
            return null;
        }
        for (int i = 0; i < given.size(); i++) {
            double value = given.get(i);
            violations.check(value > 0 && value <= max, field + "[" + i + "]",
                    "must be more than 0 and at most " + max + " (got " + value + ")");
            violations.check(given.indexOf(value) == i, field + "[" + i + "]", value + " appears more than once");
        }
        double[] values = given.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return byTime ? CircleLimits.minutes(values, speed) : CircleLimits.metres(values, speed);
    }
}
