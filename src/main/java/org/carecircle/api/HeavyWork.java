package org.carecircle.api;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Heavy work (a walk search and its polygons, an analysis, a site suggestion) runs a few at a time,
 * first come first served, so that however many heavy requests arrive, cheap reads always find a
 * core free: 4 clients looping over 700 aliased circles once made a one-row read wait 19 s. A request
 * that cannot start its work within the wait is refused with TOO_EXPENSIVE ("retry shortly").
 * Work nested in work already admitted (an analysis inside a suggestion) does not queue again.
 * <p>
 * Heavy GraphQL fields also leave the GraphQL layer's own queue ({@link #offloaded}): it runs the
 * blocking fields of all requests arriving on one event loop one after another, so a read would wait
 * for every circle before it however many cores were idle.
 */
@ApplicationScoped
public class HeavyWork {
    private static final ThreadLocal<Boolean> ADMITTED = ThreadLocal.withInitial(() -> false);

    private final Semaphore permits;
    private final long waitMillis;
    /** Bounded, so a flood of heavy requests is refused instead of held in memory. */
    private final ThreadPoolExecutor offload = new ThreadPoolExecutor(64, 64, 1, TimeUnit.MINUTES,
            new ArrayBlockingQueue<>(256), work -> {
                Thread thread = new Thread(work, "heavy-request");
                thread.setDaemon(true);
                return thread;
            });

    HeavyWork(@ConfigProperty(name = "carecircle.api.heavy-work-at-once") Optional<Integer> atOnce,
              @ConfigProperty(name = "carecircle.api.heavy-work-wait", defaultValue = "30s") Duration wait) {
        // one core is kept for everything else
        this.permits = new Semaphore(atOnce.orElse(Math.max(1, Runtime.getRuntime().availableProcessors() - 1)), true);
        this.waitMillis = wait.toMillis();
    }

    /**
     * The work on a thread of its own, off the GraphQL layer's per-event-loop queue; a full queue is TOO_EXPENSIVE.
     * Its answer comes back on the caller's Vert.x context: the GraphQL layer goes on from there, and a blocking
     * field after it in a mutation (run in order) needs that context to be handed to a worker.
     */
    public <T> CompletionStage<T> offloaded(Supplier<T> work) {
        Context caller = Vertx.currentContext();
        CompletableFuture<T> answer = new CompletableFuture<>();
        try {
            // a request context of its own: the calling request's (its database session) may end or be used meanwhile
            offload.execute(() -> {
                ManagedContext requestContext = Arc.container().requestContext();
                requestContext.activate();
                T result = null;
                Throwable failure = null;
                try {
                    result = work.get();
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    requestContext.terminate();
                }
                T done = result;
                Throwable failed = failure;
                Runnable complete = () -> {
                    if (failed == null) {
                        answer.complete(done);
                    } else {
                        answer.completeExceptionally(failed);
                    }
                };
                if (caller == null) {
                    complete.run();
                } else {
                    caller.runOnContext(ignored -> complete.run());
                }
            });
        } catch (RejectedExecutionException e) {
            throw new TooExpensiveException("the service is busy with heavy requests: retry shortly");
        }
        return answer;
    }

    @PreDestroy
    void stop() {
        offload.shutdown();
    }

    public <T> T run(String what, Supplier<T> work) {
        if (ADMITTED.get()) {
            return work.get();
        }
        try {
            if (!permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new TooExpensiveException("the service is busy with heavy work; " + what
                        + " could not start within " + waitMillis / 1000 + " s: retry shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TooExpensiveException(what + " was interrupted while waiting for its turn: retry shortly");
        }
        ADMITTED.set(true);
        try {
            return work.get();
        } finally {
            ADMITTED.set(false);
            permits.release();
        }
    }
}
