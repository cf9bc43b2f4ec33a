package io.webprobe.ping;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * One event-loop thread of the {@link NioEngine} ({@code ping-loop-N}): a {@link Selector} and
 * its share of the job's connections. Each turn it starts the connections that have a request
 * to begin, fails the requests whose deadline has passed, and waits on the selector until a
 * socket is ready, the next open-loop request is due, or the nearest deadline comes.
 *
 * <p>Host names are resolved before the clock ({@link NioTargets#resolveAll}); a target that
 * cannot be set up (a name that does not resolve, a port out of range) gets one failure,
 * recorded by the first loop as it starts ({@link PingRun#recordSkipped}), and no request.
 * Anything unexpected (a bug, out of memory) fails the whole run through
 * {@link PingRun#fail}, which the job reports in one sentence: a loop never dies silently.
 *
 * <p>Open-loop pacing: the selector only waits in whole milliseconds, so the last fraction of
 * a millisecond before an intended start is slept with {@link LockSupport#parkNanos}: in one go
 * when none of the loop's requests is in flight, else in steps of at most {@value #STEP_MICROS}
 * µs, polling the sockets between steps. Requests go out within about 0.1 ms of their intended
 * start, and responses are timed to about the same.
 *
 * <p>Everything here runs on the loop thread, except {@link #wakeup()} (any thread).
 */
final class NioLoop implements Runnable {
    private static final long STEP_MICROS = 100;
    private static final long STEP_NANOS = TimeUnit.MICROSECONDS.toNanos(STEP_MICROS);
    private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int READ_BUFFER_BYTES = 64 * 1024;

    private final PingRun run;
    private final Runnable onEnd;
    private final Consumer<Throwable> onFailure;
    private final ArrayDeque<NioConnection> ready = new ArrayDeque<>();
    private final StartQueue<NioConnection> waiting = new StartQueue<>(NioConnection::intended);
    /** Connections waiting for their endpoint's first TLS handshake (checked every turn). */
    private final ArrayDeque<NioConnection> gated = new ArrayDeque<>();
    /** Shared by the loop's connections: each read is parsed before the next one. */
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
    private final Consumer<SelectionKey> dispatch =
            k -> ((NioConnection) k.attachment()).onReady(k);
    private final Selector selector;
    private final NioConnection[] connections;
    /** This loop records the skipped targets' failures as it starts (the engine's first). */
    private final boolean first;
    private RecordRing ring;
    private long nextDeadline;
    private boolean deadlineArmed;
    private int retired;
    /** Requests of this loop between begin and their end. */
    private int inFlight;

    /**
     * Opens the selector and prepares the connections (no socket yet), on the caller's thread.
     *
     * @param run the shared run state
     * @param targets the plan's targets, encoded
     * @param connectionCount this loop's share of the concurrency
     * @param onEnd called on the loop thread when the loop ends, whatever the reason
     * @param onFailure called on the loop thread when it fails unexpectedly (before onEnd)
     * @throws IOException when no selector can be opened
     */
    NioLoop(PingRun run, NioTargets targets, int firstSlot, int connectionCount, Runnable onEnd,
            Consumer<Throwable> onFailure) throws IOException {
        this.run = run;
        this.onEnd = onEnd;
        this.onFailure = onFailure;
        this.first = firstSlot == 0;
        this.selector = Selector.open();
        connections = new NioConnection[connectionCount];
        for (int i = 0; i < connectionCount; i++) {
            connections[i] = new NioConnection(this, run, targets, firstSlot + i);
        }
    }

    /** Makes a waiting loop look at the run's state now (stop). Any thread. */
    void wakeup() {
        selector.wakeup();
    }

    /** Releases the selector of a loop that never ran. Any thread. */
    void closeUnstarted() {
        closeSelector();
    }

    @Override
    public void run() {
        try {
            if (run.stopping()) {
                return;
            }
            ring = run.newRing(false);
            if (first) {
                run.recordSkipped(ring);
            }
            for (NioConnection c : connections) {
                c.next();
            }
            turns();
        } catch (Throwable t) {
            onFailure.accept(t);
        } finally {
            for (NioConnection c : connections) {
                try {
                    c.abandon();
                } catch (RuntimeException ignored) {
                    // ending anyway
                }
            }
            closeSelector();
            onEnd.run();
        }
    }

    private void closeSelector() {
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing; nothing to report
        }
    }

    private void turns() throws IOException {
        while (!run.stopping() && retired < connections.length) {
            for (int n = ready.size(); n > 0 && !run.stopping(); n--) {
                ready.pollFirst().next();
            }
            for (int n = gated.size(); n > 0 && !run.stopping(); n--) {
                NioConnection c = gated.pollFirst();
                c.retryGate(); // goes on, or back into the list
            }
            long now = run.now();
            long startIn = startDue(now);
            if (deadlineArmed && now - nextDeadline >= 0) {
                expireDeadlines(now);
            }
            if (retired == connections.length || run.stopping()) {
                return;
            }
            long timeout = gated.isEmpty() ? startIn : Math.min(startIn, MILLI);
            if (deadlineArmed) {
                // deadlines need no sub-millisecond precision: round up to whole ms
                long toDeadline = Math.max(0, nextDeadline - now);
                timeout = Math.min(timeout, (toDeadline + MILLI - 1) / MILLI * MILLI);
            }
            poll(ready.isEmpty() ? timeout : 0);
        }
    }

    /** Begins the waiting requests that are due; returns nanos until the next one (or MAX). */
    private long startDue(long now) {
        for (long wait; (wait = waiting.nanosToFirst(now)) != Long.MAX_VALUE; ) {
            if (wait > 0) {
                return wait;
            }
            waiting.poll().due();
        }
        return Long.MAX_VALUE;
    }

    private void poll(long timeoutNanos) throws IOException {
        Selector s = selector;
        if (timeoutNanos <= 0) {
            s.selectNow(dispatch);
        } else if (timeoutNanos == Long.MAX_VALUE) {
            s.select(dispatch);
        } else if (timeoutNanos >= MILLI) {
            s.select(dispatch, timeoutNanos / MILLI); // wakes a little early, never late
        } else if (s.selectNow(dispatch) == 0) {
            // Under a millisecond to the next start. With nothing in flight there is nothing to
            // time: sleep it out. Otherwise poll the sockets every step meanwhile.
            LockSupport.parkNanos(this,
                    inFlight == 0 ? timeoutNanos : Math.min(timeoutNanos, STEP_NANOS));
        }
    }

    private void expireDeadlines(long now) {
        deadlineArmed = false;
        for (NioConnection c : connections) {
            if (c.inFlight()) {
                if (now - c.deadline() >= 0) {
                    c.expire(); // the connection's next request starts on the next turn
                } else {
                    noteDeadline(c.deadline());
                }
            }
        }
    }

    // ---- called by this loop's connections ----

    /** A request started with this deadline. */
    void noteDeadline(long deadline) {
        if (!deadlineArmed || deadline - nextDeadline < 0) {
            nextDeadline = deadline;
            deadlineArmed = true;
        }
    }

    /** Runs the connection's {@link NioConnection#next()} on the next turn. */
    void schedule(NioConnection c) {
        ready.addLast(c);
    }

    /** The connection waits for its endpoint's first TLS handshake. */
    void gate(NioConnection c) {
        gated.addLast(c);
    }

    /** The connection waits for its request's intended start (earliest start first). */
    void await(NioConnection c) {
        waiting.add(c);
    }

    void retired() {
        retired++;
    }

    /** A request of this loop was sent. */
    void requestStarted() {
        inFlight++;
    }

    /** A request of this loop ended (completed or failed). */
    void requestEnded() {
        inFlight--;
    }

    Selector selector() {
        return selector;
    }

    ByteBuffer readBuffer() {
        return readBuffer;
    }

    /** This loop's ring of finished requests. */
    RecordRing ring() {
        return ring;
    }
}
