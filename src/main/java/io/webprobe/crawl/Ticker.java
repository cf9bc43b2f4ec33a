package io.webprobe.crawl;

/**
 * A source of monotonic time in nanoseconds, as {@link System#nanoTime()} gives it. The crawl's
 * timing rules (per-host gaps, Retry-After waits) read time only through one, so tests can
 * drive them with a manual clock instead of waiting for real time to pass.
 */
@FunctionalInterface
public interface Ticker {
    /** The system's monotonic clock. */
    Ticker SYSTEM = System::nanoTime;

    long nanoTime();
}
