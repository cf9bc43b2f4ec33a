package io.webprobe.ui.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static io.webprobe.ui.crawl.VmHarness.done;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.UrlQuery;
import io.webprobe.crawl.CrawlResult;
import io.webprobe.store.UrlDetails;
import io.webprobe.store.UrlField;
import io.webprobe.store.UrlFilter;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.WorkspaceSite;
import io.webprobe.ui.common.UiState;
import io.webprobe.ui.crawl.export.CrawlExporter;
import io.webprobe.ui.crawl.export.ExportActions;
import io.webprobe.ui.crawl.overview.OverviewEntry;
import io.webprobe.ui.crawl.table.UrlColumn;
import io.webprobe.ui.crawl.table.UrlColumns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workspace over a crawl file, without the toolkit: filters and their counts, search,
 * sort, the details of a URL, re-check, list mode, exports of a view and of a selection,
 * opening, resuming and refusing crawl files, and what is remembered across a restart.
 */
class WorkspaceViewModelTest {
    @TempDir
    Path tempDir;

    @TempDir
    Path crawlsDir;

    private final LocalHttpServer server = new LocalHttpServer();
    private final CountDownLatch release = new CountDownLatch(1);
    private final UiState memory = UiState.inMemory();
    private VmHarness h;
    private CrawlViewModel vm;

    private void open() throws Exception {
        h = new VmHarness(crawlsDir, memory);
        vm = h.vm;
    }

    @AfterEach
    void tearDown() throws Exception {
        release.countDown();
        if (h != null) {
            h.close();
        }
        server.close();
    }

    private WorkspaceSite crawlSite() throws Exception {
        WorkspaceSite site = new WorkspaceSite(server);
        open();
        assertThat(h.start(site.start())).isTrue();
        h.awaitCrawlEnd();
        return site;
    }

    private void show(UrlFilter f, String search) throws Exception {
        h.run(() -> {
            vm.overview().selectedProperty().set(f);
            vm.table().searchProperty().set(search);
        });
        h.awaitSettled();
    }

    private List<String> paths() throws Exception {
        String base = server.url("");
        return h.rows().stream().map(r -> r.url().substring(base.length())).toList();
    }

    private long idOf(String path) throws Exception {
        CompletableFuture<long[]> ids = new CompletableFuture<>();
        h.run(() -> vm.idsOf(List.of(server.url(path)), ids::complete));
        return done(ids)[0];
    }

    // == finding things ==

    @Test
    void everyFilterOfTheOverviewShowsAsManyRowsAsItsCount() throws Exception {
        crawlSite();
        Map<UrlFilter, Long> counts = h.on(() -> vm.overview().entries().stream().collect(
                Collectors.toMap(OverviewEntry::filter, e -> e.countProperty().get())));
        assertThat(counts).containsEntry(UrlFilter.ALL, (long) WorkspaceSite.PATHS.size())
                .containsEntry(UrlFilter.BROKEN, 3L).containsEntry(UrlFilter.STATUS_4XX, 2L)
                .containsEntry(UrlFilter.STATUS_5XX, 1L).containsEntry(UrlFilter.REDIRECTS, 3L)
                .containsEntry(UrlFilter.REDIRECT_CHAINS, 1L)
                .containsEntry(UrlFilter.DUPLICATE_TITLE, 2L)
                .containsEntry(UrlFilter.MISSING_TITLE, 1L).containsEntry(UrlFilter.MISSING_H1, 1L)
                .containsEntry(UrlFilter.NON_INDEXABLE, 2L)
                .containsEntry(UrlFilter.CANONICALISED, 1L).containsEntry(UrlFilter.IMAGES, 1L)
                .containsEntry(UrlFilter.CSS_JS, 2L);
        for (UrlFilter f : UrlFilter.values()) {
            show(f, "");
            assertThat(h.on(() -> vm.table().countProperty().get())).as(f.label())
                    .isEqualTo(counts.get(f).intValue());
        }
        show(UrlFilter.BROKEN, "");
        assertThat(paths()).containsExactlyInAnyOrder("/missing", "/gone", "/err");
        show(UrlFilter.DUPLICATE_TITLE, "");
        assertThat(paths()).containsExactlyInAnyOrder("/dup1", "/dup2");
    }

    /**
     * The bug: File › New crawl left the last crawl's search ("page-12") and filter over its
     * empty table, and Broken links kept its search from one crawl to the next, where another
     * site's links were searched for it. Each view starts whole with each crawl, and with none.
     */
    @Test
    void aNewCrawlAndAnotherCrawlStartWithoutTheLastOnesSearches() throws Exception {
        WorkspaceSite site = crawlSite();
        h.run(() -> vm.broken().searchProperty().set("missing"));
        show(UrlFilter.BROKEN, "gone");
        h.run(vm::newCrawl);
        assertThat(h.on(() -> vm.table().searchProperty().get())).isEmpty();
        assertThat(h.on(() -> vm.overview().selectedProperty().get())).isEqualTo(UrlFilter.ALL);
        assertThat(h.on(() -> vm.broken().searchProperty().get())).isEmpty();

        h.run(() -> vm.broken().searchProperty().set("missing"));
        assertThat(h.start(site.start())).isTrue();
        h.awaitCrawlEnd();
        h.awaitSettled();
        assertThat(h.on(() -> vm.broken().searchProperty().get())).isEmpty();
        assertThat(h.brokenLinks()).hasSize(h.on(() -> vm.broken().totalProperty().get()));
    }

    /**
     * The bug: while a crawl ran, the overview's counts waited behind the broken links' and
     * the charts' re-reads on one lane, so "All" lagged the table's count and the status bar
     * by a second or more. The counts have a lane of their own.
     */
    @Test
    void theOverviewCountsDoNotWaitBehindTheBrokenLinksAndCharts() throws Exception {
        crawlSite();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        try {
            h.run(() -> vm.crawl().statsLane().submit(q -> {
                held.countDown();
                try {
                    letGo.await(20, TimeUnit.SECONDS); // a long pass over the broken links
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }, r -> { }, m -> { }));
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

            h.run(() -> vm.overview().rowsChanged());
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> h.on(() -> !vm.overview().countingProperty().get()));
            assertThat(h.on(() -> vm.overview().count(UrlFilter.ALL)))
                    .isEqualTo(h.on(() -> (long) vm.table().countProperty().get()));
        } finally {
            letGo.countDown();
        }
    }

    @Test
    void searchLooksInUrlsAndTitlesWithinTheFilterShown() throws Exception {
        crawlSite();
        show(UrlFilter.ALL, "ALPHA");
        assertThat(paths()).containsExactlyInAnyOrder("/a", "/canon");
        show(UrlFilter.NON_INDEXABLE, "alpha");
        assertThat(paths()).containsExactly("/canon");
        show(UrlFilter.ALL, "chain");
        assertThat(paths()).containsExactlyInAnyOrder("/chain1", "/chain2");
        show(UrlFilter.ALL, "");
        assertThat(paths()).hasSize(WorkspaceSite.PATHS.size());
    }

