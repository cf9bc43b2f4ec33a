package io.webprobe.crawl;

import java.time.Duration;

/**
 * A crawl's running time with its pauses left out: the time it ran before a resume, plus the
 * time since it started here. Thread-safe (its own monitor; a few field writes).
 */
final class RunTime {
    private final Ticker ticker;
    private Duration before = Duration.ZERO;
    private long startNanos;
    private long endNanos;
    /** Time spent paused (ns), and when the current pause began (0 when not paused). */
    private long pausedNanos;
    private long pausedSince;

    RunTime(Ticker ticker) {
        this.ticker = ticker;
    }

    /** The time the crawl ran before this resume. */
    synchronized void ranBefore(Duration d) {
        before = d;
    }

    synchronized Duration ranBefore() {
        return before;
    }

    synchronized void start() {
        startNanos = ticker.nanoTime();
        if (pausedSince != 0) {
            // paused before it started: paused from its start (the wait before it is no
            // pause of its; counted as one, the clock read below zero)
            pausedSince = startNanos;
        }
    }

    synchronized void pause() {
        if (pausedSince == 0) {
            pausedSince = ticker.nanoTime();
        }
    }

    synchronized void resume() {
        if (pausedSince != 0) {
            if (startNanos != 0) { // a pause ended before the start is none of the run's
                pausedNanos += ticker.nanoTime() - pausedSince;
            }
            pausedSince = 0;
        }
    }

    /** The clock stops here. */
    synchronized void end() {
        endNanos = ticker.nanoTime();
    }

    synchronized Duration elapsed() {
        if (startNanos == 0) {
            return before;
        }
        long end = endNanos != 0 ? endNanos : ticker.nanoTime();
        long paused = pausedNanos + (pausedSince != 0 ? end - pausedSince : 0);
        return before.plusNanos(end - startNanos - paused);
    }
}
