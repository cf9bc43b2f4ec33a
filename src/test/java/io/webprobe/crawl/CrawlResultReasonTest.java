package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.ErrorKind;
import org.junit.jupiter.api.Test;

class CrawlResultReasonTest {
    private static final String URL = "http://127.0.0.1/x";

    @Test
    void aBrokenStatusGivesItsStandardPhraseAsTheReason() {
        assertThat(CrawlResult.builder(URL).status(404).build().reason()).isEqualTo("Not Found");
        assertThat(CrawlResult.builder(URL).status(503).build().reason())
                .isEqualTo("Service Unavailable");
        assertThat(CrawlResult.builder(URL).status(599).build().reason()).isEmpty();
    }

    @Test
    void aPageThatAnsweredGivesNoReason() {
        assertThat(CrawlResult.builder(URL).status(200).build().reason()).isEmpty();
        assertThat(CrawlResult.builder(URL).status(301).build().reason()).isEmpty();
    }

    @Test
    void aFailedBlockedOrSkippedUrlKeepsItsOwnSentence() {
        assertThat(CrawlResult.builder(URL)
                .error(ErrorKind.REFUSED, "Connection refused by 127.0.0.1").build().reason())
                .isEqualTo("Connection refused by 127.0.0.1");
        assertThat(CrawlResult.builder(URL).status(429).skipped(SkipReason.RATE_LIMITED)
                .message("Rate limited: still HTTP 429").build().reason())
                .isEqualTo("Rate limited: still HTTP 429");
    }
}
