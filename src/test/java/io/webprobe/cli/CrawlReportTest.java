package io.webprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlSummary;
import io.webprobe.crawl.SiteHeaders;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The end-of-crawl summary's words, from a summary made here (no crawl). */
class CrawlReportTest {

    private static String summaryOf(CrawlSummary summary, long maxSize) {
        StringWriter out = new StringWriter();
        CrawlReport.report(new CrawlCommand(), summary, -1, SiteHeaders.NONE, -1, maxSize,
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        return out.toString();
    }

    private static CrawlSummary crawled(long urls, Duration elapsed, long cut) {
        return CrawlSummary.builder().counts(urls, 0, 0).elapsed(elapsed).cut(cut).build();
    }

    /**
     * The bug: a crawl of 10 URLs in 40 ms said "in 0.0 s (250.0 pages/s)". Its time is
     * said as ping's summary says it, to the hundredth under a minute, then as a clock.
     */
    @Test
    void aShortCrawlsTimeIsSaidToTheHundredthAsPingSaysIt() {
        assertThat(summaryOf(crawled(10, Duration.ofMillis(40), 0), 10 << 20))
                .isEqualTo("Crawled 10 URLs in 0.04 s (250.0 pages/s): 0 broken URLs, "
                        + "0 broken links.\n");
        assertThat(summaryOf(crawled(1, Duration.ofSeconds(90), 0), 10 << 20))
                .startsWith("Crawled 1 URL in 00:01:30 (0.0111 pages/s)");
    }

    @Test
    void thePagesCutAtTheCapAreCountedWithTheCapAsItIsGiven() {
        assertThat(summaryOf(crawled(10, Duration.ofSeconds(2), 3), 8L << 20)).endsWith(
                "\nCut at --max-size (8 MB): 3 pages; links past the cut were not read (raise "
                        + "--max-size to read them).\n");
        assertThat(summaryOf(crawled(10, Duration.ofSeconds(2), 1), 1536))
                .contains("Cut at --max-size (1.5 KB): 1 page;");
        assertThat(summaryOf(crawled(10, Duration.ofSeconds(2), 1), 100))
                .contains("Cut at --max-size (100 bytes): 1 page;");
    }
}
