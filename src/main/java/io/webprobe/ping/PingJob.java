package io.webprobe.ping;

import io.webprobe.NamedThreads;
import io.webprobe.http.Http1Probe;
import io.webprobe.http.HttpProbe;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running ping test. Owns a statistics thread ({@code ping-stats-1}), the {@link HttpProbe}
 * it is given, and one of two engines that put the requests on the wire, chosen explicitly
 * ({@link Engine}):
 * <ul>
 *   <li>{@link Engine#EVENT_LOOPS}: event loops over non-blocking sockets ({@link NioEngine},
 *       threads {@code ping-loop-N}, one per processor at most), http and https alike, at a
 *       fraction of a blocking client's CPU cost per request;
 *   <li>{@link Engine#WORKERS}: one blocking worker per unit of concurrency calling the probe
 *       ({@link ThreadEngine}, virtual threads {@code ping-worker-N}); needed to follow
 *       redirects and for HTTP/2 ({@link PingPlan#http2()}, through java.net.http), and the
 *       reference the event loops are tested against.
 * </ul>
 * Over HTTP/1.1 both speak through the same codec; both trust what {@link PingPlan#tls()}
 * trusts (the probe given to {@link Engine#WORKERS} must be built with the same trust, as
 * {@link #probeFor} builds it).
 *
 * <p>Request {@code i} goes to target {@code i % targets}. In a closed loop the next request
 * goes out on a connection as soon as the previous one ends. In {@link PingMode#RATE} request
 * {@code i} has the intended start {@code start + i / rate}; a free connection waits for it,
 * and response time is measured from it, so when the server (or a shortage of connections)
 * delays requests, that delay is in the figures instead of hidden (coordinated omission);
 * service time is measured from the actual send. Figures go through {@link PingStats}: memory
 * grows with the number of URLs (a few hundred bytes each), not with the number of requests.
 *
 * <p>Thread-safe. {@link #latest()} is a snapshot made four times a second by the statistics
 * thread; listeners run on the engine's threads (loop or worker threads), {@code onFinished}
 * on the statistics thread instead when an open loop waited for its duration's end or was
 * stopped while it waited ({@link #endWhenDue}). An unexpected failure
 * of an engine thread or of the statistics thread ends the run; its final snapshot says why
 * ({@link PingSnapshot#failure()}).
 */
public final class PingJob implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PingJob.class);
    private static final long TICK_MILLIS = 250;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    /** How the requests are put on the wire. */
    public enum Engine {
        /** Non-blocking event loops, http and https over HTTP/1.1; cannot follow redirects. */
        EVENT_LOOPS,
        /** Blocking workers over an {@link HttpProbe}; follows redirects, speaks HTTP/2. */
        WORKERS;

        /**
         * The engine for a plan: the event loops, unless it follows redirects or asks for
         * HTTP/2.
         */
        public static Engine forPlan(PingPlan plan) {
            return plan.followRedirects() || plan.http2() ? WORKERS : EVENT_LOOPS;
        }
    }

    private final PingPlan plan;
    private final HttpProbe probe;
    private final PingListener listener;
    private final PingStats stats;
    private final PingRun run;
    private final PingEngine engine;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final ScheduledExecutorService statsTimer;
    private final NamedThreads.Joinable statsThread = NamedThreads.joinable("ping-stats-");
    private final CompletableFuture<PingSnapshot> completion = new CompletableFuture<>();
    private volatile PingSnapshot latest;
    /** Orders a tick's snapshot before the final one ({@link #finish}). */
    private final Object latestLock = new Object();
    private volatile long endNanos;
    /** Started, and the engine still prepares (warms up) before the clock. */
    private volatile boolean warmingUp;
    /** Requests the engine sent before the clock (HTTP/2's opening and warm-up). */
    private volatile long beforeClock;

    /**
     * A job on {@link Engine#forPlan}'s engine; when that is {@link Engine#WORKERS} it uses
     * {@link #probeFor}'s probe.
     */
    public PingJob(PingPlan plan, PingListener listener) {
        this(plan, Engine.forPlan(plan), probeFor(plan), listener);
    }

    /**
     * The probe the workers use for a plan, with its user agent and trust: java.net.http where
     * the plan asks for HTTP/2 (it negotiates HTTP/2 by ALPN and multiplexes the requests to a
     * server over a connection, one client per 100 units of concurrency: {@link Http2Clients}),
     * else our own HTTP/1.1 client ({@link Http1Probe}, which can also turn keep-alive off).
     */
    public static HttpProbe probeFor(PingPlan plan) {
        Duration connect = plan.connectTimeoutInUse();
        return plan.http2()
                ? new Http2Clients(plan.userAgent(), connect, plan.tls(), plan.concurrency())
                : new Http1Probe(plan.userAgent(), connect, plan.tls());
    }

    /**
     * A job on {@link Engine#forPlan}'s engine, with the probe the {@link Engine#WORKERS} engine
     * uses (the event loops do not need it).
     *
     * @param probe the HTTP backend for redirect following; the job closes it either way
     */
    public PingJob(PingPlan plan, HttpProbe probe, PingListener listener) {
        this(plan, Engine.forPlan(plan), probe, listener);
    }

    /**
     * A job on the given engine.
     *
     * @throws IllegalArgumentException when the event loops are asked to follow redirects
     */
    public PingJob(PingPlan plan, Engine engine, HttpProbe probe, PingListener listener) {
        this(plan, engine, probe, listener, System::nanoTime);
    }

    PingJob(PingPlan plan, Engine engine, HttpProbe probe, PingListener listener,
            LongSupplier clock) {
        if (engine == Engine.EVENT_LOOPS && plan.followRedirects()) {
            throw new IllegalArgumentException("The event loops do not follow redirects");
        }
        if (engine == Engine.EVENT_LOOPS && plan.http2()) {
            throw new IllegalArgumentException("The event loops speak HTTP/1.1 only");
        }
        this.plan = plan;
        this.probe = probe;
        this.listener = listener;
        this.stats = new PingStats(plan);
        this.run = new PingRun(plan, listener, clock, stats);
        this.engine = newEngine(engine);
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, statsThread);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.statsTimer = timer;
        this.latest = stats.snapshot(run, false, 0);
    }

    private PingEngine newEngine(Engine engine) {
        if (engine == Engine.EVENT_LOOPS) {
            try {
                return new NioEngine(run, this::engineDone);
            } catch (IOException e) {
                log.warn("No event loop for the ping ({}); using worker threads", e.toString());
            }
        }
        return new ThreadEngine(run, probe, this::engineDone);
    }

    public PingPlan plan() {
        return plan;
    }

    /**
     * The requests sent before the clock started, not counted in any figure (HTTP/2 opens its
     * connections and warms its client up: {@link WorkerWarmUp}); 0 until the run has begun.
     */
    public long requestsBeforeClock() {
        return beforeClock;
    }

    /**
     * What a progress line says while {@link #warmingUp()}: nothing is counted yet, and the
     * figures and the clock stay at 0.
     */
    public static final String WARMING_UP = "Warming up the connections (not counted)…";

    /**
     * Whether the run has started and its engine still warms up before the clock ({@link
     * PingEngine#prepare}: ~50 ms on the event loops, up to 3 s on the workers, ADR 0017);
     * {@link #latest()} is all zeros meanwhile.
     */
    public boolean warmingUp() {
        return warmingUp;
    }

    /**
     * One sentence for each URL that could not be set up before the clock started (its host
     * name does not resolve, its port is out of range...) and so was not requested in the run:
     * its row has one failed request, which says why. Empty until the run has begun.
     */
    public List<String> notRequested() {
        List<String> out = new java.util.ArrayList<>();
        if (!run.started()) {
            return out;
        }
        for (int t = 0; t < run.targets().size(); t++) {
            io.webprobe.http.ErrorClassifier.Classified why = run.skipped(t);
            if (why != null) {
                String m = why.message();
                out.add(plan.shown(run.targets().get(t)) + ": "
                        + (m.endsWith(".") ? m.substring(0, m.length() - 1) : m)
                        + ", so it was not requested; its row counts that as one failed request.");
            }
        }
        return out;
    }

    /**
     * Why the first of target {@code t}'s counted requests that failed with an {@link
     * io.webprobe.http.ErrorKind#IO} error failed (a plain sentence: "The server did not answer
     * with HTTP/1.x: hello there"), or null when none did; {@code t} is the URL's place in the
     * plan, as in the snapshot's results.
     */
    public String firstIoError(int t) {
        // a URL not requested has its one failure said by notRequested()
        return run.started() && run.skipped(t) == null ? run.failures().ioWhy(t) : null;
    }

    /** The engine the requests go through. */
    public Engine engine() {
        return engine instanceof NioEngine ? Engine.EVENT_LOOPS : Engine.WORKERS;
    }

    /** Starts the requests. May be called once. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a ping job can be started only once");
        }
        try {
            // the statistics thread made now, not in the first milliseconds on the clock
            statsTimer.execute(() -> { });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closed before it started: begin() finds it so too
        }
        // the engine's set-up first (the event loops' warm-up, HTTP/2's connections)
        warmingUp = true;
        engine.prepare().whenComplete((sent, e) -> {
            try {
                beforeClock = sent == null ? 0 : sent;
                warmingUp = false;
                begin();
            } catch (Throwable t) {
                // nothing reads this future: the run ends with a sentence instead of hanging
                warmingUp = false;
                run.fail(t);
                stop();
                finish();
            }
        });
    }

    private void begin() {
        run.start(run.now(), System.currentTimeMillis());
        try {
            statsTimer.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS,
                    TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closed while the engine prepared: it starts stopped and ends at once
        }
        engine.start();
    }

    /** Whether the engine's threads have all ended ({@link #engineDone}). */
    private volatile boolean engineEnded;

    /** The engine's last thread ends: the run ends now, or at its duration's end. */
    private void engineDone() {
        engineEnded = true;
        endWhenDue();
    }

    /**
     * Ends the run, unless it is an open loop for a duration whose engine ran out of requests
     * before its end ({@link PingRun#untilEnd}): then this runs again on the statistics thread
     * when the time left has passed, and ends it once its clock has reached the end or the run
     * was stopped ({@link #stop} ends it at once).
     */
    private void endWhenDue() {
        long left = run.untilEnd(run.now());
        if (left <= 0) {
            finish();
            return;
        }
        try {
            statsTimer.schedule(this::endWhenDue, left, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            finish(); // ended meanwhile (a no-op) or closed: it ends now
        }
    }

    /** Whether the engine's threads have all ended (tests). */
    boolean engineEnded() {
        return engineEnded;
    }

    /** Whether the requests go through the event-loop engine (tests). */
    boolean usesEventLoops() {
        return engine() == Engine.EVENT_LOOPS;
    }

    /**
     * Stops sending; requests in flight are abandoned: their answers are not waited for, and
     * the final snapshot counts them apart ({@link PingResult#abandoned}), in no other figure.
     */
    public void stop() {
        run.stop();
        engine.stop();
        probe.close();
        if (engineEnded) {
            // an open loop waiting for its duration's end (endWhenDue): it ends now, on the
            // statistics thread as it would have
            try {
                statsTimer.execute(this::finish);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                finish();
            }
        }
    }

    /** Completes with the final snapshot when the run ends (finished, stopped or failed). */
    public CompletableFuture<PingSnapshot> completion() {
        return completion;
    }

    /** The latest statistics (at most 250 ms old while running, final once finished). */
    public PingSnapshot latest() {
        return latest;
    }

    /**
     * The response-time distribution of one URL in {@code bins} equal bins from its fastest
     * response to its 99.9th percentile (slower ones go in the last bin).
     */
    public List<LatencyBin> latencyBins(String url, int bins) {
        return stats.latencyBins(url, bins);
    }

    private void tick() {
        try {
            PingSnapshot s = stats.snapshot(run, false, 0);
            synchronized (latestLock) {
                // a tick that was running when the run finished must not replace the final one
                if (!ended.get()) {
                    latest = s;
                }
            }
        } catch (Throwable t) {
            // out of memory or a bug: end the run with a sentence rather than freeze the figures
            run.fail(t);
            engine.stop();
            throw t;
        }
    }

    private void finish() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        endNanos = run.now();
        // not shutdownNow(): this may run on the statistics thread (endWhenDue), which must
        // not interrupt itself before the listener; ticks and a pending end are dropped
        statsTimer.shutdown();
        PingSnapshot last;
        try {
            last = stats.snapshot(run, true, endNanos);
        } catch (Throwable t) {
            run.fail(t);
            last = emptyFinal();
        }
        synchronized (latestLock) {
            latest = last;
        }
        // the listener first: whoever waits on completion() finds it told, of the requests a
        // stop abandoned too (the engine's threads have ended: none of them is recorded now);
        // a failed run's figures are incomplete, and its log is not kept
        try {
            try {
                if (last.failure() == null) {
                    run.tellAbandoned();
                }
            } finally {
                listener.onFinished(last);
            }
        } finally {
            completion.complete(last);
        }
    }

    /** A final snapshot when even building one failed: no figures, only the failure. */
    private PingSnapshot emptyFinal() {
        return new PingSnapshot(List.of(), 0, 0, 0, 0, Duration.ZERO, 0, 0, 0, List.of(), true,
                true, 0, false, run.failures().failure(), 0, 0);
    }

    /** Stops if running and waits (bounded) for every thread of the job to end. */
    @Override
    public void close() {
        stop();
        statsTimer.shutdownNow();
        try {
            if (!engine.awaitTermination(CLOSE_WAIT)) {
                log.warn("Ping threads did not end within {}", CLOSE_WAIT);
            }
            statsThread.join(CLOSE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!started.get() || engineEnded) {
                finish(); // never started, or stop()'s end dropped by shutdownNow() above
            }
        }
    }
}
