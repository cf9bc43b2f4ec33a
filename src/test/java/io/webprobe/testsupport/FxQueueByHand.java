package io.webprobe.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * The FX thread's queue for a model test without a window: what a lane posts waits here, and
 * the test's thread runs it when it says, so the test's thread is the FX thread.
 */
public final class FxQueueByHand {
    private final List<Runnable> queue = new CopyOnWriteArrayList<>();

    /** Posts {@code r} (as {@code Platform::runLater} would): pass {@code q::post}. */
    public void post(Runnable r) {
        queue.add(r);
    }

    /** Runs what is posted, as it comes, until {@code done} holds (at most 10 s). */
    public void settle(BooleanSupplier done) {
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> {
            while (!queue.isEmpty()) {
                queue.remove(0).run();
            }
            return done.getAsBoolean();
        });
    }
}
