package org.carecircle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.carecircle.network.NetworkService;
import org.carecircle.network.StoredCircleService;

/** Direct SQL for tests: start each test from empty tables, and count rows to prove nothing was written. */
@ApplicationScoped
public class TestDatabase {
    @Inject
    EntityManager entityManager;
    @Inject
    NetworkService networks;
    @Inject
    StoredCircleService storedCircles;

    /** Empties every table, once the background network load and the circles it and earlier tests queued are done. */
    public void clear() {
        networks.awaitLoaded();
        storedCircles.dropQueued();
        storedCircles.awaitDrawn();
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
