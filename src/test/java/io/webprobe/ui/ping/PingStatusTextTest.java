package io.webprobe.ui.ping;

import static org.assertj.core.api.Assertions.assertThat;

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
}
