package io.webprobe.ui.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.ping.PingResult;
import io.webprobe.ping.PingSnapshot;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Ping tab's status line. */
class PingStatusTextTest {

    /**
     * The bug: a Fixed rate run read "19.6 req/s (target 20.0) · 2.59 s · 24 sent late" beside
     * a Not sent of 0, as if something had gone wrong; those were requests sent more than 1 ms
     * after they were due, as the command line says.
     */
    @Test
    void requestsSentLateSayHowLate() {
        PingSnapshot s = new PingSnapshot(List.of(), 51, 25, 24, 0, Duration.ofMillis(2590),
                19.6, 20, 0.26, List.of(), true, true, 0, false, null, 19.6, 0);

        assertThat(PingStatusText.statusLine(s)).endsWith("2.59 s · 24 sent over 1 ms late");
    }

    /**
     * A stop's requests in flight are said apart from the failed ones, and stay among the sent
     * (7 finished and 3 abandoned: 10 sent, as the status said while they were in flight; the
     * failed share is of the 7 finished); no word of them while a run goes, nor after one with
     * none.
     */
    @Test
    void theRequestsAbandonedAtTheStopAreSaidApart() {
        PingResult a = new PingResult("http://a/", 7, 6, 1,
                new java.util.TreeMap<>(java.util.Map.of(200, 6L, 503, 1L)), java.util.Map.of(),
                1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 7, 0, 0, 0, 0.07, 0, 0, 1, 0, 0, 3);
        PingSnapshot stopped = new PingSnapshot(List.of(a), 7, 1, 0, 0, Duration.ofSeconds(1),
                7, 0, 0.07, List.of(), true, true, 0, false, null, 0, 0);

        assertThat(PingStatusText.statusLine(stopped)).startsWith(
                "10 sent · 1 failed (14.3%) · 3 abandoned in flight at the stop · 7.0 req/s");
        PingSnapshot none = new PingSnapshot(List.of(), 51, 25, 24, 0, Duration.ofMillis(2590),
                19.6, 20, 0.26, List.of(), true, true, 0, false, null, 19.6, 0);
        assertThat(PingStatusText.statusLine(none)).doesNotContain("abandoned");
    }
}
