package io.webprobe.ping;

import io.webprobe.NamedThreads;
import io.webprobe.http.Http1Probe;
import io.webprobe.http.HttpProbe;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running ping test. Owns a statistics thread ({@code ping-stats-1}), the {@link HttpProbe}
 * it is given, and one of two engines that put the requests on the wire:
 * <ul>
 *   <li>when every target is a plain {@code http://} URL, redirects are not followed and the
 *       probe is an {@link Http1Probe}: event loops over non-blocking sockets
 *       ({@link NioEngine}, threads {@code ping-loop-N}, one per processor at most), which
 *       speak the same HTTP/1.1 as {@link Http1Probe} at a fraction of its CPU cost per request;
 *   <li>otherwise (https, redirect following, another probe): one blocking worker per unit of
 *       concurrency calling the probe ({@link ThreadEngine}, virtual threads
 *       {@code ping-worker-N}).
 * </ul>
 *
 * <p>Request {@code i} goes to target {@code i % targets}. In a closed loop the next request
 * goes out on a connection as soon as the previous one ends. In {@link PingMode#RATE} request
 * {@code i} has the intended start {@code start + i / rate}; a free connection waits for it,
 * and response time is measured from it, so when the server (or a shortage of connections)
 * delays requests, that delay is in the figures instead of hidden (coordinated omission);
 * service time is measured from the actual send. Latencies go into HdrHistogram recorders
 * (µs, 3 significant digits): memory does not grow with the request count.
 *
 * <p>Thread-safe. {@link #latest()} is a snapshot made four times a second by the statistics
 * thread; listeners run on the engine's threads (loop or worker threads).
 */
public final class PingJob implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PingJob.class);
    private static final long TICK_MILLIS = 250;
    private static final int TICKS_PER_SECOND = 4;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final PingPlan plan;
    private final HttpProbe probe;
    private final PingListener listener;
    private final PingRun run;
    private final List<TargetStats> targets;
    private final PingEngine engine;
    private final AtomicBoolean started = new AtomicBoolean();
    private final ScheduledExecutorService statsTimer;
    private final CompletableFuture<PingSnapshot> completion = new CompletableFuture<>();
    private final Object statsLock = new Object();
    /** Response times of the current second, all targets (statistics thread only). */
    private final Histogram second = new Histogram(3);
    private final List<LatencyPoint> series = new ArrayList<>();
    private int ticks;
    private int secondsClosed;
    private volatile PingSnapshot latest;
    private volatile long endNanos;

    /**
     * @param plan what to ping
     * @param probe the HTTP backend; the job closes it
     * @param listener receives every request (engine threads) and the end
     */
    public PingJob(PingPlan plan, HttpProbe probe, PingListener listener) {
        this.plan = plan;
        this.probe = probe;
        this.listener = listener;
        this.run = new PingRun(plan, listener);
        this.targets = run.targets();
        this.engine = chooseEngine();
        this.statsTimer = Executors.newSingleThreadScheduledExecutor(NamedThreads.daemon("ping-stats-"));
        this.latest = snapshotLocked(false);
    }

    private PingEngine chooseEngine() {
        if (probe instanceof Http1Probe && NioEngine.supports(plan)) {
            try {
                return new NioEngine(run, this::finish);
            } catch (IOException e) {
                log.warn("No event loop for the ping ({}); using worker threads", e.toString());
            }
        }
        return new ThreadEngine(run, probe, this::finish);
    }

    public PingPlan plan() {
        return plan;
    }

    /** Starts the requests. May be called once. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a ping job can be started only once");
        }
        run.start(System.nanoTime(), System.currentTimeMillis());
        statsTimer.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        engine.start();
    }

    /** Whether the requests go through the event-loop engine (tests). */
    boolean usesEventLoops() {
        return engine instanceof NioEngine;
    }

    /** Stops sending; requests in flight are abandoned and not counted. */
    public void stop() {
        run.stop();
        engine.stop();
        probe.close();
    }

    /** Completes with the final snapshot when the run ends (finished or stopped). */
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
        synchronized (statsLock) {
            for (TargetStats t : targets) {
                if (t.url.equals(url)) {
                    return bins(t.cumulativeResponse(), bins);
                }
            }
        }
        return List.of();
    }

    private static List<LatencyBin> bins(Histogram h, int bins) {
        if (h.getTotalCount() == 0 || bins < 1) {
            return List.of();
        }
        long lo = h.getMinValue();
        long hi = Math.max(lo + bins, h.getValueAtPercentile(99.9));
        double width = (hi - lo) / (double) bins;
        // Walk the recorded buckets once and put each whole bucket in one bin: asking the
        // histogram for counts between bin bounds would count a bucket that straddles a bound
        // in both bins.
        long[] counts = new long[bins];
        for (HistogramIterationValue v : h.recordedValues()) {
            long value = h.medianEquivalentValue(v.getValueIteratedTo());
            int b = (int) Math.max(0, Math.min(bins - 1, (long) ((value - lo) / width)));
            counts[b] += v.getCountAtValueIteratedTo();
        }
        List<LatencyBin> out = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            long from = lo + Math.round(b * width);
            long to = lo + Math.round((b + 1) * width);
            out.add(new LatencyBin(from / 1000.0, to / 1000.0, counts[b]));
        }
        return out;
    }

    private void tick() {
        try {
            synchronized (statsLock) {
                latest = snapshotLocked(false);
            }
        } catch (RuntimeException e) {
            log.error("Ping statistics failed", e);
        }
    }

    /** Drains the recorders and builds a snapshot. Caller holds statsLock (or is the constructor). */
    private PingSnapshot snapshotLocked(boolean finished) {
        for (TargetStats t : targets) {
            second.add(t.drain());
        }
        long startNanos = run.startNanos();
        boolean stopping = run.stopping();
        long now = finished && endNanos != 0 ? endNanos : System.nanoTime();
        double elapsed = startNanos == 0 ? 0 : (now - startNanos) / 1e9;
        ticks++;
        if (startNanos != 0 && (ticks % TICKS_PER_SECOND == 0 || finished && second.getTotalCount() > 0)) {
            // The last interval may be a fraction of a second: label it with the exact end,
            // and never on or before the previous point.
            double at = finished ? Math.max(Math.round(elapsed * 100) / 100.0, secondsClosed + 0.01)
                    : ++secondsClosed;
            if (second.getTotalCount() > 0) {
                series.add(new LatencyPoint(at, second.getValueAtPercentile(50) / 1000.0,
                        second.getValueAtPercentile(99) / 1000.0, second.getTotalCount()));
            }
            second.reset();
        }
        long total = plan.totalRequests();
        long perTarget = total < 0 ? -1 : plan.count() + plan.warmup();
        double timeProgress = Math.min(1, elapsed / plan.duration().toNanos() * 1e9);
        List<PingResult> results = new ArrayList<>(targets.size());
        long sent = 0;
        long failed = 0;
        long late = 0;
        long completed = 0;
        for (TargetStats t : targets) {
            double p = perTarget > 0 ? Math.min(1, (double) t.completed() / perTarget) : timeProgress;
            if (finished && !stopping) {
                p = 1;
            }
            results.add(t.result(elapsed, p));
            sent += t.sentCount();
            failed += t.failedCount();
            late += t.lateCount();
            completed += t.completed();
        }
        double progress = total > 0 ? Math.min(1, (double) completed / total) : timeProgress;
        if (finished && !stopping) {
            progress = 1;
        }
        return new PingSnapshot(results, sent, failed, late, run.warmups(),
                Duration.ofNanos(Math.max(0, now - (startNanos == 0 ? now : startNanos))),
                elapsed > 0 ? sent / elapsed : 0,
                plan.mode() == PingMode.RATE ? plan.rate() : 0,
                progress, series, finished, finished && stopping);
    }

    private void finish() {
        endNanos = System.nanoTime();
        statsTimer.shutdownNow();
        PingSnapshot last;
        synchronized (statsLock) {
            last = snapshotLocked(true);
            latest = last;
        }
        if (completion.complete(last)) {
            listener.onFinished(last);
        }
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
            statsTimer.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!started.get()) {
                finish();
            }
        }
    }

}
