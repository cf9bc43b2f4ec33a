package io.webprobe.store;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static io.webprobe.testsupport.LocalHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlJobBuilder;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlSummary;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.testsupport.LocalHttpServer;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Link fragments checked against the anchors their pages define ({@code --check-anchors}), in
 * the crawl file: found as a browser finds them, judged only on the site's HTML pages that
 * answered, bounded on a page of 100,000 ids, and kept across a resume and an older file.
 */
class AnchorCheckTest {
    @TempDir
    Path dir;

    private final LocalHttpServer server = new LocalHttpServer();
    private final LocalHttpServer other = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
        other.close();
    }

    private CrawlPlan plan(boolean anchors) {
        return CrawlPlan.of(URI.create(server.url("/")), "t").withThreads(2)
                .withCheckAnchors(anchors);
    }

    private static CrawlSummary crawl(CrawlStore store, CrawlJobBuilder builder)
            throws Exception {
        try (CrawlJob job = builder.build()) {
            job.start();
            CrawlSummary s = job.completion().get(60, TimeUnit.SECONDS);
            store.sink().flush().get();
            return s;
        }
    }

    private Path crawl(String name, CrawlPlan plan) throws Exception {
        Path file = dir.resolve(name);
        try (CrawlStore store = CrawlStore.create(file, plan)) {
            crawl(store, CrawlJob.builder(plan, new JdkHttpProbe("t", Duration.ofSeconds(5)),
                    store.sink()));
        }
        return file;
    }

    /** Each missing anchor as "source-path -> link-path (problem, status)". */
    private List<String> missing(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY);
                CrawlReader reader = store.reader()) {
            String base = server.url("");
            reader.forEachMissingAnchor(l -> out.add(l.sourceUrl().substring(base.length())
                    + " -> " + l.linkUrl().substring(base.length()) + " (" + l.problem()
                    + ", " + l.status() + ", '" + l.anchorText() + "')"));
            assertThat(reader.missingAnchorCount()).isEqualTo(out.size());
        }
        return out;
    }

    private void site() {
        String longFragment = "x".repeat(3000);
        server.route("/", html("<title>Home</title>"
                + "<h1 id=\"intro\">Intro</h1>"
                + "<a href=\"#intro\">self ok</a>"
                + "<a href=\"#nowhere\">self missing</a>"
                + "<a href=\"/guide.html#setup\">setup</a>"
                + "<a href=\"/guide.html#SETUP\">setup upper</a>" // ids are case-sensitive
                + "<a href=\"/guide.html#install\">install missing</a>"
                + "<a href=\"/guide.html#install\">install again</a>" // one report per link
                + "<a href=\"/guide.html#caf%C3%A9\">encoded</a>"
                + "<a href=\"/guide.html#café\">raw unicode</a>"
                + "<a href=\"/guide.html#100%25\">percent id</a>"
                + "<a href=\"/guide.html#a%20b\">space id</a>"
                + "<a href=\"/guide.html#legacy\">a name</a>"
                + "<a href=\"/guide.html#Top\">top</a>"
                + "<a href=\"/guide.html#\">empty</a>"
                + "<a href=\"/guide.html#%zz\">stray percent</a>"
                + "<a href=\"/guide.html#%E2%82\">not utf-8</a>"
                + "<a href=\"/guide.html#" + longFragment + "\">very long</a>"
                + "<a href=\"/guide.html\">no fragment</a>"
                + "<a href=\"/notes.txt#x\">text</a>"
                + "<a href=\"/gone.html#x\">gone</a>"
                + "<a href=\"/moved.html#x\">moved</a>"
                + "<img src=\"/logo.svg#icon\" alt=\"logo\">"
                + "<a href=\"" + other.url("/page.html#x") + "\">other site</a>"));
        server.route("/guide.html", html("<title>Guide</title>"
                + "<h2 id=\"setup\">Setup</h2><div id=\"café\"></div><p id=\"100%\"></p>"
                + "<p id=\"a b\"></p><a name=\"legacy\">old</a><p name=\"notanchor\"></p>"));
        server.route("/notes.txt", respond(200, "text/plain", "#x is not here"));
        server.route("/moved.html", LocalHttpServer.redirect(301, "/guide.html"));
        server.route("/logo.svg", respond(200, "image/svg+xml", "<svg/>"));
        other.route("/page.html", html("<p>no anchors here</p>"));
    }

    @Test
    void aFragmentIsFoundAsABrowserFindsItAndOnlyTheSitesAnsweredPagesAreJudged()
            throws Exception {
        site();

        Path file = crawl("site.webprobe", plan(true));

        assertThat(missing(file)).containsExactly(
                "/ -> /#nowhere (missing anchor #nowhere, 200, 'self missing')",
                "/ -> /guide.html#SETUP (missing anchor #SETUP, 200, 'setup upper')",
                "/ -> /guide.html#install (missing anchor #install, 200, 'install missing')",
                "/ -> /guide.html#%zz (missing anchor #%zz, 200, 'stray percent')",
                "/ -> /guide.html#%E2%82 (missing anchor #%E2%82, 200, 'not utf-8')",
                // judged on the page the redirect leads to, as a browser carries it over
                "/ -> /moved.html#x (missing anchor #x, 200, 'moved')");
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY);
                CrawlReader reader = store.reader()) {
            // a missing anchor is no broken link: the 404 is the only one
            assertThat(reader.brokenLinks()).extracting(BrokenLink::linkUrl)
                    .containsExactly(server.url("/gone.html"));
            assertThat(reader.checkedAnchors()).isTrue();
        }
    }

    @Test
    void aLinkIntoRedirectsIsJudgedOnThePageTheyEndAtAsABrowserCarriesItsFragment()
            throws Exception {
        server.route("/", html("<a href=\"/old.html#setup\">found past two hops</a>"
                + "<a href=\"/old.html#nowhere\">missing past two hops</a>"
                + "<a href=\"/moved.html#nowhere\">the Location's fragment instead</a>"
                + "<a href=\"/to-top.html#nowhere\">the Location's #top instead</a>"
                + "<a href=\"/to-gone.html#nowhere\">a broken chain</a>"
                + "<a href=\"/loop-a.html#nowhere\">a loop</a>"
                + "<a href=\"/meta.html#nowhere\">a meta refresh's page</a>"));
        server.route("/old.html", LocalHttpServer.redirect(301, "/mid.html"));
        server.route("/mid.html", LocalHttpServer.redirect(302, "/guide.html"));
        server.route("/moved.html", LocalHttpServer.redirect(301, "/mid.html#install"));
        server.route("/to-top.html", LocalHttpServer.redirect(301, "/guide.html#top"));
        server.route("/to-gone.html", LocalHttpServer.redirect(301, "/gone.html"));
        server.route("/loop-a.html", LocalHttpServer.redirect(301, "/loop-b.html"));
        server.route("/loop-b.html", LocalHttpServer.redirect(301, "/loop-a.html"));
        server.route("/meta.html", html("<meta http-equiv=\"refresh\" content=\"0; "
                + "url=/guide.html\"><p id=\"here\"></p>"));
        server.route("/guide.html", html("<h2 id=\"setup\">Setup</h2>"));

        Path file = crawl("redirects.webprobe", plan(true));

        assertThat(missing(file)).containsExactly(
                "/ -> /old.html#nowhere (missing anchor #nowhere, 200, 'missing past two hops')",
                "/ -> /meta.html#nowhere (missing anchor #nowhere, 200, "
                        + "'a meta refresh's page')",
                // judged once, as the redirect's own link, carried on over /mid.html
                "/moved.html -> /mid.html#install (missing anchor #install, 200, '')");
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY);
                CrawlReader reader = store.reader()) {
            List<BrokenLink> found = new ArrayList<>();
            reader.forEachMissingAnchor(found::add);
            BrokenLink old = found.get(0);
            assertThat(old.finalUrl()).isEqualTo(server.url("/guide.html"));
            assertThat(old.redirectChain()).isEqualTo(server.url("/old.html") + " [301] → "
                    + server.url("/mid.html") + " [302] → " + server.url("/guide.html")
                    + " [200]");
            assertThat(found.get(1).redirectChain()).isEmpty();
            // the broken chain and the loop are broken links, and only that
            assertThat(reader.brokenLinks()).extracting(BrokenLink::linkUrl)
                    .containsExactlyInAnyOrder(server.url("/to-gone.html"),
                            server.url("/loop-a.html"));
        }
    }

    /**
     * A text fragment ({@code #:~:text=Setup}, a fragment directive: every current browser)
     * is no anchor: the browser takes it off the fragment before it looks for the element, so
     * {@code #:~:text=x} is the top of the page and {@code #setup:~:text=x} is {@code #setup}.
     * Each was reported as a missing anchor.
     */
    @Test
    void aTextFragmentIsNoAnchorAndWhatPrecedesItIsJudgedAlone() throws Exception {
        server.route("/", html("<a href=\"/guide.html#:~:text=Setup\">text only</a>"
                + "<a href=\"/guide.html#setup:~:text=Setup\">anchor and text</a>"
                + "<a href=\"/guide.html#nowhere:~:text=Setup\">missing and text</a>"
                + "<a href=\"/moved.html#nowhere\">the Location's text fragment</a>"));
        server.route("/guide.html", html("<h2 id=\"setup\">Setup</h2>"));
        server.route("/moved.html", LocalHttpServer.redirect(301,
                "/guide.html#:~:text=Setup"));

        Path file = crawl("text.webprobe", plan(true));

        assertThat(missing(file)).containsExactly(
                "/ -> /guide.html#nowhere (missing anchor #nowhere, 200, 'missing and text')");
    }

    @Test
    void withoutTheCheckNothingIsRecordedOrJudged() throws Exception {
        site();

        Path file = crawl("plain.webprobe", plan(false));

        assertThat(missing(file)).isEmpty();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(count(c, "SELECT count(*) FROM anchors")).isZero();
            assertThat(count(c, "SELECT count(*) FROM link_fragments")).isZero();
            assertThat(count(c, "SELECT count(*) FROM urls WHERE (flags & 192) <> 0")).isZero();
        }
    }

    @Test
    void aPageOfAHundredThousandIdsIsReadButNotJudgedAndTheFileStaysSmall() throws Exception {
        StringBuilder huge = new StringBuilder("<title>Huge</title>");
        for (int i = 0; i < 100_000; i++) {
            huge.append("<i id=\"anchor-").append(i).append("\"></i>\n");
        }
        server.route("/", html("<a href=\"/huge.html#anchor-5\">there</a>"
                + "<a href=\"/huge.html#nowhere\">not there, but not judged</a>"
                + "<a href=\"/small.html#nowhere\">judged</a>"));
        server.route("/huge.html", html(huge.toString()));
        server.route("/small.html", html("<p id=\"here\"></p>"));

        Path file = crawl("huge.webprobe", plan(true));

        assertThat(missing(file)).containsExactly(
                "/ -> /small.html#nowhere (missing anchor #nowhere, 200, 'judged')");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(count(c, "SELECT count(*) FROM anchors")).isEqualTo(1);
            assertThat(count(c, "SELECT flags & 192 FROM urls WHERE url LIKE '%/huge.html'"))
                    .isEqualTo(192); // listed, but more than are kept
        }
    }

    @Test
    void aResumedCrawlGoesOnCheckingAnchors() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.route("/", html("<a href=\"/hold.html#h\">hold</a>"
                + "<a href=\"/a.html#missing-a\">a</a>"));
        server.route("/hold.html", LocalHttpServer.blockUntil(release, arrived,
                "<p id=\"h\"></p><a href=\"/b.html#missing-b\">b</a>"));
        server.route("/a.html", html("<p id=\"a\"></p>"));
        server.route("/b.html", html("<p id=\"b\"></p><a href=\"/#x\">home</a>"));
        Path file = dir.resolve("resumed.webprobe");
        CrawlPlan plan = plan(true).withThreads(1);
        try (CrawlStore store = CrawlStore.create(file, plan)) {
            CrawlJob job = CrawlJob.builder(plan, new JdkHttpProbe("t", Duration.ofSeconds(5)),
                    store.sink()).build();
            job.start();
            arrived.await();
            job.stop();
            job.close();
            release.countDown();
            store.sink().flush().get();
        }

        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            assertThat(store.plan().checkAnchors()).isTrue();
            CrawlSummary s = crawl(store, CrawlJob.builder(store.plan(),
                    new JdkHttpProbe("t", Duration.ofSeconds(5)), store.sink())
                    .resume(store.resumeState()));
            assertThat(s.stopped()).isFalse();
        }

        assertThat(missing(file)).containsExactlyInAnyOrder(
                "/ -> /a.html#missing-a (missing anchor #missing-a, 200, 'a')",
                "/hold.html -> /b.html#missing-b (missing anchor #missing-b, 200, 'b')",
                "/b.html -> /#x (missing anchor #x, 200, 'home')");
    }

    @Test
    void aFileFromBeforeAnchorsOpensAndGetsTheirTablesWhenResumed() throws Exception {
        server.route("/", html("<a href=\"/a.html#nowhere\">a</a>"));
        server.route("/a.html", html("<p>a</p>"));
        Path file = crawl("old.webprobe", plan(false));
        // as a Webprobe before anchor checks left it: neither the tables nor the setting
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("DROP TABLE anchors");
            st.execute("DROP TABLE link_fragments");
            st.execute("DELETE FROM meta WHERE key = 'plan.check_anchors'");
        }

        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY);
                CrawlReader reader = store.reader()) {
            assertThat(store.plan().checkAnchors()).isFalse();
            assertThat(reader.checkedAnchors()).isFalse();
            assertThat(reader.missingAnchorCount()).isZero();
            assertThat(reader.results()).hasSize(2);
        }
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            assertThat(store.info().resumable()).isFalse(); // finished: nothing to resume
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(count(c, "SELECT count(*) FROM sqlite_master WHERE name IN "
                    + "('anchors', 'link_fragments')")).isEqualTo(2);
            assertThat(count(c, "PRAGMA user_version")).isEqualTo(Schema.VERSION);
        }
    }

    @Test
    void aPagesAnchorsTakeRoomInTheWritersQueueAsItsLinksDo() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            names.add("n" + i);
        }
        io.webprobe.crawl.CrawlSink.Visit v = new io.webprobe.crawl.CrawlSink.Visit(1,
                io.webprobe.crawl.CrawlResult.builder(server.url("/")).status(200).build(),
                List.of(), 0, List.of(), List.of(), List.of(), false,
                new io.webprobe.crawl.CrawlSink.PageAnchors(names, false),
                List.of(new io.webprobe.crawl.CrawlSink.FragmentLink(1, "x", null, "")));

        // without it, queued pages of 50,000 ids each were weighed as two rows
        assertThat(new Op.Visited(v, 0).rows()).isEqualTo(2 + 5_000 + 1);
        assertThat(new Op.RecheckedPage(v, null, 0).rows()).isEqualTo(2 + 5_000 + 1);
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