    /**
     * The bug: a search with no hits on a finished crawl said "No URLs yet: enter a start URL
     * and press Start…". The empty table says what is empty.
     */
    @Test
    void anEmptyTableSaysWhetherNothingIsShownOrNothingMatches() throws Exception {
        open();
        assertThat(h.on(() -> vm.table().emptyTextProperty().get()))
                .isEqualTo(io.webprobe.ui.crawl.table.UrlTableModel.NO_CRAWL);
        // in List mode it asks for the URLs to check, not a start URL; so does the status
        // line, which said "Type a start URL (or, in List mode, the URLs to check)" in both
        assertThat(h.status()).isEqualTo("Type a start URL and press Start.");
        h.run(() -> vm.modeProperty().set(CrawlMode.LIST));
        assertThat(h.on(() -> vm.table().emptyTextProperty().get())).isEqualTo("No URLs yet: "
                + "paste the URLs to check and press Start, or open a crawl (File › Open "
                + "crawl…).");
        assertThat(h.status()).isEqualTo("Paste the URLs to check, one per line, and press "
                + "Start.");
        h.run(() -> vm.modeProperty().set(CrawlMode.SPIDER));
        assertThat(h.on(() -> vm.table().emptyTextProperty().get()))
                .isEqualTo(io.webprobe.ui.crawl.table.UrlTableModel.NO_CRAWL);
        assertThat(h.status()).isEqualTo("Type a start URL and press Start.");
        h.close();
        crawlSite();
        show(UrlFilter.ALL, "zzz");
        assertThat(h.on(() -> vm.table().countProperty().get())).isZero();
        assertThat(h.on(() -> vm.table().emptyTextProperty().get()))
                .isEqualTo("No URL matches “zzz”.");
        show(UrlFilter.BROKEN, "alpha");
        assertThat(h.on(() -> vm.table().emptyTextProperty().get()))
                .isEqualTo("No URL matches “alpha” in " + UrlFilter.BROKEN.label() + ".");
        show(UrlFilter.EXTERNAL, ""); // the site links nowhere else
        assertThat(h.on(() -> vm.table().countProperty().get())).isZero();
        assertThat(h.on(() -> vm.table().emptyTextProperty().get()))
                .isEqualTo("No URLs match this filter (External).");
    }

    @Test
    void aSortIsReadFromTheFileNumbersAsNumbers() throws Exception {
        crawlSite();
        h.run(() -> vm.table().sortBy(UrlField.STATUS, true));
        h.awaitSettled();
        List<Integer> statuses = h.rows().stream().map(CrawlResult::status).toList();
        assertThat(statuses.get(0)).isEqualTo(500);
        assertThat(statuses).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        h.run(() -> vm.table().sortBy(UrlField.SEQ, false));
        h.awaitSettled();
        assertThat(paths().get(0)).isEqualTo("/");
    }

    /**
     * The table is told whether new ids are a new view (a sort, filter or search: it then
     * shows their first rows) or the same view read again (it keeps its rows in place).
     */
    @Test
    void aSortFilterOrSearchIsANewViewAndAReadAgainIsNot() throws Exception {
        crawlSite();
        List<Boolean> newViews = new java.util.concurrent.CopyOnWriteArrayList<>();
        h.run(() -> vm.table().setIdsListener(new io.webprobe.ui.crawl.table.UrlTableModel
                .IdsListener() {
            @Override
            public void idsChanging(boolean appending) {}

            @Override
            public void idsChanged(boolean appended, boolean newView) {
                newViews.add(newView);
            }
        }));
        h.run(() -> vm.table().sortBy(UrlField.SIZE, false));
        h.awaitSettled();
        h.run(() -> vm.table().reload()); // as when the crawl ends
        h.awaitSettled();
        show(UrlFilter.BROKEN, "");
        show(UrlFilter.BROKEN, "gone");
        assertThat(newViews).containsExactly(true, false, true, true);
    }

    /**
     * The bug: a redirect loop was a broken link and a red row, but the Broken filter, its
     * count in the overview and the status bar's "broken" left it out. One rule now: broken in
     * itself, or a redirect whose chain fails in itself.
     */
    @Test
    void aRedirectLoopIsBrokenInTheFilterItsCountAndTheStatusBar() throws Exception {
        server.route("/", LocalHttpServer.html("<a href=\"/loop/a\">loop</a> "
                + "<a href=\"/missing\">missing</a> <a href=\"/moved\">moved</a>"));
        server.route("/loop/a", LocalHttpServer.redirect(302, "/loop/b"));
        server.route("/loop/b", LocalHttpServer.redirect(302, "/loop/a"));
        server.route("/moved", LocalHttpServer.redirect(301, "/"));
        open();
        assertThat(h.start(server.url("/"))).isTrue();
        h.awaitCrawlEnd();

        show(UrlFilter.BROKEN, "");
        // both hops of the loop; a redirect that arrives is not broken
        assertThat(paths()).containsExactlyInAnyOrder("/loop/a", "/loop/b", "/missing");
        assertThat(h.on(() -> vm.overview().count(UrlFilter.BROKEN))).isEqualTo(3);
        assertThat(h.status()).startsWith("Finished: ").contains(" · 3 broken");
    }

    // == inspecting one URL ==

    /**
     * The bug: a redirect loop read as a plain "302 Found" in the Broken links tab, the
     * details and the table (not red), while the CSV said REDIRECT_LOOP. Each says "Redirect
     * loop" now, in the CSV's words, and the row counts as broken.
     */
    @Test
    void aRedirectLoopIsCalledOneEverywhereTheLinkOrRowIsShown() throws Exception {
        server.route("/", LocalHttpServer.html("<a href=\"/loop/x\">loop</a>"));
        server.route("/loop/x", LocalHttpServer.redirect(302, "/loop/x"));
        open();
        assertThat(h.start(server.url("/"))).isTrue();
        h.awaitCrawlEnd();
        String loop = server.url("/loop/x");

        BrokenLink link = h.brokenLinks().stream().filter(b -> b.linkUrl().equals(loop))
                .findFirst().orElseThrow();
        assertThat(io.webprobe.ui.crawl.broken.BrokenLinkText.statusText(link))
                .isEqualTo("Redirect loop");

        long id = idOf("/loop/x");
        CompletableFuture<List<UrlQuery.Row>> rows = new CompletableFuture<>();
        h.run(() -> vm.rowsOf(new long[] {id}, rows::complete));
        UrlQuery.Row row = done(rows).get(0);
        assertThat(row.broken()).as("red in the table").isTrue();
        assertThat(row.statusText()).isEqualTo("Redirect loop");
        assertThat(row.reason()).isEqualTo(link.errorMessage())
                .startsWith("Redirect loop: " + loop + " [302]").endsWith("(loop)");

        h.run(() -> vm.details().show(id));
        h.awaitSettled();
        assertThat(h.on(() -> vm.details().headingProperty().get()))
                .isEqualTo(loop + "  ·  Redirect loop (302 Found)");
        assertThat(h.on(() -> vm.details().chainProblemProperty().get()))
                .isEqualTo(link.errorMessage());
        // a redirect that arrives says nothing of the kind
        long home = idOf("/");
        h.run(() -> vm.details().show(home));
        h.awaitSettled();
        assertThat(h.on(() -> vm.details().chainProblemProperty().get())).isEmpty();
    }

    /**
     * The bug: a 301 without a Location read "Redirect without a Location…" in the URL table's
     * Reason but "Invalid URL" in the Broken links tab.
     */
    @Test
    void aRedirectWithoutALocationReadsTheSameInBrokenLinksAsInTheTable() throws Exception {
        server.route("/", LocalHttpServer.html("<a href=\"/nolocation\">moved</a>"));
        server.route("/nolocation", LocalHttpServer.status(301));
        open();
        assertThat(h.start(server.url("/"))).isTrue();
        h.awaitCrawlEnd();

        BrokenLink link = h.brokenLinks().stream()
                .filter(b -> b.linkUrl().equals(server.url("/nolocation"))).findFirst()
                .orElseThrow();
        long id = idOf("/nolocation");
        CompletableFuture<List<UrlQuery.Row>> rows = new CompletableFuture<>();
        h.run(() -> vm.rowsOf(new long[] {id}, rows::complete));
        UrlQuery.Row row = done(rows).get(0);
        assertThat(row.reason()).startsWith("Redirect without a Location");
        assertThat(io.webprobe.ui.crawl.broken.BrokenLinkText.statusText(link))
                .isEqualTo(row.reason());
    }

