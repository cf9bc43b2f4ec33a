package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressFormatTest {
    @Test
    void plainCrawlShowsCrawledQueuedBrokenRateAndClock() {
        CrawlProgress p = new CrawlProgress(1234, 50, 6, 12, Duration.ofSeconds(83), false,
                false, 0, 0, 0);

        assertThat(ProgressFormat.line(p))
                .isEqualTo("1,234 crawled · 56 queued · 12 broken URLs · 15 pages/s · 00:01:23");
    }

    @Test
    void blockedSkippedAndRetryingAreShownOnlyWhenThereAreSome() {
        CrawlProgress p = new CrawlProgress(20, 3, 0, 1, Duration.ofSeconds(4), false, false,
                5, 2, 3);

        assertThat(ProgressFormat.line(p)).isEqualTo("20 crawled · 3 queued (3 waiting to "
                + "retry) · 1 broken URL · 2 blocked · 5 skipped · 5.0 pages/s · 00:00:04");
    }

    @Test
    void theClockRoundsToTheNearestSecond() {
        assertThat(ProgressFormat.clock(Duration.ofMillis(9_998))).isEqualTo("00:00:10");
        assertThat(ProgressFormat.clock(Duration.ofMillis(10_499))).isEqualTo("00:00:10");
        assertThat(ProgressFormat.clock(Duration.ofMillis(3_599_600))).isEqualTo("01:00:00");
        assertThat(ProgressFormat.clock(Duration.ZERO)).isEqualTo("00:00:00");
    }
}
