package io.webprobe.crawl;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;

/**
 * The {@link Frontier}'s levels, for depths as browsers count clicks (see its class comment):
 * which level each host's first item is of, which items with a level are in flight and since
 * when, and which hosts at their in-flight limit hold deeper items back. Every method is
 * called with the frontier's lock held; {@link #await} waits on a condition of that lock.
 *
 * @param <T> the queued item
 */
final class FrontierLevels<T> {
    /** An item's level (-1: none), or null when items have no levels. */
    private final ToIntFunction<T> levelOf;
    private final long patienceNanos;
    private final Ticker ticker;
    /** The frontier's condition for takes: signalled when a host passed over may go now. */
    private final Condition changed;
    /** Signalled when an item with a level is done, the time moved, or the frontier stops. */
    private final Condition moved;
    /**
     * Per level: hosts whose first item in memory is of that level. A host's queue is in
     * level order as the crawl finds its URLs breadth first; the first items are compared, not
     * every queued one, so a queue out of order (a crawl resumed from a file made otherwise)
     * slows nothing down and never holds the crawl up.
     */
    private final LevelCounts firstAt = new LevelCounts();
    /**
     * Items with a level handed out and not done yet, with the ticker times of their hand-outs,
     * oldest first: an item put back at once ({@link Frontier#retryLater} with no delay) may be
     * handed out again before the first take's {@link Frontier#done}.
     */
    private final Map<T, ArrayDeque<Long>> inFlight = new IdentityHashMap<>();
    /**
     * Hosts with queued items that may not start one because their limit of items in flight
     * is reached: each holds deeper items of other hosts back while one of its items in flight
     * is within the levels' patience.
     */
    private final Set<FrontierHost<T>> capped = new LinkedHashSet<>();

    /**
     * @param levels the items' levels, or null for none
     * @param changed the frontier's condition for takes
     * @param moved a condition of the frontier's lock, for {@link #await}
     */
    FrontierLevels(Frontier.Levels<T> levels, Ticker ticker, Condition changed,
            Condition moved) {
        this.levelOf = levels == null ? null : levels.levelOf();
        this.patienceNanos = levels == null ? 0 : levels.patienceNanos();
        this.ticker = ticker;
        this.changed = changed;
        this.moved = moved;
    }

    /** How long a host's start holds deeper items, in ns (0 without levels). */
    long patienceNanos() {
        return patienceNanos;
    }

    int level(T item) {
        return levelOf == null ? -1 : levelOf.applyAsInt(item);
    }

    /** An item leaves the queue for a worker. */
    void handedOut(T item) {
        if (level(item) >= 0) {
            inFlight.computeIfAbsent(item, k -> new ArrayDeque<>(1)).addLast(ticker.nanoTime());
        }
    }

    /** A taken item is done: deeper items waiting for it may go on. */
    void done(T item) {
        ArrayDeque<Long> starts = inFlight.get(item);
        if (starts != null) {
            starts.pollFirst();
            if (starts.isEmpty()) {
                inFlight.remove(item);
            }
            moved.signalAll(); // workers waiting for the level below theirs
        }
    }

    /**
     * Waits until no item of a lower level than {@code item}'s is in flight within the
     * levels' patience, or {@code stopped} (see {@link Frontier#awaitShallower}).
     */
    void await(T item, BooleanSupplier stopped) throws InterruptedException {
        int level = level(item);
        if (level <= 0) {
            return;
        }
        while (!stopped.getAsBoolean()) {
            long now = ticker.nanoTime();
            long wait = 0;
            for (Map.Entry<T, ArrayDeque<Long>> e : inFlight.entrySet()) {
                if (level(e.getKey()) < level) {
                    wait = Math.max(wait, e.getValue().peekLast() + patienceNanos - now);
                }
            }
            if (wait <= 0) {
                return;
            }
            moved.awaitNanos(wait);
        }
    }

    /** Waiting workers look again (the time moved, or the frontier stopped). */
    void wake() {
        moved.signalAll();
    }

