package io.webprobe.ping;

import io.webprobe.http.ErrorKind;
import io.webprobe.http.FetchRequest;
import io.webprobe.http.FetchResponse;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.Urls;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running ping test. Owns its worker threads ({@code ping-worker-N}, one per unit of
 * concurrency), a statistics thread ({@code ping-stats}) and the {@link HttpProbe} it is given.
 *
 * <p>Request {@code i} goes to target {@code i % targets}. In a closed loop a worker sends its
 * next request as soon as the previous one ends. In {@link PingMode#RATE} request {@code i} has
 * the intended start {@code start + i / rate}; a worker waits for it, and response time is
 * measured from it, so when the server (or a shortage of workers) delays requests, that delay
 * is in the figures instead of hidden (coordinated omission); service time is measured from
 * the actual send. Latencies go into HdrHistogram recorders (µs, 3 significant digits): memory
 * does not grow with the request count.
 *
 * <p>Thread-safe. {@link #latest()} is a snapshot made four times a second by the statistics
 * thread; listeners run on worker threads.
 */
public final class PingJob implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PingJob.class);
    private static final long TICK_MILLIS = 250;
    private static final int TICKS_PER_SECOND = 4;
    private static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_BODY_BYTES = 64L * 1024 * 1024;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final PingPlan plan;
    private final HttpProbe probe;
    private final PingListener listener;
    private final List<TargetStats> targets = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger liveWorkers = new AtomicInteger();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicLong warmups = new AtomicLong();
    private final ExecutorService workers;
    private final ScheduledExecutorService statsTimer;
    private final CompletableFuture<PingSnapshot> completion = new CompletableFuture<>();
    private final Object statsLock = new Object();
    /** Response times of the current second, all targets (statistics thread only). */
    private final Histogram second = new Histogram(3);
    private final List<LatencyPoint> series = new ArrayList<>();
    private int ticks;
    private int secondsClosed;
    private volatile PingSnapshot latest;
    private volatile boolean stopping;
    private volatile long startNanos;
    private volatile long startEpochMillis;
    private volatile long endNanos;

    /**
     * @param plan what to ping
     * @param probe the HTTP backend; the job closes it
     * @param listener receives every request (worker threads) and the end
     */
    public PingJob(PingPlan plan, HttpProbe probe, PingListener listener) {
        this.plan = plan;
        this.probe = probe;
        this.listener = listener;
        for (URI u : plan.targets()) {
            targets.add(new TargetStats(u));
        }
        this.workers = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("ping-worker-", 1).factory());
        this.statsTimer = Executors.newSingleThreadScheduledExecutor(named("ping-stats-"));
        this.latest = snapshotLocked(false);
    }

    public PingPlan plan() {
        return plan;
    }

    /** Starts the workers. May be called once. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a ping job can be started only once");
        }
        startEpochMillis = System.currentTimeMillis();
        startNanos = System.nanoTime();
        liveWorkers.set(plan.concurrency());
        statsTimer.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        for (int i = 0; i < plan.concurrency(); i++) {
            workers.execute(this::workerLoop);
        }
    }

    /** Stops sending; requests in flight are abandoned and not counted. */
    public void stop() {
        stopping = true;
        probe.close();
        workers.shutdownNow();
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
        List<LatencyBin> out = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            long from = lo + Math.round(b * width);
            long to = b == bins - 1 ? Long.MAX_VALUE / 2 : lo + Math.round((b + 1) * width);
            long n = h.getCountBetweenValues(from, Math.max(from, to - 1));
            double toMs = b == bins - 1 ? hi / 1000.0 : to / 1000.0;
            out.add(new LatencyBin(from / 1000.0, toMs, n));
        }
        return out;
    }

    private void workerLoop() {
        try {
            long total = plan.totalRequests();
            double nanosPerRequest = plan.mode() == PingMode.RATE ? 1e9 / plan.rate() : 0;
            long end = startNanos + plan.duration().toNanos();
            while (!stopping) {
                long i = sequence.getAndIncrement();
                if (total >= 0 && i >= total) {
                    return;
                }
                long intended = -1;
                if (plan.mode() == PingMode.RATE) {
                    intended = startNanos + (long) (i * nanosPerRequest);
                    if (intended >= end || !waitUntil(intended)) {
                        return;
                    }
                } else if (plan.mode() == PingMode.DURATION && System.nanoTime() >= end) {
                    return;
                }
                execute(i, intended);
            }
        } finally {
            if (liveWorkers.decrementAndGet() == 0) {
                finish();
            }
        }
    }

    /** Parks until the given nanoTime; false when stopped meanwhile. */
    private boolean waitUntil(long deadline) {
        while (!stopping) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) {
                return false;
            }
        }
        return false;
    }

    private void execute(long i, long intended) {
        TargetStats target = targets.get((int) (i % targets.size()));
        boolean warmup = i / targets.size() < plan.warmup();
        long send = System.nanoTime();
        long sendEpoch = startEpochMillis + TimeUnit.NANOSECONDS.toMillis(send - startNanos);
        int hops = 0;
        URI uri = target.uri;
        FetchResponse r;
        Set<String> visited = null;
        while (true) {
            r = probe.fetch(new FetchRequest(uri, plan.method(), plan.timeout(), MAX_BODY_BYTES,
                    FetchRequest.BodyPolicy.NEVER, plan.headers(), plan.keepAlive()));
            if (!plan.followRedirects() || !r.isRedirect() || stopping) {
                break;
            }
            if (visited == null) {
                visited = new HashSet<>();
                visited.add(Urls.key(uri));
            }
            URI next = redirectTarget(uri, r.location());
            if (next == null) {
                break; // a Location we cannot follow: report the 3xx as is
            }
            hops++;
            boolean loop = !visited.add(Urls.key(next));
            if (hops > PingPlan.MAX_REDIRECTS || loop) {
                r = FetchResponse.failed(uri, ErrorKind.TOO_MANY_REDIRECTS, loop
                        ? "Redirect loop back to " + next
                        : "More than " + PingPlan.MAX_REDIRECTS + " redirects", r.elapsedMillis());
                break;
            }
            uri = next;
        }
        long done = System.nanoTime();
        if (r.error() == ErrorKind.CANCELLED || stopping) {
            return; // abandoned by stop(): neither counted nor logged
        }
        long serviceNanos = done - send;
        long responseNanos = intended >= 0 ? done - intended : serviceNanos;
        boolean late = intended >= 0 && send - intended > LATE_NANOS;
        boolean success = r.error() == null && plan.success().contains(r.status());
        if (warmup) {
            target.warmedUp();
            warmups.incrementAndGet();
        } else {
            target.record(r.status(), r.error(), success, responseNanos / 1000, serviceNanos / 1000,
                    r.sizeBytes(), hops, late);
        }
        double offset = ((intended >= 0 ? intended : send) - startNanos) / 1e6;
        listener.onRequest(new RequestRecord(i, target.url, sendEpoch, offset, r.status(),
                responseNanos / 1e6, serviceNanos / 1e6, r.sizeBytes(), r.error(),
                r.errorMessage(), hops, warmup));
    }

    private static URI redirectTarget(URI from, String location) {
        try {
            URI next = Urls.resolve(from, location);
            String scheme = next.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && next.getHost() != null ? next : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
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
        long now = finished && endNanos != 0 ? endNanos : System.nanoTime();
        double elapsed = startNanos == 0 ? 0 : (now - startNanos) / 1e9;
        ticks++;
        if (startNanos != 0 && (ticks % TICKS_PER_SECOND == 0 || finished && second.getTotalCount() > 0)) {
            double at = finished ? Math.round(elapsed * 10) / 10.0 : ++secondsClosed;
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
        return new PingSnapshot(results, sent, failed, late, warmups.get(),
                Duration.ofNanos(Math.max(0, now - (startNanos == 0 ? now : startNanos))),
                elapsed > 0 ? sent / elapsed : 0,
                plan.mode() == PingMode.RATE ? plan.rate() : 0,
                progress, series, finished, finished && stopping);
    }

    private void finish() {
        endNanos = System.nanoTime();
        statsTimer.shutdownNow();
        workers.shutdown(); // idle workers end now; close() is only needed to stop early
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
            if (!workers.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Ping workers did not end within {}", CLOSE_WAIT);
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

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler(
                    (th, e) -> log.error("Uncaught failure in {}", th.getName(), e));
            return t;
        };
    }
}
