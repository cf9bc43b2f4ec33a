package io.webprobe.store;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlListener;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlResult;
import io.webprobe.crawl.CrawlSummary;
import io.webprobe.crawl.Recheck;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.testsupport.LocalHttpServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-check: one stored URL fetched again; its row takes the new answer, its links stay. */
class RecheckTest {
    @TempDir
    Path dir;

    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    /** Crawls the plan into the store and returns its summary. */
    private static CrawlSummary crawl(CrawlPlan plan, CrawlStore store) throws Exception {
        CompletableFuture<CrawlSummary> done = new CompletableFuture<>();
        try (CrawlJob job = CrawlJob.builder(plan, new JdkHttpProbe("t", Duration.ofSeconds(5)),
                store.sink()).listener(new CrawlListener() {
                    @Override
                    public void onFinished(CrawlSummary s) {
                        done.complete(s);
                    }
                }).build()) {
            job.start();
            return done.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFixedBrokenLinkIsNoLongerBrokenAfterARecheckAndItsInlinksStay() throws Exception {
        server.route("/", html("<a href=\"/a\">a</a><a href=\"/fixme\">fix me</a>"));
        server.route("/a", html("<title>A</title><a href=\"/fixme\">again</a>"));
        server.route("/fixme", LocalHttpServer.status(404));
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t");
        try (CrawlStore store = CrawlStore.create(dir.resolve("c.webprobe"), plan)) {
            assertThat(crawl(plan, store).brokenLinks()).isEqualTo(2);
            long[] id = {0};
            try (CrawlReader reader = store.reader()) {
                reader.query("SELECT id FROM urls WHERE url = '" + server.url("/fixme") + "'",
                        rs -> id[0] = rs.getLong(1));
            }

            server.route("/fixme", html("<title>Fixed</title>"));
            CrawlResult again;
            try (Recheck recheck = new Recheck(plan, new JdkHttpProbe("t", Duration.ofSeconds(5)),
                    store.sink(), Clock.systemUTC())) {
                again = recheck.run(new Recheck.Target(id[0], server.url("/fixme"), 1,
                        server.url("/"), false));
            }
            store.sink().flush().get(10, TimeUnit.SECONDS);

            assertThat(again.status()).isEqualTo(200);
            assertThat(again.title()).isEqualTo("Fixed");
            try (CrawlReader reader = store.reader()) {
                CrawlResult row = reader.results().stream()
                        .filter(r -> r.url().equals(server.url("/fixme"))).findFirst().orElseThrow();
                assertThat(row.status()).isEqualTo(200);
                assertThat(row.title()).isEqualTo("Fixed");
                assertThat(row.inlinks()).isEqualTo(2);
                assertThat(row.depth()).isEqualTo(1);
                assertThat(reader.brokenLinks()).isEmpty();
            }
        }
        assertThat(server.hits("/fixme")).isEqualTo(2);
    }

    @Test
    void aPageThatRefreshesItselfStaysAPageAfterARecheck() throws Exception {
        server.route("/", html("<a href=\"/live\">live</a>"));
        server.route("/live", html("<meta http-equiv=\"refresh\" content=\"60; url=live\">"
                + "<title>Live</title>"));
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t");
        try (CrawlStore store = CrawlStore.create(dir.resolve("c.webprobe"), plan)) {
            assertThat(crawl(plan, store).brokenLinks()).isZero();
            long[] id = {0};
            try (CrawlReader reader = store.reader()) {
                reader.query("SELECT id FROM urls WHERE url = '" + server.url("/live") + "'",
                        rs -> id[0] = rs.getLong(1));
            }

            CrawlResult again;
            try (Recheck recheck = new Recheck(plan, new JdkHttpProbe("t", Duration.ofSeconds(5)),
                    store.sink(), Clock.systemUTC())) {
                again = recheck.run(new Recheck.Target(id[0], server.url("/live"), 1,
                        server.url("/"), false));
            }
            store.sink().flush().get(10, TimeUnit.SECONDS);

            assertThat(again.redirectTo()).isEmpty();
            assertThat(again.outcome()).isEqualTo(io.webprobe.crawl.Outcome.OK);
            assertThat(again.title()).isEqualTo("Live");
            try (CrawlReader reader = store.reader()) {
                assertThat(reader.brokenLinks()).isEmpty();
            }
        }
        assertThat(server.hits("/live")).isEqualTo(2);
    }
}
