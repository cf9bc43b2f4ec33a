package io.webprobe.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlResult;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.ShortTimeoutProbe;
import io.webprobe.testsupport.WorkspaceSite;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The workspace's queries over a crawl of {@link WorkspaceSite}. */
class UrlQueryTest {
    @TempDir
    static Path dir;

    private static final LocalHttpServer server = new LocalHttpServer();
    private static WorkspaceSite site;
    private static CrawlStore store;
    private static CrawlReader reader;
    private static UrlQuery query;

    @BeforeAll
    static void crawl() throws Exception {
        site = new WorkspaceSite(server);
        Path file = site.crawlInto(dir.resolve("site.webprobe"));
        store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY);
        reader = store.reader();
        query = new UrlQuery(reader);
    }

    @AfterAll
    static void close() {
        reader.close();
        store.close();
        server.close();
    }

    private static Set<String> paths(UrlFilter f) throws Exception {
        return paths(query.ids(new UrlQuery.Request(f, "", UrlField.SEQ, false)).ids());
    }

    private static Set<String> paths(long[] ids) throws Exception {
        String base = site.url("");
        return query.urls(ids).stream().map(u -> u.substring(base.length()))
                .collect(Collectors.toSet());
    }

    @Test
    void aStoredUrlWithAStrayPercentIsFoundByItsKeyNotByAScan() {
        // the crawl keeps /a%zz as the link wrote it; its key is the URI's (/a%25zz)
        assertThat(UrlQuery.keyOf("http://127.0.0.1:8080/a%zz?q=100%"))
                .isEqualTo(io.webprobe.http.Urls.key(
                        java.net.URI.create("http://127.0.0.1:8080/a%25zz?q=100%25")))
                .isNotNull();
        assertThat(UrlQuery.keyOf("http://127.0.0.1:8080/a b")).isNull();
    }

    @Test
    void eachFilterListsItsUrls() throws Exception {
        assertThat(paths(UrlFilter.ALL)).containsExactlyInAnyOrderElementsOf(WorkspaceSite.PATHS);
        assertThat(paths(UrlFilter.BROKEN)).containsExactlyInAnyOrder("/missing", "/gone", "/err");
        assertThat(paths(UrlFilter.STATUS_4XX)).containsExactlyInAnyOrder("/missing", "/gone");
        assertThat(paths(UrlFilter.STATUS_5XX)).containsExactlyInAnyOrder("/err");
        assertThat(paths(UrlFilter.STATUS_3XX)).containsExactlyInAnyOrder("/old", "/chain1",
                "/chain2");
        assertThat(paths(UrlFilter.REDIRECTS)).containsExactlyInAnyOrder("/old", "/chain1",
                "/chain2");
        assertThat(paths(UrlFilter.REDIRECT_CHAINS)).containsExactlyInAnyOrder("/chain1");
        assertThat(paths(UrlFilter.IMAGES)).containsExactlyInAnyOrder("/img.png");
        assertThat(paths(UrlFilter.CSS_JS)).containsExactlyInAnyOrder("/style.css", "/script.js");
        assertThat(paths(UrlFilter.MISSING_TITLE)).containsExactlyInAnyOrder("/notitle");
        assertThat(paths(UrlFilter.DUPLICATE_TITLE)).containsExactlyInAnyOrder("/dup1", "/dup2");
        assertThat(paths(UrlFilter.MISSING_H1)).containsExactlyInAnyOrder("/c");
        assertThat(paths(UrlFilter.NON_INDEXABLE)).containsExactlyInAnyOrder("/noindex", "/canon");
        assertThat(paths(UrlFilter.CANONICALISED)).containsExactlyInAnyOrder("/canon");
        assertThat(paths(UrlFilter.EXTERNAL)).isEmpty();
        assertThat(paths(UrlFilter.BLOCKED)).isEmpty();
        assertThat(paths(UrlFilter.ORPHANS)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(UrlFilter.class)
    void theOverviewCountsWhatTheFilterLists(UrlFilter f) throws Exception {
        OverviewCounts counts = new OverviewCounts(reader);
        assertThat(counts.counts().of(f)).isEqualTo(
                query.ids(new UrlQuery.Request(f, "", UrlField.SEQ, false)).ids().length);
    }

    @Test
    void countingOnlyTheNewRowsGivesTheSameCountsAsCountingAll() throws Exception {
        OverviewCounts counts = new OverviewCounts(reader);
        OverviewCounts.Snapshot all = counts.counts();
        // as if the first half had been counted earlier, while the crawl ran
        Map<UrlFilter, Long> half = new EnumMap<>(UrlFilter.class);
        long mid = all.lastSeq() / 2;
        for (UrlFilter f : UrlFilter.values()) {
            long n = Sql.longValue(reader.connection(), "SELECT COUNT(*) FROM urls u WHERE "
                    + "u.state = 1 AND u.seq <= ? AND " + (f == UrlFilter.DUPLICATE_TITLE
                            ? "0" : f.sql()), mid);
            half.put(f, n);
        }
        assertThat(counts.counts(new OverviewCounts.Snapshot(half, mid)).counts())
                .isEqualTo(all.counts());
    }

    @Test
    void searchLooksInUrlsAndTitlesIgnoringCase() throws Exception {
        assertThat(paths(query.ids(new UrlQuery.Request(UrlFilter.ALL, "ALPHA", UrlField.SEQ,
                false)).ids())).containsExactlyInAnyOrder("/a", "/canon");
        assertThat(paths(query.ids(new UrlQuery.Request(UrlFilter.ALL, "chain", UrlField.SEQ,
                false)).ids())).containsExactlyInAnyOrder("/chain1", "/chain2");
        // within a filter, and LIKE's wildcards are plain characters
        assertThat(paths(query.ids(new UrlQuery.Request(UrlFilter.BROKEN, "gone", UrlField.SEQ,
                false)).ids())).containsExactly("/gone");
        assertThat(query.ids(new UrlQuery.Request(UrlFilter.ALL, "%", UrlField.SEQ, false))
                .ids()).isEmpty();
        assertThat(query.ids(new UrlQuery.Request(UrlFilter.ALL, "_", UrlField.SEQ, false))
                .ids()).isEmpty();
    }

    /**
     * URLs are stored percent-encoded; what a user types is not. The bug: "ünicode" and "with
     * space" found nothing on a site whose URLs hold them.
     */
    @Test
    void searchFindsUrlsByTheCharactersTheyEncode(@TempDir Path own) throws Exception {
        try (LocalHttpServer s = new LocalHttpServer()) {
            String idn = "http://xn--mller-kva.localhost:" + java.net.URI.create(s.url("/"))
                    .getPort() + "/x.html"; // a name under localhost: this server
            s.route("/", LocalHttpServer.html("<a href=\"/%C3%BCnicode.html\">u</a>"
                    + "<a href=\"/with space.html\">s</a><a href=\"/plain.html\">p</a>"
                    + "<a href=\"" + idn.replace("xn--mller-kva", "müller") + "\">m</a>"));
            s.route("/x.html", LocalHttpServer.html("<title>X</title>"));
            s.route("/%C3%BCnicode.html", LocalHttpServer.html("<title>U</title>"));
            s.route("/with%20space.html", LocalHttpServer.html("<title>S</title>"));
            s.route("/plain.html", LocalHttpServer.html("<title>P</title>"));
            io.webprobe.crawl.CrawlPlan plan = io.webprobe.crawl.CrawlPlan.builder(
                    java.net.URI.create(s.url("/")), "Webprobe/test").threads(2).build();
            Path file = own.resolve("enc.webprobe");
            try (CrawlStore st = CrawlStore.create(file, plan)) {
                io.webprobe.crawl.CrawlJob job = io.webprobe.crawl.CrawlJob.builder(plan,
                        new io.webprobe.http.JdkHttpProbe("Webprobe/test",
                                java.time.Duration.ofSeconds(5)), st.sink()).build();
                job.start();
                job.completion().get(30, java.util.concurrent.TimeUnit.SECONDS);
                job.close();
            }
            try (CrawlStore st = CrawlStore.open(file, CrawlStore.Access.READ_ONLY);
                    CrawlReader r = st.reader()) {
                UrlQuery q = new UrlQuery(r);
                java.util.function.Function<String, List<String>> found = text -> {
                    try {
                        return q.urls(q.ids(new UrlQuery.Request(UrlFilter.ALL, text,
                                UrlField.SEQ, false)).ids()).stream()
                                .map(u -> u.startsWith(s.url("")) ? u.substring(
                                        s.url("").length()) : u).toList();
                    } catch (StoreException e) {
                        throw new IllegalStateException(e);
                    }
                };
                assertThat(found.apply("ünicode")).containsExactly("/%C3%BCnicode.html");
                assertThat(found.apply("%C3%BC")).containsExactly("/%C3%BCnicode.html");
                assertThat(found.apply("with space")).containsExactly("/with%20space.html");
                assertThat(found.apply("plain")).containsExactly("/plain.html");
                // an international host is shown in its letters: found by them too
                assertThat(found.apply("müller")).containsExactly(idn);
                assertThat(found.apply("MÜLLER.localhost")).containsExactly(idn);
            }
        }
    }

    /** A URL that timed out shows no time: a descending sort by time ends with it. */
    @Test
    void aUrlWithoutAnAnswerSortsBelowTheSlowestAnswerByTimeAndSize(@TempDir Path own)
            throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try (LocalHttpServer s = new LocalHttpServer()) {
            s.route("/", LocalHttpServer.html("<a href=\"/hangs\">h</a><a href=\"/a\">a</a>"));
            s.route("/hangs", LocalHttpServer.blockUntil(release,
                    new java.util.concurrent.CountDownLatch(1), "late"));
            s.route("/a", LocalHttpServer.html("<title>A</title>"));
            io.webprobe.crawl.CrawlPlan plan = io.webprobe.crawl.CrawlPlan.builder(
                    java.net.URI.create(s.url("/")), "Webprobe/test").threads(2).build();
            Path file = own.resolve("hang.webprobe");
            // only /hangs has a short timeout: with 300 ms for the whole crawl /a once timed out
            // too on a loaded machine, and sorted last in its stead
            try (CrawlStore st = CrawlStore.create(file, plan);
                    ShortTimeoutProbe probe = ShortTimeoutProbe.forPath(
                            new io.webprobe.http.JdkHttpProbe("Webprobe/test",
                                    java.time.Duration.ofSeconds(5)), "/hangs",
                            java.time.Duration.ofMillis(300))) {
                io.webprobe.crawl.CrawlJob job = io.webprobe.crawl.CrawlJob.builder(plan, probe,
                        st.sink()).build();
                job.start();
                job.completion().get(30, java.util.concurrent.TimeUnit.SECONDS);
                job.close();
            } finally {
                release.countDown();
            }
            try (CrawlStore st = CrawlStore.open(file, CrawlStore.Access.READ_ONLY);
                    CrawlReader r = st.reader()) {
                UrlQuery q = new UrlQuery(r);
                for (UrlField f : List.of(UrlField.RESPONSE_MS, UrlField.SIZE)) {
                    assertThat(sorted(q, f, true, s.url(""))).as(f.name()).hasSize(3)
                            .endsWith("/hangs");
                }
            }
            // a loopback answer can take under a millisecond, and a page can be empty: such a
            // 0 still sorts above no answer at all
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                    "jdbc:sqlite:" + file); java.sql.Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE urls SET response_ms = 0, size_bytes = 0"
                        + " WHERE url LIKE '%/a'");
                st.executeUpdate("UPDATE urls SET response_ms = 7 WHERE url LIKE '%/'");
            }
            try (CrawlStore st = CrawlStore.open(file, CrawlStore.Access.READ_ONLY);
                    CrawlReader r = st.reader()) {
                UrlQuery q = new UrlQuery(r);
                for (UrlField f : List.of(UrlField.RESPONSE_MS, UrlField.SIZE)) {
                    assertThat(sorted(q, f, true, s.url(""))).as(f.name())
                            .containsExactly("/", "/a", "/hangs");
                    assertThat(sorted(q, f, false, s.url(""))).as(f.name())
                            .containsExactly("/hangs", "/a", "/");
                }
            }
        }
    }

    /** Every URL's path, sorted by {@code f}. */
    private static List<String> sorted(UrlQuery q, UrlField f, boolean descending, String base)
            throws Exception {
        return q.urls(q.ids(new UrlQuery.Request(UrlFilter.ALL, "", f, descending)).ids())
                .stream().map(u -> u.substring(base.length())).toList();
    }

    @Test
    void searchTextIsEncodedAsUrlsHoldIt() {
        assertThat(UrlQuery.asInUrls("plain/path?q=1")).isNull();
        assertThat(UrlQuery.asInUrls("ünicode")).isEqualTo("%C3%BCnicode");
        assertThat(UrlQuery.asInUrls("with space")).isEqualTo("with%20space");
        assertThat(UrlQuery.asInUrls("日本")).isEqualTo("%E6%97%A5%E6%9C%AC");
        assertThat(UrlQuery.asInUrls("a\"b")).isEqualTo("a%22b");
        assertThat(UrlQuery.asInHosts("Müller.example")).isEqualTo("xn--mller-kva.example");
        assertThat(UrlQuery.asInHosts("müller")).isEqualTo("xn--mller-kva");
        assertThat(UrlQuery.asInHosts("plain")).isNull();
        assertThat(UrlQuery.asInHosts("a b/ü")).isNull();
    }

    @Test
    void theReasonColumnSortsByTheTextItShows() throws Exception {
        List<String> reasons = results(query.ids(new UrlQuery.Request(UrlFilter.ALL, "",
                UrlField.REASON, false)).ids()).stream().map(CrawlResult::reason).toList();
        assertThat(reasons).contains("Not Found", "Gone", "Internal Server Error");
        // a 404 read "Not Found" but sorted with the rows that say nothing
        assertThat(reasons).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }

    @Test
    void numbersSortAsNumbersAndTextIgnoringCase() throws Exception {
        List<CrawlResult> byStatus = results(query.ids(new UrlQuery.Request(UrlFilter.ALL, "",
                UrlField.STATUS, false)).ids());
        List<Integer> statuses = byStatus.stream().map(CrawlResult::status).toList();
        assertThat(statuses).isSorted();
        assertThat(statuses).contains(200, 301, 404, 410, 500);
        List<Integer> desc = results(query.ids(new UrlQuery.Request(UrlFilter.ALL, "",
                UrlField.STATUS, true)).ids()).stream().map(CrawlResult::status).toList();
        assertThat(desc.get(0)).isEqualTo(500);
        assertThat(desc).isSortedAccordingTo((a, b) -> Integer.compare(b, a));

        List<String> titles = results(query.ids(new UrlQuery.Request(UrlFilter.HTML, "",
                UrlField.TITLE, false)).ids()).stream().map(CrawlResult::title).toList();
        assertThat(titles).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(titles.get(0)).isEmpty(); // the page without a title comes first
    }

    @Test
    void aRankedTextSortGivesTheSameOrderAsAPlainOne() throws Exception {
        UrlQuery ranking = new UrlQuery(reader, 3); // ranks every column sorted on
        for (UrlField f : List.of(UrlField.TITLE, UrlField.URL, UrlField.REFERRER)) {
            for (boolean desc : new boolean[] {false, true}) {
                for (UrlFilter filter : List.of(UrlFilter.ALL, UrlFilter.HTML)) {
                    UrlQuery.Request r = new UrlQuery.Request(filter, "", f, desc);
                    assertThat(ranking.ids(r).ids()).as(r.toString())
                            .containsExactly(query.ids(r).ids());
                    // and again from the kept ranks
                    assertThat(ranking.ids(r).ids()).containsExactly(query.ids(r).ids());
                }
            }
        }
    }

    @Test
    void rowsFinishedAfterASeqAreTheTailOfTheCrawlOrder() throws Exception {
        UrlQuery.Ids all = query.ids(UrlQuery.Request.ALL);
        long[] ids = all.ids();
        List<UrlQuery.Row> rows = query.rows(ids);
        long midSeq = rows.get(ids.length / 2).seq();
        UrlQuery.Ids tail = query.idsAfter(midSeq, UrlQuery.Request.ALL);
        assertThat(tail.ids()).containsExactly(Arrays.copyOfRange(ids, ids.length / 2 + 1,
                ids.length));
        assertThat(tail.lastSeq()).isEqualTo(all.lastSeq());
        assertThat(query.idsAfter(all.lastSeq(), UrlQuery.Request.ALL).ids()).isEmpty();
    }

    @Test
    void rowsComeInTheOrderAskedWithTheirRedirectChains() throws Exception {
        long chain1 = query.idOf(site.url("/chain1"));
        long home = query.idOf(site.url("/"));
        assertThat(chain1).isPositive();
        List<UrlQuery.Row> rows = query.rows(new long[] {chain1, home, 999_999});
        assertThat(rows).extracting(UrlQuery.Row::id).containsExactly(chain1, home);
        assertThat(rows.get(0).redirectChain()).isEqualTo(site.url("/chain1") + " [301] → "
                + site.url("/chain2") + " [301] → " + site.url("/b") + " [200]");
        assertThat(rows.get(1).redirectChain()).isEmpty();
        assertThat(rows.get(1).result().title()).isEqualTo("Home");
    }

    @Test
    void inlinksReadPageByPageAreTheSameAsInlinksReadByTarget() throws Exception {
        for (String path : WorkspaceSite.PATHS) {
            long id = query.idOf(site.url(path));
            for (int limit : new int[] {1, 2, 100}) {
                assertThat(rows(UrlDetails.INLINKS_IN_PAGE_ORDER, 5, id, limit)).as(path)
                        .isEqualTo(rows(UrlDetails.INLINKS_BY_TARGET, 5, id, limit));
                assertThat(rows(UrlDetails.INLINK_URLS_IN_PAGE_ORDER, 1, id, limit)).as(path)
                        .isEqualTo(rows(UrlDetails.INLINK_URLS_BY_TARGET, 1, id, limit));
            }
        }
        assertThat(rows(UrlDetails.INLINKS_IN_PAGE_ORDER, 5, query.idOf(site.url("/missing")),
                100)).hasSize(3);
    }

    @Test
    void aUrlThatManyPagesLinkToIsReadInThePagesOrderStoppingAtTheLimit() throws Exception {
        assertThat(UrlDetails.inPageOrder(1_000_000, 500)).isTrue();
        assertThat(UrlDetails.inPageOrder(3, 500)).isFalse();
        for (String sql : List.of(UrlDetails.INLINKS_IN_PAGE_ORDER,
                UrlDetails.INLINK_URLS_IN_PAGE_ORDER)) {
            List<String> plan = rows("EXPLAIN QUERY PLAN " + sql, 4, 1, 10);
            assertThat(String.join("\n", plan)).contains("SEARCH s USING INDEX urls_by_seq")
                    .contains("links_by_target (target_id=? AND source_id=?)");
        }
    }

    /** The rows of a query, each its first {@code columns} columns joined by '|'. */
    private static List<String> rows(String sql, int columns, Object... args) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        reader.query(sql, rs -> {
            StringBuilder b = new StringBuilder();
            for (int c = 1; c <= columns; c++) {
                b.append(rs.getString(c)).append('|');
            }
            out.add(b.toString());
        }, args);
        return out;
    }

    @Test
    void detailsListEveryPageLinkingToABrokenUrl() throws Exception {
        UrlDetails details = new UrlDetails(reader);
        UrlDetails.Details missing = details.of(query.idOf(site.url("/missing")), 100);
        assertThat(missing.row().result().status()).isEqualTo(404);
        assertThat(missing.inlinks()).extracting(UrlDetails.Inlink::sourceUrl)
                .containsExactlyInAnyOrder(site.url("/"), site.url("/a"), site.url("/b"));
        assertThat(missing.inlinks()).extracting(UrlDetails.Inlink::anchor)
                .containsOnly("to /missing");
        assertThat(missing.inlinks()).extracting(UrlDetails.Inlink::type).containsOnly("a");
        assertThat(missing.inlinkTotal()).isEqualTo(3);
        assertThat(details.of(query.idOf(site.url("/missing")), 2).inlinkTotal()).isEqualTo(3);
        assertThat(details.inlinkUrls(query.idOf(site.url("/missing")), 10)).hasSize(3);

        UrlDetails.Details b = details.of(query.idOf(site.url("/b")), 100);
        assertThat(b.outlinks()).extracting(UrlDetails.Outlink::url, UrlDetails.Outlink::status,
                UrlDetails.Outlink::broken).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(site.url("/missing"), "404", true),
                        org.assertj.core.groups.Tuple.tuple(site.url("/gone"), "410", true),
                        org.assertj.core.groups.Tuple.tuple(site.url("/a"), "200", false));
        assertThat(b.headers().toLowerCase(java.util.Locale.ROOT)).contains("content-type:");

        UrlDetails.Details chain = details.of(query.idOf(site.url("/chain1")), 100);
        assertThat(chain.chain().hops()).extracting(h -> h.url() + " " + h.statusText())
                .containsExactly(site.url("/chain1") + " 301", site.url("/chain2") + " 301",
                        site.url("/b") + " 200");
    }

    @Test
    void statsCountStatusesTimesAndDepths() throws Exception {
        CrawlStats.Stats s = new CrawlStats(reader).stats();
        assertThat(s.statuses()).containsEntry("404", 1L).containsEntry("410", 1L)
                .containsEntry("500", 1L).containsEntry("301", 3L);
        assertThat(s.statuses().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(WorkspaceSite.PATHS.size());
        assertThat(s.timeBuckets()).hasSize(CrawlStats.TIME_BOUNDS.size() + 1);
        assertThat(s.timeBuckets().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(WorkspaceSite.PATHS.size());
        assertThat(s.depths()).containsEntry(0, 1L).containsKey(2);
    }

    private static List<CrawlResult> results(long[] ids) throws Exception {
        return query.rows(ids).stream().map(UrlQuery.Row::result).toList();
    }
}
