package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Frontier#take()} on a thread of its own, for tests that must know whether a take
 * found something to hand out without waiting for real time to pass: a take parked on the
 * frontier's condition has looked at the queues and the time and found nothing it may hand out.
 */
final class PendingTake<T> {
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final Thread thread;

    private PendingTake(Frontier<T> frontier) {
        thread = new Thread(() -> {
            try {
                result.complete(frontier.take());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "pending-take");
        thread.setDaemon(true);
    }

    /** Starts a take on a new thread. */
    static <T> PendingTake<T> start(Frontier<T> frontier) {
        PendingTake<T> p = new PendingTake<>(frontier);
        p.thread.start();
        return p;
    }

    /**
     * Starts a take and returns once it waits: it found nothing to hand out now. Fails only if
     * it returns instead, or is stuck for {@link ManualTicker#STUCK} without ever waiting.
     */
    static <T> PendingTake<T> waiting(Frontier<T> frontier) {
        PendingTake<T> p = start(frontier);
        await().atMost(ManualTicker.STUCK)
                .until(() -> p.result.isDone() || parkedOnCondition(p.thread));
        assertThat(p.result).as("take() should wait, found nothing to hand out").isNotDone();
        return p;
    }

    /** Starts a take, checks that it waits, and calls it off (by interrupting it). */
    static <T> void assertNothingToHandOut(Frontier<T> frontier) {
        PendingTake<T> p = waiting(frontier);
        p.thread.interrupt();
        await().atMost(ManualTicker.STUCK).until(p.result::isDone);
        assertThat(p.result).isCompletedExceptionally();
    }

    /** The take's item (null when the frontier said the crawl is over), once it has one. */
    T get() throws Exception {
        return result.get(ManualTicker.STUCK.toSeconds(), TimeUnit.SECONDS);
    }

    boolean isDone() {
        return result.isDone();
    }

    Thread thread() {
        return thread;
    }

    /**
     * Whether the thread is parked in a wait on a condition inside {@link Frontier#take()}: not
     * waiting for the lock (to enter, or to come back after a signal) but waiting after having
     * looked.
     */
    static boolean parkedOnCondition(Thread t) {
        Thread.State s = t.getState();
        if (s != Thread.State.WAITING && s != Thread.State.TIMED_WAITING) {
            return false;
        }
        boolean inCondition = false;
        for (StackTraceElement e : t.getStackTrace()) {
            String cls = e.getClassName();
            String m = e.getMethodName();
            if (cls.startsWith("java.util.concurrent.locks.") && m.startsWith("acquire")
                    && !inCondition) {
                return false; // waiting for the lock, above any condition wait
            }
            if (cls.endsWith("$ConditionObject") && m.startsWith("await")) {
                inCondition = true;
            }
            if (cls.equals(Frontier.class.getName())) {
                return inCondition && m.equals("take");
            }
        }
        return false;
    }
}