    /** A host reached its limit of items in flight with items queued. */
    void capped(FrontierHost<T> h) {
        capped.add(h);
    }

    /** A host is no longer at its limit: its first item holds deeper ones again. */
    void uncapped(FrontierHost<T> h) {
        if (capped.remove(h)) {
            holds(h, true);
        }
    }

    /**
     * Lets deeper items of other hosts go ahead of a capped host's first item once its last
     * hand-out is older than the levels' patience (its items in flight hang, say: the host
     * starts nothing until one ends, up to the whole timeout).
     *
     * @return nanoseconds until the next capped host's patience ends, or Long.MAX_VALUE
     */
    long releaseCapped(long now) {
        long wait = Long.MAX_VALUE;
        if (levelOf == null) {
            return wait;
        }
        for (FrontierHost<T> h : capped) {
            if (!h.inLevels) {
                continue;
            }
            long left = h.lastStart + patienceNanos - now;
            if (left <= 0) {
                holds(h, false);
            } else {
                wait = Math.min(wait, left);
            }
        }
        return wait;
    }

    /** Notes the level of a host's first item after its queue changed. */
    void rehead(FrontierHost<T> h) {
        T first = h.items.peekFirst();
        int level = first == null ? -1 : level(first);
        if (level != h.firstLevel) {
            int lowest = firstAt.lowest();
            if (h.inLevels) {
                firstAt.add(h.firstLevel, -1);
                firstAt.add(level, 1);
            }
            h.firstLevel = level;
            if (firstAt.lowest() > lowest) {
                changed.signalAll(); // hosts passed over for a deeper first item may go now
            }
        }
    }

    /**
     * Whether the host's first item holds deeper ones of other hosts back: not while the host
     * waits longer than the levels' patience (a Retry-After, a long Crawl-delay), which would
     * hold every other host that long.
     */
    void holds(FrontierHost<T> h, boolean holds) {
        if (holds == h.inLevels) {
            return;
        }
        int lowest = firstAt.lowest();
        firstAt.add(h.firstLevel, holds ? 1 : -1);
        h.inLevels = holds;
        if (firstAt.lowest() > lowest) {
            changed.signalAll();
        }
    }

    /**
     * The first host in turn order that may hand out its first item: one whose first item is
     * of no deeper level than another host's first (or that must read its items back first);
     * removed from the line. Null when none may.
     */
    FrontierHost<T> nextReady(ArrayDeque<FrontierHost<T>> ready) {
        int lowest = firstAt.lowest();
        for (Iterator<FrontierHost<T>> it = ready.iterator(); it.hasNext(); ) {
            FrontierHost<T> h = it.next();
            T first = h.items.peekFirst();
            if (first == null || h.firstLevel <= lowest) {
                it.remove();
                return h;
            }
        }
        return null;
    }

    /** Forgets everything (the frontier stopped). */
    void clear() {
        firstAt.clear();
        inFlight.clear();
        capped.clear();
        moved.signalAll();
    }

    /** Counts per level, and the lowest level counted. */
    private static final class LevelCounts {
        private int[] at = new int[16];
        private int lowest = Integer.MAX_VALUE;

        /** Adds {@code delta} at {@code level} (ignored for -1). */
        void add(int level, int delta) {
            if (level < 0) {
                return;
            }
            if (level >= at.length) {
                at = java.util.Arrays.copyOf(at, Math.max(level + 1, at.length * 2));
            }
            at[level] += delta;
            if (delta > 0) {
                lowest = Math.min(lowest, level);
            } else if (level == lowest && at[level] <= 0) {
                int l = level;
                while (l < at.length && at[l] <= 0) {
                    l++;
                }
                lowest = l == at.length ? Integer.MAX_VALUE : l;
            }
        }

        /** The lowest level with a count, or MAX_VALUE. */
        int lowest() {
            return lowest;
        }

        void clear() {
            java.util.Arrays.fill(at, 0);
            lowest = Integer.MAX_VALUE;
        }
    }
}
