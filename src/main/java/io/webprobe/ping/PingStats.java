package io.webprobe.ping;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.HdrHistogram.Histogram;

/**
 * The statistics side of a run: every target's {@link TargetStats}, the per-second latency
 * series, and the {@link RecordRing}s through which the engine threads hand finished requests
 * over. Everything here happens under one lock ({@code PingStats.lock}, a monitor): draining
 * the rings, building a {@link PingSnapshot} and reading a URL's latency bins. The lock is taken
 * by the job's statistics thread four times a second, by a reader asking for bins, and by an
 * engine thread whose ring is full. Nothing is called out while it is held.
 */
final class PingStats {
    private static final int RING_CAPACITY = 16_384;

    private final Object lock = new Object();
    private final PingPlan plan;
    private final List<TargetStats> targets;
    private final Map<String, Integer> byUrl;
    private final List<RecordRing> rings = new CopyOnWriteArrayList<>();
    /** Response times of the current second, all targets. */
    private final Histogram second = new Histogram(3);
    private final ArrayDeque<LatencyPoint> series = new ArrayDeque<>();
    /**
     * The response times of the series' last point, kept so that the answers a duration's
     * end waits for (the requests in flight then: the slow ones alone) join it instead of
     * making a point of their own, a jump at the end of every run with one slow URL.
     */
    private final Histogram lastPoint = new Histogram(3);
    private final RecordRing.Consumer apply = this::apply;
    private long completed;
    private long sent;
    private long failed;
    private long late;
    private long warmups;
    private int secondsClosed;

    PingStats(PingPlan plan) {
        this.plan = plan;
        List<TargetStats> t = new ArrayList<>(plan.targets().size());
        Map<String, Integer> index = new HashMap<>();
        for (URI u : plan.targets()) {
            index.putIfAbsent(plan.shown(u), t.size());
            t.add(new TargetStats(u, plan.shown(u), !plan.closedLoop()));
        }
        this.targets = List.copyOf(t);
        this.byUrl = index;
    }

    /** A ring for one engine thread (or one shared by several, which then take turns). */
    RecordRing newRing(boolean shared) {
        RecordRing r = new RecordRing(RING_CAPACITY, shared, this::drainFull);
        rings.add(r);
        return r;
    }

    private void drainFull(RecordRing ring) {
        synchronized (lock) {
            ring.drain(apply);
        }
    }

    private void apply(int target, int status, int error, int flags, int hops, long response,
            long service, long bytes, long done) {
        targets.get(target).apply(status, error, flags, hops, response, service, bytes, done);
        completed++;
        if ((flags & RecordRing.FLAG_WARMUP) != 0) {
            warmups++;
            return;
        }
        sent++;
        if (error >= 0 || (flags & RecordRing.FLAG_SUCCESS) == 0) {
            failed++;
        }
        if ((flags & RecordRing.FLAG_LATE) != 0) {
            late++;
        }
        if (error < 0) {
            second.recordValue(Math.max(1, response));
        }
    }

    /**
     * Drains the rings and describes the run now.
     *
     * @param run the run (clock, claims, state)
     * @param finished whether this is the final snapshot
     * @param endNanos when the run ended (final snapshot), else 0
     */
    PingSnapshot snapshot(PingRun run, boolean finished, long endNanos) {
        synchronized (lock) {
            for (RecordRing r : rings) {
                r.drain(apply);
            }
            return build(run, finished, endNanos);
        }
    }

