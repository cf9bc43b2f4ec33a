package io.webprobe.crawl;

import java.util.concurrent.Semaphore;

/**
 * Keeps the pages being parsed at once within the heap: a parsed HTML document takes about ten
 * times its size in memory, so eight workers parsing 10 MB pages at once would need ~800 MB.
 * Each parse takes its estimated share of a budget (half the heap) and gives it back after; a
 * page larger than the whole budget is parsed alone. Small pages never wait. A page (or
 * stylesheet) above {@link LinkExtractor#STREAM_ABOVE} is read as a stream ({@link LargePage},
 * {@link CssUrls}) whose every piece is bounded ({@link TokenBoundingReader}), whatever the
 * page holds and however large it is, and counts as one of that size. Thread-safe.
 */
final class ParseBudget {
    /** How much memory a parsed document takes per byte of HTML, roughly. */
    private static final int EXPANSION = 10;
    private static final int UNIT = 1024;

    private final Semaphore units;
    private final int total;

    /** A budget of half the JVM's maximum heap. */
    static ParseBudget forHeap() {
        return new ParseBudget(Runtime.getRuntime().maxMemory() / 2);
    }

    ParseBudget(long bytes) {
        this.total = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / UNIT));
        this.units = new Semaphore(total, true);
    }

    /** Waits for room to parse a body of this size; give it back with {@link #release}. */
    int acquire(int bodyBytes) throws InterruptedException {
        int need = need(bodyBytes);
        units.acquire(need);
        return need;
    }

    void release(int taken) {
        units.release(taken);
    }

    /** Whether a parse is waiting for room (for tests). */
    boolean hasWaiters() {
        return units.hasQueuedThreads();
    }

    private int need(int bodyBytes) {
        // a large page is streamed: only some of it is a document at any time
        long parsed = Math.min(bodyBytes, LinkExtractor.STREAM_ABOVE);
        long n = parsed * EXPANSION / UNIT + 1;
        return (int) Math.min(n, total);
    }
}
