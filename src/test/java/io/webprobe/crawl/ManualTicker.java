package io.webprobe.crawl;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Ticker} that moves only when the test moves it, so the crawl's timing rules (per-host
 * gaps, Retry-After waits) are tested against exact times however slow the machine is.
 *
 * <p>It remembers the last time each thread read, so a test can wait until the workers have
 * looked at the clock since it moved: a worker reads the time in {@link Frontier#take()} under
 * the frontier's lock and hands out, in that same hold, whatever is due. Once two different
 * workers have read the new time, the first of them has finished deciding, so anything due by
 * then has been handed out and anything not handed out was not due.
 */
final class ManualTicker implements Ticker {
    /** Far from zero and from overflow, as {@link System#nanoTime()} may be. */
    static final long START = 1_000_000_000_000L;
    /** Only a wait that is really stuck lasts this long. */
    static final Duration STUCK = Duration.ofSeconds(30);

    private final AtomicLong now = new AtomicLong(START);
    private final Map<Thread, Long> lastRead = new ConcurrentHashMap<>();

    @Override
    public long nanoTime() {
        long t = now.get();
        lastRead.put(Thread.currentThread(), t);
        return t;
    }

    /** The time now, without counting as a read. */
    long now() {
        return now.get();
    }

    /** The time {@code d} after {@link #START}. */
    static long at(Duration d) {
        return START + d.toNanos();
    }

    void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    /**
     * Waits until {@code threads} threads whose names start with {@code prefix} have read the
     * time since it was last moved.
     */
    void awaitReadBy(String prefix, int threads) {
        await().atMost(STUCK).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> readersOfNow(prefix) >= threads);
    }

    private long readersOfNow(String prefix) {
        long t = now.get();
        return lastRead.entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith(prefix) && e.getValue() == t)
                .count();
    }
}