    private PingSnapshot build(PingRun run, boolean finished, long endNanos) {
        // the warm-up is not measured: the clock of the figures starts after it
        long startNanos = run.measureStartNanos();
        boolean started = run.started() && startNanos >= 0;
        boolean stopping = run.stopping();
        long now = finished && endNanos != 0 ? endNanos : run.now();
        double elapsed = started ? Math.max(0, now - startNanos) / 1e9 : 0;
        // a second of the run closes at the first snapshot after it ends (snapshots come every
        // 250 ms from the job's start, the warm-up included: counting them would close the
        // first "second" part way through it)
        boolean secondEnded = elapsed >= secondsClosed + 1;
        if (started && (secondEnded && !finished
                || finished && second.getTotalCount() > 0)) {
            // The last interval may be a fraction of a second: label it with the exact end,
            // and never on or before the previous point.
            double at = finished ? Math.max(Math.round(elapsed * 100) / 100.0, secondsClosed + 0.01)
                    : (secondsClosed = (int) Math.min(Integer.MAX_VALUE, (long) elapsed));
            if (finished && afterTheSending() && !series.isEmpty()
                    && second.getTotalCount() > 0) {
                // only answers to requests sent before the end are left: with the last point
                series.removeLast();
                second.add(lastPoint);
            }
            if (second.getTotalCount() > 0) {
                series.addLast(new LatencyPoint(at, second.getValueAtPercentile(50) / 1000.0,
                        second.getValueAtPercentile(99) / 1000.0, second.getTotalCount()));
                if (series.size() > PingSnapshot.MAX_SERIES_POINTS) {
                    series.removeFirst();
                }
                lastPoint.reset();
                lastPoint.add(second);
            }
            second.reset();
        }
        long total = plan.totalRequests();
        long perTarget = total < 0 ? -1 : plan.count() + plan.warmup();
        double timeProgress = Math.min(1, elapsed / plan.duration().toNanos() * 1e9);
        double sending = sendingSeconds(run, elapsed, now);
        long end = now;
        if (plan.mode() == PingMode.COUNT && finished && started && !stopping) {
            // a finished count ends at its last answer (not when its connections were closed),
            // as each URL's own time below does: with one URL the rates agree. A stopped one
            // ends when it was stopped: with a request hung in flight, its last answer may be
            // seconds before (Ctrl-C after 2 s said "in 0.03 s")
            long lastDone = startNanos;
            for (TargetStats t : targets) {
                lastDone = Math.max(lastDone, t.lastDoneNanos());
            }
            if (lastDone > startNanos && lastDone < now) {
                end = lastDone;
                sending = Math.min(sending, (lastDone - startNanos) / 1e9);
            }
        }
        List<PingResult> results = new ArrayList<>(targets.size());
        // the one failure of each target not requested (it cannot be set up) is its row's,
        // not a request sent: the run's figures leave it out (it put 4 URLs' rate at 4 req/s
        // when one request was sent in 1 s)
        long notRequested = 0;
        for (int ti = 0; ti < targets.size(); ti++) {
            TargetStats t = targets.get(ti);
            if (run.skipped(ti) != null) {
                notRequested += t.counted();
            }
            double p = perTarget > 0 ? Math.min(1, (double) t.completed() / perTarget)
                    : timeProgress;
            if (finished && !stopping || run.skipped(ti) != null && t.completed() > 0) {
                p = 1;
            }
            // a closed loop's URL that has had all its requests: its rate over its own time
            double own = sending;
            if (plan.mode() == PingMode.COUNT && perTarget > 0 && t.completed() >= perTarget
                    && started) {
                own = Math.min(sending, Math.max(0, t.lastDoneNanos() - startNanos) / 1e9);
            }
            // sent and not finished yet: in flight while the run lasts; in a final snapshot
            // those a stop abandoned (the engine's threads have ended: none is left to come)
            long unfinished = run.skipped(ti) != null ? 0
                    : Math.max(0, run.sent(ti) - t.counted());
            PingResult r = t.result(own, p).withInFlight(finished ? 0 : unfinished)
                    .withNotSent(finished ? run.notSent(ti) : 0)
                    .withAbandoned(finished ? unfinished : 0);
            // not requested (it cannot be set up): one failure over the run's time is no rate
            results.add(run.skipped(ti) != null ? r.withoutRate() : r);
        }
        if (total > 0) {
            // a skipped target (it cannot be set up) has its one failure, and no more to come
            total -= run.skippedCount() * (perTarget - 1);
        }
        double progress = total > 0 ? Math.min(1, (double) completed / total) : timeProgress;
        if (finished && !stopping) {
            progress = 1;
        }
        long inFlight = finished ? 0 : Math.max(0, run.claimed() - completed);
        boolean draining = !finished && !stopping && run.sendingDone(now) && inFlight > 0;
        long requested = sent - notRequested;
        return new PingSnapshot(results, requested, failed - notRequested, late, warmups,
                Duration.ofNanos(Math.max(0, started ? end - startNanos : 0)),
                sending > 0 ? requested / sending : 0,
                plan.mode() == PingMode.RATE ? plan.rate() : 0,
                progress, new ArrayList<>(series), finished, finished && stopping,
                inFlight, draining, run.failures().failure(), run.achievedRate(requested, now),
                finished ? run.notSent() : 0, run.failures().certificateWhy());
    }

    /**
     * Whether the last second closed ended at or after a duration's end, when nothing more is
     * sent (a run for a count sends until its last answer).
     */
    private boolean afterTheSending() {
        return plan.mode() != PingMode.COUNT
                && secondsClosed * 1_000_000_000L >= plan.duration().toNanos();
    }

    /**
     * The seconds the rates are over: the time requests were being sent, not the wait for the
     * last answers after it. Open loop: the schedule the sends covered (so the rate is the one
     * achieved, {@link PingRun#achievedRate}); closed loop for a duration: the elapsed time up
     * to the duration; closed loop for a count: the elapsed time (cut to the last answer once
     * the run has finished).
     */
    private double sendingSeconds(PingRun run, double elapsed, long now) {
        return switch (plan.mode()) {
            case RATE -> run.scheduleSeconds(now) > 0 ? run.scheduleSeconds(now) : elapsed;
            case DURATION -> Math.min(elapsed, plan.duration().toNanos() / 1e9);
            case COUNT -> elapsed;
        };
    }

    /**
     * The response-time distribution of one URL in {@code bins} equal bins from its fastest
     * response to its 99.9th percentile (slower ones go in the last bin); empty when the URL is
     * not in the run or has no response yet.
     */
    List<LatencyBin> latencyBins(String url, int bins) {
        synchronized (lock) {
            Integer i = byUrl.get(url);
            return i == null ? List.of() : bins(targets.get(i).responseTimes(), bins);
        }
    }

    private static List<LatencyBin> bins(LatencyStore h, int bins) {
        if (h.count() == 0 || bins < 1) {
            return List.of();
        }
        long lo = h.min();
        long hi = Math.max(lo + bins, h.percentile(99.9));
        double width = (hi - lo) / (double) bins;
        // Put each recorded value (or whole histogram bucket) in one bin: asking for counts
        // between bin bounds would count a bucket that straddles a bound in both bins.
        long[] counts = new long[bins];
        h.forEachValue((value, count) -> {
            int b = (int) Math.max(0, Math.min(bins - 1, (long) ((value - lo) / width)));
            counts[b] += count;
        });
        List<LatencyBin> out = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            long from = lo + Math.round(b * width);
            long to = lo + Math.round((b + 1) * width);
            out.add(new LatencyBin(from / 1000.0, to / 1000.0, counts[b]));
        }
        return out;
    }
}
