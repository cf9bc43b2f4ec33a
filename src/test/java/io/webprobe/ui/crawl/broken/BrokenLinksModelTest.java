package io.webprobe.ui.crawl.broken;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.store.CrawlStore;
import io.webprobe.testsupport.FxQueueByHand;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.ui.crawl.session.ReaderLane;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bug: while a crawl ran with the Broken links tab not shown, its title lost its count
 * ("Broken links") though the overview said Broken 1.
 */
class BrokenLinksModelTest {
    @TempDir
    Path dir;

    private final LocalHttpServer server = new LocalHttpServer();
    private final FxQueueByHand fx = new FxQueueByHand();
    private final AtomicLong clock = new AtomicLong();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void theTitleCountsBrokenLinksAndMissingAnchorsApart() {
        assertThat(BrokenLinksModel.title(12, 0, false)).isEqualTo("Broken links (12)");
        assertThat(BrokenLinksModel.title(1_234, 3, false))
                .isEqualTo("Broken links (1,234) · missing anchors (3)");
        assertThat(BrokenLinksModel.title(0, 2, false))
                .isEqualTo("Broken links (0) · missing anchors (2)");
        assertThat(BrokenLinksModel.title(-1, 0, true)).isEqualTo("Broken links (…)");
        assertThat(BrokenLinksModel.title(-1, 0, false)).isEqualTo("Broken links");
    }

    /**
     * The bug: beside the tab's "Broken links (0) · missing anchors (1)" the count over the
     * table said "1 broken link". It counts the two apart now, as the title does.
     */
    @Test
    void theCountBesideTheSearchTellsMissingAnchorsFromBrokenLinks() {
        BrokenLinksModel m = new BrokenLinksModel(clock::get);
        io.webprobe.crawl.BrokenLink anchor = new io.webprobe.crawl.BrokenLink(
                "http://127.0.0.1/a", "http://127.0.0.1/b#x", 200, null, "", "to b", "a",
                "http://127.0.0.1/b", "", "x");
        m.apply(List.of(anchor));
        assertThat(m.titleProperty().get()).isEqualTo("Broken links (0) · missing anchors (1)");
        assertThat(m.countTextProperty().get()).isEqualTo("0 broken links · 1 missing anchor");

        io.webprobe.crawl.BrokenLink gone = new io.webprobe.crawl.BrokenLink(
                "http://127.0.0.1/a", "http://127.0.0.1/gone", 404, null, "", "gone", "a",
                "http://127.0.0.1/gone", "");
        m.searchProperty().set("gone");
        m.apply(List.of(gone, anchor));
        assertThat(m.countTextProperty().get()).isEqualTo("1 of 2 links");

        m.searchProperty().set("");
        m.apply(List.of(gone));
        assertThat(m.countTextProperty().get()).isEqualTo("1 broken link");
    }

    /**
     * The bug: after File › New crawl (no crawl shown, the overview at 0) the tab's title kept
     * the last crawl's "Broken links (0) · missing anchors (1,299)".
     */
    @Test
    void noCrawlShownNoMissingAnchorsLeftInTheTitle() {
        BrokenLinksModel m = new BrokenLinksModel(clock::get);
        m.apply(List.of(new io.webprobe.crawl.BrokenLink("http://127.0.0.1/a",
                "http://127.0.0.1/b#x", 200, null, "", "to b", "a", "http://127.0.0.1/b", "",
                "x")));
        assertThat(m.titleProperty().get()).isEqualTo("Broken links (0) · missing anchors (1)");

        m.attach(null);

        assertThat(m.titleProperty().get()).isEqualTo("Broken links (0)");
        assertThat(m.countTextProperty().get()).isEqualTo("0 broken links");
    }

    /**
     * The bug: "Ping these" on the Broken links tab sent every link listed to the Ping tab,
     * an href that is no URL too ("http://<username>@<servername>/my-new-repo.git" in git's
     * docs), which the tab's own menu leaves out, as the README says.
     */
    @Test
    void pingTheseLeavesOutHrefsThatAreNoUrl() {
        io.webprobe.crawl.BrokenLink gone = new io.webprobe.crawl.BrokenLink(
                "http://127.0.0.1/a", "http://127.0.0.1/gone", 404, null, "", "gone", "a",
                "http://127.0.0.1/gone", "");
        io.webprobe.crawl.BrokenLink goneAgain = new io.webprobe.crawl.BrokenLink(
                "http://127.0.0.1/b", "http://127.0.0.1/gone", 404, null, "", "gone", "a",
                "http://127.0.0.1/gone", "");
        io.webprobe.crawl.BrokenLink malformed = new io.webprobe.crawl.BrokenLink(
                "http://127.0.0.1/a", "http://<user>@<server>/repo.git", 0,
                io.webprobe.http.ErrorKind.INVALID_URL, "Malformed URL: the host name contains"
                        + " \"<\"", "repo", "a", "", "");
        assertThat(malformed.notAUrl()).isTrue();

        assertThat(BrokenLinksModel.pingable(List.of(), List.of(gone, malformed, goneAgain)))
                .containsExactly("http://127.0.0.1/gone");
        assertThat(BrokenLinksModel.pingable(List.of(malformed), List.of(gone, malformed)))
                .isEmpty();
    }