    @Test
    void theDetailsOfABrokenLinkListEveryPageThatLinksToIt() throws Exception {
        crawlSite();
        List<BrokenLink> broken = h.brokenLinks();
        assertThat(broken).extracting(BrokenLink::linkUrl).contains(server.url("/missing"));

        assertThat(h.on(() -> vm.details().hasUrlProperty().get())).as("none yet").isFalse();
        h.run(() -> vm.details().showUrl(server.url("/missing")));
        h.awaitSettled();

        assertThat(h.on(() -> vm.details().headingProperty().get())).contains("404");
        assertThat(h.on(() -> vm.details().hasUrlProperty().get())).isTrue();
        assertThat(h.on(() -> List.copyOf(vm.details().inlinks())))
                .extracting(UrlDetails.Inlink::sourceUrl)
                .containsExactlyInAnyOrder(server.url("/"), server.url("/a"), server.url("/b"));
        assertThat(h.on(() -> vm.details().inlinksTextProperty().get())).isEqualTo("Inlinks (3)");

        h.run(() -> vm.details().show(vm.details().inlinks().get(0).sourceId()));
        h.awaitSettled();
        assertThat(h.on(() -> vm.details().outlinks().stream().anyMatch(UrlDetails.Outlink::broken)))
                .isTrue();
        h.run(() -> vm.details().showUrl(server.url("/chain1")));
        h.awaitSettled();
        assertThat(h.on(() -> vm.details().hops().size())).isEqualTo(3);
        h.run(() -> vm.details().showUrl(server.url("/a")));
        h.awaitSettled();
        assertThat(h.on(() -> vm.details().snippetProperty().get())).satisfies(s -> {
            assertThat(s.title()).isEqualTo("Alpha");
            assertThat(s.description()).isEqualTo("All about alpha");
        });
    }

    @Test
    void theSelectedUrlIsTheOneTheDetailsShow() throws Exception {
        crawlSite();
        long id = idOf("/b");
        h.run(() -> vm.table().setSelection(new long[] {id}, id));
        h.awaitSettled();
        assertThat(h.on(() -> vm.details().headingProperty().get()))
                .startsWith(server.url("/b")).endsWith("200 OK");
    }

    // == acting ==

