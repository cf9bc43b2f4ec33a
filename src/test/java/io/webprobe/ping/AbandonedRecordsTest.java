package io.webprobe.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.ErrorClassifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * {@link PingRun#tellAbandoned}, on a clock the test moves: the listener is told of each
 * request put on the wire and never recorded, once, in the order of their numbers, with its
 * send time (an answer after the stop is dropped: that request is told too); of none recorded
 * before the stop, none of the warm-up, and not of the one failure of a URL not requested
 * that a stop dropped (its row counts none abandoned).
 */
class AbandonedRecordsTest {
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final List<RequestRecord> told = new ArrayList<>();
    private final PingListener listener = new PingListener() {
        @Override
        public void onRequest(RequestRecord record) {
            told.add(record);
        }
    };

    private static PingPlan plan(String... urls) {
        List<URI> targets = new ArrayList<>();
        for (String u : urls) {
            targets.add(URI.create(u));
        }
        return PingPlan.of(targets, "t");
    }

    @Test
    void eachRequestLeftOnTheWireIsToldOnceInOrder() {
        PingPlan plan = plan("http://a/", "http://b/").withCount(10).withWarmup(1);
        PingStats stats = new PingStats(plan);
        PingRun run = new PingRun(plan, listener, clock::get, stats);
        run.start(clock.get(), 1_700_000_000_000L);
        RecordRing ring = run.newRing(false);
        run.claim(); // the warm-up round: requests 0 and 1
        long warm = run.claim();
        run.sending(warm, -1, clock.get()); // in flight at the stop
        long answered = run.claim();
        long first = run.claim();
        long second = run.claim();
        clock.addAndGet(5_000_000);
        run.sending(second, -1, clock.get());
        run.sending(answered, -1, clock.get());
        run.sending(first, -1, clock.get() + 1_000_000);
        run.record(ring, answered, -1, clock.get(), clock.get() + 100, 200, null, "", 2, 0);
        run.stop();
        run.record(ring, first, -1, clock.get(), clock.get() + 200, 200, null, "", 2, 0);
        told.clear();

        run.tellAbandoned();
        run.tellAbandoned(); // told once

        assertThat(told).extracting(RequestRecord::seq).containsExactly(first, second);
        assertThat(told).allMatch(RequestRecord::abandoned);
        assertThat(told.get(1).startEpochMillis()).isEqualTo(1_700_000_000_005L);
        assertThat(told.get(0).startEpochMillis()).isEqualTo(1_700_000_000_006L);
        assertThat(told).extracting(RequestRecord::url).containsExactly("http://b/",
                "http://a/");
    }

    @Test
    void theFailureOfAUrlNotRequestedThatAStopDroppedIsNotTold() {
        PingPlan plan = plan("http://a/", "http://b/").withCount(10);
        PingRun run = new PingRun(plan, listener, clock::get, new PingStats(plan));
        run.skip(1, ErrorClassifier.dnsFailure());
        run.start(clock.get(), 0);
        run.stop();
        run.recordSkipped(run.newRing(false));

        run.tellAbandoned();

        assertThat(told).isEmpty();
    }
}
