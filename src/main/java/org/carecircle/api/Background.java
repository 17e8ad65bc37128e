package org.carecircle.api;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Work that follows a request on a thread of its own (drawing circles, writing snapshots, warming caches). */
public final class Background {
    private Background() {
    }

    /** One daemon thread, so a stopping service never waits for it; tasks run in the order given. */
    public static ScheduledExecutorService worker(String name) {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Waits until every task given to the worker before this call is done. */
    public static void awaitQueued(ExecutorService worker) {
        try {
            worker.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
