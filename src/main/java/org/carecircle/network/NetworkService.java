package org.carecircle.network;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.carecircle.engine.network.NetworkLoader;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;

/**
 * Holds the walking network. It loads in the background right after start (importing only when the
 * extract changed), so the service answers at once and readiness reports the network when it is there.
 */
@ApplicationScoped
public class NetworkService {
    private static final Logger LOG = Logger.getLogger(NetworkService.class);

    @Inject
    NetworkSettings settings;
    @Inject
    Event<NetworkLoaded> loadedEvent;

    private volatile NetworkLoader.Loaded network;
    private volatile String problem;
    private volatile String stage = "starting";
    private volatile CompletableFuture<Void> loading = CompletableFuture.completedFuture(null);

    void start(@Observes StartupEvent start) {
        settings.osmFile().ifPresent(file -> loading = CompletableFuture.runAsync(() -> {
            try {
                NetworkLoader.Loaded loaded = NetworkLoader.load(file, settings.elevationFolder().orElse(null),
                        settings.cacheFolder(), this::progress);
                network = loaded;
                loadedEvent.fire(new NetworkLoaded(loaded));
            } catch (RuntimeException e) {
                problem = "the walking network could not be loaded from " + file + ": " + e.getMessage();
                LOG.error(problem, e);
            }
        }));
    }

    private void progress(String now) {
        stage = now;
        LOG.infof("walking network: %s", now);
    }

    /** What the background load is doing now, while it is not done. */
    public String stage() {
        return stage;
    }

    void stop(@Observes ShutdownEvent stop) {
        loading.cancel(false);
        if (network != null) {
            network.close();
        }
    }

    /** The network, or a clear error saying why there is none (yet). */
    public NetworkLoader.Loaded require() {
        NetworkLoader.Loaded loaded = network;
        if (loaded != null) {
            return loaded;
        }
        if (problem != null) {
            throw new NetworkUnavailableException(problem);
        }
        if (settings.osmFile().isEmpty()) {
            throw new NetworkUnavailableException("no walking network is configured: set carecircle.network.osm-file "
                    + "(CARECIRCLE_OSM_FILE) to an OSM extract");
        }
        throw new NetworkUnavailableException("the walking network is still loading; try again in a few seconds");
    }

    /** Waits for the background load (tests and the main job). */
    public void awaitLoaded() {
        loading.join();
    }

    public String problem() {
        return problem;
    }

    public boolean configured() {
        return settings.osmFile().isPresent();
    }

    public boolean loaded() {
        return network != null;
    }
}
