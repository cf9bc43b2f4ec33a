package io.webprobe.ping;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The time a count run stopped part way reports, against a manual clock: found by a tester,
 * after Ctrl-C with one request in flight the summary said "Stopped after 3 requests in
 * 0.03 s" (the last answer) although the run had lasted 2 s.
 */
class StoppedCountElapsedTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private final AtomicLong clock = new AtomicLong(1_000_000 * MS);

    @Test
    void aStoppedCountReportsTheTimeUntilItWasStopped() {
        PingPlan plan = PingPlan.of(List.of(URI.create("http://a/")), "t").withCount(10)
                .withConcurrency(1);
        PingStats stats = new PingStats(plan);
        PingRun run = new PingRun(plan, PingListener.NONE, clock::get, stats);
        run.start(clock.get(), 0);
        RecordRing ring = run.newRing(true);
        long t0 = run.startNanos();
        for (int k = 1; k <= 3; k++) { // three answers, the last after 30 ms
            run.record(ring, run.claim(0), -1, t0, t0 + k * 10 * MS, 200, null, "", 2, 0);
        }
        run.claim(0); // the fourth hangs, in flight
        clock.set(t0 + 2_000 * MS);
        run.stop(); // Ctrl-C
        PingSnapshot s = stats.snapshot(run, true, clock.get());

        assertThat(s.stopped()).isTrue();
        assertThat(s.sent()).isEqualTo(3);
        assertThat(s.elapsed()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.requestsPerSecond()).isEqualTo(1.5);
    }
}
