package io.webprobe.ping;

import java.util.PriorityQueue;
import java.util.function.ToLongFunction;

/**
 * What an event loop waits to start in an open loop: each entry with its request's intended
 * start ({@link System#nanoTime()} clock), taken earliest first whatever the order they came in.
 * A loop's connections do not claim their starts in time order: a URL with several connections
 * has claims several of its intervals ahead while another URL's next one is due sooner, and a
 * queue in arrival order held that one back behind them (22 ms late, every request, at 500
 * req/s over four URLs). Not thread-safe: one loop thread.
 */
final class StartQueue<T> {
    private final ToLongFunction<T> intended;
    // nanoTime values compare by their difference (they may wrap)
    private final PriorityQueue<T> queue;

    StartQueue(ToLongFunction<T> intended) {
        this.intended = intended;
        this.queue = new PriorityQueue<>((a, b) -> Long.signum(intended.applyAsLong(a)
                - intended.applyAsLong(b)));
    }

    void add(T t) {
        queue.add(t);
    }

    /** The entry that starts first, or null when none waits. */
    T peek() {
        return queue.peek();
    }

    /** Removes and returns the entry that starts first, or null. */
    T poll() {
        return queue.poll();
    }

    /** Nanoseconds from {@code now} to the first start (negative when due), or MAX if none. */
    long nanosToFirst(long now) {
        T first = queue.peek();
        return first == null ? Long.MAX_VALUE : intended.applyAsLong(first) - now;
    }

    int size() {
        return queue.size();
    }
}
