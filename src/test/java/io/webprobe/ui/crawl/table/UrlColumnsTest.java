package io.webprobe.ui.crawl.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlResult;
import io.webprobe.crawl.SkipReason;
import io.webprobe.http.ErrorKind;
import org.junit.jupiter.api.Test;

class UrlColumnsTest {
    private static final String URL = "http://127.0.0.1/x";

    @Test
    void aBrokenStatusGivesItsStandardPhraseAsTheReason() {
        assertThat(UrlColumns.reason(CrawlResult.builder(URL).status(404).build()))
                .isEqualTo("Not Found");
        assertThat(UrlColumns.reason(CrawlResult.builder(URL).status(503).build()))
                .isEqualTo("Service Unavailable");
        assertThat(UrlColumns.reason(CrawlResult.builder(URL).status(599).build())).isEmpty();
    }

    @Test
    void aPageThatAnsweredIsGivesNoReason() {
        assertThat(UrlColumns.reason(CrawlResult.builder(URL).status(200).build())).isEmpty();
        assertThat(UrlColumns.reason(CrawlResult.builder(URL).status(301).build())).isEmpty();
    }

    @Test
    void aFailedBlockedOrSkippedUrlKeepsItsOwnSentence() {
        assertThat(UrlColumns.reason(CrawlResult.builder(URL)
                .error(ErrorKind.REFUSED, "Connection refused by 127.0.0.1").build()))
                .isEqualTo("Connection refused by 127.0.0.1");
        assertThat(UrlColumns.reason(CrawlResult.builder(URL).status(429)
                .skipped(SkipReason.RATE_LIMITED).message("Rate limited: still HTTP 429").build()))
                .isEqualTo("Rate limited: still HTTP 429");
    }

    @Test
    void aStatusReadsWithItsPhraseAndAnErrorKeepsItsLabel() {
        assertThat(io.webprobe.http.StatusPhrases.withPhrase(404, "404")).isEqualTo("404 Not Found");
        assertThat(io.webprobe.http.StatusPhrases.withPhrase(200, "200")).isEqualTo("200 OK");
        assertThat(io.webprobe.http.StatusPhrases.withPhrase(599, "599")).isEqualTo("599");
        assertThat(io.webprobe.http.StatusPhrases.withPhrase(0, "Connection refused"))
                .isEqualTo("Connection refused");
    }
}
