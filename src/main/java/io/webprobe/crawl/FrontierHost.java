package io.webprobe.crawl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One host's queue in the {@link Frontier} and its limits: its items in memory, then its chunks
 * on disk, then its tail, oldest first; its items in flight; when it may start the next one.
 * Plain state, guarded by the frontier's lock.
 *
 * @param <T> the queued item
 */
final class FrontierHost<T> {
    /** A chunk on disk: its number and how many items it holds. */
    record Chunk(long id, int size) {}

    final ArrayDeque<T> items = new ArrayDeque<>();
    final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
    List<T> tail = new ArrayList<>();
    /** Items queued in all three places. */
    int queued;
    int inFlight;
    /** A worker is reading this host's next chunk. */
    boolean loading;
    /** Ticker time before which nothing more may start. */
    long notBefore;
    /** This host's own least gap between starts (Crawl-delay), in ns. */
    long gapNanos;
    /** Ticker time of the last start (valid once startedOnce). */
    long lastStart;
    /** The item of the last start, until it is known to have sent a request or none. */
    Object lastItem;
    /** notBefore and lastStart before the last start, for {@link Frontier#sentNothing}. */
    long notBeforeBefore;
    long lastStartBefore;
    boolean startedOnce;
    /** Whether the host is in the frontier's ready or waiting line. */
    boolean scheduled;
    /** The level of the first item in memory, -1 for none (or an item without one). */
    int firstLevel = -1;
    /** Whether firstLevel is counted in the levels' first items ({@link FrontierLevels}). */
    boolean inLevels = true;

    /** Records a start at {@code now}, keeping the last one for {@link #giveBackStart}. */
    void started(T item, long now) {
        lastItem = item;
        notBeforeBefore = notBefore;
        lastStartBefore = lastStart;
        lastStart = now;
        startedOnce = true;
    }

    /**
     * Gives the last start back when {@code item} was it (it sent no request); returns
     * whether it did.
     */
    boolean giveBackStart(T item) {
        if (lastItem != item) {
            return false;
        }
        lastItem = null;
        notBefore = notBeforeBefore;
        lastStart = lastStartBefore;
        return true;
    }
}
