package io.webprobe.crawl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The URLs waiting to be fetched, one queue per host, and the test for the end of a crawl:
 * nothing queued and nothing in flight. Thread-safe; one short lock, never held during I/O or
 * while calling out (the overflow's {@code write} only hands a chunk over). The counters
 * ({@link #queued()}, {@link #inFlight()}, {@link #isPaused()}) are read without it.
 *
 * <p>Each host's queue is first in, first out (breadth first); hosts take turns. A host is
 * handed out only while it has fewer than {@code maxPerHost} items in flight and its next
 * allowed start time has come (the per-host delay, a robots.txt Crawl-delay, or a server's
 * Retry-After). A host that must wait never holds back another: {@link #take()} hands out the
 * next host that is ready and sleeps only when none is, until the earliest one will be.
 *
 * <p>Memory is bounded: each host keeps at most {@link Limits#perHost} items in memory and all
 * hosts together about {@link Limits#total}; beyond that, a host's newer items are collected in
 * a tail and handed to the {@link Overflow} in chunks (the crawl file), to be read back in order
 * when the host's items in memory run out. So a host's queue is: its items in memory, then its
 * chunks on disk, then its tail, oldest first.
 *
 * <p>Items that need no request (a folder excluded while the crawl runs: each only gets its
 * "skipped" row) can be moved out of their hosts' queues into one unpaced line
 * ({@link #expedite}), which {@code take} hands out first, without any host's gap or limit.
 *
 * <p>Levels, for depths as browsers count clicks: given a level for each item (a page's depth;
 * -1 for items whose answer takes on no URL of the site, such as external links), no item is
 * handed out while an item of a lower level is still queued, and {@link #awaitShallower} lets
 * a worker that fetched a page wait, before it takes on the page's links, until no item of a
 * lower level is in flight. So every URL is first found from a page at the least depth that
 * links to it (breadth first, exactly, unless a shallower page takes longer than the levels'
 * patience, 2 s, to answer), while workers still fetch the next level's pages as the last of
 * a level finish.
 *
 * <p>Workers loop on {@link #take()} and call {@link #done} after each item. {@code take}
 * blocks while paused, or while nothing is ready but work is still queued or in flight, and
 * returns null once the crawl is over or stopped. Time is read from a {@link Ticker}; a test
 * that moves a manual ticker calls {@link #timeMoved()} so waiting workers look again.
 *
 * <p>Parts: each host's queue and limits are a {@link FrontierHost}, the levels' bookkeeping is
 * {@link FrontierLevels}, the unpaced line is an {@link UnpacedLine}; all under this lock.
 *
 * @param <T> the queued item
 */
final class Frontier<T> {

    /** Keeps chunks of queued items out of memory. */
    interface Overflow<T> {
        /** Takes a chunk; must not block. Returns its number. */
        long write(List<T> items);

        /** Reads a chunk back (it is then forgotten); may wait for it to be stored. */
        List<T> read(long chunk) throws InterruptedException;
    }

    /**
     * How many queued items stay in memory.
     *
     * @param perHost items of one host held in memory before its newer ones go to the tail
     * @param total items of all hosts held in memory (queues and tails) before tails are
     *     written out early
     * @param chunk items per chunk written to the overflow
     */
    record Limits(int perHost, int total, int chunk) {
        /** Everything in memory: for tests and tiny crawls. */
        static final Limits UNBOUNDED = new Limits(Integer.MAX_VALUE, Integer.MAX_VALUE, 1);
        /**
         * A tenth of the heap for queued URLs, at about 250 bytes each, between 10,000 and
         * 100,000 (about 25 MB).
         */
        static final Limits DEFAULT = new Limits(4_000, (int) Math.max(10_000, Math.min(100_000,
                Runtime.getRuntime().maxMemory() / 10 / 250)), 2_000);
    }

    /**
     * Told of every hand-out, for tests that check spacing against the times the frontier
     * itself used rather than against when requests reached a server. Called under the
     * frontier's lock, in hand-out order: it must be quick and must not call the frontier.
     */
    @FunctionalInterface
    interface StartLog<T> {
        /**
         * @param item the item handed out
         * @param nanos the ticker time of the hand-out, from which its host's gap counts
         */
        void started(T item, long nanos);
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Function<T, String> hostOf;
    private final int maxPerHost;
    private final long gapNanos;
    private final Ticker ticker;
    private final Limits limits;
    private final Overflow<T> overflow;
    /** Null but in tests. */
    private final StartLog<T> startLog;
    private final Map<String, FrontierHost<T>> hosts = new HashMap<>();
    /** The levels' bookkeeping (see the class comment). */
    private final FrontierLevels<T> levels;
    /**
     * Levels (see the class comment).
     *
     * @param levelOf an item's level (a page's depth), or -1 for an item that takes on no URL
     *     of the site
     * @param patienceNanos how long an item in flight holds deeper ones from taking on their
     *     links: one slower than this (a page that times out) does not hold the crawl up
     */
    record Levels<T>(ToIntFunction<T> levelOf, long patienceNanos) {
        /** How long a shallower page holds deeper ones by default. */
        static final java.time.Duration PATIENCE = java.time.Duration.ofSeconds(2);
    }
    /** Items handed out before any host's, without a gap or limit ({@link #expedite}). */
    private final UnpacedLine<T> unpaced = new UnpacedLine<>();
    /** Hosts with an item that may start now, in turn order. */
    private final ArrayDeque<FrontierHost<T>> ready = new ArrayDeque<>();
    /** Hosts with an item that may start later, earliest first. */
    private final PriorityQueue<FrontierHost<T>> waiting =
            new PriorityQueue<>((a, b) -> Long.compare(a.notBefore, b.notBefore));
    /*
     * The three counters a crawl's progress shows are volatile: written only under the lock,
     * read without it, so the FX thread's tick never waits for a take that is going through
     * every queue for an exclusion (moveUnpaced).
     */
    private volatile int queued;
    private volatile int inFlight;
    private volatile boolean paused;
    /** Items in memory: hosts' queues and tails. */
    private int inMemory;
    private boolean stopped;
    private boolean started;

    /** One queue for everything, no per-host limit or delay, all in memory. */
    Frontier() {
        this(item -> "", Integer.MAX_VALUE, 0);
    }

    /** All in memory, on the system clock. */
    Frontier(Function<T, String> hostOf, int maxPerHost, long gapNanos) {
        this(hostOf, maxPerHost, gapNanos, Ticker.SYSTEM, Limits.UNBOUNDED, null);
    }

    /**
     * @param hostOf the host key of an item (items of one key share the limits)
     * @param maxPerHost items of one host in flight at most
     * @param gapNanos the least time between two starts on one host, in ns (0 for none)
     * @param ticker the clock of start times and waits
     * @param limits how many items stay in memory
     * @param overflow where the rest goes; may be null only with {@link Limits#UNBOUNDED}
     */
    Frontier(Function<T, String> hostOf, int maxPerHost, long gapNanos, Ticker ticker,
            Limits limits, Overflow<T> overflow) {
        this(hostOf, maxPerHost, gapNanos, ticker, limits, overflow, null);
    }

    /**
     * As the six-argument constructor, telling {@code startLog} (when not null) of every
     * hand-out: for tests.
     */
    Frontier(Function<T, String> hostOf, int maxPerHost, long gapNanos, Ticker ticker,
            Limits limits, Overflow<T> overflow, StartLog<T> startLog) {
        this(hostOf, maxPerHost, gapNanos, ticker, limits, overflow, startLog, null);
    }

    /** As the seven-argument constructor, with levels (null for none). */
    Frontier(Function<T, String> hostOf, int maxPerHost, long gapNanos, Ticker ticker,
            Limits limits, Overflow<T> overflow, StartLog<T> startLog, Levels<T> levels) {
        if (maxPerHost < 1) {
            throw new IllegalArgumentException("maxPerHost must be >= 1, was " + maxPerHost);
        }
        if (overflow == null && limits != Limits.UNBOUNDED) {
            throw new IllegalArgumentException("bounded limits need an overflow");
        }
        this.hostOf = hostOf;
        this.maxPerHost = maxPerHost;
        this.gapNanos = gapNanos;
        this.ticker = ticker;
        this.limits = limits;
        this.overflow = overflow;
        this.startLog = startLog;
        this.levels = new FrontierLevels<>(levels, ticker, changed, lock.newCondition());
    }

    /**
     * Queues an item at the end of its host's queue.
     *
     * @return false when the frontier was stopped: the item is dropped, as the queued ones
     *     were, and left for the caller to count ({@link #stop()} did not)
     */
    boolean add(T item) {
        lock.lock();
        try {
            if (stopped) {
                return false;
            }
            started = true;
            if (unpaced.offer(item)) {
                inMemory++;
                queued++;
                changed.signal();
                return true;
            }
            FrontierHost<T> h = host(hostOf.apply(item));
            // while a chunk is read back (the lock released) it is in neither list yet: the
            // new item goes to the tail, behind it
            boolean inOrder = !h.loading && h.chunks.isEmpty() && h.tail.isEmpty();
            if (inOrder && h.items.size() < limits.perHost() && inMemory < limits.total()) {
                h.items.addLast(item);
            } else {
                h.tail.add(item);
                if (h.tail.size() >= limits.chunk() || inMemory >= limits.total()) {
                    spillTail(h);
                }
            }
            inMemory++;
            h.queued++;
            queued++;
            levels.rehead(h);
            schedule(h, ticker.nanoTime());
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Hands a host's tail to the overflow as one chunk; lock held. */
    private void spillTail(FrontierHost<T> h) {
        List<T> chunk = h.tail;
        h.tail = new ArrayList<>();
        h.chunks.addLast(new FrontierHost.Chunk(overflow.write(chunk), chunk.size()));
        inMemory -= chunk.size();
    }

    /**
     * Marks the crawl as begun even if nothing was queued (a resumed crawl with nothing left):
     * {@link #take()} then returns null at once instead of waiting for a first item.
     */
    void begin() {
        lock.lock();
        try {
            started = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves every queued item that {@code test} accepts, and every one queued or read back
     * from the overflow later, to the unpaced line: {@link #take()} hands those out first,
     * without waiting for their host's gap and without counting them against its limit. For
     * items that need no request. Items in chunks on disk move when their chunk is read back.
     *
     * <p>Returns at once (the caller may be the FX thread): the next worker in {@link #take()}
     * goes through the queues, under the lock.
     *
     * @param test called under the lock for each item: must be quick and call nothing else
     */
    void expedite(java.util.function.Predicate<T> test) {
        lock.lock();
        try {
            unpaced.alsoTake(test);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Moves the queued items in memory that the unpaced test accepts; lock held. */
    private void moveUnpaced() {
        for (FrontierHost<T> h : hosts.values()) {
            h.queued -= unpaced.moveFrom(h.items) + unpaced.moveFrom(h.tail);
            levels.rehead(h);
        }
    }

    /**
     * Puts a taken item back at the head of its host's queue and keeps that whole host waiting
     * for {@code delayNanos} (a server asked us to slow down). The caller still calls
     * {@link #done} for the take; until then, and while the item waits, the crawl is not over.
     *
     * @return false when the frontier was stopped meanwhile: the item is dropped, as the
     *     queued ones were ({@link #stop()} did not count it, being in flight)
     */
    boolean retryLater(T item, long delayNanos) {
        lock.lock();
        try {
            if (stopped) {
                return false;
            }
            if (unpaced.offer(item)) { // excluded meanwhile: no need to wait
                inMemory++;
                queued++;
                changed.signal();
                return true;
            }
            FrontierHost<T> h = host(hostOf.apply(item));
            h.items.addFirst(item);
            levels.rehead(h);
            h.queued++;
            inMemory++;
            queued++;
            h.notBefore = Math.max(h.notBefore, ticker.nanoTime() + delayNanos);
            reschedule(h);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sets one host's own least gap between starts (a robots.txt Crawl-delay); the larger of it
     * and the frontier-wide gap applies.
     */
    void setHostGap(String hostKey, long nanos) {
        lock.lock();
        try {
            FrontierHost<T> h = host(hostKey);
            h.gapNanos = nanos;
            if (h.startedOnce) {
                // the gap is usually learnt after the host's first start (from its robots.txt):
                // it holds from that start on, so the second request waits too
                long next = h.lastStart + Math.max(gapNanos, nanos);
                if (next - h.notBefore > 0) {
                    h.notBefore = next;
                    reschedule(h);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next item, counted as in flight until {@link #done}; null when the crawl is over
     * (nothing queued and nothing in flight after the first item) or stopped.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    T take() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (stopped) {
                    return null;
                }
                if (unpaced.rescanDue()) {
                    moveUnpaced();
                }
                long now = ticker.nanoTime();
                if (!paused && !unpaced.isEmpty()) {
                    T next = unpaced.handOut();
                    queued--;
                    inMemory--;
                    inFlight++;
                    levels.handedOut(next);
                    if (!unpaced.isEmpty() || !ready.isEmpty() || !waiting.isEmpty()) {
                        changed.signal();
                    }
                    return next;
                }
                long cappedWait = levels.releaseCapped(now);
                if (!paused) {
                    while (!waiting.isEmpty() && waiting.peek().notBefore - now <= 0) {
                        FrontierHost<T> due = waiting.poll();
                        ready.addLast(due);
                        levels.holds(due, true);
                    }
                    FrontierHost<T> h = levels.nextReady(ready);
                    if (h != null) {
                        h.scheduled = false;
                        if (h.items.isEmpty()) {
                            refill(h);
                            continue; // the host is lined up again (or stopped meanwhile)
                        }
                        T next = h.items.pollFirst();
                        levels.rehead(h);
                        h.queued--;
                        queued--;
                        inMemory--;
                        inFlight++;
                        h.inFlight++;
                        levels.handedOut(next);
                        h.started(next, now);
                        if (startLog != null) {
                            startLog.started(next, now);
                        }
                        long gap = Math.max(gapNanos, h.gapNanos);
                        if (gap > 0) {
                            h.notBefore = now + gap;
                        }
                        schedule(h, now); // to the back of the turn order, or to wait
                        if (!ready.isEmpty() || !waiting.isEmpty()) {
                            // this thread may have been the one timing the earliest waiting
                            // host: hand that duty (or the next ready host) to another
                            changed.signal();
                        }
                        return next;
                    }
                }
                if (started && inFlight == 0 && queued == 0) {
                    changed.signalAll(); // wake the other idle workers: the crawl is over
                    return null;
                }
                if (!paused && !waiting.isEmpty()) {
                    changed.awaitNanos(Math.min(cappedWait, waiting.peek().notBefore - now));
                } else if (!paused && cappedWait < Long.MAX_VALUE) {
                    changed.awaitNanos(cappedWait);
                } else {
                    changed.await();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Fills an empty host queue: from its oldest chunk (read without the lock; the host is not
     * handed out meanwhile, and still counts as queued so the crawl cannot end), or from its
     * tail when no chunk is left. Lock held on entry and on return.
     */
    private void refill(FrontierHost<T> h) throws InterruptedException {
        FrontierHost.Chunk c = h.chunks.pollFirst();
        if (c == null) {
            h.items.addAll(h.tail);
            h.tail = new ArrayList<>();
            levels.rehead(h);
            schedule(h, ticker.nanoTime());
            return;
        }
        h.loading = true;
        List<T> loaded = null;
        lock.unlock();
        try {
            loaded = overflow.read(c.id());
        } finally {
            lock.lock();
            h.loading = false;
            if (loaded == null) {
                h.chunks.addFirst(c); // not read (interrupted): it stays first
            } else if (!stopped) {
                h.items.addAll(loaded);
                levels.rehead(h);
                inMemory += loaded.size();
                if (unpaced.active()) {
                    h.queued -= unpaced.moveFrom(h.items);
                    levels.rehead(h);
                    if (!unpaced.isEmpty()) {
                        changed.signal();
                    }
                }
            }
            schedule(h, ticker.nanoTime());
        }
    }

    /**
     * The item just taken sent its host no request (robots.txt forbids it, say): its start
     * does not count against the host's gap, so the next item need not wait for it. Only the
     * host's last start is given back (the usual case: the gap lets one start at a time).
     * Before {@link #done}.
     */
    void sentNothing(T item) {
        lock.lock();
        try {
            FrontierHost<T> h = hosts.get(hostOf.apply(item));
            if (h != null && h.giveBackStart(item)) {
                reschedule(h);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Marks a taken item as finished, which may let its host hand out the next one. */
    void done(T item) {
        lock.lock();
        try {
            inFlight--;
            levels.done(item);
            FrontierHost<T> h = unpaced.done(item) ? null : hosts.get(hostOf.apply(item));
            if (h != null) {
                h.inFlight--;
                schedule(h, ticker.nanoTime());
            }
            if (inFlight == 0 && queued == 0) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops everything queued and makes every {@link #take()} return null.
     *
     * @return how many queued items were dropped (0 when already stopped)
     */
    int stop() {
        lock.lock();
        try {
            int dropped = queued;
            stopped = true;
            paused = false;
            queued = 0;
            inMemory = 0;
            hosts.clear();
            unpaced.clear();
            ready.clear();
            waiting.clear();
            levels.clear();
            changed.signalAll();
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /**
     * While paused, {@link #take()} hands out nothing; items in flight finish normally. Pausing
     * takes no lock (Pause, on the FX thread, never waits for a take scanning every queue): a
     * take reads the flag under the lock before it hands an item out, and one that already
     * decided hands that one out, as an item in flight. Resuming wakes the waiting takes.
     */
    void setPaused(boolean pause) {
        paused = pause;
        if (pause) {
            return;
        }
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The ticker moved (a test's manual clock): waiting workers look at the time again. */
    void timeMoved() {
        lock.lock();
        try {
            changed.signalAll();
            levels.wake();
        } finally {
            lock.unlock();
        }
    }

    /** Read without the lock, so it never waits for a take's scan; may be a moment old. */
    boolean isPaused() {
        return paused;
    }

    /** Read without the lock, so it never waits for a take's scan; may be a moment old. */
    int queued() {
        return queued;
    }

    /** Read without the lock, so it never waits for a take's scan; may be a moment old. */
    int inFlight() {
        return inFlight;
    }

    /**
     * Waits until no item of a lower level than {@code item}'s is in flight (every page
     * shallower than this one has taken on its links), or the frontier stops. Items without a
     * level return at once. Items of lower levels that are only queued do not hold it (a page
     * waiting for a server's Retry-After, say): {@link #take()} hands those out first anyway.
     * Nor does one in flight for longer than the levels' patience (a page that times out
     * would otherwise hold every deeper page for its whole timeout).
     */
    void awaitShallower(T item) throws InterruptedException {
        if (levels.level(item) <= 0) {
            return;
        }
        lock.lock();
        try {
            levels.await(item, () -> stopped);
        } finally {
            lock.unlock();
        }
    }

    /** Items held in memory now (for tests of the bound). */
    int inMemory() {
        lock.lock();
        try {
            return inMemory;
        } finally {
            lock.unlock();
        }
    }

    private FrontierHost<T> host(String key) {
        return hosts.computeIfAbsent(key, k -> new FrontierHost<>());
    }

    /** Re-places a host whose start time moved (remove/add keeps both lines ordered). */
    private void reschedule(FrontierHost<T> h) {
        if (h.scheduled) {
            ready.remove(h);
            waiting.remove(h);
            h.scheduled = false;
        }
        schedule(h, ticker.nanoTime());
    }

    /** Puts a host in line if it has an item it may start (now or later); lock held. */
    private void schedule(FrontierHost<T> h, long now) {
        if (h.queued > 0 && h.inFlight >= maxPerHost && !h.scheduled) {
            levels.capped(h); // until an item of it is done
            return;
        }
        levels.uncapped(h);
        if (h.scheduled || h.loading || h.queued == 0) {
            return;
        }
        h.scheduled = true;
        if (h.notBefore - now > 0) {
            waiting.add(h);
            levels.holds(h, h.notBefore - now <= levels.patienceNanos());
        } else {
            ready.addLast(h);
            levels.holds(h, true);
        }
        changed.signal(); // one idle worker takes it, or times the wait for it
    }
}
