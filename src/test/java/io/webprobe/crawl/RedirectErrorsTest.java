package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static io.webprobe.testsupport.LocalHttpServer.redirect;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.ErrorKind;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.testsupport.LocalHttpServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Redirect loops, over-long chains and redirects to non-HTTP URLs are errors. */
class RedirectErrorsTest {
    /** Redirects followed in a row. */
    private static final int N = HttpProbe.MAX_REDIRECTS;
    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    private RecordingCrawlListener crawl() throws Exception {
        return crawl(java.util.function.UnaryOperator.identity());
    }

    private RecordingCrawlListener crawl(java.util.function.UnaryOperator<CrawlPlan> limits)
            throws Exception {
        var events = new RecordingCrawlListener();
        // one thread: hops are fetched in chain order, so the test knows who sees the problem
        CrawlPlan plan = limits.apply(CrawlPlan.of(URI.create(server.url("/")), "t")
                .withThreads(1));
        try (CrawlJob job = TestJobs.job(plan, events)) {
            job.start();
            events.awaitFinish();
        }
        return events;
    }

    private static Map<String, CrawlResult> byUrl(RecordingCrawlListener e) {
        return e.results().stream().collect(Collectors.toMap(CrawlResult::url, Function.identity()));
    }

    @Test
    void aLoopIsABrokenLinkOfThePageLinkingIntoItNotOfItsHops() throws Exception {
        server.route("/", html("<a href=\"/a\">a</a>"));
        server.route("/a", redirect(301, "/b"));
        server.route("/b", redirect(302, "/a"));
        var events = crawl();
        // the hops stay rows, as redirects
        assertThat(byUrl(events).get(server.url("/a")).outcome()).isEqualTo(Outcome.REDIRECT);
        assertThat(byUrl(events).get(server.url("/b")).outcome()).isEqualTo(Outcome.REDIRECT);
        assertThat(byUrl(events).get(server.url("/b")).error()).isNull();
        // the page that links into the loop holds the broken link
        assertThat(events.broken).singleElement().satisfies(l -> {
            assertThat(l.sourceUrl()).isEqualTo(server.url("/"));
            assertThat(l.linkUrl()).isEqualTo(server.url("/a"));
            assertThat(l.linkType()).isEqualTo("a");
            assertThat(l.error()).isEqualTo(ErrorKind.REDIRECT_LOOP);
            assertThat(l.redirectChain()).isEqualTo(server.url("/a") + " [301] → "
                    + server.url("/b") + " [302] → " + server.url("/a") + " (loop)");
            assertThat(l.errorMessage()).startsWith("Redirect loop: ");
        });
        assertThat(server.hits("/a")).isEqualTo(1); // deduplicated: fetched once each
    }

    @Test
    void aRedirectIsFollowedToItsEndBeyondTheDepthLimitAndTheIncludePatterns() throws Exception {
        server.route("/", html("<a href=\"/r404\">r</a><a href=\"/rr\">rr</a>"));
        server.route("/r404", redirect(301, "/gone"));
        server.route("/rr", redirect(301, "/mid"));
        server.route("/mid", redirect(302, "/gone2"));
        for (var limits : java.util.List.<java.util.function.UnaryOperator<CrawlPlan>>of(
                p -> p.withMaxDepth(1),
                p -> p.withScope(p.scope().withInclude(java.util.List.of(
                        java.util.regex.Pattern.compile("/r"))))
                        .withMaxDepth(5))) {
            var events = crawl(limits);
            assertThat(events.broken).extracting(BrokenLink::linkUrl)
                    .containsExactlyInAnyOrder(server.url("/r404"), server.url("/rr"));
            assertThat(events.broken).allSatisfy(l -> assertThat(l.status()).isEqualTo(404));
        }
    }

