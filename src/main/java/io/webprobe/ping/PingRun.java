package io.webprobe.ping;

import io.webprobe.http.ErrorKind;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a {@link PingJob} and its {@link PingEngine} share while a run lasts: the plan, the
 * statistics of every target, the global request sequence and the clock origin.
 *
 * <p>Request {@code i} goes to target {@code i % targets}; the first {@code warmup} rounds are
 * warm-up. Engines take request numbers with {@link #claim()} and report every finished request
 * through {@link #record}, which feeds {@link TargetStats} and the listener.
 *
 * <p>Thread-safe: {@link #claim()} and {@link #record} are called concurrently by the engine's
 * threads (worker threads or event-loop threads); {@link #start} and {@link #stop} by the job.
 */
final class PingRun {
    /** An open-loop request sent later than this after its intended start counts as late. */
    static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final PingPlan plan;
    private final PingListener listener;
    private final List<TargetStats> targets;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong warmups = new AtomicLong();
    private final long total;
    private final double nanosPerRequest;
    private volatile boolean stopping;
    private volatile long startNanos;
    private volatile long startEpochMillis;
    private volatile long endNanos;

    PingRun(PingPlan plan, PingListener listener) {
        this.plan = plan;
        this.listener = listener;
        List<TargetStats> t = new ArrayList<>(plan.targets().size());
        for (URI u : plan.targets()) {
            t.add(new TargetStats(u));
        }
        this.targets = List.copyOf(t);
        this.total = plan.totalRequests();
        this.nanosPerRequest = plan.mode() == PingMode.RATE ? 1e9 / plan.rate() : 0;
    }

    PingPlan plan() {
        return plan;
    }

    List<TargetStats> targets() {
        return targets;
    }

    /** Sets the clock origin; called once, before the engine starts. */
    void start(long nanos, long epochMillis) {
        startEpochMillis = epochMillis;
        endNanos = nanos + plan.duration().toNanos();
        startNanos = nanos;
    }

    /** {@link System#nanoTime()} at the start, or 0 before it. */
    long startNanos() {
        return startNanos;
    }

    /** From now on nothing is claimed and nothing more is recorded. */
    void stop() {
        stopping = true;
    }

    boolean stopping() {
        return stopping;
    }

    long warmups() {
        return warmups.get();
    }

    /**
     * The next request number, or -1 when the run has no more requests to send: stopped, the
     * count reached, the duration over (closed loop: now; open loop: the request's intended
     * start falls after the end).
     */
    long claim() {
        if (stopping) {
            return -1;
        }
        long i = sequence.getAndIncrement();
        if (total >= 0 && i >= total) {
            return -1;
        }
        if (plan.mode() == PingMode.RATE) {
            return intendedStart(i) - endNanos >= 0 ? -1 : i;
        }
        if (plan.mode() == PingMode.DURATION && System.nanoTime() - endNanos >= 0) {
            return -1;
        }
        return i;
    }

    /** Open loop: the {@link System#nanoTime()} request {@code i} is meant to start; else -1. */
    long intendedStart(long i) {
        return nanosPerRequest == 0 ? -1 : startNanos + (long) (i * nanosPerRequest);
    }

    /** The target of request {@code i}. */
    TargetStats target(long i) {
        return targets.get((int) (i % targets.size()));
    }

    /**
     * Records one finished request and hands it to the listener, unless the run is stopping
     * (abandoned requests are neither counted nor logged).
     *
     * @param i the request number from {@link #claim()}
     * @param intended its intended start (nanoTime), or -1 in a closed loop
     * @param send when it was actually sent (nanoTime)
     * @param done when its body ended or it failed (nanoTime)
     * @param status the final HTTP status, or 0 on failure
     * @param error the failure, or null
     * @param message a plain explanation of the failure, or ""
     * @param bytes body bytes received
     * @param hops redirects followed
     */
    void record(long i, long intended, long send, long done, int status, ErrorKind error,
            String message, long bytes, int hops) {
        if (error == ErrorKind.CANCELLED || stopping) {
            return;
        }
        TargetStats target = target(i);
        boolean warmup = i / targets.size() < plan.warmup();
        long serviceNanos = done - send;
        long responseNanos = intended >= 0 ? done - intended : serviceNanos;
        boolean late = intended >= 0 && send - intended > LATE_NANOS;
        boolean success = error == null && plan.success().contains(status);
        if (warmup) {
            target.warmedUp();
            warmups.incrementAndGet();
        } else {
            target.record(status, error, success, responseNanos / 1000, serviceNanos / 1000,
                    bytes, hops, late);
        }
        if (listener == PingListener.NONE) {
            return; // nobody reads the record: skip building it
        }
        long start = startNanos;
        long sendEpoch = startEpochMillis + TimeUnit.NANOSECONDS.toMillis(send - start);
        double offset = ((intended >= 0 ? intended : send) - start) / 1e6;
        listener.onRequest(new RequestRecord(i, target.url, sendEpoch, offset, status,
                responseNanos / 1e6, serviceNanos / 1e6, bytes, error,
                message == null ? "" : message, hops, warmup));
    }
}
