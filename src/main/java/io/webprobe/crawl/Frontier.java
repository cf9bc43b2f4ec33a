package io.webprobe.crawl;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue of URLs waiting to be fetched, in discovery order (breadth first), and the test
 * for the end of a crawl: nothing queued and nothing in flight. Thread-safe; one short lock,
 * never held during I/O or while calling out.
 *
 * <p>Workers loop on {@link #take()} and call {@link #done()} after each item. {@code take}
 * blocks while paused, or while the queue is empty but work is still in flight (that work may
 * add more), and returns null once the crawl is over or stopped.
 *
 * @param <T> the queued item
 */
final class Frontier<T> {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<T> queue = new ArrayDeque<>();
    private int inFlight;
    private boolean stopped;
    private boolean started;
    private boolean paused;

    /** Queues an item; ignored after stop. */
    void add(T item) {
        lock.lock();
        try {
            if (stopped) {
                return;
            }
            started = true;
            queue.addLast(item);
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next item, counted as in flight until {@link #done()}; null when the crawl is over
     * (queue empty and nothing in flight after the first item) or stopped.
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
                T next = paused ? null : queue.pollFirst();
                if (next != null) {
                    inFlight++;
                    return next;
                }
                if (started && inFlight == 0 && queue.isEmpty()) {
                    changed.signalAll(); // wake the other idle workers: the crawl is over
                    return null;
                }
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Marks one taken item as finished. */
    void done() {
        lock.lock();
        try {
            inFlight--;
            if (inFlight == 0 && queue.isEmpty()) {
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
            int dropped = queue.size();
            stopped = true;
            paused = false;
            queue.clear();
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
            return queue.size();
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
}
