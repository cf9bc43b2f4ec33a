package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.export.Column;
import io.webprobe.export.CrawlCsv;
import io.webprobe.http.ErrorKind;
import io.webprobe.http.FetchRequest;
import io.webprobe.http.FetchResponse;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.store.CrawlStore;
import io.webprobe.testsupport.LocalHttpServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A request that fails (a timeout, a response too broken to read) keeps the time it took until
 * it failed, in its row as stored, as an answered request keeps its time.
 */
class FailedFetchTimeTest {
    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    /**
     * The real probe for the site, except that two URLs fail as the HTTP client reports
     * them: one timing out after 3 s, one whose header is too large after 40 ms. No waiting.
     */
    private HttpProbe failing() {
        JdkHttpProbe real = new JdkHttpProbe("Webprobe/test", Duration.ofSeconds(5));
        return new HttpProbe() {
            @Override
            public FetchResponse fetch(FetchRequest request) {
                return switch (request.uri().getPath()) {
                    case "/timeout" -> FetchResponse.failed(request.uri(), ErrorKind.TIMEOUT,
                            "No complete response within the timeout (3 s)", 3_002);
                    case "/big-header" -> FetchResponse.failed(request.uri(), ErrorKind.IO,
                            "The server's response headers are too large", 40);
                    default -> real.fetch(request);
                };
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    private static Map<String, CrawlResult> byUrl(List<CrawlResult> results) {
        return results.stream().collect(Collectors.toMap(CrawlResult::url, Function.identity()));
    }

    @Test
    void aFailedRequestKeepsTheTimeItTookInTheCrawlFileAndTheCsv() throws Exception {
        server.route("/", html("<a href=\"/timeout\">t</a><a href=\"/big-header\">b</a>"));
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "Webprobe/test");
        var events = new RecordingCrawlListener();
        try (HttpProbe probe = failing();
                CrawlJob job = TestJobs.builder(plan, probe, events).build()) {
            job.start();
            events.awaitFinish();
        }
        Map<String, CrawlResult> stored = byUrl(events.stored());
        CrawlResult timeout = stored.get(server.url("/timeout"));
        CrawlResult bigHeader = stored.get(server.url("/big-header"));
        assertThat(timeout.error()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(timeout.responseMillis()).isEqualTo(3_002);
        assertThat(bigHeader.error()).isEqualTo(ErrorKind.IO);
        assertThat(bigHeader.responseMillis()).isEqualTo(40);
        assertThat(byUrl(events.results()).get(server.url("/timeout")).responseMillis())
                .isEqualTo(3_002);

        Column<CrawlResult> responseMs = CrawlCsv.pages(Map.of()).stream()
                .filter(c -> c.header().equals("response_ms")).findFirst().orElseThrow();
        assertThat(responseMs.cell(timeout)).isEqualTo("3002");
    }

    @Test
    void aRecheckThatFailsKeepsTheTimeItTook() throws Exception {
        server.route("/", html("<a href=\"/timeout\">t</a>"));
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "Webprobe/test");
        try (CrawlStore store = CrawlStore.createTemporary(plan);
                Recheck recheck = new Recheck(plan, failing(), store.sink(),
                        Clock.systemUTC(), store::resumeState)) {
            CrawlResult again = recheck.run(new Recheck.Target(1, server.url("/timeout"), 1,
                    server.url("/"), false));
            assertThat(again.error()).isEqualTo(ErrorKind.TIMEOUT);
            assertThat(again.responseMillis()).isEqualTo(3_002);
        }
    }

    @Test
    void aRealTimeoutTakesTheTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(1);
        server.route("/slow", LocalHttpServer.blockUntil(release, arrived, "late"));
        // held until the test ends: it times out, after the 1 s timeout and not before. It is
        // the crawl's one request (its start URL, robots.txt not asked): a page linking to it
        // had to be answered within the same 1 s, which a loaded machine could miss
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/slow")), "Webprobe/test")
                .withTimeout(Duration.ofSeconds(1)).withRespectRobots(false);
        var events = new RecordingCrawlListener();
        try (CrawlJob job = TestJobs.job(plan, events)) {
            job.start();
            events.awaitFinish();
        } finally {
            release.countDown();
        }
        CrawlResult slow = byUrl(events.stored()).get(server.url("/slow"));
        assertThat(slow.error()).isEqualTo(ErrorKind.TIMEOUT);
        // the time spent, not 0 (the bug). Not "at least 1,000": the client's timer starts a
        // little before the probe's clock, and both are whole milliseconds (999 was seen under
        // load); the exact figure is carried through as measured, as the stub tests above show
        assertThat(slow.responseMillis()).isBetween(900L, 10_000L);
    }
}
