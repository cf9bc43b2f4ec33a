package io.webprobe.ping;

import java.time.Duration;
import java.util.List;

/**
 * A ping test's state at one moment: per-URL statistics, totals, and the per-second latency
 * series. Immutable; produced by the job's statistics thread a few times a second.
 *
 * @param results one per target, in the plan's order
 * @param sent requests completed, all URLs (warm-up excluded)
 * @param failed failed requests, all URLs
 * @param late open-loop requests sent late
 * @param warmups warm-up requests completed
 * @param elapsed time since the start
 * @param requestsPerSecond achieved rate over the run so far
 * @param targetRate the plan's rate (open loop), or 0
 * @param progress 0 to 1
 * @param series p50/p99 per second so far
 * @param finished whether the run has ended
 * @param stopped whether it was stopped before its end
 */
public record PingSnapshot(
        List<PingResult> results,
        long sent,
        long failed,
        long late,
        long warmups,
        Duration elapsed,
        double requestsPerSecond,
        double targetRate,
        double progress,
        List<LatencyPoint> series,
        boolean finished,
        boolean stopped) {

    public PingSnapshot {
        results = List.copyOf(results);
        series = List.copyOf(series);
    }
}