    @Test
    void aChainEndingInA404IsABrokenLinkOfThePageWithTheFinalUrl() throws Exception {
        server.route("/", html("<a href=\"/go\">go</a><a href=\"/gone\">direct</a>"));
        server.route("/go", redirect(301, "/next"));
        server.route("/next", redirect(302, "/gone"));
        var events = crawl();
        assertThat(events.broken).extracting(BrokenLink::sourceUrl).containsOnly(server.url("/"));
        assertThat(events.broken).filteredOn(l -> l.linkUrl().equals(server.url("/go")))
                .singleElement().satisfies(l -> {
                    assertThat(l.status()).isEqualTo(404);
                    assertThat(l.finalUrl()).isEqualTo(server.url("/gone"));
                    assertThat(l.redirectChain()).isEqualTo(server.url("/go") + " [301] → "
                            + server.url("/next") + " [302] → " + server.url("/gone") + " [404]");
                });
        assertThat(events.broken).filteredOn(l -> l.linkUrl().equals(server.url("/gone")))
                .singleElement().satisfies(l -> {
                    assertThat(l.status()).isEqualTo(404);
                    assertThat(l.redirectChain()).isEmpty();
                });
    }

    /**
     * A chain of as many redirects as browsers follow (20, the Fetch standard's count) is
     * followed to its end: the link is not broken. Before, the crawl stopped at 10, and a link
     * that Chrome and Firefox open was a broken link here.
     */
    @Test
    void aChainOfAsManyRedirectsAsBrowsersFollowIsNotBroken() throws Exception {
        server.route("/", html("<a href=\"/r0\">start</a>"));
        for (int i = 0; i < N; i++) {
            server.route("/r" + i, redirect(301, "/r" + (i + 1)));
        }
        server.route("/r" + N, html("<title>End</title>"));
        var events = crawl();
        assertThat(N).isEqualTo(20);
        assertThat(server.hits("/r" + N)).isEqualTo(1);
        assertThat(byUrl(events).get(server.url("/r" + N)).outcome()).isEqualTo(Outcome.OK);
        assertThat(events.broken).isEmpty();
    }

