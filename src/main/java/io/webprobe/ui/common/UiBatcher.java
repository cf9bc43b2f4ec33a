package io.webprobe.ui.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The one bridge from worker threads to the UI thread. Workers call {@link #offer}, which only
 * appends to a lock-free queue. A ticker posts at most one flush per period to the UI executor
 * (and none while one is still pending), and each flush hands everything queued so far to the
 * consumer as one list, so the UI sees one {@code addAll} per batch, ten times a second at most
 * with the default period, however fast results arrive.
 *
 * <p>The consumer runs on the UI executor ({@code Platform::runLater} in the app,
 * {@code Runnable::run} in tests) and is called on every tick, with an empty list when nothing
 * arrived, so it can refresh counters too. {@link #close()} stops the ticker and posts one last
 * flush.
 *
 * @param <T> the item type; items must be immutable (they cross threads)
 */
public final class UiBatcher<T> implements AutoCloseable {
    public static final Duration DEFAULT_PERIOD = Duration.ofMillis(100);

    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushPending = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Executor ui;
    private final Consumer<List<T>> consumer;
    private final ScheduledFuture<?> ticker;

    /**
     * Starts ticking.
     *
     * @param ui runs the consumer; must run tasks in submission order
     * @param timer schedules the ticks (shared; not shut down by this batcher)
     * @param period time between ticks
     * @param consumer receives each batch on the UI executor
     */
    public UiBatcher(Executor ui, ScheduledExecutorService timer, Duration period,
            Consumer<List<T>> consumer) {
        this.ui = ui;
        this.consumer = consumer;
        long p = period.toMillis();
        this.ticker = timer.scheduleAtFixedRate(this::tick, p, p, TimeUnit.MILLISECONDS);
    }

    /** Queues an item for the next batch. Never blocks; callable from any thread. */
    public void offer(T item) {
        queue.add(item);
    }

    private void tick() {
        if (flushPending.compareAndSet(false, true)) {
            ui.execute(this::flush);
        }
    }

    private void flush() {
        flushPending.set(false);
        List<T> batch = new ArrayList<>();
        for (T item; (item = queue.poll()) != null; ) {
            batch.add(item);
        }
        consumer.accept(batch);
    }

    /** Flushes now on the UI executor, whatever the ticker does. */
    public void flushNow() {
        ui.execute(this::flush);
    }

    /** Stops ticking and posts a final flush of whatever is queued. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            ticker.cancel(false);
            ui.execute(this::flush);
        }
    }
}
