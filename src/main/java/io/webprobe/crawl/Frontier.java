package io.webprobe.crawl;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The URLs waiting to be fetched, one queue per host, and the test for the end of a crawl:
 * nothing queued and nothing in flight. Thread-safe; one short lock, never held during I/O or
 * while calling out.
 *
 * <p>Each host's queue is first in, first out (breadth first); hosts take turns. A host is
 * handed out only while it has fewer than {@code maxPerHost} items in flight and its next
 * allowed start time has come (the per-host delay, a robots.txt Crawl-delay, or a server's
 * Retry-After). A host that must wait never holds back another: {@link #take()} hands out the
 * next host that is ready and sleeps only when none is, until the earliest one will be.
 *
 * <p>Workers loop on {@link #take()} and call {@link #done} after each item. {@code take}
 * blocks while paused, or while nothing is ready but work is still queued or in flight, and
 * returns null once the crawl is over or stopped.
 *
 * @param <T> the queued item
 */
final class Frontier<T> {
    /** One host's queue and limits; guarded by the frontier's lock. */
    private static final class Host<T> {
        final ArrayDeque<T> items = new ArrayDeque<>();
        int inFlight;
        /** System.nanoTime() before which nothing more may start. */
        long notBefore;
        /** This host's own least gap between starts (Crawl-delay), in ns. */
        long gapNanos;
        /** System.nanoTime() of the last start (valid once startedOnce). */
        long lastStart;
        boolean startedOnce;
        /** Whether the host is in {@code ready} or {@code waiting}. */
        boolean scheduled;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Function<T, String> hostOf;
    private final int maxPerHost;
    private final long gapNanos;
    private final Map<String, Host<T>> hosts = new HashMap<>();
    /** Hosts with an item that may start now, in turn order. */
    private final ArrayDeque<Host<T>> ready = new ArrayDeque<>();
    /** Hosts with an item that may start later, earliest first. */
    private final PriorityQueue<Host<T>> waiting =
            new PriorityQueue<>((a, b) -> Long.compare(a.notBefore, b.notBefore));
    private int queued;
    private int inFlight;
    private boolean stopped;
    private boolean started;
    private boolean paused;

    /** One queue for everything, no per-host limit or delay. */
    Frontier() {
        this(item -> "", Integer.MAX_VALUE, 0);
    }

    /**
     * @param hostOf the host key of an item (items of one key share the limits)
     * @param maxPerHost items of one host in flight at most
     * @param gapNanos the least time between two starts on one host, in ns (0 for none)
     */
    Frontier(Function<T, String> hostOf, int maxPerHost, long gapNanos) {
        if (maxPerHost < 1) {
            throw new IllegalArgumentException("maxPerHost must be >= 1, was " + maxPerHost);
        }
        this.hostOf = hostOf;
        this.maxPerHost = maxPerHost;
        this.gapNanos = gapNanos;
    }

    /** Queues an item at the end of its host's queue; ignored after stop. */
    void add(T item) {
        lock.lock();
        try {
            if (stopped) {
                return;
            }
            started = true;
            Host<T> h = host(hostOf.apply(item));
            h.items.addLast(item);
            queued++;
            schedule(h, System.nanoTime());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Puts a taken item back at the head of its host's queue and keeps that whole host waiting
     * for {@code delayNanos} (a server asked us to slow down). The caller still calls
     * {@link #done} for the take; until then, and while the item waits, the crawl is not over.
     */
    void retryLater(T item, long delayNanos) {
        lock.lock();
        try {
            if (stopped) {
                return;
            }
            Host<T> h = host(hostOf.apply(item));
            h.items.addFirst(item);
            queued++;
            h.notBefore = Math.max(h.notBefore, System.nanoTime() + delayNanos);
            reschedule(h);
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
            Host<T> h = host(hostKey);
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
                long now = System.nanoTime();
                if (!paused) {
                    while (!waiting.isEmpty() && waiting.peek().notBefore - now <= 0) {
                        ready.addLast(waiting.poll());
                    }
                    Host<T> h = ready.pollFirst();
                    if (h != null) {
                        h.scheduled = false;
                        T next = h.items.pollFirst();
                        queued--;
                        inFlight++;
                        h.inFlight++;
                        h.lastStart = now;
                        h.startedOnce = true;
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
                    changed.awaitNanos(waiting.peek().notBefore - now);
                } else {
                    changed.await();
                }
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
            Host<T> h = hosts.get(hostOf.apply(item));
            if (h != null) {
                h.inFlight--;
                schedule(h, System.nanoTime());
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
            hosts.clear();
            ready.clear();
            waiting.clear();
            changed.signalAll();
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** While paused, {@link #take()} hands out nothing; items in flight finish normally. */
    void setPaused(boolean pause) {
        lock.lock();
        try {
            paused = pause;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean isPaused() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    int queued() {
        lock.lock();
        try {
            return queued;
        } finally {
            lock.unlock();
        }
    }

    int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    private Host<T> host(String key) {
        return hosts.computeIfAbsent(key, k -> new Host<>());
    }

    /** Re-places a host whose start time moved (remove/add keeps both lines ordered). */
    private void reschedule(Host<T> h) {
        if (h.scheduled) {
            ready.remove(h);
            waiting.remove(h);
            h.scheduled = false;
        }
        schedule(h, System.nanoTime());
    }

    /** Puts a host in line if it has an item it may start (now or later); lock held. */
    private void schedule(Host<T> h, long now) {
        if (h.scheduled || h.items.isEmpty() || h.inFlight >= maxPerHost) {
            return;
        }
        h.scheduled = true;
        if (h.notBefore - now > 0) {
            waiting.add(h);
        } else {
            ready.addLast(h);
        }
        changed.signal(); // one idle worker takes it, or times the wait for it
    }
}
