package org.carecircle.network;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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
    List<Double> catchmentMinutes();

    @WithDefault("100")
    double offNetworkMetres();
}
