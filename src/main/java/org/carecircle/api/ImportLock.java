package org.carecircle.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * One import of a kind at a time: a second one started while the first writes is refused with
 * CONFLICT instead of racing it (two identical registers once met on a duplicate key, a 500). The lock
 * is PostgreSQL's, held to the end of the importing transaction, so it spans every service instance.
 */
@ApplicationScoped
public class ImportLock {
    @Inject
    EntityManager entityManager;

    /** Takes the lock for this kind of data in the current transaction, or refuses at once. */
    public void take(String kind) {
        Object taken = entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext(:kind))")
                .setParameter("kind", "carecircle import " + kind).getSingleResult();
        if (!Boolean.TRUE.equals(taken)) {
            throw new ConflictException("another import of " + kind + " is being written: retry when it has finished");
        }
    }
}
