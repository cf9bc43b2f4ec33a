package io.webprobe.ui.crawl.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlResult;
import io.webprobe.http.ErrorKind;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.store.CrawlReader;
import io.webprobe.store.CrawlStats;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.UrlQuery;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.RefusedPort;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bug: a URL whose connection was refused showed Size 0 and Time (ms) 0 in red, and its
 * 0 ms counted in the response-time chart's "&lt;50" bar. A URL that got no answer has neither;
 * the CSV keeps what it documents (the time until the request failed).
 */
class NoAnswerCellsTest {
    @TempDir
    Path dir;

    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void aUrlThatGotNoAnswerHasNoSizeNorTimeInTheTable() {
        UrlQuery.Row refused = new UrlQuery.Row(1, 1, CrawlResult.builder(
                "http://127.0.0.1:1/").error(ErrorKind.REFUSED, "Connection refused")
                .responseMillis(0).build(), "");
        UrlQuery.Row answered = new UrlQuery.Row(2, 2, CrawlResult.builder(
                "http://127.0.0.1:1/a").status(500).sizeBytes(0).responseMillis(0).build(), "");
        UrlColumn size = UrlColumns.byKey("size").orElseThrow();
        UrlColumn time = UrlColumns.byKey("time").orElseThrow();

        assertThat(size.cell(refused)).isNull();
        assertThat(time.cell(refused)).isNull();
        assertThat(time.csv(refused)).isEqualTo("0"); // the export as the crawl's CSV has it
        assertThat(size.cell(answered)).isEqualTo(0L); // an empty answer is 0 bytes in 0 ms
        assertThat(time.cell(answered)).isEqualTo(0L);
    }

    @Test
    void theResponseTimeChartLeavesOutUrlsThatGotNoAnswer() throws Exception {
        int closed = RefusedPort.heldForTheRun();
        server.route("/", LocalHttpServer.html("<a href=\"http://127.0.0.1:" + closed
                + "/x\">x</a><a href=\"/a\">a</a>"));
        server.route("/a", LocalHttpServer.html("a"));
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "Webprobe/test");
        try (CrawlStore store = CrawlStore.create(dir.resolve("c.webprobe"), plan)) {
            CrawlJob job = CrawlJob.builder(plan, new JdkHttpProbe("Webprobe/test",
                    Duration.ofSeconds(5)), store.sink()).build();
            job.start();
            job.completion().get(30, TimeUnit.SECONDS);
            job.close();
            try (CrawlReader reader = store.reader()) {
                CrawlStats.Stats s = new CrawlStats(reader).stats();

                assertThat(s.statuses()).containsEntry("200", 2L).hasSize(2); // and the refusal
                assertThat(s.timeBuckets().stream().mapToLong(Long::longValue).sum())
                        .isEqualTo(2);
            }
        }
    }
}
