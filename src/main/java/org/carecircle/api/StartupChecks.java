package org.carecircle.api;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The planner's password outside dev and test: with none set the service does not start at all
 * (Quarkus refuses the empty property); a well-known or short one is named in the log at start.
 */
@ApplicationScoped
public class StartupChecks {
    private static final Logger LOG = Logger.getLogger(StartupChecks.class);

    @ConfigProperty(name = "quarkus.security.users.embedded.users.planner")
    String plannerPassword;

    void check(@Observes StartupEvent start) {
        if (LaunchMode.current() == LaunchMode.NORMAL && (plannerPassword.equals("planner") || plannerPassword.length() < 8)) {
            LOG.warn("the planner password is the well-known default or shorter than 8 characters: anyone who can "
                    + "reach this service can change its data; set a long CARECIRCLE_PLANNER_PASSWORD");
        }
    }
}