    @Test
    void theTabKeepsItsCountWhileACrawlRunsWithTheListNotShown() throws Exception {
        server.route("/", LocalHttpServer.html("<a href=/missing>m</a>"));
        server.route("/missing", LocalHttpServer.status(404));
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "Webprobe/test");
        try (CrawlStore store = CrawlStore.create(dir.resolve("c.webprobe"), plan);
                ReaderLane lane = new ReaderLane(store, "test-stats-", fx::post)) {
            BrokenLinksModel m = new BrokenLinksModel(clock::get);
            m.attach(lane); // the crawl starts: nothing found yet
            fx.settle(() -> !m.readingProperty().get());
            assertThat(m.titleProperty().get()).isEqualTo("Broken links (0)");

            CrawlJob job = CrawlJob.builder(plan, new JdkHttpProbe("Webprobe/test",
                    Duration.ofSeconds(5)), store.sink()).build();
            job.start();
            job.completion().get(30, TimeUnit.SECONDS);
            job.close();
            clock.addAndGet(Duration.ofSeconds(1).toNanos()); // a tick, the next read due
            m.crawlGrew(); // the list is not on screen

            fx.settle(() -> m.titleProperty().get().equals("Broken links (1)"));
            // the overview's Broken and the status bar count URLs: the tab says it counts links
            assertThat(m.tipProperty().get()).startsWith("1 link on the crawled pages leads to "
                    + "a broken URL, each counted once per page holding it. The Overview's "
                    + "Broken URLs and the status bar count broken URLs instead");
            assertThat(m.staleProperty().get()).isTrue(); // the list itself waits to be shown
            assertThat(m.links()).isEmpty();
        }
    }

    /**
     * With anchors checked, a link to an anchor its page lacks is on the tab after the broken
     * links, its status the page's 200 with the anchor named, and counted apart in its title
     * (it counted both as broken links), whether the list is shown or only counted.
     */
    @Test
    void aMissingAnchorIsListedAfterTheBrokenLinksWithItsPagesStatus() throws Exception {
        server.route("/", LocalHttpServer.html("<a href=/missing>m</a>"
                + "<a href=\"/guide#setup\">ok</a><a href=\"/guide#install\">install</a>"
                + "<a href=\"/old#install\">old</a>"));
        server.route("/missing", LocalHttpServer.status(404));
        server.route("/old", LocalHttpServer.redirect(301, "/guide"));
        server.route("/guide", LocalHttpServer.html("<h2 id=setup>Setup</h2>"));
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "Webprobe/test")
                .withCheckAnchors(true);
        try (CrawlStore store = CrawlStore.create(dir.resolve("a.webprobe"), plan)) {
            try (CrawlJob job = CrawlJob.builder(plan, new JdkHttpProbe("Webprobe/test",
                    Duration.ofSeconds(5)), store.sink()).build()) {
                job.start();
                job.completion().get(30, TimeUnit.SECONDS);
            }
            store.sink().flush().get();
            try (ReaderLane lane = new ReaderLane(store, "test-stats-", fx::post)) {
                BrokenLinksModel hidden = new BrokenLinksModel(clock::get);
                hidden.attach(lane); // the tab not shown: counted only
                fx.settle(() -> !hidden.readingProperty().get());
                assertThat(hidden.titleProperty().get())
                        .isEqualTo("Broken links (1) · missing anchors (2)");
                assertThat(hidden.tipProperty().get()).startsWith("1 link on the crawled pages "
                        + "leads to a broken URL").endsWith(" 2 links name an anchor "
                        + "(#fragment) the page they lead to lacks: missing anchors, counted "
                        + "apart, listed after them.");

                BrokenLinksModel m = new BrokenLinksModel(clock::get);
                m.activeProperty().set(true);
                m.attach(lane);
                fx.settle(() -> !m.readingProperty().get() && !m.links().isEmpty());

                assertThat(m.titleProperty().get())
                        .isEqualTo("Broken links (1) · missing anchors (2)");
                assertThat(m.links()).extracting(io.webprobe.crawl.BrokenLink::linkUrl,
                        BrokenLinkText::statusText).containsExactly(
                                org.assertj.core.groups.Tuple.tuple(server.url("/missing"),
                                        "404 Not Found"),
                                org.assertj.core.groups.Tuple.tuple(
                                        server.url("/guide#install"),
                                        "200 OK, missing anchor #install"),
                                // looked for where the redirect ends, and said so
                                org.assertj.core.groups.Tuple.tuple(
                                        server.url("/old#install"),
                                        "200 OK after redirect, missing anchor #install"));
            }
        }
    }

    /**
     * The bug: opening a crawl read every broken link and the view sorted them on the FX
     * thread, even with the tab not shown. Now hidden, only the count is read; shown, the
     * links are read and sorted on the lane, and a new order is sorted there too: the FX
     * thread (this test's, running the queue) only takes the list.
     */
    @Test
    void theListIsReadAndSortedOnTheLaneAndOnlyOnceShown() throws Exception {
        try (CrawlStore store = crawlOfThreeBrokenLinks()) {
            try (ReaderLane lane = new ReaderLane(store, "test-stats-", fx::post)) {
                Thread fxThread = Thread.currentThread();
                List<String> comparedOn = new CopyOnWriteArrayList<>();
                java.util.Comparator<io.webprobe.crawl.BrokenLink> byUrl = (x, y) -> {
                    comparedOn.add(Thread.currentThread().getName());
                    return x.linkUrl().compareTo(y.linkUrl());
                };
                BrokenLinksModel m = new BrokenLinksModel(clock::get);
                m.sortBy("url up", byUrl);

                m.attach(lane); // opened with the tab not shown: its count only
                fx.settle(() -> !m.readingProperty().get());
                assertThat(m.titleProperty().get()).isEqualTo("Broken links (3)");
                assertThat(m.links()).isEmpty();
                assertThat(comparedOn).isEmpty();

                m.activeProperty().set(true); // shown: read and sorted
                fx.settle(() -> !m.readingProperty().get());
                assertThat(m.links()).extracting(io.webprobe.crawl.BrokenLink::linkUrl)
                        .containsExactly(server.url("/m-a"), server.url("/m-b"),
                                server.url("/m-c"));
                assertThat(comparedOn).isNotEmpty().allMatch(t -> t.startsWith("test-stats-"))
                        .doesNotContain(fxThread.getName());

                comparedOn.clear();
                m.sortBy("url down", byUrl.reversed()); // a click on the header
                fx.settle(() -> !m.readingProperty().get());
                assertThat(m.links()).extracting(io.webprobe.crawl.BrokenLink::linkUrl)
                        .containsExactly(server.url("/m-c"), server.url("/m-b"),
                                server.url("/m-a"));
                assertThat(comparedOn).isNotEmpty().allMatch(t -> t.startsWith("test-stats-"));
            }
        }
    }

    /**
     * A click on a header while the list is being read: the read under way sorts in the order
     * before, so the list is read again in the new one (it was shown in the old order, under
     * the header's new arrow).
     */
    @Test
    void anOrderChosenWhileTheListIsReadIsTheOrderShown() throws Exception {
        try (CrawlStore store = crawlOfThreeBrokenLinks()) {
            try (ReaderLane lane = new ReaderLane(store, "test-stats-", fx::post)) {
                java.util.Comparator<io.webprobe.crawl.BrokenLink> byUrl =
                        java.util.Comparator.comparing(io.webprobe.crawl.BrokenLink::linkUrl);
                BrokenLinksModel m = new BrokenLinksModel(clock::get);
                m.sortBy("url up", byUrl);
                m.activeProperty().set(true);
                m.attach(lane); // the read starts in the order up

                m.sortBy("url down", byUrl.reversed()); // before its result is taken
                fx.settle(() -> !m.readingProperty().get());

                assertThat(m.links()).extracting(io.webprobe.crawl.BrokenLink::linkUrl)
                        .containsExactly(server.url("/m-c"), server.url("/m-b"),
                                server.url("/m-a"));
            }
        }
    }

    /** A finished crawl of a home page linking to /m-b, /m-c and /m-a, each a 404. */
    private CrawlStore crawlOfThreeBrokenLinks() throws Exception {
        server.route("/", LocalHttpServer.html(
                "<a href=/m-b>b</a><a href=/m-c>c</a><a href=/m-a>a</a>"));
        for (String gone : new String[] {"/m-a", "/m-b", "/m-c"}) {
            server.route(gone, LocalHttpServer.status(404));
        }
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "Webprobe/test");
        CrawlStore store = CrawlStore.create(dir.resolve("c.webprobe"), plan);
        CrawlJob job = CrawlJob.builder(plan, new JdkHttpProbe("Webprobe/test",
                Duration.ofSeconds(5)), store.sink()).build();
        job.start();
        job.completion().get(30, TimeUnit.SECONDS);
        job.close();
        store.sink().flush().get(10, TimeUnit.SECONDS);
        return store;
    }
}
