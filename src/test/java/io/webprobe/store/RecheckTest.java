package io.webprobe.store;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlListener;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlResult;
import io.webprobe.crawl.CrawlSummary;
import io.webprobe.crawl.Recheck;
import io.webprobe.http.Http1Probe;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.RawServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
        return crawl(plan, store, new JdkHttpProbe("t", Duration.ofSeconds(5)));
    }

    private static CrawlSummary crawl(CrawlPlan plan, CrawlStore store, HttpProbe probe)
            throws Exception {
        CompletableFuture<CrawlSummary> done = new CompletableFuture<>();
        try (CrawlJob job = CrawlJob.builder(plan, probe, store.sink())
                .listener(new CrawlListener() {
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
    void aStrayPercentIsAskedAgainAsTheCrawlAskedItOverPlainHttp() throws Exception {
        try (RawServer raw = new RawServer((socket, srv) -> {
            for (String head; (head = srv.readHead(socket)) != null; ) {
                String answer = head.startsWith("GET / ")
                        ? "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 37\r\n"
                                + "\r\n<a href=/a%zz>a</a><a href=/go>go</a>"
                        : head.startsWith("GET /go ")
                        ? "HTTP/1.1 301 Moved\r\nLocation: /b%zz\r\nContent-Length: 0\r\n\r\n"
                        : head.startsWith("GET /a%zz ") || head.startsWith("GET /b%zz ")
                        ? "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                        : "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
                socket.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
            }
        })) {
            CrawlPlan plan = CrawlPlan.of(URI.create(raw.url("/")), "t").withRespectRobots(false);
            try (CrawlStore store = CrawlStore.create(dir.resolve("c.webprobe"), plan)) {
                assertThat(crawl(plan, store, new Http1Probe("t", Duration.ofSeconds(5)))
                        .brokenLinks()).isZero();
                long[] ids = new long[2];
                try (CrawlReader reader = store.reader()) {
                    reader.query("SELECT id FROM urls WHERE url = '" + raw.url("/a%zz") + "'",
                            rs -> ids[0] = rs.getLong(1));
                    reader.query("SELECT id FROM urls WHERE url = '" + raw.url("/go") + "'",
                            rs -> ids[1] = rs.getLong(1));
                }
                assertThat(ids).doesNotContain(0);

                CrawlResult a;
                CrawlResult go;
                try (Recheck recheck = new Recheck(plan, new Http1Probe("t",
                        Duration.ofSeconds(5)), store.sink(), Clock.systemUTC())) {
                    a = recheck.run(new Recheck.Target(ids[0], raw.url("/a%zz"), 1,
                            raw.url("/"), false));
                    go = recheck.run(new Recheck.Target(ids[1], raw.url("/go"), 1,
                            raw.url("/"), false));
                }
                store.sink().flush().get(10, TimeUnit.SECONDS);

                assertThat(a.status()).isEqualTo(200);
                assertThat(go.redirectTo()).isEqualTo(raw.url("/b%zz"));
                try (CrawlReader reader = store.reader()) {
                    assertThat(reader.chainOf(ids[1]).text()).contains(raw.url("/b%zz") + " [200");
                    assertThat(reader.brokenLinks()).isEmpty();
                }
            }
            assertThat(raw.requests()).extracting(h -> h.substring(0, h.indexOf(' ', 4)))
                    .containsExactlyInAnyOrder("GET /", "GET /a%zz", "GET /go", "GET /b%zz",
                            "GET /a%zz", "GET /go");
        }
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
