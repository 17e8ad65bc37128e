package org.carecircle.coverage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.carecircle.api.Background;
import org.carecircle.engine.network.NetworkLoader;
import org.carecircle.engine.network.WalkingProfile;
import org.carecircle.network.NetworkLoaded;
import org.carecircle.network.NetworkService;
import org.carecircle.network.NetworkSettings;
import org.jboss.logging.Logger;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Gets the population cells and their links to the network ready before anyone asks: once the
 * network has loaded, and again whenever the population or the areas change (whoever changed them:
 * the data versions are looked at every {@value #EVERY_SECONDS} seconds). So the first coverage after
 * a start or an import costs what a later one does; a request that comes first waits for the same
 * work instead of doing it twice.
 */
@ApplicationScoped
public class CoverageWarmUp {
    private static final Logger LOG = Logger.getLogger(CoverageWarmUp.class);
    private static final long EVERY_SECONDS = 15;

    @Inject
    CoverageData data;
    @Inject
    NetworkService networks;
    @Inject
    NetworkSettings settings;

    private final ScheduledExecutorService worker = Background.worker("coverage-warm-up");
    private volatile String warmed = "";

    void start(@Observes StartupEvent start) {
        worker.scheduleWithFixedDelay(this::warm, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    void networkLoaded(@Observes NetworkLoaded loaded) {
        worker.execute(this::warm);
    }

    void stop(@Observes ShutdownEvent stop) {
        worker.shutdownNow();
    }

    private void warm() {
        if (!networks.loaded()) {
            return;
        }
        try {
            NetworkLoader.Loaded network = networks.require();
            CoverageData.Versions versions = QuarkusTransaction.requiringNew().call(data::versions);
            String key = versions.cellsKey() + " " + network.checksum();
            if (key.equals(warmed)) {
                return;
            }
            long start = System.nanoTime();
            CoverageData.Cells cells = QuarkusTransaction.requiringNew().timeout(3600).call(() -> data.cells(versions));
            cells.links(network, WalkingProfile.FOOT, settings.maxSnapMetres());
            cells.neighbours();
            warmed = key;
            LOG.infof("Coverage ready: %d population cells read and joined to the network in %d ms", cells.size(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Getting the population cells ready failed; the first coverage will do it");
        }
    }
}
