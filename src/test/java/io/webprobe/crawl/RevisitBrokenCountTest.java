package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.store.CrawlReader;
import io.webprobe.store.CrawlStore;
import io.webprobe.testsupport.LocalHttpServer;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A URL asked again once a cookie was set has its first answer replaced: the crawl's count of
 * broken URLs (the summary's, the progress line's) takes back the first answer's.
 */
class RevisitBrokenCountTest {
    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    /** "/a" answers 403 without the session cookie that "/login" sets before it sends there. */
    @Test
    void aUrlBrokenUntilACookieWasSetIsNotCountedBroken() throws Exception {
        server.route("/", LocalHttpServer.html("<a href=/a>a</a> <a href=/login>in</a>"));
        server.route("/a", ex -> {
            String cookie = ex.getRequestHeaders().getFirst("Cookie");
            boolean in = cookie != null && cookie.contains("session=ok");
            LocalHttpServer.send(ex, in ? 200 : 403, "text/html", in ? "inside" : "no");
        });
        server.route("/login", ex -> {
            ex.getResponseHeaders().add("Set-Cookie", "session=ok; Path=/");
            ex.getResponseHeaders().add("Location", "/a");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t").withThreads(1);
        try (CrawlStore store = CrawlStore.createTemporary(plan);
                CrawlJob job = CrawlJob.builder(plan,
                        CrawlProbes.forPlan(plan, Duration.ofSeconds(5)), store.sink()).build()) {
            job.start();
            CrawlSummary summary = job.completion().get(60, TimeUnit.SECONDS);

            assertThat(server.hits("/a")).as("asked again with the cookie").isEqualTo(2);
            long stored;
            try (CrawlReader reader = store.reader()) {
                stored = reader.counts().broken();
            }
            assertThat(stored).isZero();
            assertThat(summary.broken()).isEqualTo(stored);
            assertThat(job.progress().broken()).isEqualTo(stored);
        }
    }
}
