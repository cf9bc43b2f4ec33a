package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.JdkHttpProbe;
import io.webprobe.testsupport.LocalHttpServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Crawler traps and scope rules against real loopback sites. */
class TrapGuardTest {
    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    private CrawlSummary crawl(CrawlPlan plan, RecordingCrawlListener events) throws Exception {
        try (CrawlJob job = TestJobs.job(plan, events)) {
            job.start();
            return events.awaitFinish();
        }
    }

    private CrawlPlan plan() {
        return CrawlPlan.of(URI.create(server.url("/")), "Webprobe/test").withThreads(4);
    }

    @Test
    void endlessCalendarStopsAtTheQueryVariantLimitAndSaysSo() throws Exception {
        server.route("/", html("<a href=\"/cal?month=0\">calendar</a>"));
        server.route("/cal", ex -> {
            int m = Integer.parseInt(ex.getRequestURI().getQuery().substring(6));
            LocalHttpServer.send(ex, 200, "text/html",
                    "<a href=\"/cal?month=" + (m + 1) + "\">next month</a>");
        });
        var events = new RecordingCrawlListener();
        CrawlSummary summary = crawl(plan().withScope(CrawlScope.DEFAULT.withMaxQueryVariants(25)),
                events);

        assertThat(server.allHits().keySet().stream().filter(k -> k.startsWith("/cal"))).hasSize(25);
        assertThat(summary.skipped()).containsEntry(SkipReason.QUERY_VARIANTS, 1L);
        CrawlResult skipped = events.results().stream()
                .filter(r -> r.skipped() != null).findFirst().orElseThrow();
        assertThat(skipped.url()).isEqualTo(server.url("/cal?month=25"));
        assertThat(skipped.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(skipped.statusText()).isEqualTo("Skipped");
        assertThat(skipped.isBroken()).isFalse();
        assertThat(summary.brokenLinks()).isZero();
    }

    /**
     * Only distinct URLs taken on count as a path's query variants. Seen: with --max-pages 2
     * and --max-query-variants 2, /p?x=1 and /p?x=2 (left out by the page limit) were counted
     * at each link to them, and /p?x=1, linked again, was listed as a crawler trap.
     */
    @Test
    void urlsOverThePageLimitAreNoQueryVariants() throws Exception {
        server.route("/", html("<a href=\"/a\">a</a><a href=\"/p?x=1\">1</a>"
                + "<a href=\"/p?x=2\">2</a>"));
        server.route("/a", html("<a href=\"/p?x=1\">1 again</a>"));
        var events = new RecordingCrawlListener();
        CrawlSummary summary = crawl(plan().withThreads(1).withMaxPages(2)
                .withScope(CrawlScope.DEFAULT.withMaxQueryVariants(2)), events);

        assertThat(events.stored()).extracting(CrawlResult::url)
                .containsExactlyInAnyOrder(server.url("/"), server.url("/a"));
        assertThat(summary.skipped()).containsOnly(java.util.Map.entry(SkipReason.MAX_PAGES, 2L));
    }

    @Test
    void aUrlFoundByTwoPagesAtOnceIsOneQueryVariant() {
        Admission admission = new Admission(plan()
                .withScope(CrawlScope.DEFAULT.withMaxQueryVariants(2)));
        CompactKeyMap ids = new CompactKeyMap();
        AtomicLong lastId = new AtomicLong();
        URI one = URI.create(server.url("/p?x=1"));
        URI two = URI.create(server.url("/p?x=2"));
        URI three = URI.create(server.url("/p?x=3"));
        // two workers check /p?x=1 before either claims it, then /p?x=2 comes
        assertThat(admission.check(one, one.toString(), false, 1)).isNull();
        assertThat(admission.check(one, one.toString(), false, 1)).isNull();
        assertThat(admission.take(one, one.toString(), ids, lastId::incrementAndGet).isNew())
                .isTrue();
        assertThat(admission.take(one, one.toString(), ids, lastId::incrementAndGet).isNew())
                .isFalse(); // the second finds it claimed
        assertThat(admission.take(two, two.toString(), ids, lastId::incrementAndGet).why())
                .isNull();
        assertThat(admission.take(three, three.toString(), ids, lastId::incrementAndGet).why())
                .isEqualTo(SkipReason.QUERY_VARIANTS);
    }

    @Test
    void repeatingPathSegmentsAreSkippedNotFetched() throws Exception {
        // a relative link without a leading slash makes /a/b/, /a/b/a/b/, ... forever
        server.route("/", html("<a href=\"a/b/\">loop</a>"));
        server.route("/a/b/", html("<a href=\"a/b/\">deeper</a>"));
        server.route("/a/b/a/b/", html("<a href=\"a/b/\">deeper</a>"));
        var events = new RecordingCrawlListener();
        CrawlSummary summary = crawl(plan(), events);

        assertThat(server.hits("/a/b/a/b/a/b/")).isZero();
        assertThat(summary.skipped()).containsEntry(SkipReason.REPEATED_SEGMENTS, 1L);
    }

    @Test
    void includeAndExcludePatternsAreCountedNotFetched() throws Exception {
        server.route("/", html("<a href=\"/docs/1\">1</a><a href=\"/blog/1\">b</a>"
                + "<a href=\"/docs/x.pdf\">pdf</a>"));
        server.route("/docs/1", html("<a href=\"/docs/2\">2</a>"));
        server.route("/docs/2", html("end"));
        var events = new RecordingCrawlListener();
        CrawlSummary summary = crawl(plan().withScope(CrawlScope.DEFAULT
                .withInclude(List.of(Pattern.compile("/docs/")))
                .withExclude(List.of(Pattern.compile("\\.pdf$")))), events);

        assertThat(events.results()).extracting(CrawlResult::url).containsExactlyInAnyOrder(
                server.url("/"), server.url("/docs/1"), server.url("/docs/2"));
        assertThat(server.hits("/blog/1")).isZero();
        assertThat(server.hits("/docs/x.pdf")).isZero();
        assertThat(summary.skipped()).containsEntry(SkipReason.NOT_INCLUDED, 1L)
                .containsEntry(SkipReason.EXCLUDED, 1L);
    }

    /**
     * Patterns match a link as the crawl keeps its URL (the URI form, the escapes as the page
     * wrote them), the form "Exclude this path" writes and a resume matches queued URLs
     * against: before, new links were matched against the dedup key (escapes upper-cased,
     * %7e as ~), so a folder of lowercase escapes (WordPress's slugs: /caf%c3%a9/) excluded
     * by its own URL's pattern was crawled all the same.
     */
    @Test
    void patternsMatchTheUrlAsWrittenNotTheDedupKey() throws Exception {
        server.route("/", html("<a href=\"/caf%c3%a9/a\">a</a><a href=\"/%7euser/b\">b</a>"
                + "<a href=\"/ok\">ok</a>"));
        server.route("/ok", html("ok"));
        var events = new RecordingCrawlListener();
        CrawlSummary summary = crawl(plan().withScope(CrawlScope.DEFAULT.withExclude(List.of(
                Pattern.compile("^https?://[^/?#]*/caf%c3%a9/"),
                Pattern.compile("/%7euser/")))), events);

        assertThat(events.results()).extracting(CrawlResult::url)
                .containsExactlyInAnyOrder(server.url("/"), server.url("/ok"));
        assertThat(summary.skipped()).containsEntry(SkipReason.EXCLUDED, 2L);
    }

    @Test
    void skippedInTheProgressCountsTheSkippedRowsOnly() throws Exception {
        // a trap-guard row (/a/b/a/b/a/b/) is listed and counted; an excluded page and an
        // excluded redirect target are left out by the user's own settings: no row, so the
        // progress line's "skipped" (the Skipped filter's number) leaves them out too
        server.route("/", html("<a href=\"a/b/\">loop</a><a href=\"/private/1\">p</a>"
                + "<a href=\"/moved\">moved</a>"));
        server.route("/a/b/", html("<a href=\"a/b/\">deeper</a>"));
        server.route("/a/b/a/b/", html("<a href=\"a/b/\">deeper</a>"));
        server.route("/moved", LocalHttpServer.redirect(301, "/private/2"));
        var events = new RecordingCrawlListener();
        CrawlPlan plan = plan().withScope(CrawlScope.DEFAULT
                .withExclude(List.of(Pattern.compile("/private/"))));
        try (CrawlJob job = TestJobs.job(plan, events)) {
            job.start();
            CrawlSummary summary = events.awaitFinish();

            assertThat(summary.skipped()).containsEntry(SkipReason.REPEATED_SEGMENTS, 1L)
                    .containsEntry(SkipReason.EXCLUDED, 2L);
            long skippedRows = events.stored().stream()
                    .filter(r -> r.outcome() == Outcome.SKIPPED).count();
            assertThat(skippedRows).isEqualTo(1);
            assertThat(job.progress().skipped()).isEqualTo(skippedRows);
        }
    }

    @Test
    void depthAndPageLimitsCountDistinctUrlsLeftOut() throws Exception {
        server.route("/", html("<a href=\"/1\">1</a><a href=\"/2\">2</a><a href=\"/3\">3</a>"));
        for (int i = 1; i <= 3; i++) {
            server.route("/" + i, html("<a href=\"/deep" + i + "\">d</a><a href=\"/deep1\">d</a>"));
        }
        var events = new RecordingCrawlListener();
        CrawlSummary summary = crawl(plan().withMaxDepth(1), events);
        assertThat(summary.skipped()).containsOnly(java.util.Map.entry(SkipReason.MAX_DEPTH, 3L));
        assertThat(events.results()).hasSize(4);

        var capped = new RecordingCrawlListener();
        CrawlSummary cappedSummary = crawl(plan().withMaxPages(2).withThreads(1), capped);
        assertThat(capped.results()).hasSize(2);
        assertThat(cappedSummary.skippedTotal()).isPositive();
    }
}
