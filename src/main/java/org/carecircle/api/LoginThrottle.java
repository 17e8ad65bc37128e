package org.carecircle.api;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Backoff after wrong passwords, for one key (a user, an address): the first {@code free} failures
 * cost nothing, then each further one doubles the wait (1 s, 2 s, 4 s … at most
 * {@value #MAX_WAIT_SECONDS} s); a right password clears it. 300 guesses that took 0.6 s then take
 * hours. Bounded: at most {@value #MAX_KEPT} keys are kept, the oldest dropped first, so a flood of
 * names cannot fill memory.
 */
final class LoginThrottle {
    static final long MAX_WAIT_SECONDS = 900;
    private static final int MAX_KEPT = 10_000;

    private record Failures(int count, long lockedUntilMillis, long lastMillis) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final int free;

    LoginThrottle(int free) {
        this.free = free;
    }

    /** Seconds before {@code key} may try again; 0 if now. */
    long secondsToWait(String key) {
        Failures known = failures.get(key);
        long left = known == null ? 0 : known.lockedUntilMillis() - System.currentTimeMillis();
        return left <= 0 ? 0 : (left + 999) / 1000;
    }

    void failed(String key) {
        long now = System.currentTimeMillis();
        failures.compute(key, (k, before) -> {
            int count = before == null ? 1 : before.count() + 1;
            long wait = count <= free ? 0 : Math.min(MAX_WAIT_SECONDS, 1L << Math.min(20, count - free - 1));
            return new Failures(count, now + wait * 1000, now);
        });
        if (failures.size() > MAX_KEPT) {
            dropOldest();
        }
    }

    void succeeded(String key) {
        failures.remove(key);
    }

    private void dropOldest() {
        String oldest = null;
        long when = Long.MAX_VALUE;
        for (Iterator<Map.Entry<String, Failures>> entries = failures.entrySet().iterator(); entries.hasNext(); ) {
            Map.Entry<String, Failures> entry = entries.next();
            if (entry.getValue().lastMillis() < when) {
                when = entry.getValue().lastMillis();
                oldest = entry.getKey();
            }
        }
        if (oldest != null) {
            failures.remove(oldest);
        }
    }
}
