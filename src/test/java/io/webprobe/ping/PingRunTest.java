package io.webprobe.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.ErrorKind;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The scheduling rules of a run against a manual clock: which requests are claimed, when each
 * is meant to start, how response and service times and lateness are derived from the times
 * an engine reports, and when a run counts as draining. No wall-clock time is involved, so a
 * busy machine cannot change the outcome.
 */
class PingRunTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private final AtomicLong clock = new AtomicLong(1_000_000 * MS);

    private static PingPlan plan(String... urls) {
        List<URI> targets = new ArrayList<>();
        for (String u : urls) {
            targets.add(URI.create(u));
        }
        return PingPlan.of(targets, "t");
    }

    private PingRun started(PingPlan plan, PingStats stats) {
        PingRun run = new PingRun(plan, PingListener.NONE, clock::get, stats);
        run.start(clock.get(), 0);
        return run;
    }

    @Test
    void openLoopClaimsEveryRequestWhoseIntendedStartFallsInTheDuration() {
        PingPlan plan = plan("http://a/", "http://b/").withRate(100, Duration.ofSeconds(1));
        PingRun run = started(plan, new PingStats(plan));
        long start = run.startNanos();
        List<Long> claims = new ArrayList<>();
        for (long i; (i = run.claim()) >= 0; ) {
            claims.add(i);
        }
        assertThat(claims).hasSize(100).startsWith(0L, 1L, 2L).endsWith(99L);
        for (long i : claims) {
            assertThat(run.intendedStart(i)).isEqualTo(start + i * 10 * MS);
            assertThat(run.targetIndex(i)).isEqualTo((int) (i % 2));
        }
        assertThat(run.claimed()).isEqualTo(100);
        assertThat(run.sendingDone(clock.get())).isFalse(); // the clock has not moved
        clock.addAndGet(1000 * MS);
        assertThat(run.sendingDone(clock.get())).isTrue();
    }

    /**
     * An open loop on time sends rate × duration requests, and owes none: the schedule's end
     * ({@code claim}) and what it owed ({@code notSent}) were each worked out in floating point
     * their own way, so {@code --rate 3 -d 5s} sent 15 and said 1 was not sent (a warning, and
     * exit code 1 with a threshold), and {@code --rate 3 -d 17s} sent 52, one past its end.
     */
    @Test
    void openLoopOnScheduleSendsRateTimesDurationAndOwesNothing() {
        long[][] cases = {{3, 5}, {3, 17}, {3, 10}, {7, 33}, {100, 1}};
        for (long[] c : cases) {
            PingPlan plan = plan("http://a/").withRate(c[0], Duration.ofSeconds(c[1]));
            PingStats stats = new PingStats(plan);
            PingRun run = started(plan, stats);
            RecordRing ring = run.newRing(false);
            long claims = 0;
            for (long i; (i = run.claim()) >= 0; claims++) {
                long at = run.intendedStart(i);
                clock.set(at);
                run.sending(i); // on the wire, as the engines say before the answer
                run.record(ring, i, at, at, at + MS, 200, null, "", 2, 0);
            }
            clock.set(run.startNanos() + TimeUnit.SECONDS.toNanos(c[1]));
            PingSnapshot s = stats.snapshot(run, true, clock.get());
            String at = "--rate " + c[0] + " -d " + c[1] + "s";
            assertThat(claims).as(at).isEqualTo(c[0] * c[1]);
            assertThat(s.notSent()).as(at).isZero();
        }
    }

    @Test
    void openLoopWithACountStopsAtTheCountFirst() {
        PingPlan plan = plan("http://a/").withRateAndCount(1000, Duration.ofSeconds(60), 5);
        PingRun run = started(plan, new PingStats(plan));
        int n = 0;
        while (run.claim() >= 0) {
            n++;
        }
        assertThat(n).isEqualTo(5);
        assertThat(run.sendingDone(clock.get())).isTrue();
    }

    @Test
    void closedLoopForADurationClaimsUntilTheClockPassesTheEnd() {
        PingPlan plan = plan("http://a/").withDuration(Duration.ofMillis(500));
        PingRun run = started(plan, new PingStats(plan));
        for (int k = 0; k < 1000; k++) {
            assertThat(run.claim()).isEqualTo(k);
        }
        clock.addAndGet(499 * MS);
        assertThat(run.claim()).isEqualTo(1000);
        clock.addAndGet(MS);
        assertThat(run.claim()).isEqualTo(-1);
        assertThat(run.intendedStart(5)).isEqualTo(-1); // closed loop: no intended starts
    }

    @Test
    void countModeClaimsWarmupAndCountedRoundsThenStopEndsClaims() {
        PingPlan plan = plan("http://a/", "http://b/").withCount(3).withWarmup(1);
        PingRun run = started(plan, new PingStats(plan));
        assertThat(run.claim()).isZero();
        run.stop();
        assertThat(run.claim()).isEqualTo(-1);

        PingRun whole = started(plan, new PingStats(plan));
        int n = 0;
        while (whole.claim() >= 0) {
            n++;
        }
        assertThat(n).isEqualTo(8); // (3 + 1 warm-up) x 2 URLs
    }

    @Test
    void responseTimeCountsFromTheIntendedStartAndLatenessFromTheSend() {
        PingPlan plan = plan("http://a/").withRate(10, Duration.ofSeconds(10));
        PingStats stats = new PingStats(plan);
        PingRun run = started(plan, stats);
        RecordRing ring = run.newRing(false);
        long t0 = run.startNanos();
        // request 0: sent on time, answered after 20 ms
        run.record(ring, run.claim(), t0, t0, t0 + 20 * MS, 200, null, "", 5, 0);
        // request 1: meant for +100 ms, sent 30 ms late, answered 20 ms after the send
        long i1 = run.claim();
        long intended = run.intendedStart(i1);
        run.record(ring, i1, intended, intended + 30 * MS, intended + 50 * MS, 200, null, "", 5, 0);
        // request 2: failed
        long i2 = run.claim();
        run.record(ring, i2, run.intendedStart(i2), run.intendedStart(i2),
                run.intendedStart(i2) + MS, 0, ErrorKind.REFUSED, "Connection refused", 0, 0);
        clock.set(t0 + 300 * MS);

        PingSnapshot s = stats.snapshot(run, false, 0);
        PingResult r = s.results().get(0);
        assertThat(r.sent()).isEqualTo(3);
        assertThat(r.ok()).isEqualTo(2);
        assertThat(r.errorCounts()).containsEntry(ErrorKind.REFUSED, 1L);
        assertThat(r.minMillis()).isEqualTo(20.0);
        assertThat(r.maxMillis()).isEqualTo(50.0);
        assertThat(r.serviceP99Millis()).isEqualTo(20.0);
        assertThat(r.late()).isEqualTo(1);
        assertThat(s.late()).isEqualTo(1);
        assertThat(r.bytes()).isEqualTo(10);
        assertThat(s.elapsed()).isEqualTo(Duration.ofMillis(300));
        assertThat(s.inFlight()).isZero();
    }

    @Test
    void afterTheDurationARunWithRequestsInFlightIsDraining() {
        PingPlan plan = plan("http://a/").withRate(10, Duration.ofSeconds(1));
        PingStats stats = new PingStats(plan);
        PingRun run = started(plan, stats);
        RecordRing ring = run.newRing(false);
        List<Long> claimed = new ArrayList<>();
        for (long i; (i = run.claim()) >= 0; ) {
            claimed.add(i);
        }
        for (long i : claimed.subList(0, 7)) {
            run.record(ring, i, run.intendedStart(i), run.intendedStart(i),
                    run.intendedStart(i) + MS, 200, null, "", 0, 0);
        }
        PingSnapshot during = stats.snapshot(run, false, 0);
        assertThat(during.inFlight()).isEqualTo(3);
        assertThat(during.draining()).isFalse();

        clock.addAndGet(1500 * MS);
        PingSnapshot after = stats.snapshot(run, false, 0);
        assertThat(after.draining()).isTrue();
        assertThat(after.waitingText(Duration.ofSeconds(10)))
                .isEqualTo("waiting for 3 requests in flight (timeout 10 s)");
        assertThat(after.waitingText(Duration.ofMillis(2500)))
                .isEqualTo("waiting for 3 requests in flight (timeout 2.5 s)");
    }

    @Test
    void aFullRingIsDrainedByItsProducerAndNothingIsLost() {
        PingPlan plan = plan("http://a/").withCount(40_000).withConcurrency(1);
        PingStats stats = new PingStats(plan);
        PingRun run = started(plan, stats);
        RecordRing ring = run.newRing(false);
        for (long i; (i = run.claim()) >= 0; ) {
            run.record(ring, i, -1, 0, (i % 1000 + 1) * MS, 200, null, "", 1, 0);
        }
        PingSnapshot s = stats.snapshot(run, true, clock.get());
        assertThat(s.sent()).isEqualTo(40_000);
        assertThat(s.results().get(0).bytes()).isEqualTo(40_000);
        assertThat(s.results().get(0).maxMillis()).isCloseTo(1000.0,
                org.assertj.core.api.Assertions.within(1.0));
    }

    @Test
    void theSeriesCountsItsSecondsFromTheRunsStartNotFromTheWarmUp() {
        PingPlan plan = plan("http://a/").withCount(3);
        PingStats stats = new PingStats(plan);
        PingRun run = new PingRun(plan, PingListener.NONE, clock::get, stats);
        // the figures are refreshed every 250 ms from the job's start, the warm-up included
        for (int tick = 0; tick < 3; tick++) {
            clock.addAndGet(250 * MS);
            stats.snapshot(run, false, 0);
        }
        run.start(clock.get(), 0);
        RecordRing ring = run.newRing(false);
        for (long i; (i = run.claim()) >= 0; ) {
            run.record(ring, i, -1, clock.get(), clock.get() + MS, 200, null, "", 0, 0);
        }
        clock.addAndGet(250 * MS);
        PingSnapshot running = stats.snapshot(run, false, 0);
        clock.addAndGet(350 * MS);
        PingSnapshot last = stats.snapshot(run, true, clock.get());

        // a quarter of a second in, no second has passed: no point at 1 s
        assertThat(running.series()).isEmpty();
        assertThat(last.series()).extracting(LatencyPoint::atSeconds).containsExactly(0.6);
    }

    /**
     * The bug: after a duration only the requests in flight were left to answer, the slow
     * URL's alone, and their fraction of a second was a point of its own: every run with one
     * slow URL ended on a jump (p50 340 ms at 10.33 s). They join the last second's point.
     */
    @Test
    void theAnswersAfterADurationsEndJoinTheLastSecondsPoint() {
        PingPlan plan = plan("http://a/").withDuration(Duration.ofSeconds(2));
        PingStats stats = new PingStats(plan);
        PingRun run = started(plan, stats);
        RecordRing ring = run.newRing(false);
        long slow = -1;
        for (int tick = 0; tick < 8; tick++) {
            long i = run.claim();
            if (tick == 6) {
                slow = i; // sent at 1.5 s, answered after the end
                i = run.claim();
            }
            run.record(ring, i, -1, clock.get(), clock.get() + MS, 200, null, "", 0, 0);
            clock.addAndGet(250 * MS);
            stats.snapshot(run, false, 0);
        }
        long sentAt = clock.get() - 500 * MS;
        clock.addAndGet(300 * MS);
        run.record(ring, slow, -1, sentAt, clock.get(), 200, null, "", 0, 0);
        PingSnapshot last = stats.snapshot(run, true, clock.get());

        assertThat(last.series()).extracting(LatencyPoint::atSeconds).containsExactly(1.0, 2.3);
        LatencyPoint end = last.series().get(1);
        assertThat(end.requests()).isEqualTo(5);
        assertThat(end.p50Millis()).isLessThan(2);
        assertThat(end.p99Millis()).isGreaterThan(700);
    }

    @Test
    void theSeriesKeepsTheLastHourOnly() {
        PingPlan plan = plan("http://a/").withDuration(Duration.ofHours(2));
        PingStats stats = new PingStats(plan);
        PingRun run = started(plan, stats);
        RecordRing ring = run.newRing(false);
        PingSnapshot s = null;
        for (int second = 0; second < PingSnapshot.MAX_SERIES_POINTS + 50; second++) {
            for (int tick = 0; tick < 4; tick++) {
                long i = run.claim();
                run.record(ring, i, -1, clock.get(), clock.get() + MS, 200, null, "", 0, 0);
                clock.addAndGet(250 * MS);
                s = stats.snapshot(run, false, 0);
            }
        }
        assertThat(s.series()).hasSize(PingSnapshot.MAX_SERIES_POINTS);
        assertThat(s.series().get(0).atSeconds()).isEqualTo(51.0);
    }

    /**
     * One connection, a server taking 200 ms: each of requests 0 to 4 goes out when the last
     * ended; the clock is then 1 s past the start.
     */
    private void fiveAnswersOf200Ms(PingRun run) {
        RecordRing ring = run.newRing(false);
        long send = run.startNanos();
        for (int k = 0; k < 5; k++) {
            long i = run.claim();
            assertThat(i).isEqualTo(k);
            clock.set(send + 200 * MS);
            run.sending(i);
            run.record(ring, i, run.intendedStart(i), send, clock.get(), 200, null, "", 2, 0);
            send = clock.get();
        }
    }

    @Test
    void openLoopBehindItsScheduleStopsAtTheEndAndCountsWhatItDidNotSend() {
        PingPlan plan = plan("http://a/").withRate(40, Duration.ofSeconds(1));
        PingStats stats = new PingStats(plan);
        PingRun run = started(plan, stats);
        fiveAnswersOf200Ms(run);
        // 1 s has passed: request 5 was due at +125 ms, but the time is over
        assertThat(run.claim()).isEqualTo(-1);
        PingSnapshot s = stats.snapshot(run, true, clock.get());
        assertThat(s.notSent()).isEqualTo(35);
        // 5 requests in the second the schedule ran (the bug: over the last send at +800 ms
        // plus one interval, 5 / 0.825 s; a run that sent one request before a 2 s server
        // "achieved" the whole rate that way)
        assertThat(s.achievedRate()).isCloseTo(5.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.results().get(0).requestsPerSecond())
                .isCloseTo(5.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    /**
     * A stop (Ctrl-C, SIGTERM, the Stop button) counts what the schedule had before it and did
     * not send, as the end of the duration does: a --rate 100 run against a 50 ms server on 3
     * connections, stopped after 2.25 s, said "0 not sent" where its duration's end said 96.
     */
    @Test
    void openLoopBehindItsScheduleStoppedCountsWhatWasDueBeforeTheStop() {
        PingPlan plan = plan("http://a/").withRate(40, Duration.ofSeconds(10));
        PingStats stats = new PingStats(plan);
        PingRun run = started(plan, stats);
        fiveAnswersOf200Ms(run);
        // stopped at +1 s: requests 0 to 39 were due (every 25 ms), 5 were sent
        run.stop();
        PingSnapshot s = stats.snapshot(run, true, clock.get());
        assertThat(s.stopped()).isTrue();
        assertThat(s.notSent()).isEqualTo(35);
        assertThat(s.results().get(0).notSent()).isEqualTo(35);
    }

    /**
     * The bug: a --rate 50 run of a fast URL and a 3 s one, stopped with Ctrl-C, had the slow
     * URL's row say 119 not sent and the run "114 requests were not sent". The fast URL's
     * connections had each claimed their next request, due after the stop: the run took
     * those from the slow URL's. The run's figure is its URLs' figures added up.
     */
    @Test
    void aStoppedRunsNotSentIsItsUrlsAddedUp() {
        PingPlan plan = plan("http://a/", "http://b/").withConcurrency(2)
                .withRate(40, Duration.ofSeconds(10));
        PingStats stats = new PingStats(plan);
        PingRun run = started(plan, stats);
        RecordRing ring = run.newRing(false);
        assertThat(run.claim(1)).as("b's first, never answered").isEqualTo(1);
        run.sending(1);
        for (int k = 0; k < 20; k++) { // a on time, every 50 ms (the run's every 25 ms)
            long i = run.claim(0);
            long at = run.intendedStart(i);
            clock.set(at);
            run.sending(i);
            run.record(ring, i, at, at, at + MS, 200, null, "", 2, 0);
        }
        assertThat(run.claim(0)).as("a's next, due at +1 s, waits for its time").isEqualTo(40);
        clock.set(run.intendedStart(40) - MS);
        run.stop();
        PingSnapshot s = stats.snapshot(run, true, clock.get());
        // 40 due before the stop, 20 each: a sent its 20, b 1 of its 20
        assertThat(s.results()).extracting(PingResult::notSent).containsExactly(0L, 19L);
        assertThat(s.notSent()).isEqualTo(19);
        // b's one request sent, in flight at the stop: abandoned, so its 20 are all told
        assertThat(s.results()).extracting(PingResult::abandoned).containsExactly(0L, 1L);
        assertThat(s.results()).extracting(PingResult::sent).containsExactly(20L, 0L);
    }

    @Test
    void openLoopOnScheduleStoppedHasSentEverythingDue() {
        PingPlan plan = plan("http://a/").withRate(10, Duration.ofSeconds(60));
        PingStats stats = new PingStats(plan);
        PingRun run = started(plan, stats);
        RecordRing ring = run.newRing(false);
        for (int k = 0; k < 5; k++) { // on time; the connection has claimed the next one
            long i = run.claim();
            long at = run.intendedStart(i);
            clock.set(at);
            run.sending(i);
            run.record(ring, i, at, at, at + MS, 200, null, "", 2, 0);
        }
        run.claim(); // request 5, due at +500 ms, waits for its time
        clock.set(run.intendedStart(5) - MS);
        run.stop();
        assertThat(stats.snapshot(run, true, clock.get()).notSent()).isZero();
    }

    /**
     * A connection on time claims its next request before it is due and waits for its time:
     * stopped after that time and before the send, the request was due and not sent. Counting
     * the claims, it was neither sent nor not sent: a stopped run's sent and not sent fell
     * short of what was due.
     */
    @Test
    void aRequestDueAtTheStopThatWasClaimedButNotSentIsNotSent() {
        PingPlan plan = plan("http://a/").withRate(10, Duration.ofSeconds(60));
        PingStats stats = new PingStats(plan);
        PingRun run = started(plan, stats);
        RecordRing ring = run.newRing(false);
        long first = run.claim();
        run.sending(first);
        run.record(ring, first, run.startNanos(), run.startNanos(), run.startNanos() + MS, 200,
                null, "", 2, 0);
        assertThat(run.claim()).as("due at +100 ms, waits for its time").isEqualTo(1);
        clock.set(run.startNanos() + 150 * MS); // its time came; stopped before it went out
        run.stop();

        PingSnapshot s = stats.snapshot(run, true, clock.get());
        PingResult r = s.results().get(0);
        // due before the stop: requests 0 (at 0 ms) and 1 (at 100 ms)
        assertThat(r.sent() + r.abandoned() + r.notSent()).isEqualTo(2);
        assertThat(r.sent()).isEqualTo(1);
        assertThat(r.abandoned()).isZero();
        assertThat(r.notSent()).isEqualTo(1);
        assertThat(s.notSent()).isEqualTo(1);
    }

    /**
     * A connection that found its request due just after the stop read the clock, and had not
     * seen the stop yet, sent it: it was due. Requests 0 and 2 went out, 1 (due before the
     * stop) did not; the schedule cut at the stop's clock owed only 0 and 1, both "sent", and
     * request 1 was counted nowhere.
     */
    @Test
    void aRequestSentAsTheStopCameWasDue() {
        PingPlan plan = plan("http://a/").withRate(10, Duration.ofSeconds(60));
        PingStats stats = new PingStats(plan);
        PingRun run = started(plan, stats);
        RecordRing ring = run.newRing(false);
        long first = run.claim();
        run.sending(first);
        run.record(ring, first, run.startNanos(), run.startNanos(), run.startNanos() + MS, 200,
                null, "", 2, 0);
        long second = run.claim(); // due at +100 ms; its connection is slow to send it
        long third = run.claim(); // due at +200 ms
        clock.set(run.intendedStart(third) - MS);
        run.stop(); // the stop reads the clock 1 ms before the third is due
        clock.set(run.intendedStart(third));
        run.sending(third); // its connection read the clock after, and the stop flag before

        PingSnapshot s = stats.snapshot(run, true, clock.get());
        PingResult r = s.results().get(0);
        assertThat(second).isEqualTo(1);
        assertThat(r.sent()).isEqualTo(1);
        assertThat(r.abandoned()).isEqualTo(1);
        assertThat(r.notSent()).isEqualTo(1);
    }

    /**
     * The requests in flight at a stop are abandoned: counted apart, neither answered nor
     * failed, with no latency, and out of the failed share; an answer that arrives after the
     * stop changes nothing. While the run lasts they are in flight, abandoned none.
     */
    @Test
    void theRequestsInFlightAtTheStopAreAbandonedNotFailed() {
        PingPlan plan = plan("http://a/", "http://b/").withCount(10).withConcurrency(4);
        PingStats stats = new PingStats(plan);
        PingRun run = started(plan, stats);
        RecordRing ring = run.newRing(false);
        long t0 = run.startNanos();
        long[] out = {run.claim(0), run.claim(1), run.claim(2), run.claim(3)};
        for (long i : out) {
            run.sending(i);
        }
        run.record(ring, out[0], -1, t0, t0 + 5 * MS, 200, null, "", 2, 0); // a: answered
        run.record(ring, out[1], -1, t0, t0 + 6 * MS, 0, ErrorKind.TIMEOUT, "", 0, 0); // b
        clock.set(t0 + 7 * MS);
        PingSnapshot running = stats.snapshot(run, false, 0);
        assertThat(running.results()).extracting(PingResult::inFlight).containsExactly(1L, 1L);
        assertThat(running.abandoned()).isZero();

        run.stop();
        // the answer of a's second comes after the stop: not waited for, not counted
        run.record(ring, out[2], -1, t0, t0 + 8 * MS, 200, null, "", 2, 0);
        PingSnapshot s = stats.snapshot(run, true, clock.get());
        assertThat(s.results()).extracting(PingResult::abandoned).containsExactly(1L, 1L);
        assertThat(s.results()).extracting(PingResult::inFlight).containsExactly(0L, 0L);
        assertThat(s.abandoned()).isEqualTo(2);
        for (int t = 0; t < 2; t++) {
            PingResult r = s.results().get(t);
            // every request put on the wire is told once: answered, failed or abandoned
            assertThat(r.sent() + r.abandoned()).as(r.url()).isEqualTo(run.sent(t));
            assertThat(r.sent()).as(r.url()).isEqualTo(1);
        }
        PingResult a = s.results().get(0);
        assertThat(a.ok()).isEqualTo(1);
        assertThat(a.failed()).isZero();
        assertThat(a.errorCounts()).isEmpty();
        assertThat(a.maxMillis()).isEqualTo(5.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(s.results().get(1).errorCounts()).containsOnlyKeys(ErrorKind.TIMEOUT);
        assertThat(s.failed()).isEqualTo(1);
        assertThat(s.failedShare()).isEqualTo(" (50.0%)");
        assertThat(s.sent()).isEqualTo(2);
    }

    @Test
    void openLoopOnScheduleAchievesItsRateExactly() {
        PingPlan plan = plan("http://a/").withRateAndCount(10, Duration.ofSeconds(60), 5);
        PingStats stats = new PingStats(plan);
        PingRun run = started(plan, stats);
        RecordRing ring = run.newRing(false);
        for (long i; (i = run.claim()) >= 0; ) {
            long at = run.intendedStart(i);
            run.sending(i);
            run.record(ring, i, at, at, at + MS, 200, null, "", 2, 0);
        }
        // the last answer comes 3 s after the last send: the sends' time is what counts
        clock.set(run.intendedStart(4) + 3_000 * MS);
        PingSnapshot s = stats.snapshot(run, true, clock.get());
        assertThat(s.achievedRate()).isEqualTo(10.0);
        assertThat(s.notSent()).isZero();
        // one rate, the same everywhere: not 5 / 0.401 s = 12.5, one interval short
        assertThat(s.requestsPerSecond()).isEqualTo(10.0);
        assertThat(s.results().get(0).requestsPerSecond()).isEqualTo(10.0);
    }

    @Test
    void afterADurationTheWaitForRequestsInFlightIsNotPartOfTheRates() {
        PingPlan plan = plan("http://good/", "http://hung/").withDuration(Duration.ofSeconds(1))
                .withConcurrency(2).withTimeout(Duration.ofSeconds(4));
        PingStats stats = new PingStats(plan);
        PingRun run = started(plan, stats);
        RecordRing ring = run.newRing(true);
        long t0 = run.startNanos();
        // the good URL answers 1,000 requests in the second; the hung one's only request
        // times out 4 s after it was sent
        for (int k = 0; k < 1000; k++) {
            clock.set(t0 + k * MS);
            long i = run.claim(0);
            run.record(ring, i, -1, clock.get(), clock.get() + MS, 200, null, "", 2, 0);
        }
        long hung = run.claim(1);
        clock.set(t0 + 4000 * MS);
        run.record(ring, hung, -1, t0, clock.get(), 0, ErrorKind.TIMEOUT, "", 0, 0);
        PingSnapshot s = stats.snapshot(run, true, clock.get());

        assertThat(s.elapsed()).isEqualTo(Duration.ofSeconds(4));
        assertThat(s.requestsPerSecond()).isEqualTo(1001.0);
        assertThat(s.results().get(0).requestsPerSecond()).isEqualTo(1000.0);
        assertThat(s.results().get(1).requestsPerSecond()).isEqualTo(1.0);
    }

    @Test
    void aUrlThatHadAllItsRequestsFirstHasItsRateOverItsOwnTime() {
        PingPlan plan = plan("http://quick/", "http://slow/").withCount(10).withConcurrency(2);
        PingStats stats = new PingStats(plan);
        PingRun run = started(plan, stats);
        RecordRing ring = run.newRing(true);
        long t0 = run.startNanos();
        // the quick URL's ten answers end after 1 s, the slow one's after 10 s
        for (int k = 1; k <= 10; k++) {
            long q = run.claim(0);
            run.record(ring, q, -1, t0, t0 + k * 100 * MS, 200, null, "", 2, 0);
            long w = run.claim(1);
            run.record(ring, w, -1, t0, t0 + k * 1000 * MS, 200, null, "", 2, 0);
        }
        clock.set(t0 + 10_000 * MS);
        PingSnapshot s = stats.snapshot(run, true, clock.get());

        assertThat(s.results().get(0).requestsPerSecond()).isEqualTo(10.0);
        assertThat(s.results().get(1).requestsPerSecond()).isEqualTo(1.0);
        assertThat(s.requestsPerSecond()).isEqualTo(2.0);
    }

    /**
     * The bug: one URL's row said 178 req/s (over its own time, to its last answer) and the
     * total 36 req/s (to the moment the run had closed its connections).
     */
    @Test
    void aFinishedCountEndsAtItsLastAnswerSoOneUrlsRateIsTheTotal() {
        PingPlan plan = plan("http://a/").withCount(4).withConcurrency(1);
        PingStats stats = new PingStats(plan);
        PingRun run = started(plan, stats);
        RecordRing ring = run.newRing(true);
        long t0 = run.startNanos();
        for (int k = 1; k <= 4; k++) { // four answers, the last after 1 s
            run.record(ring, run.claim(0), -1, t0, t0 + k * 250 * MS, 200, null, "", 2, 0);
        }
        clock.set(t0 + 1_300 * MS); // the connections closed 0.3 s later
        PingSnapshot s = stats.snapshot(run, true, clock.get());

        assertThat(s.elapsed()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.requestsPerSecond()).isEqualTo(4.0);
        assertThat(s.results().get(0).requestsPerSecond()).isEqualTo(4.0);
    }

    @Test
    void theWarmUpIsNotPartOfTheMeasuredTimeInAClosedLoop() {
        PingPlan plan = plan("http://a/").withDuration(Duration.ofSeconds(2)).withWarmup(5);
        PingStats stats = new PingStats(plan);
        PingRun run = started(plan, stats);
        RecordRing ring = run.newRing(false);
        long t0 = run.startNanos();
        for (int k = 0; k < 5; k++) { // five warm-up requests of 200 ms: 1 s
            long i = run.claim();
            run.record(ring, i, -1, clock.get(), clock.addAndGet(200 * MS), 200, null, "", 2, 0);
        }
        assertThat(run.measureStartNanos()).isEqualTo(-1);
        long first = run.claim(); // the first counted request: the 2 s start now
        assertThat(first).isEqualTo(5);
        assertThat(run.measureStartNanos()).isEqualTo(t0 + 1000 * MS);
        clock.addAndGet(1999 * MS);
        assertThat(run.claim()).isEqualTo(6);
        clock.addAndGet(MS);
        assertThat(run.claim()).isEqualTo(-1);
        PingSnapshot s = stats.snapshot(run, true, clock.get());
        assertThat(s.elapsed()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theWarmUpComesBeforeTheMeasuredScheduleInAnOpenLoop() {
        PingPlan plan = plan("http://a/").withRate(10, Duration.ofSeconds(1)).withWarmup(3);
        PingRun run = started(plan, new PingStats(plan));
        int n = 0;
        while (run.claim() >= 0) {
            n++;
        }
        assertThat(n).isEqualTo(13); // 3 warm-up requests, then the full second of 10
        assertThat(run.measureStartNanos()).isEqualTo(run.intendedStart(3));
    }

    @Test
    void withNoMoreUrlsThanConnectionsEachConnectionKeepsToOneUrl() {
        PingPlan plan = plan("http://a/", "http://b/").withCount(3).withConcurrency(4);
        PingRun run = started(plan, new PingStats(plan));
        // connections 0 and 2 keep to a, 1 and 3 to b; a's numbers are its rounds: 0, 2, 4
        assertThat(run.claim(0)).isEqualTo(0);
        assertThat(run.claim(2)).isEqualTo(2);
        assertThat(run.claim(1)).isEqualTo(1);
        assertThat(run.claim(0)).isEqualTo(4);
        assertThat(run.claim(2)).isEqualTo(-1); // a's three are claimed: b's are not its to take
        assertThat(run.sendingDone(clock.get())).isFalse();
        assertThat(run.claim(3)).isEqualTo(3);
        assertThat(run.claim(1)).isEqualTo(5);
        assertThat(run.claim(3)).isEqualTo(-1);
        assertThat(run.sendingDone(clock.get())).isTrue();
        assertThat(run.claimed()).isEqualTo(6);
    }

    /**
     * The bug: a URL that could not be set up (its host name did not resolve) kept its share
     * of the connections, idle all run: ping -c 10 with a live URL and a .invalid one sent
     * 213 requests in 2 s where the live URL alone got 442, and the summary spoke of 10
     * connections. The connections are shared among the URLs that are requested.
     */
    @Test
    void aUrlNotRequestedLeavesItsConnectionsToTheOthers() {
        PingPlan plan = plan("http://a/", "http://b.invalid/", "http://c/").withCount(3)
                .withConcurrency(4);
        PingRun run = new PingRun(plan, PingListener.NONE, clock::get, new PingStats(plan));
        run.skip(1, io.webprobe.http.ErrorClassifier.dnsFailure());
        run.start(clock.get(), 0);
        // connections 0 and 2 keep to a, 1 and 3 to c; a's numbers are its rounds: 0, 3, 6
        assertThat(run.claim(0)).isEqualTo(0);
        assertThat(run.claim(1)).isEqualTo(2);
        assertThat(run.claim(2)).isEqualTo(3);
        assertThat(run.claim(3)).isEqualTo(5);
        assertThat(run.claim(0)).isEqualTo(6);
        assertThat(run.claim(2)).isEqualTo(-1);
        assertThat(run.claim(3)).isEqualTo(8);
        assertThat(run.claim(1)).isEqualTo(-1);
        assertThat(run.sendingDone(clock.get())).isTrue();
    }

    @Test
    void withMoreUrlsThanConnectionsEveryConnectionTakesTheNextOfOneSequence() {
        PingPlan plan = plan("http://a/", "http://b/", "http://c/").withCount(1)
                .withConcurrency(2);
        PingRun run = started(plan, new PingStats(plan));
        assertThat(run.claim(0)).isEqualTo(0);
        assertThat(run.claim(0)).isEqualTo(1);
        assertThat(run.claim(1)).isEqualTo(2);
        assertThat(run.claim(1)).isEqualTo(-1);
    }

    /**
     * The bug: with more URLs than connections, a connection refused by one URL sat idle for
     * the whole pace (100 ms) though the other URLs' turns could use it; now the URL waits:
     * its turns are passed over, and the connection waits only when every URL is paused.
     */
    @Test
    void aRefusedUrlsTurnsArePassedOverWhileTheConnectionGoesOnWithTheOthers() {
        PingPlan plan = plan("http://a/", "http://b/", "http://c/")
                .withDuration(Duration.ofSeconds(10)).withConcurrency(1);
        PingRun run = started(plan, new PingStats(plan));
        long now = clock.get();
        assertThat(run.claim(0)).isEqualTo(0);
        assertThat(run.claim(0)).isEqualTo(1);
        // b refused at once: the connection may go on now
        assertThat(run.pauseAfter(1, ErrorKind.REFUSED, now, now, 0)).isEqualTo(Long.MIN_VALUE);
        assertThat(run.claim(0)).isEqualTo(2);
        assertThat(run.claim(0)).isEqualTo(3);
        assertThat(run.claim(0)).isEqualTo(5); // b's turn (4) passed over
        clock.addAndGet(100 * MS);
        assertThat(run.claim(0)).isEqualTo(6);
        assertThat(run.claim(0)).isEqualTo(7); // b is asked again after the pace
        // every URL refused: the connection waits until the first may be tried again
        long later = clock.get();
        assertThat(run.pauseAfter(6, ErrorKind.REFUSED, later, later, 0))
                .isEqualTo(Long.MIN_VALUE);
        assertThat(run.pauseAfter(7, ErrorKind.REFUSED, later + MS, later + MS, 0))
                .isEqualTo(Long.MIN_VALUE);
        assertThat(run.pauseAfter(8, ErrorKind.REFUSED, later + 2 * MS, later + 2 * MS, 0))
                .isEqualTo(later + 100 * MS);
    }

    @Test
    void aConnectionKeptToItsUrlWaitsThePaceItself() {
        PingPlan plan = plan("http://a/", "http://b/").withDuration(Duration.ofSeconds(10))
                .withConcurrency(2);
        PingRun run = started(plan, new PingStats(plan));
        long now = clock.get();
        assertThat(run.claim(1)).isEqualTo(1);
        // its connection is b's alone (no other URL's turns to take): it waits
        assertThat(run.pauseAfter(1, ErrorKind.REFUSED, now, now, 0)).isEqualTo(now + 100 * MS);
        assertThat(run.claim(0)).isEqualTo(0);
        assertThat(run.claim(0)).isEqualTo(2);
    }
}
