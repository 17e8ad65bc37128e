package org.carecircle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.carecircle.network.NetworkService;

/** Direct SQL for tests: start each test from empty tables, and count rows to prove nothing was written. */
@ApplicationScoped
public class TestDatabase {
    @Inject
    EntityManager entityManager;
    @Inject
    NetworkService networks;

    /** Empties every table, once the background network load (which draws catchments) is over. */
    public void clear() {
        networks.awaitLoaded();
        truncate();
    }

    @Transactional
    void truncate() {
        entityManager.createNativeQuery(
                "TRUNCATE area, institution, institution_service_mode, class_group, institution_service_circle, population_cell, scenario "
                                + "RESTART IDENTITY CASCADE")
                .executeUpdate();
    }

    @Transactional
    public long count(String table) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM " + table).getSingleResult()).longValue();
    }
}
