package io.webprobe.ping;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Finished requests on their way from an engine thread to the statistics thread: a bounded
 * ring of primitive fields (no object per request). Each event loop has its own ring with one
 * producer; the blocking engine's workers share one, taking a producer lock for the few field
 * writes. The consumer is whoever holds the job's statistics lock: the statistics thread on
 * its tick, or a producer that found its ring full and drains it itself, so a stalled
 * statistics thread slows a loop down but never loses a request.
 *
 * <p>Producers publish an entry with a release store of {@code tail}; the consumer reads up to
 * an acquired {@code tail} and frees the slots with a release store of {@code head}.
 */
final class RecordRing {
    static final int FLAG_WARMUP = 1;
    static final int FLAG_LATE = 2;
    static final int FLAG_SUCCESS = 4;
    /** The response came over HTTP/2. */
    static final int FLAG_HTTP2 = 8;
    /** The response's status line said HTTP/1.0. */
    static final int FLAG_HTTP10 = 16;

    private static final VarHandle HEAD;
    private static final VarHandle TAIL;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            HEAD = l.findVarHandle(RecordRing.class, "head", long.class);
            TAIL = l.findVarHandle(RecordRing.class, "tail", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Applies drained entries (the statistics side). */
    interface Consumer {
        /**
         * @param target the target's index
         * @param status the HTTP status, 0 on failure
         * @param error the failure's {@link io.webprobe.http.ErrorKind} ordinal, or -1
         * @param flags {@link #FLAG_WARMUP}, {@link #FLAG_LATE}, {@link #FLAG_SUCCESS},
         *     {@link #FLAG_HTTP2}, {@link #FLAG_HTTP10}
         * @param doneNanos when the request ended (the run's clock)
         */
        void accept(int target, int status, int error, int flags, int hops, long responseMicros,
                long serviceMicros, long bytes, long doneNanos);
    }

    /** Drains a full ring on the producer's thread, under the statistics lock. */
    interface Overflow {
        void drainFull(RecordRing ring);
    }

    private final int mask;
    private final int[] target;
    private final int[] status;
    /** flags | (error + 1) << 8 | hops << 16 */
    private final int[] meta;
    private final long[] response;
    private final long[] service;
    private final long[] bytes;
    private final long[] done;
    private final ReentrantLock producers;
    private final Overflow overflow;
    @SuppressWarnings("unused") // accessed through HEAD
    private volatile long head;
    @SuppressWarnings("unused") // accessed through TAIL
    private volatile long tail;

    /**
     * @param capacity entries held (a power of two)
     * @param sharedByProducers whether several threads put (they then take a lock)
     * @param overflow drains the ring when a producer finds it full
     */
    RecordRing(int capacity, boolean sharedByProducers, Overflow overflow) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two");
        }
        mask = capacity - 1;
        target = new int[capacity];
        status = new int[capacity];
        meta = new int[capacity];
        response = new long[capacity];
        service = new long[capacity];
        bytes = new long[capacity];
        done = new long[capacity];
        producers = sharedByProducers ? new ReentrantLock() : null;
        this.overflow = overflow;
    }

    /** Adds one finished request (producer side). */
    void put(int targetIndex, int statusCode, int errorOrdinal, int flags, int hops,
            long responseMicros, long serviceMicros, long bodyBytes, long doneNanos) {
        if (producers != null) {
            producers.lock();
        }
        try {
            long t = (long) TAIL.getOpaque(this);
            if (t - (long) HEAD.getAcquire(this) > mask) {
                overflow.drainFull(this);
            }
            int i = (int) (t & mask);
            target[i] = targetIndex;
            status[i] = statusCode;
            meta[i] = flags | (errorOrdinal + 1) << 8 | hops << 16;
            response[i] = responseMicros;
            service[i] = serviceMicros;
            bytes[i] = bodyBytes;
            done[i] = doneNanos;
            TAIL.setRelease(this, t + 1);
        } finally {
            if (producers != null) {
                producers.unlock();
            }
        }
    }

    /**
     * Hands every published entry to the consumer and frees the slots. Callers hold the job's
     * statistics lock (one consumer at a time).
     *
     * @return how many entries were drained
     */
    int drain(Consumer c) {
        long h = (long) HEAD.getOpaque(this);
        long t = (long) TAIL.getAcquire(this);
        for (long k = h; k < t; k++) {
            int i = (int) (k & mask);
            int m = meta[i];
            c.accept(target[i], status[i], ((m >>> 8) & 0xFF) - 1, m & 0xFF, m >>> 16,
                    response[i], service[i], bytes[i], done[i]);
        }
        HEAD.setRelease(this, t);
        return (int) (t - h);
    }
}
