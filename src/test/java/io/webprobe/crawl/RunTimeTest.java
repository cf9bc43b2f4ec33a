package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunTimeTest {

    /**
     * Pause and Resume both pressed while the window starts the job (on another thread: a
     * resumed crawl's queue read back takes seconds at times) leave the clock as if neither was:
     * the pause before the start was counted as paused time, so the clock read short by it, and
     * below zero at first (-1 s here, a second after the start).
     */
    @Test
    void aPauseEndedBeforeTheStartIsNoPauseOfTheRun() {
        ManualTicker ticker = new ManualTicker();
        RunTime time = new RunTime(ticker);
        ticker.advance(Duration.ofSeconds(1));
        time.pause();
        ticker.advance(Duration.ofSeconds(2));
        time.resume();
        ticker.advance(Duration.ofSeconds(1));
        time.start();
        ticker.advance(Duration.ofSeconds(1));

        assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(1));
    }
}
