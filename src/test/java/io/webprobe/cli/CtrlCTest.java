package io.webprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * After Ctrl-C the JVM waits for the command's report for as long as its export makes
 * progress, not a fixed 20 s: a large crawl's CSV files take longer than that, and a JVM that
 * left half way would lose them and the temporary crawl they come from. Time is a manual clock
 * (one second per reading) ticked as fast as the loop runs.
 */
class CtrlCTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void itWaitsPastTheLimitWhileRowsAreWrittenAndGivesUpOnlyWhenTheyStop() throws Exception {
        AtomicLong now = new AtomicLong();
        AtomicLong readings = new AtomicLong();
        AtomicLong lastRowAt = new AtomicLong();
        try (CtrlC ctrlC = new CtrlC()) {
            // rows are written for the first 60 readings (a minute by the clock), then none
            ctrlC.progress(() -> {
                long n = readings.incrementAndGet();
                if (n <= 60) {
                    lastRowAt.set(now.get());
                }
                return Math.min(n, 60) * 1_000;
            });

            boolean written = ctrlC.awaitReport(() -> now.addAndGet(SECOND), () -> 0, 1);

            assertThat(written).isFalse();
            assertThat(lastRowAt.get()).as("it waited while rows came").isGreaterThan(50 * SECOND);
            assertThat(now.get() - lastRowAt.get()).as("then gave up after the patience")
                    .isBetween(CtrlC.PATIENCE, CtrlC.PATIENCE + 2 * SECOND);
        }
    }

    @Test
    void withNoProgressAtAllItGivesUpAfterThePatience() throws Exception {
        AtomicLong now = new AtomicLong();
        try (CtrlC ctrlC = new CtrlC()) {
            // the process uses a little CPU (the collector, say), not enough to be at work
            AtomicLong cpu = new AtomicLong();
            assertThat(ctrlC.awaitReport(() -> now.addAndGet(SECOND),
                    () -> cpu.addAndGet(SECOND / CtrlC.BUSY / 2), 1)).isFalse();
            assertThat(now.get()).isBetween(CtrlC.PATIENCE, CtrlC.PATIENCE + 2 * SECOND);
        }
    }

    /**
     * Before its first row an export may read for a long time (a crawl of millions of URLs
     * summed up, sorted): no row, but a busy process. Seen: the JVM left 20 s after Ctrl-C, with
     * the first row not yet written, and no CSV file at all.
     */
    @Test
    void aBusyProcessWithoutRowsIsWaitedForAndOneThatIdlesIsNot() throws Exception {
        AtomicLong now = new AtomicLong();
        AtomicLong readings = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        AtomicLong lastBusyAt = new AtomicLong();
        try (CtrlC ctrlC = new CtrlC()) {
            // a core's tenth for the first 90 readings (90 s by the clock), then idle
            boolean written = ctrlC.awaitReport(() -> now.addAndGet(SECOND), () -> {
                if (readings.incrementAndGet() <= 90) {
                    lastBusyAt.set(now.get());
                    return cpu.addAndGet(SECOND / 10);
                }
                return cpu.get();
            }, 1);

            assertThat(written).isFalse();
            assertThat(lastBusyAt.get()).isGreaterThan(80 * SECOND);
            assertThat(now.get() - lastBusyAt.get())
                    .isBetween(CtrlC.PATIENCE, CtrlC.PATIENCE + 2 * SECOND);
        }
    }

    @Test
    void theReportWrittenEndsTheWaitAtOnce() throws Exception {
        CtrlC ctrlC = new CtrlC();
        // a clock that never moves: only the report can end the wait
        CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> {
            try {
                return ctrlC.awaitReport(() -> 0, () -> 0, TimeUnit.MILLISECONDS.toNanos(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        ctrlC.close();
        assertThat(waited.get(30, TimeUnit.SECONDS)).isTrue();
    }

    /** A process that stays busy without ever writing its report is let go after 10 minutes. */
    @Test
    void aProcessBusyForeverIsLetGoAfterTheLongestWait() throws Exception {
        AtomicLong now = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        try (CtrlC ctrlC = new CtrlC()) {
            assertThat(ctrlC.awaitReport(() -> now.addAndGet(SECOND),
                    () -> cpu.addAndGet(SECOND), 1)).isFalse();
            assertThat(now.get()).isBetween(CtrlC.LONGEST, CtrlC.LONGEST + 2 * SECOND);
        }
    }
}
