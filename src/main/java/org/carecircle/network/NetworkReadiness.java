package org.carecircle.network;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the configured walking network is loaded (or when none is configured). */
@Readiness
@ApplicationScoped
public class NetworkReadiness implements HealthCheck {
    @Inject
    NetworkService network;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Walking network");
        if (!network.configured()) {
            return response.up().withData("network", "none configured").build();
        }
        if (network.loaded()) {
            var loaded = network.require();
            return response.up().withData("nodes", loaded.network().nodeCount())
                    .withData("edges", loaded.network().edgeCount())
                    .withData("elevation", loaded.elevation()).build();
        }
        return network.problem() != null ? response.down().withData("network", network.problem()).build()
                : response.down().withData("network", "loading").withData("stage", network.stage()).build();
    }
}
