package io.webprobe.ui.crawl.live;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Pages per second over the last few seconds of crawl time. Fed the crawl's own clock (which
 * stops while paused), so a pause freezes the rate instead of dragging it to zero. Not
 * thread-safe.
 */
final class RateWindow {
    private record Sample(long elapsedNanos, long crawled) {}

    private final long windowNanos;
    private final Deque<Sample> samples = new ArrayDeque<>();

    RateWindow(Duration window) {
        this.windowNanos = window.toNanos();
    }

    /** Adds what the crawl counted at this point of its running time. */
    void add(Duration elapsed, long crawled) {
        long t = elapsed.toNanos();
        Sample last = samples.peekLast();
        if (last != null && t <= last.elapsedNanos()) {
            return; // paused: the clock stands still, and so does the rate
        }
        samples.addLast(new Sample(t, crawled));
        while (samples.size() > 2 && t - samples.peekFirst().elapsedNanos() > windowNanos) {
            samples.removeFirst();
        }
    }

    /** Pages per second over the window (0 until two samples apart in time). */
    double rate() {
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        if (first == null || last == first || last.elapsedNanos() <= first.elapsedNanos()) {
            return 0;
        }
        return (last.crawled() - first.crawled()) * 1e9 / (last.elapsedNanos()
                - first.elapsedNanos());
    }

    void clear() {
        samples.clear();
    }
}
