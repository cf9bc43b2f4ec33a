package io.webprobe.ping;

import java.time.Duration;

/**
 * How a {@link PingJob} puts its requests on the wire. Two implementations:
 * {@link NioEngine} (event loops over non-blocking sockets, for plain http targets) and
 * {@link ThreadEngine} (one blocking worker per unit of concurrency, for everything else).
 *
 * <p>An engine takes request numbers from its {@link PingRun}, reports each finished request to
 * it, and calls the job's completion callback exactly once, from its own last thread, when it
 * has nothing left to do (finished or stopped; an engine stopped before it started calls it
 * from the thread calling {@link #start()}). The job calls the methods below from any
 * thread; they are thread-safe.
 */
interface PingEngine {

    /**
     * Set-up whose cost is the client's, not the server's, done before the run's clock starts
     * (the event loops warm their code up inside the process; the HTTP/2 workers open a
     * connection to each server and warm the client up);
     * completes, never exceptionally, with the requests it sent (not counted), when the engine
     * may start. Called once, before {@link PingRun#start}; returns at once, the work on the
     * engine's own threads.
     */
    default java.util.concurrent.CompletableFuture<Long> prepare() {
        return java.util.concurrent.CompletableFuture.completedFuture(0L);
    }

    /** Starts the engine's threads. Called once, after {@link PingRun#start}. */
    void start();

    /**
     * Abandons the requests in flight at once (their sockets are closed); the engine's threads
     * end soon after. Called after {@link PingRun#stop()}; may be called more than once, and
     * before {@link #start()}.
     */
    void stop();

    /** Waits for every thread of the engine to end; false when some are still alive. */
    boolean awaitTermination(Duration timeout) throws InterruptedException;
}
