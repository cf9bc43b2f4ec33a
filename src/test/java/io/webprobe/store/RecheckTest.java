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

/**
 * Re-check: one stored URL fetched again; its row takes the new answer, its inlinks stay, and
 * a page of the site gets the links it has now.
 */
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
        return crawl(plan, store, probe, null);
    }

    private static CrawlSummary crawl(CrawlPlan plan, CrawlStore store, HttpProbe probe,
            io.webprobe.crawl.ResumeState resume) throws Exception {
        CompletableFuture<CrawlSummary> done = new CompletableFuture<>();
        try (CrawlJob job = CrawlJob.builder(plan, probe, store.sink()).resume(resume)
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
                    store.sink(), Clock.systemUTC(), store::resumeState)) {
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

    /**
     * The bug: a page that was broken (a 404, so no links stored) and is fixed got its new row
     * on a re-check but none of its links: its Outlinks tab stayed empty, the pages it links
     * to got no inlink from it, and a page only it links to was never recorded. It is now
     * read as the crawl reads a page.
     */
    @Test
    void aFixedPageReCheckedHasItsLinksStoredAndItsNewUrlsQueued() throws Exception {
        server.route("/", html("<a href=\"/a\">a</a><a href=\"/fixme\">fix me</a>"));
        server.route("/a", html("<title>A</title>"));
        server.route("/fixme", LocalHttpServer.status(404));
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t");
        try (CrawlStore store = CrawlStore.create(dir.resolve("c.webprobe"), plan)) {
            crawl(plan, store);
            long fixme = idOf(store, server.url("/fixme"));
            long a = idOf(store, server.url("/a"));
            long inlinksOfA = column(store, "inlinks", a);

            server.route("/fixme", html("<title>Fixed</title><a href=\"/a\">a</a>"
                    + "<a href=\"/new\">new</a><a href=\"http://[bad\">bad</a>"));
            CrawlResult again;
            try (Recheck recheck = new Recheck(plan, new JdkHttpProbe("t", Duration.ofSeconds(5)),
                    store.sink(), Clock.systemUTC(), store::resumeState)) {
                again = recheck.run(new Recheck.Target(fixme, server.url("/fixme"), 1,
                        server.url("/"), false));
            }
            store.sink().flush().get(10, TimeUnit.SECONDS);

            assertThat(again.status()).isEqualTo(200);
            assertThat(again.outlinks()).isEqualTo(2);
            // its links, in page order, to the URL the crawl knew and to a new one
            java.util.List<String> links = new java.util.ArrayList<>();
            try (CrawlReader reader = store.reader()) {
                reader.query("SELECT t.url FROM links l JOIN urls t ON t.id = l.target_id "
                        + "WHERE l.source_id = " + fixme + " ORDER BY l.pos",
                        rs -> links.add(rs.getString(1)));
            }
            assertThat(links).containsExactly(server.url("/a"), server.url("/new"));
            assertThat(column(store, "inlinks", a)).isEqualTo(inlinksOfA + 1);
            // the new URL is recorded, queued (a resume fetches it), found on the page
            long added = idOf(store, server.url("/new"));
            assertThat(added).isGreaterThan(a);
            assertThat(column(store, "state", added)).isZero();
            assertThat(column(store, "depth", added)).isEqualTo(2);
            assertThat(column(store, "referrer_id", added)).isEqualTo(fixme);
            assertThat(column(store, "inlinks", added)).isEqualTo(1);
            long[] invalid = {0};
            try (CrawlReader reader = store.reader()) {
                reader.query("SELECT COUNT(*) FROM invalid_links WHERE source_id = " + fixme,
                        rs -> invalid[0] = rs.getLong(1));
            }
            assertThat(invalid[0]).isEqualTo(1);
            // the page keeps its place in the crawl's order
            assertThat(column(store, "seq", fixme)).isLessThanOrEqualTo(3);
        }
        assertThat(server.hits("/new")).isZero(); // a re-check fetches what it was asked to
    }

    /** Re-checked again, a page's links are its links now: the earlier ones go. */
    @Test
    void aPageReCheckedTwiceKeepsOnlyItsLinksNow() throws Exception {
        server.route("/", html("<a href=\"/a\">a</a><a href=\"/b\">b</a>"));
        server.route("/a", html("<title>A</title><a href=\"/b\">b</a>"));
        server.route("/b", html("<title>B</title>"));
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t");
        try (CrawlStore store = CrawlStore.create(dir.resolve("c.webprobe"), plan)) {
            crawl(plan, store);
            long a = idOf(store, server.url("/a"));
            long b = idOf(store, server.url("/b"));
            assertThat(column(store, "inlinks", b)).isEqualTo(2);

            server.route("/a", html("<title>A</title>no links any more"));
            try (Recheck recheck = new Recheck(plan, new JdkHttpProbe("t", Duration.ofSeconds(5)),
                    store.sink(), Clock.systemUTC(), store::resumeState)) {
                recheck.run(new Recheck.Target(a, server.url("/a"), 1, server.url("/"), false));
            }
            store.sink().flush().get(10, TimeUnit.SECONDS);

            assertThat(column(store, "inlinks", b)).isEqualTo(1);
            long[] links = {-1};
            try (CrawlReader reader = store.reader()) {
                reader.query("SELECT COUNT(*) FROM links WHERE source_id = " + a,
                        rs -> links[0] = rs.getLong(1));
            }
            assertThat(links[0]).isZero();
        }
    }

    /**
     * While a crawl job writes to the file (a resume running beside the re-check), only that
     * job numbers new URLs: a re-check then takes the row only and leaves the links as they
     * were, so no URL gets an id the job may give another.
     */
    @Test
    void whileACrawlWritesTheFileARecheckLeavesTheLinksAsTheyWere() throws Exception {
        server.route("/", html("<a href=\"/fixme\">fix me</a>"));
        server.route("/fixme", LocalHttpServer.status(404));
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t");
        try (CrawlStore store = CrawlStore.create(dir.resolve("c.webprobe"), plan)) {
            crawl(plan, store);
            long fixme = idOf(store, server.url("/fixme"));
            store.sink().started(); // as a resumed job does before its first request
            assertThat(store.sink().crawling()).isTrue();

            server.route("/fixme", html("<title>Fixed</title><a href=\"/new\">new</a>"));
            try (Recheck recheck = new Recheck(plan, new JdkHttpProbe("t", Duration.ofSeconds(5)),
                    store.sink(), Clock.systemUTC(), store::resumeState)) {
                assertThat(recheck.run(new Recheck.Target(fixme, server.url("/fixme"), 1,
                        server.url("/"), false)).status()).isEqualTo(200);
            }
            store.sink().flush().get(10, TimeUnit.SECONDS);

            long[] urls = {0};
            try (CrawlReader reader = store.reader()) {
                reader.query("SELECT COUNT(*) FROM urls WHERE url = '" + server.url("/new")
                        + "'", rs -> urls[0] = rs.getLong(1));
            }
            assertThat(urls[0]).isZero();
            assertThat(column(store, "status", fixme)).isEqualTo(200);
        }
    }

    /**
     * A URL the crawl reached through 20 redirects (the limit), whose own redirect it did not
     * follow (its row: TOO_MANY_REDIRECTS, "20 led here"), still redirecting when re-checked
     * keeps that verdict, with its new target, whether it is read without its links (the
     * crawl's URLs could not be read here; so are a URL re-checked while a crawl runs and
     * another host's) or as the crawl reads a page; its redirect is still not followed. A
     * re-check stored a plain 301 instead, and the chain then read as ending at a URL never
     * fetched.
     */
    @Test
    void aUrlTheLimitOfRedirectsLedToKeepsTooManyRedirectsWhenItStillRedirects() throws Exception {
        int n = io.webprobe.http.HttpProbe.MAX_REDIRECTS;
        String last = "/r" + n;
        server.route("/", html("<a href=\"/r0\">start</a>"));
        for (int i = 0; i < 2 * n + 10; i++) { // endless, as far as the crawl goes
            server.route("/r" + i, LocalHttpServer.redirect(301, "/r" + (i + 1)));
        }
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t");
        try (CrawlStore store = CrawlStore.create(dir.resolve("c.webprobe"), plan)) {
            crawl(plan, store);
            long id = idOf(store, server.url(last));
            CrawlResult stored;
            try (CrawlReader reader = store.reader()) {
                stored = reader.results().stream()
                        .filter(r -> r.url().equals(server.url(last))).findFirst().orElseThrow();
            }
            assertThat(stored.error()).isEqualTo(io.webprobe.http.ErrorKind.TOO_MANY_REDIRECTS);
            server.route(last, LocalHttpServer.redirect(301, "/r" + (2 * n)));

            java.util.List<java.util.concurrent.Callable<io.webprobe.crawl.ResumeState>> reads =
                    java.util.List.of(() -> {
                        throw new StoreException("not readable here");
                    }, store::resumeState);
            for (var read : reads) {
                CrawlResult again;
                try (Recheck recheck = new Recheck(plan,
                        new JdkHttpProbe("t", Duration.ofSeconds(5)), store.sink(),
                        Clock.systemUTC(), read)) {
                    again = recheck.run(Recheck.Target.of(id, stored, redirectsInto(store, id)));
                }
                store.sink().flush().get(10, TimeUnit.SECONDS);
                String why = "More than 20 redirects: 20 led here, so its redirect to "
                        + server.url("/r" + (2 * n)) + " is not followed";
                assertThat(again.status()).isEqualTo(301);
                assertThat(again.error()).isEqualTo(io.webprobe.http.ErrorKind.TOO_MANY_REDIRECTS);
                assertThat(again.errorMessage()).isEqualTo(why);
                assertThat(again.redirectTo()).isEqualTo(server.url("/r" + (2 * n)));
                try (CrawlReader reader = store.reader()) {
                    CrawlResult row = reader.results().stream()
                            .filter(r -> r.url().equals(server.url(last))).findFirst()
                            .orElseThrow();
                    assertThat(row.errorMessage()).isEqualTo(why);
                    assertThat(row.status()).isEqualTo(301);
                }
            }
            assertThat(server.hits("/r" + (2 * n))).isZero();

            // no longer redirecting: a plain row
            server.route(last, html("<title>End</title>"));
            CrawlResult end;
            try (Recheck recheck = new Recheck(plan, new JdkHttpProbe("t", Duration.ofSeconds(5)),
                    store.sink(), Clock.systemUTC(), store::resumeState)) {
                end = recheck.run(Recheck.Target.of(id, stored, redirectsInto(store, id)));
            }
            assertThat(end.status()).isEqualTo(200);
            assertThat(end.error()).isNull();
        }
    }

    /**
     * A crawl file made when a crawl followed 10 redirects: its row of the URL 10 redirects led
     * to reads "More than 10 redirects: 10 led here…". A re-check that found it still
     * redirecting said "More than 20 redirects: 20 led here", false twice: 10 led there, and
     * 20 are followed now. The file's count says how many led there (10), so its redirect is
     * followed now, as a resume of the file follows the chain up to 20: read as the crawl reads
     * a page, its target is a new URL to crawl; read without its links, a plain redirect.
     */
    @Test
    void aUrlALimitOfTenStoppedAtIsNoLongerTooManyRedirectsWhenRechecked() throws Exception {
        int n = io.webprobe.http.HttpProbe.MAX_REDIRECTS;
        server.route("/", html("<a href=\"/r0\">start</a>"));
        for (int i = 0; i < 2 * n + 10; i++) { // endless, as far as the crawl goes
            server.route("/r" + i, LocalHttpServer.redirect(301, "/r" + (i + 1)));
        }
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t");
        Path file = dir.resolve("ten.webprobe");
        try (CrawlStore store = CrawlStore.create(file, plan)) {
            crawl(plan, store);
        }
        io.webprobe.testsupport.StoredCrawls.madeWithTen(file, server.url("/r"), n);
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            long id = idOf(store, server.url("/r10"));
            CrawlResult stored;
            try (CrawlReader reader = store.reader()) {
                stored = reader.results().stream()
                        .filter(r -> r.url().equals(server.url("/r10"))).findFirst()
                        .orElseThrow();
                assertThat(reader.redirectsInto(id)).isEqualTo(10);
                assertThat(reader.redirectsInto(idOf(store, server.url("/r0")))).isZero();
            }
            assertThat(stored.errorMessage()).isEqualTo("More than 10 redirects: 10 led here, "
                    + "so its redirect to " + server.url("/r11") + " is not followed");
            Recheck.Target target = Recheck.Target.of(id, stored, redirectsInto(store, id));
            assertThat(target.redirectHops()).isEqualTo(10);

            // without its links (the crawl's URLs not readable here, another host's, a crawl
            // running on the file): a plain redirect, not too many
            CrawlResult plain;
            try (Recheck recheck = new Recheck(plan, new JdkHttpProbe("t", Duration.ofSeconds(5)),
                    store.sink(), Clock.systemUTC(), () -> {
                        throw new StoreException("not readable here");
                    })) {
                plain = recheck.run(target);
            }
            assertThat(plain.status()).isEqualTo(301);
            assertThat(plain.error()).as(plain.errorMessage()).isNull();
            assertThat(plain.redirectTo()).isEqualTo(server.url("/r11"));

            // as the crawl reads it: its redirect is taken on, a new URL for a resume to fetch
            CrawlResult read;
            long found;
            try (Recheck recheck = new Recheck(plan, new JdkHttpProbe("t", Duration.ofSeconds(5)),
                    store.sink(), Clock.systemUTC(), store::resumeState)) {
                read = recheck.run(target);
                found = recheck.newUrls();
            }
            store.sink().flush().get(10, TimeUnit.SECONDS);
            assertThat(read.status()).isEqualTo(301);
            assertThat(read.error()).as(read.errorMessage()).isNull();
            assertThat(found).isEqualTo(1);
            assertThat(server.hits("/r11")).isEqualTo(1); // by the first crawl only

            // and the resume follows the chain up to 20 led there, where it says so, truly
            crawl(plan, store, new JdkHttpProbe("t", Duration.ofSeconds(5)), store.resumeState());
            try (CrawlReader reader = store.reader()) {
                CrawlResult last = reader.results().stream()
                        .filter(r -> r.url().equals(server.url("/r" + n))).findFirst()
                        .orElseThrow();
                assertThat(last.errorMessage()).isEqualTo("More than " + n + " redirects: " + n
                        + " led here, so its redirect to " + server.url("/r" + (n + 1))
                        + " is not followed");
                assertThat(reader.redirectsInto(idOf(store, server.url("/r" + n))))
                        .isEqualTo(n);
            }
        }
    }

    private static int redirectsInto(CrawlStore store, long id) throws Exception {
        try (CrawlReader reader = store.reader()) {
            return reader.redirectsInto(id);
        }
    }

    private static long idOf(CrawlStore store, String url) throws Exception {
        long[] id = {0};
        try (CrawlReader reader = store.reader()) {
            reader.query("SELECT id FROM urls WHERE url = '" + url + "'",
                    rs -> id[0] = rs.getLong(1));
        }
        assertThat(id[0]).as(url).isPositive();
        return id[0];
    }

    private static long column(CrawlStore store, String column, long id) throws Exception {
        long[] v = {0};
        try (CrawlReader reader = store.reader()) {
            reader.query("SELECT COALESCE(" + column + ", 0) FROM urls WHERE id = " + id,
                    rs -> v[0] = rs.getLong(1));
        }
        return v[0];
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
                        Duration.ofSeconds(5)), store.sink(), Clock.systemUTC(), store::resumeState)) {
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
                    store.sink(), Clock.systemUTC(), store::resumeState)) {
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