    @Test
    void recheckFetchesAgainAndUpdatesTheRowTheCountsAndTheFile() throws Exception {
        crawlSite();
        assertThat(h.on(() -> vm.overview().count(UrlFilter.STATUS_4XX))).isEqualTo(2);
        server.route("/gone", html("<title>Back again</title>here"));
        long id = idOf("/gone");

        h.run(() -> vm.recheck(new long[] {id}));

        await(() -> h.status().startsWith("Re-checked"));
        h.awaitSettled();
        assertThat(h.status()).isEqualTo("Re-checked " + server.url("/gone")
                + ": 200, no longer broken.");
        show(UrlFilter.ALL, "back again");
        assertThat(h.rows()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.title()).isEqualTo("Back again");
        });
        assertThat(h.on(() -> vm.overview().count(UrlFilter.STATUS_4XX))).isEqualTo(1);
        assertThat(h.brokenLinks()).extracting(BrokenLink::linkUrl)
                .doesNotContain(server.url("/gone"));
        assertThat(server.hits("/gone")).isEqualTo(2);
    }

    /**
     * A crawl file made when a crawl followed 10 redirects, re-checked in the window: the row
     * of the URL 10 redirects led to said "More than 10 redirects". The window reads from the
     * file how many led there (10), so its redirect is followed now (20 are), not "More than
     * 20 redirects: 20 led here", false twice.
     */
    @Test
    void aUrlALimitOfTenStoppedAtIsFollowedWhenRecheckedInTheWindow() throws Exception {
        int n = io.webprobe.http.HttpProbe.MAX_REDIRECTS;
        server.route("/", html("<a href=\"/r0\">start</a>"));
        for (int i = 0; i < 2 * n + 10; i++) { // endless, as far as the crawl goes
            server.route("/r" + i, LocalHttpServer.redirect(301, "/r" + (i + 1)));
        }
        Path file = io.webprobe.testsupport.StoredCrawls.crawlInto(tempDir.resolve(
                "ten.webprobe"), io.webprobe.crawl.CrawlPlan.of(
                        java.net.URI.create(server.url("/")), "Webprobe/test"));
        io.webprobe.testsupport.StoredCrawls.madeWithTen(file, server.url("/r"), n);
        open();
        done(h.on(() -> vm.openCrawl(file)));
        h.awaitSettled();
        show(UrlFilter.ALL, "/r10");
        assertThat(h.rows()).singleElement().satisfies(r -> assertThat(r.error())
                .isEqualTo(io.webprobe.http.ErrorKind.TOO_MANY_REDIRECTS));
        long id = idOf("/r10");

        h.run(() -> vm.recheck(new long[] {id}));

        await(() -> h.status().startsWith("Re-checked"));
        h.awaitSettled();
        assertThat(h.status()).doesNotContain("redirects");
        show(UrlFilter.ALL, "/r10");
        assertThat(h.rows()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(301);
            assertThat(r.error()).as(r.errorMessage()).isNull();
            assertThat(r.redirectTo()).isEqualTo(server.url("/r11"));
        });
    }

    /**
     * A long re-check says how far it got and stops on Esc after its current URL, keeping what
     * it fetched (30,000 URLs took 10-20 s with no word and no way to stop).
     */
    @Test
    void aRecheckCanBeStoppedAndKeepsWhatItFetched() throws Exception {
        crawlSite();
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        io.webprobe.testsupport.LocalHttpServer.Route again = html("<title>A again</title>a");
        server.route("/a", ex -> {
            arrived.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            again.handle(ex);
        });
        long[] ids = {idOf("/a"), idOf("/b"), idOf("/gone")};
        int bHits = server.hits("/b");

        h.run(() -> vm.recheck(ids));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(h.on(() -> vm.recheckRunning())).isTrue();
        h.run(() -> vm.stopRecheck());
        release.countDown();

        await(() -> h.status().startsWith("Re-check stopped"));
        assertThat(h.status()).isEqualTo("Re-check stopped: 1 of 3 URLs re-checked.");
        assertThat(server.hits("/b")).isEqualTo(bHits);
        assertThat(h.on(() -> vm.recheckRunning())).isFalse();
        h.awaitSettled();
        show(UrlFilter.ALL, "a again");
        assertThat(h.rows()).hasSize(1);
    }

    /** A re-checked row leaves a filter it no longer matches (it stayed, with its new 200). */
    @Test
    void aRecheckedRowLeavesTheFilterItNoLongerMatches() throws Exception {
        crawlSite();
        show(UrlFilter.STATUS_4XX, "");
        assertThat(h.rows()).hasSize(2);
        server.route("/gone", html("<title>Back again</title>here"));
        long id = idOf("/gone");

        h.run(() -> vm.recheck(new long[] {id}));

        await(() -> h.status().startsWith("Re-checked"));
        h.awaitSettled();
        assertThat(h.rows()).singleElement().satisfies(r -> assertThat(r.status()).isNotEqualTo(200));
    }

    /**
     * The bug: re-checking a redirect loop said "Re-checked …/loop1: 301." while its row said
     * "Redirect loop", in red.
     */
    @Test
    void aRecheckSaysWhatTheRowNowSaysAsTheTableDoes() throws Exception {
        server.route("/", LocalHttpServer.html("<a href=\"/loop1\">loop</a>"));
        server.route("/loop1", LocalHttpServer.redirect(301, "/loop2"));
        server.route("/loop2", LocalHttpServer.redirect(302, "/loop1"));
        open();
        assertThat(h.start(server.url("/"))).isTrue();
        h.awaitCrawlEnd();
        long id = idOf("/loop1");

        h.run(() -> vm.recheck(new long[] {id}));
        await(() -> h.status().startsWith("Re-checked"));
        assertThat(h.status()).isEqualTo("Re-checked " + server.url("/loop1")
                + ": Redirect loop, still broken.");

        server.route("/loop2", LocalHttpServer.html("fixed"));
        long second = idOf("/loop2");
        h.run(() -> vm.recheck(new long[] {second}));
        await(() -> h.status().startsWith("Re-checked " + server.url("/loop2")));
        assertThat(h.status()).isEqualTo("Re-checked " + server.url("/loop2")
                + ": 200, no longer broken.");
    }

    @Test
    void excludingAPathPutsItInTheSettingsForTheNextCrawl() throws Exception {
        crawlSite();
        String said = h.on(() -> vm.excludePath(server.url("/docs/a/page.html")));
        assertThat(said).contains("/docs/a/")
                .endsWith(" from the next crawls (Settings › Exclude URLs matching).");
        String regex = h.on(() -> vm.settings().excludeProperty().get());
        assertThat(java.util.regex.Pattern.compile(regex).matcher(server.url("/docs/a/x")).find())
                .isTrue();
        assertThat(java.util.regex.Pattern.compile(regex).matcher(server.url("/docs/b/x")).find())
                .isFalse();
        assertThat(h.on(() -> vm.excludePath(server.url("/")))).isEmpty();
    }

    /**
     * An opened crawl shows its own settings, which Start reads: a path excluded then goes
     * into them (the next crawl from here leaves it out) and into the user's own, shown by
     * File › New crawl; while a resume is offered, into the user's only (Resume keeps the
     * crawl's settings as they were).
     */
    @Test
    void excludingAPathWhileACrawlsSettingsAreShownPutsItInBoth() throws Exception {
        crawlSite();
        Path file = h.on(() -> vm.fileProperty().get());
        h.close();
        open();
        done(h.on(() -> vm.openCrawl(file)));
        h.awaitSettled();
        assertThat(h.on(() -> vm.crawlSettingsShownProperty().get())).isTrue();
        assertThat(h.on(() -> vm.resumeOfferProperty().get())).isEmpty();

        h.on(() -> vm.excludePath(server.url("/docs/a/page.html")));

        String shown = h.on(() -> vm.settings().excludeProperty().get());
        assertThat(shown).contains("/docs/a/");
        assertThat(SettingsMemory.load(memory)).hasValueSatisfying(s ->
                assertThat(s.exclude()).containsExactly(shown));
        h.run(vm::newCrawl);
        assertThat(h.on(() -> vm.settings().excludeProperty().get())).isEqualTo(shown);
    }

    // == list mode ==

    @Test
    void theStatusBarCountsAsSkippedWhatTheSkippedFilterShows() throws Exception {
        WorkspaceSite site = new WorkspaceSite(server);
        open();
        // /dup1 and /dup2 are left out by the user's own pattern: no row, nothing to click
        h.run(() -> vm.settings().excludeProperty().set("/dup"));
        assertThat(h.start(site.start())).isTrue();
        h.awaitCrawlEnd();

        long skipped = h.on(() -> vm.overview().entries().stream()
                .filter(e -> e.filter() == UrlFilter.SKIPPED).findFirst().orElseThrow()
                .countProperty().get());
        assertThat(skipped).isZero();
        assertThat(h.status()).startsWith("Finished: ").doesNotContain("skipped");
        assertThat(server.hits("/dup1")).isZero();
    }

    @Test
    void listModeChecksEachUrlOnceWithoutFollowingLinks() throws Exception {
        new WorkspaceSite(server);
        open();
        h.run(() -> {
            vm.modeProperty().set(CrawlMode.LIST);
            vm.list().textProperty().set("# my URLs\n" + server.url("/b") + "\n\n"
                    + server.url("/old") + "\nnot a url at all\n" + server.url("/missing") + "\n");
        });
        assertThat(h.on(() -> vm.list().summaryProperty().get())).isEqualTo("3 URLs · 1 line "
                + "skipped (line 5)");
        assertThat(h.on(() -> vm.list().skippedProperty().get())).startsWith("Line 5 skipped: ");

        assertThat(h.on(vm::start)).isTrue();
        h.awaitCrawlEnd();

        Map<String, CrawlResult> rows = h.rows().stream()
                .collect(Collectors.toMap(CrawlResult::url, r -> r));
        assertThat(rows.get(server.url("/b")).status()).isEqualTo(200);
        assertThat(rows.get(server.url("/missing")).status()).isEqualTo(404);
        assertThat(rows.get(server.url("/old")).redirectTo()).isEqualTo(server.url("/a"));
        // /b links to /gone and /a: neither is followed from a list
        assertThat(server.hits("/gone")).isZero();
        assertThat(h.plans).singleElement().satisfies(p -> assertThat(p.isList()).isTrue());
    }

    @Test
    void aListChecksOnlyItsUrlsWithSitemapsTickedAndSaysSo() throws Exception {
        new WorkspaceSite(server);
        server.route("/sitemap.xml", ex -> LocalHttpServer.send(ex, 200, "application/xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps"
                        + ".org/schemas/sitemap/0.9\"><url><loc>" + server.url("/deep")
                        + "</loc></url><url><loc>" + server.url("/formula") + "</loc></url>"
                        + "</urlset>"));
        open();
        h.run(() -> {
            vm.settings().useSitemapsProperty().set(true);
            vm.modeProperty().set(CrawlMode.LIST);
            vm.list().textProperty().set(server.url("/old") + "\n" + server.url("/missing"));
        });
        assertThat(h.on(() -> vm.settings().changesProperty().get()))
                .contains("sitemaps not read for a list");

        assertThat(h.on(vm::start)).isTrue();
        h.awaitCrawlEnd();

        // the listed URLs and the redirect's target, not the sitemap's /deep and /formula
        assertThat(paths()).containsExactlyInAnyOrder("/old", "/a", "/missing");
        assertThat(server.hits("/sitemap.xml")).isZero();
        assertThat(h.status()).startsWith("Finished: 3 crawled").doesNotContain("orphan")
                .doesNotContain("skipped");
        assertThat(h.plans).singleElement().satisfies(p -> assertThat(p.useSitemaps()).isFalse());
        // the user's choice stays for the next site crawl
        h.run(() -> vm.modeProperty().set(CrawlMode.SPIDER));
        assertThat(h.on(() -> vm.settings().useSitemapsProperty().get())).isTrue();
        assertThat(h.on(() -> vm.settings().changesProperty().get())).contains("sitemaps")
                .doesNotContain("not read");
    }

    @Test
    void anEmptyListIsOneSentenceAndStartsNothing() throws Exception {
        open();
        h.run(() -> {
            vm.modeProperty().set(CrawlMode.LIST);
            vm.list().textProperty().set("# nothing\n\n");
        });
        assertThat(h.on(vm::start)).isFalse();
        assertThat(h.on(() -> vm.list().errorProperty().get()))
                .isEqualTo("Paste at least one URL, one per line.");
        assertThat(h.jobsCreated).hasValue(0);
    }

    // == exports ==

    @Test
    void exportOfAFilteredViewWritesItsRowsWithTheColumnsShownAndNoFormulas() throws Exception {
        crawlSite();
        show(UrlFilter.HTML, "sum");
        assertThat(paths()).containsExactly("/formula");
        List<UrlColumn> columns = List.of(UrlColumns.byKey("url").orElseThrow(),
                UrlColumns.byKey("title").orElseThrow(), UrlColumns.byKey("status").orElseThrow());
        ExportActions exports = new ExportActions(vm, new CrawlExporter(h.io), h.dialogs, h.fx);
        Path file = tempDir.resolve("view.csv");
        h.dialogs.saveAnswer = Optional.of(file);
        h.run(() -> vm.excelFriendlyProperty().set(true));

        done(h.on(() -> exports.exportView(columns)));

        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text.lines().toList()).containsExactly("url,title,status",
                server.url("/formula") + ",'=SUM(A1:A2),200");
        assertThat(h.status()).isEqualTo("Exported 1 URL to view.csv.");
        assertThat(memory.getBoolean("export.excelFriendly", false)).isTrue();

        // the selection, in the table's order, without the BOM
        show(UrlFilter.BROKEN, "");
        long gone = idOf("/gone");
        long err = idOf("/err");
        h.run(() -> {
            vm.table().setSelection(new long[] {gone, err}, gone);
            vm.excelFriendlyProperty().set(false);
        });
        Path selection = tempDir.resolve("selection.csv");
        h.dialogs.saveAnswer = Optional.of(selection);
        done(h.on(() -> exports.exportSelection(columns)));
        assertThat(Files.readAllLines(selection, StandardCharsets.UTF_8)).containsExactly(
                "url,title,status", server.url("/gone") + ",,410", server.url("/err") + ",,500");
    }

    // == opening, resuming, refusing ==

    @Test
    void anOpenedCrawlShowsAsItRanAndGoesIntoRecentCrawls() throws Exception {
        WorkspaceSite site = new WorkspaceSite(server);
        Path file = site.crawlInto(tempDir.resolve("earlier.webprobe"));
        open();

        done(h.on(() -> vm.openCrawl(file)));
        h.awaitSettled();

        assertThat(h.rows()).hasSize(WorkspaceSite.PATHS.size());
        assertThat(h.brokenLinks()).isNotEmpty();
        assertThat(h.on(() -> vm.resumeOfferProperty().get())).isEmpty();
        assertThat(h.status()).startsWith("Opened earlier.webprobe (finished");
        assertThat(h.on(() -> vm.urlProperty().get())).isEqualTo(site.start());
        await(() -> h.on(() -> vm.recentCrawls().files().contains(file.toAbsolutePath())));
        // File › Recent crawls says what it holds, not only its name (two crawls of one site
        // looked the same but for their times), short
        int at = h.on(() -> vm.recentCrawls().files().indexOf(file.toAbsolutePath()));
        assertThat(h.on(() -> vm.recentCrawls().labels(null).get(at)))
                .startsWith("127.0.0.1:" + server.port() + " — ")
                .endsWith(" · " + io.webprobe.Words.count(WorkspaceSite.PATHS.size(), "URL"));

        // opened again (File › Recent crawls): it is the crawl shown, not "open already"
        done(h.on(() -> vm.openCrawl(file)));
        assertThat(h.status()).isEqualTo("earlier.webprobe is the crawl shown.");
        assertThat(h.dialogs.calls).doesNotContain("showError");
        assertThat(h.rows()).hasSize(WorkspaceSite.PATHS.size());
    }

    /**
     * The bug: a recent crawl moved away stayed in File › Recent crawls after it was picked
     * and refused; and two crawl.webprobe of two folders read the same there.
     */
    @Test
    void aRecentCrawlThatIsGoneLeavesTheListWhenPickedAndEachNamesItsFolder() throws Exception {
        WorkspaceSite site = new WorkspaceSite(server);
        Path first = site.crawlInto(java.nio.file.Files.createDirectories(
                tempDir.resolve("one")).resolve("crawl.webprobe"));
        Path second = site.crawlInto(java.nio.file.Files.createDirectories(
                tempDir.resolve("two")).resolve("crawl.webprobe"));
        open();
        done(h.on(() -> vm.openCrawl(first)));
        done(h.on(() -> vm.openCrawl(second)));
        // each opening adds its file to the list in turn: wait for both
        await(() -> h.on(() -> vm.recentCrawls().files().containsAll(List.of(
                first.toAbsolutePath(), second.toAbsolutePath()))));
        java.util.List<String> labels = h.on(() -> vm.recentCrawls().labels(tempDir));
        int one = h.on(() -> vm.recentCrawls().files().indexOf(first.toAbsolutePath()));
        int two = h.on(() -> vm.recentCrawls().files().indexOf(second.toAbsolutePath()));
        assertThat(labels.get(one)).isNotEqualTo(labels.get(two));
        // made in the same minute, told apart by their folders; else by their times
        assertThat(labels.get(one)).matches(".* · \\d+ URLs( — ~" + java.util.regex.Pattern
                .quote(java.io.File.separator) + "one)?");

        java.nio.file.Files.move(first, tempDir.resolve("moved.webprobe"));
        done(h.on(() -> vm.openCrawl(first)));

        assertThat(h.dialogs.calls).contains("showError");
        await(() -> h.on(() -> !vm.recentCrawls().files().contains(first.toAbsolutePath())));
        assertThat(h.memory.getStrings("crawl.recentFiles"))
                .doesNotContain(first.toAbsolutePath().toString())
                .contains(second.toAbsolutePath().toString());
    }

    /** A crawl of the slow site on one thread, stopped while "/slow" is in flight. */
    private void stoppedWhileSlow() throws Exception {
        stoppedWhileSlow(() -> { });
    }

    /** As {@link #stoppedWhileSlow()}, with other settings {@code set} on the FX thread. */
    private void stoppedWhileSlow(Runnable set) throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        slowSite(arrived);
        open();
        h.run(() -> vm.threadsProperty().set(1)); // "/a" waits behind "/slow"
        h.run(set);
        h.start(server.url("/"));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        h.run(vm::stop);
        h.awaitCrawlEnd();
    }

    /** "/" links to "/slow" (held until {@code release}; {@code arrived} when asked) and "/a". */
    private void slowSite(CountDownLatch arrived) {
        server.route("/", html("<a href=\"/slow\">slow</a><a href=\"/a\">a</a>"));
        server.route("/slow", LocalHttpServer.blockUntil(release, arrived, "late"));
        server.route("/a", html("<a href=\"/b\">b</a>"));
        server.route("/b", html("b"));
    }

    @Test
    void aRunningCrawlIsFirstInRecentCrawlsFromItsStart() throws Exception {
        // a window closed mid-crawl never reaches the crawl's end: it is remembered at its start
        CountDownLatch arrived = new CountDownLatch(1);
        slowSite(arrived);
        server.route("/done", html("done"));
        open();
        h.start(server.url("/done"));
        h.awaitCrawlEnd();
        Path earlier = h.on(() -> vm.fileProperty().get());
        await(() -> h.on(() -> !vm.recentCrawls().files().isEmpty()
                && vm.recentCrawls().files().get(0).equals(earlier.toAbsolutePath())));

        h.start(server.url("/"));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        Path running = h.on(() -> vm.fileProperty().get());
        assertThat(running).isNotEqualTo(earlier);
        await(() -> h.on(() -> vm.recentCrawls().files().get(0)
                .equals(running.toAbsolutePath())));
        assertThat(h.on(() -> vm.runningProperty().get())).isTrue();
    }

    /** The entry File › Recent crawls shows for {@code file}, once it ends with {@code end}. */
    private void awaitRecentEntry(Path file, String end) throws Exception {
        Path abs = file.toAbsolutePath();
        await(() -> h.on(() -> vm.recentCrawls().files().contains(abs)
                && vm.recentCrawls().labels(null).get(vm.recentCrawls().files().indexOf(abs))
                        .endsWith(end)));
    }

    @Test
    void aCrawlStoppedInThisWindowReadsStoppedInRecentCrawls() throws Exception {
        stoppedWhileSlow();
        Path file = h.on(() -> vm.fileProperty().get());

        awaitRecentEntry(file, " · stopped");
    }

    /**
     * The bug: a crawl whose disk filled stayed "· running" in File › Recent crawls: its entry
     * was read at the crawl's end, before its file was marked stopped. The crawl files here may
     * grow to 40 pages of SQLite, as if the disk were full past them.
     */
    @Test
    void aCrawlWhoseDiskFilledReadsStoppedInRecentCrawls() throws Exception {
        new io.webprobe.testsupport.TestSite(server, 300);
        open();
        String before = System.setProperty(io.webprobe.store.CrawlStore.TEST_MAX_PAGES, "40");
        try {
            h.start(server.url("/"));
            h.awaitCrawlEnd();
        } finally {
            if (before == null) {
                System.clearProperty(io.webprobe.store.CrawlStore.TEST_MAX_PAGES);
            } else {
                System.setProperty(io.webprobe.store.CrawlStore.TEST_MAX_PAGES, before);
            }
        }
        assertThat(h.dialogs.details).anyMatch(d -> d.startsWith("showError: ")
                && d.contains("disk is full"));
        Path file = h.on(() -> vm.fileProperty().get());

        awaitRecentEntry(file, " · stopped");
    }

    @Test
    void aStoppedCrawlOpenedLaterOffersResumeAndResumingFinishesIt() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        slowSite(arrived);
        open();
        h.start(server.url("/"));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        h.run(vm::stop);
        h.awaitCrawlEnd();
        Path file = h.on(() -> vm.fileProperty().get());
        h.close(); // the app closes
        release.countDown();

        h = new VmHarness(crawlsDir, memory); // and opens again
        vm = h.vm;
        done(h.on(() -> vm.openCrawl(file)));
        h.awaitSettled();
        assertThat(h.on(() -> vm.resumeOfferProperty().get()))
                .isEqualTo("This crawl was stopped before it finished.");
        int before = h.rows().size();

        h.run(vm::resume);
        h.awaitCrawlEnd();

        assertThat(h.status()).startsWith("Finished");
        assertThat(h.rows()).extracting(CrawlResult::url).contains(server.url("/slow"),
                server.url("/a"), server.url("/b")).hasSizeGreaterThan(before);
        // once by the crawl, once by Resume asking whether the site wants a sign-in
        assertThat(server.hits("/")).as("finished URLs are not fetched again").isEqualTo(2);
    }

    /**
     * The bug: a crawl stopped in this window was offered for resume only once another crawl
     * had been opened and this one opened again.
     */
    @Test
    void aCrawlStoppedInThisWindowIsOfferedForResumeAtOnce() throws Exception {
        stoppedWhileSlow();
        release.countDown();

        assertThat(h.status()).startsWith("Stopped");
        assertThat(h.on(() -> vm.resumeOfferProperty().get()))
                .isEqualTo("This crawl was stopped before it finished.");
        assertThat(h.on(() -> vm.settingsLockedProperty().get())).isTrue();
        int before = h.rows().size();

        h.run(vm::resume);
        h.awaitCrawlEnd();

        assertThat(h.status()).startsWith("Finished");
        assertThat(h.on(() -> vm.resumeOfferProperty().get())).isEmpty();
        assertThat(h.on(() -> vm.settingsLockedProperty().get())).isFalse();
        assertThat(h.rows()).extracting(CrawlResult::url).contains(server.url("/a"),
                server.url("/b")).hasSizeGreaterThan(before);
        // once by the crawl, once by Resume asking whether the site wants a sign-in
        assertThat(server.hits("/")).as("finished URLs are not fetched again").isEqualTo(2);
    }

    /**
     * The bug: after Stop the Threads setting stayed locked until the offer to resume was
     * answered (Resume or Not now), though it says how fast a crawl goes, not what it covers.
     * A stopped crawl resumes with the threads shown then, its other settings its own.
     */
    @Test
    void aStoppedCrawlResumesWithTheThreadsShownAndItsOwnOtherSettings() throws Exception {
        stoppedWhileSlow(() -> vm.settings().maxDepthProperty().set("4"));
        release.countDown();
        assertThat(h.on(() -> vm.resumeOfferProperty().get())).isNotEmpty();
        assertThat(h.on(() -> vm.runningProperty().get())).isFalse();

        h.run(() -> vm.threadsProperty().set(3));
        h.run(vm::resume);
        h.awaitCrawlEnd();

        assertThat(h.status()).startsWith("Finished");
        assertThat(h.plans).hasSize(2).last().satisfies(plan -> {
            assertThat(plan.threads()).isEqualTo(3);
            assertThat(plan.maxDepth()).isEqualTo(4);
        });
        assertThat(h.plans.get(0).threads()).isEqualTo(1);
        // the file keeps the threads it ran with last: a later look or resume takes 3
        Path file = h.on(() -> vm.fileProperty().get());
        try (CrawlStore stored = CrawlStore.open(file, CrawlStore.Access.READ_BESIDE_OWN)) {
            assertThat(stored.plan().threads()).isEqualTo(3);
            assertThat(stored.plan().maxDepth()).isEqualTo(4);
        }
    }

    /**
     * The bug: after opening an unfinished crawl the Settings showed the user's settings (or
     * the defaults), while Resume continues the crawl with the settings in its file. They show
     * the crawl's own now, locked while the offer stands, then editable for a new crawl, and
     * the user's are kept, shown again by File › New crawl.
     */
    @Test
    void anUnfinishedCrawlOpenedShowsItsOwnSettingsLockedAndTheUsersComeBackAfter()
            throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        slowSite(arrived);
        open();
        h.run(() -> {
            vm.threadsProperty().set(1); // "/a" waits behind "/slow": it is left for Resume
            vm.settings().maxDepthProperty().set("4");
            vm.settings().excludeProperty().set("\\?sort=");
            vm.settings().delayMillisProperty().set("20");
            vm.settings().checkExternalProperty().set(false);
        });
        h.start(server.url("/"));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        h.run(vm::stop);
        h.awaitCrawlEnd();
        Path file = h.on(() -> vm.fileProperty().get());
        // the user's settings change after that crawl (Resume is offered at once, with the
        // crawl's settings locked: Not now unlocks them, New crawl shows the user's)
        h.run(vm::declineResume);
        h.run(vm::newCrawl);
        assertThat(h.on(() -> vm.hasCrawlProperty().get())).isFalse();
        h.run(() -> {
            vm.threadsProperty().set(12);
            vm.settings().maxDepthProperty().set("");
            vm.settings().excludeProperty().set("");
            vm.settings().maxPagesProperty().set("77");
        });
        h.close();
        release.countDown();

        h = new VmHarness(crawlsDir, memory);
        vm = h.vm;
        assertThat(h.on(() -> vm.settings().maxPagesProperty().get())).isEqualTo("77");
        done(h.on(() -> vm.openCrawl(file)));
        h.awaitSettled();

        assertThat(h.on(() -> vm.resumeOfferProperty().get())).isNotEmpty();
        assertThat(h.on(() -> vm.crawlSettingsShownProperty().get())).isTrue();
        assertThat(h.on(() -> vm.settingsLockedProperty().get())).isTrue();
        assertThat(h.on(() -> vm.threadsProperty().get())).isEqualTo(1);
        assertThat(h.on(() -> vm.settings().maxDepthProperty().get())).isEqualTo("4");
        assertThat(h.on(() -> vm.settings().excludeProperty().get())).isEqualTo("\\?sort=");
        assertThat(h.on(() -> vm.settings().delayMillisProperty().get())).isEqualTo("20");
        assertThat(h.on(() -> vm.settings().maxPagesProperty().get())).isEmpty();
        assertThat(h.on(() -> vm.settings().checkExternalProperty().get())).isFalse();
        assertThat(h.on(() -> vm.settings().changesProperty().get()))
                .contains("max depth 4", "1 exclude pattern", "20 ms delay");
        // the user's own are still remembered, not replaced by the crawl's
        assertThat(SettingsMemory.load(memory)).hasValueSatisfying(s -> {
            assertThat(s.maxPages()).isEqualTo(77);
            assertThat(s.threads()).isEqualTo(12);
        });

        h.run(vm::declineResume);

        // the crawl's settings stay shown, unlocked for a new crawl, and are not remembered
        assertThat(h.on(() -> vm.resumeOfferProperty().get())).isEmpty();
        assertThat(h.on(() -> vm.crawlSettingsShownProperty().get())).isTrue();
        assertThat(h.on(() -> vm.settingsLockedProperty().get())).isFalse();
        assertThat(h.on(() -> vm.settings().maxDepthProperty().get())).isEqualTo("4");
        h.run(() -> vm.settings().maxDepthProperty().set("2"));
        assertThat(SettingsMemory.load(memory)).hasValueSatisfying(s ->
                assertThat(s.maxDepth()).isEqualTo(io.webprobe.crawl.CrawlPlan.UNLIMITED));

        h.run(vm::newCrawl);

        assertThat(h.on(() -> vm.hasCrawlProperty().get())).isFalse();
        assertThat(h.on(() -> vm.crawlSettingsShownProperty().get())).isFalse();
        assertThat(h.on(() -> vm.settings().maxPagesProperty().get())).isEqualTo("77");
        assertThat(h.on(() -> vm.threadsProperty().get())).isEqualTo(12);
        assertThat(h.on(() -> vm.settings().maxDepthProperty().get())).isEmpty();

        // opened again (after a restart) and resumed: the crawl's settings stay shown while it
        // runs and after, with the crawl; New crawl brings back the user's
        h.close();
        h = new VmHarness(crawlsDir, memory);
        vm = h.vm;
        CountDownLatch resumed = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        server.route("/a", LocalHttpServer.blockUntil(letGo, resumed, "<a href=\"/b\">b</a>"));
        done(h.on(() -> vm.openCrawl(file)));
        h.awaitSettled();
        h.run(vm::resume);
        assertThat(resumed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(h.on(() -> vm.settings().maxDepthProperty().get())).isEqualTo("4");
        assertThat(h.on(() -> vm.settingsLockedProperty().get())).isTrue();
        letGo.countDown();
        h.awaitCrawlEnd();
        assertThat(h.status()).startsWith("Finished");
        assertThat(h.plans).last().satisfies(plan -> {
            assertThat(plan.threads()).isEqualTo(1);
            assertThat(plan.maxDepth()).isEqualTo(4);
        });
        assertThat(h.on(() -> vm.crawlSettingsShownProperty().get())).isTrue();
        assertThat(h.on(() -> vm.settingsLockedProperty().get())).isFalse();
        assertThat(h.on(() -> vm.settings().maxDepthProperty().get())).isEqualTo("4");
        h.run(vm::newCrawl);
        assertThat(h.on(() -> vm.settings().maxPagesProperty().get())).isEqualTo("77");
    }

    @Test
    void aFileThatIsNotACrawlIsRefusedInOneSentence() throws Exception {
        Path file = tempDir.resolve("notes.webprobe");
        Files.writeString(file, "just some text, not a database");
        open();

        done(h.on(() -> vm.openCrawl(file)));

        assertThat(h.dialogs.details).containsExactly("showError: " + file
                + " is not a Webprobe crawl file.");
        assertThat(h.status()).isEqualTo(file + " is not a Webprobe crawl file.");
        assertThat(h.on(() -> vm.hasCrawlProperty().get())).isFalse();
    }

    /**
     * A crawl of "/" stopped while "/slow" is held, the app then closed; its file copied into
     * the test's folder under {@code name}.
     */
    private Path stoppedCrawlCopiedTo(String name) throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        server.route("/", html("<a href=\"/slow\">slow</a>"));
        server.route("/slow", LocalHttpServer.blockUntil(release, arrived, "late"));
        open();
        h.start(server.url("/"));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        h.run(vm::stop);
        h.awaitCrawlEnd();
        Path file = h.on(() -> vm.fileProperty().get());
        h.close();
        Path copy = tempDir.resolve(name);
        Files.copy(file, copy);
        return copy;
    }

    @Test
    void aNewCrawlThatFailsToStartInsteadOfTheResumeLeavesNoOfferForTheClosedCrawl()
            throws Exception {
        Path copy = stoppedCrawlCopiedTo("unfinished.webprobe");
        // the next crawl file's name is taken (the first crawl's): the new crawl cannot start
        open();
        done(h.on(() -> vm.openCrawl(copy)));
        h.awaitSettled();
        assertThat(h.on(() -> vm.resumeOfferProperty().get())).isNotEmpty();

        h.run(vm::start); // Start instead of Resume
        await(() -> h.on(() -> !vm.runningProperty().get()));

        assertThat(h.dialogs.details).anySatisfy(d -> assertThat(d)
                .startsWith("showError: A file named ").endsWith(" already exists; Webprobe "
                        + "does not overwrite it. Choose another name."));
        assertThat(h.on(() -> vm.hasCrawlProperty().get())).isFalse();
        assertThat(h.on(() -> vm.resumeOfferProperty().get())).isEmpty();
    }

    /**
     * ADR 0030: Start makes the crawl's settings shown the user's once a crawl starts with
     * them, not before: a start refused (the next crawl file's name is taken) left the
     * crawl's settings remembered as the user's.
     */
    @Test
    void aStartRefusedLeavesTheCrawlsSettingsShownAndTheUsersRemembered() throws Exception {
        Path copy = stoppedCrawlCopiedTo("unfinished.webprobe");
        open();
        h.run(() -> vm.settings().maxPagesProperty().set("77")); // the user's
        done(h.on(() -> vm.openCrawl(copy)));
        h.awaitSettled();
        h.run(vm::declineResume);
        assertThat(h.on(() -> vm.crawlSettingsShownProperty().get())).isTrue();
        h.run(() -> vm.settings().maxDepthProperty().set("3")); // an edit of the crawl's

        h.run(vm::start);
        await(() -> h.on(() -> !vm.runningProperty().get()));

        assertThat(h.dialogs.details).anySatisfy(d -> assertThat(d)
                .startsWith("showError: A file named "));
        assertThat(SettingsMemory.load(memory)).hasValueSatisfying(s -> {
            assertThat(s.maxPages()).isEqualTo(77);
            assertThat(s.maxDepth()).isEqualTo(io.webprobe.crawl.CrawlPlan.UNLIMITED);
        });
        assertThat(h.on(() -> vm.crawlSettingsShownProperty().get())).isTrue();
        assertThat(h.on(() -> vm.settings().maxDepthProperty().get())).isEqualTo("3");
        h.run(vm::newCrawl);
        assertThat(h.on(() -> vm.settings().maxPagesProperty().get())).isEqualTo("77");
    }

    @Test
    void aReadOnlyFileOpensForReadingAndSaysWhyItCannotBeResumed() throws Exception {
        Path copy = stoppedCrawlCopiedTo("kept.webprobe");
        Files.setPosixFilePermissions(copy, java.nio.file.attribute.PosixFilePermissions
                .fromString("r--r--r--"));
        h = new VmHarness(crawlsDir, memory);
        vm = h.vm;

        done(h.on(() -> vm.openCrawl(copy)));
        h.awaitSettled();

        assertThat(h.rows()).extracting(CrawlResult::url).contains(server.url("/"));
        assertThat(h.on(() -> vm.resumeOfferProperty().get())).isEmpty();
        // said once, on the status line (a dialog said it too)
        assertThat(h.dialogs.details).isEmpty();
        assertThat(h.status()).endsWith(copy + " is read-only, so it can be opened to look at "
                + "or export, but not resumed.");
        // and a re-check says why it cannot
        long id = idOf("/");
        h.run(() -> vm.recheck(new long[] {id}));
        await(() -> h.status().equals("kept.webprobe is open read-only, so its URLs cannot be "
                + "re-checked."));
    }

    /**
     * The bug: a second window that read a crawl file read-only kept showing the counts, rows
     * and state it read when it opened the file after the other window resumed and finished
     * the crawl, while its own export wrote the file as it now is.
     */
    @Test
    void aFileReadHereFollowsWhatAnotherWindowWritesToIt() throws Exception {
        stoppedWhileSlow();
        Path file = h.on(() -> vm.fileProperty().get());
        h.close();
        release.countDown();

        // window B reads it (read-only: here because the file is, in the app because window A
        // holds it), then window A opens it again and resumes it to its end
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions
                .fromString("r--r--r--"));
        VmHarness b = new VmHarness(tempDir.resolve("b"), UiState.inMemory());
        try {
            done(b.on(() -> b.vm.openCrawl(file)));
            b.awaitSettled();
            long before = b.on(() -> b.vm.overview().count(UrlFilter.ALL));
            assertThat(b.status()).startsWith("Opened ").contains("(stopped, ");
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions
                    .fromString("rw-r--r--"));

            h = new VmHarness(crawlsDir, memory);
            vm = h.vm;
            done(h.on(() -> vm.openCrawl(file)));
            h.awaitSettled();
            h.run(vm::resume);
            h.awaitCrawlEnd();
            int after = h.rows().size();
            assertThat(after).isGreaterThan((int) before);

            await(() -> b.on(() -> b.vm.overview().count(UrlFilter.ALL) == after
                    && b.vm.table().countProperty().get() == after
                    && b.vm.overview().count(UrlFilter.INTERNAL) == after));
            await(() -> b.status().contains("(finished, "));
            assertThat(b.status()).startsWith(file.getFileName()
                    + " was changed by another Webprobe and read again (finished, ");
        } finally {
            b.close();
        }
    }

    /**
     * A window that only looks at a crawl holds no lock (looking writes nothing), so another
     * window may resume it: the first follows it, and no longer offers its own Resume while
     * the other holds the file (it would be refused: a write then is, in one sentence, by
     * CrawlFileOpenerTest's aWriteIsRefusedWhenAnotherWebprobeResumedTheCrawlLookedAt).
     */
    @Test
    void aFileLookedAtHereFollowsAnotherWindowThatResumesItAndCannotResumeItToo()
            throws Exception {
        stoppedWhileSlow();
        Path file = h.on(() -> vm.fileProperty().get());
        h.close();
        release.countDown();

        VmHarness b = new VmHarness(tempDir.resolve("b"), UiState.inMemory());
        try {
            done(b.on(() -> b.vm.openCrawl(file)));
            b.awaitSettled();
            assertThat(b.on(() -> b.vm.resumeOfferProperty().get())).isNotEmpty();
            long before = b.on(() -> b.vm.overview().count(UrlFilter.ALL));

            h = new VmHarness(crawlsDir, memory);
            vm = h.vm;
            done(h.on(() -> vm.openCrawl(file)));
            h.awaitSettled();
            CountDownLatch hold = new CountDownLatch(1);
            server.route("/b", LocalHttpServer.blockUntil(hold, new CountDownLatch(1), "b"));
            h.run(vm::resume);
            await(() -> b.status().contains("(running in another Webprobe, "));
            assertThat(b.on(() -> b.vm.resumeOfferProperty().get())).isEmpty();

            b.run(b.vm::resume);
            assertThat(b.on(() -> b.vm.runningProperty().get())).isFalse();
            hold.countDown();
            h.awaitCrawlEnd();
            int after = h.rows().size();
            assertThat(after).isGreaterThan((int) before);
            // what it shows follows the file
            await(() -> b.on(() -> b.vm.overview().count(UrlFilter.ALL) == after
                    && b.vm.table().countProperty().get() == after));
        } finally {
            b.close();
        }
    }

    // == remembered ==

    @Test
    void settingsModeAndRecentStartUrlsAreRememberedAcrossARestart() throws Exception {
        server.route("/", html("home"));
        open();
        h.run(() -> {
            vm.threadsProperty().set(5);
            vm.settings().excludeProperty().set("/private/");
            vm.settings().maxDepthProperty().set("4");
        });
        h.start(server.url("/"));
        h.awaitCrawlEnd();
        h.start(server.url("/?again"));
        h.awaitCrawlEnd();
        h.run(() -> vm.modeProperty().set(CrawlMode.LIST));
        h.close();

        h = new VmHarness(crawlsDir, memory);
        vm = h.vm;
        assertThat(h.on(() -> vm.threadsProperty().get())).isEqualTo(5);
        assertThat(h.on(() -> vm.settings().excludeProperty().get())).isEqualTo("/private/");
        assertThat(h.on(() -> vm.settings().maxDepthProperty().get())).isEqualTo("4");
        assertThat(h.on(() -> List.copyOf(vm.recentUrls())))
                .containsExactly(server.url("/?again"), server.url("/"));
        assertThat(h.on(() -> vm.modeProperty().get())).isEqualTo(CrawlMode.LIST);
    }

    @Test
    void atMostTwentyRecentStartUrlsAreKeptNewestFirst() throws Exception {
        open();
        for (int i = 0; i < 25; i++) {
            memory.addRecent(CrawlInput.RECENT_URLS, "http://127.0.0.1:1/" + i,
                    CrawlInput.RECENT_URL_LIMIT);
        }
        h.close();
        h = new VmHarness(crawlsDir, memory);
        vm = h.vm;
        List<String> recent = h.on(() -> List.copyOf(vm.recentUrls()));
        assertThat(recent).hasSize(20).startsWith("http://127.0.0.1:1/24");
    }

    @Test
    void recentStartUrlsAreKeptAsTheCrawlStartedThemEachOnce() throws Exception {
        server.route("/", html("home"));
        String typed = "127.0.0.1:" + server.port();
        // as an older version kept them: as typed
        memory.putStrings(CrawlInput.RECENT_URLS, List.of(typed, server.url("/"),
                "HTTP://127.0.0.1:" + server.port() + "/b", "not a url"));
        open();
        assertThat(h.on(() -> List.copyOf(vm.recentUrls()))).containsExactly(server.url("/"),
                server.url("/b"), "not a url");

        h.start(typed);
        h.awaitCrawlEnd();

        assertThat(h.on(() -> List.copyOf(vm.recentUrls()))).containsExactly(server.url("/"),
                server.url("/b"), "not a url");
        assertThat(h.on(() -> vm.urlProperty().get())).as("the field keeps what was typed")
                .isEqualTo(typed);
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        VmHarness.waiting().until(condition);
    }
}