    /**
     * An endless chain met from a page: the target of the last redirect followed is asked, and
     * its row says why its own redirect is not followed (too many redirects), so every hop of
     * the chain reads as too many redirects in the stored chains (the pages CSV's outcome and
     * error), not as a plain redirect leading to a URL never fetched; the page linking into it
     * holds the one broken link. Before, the hops were plain 301 rows and nothing said why the
     * next one was never asked.
     */
    @Test
    void moreHopsThanTheLimitIsTooManyRedirectsAndTheRestIsNotFetched() throws Exception {
        server.route("/", html("<a href=\"/r0\">start</a>"));
        for (int i = 0; i < 2 * N + 10; i++) { // endless, as far as the crawl goes
            server.route("/r" + i, redirect(301, "/r" + (i + 1)));
        }
        var events = crawl();
        Map<String, CrawlResult> rows = byUrl(events);
        String last = "/r" + N;
        assertThat(server.hits(last)).isEqualTo(1); // the last redirect's target is asked
        assertThat(server.hits("/r" + (N + 1))).isZero(); // one more is not followed
        CrawlResult end = rows.get(server.url(last));
        assertThat(end.status()).isEqualTo(301);
        assertThat(end.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(end.error()).isEqualTo(ErrorKind.TOO_MANY_REDIRECTS);
        assertThat(end.errorMessage()).isEqualTo("More than 20 redirects: 20 led here, so its "
                + "redirect to " + server.url("/r" + (N + 1)) + " is not followed");
        assertThat(end.redirectTo()).isEqualTo(server.url("/r" + (N + 1)));

        // the pages CSV: every hop an error row of the chain's failure, its status the 301
        var columns = io.webprobe.export.CrawlCsv.pages(events.chains());
        java.util.function.BiFunction<String, String, String> cell = (path, header) ->
                columns.stream().filter(c -> c.header().equals(header)).findFirst().orElseThrow()
                        .cell(events.stored().stream()
                                .filter(r -> r.url().equals(server.url(path))).findFirst()
                                .orElseThrow());
        for (int i = 0; i <= N; i++) {
            String hop = "/r" + i;
            assertThat(cell.apply(hop, "status")).as(hop).isEqualTo("301");
            assertThat(cell.apply(hop, "outcome")).as(hop).isEqualTo("error");
            assertThat(cell.apply(hop, "error")).as(hop).startsWith("TOO_MANY_REDIRECTS: ");
        }
        assertThat(cell.apply("/r0", "error")).isEqualTo("TOO_MANY_REDIRECTS: "
                + "More than 20 redirects: " + events.chains().get(server.url("/r0")).text());
        // a later part of the chain: no number, so that a crawl file made when the limit was 10
        // reads true too
        assertThat(cell.apply("/r5", "error")).isEqualTo("TOO_MANY_REDIRECTS: "
                + "Too many redirects: the crawl reached " + server.url(last)
                + " at the end of the longest chain it follows and did not follow it further ("
                + events.chains().get(server.url("/r5")).text() + ")");
        assertThat(events.chains().get(server.url("/r5")).text()).endsWith(server.url(last)
                + " [301] → " + server.url("/r" + (N + 1)));

        assertThat(events.broken).singleElement().satisfies(l -> {
            assertThat(l.sourceUrl()).isEqualTo(server.url("/"));
            assertThat(l.linkUrl()).isEqualTo(server.url("/r0"));
            assertThat(l.error()).isEqualTo(ErrorKind.TOO_MANY_REDIRECTS);
            assertThat(l.errorMessage()).startsWith("More than 20 redirects: " + server.url("/r0"));
            assertThat(l.finalUrl()).isEqualTo(server.url(last));
        });
        // each hop of a chain that fails in itself is broken, as each hop of a loop is
        assertThat(events.finished.get().broken()).isEqualTo(N + 1);
    }

    /**
     * A start URL whose redirects go on past the limit, the next one to another host: the crawl
     * stops with the one sentence of a start URL that cannot be crawled, and the site does not
     * grow to the host of a redirect it did not follow. Before, that host became one of the
     * site's (kept in the crawl file, so a resume crawled it as the site), and the sentence was
     * the whole chain's text.
     */
    @Test
    void aStartUrlWithTooManyRedirectsStopsTheCrawlAndDoesNotWidenTheSite()
            throws Exception {
        try (LocalHttpServer other = new LocalHttpServer()) {
            other.route("/", html("<title>Elsewhere</title>"));
            for (int i = 0; i < N; i++) {
                server.route("/r" + i, redirect(301, "/r" + (i + 1)));
            }
            server.route("/r" + N, redirect(301, other.url("/")));
            CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/r0")), "t").withThreads(1);
            var events = new RecordingCrawlListener();
            String fromFile;
            try (io.webprobe.store.CrawlStore store =
                    io.webprobe.store.CrawlStore.createTemporary(plan)) {
                events.attach(store);
                try (CrawlJob job = CrawlJob.builder(plan,
                        CrawlProbes.forPlan(plan, Duration.ofSeconds(5)), store.sink())
                        .listener(events).build()) {
                    job.start();
                    events.awaitFinish();
                }
                assertThat(store.resumeState().siteHosts())
                        .doesNotContain(io.webprobe.http.Urls.hostAndPort(
                                URI.create(other.url("/"))));
                // a resumed crawl (and compare) reads the sentence from the file: the same one
                try (io.webprobe.store.CrawlReader reader = store.reader()) {
                    fromFile = reader.startProblem();
                }
            }
            CrawlSummary summary = events.finished.get();
            assertThat(summary.startFailure()).isEqualTo("The start URL " + server.url("/r0")
                    + " cannot be crawled: more than 20 redirects (the last one followed leads"
                    + " to " + server.url("/r" + N) + ", which redirects further).");
            assertThat(fromFile).isEqualTo(summary.startFailure());
            assertThat(summary.startError()).isEqualTo(ErrorKind.TOO_MANY_REDIRECTS);
            assertThat(other.totalRequests()).isZero();
        }
    }

    @Test
    void aUrlFirstReachedAtTheLastHopFollowsItsOwnRedirectOnceAPageLinksToIt() throws Exception {
        // /b is first found as the last redirect followed of /r0's chain, then linked directly
        // by the last /p page (fetched after the chain's last hop, before /b: one thread,
        // breadth first)
        server.route("/", html("<a href=\"/r0\">chain</a><a href=\"/p1\">pages</a>"));
        for (int i = 0; i < N - 1; i++) {
            server.route("/r" + i, redirect(301, "/r" + (i + 1)));
        }
        server.route("/r" + (N - 1), redirect(301, "/b"));
        for (int i = 1; i < N; i++) {
            server.route("/p" + i, html("<a href=\"/p" + (i + 1) + "\">next</a>"));
        }
        server.route("/p" + N, html("<a href=\"/b\">b</a>"));
        server.route("/b", redirect(301, "/c"));
        server.route("/c", html("<title>C</title>"));
        var events = crawl();
        // reached from the last /p page with no redirect before it, /b's own redirect is followed
        assertThat(server.hits("/c")).isEqualTo(1);
        assertThat(byUrl(events).get(server.url("/c")).outcome()).isEqualTo(Outcome.OK);
        // the chain from /r0 is still too long, and the only broken link
        assertThat(events.broken).singleElement().satisfies(l -> {
            assertThat(l.linkUrl()).isEqualTo(server.url("/r0"));
            assertThat(l.error()).isEqualTo(ErrorKind.TOO_MANY_REDIRECTS);
        });
    }

    @Test
    void aRedirectToAnotherSchemeIsRefusedWithAReason() throws Exception {
        server.route("/", html("<a href=\"/mail\">m</a><a href=\"/bad\">b</a>"));
        server.route("/mail", redirect(302, "mailto:someone@example.invalid"));
        server.route("/bad", redirect(302, "http://"));
        var events = crawl();
        Map<String, CrawlResult> rows = byUrl(events);
        assertThat(rows.get(server.url("/mail")).error()).isEqualTo(ErrorKind.INVALID_URL);
        assertThat(rows.get(server.url("/mail")).errorMessage())
                .isEqualTo("Redirects to mailto:someone@example.invalid, which is not an http(s) URL; not followed");
        assertThat(rows.get(server.url("/bad")).error()).isEqualTo(ErrorKind.INVALID_URL);
        assertThat(events.broken).extracting(BrokenLink::linkUrl)
                .containsExactlyInAnyOrder(server.url("/mail"), server.url("/bad"));
    }

    @Test
    void aMetaRefreshToThePageItselfIsAReloadNotALoop() throws Exception {
        server.route("/", html("<a href=\"/self.html\">self</a><a href=\"/again\">again</a>"
                + "<a href=\"/plain\">plain</a><a href=\"/moving\">moving</a>"));
        // an auto-reloading page, named relatively, absolutely and with a fragment
        server.route("/self.html", html("<meta http-equiv=\"refresh\" content=\"60; url=self.html\">"
                + "<title>Live</title>"));
        server.route("/again", html("<meta http-equiv=\"refresh\" content=\"5;URL='"
                + server.url("/again") + "#top'\"><title>Again</title>"));
        server.route("/plain", html("<meta http-equiv=\"refresh\" content=\"30\">"
                + "<title>Plain</title>"));
        // a refresh elsewhere stays the page's redirect
        server.route("/moving", html("<meta http-equiv=\"refresh\" content=\"0; url=/there\">"));
        server.route("/there", html("<title>There</title>"));

        var events = crawl();
        Map<String, CrawlResult> rows = byUrl(events);

        for (String p : new String[] {"/self.html", "/again", "/plain"}) {
            CrawlResult row = rows.get(server.url(p));
            assertThat(row.outcome()).as(p).isEqualTo(Outcome.OK);
            assertThat(row.error()).as(p).isNull();
            assertThat(row.redirectTo()).as(p).isEmpty();
            assertThat(row.indexable()).as(p).isTrue();
            assertThat(server.hits(p)).as(p).isEqualTo(1);
        }
        assertThat(rows.get(server.url("/self.html")).title()).isEqualTo("Live");
        CrawlResult moving = rows.get(server.url("/moving"));
        assertThat(moving.outcome()).isEqualTo(Outcome.REDIRECT);
        assertThat(moving.redirectTo()).isEqualTo(server.url("/there"));
        assertThat(events.broken).isEmpty();
    }
}
