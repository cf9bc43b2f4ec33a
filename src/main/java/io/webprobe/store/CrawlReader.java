package io.webprobe.store;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.crawl.CrawlResult;
import io.webprobe.crawl.CrawlSink;
import io.webprobe.crawl.HrefCheck;
import io.webprobe.crawl.RedirectChains;
import io.webprobe.crawl.SkipReason;
import io.webprobe.http.ErrorKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a crawl file: the rows in the order they finished, the broken links (each on the page
 * that holds it, through redirect chains), the redirect chains, the orphans and the counts.
 * Exports, the workspace, resume and compare all read through here, so each reads the same
 * truth. One connection of its own; one thread at a time (methods are synchronized). Close it
 * when done. Its parts: {@link BrokenLinkSql} (the query for broken links), {@link StoredRows}
 * (a row as a result or a chain's node), {@link CrawlEvidence} (what compare asks of it) and
 * {@link StoredConclusion} (what the end of a crawl says, the start URL's failure among it).
 */
public final class CrawlReader implements AutoCloseable {
    private static final String RESULT_FROM = " FROM urls u LEFT JOIN urls r ON r.id = u.referrer_id ";
    /** The source named for a broken URL that a sitemap lists. */
    public static final String SITEMAP_SOURCE = "(sitemap)";
    /** The source named for a broken URL of a list check's list. */
    public static final String LIST_SOURCE = "(list)";



    private final Path file;
    private final Connection conn;
    /** The plan and meta as {@link #plan()} read them (for compare's questions), or null. */
    private java.util.Optional<io.webprobe.crawl.CrawlPlan> planRead;
    private Map<String, String> metaRead;
    /** What this crawl says of another's broken links (compare), made when first asked. */
    private CrawlEvidence evidence;

    CrawlReader(Path file, Connection conn) {
        this.file = file;
        this.conn = conn;
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** Every finished URL in the order it finished, with its final inlink count. */
    public synchronized void forEachResult(Consumer<? super CrawlResult> rows)
            throws StoreException {
        query("SELECT " + StoredRows.RESULT_COLUMNS + RESULT_FROM + "WHERE u.state = 1 ORDER BY u.seq",
                rs -> rows.accept(StoredRows.result(rs, 1)));
    }

    /** Every finished URL, in the order it finished (for small crawls and tests). */
    public synchronized List<CrawlResult> results() throws StoreException {
        List<CrawlResult> out = new ArrayList<>();
        forEachResult(out::add);
        return out;
    }

    /**
     * Every broken link: a link whose target is broken, or whose target's redirects end broken,
     * in a loop or too long, named on the page that holds it; every href that is not a URL; and
     * every such URL that the sitemaps list, with {@value #SITEMAP_SOURCE} as its source and
     * "sitemap" as its link type; in a list check, every such URL of the list, with
     * {@value #LIST_SOURCE} as its source and "list" as its link type.
     * In the order the pages finished, then page order. Links of redirect hops are not broken
     * links of their own: the page linking to the chain's first URL gets the broken link.
     */
    public synchronized void forEachBrokenLink(Consumer<? super BrokenLink> links)
            throws StoreException {
        Map<Long, RedirectChains.Node> graph = redirectGraph();
        io.webprobe.crawl.CrawlPlan plan = plan();
        String sql = plan != null && plan.isList() ? BrokenLinkSql.LIST_BROKEN_LINKS
                : BrokenLinkSql.BROKEN_LINKS;
        query(sql, rs -> {
            BrokenLink l = brokenLink(rs, graph);
            if (l != null) {
                links.accept(l);
            }
        });
    }

    /**
     * The broken link of a row of {@link BrokenLinkSql#BROKEN_LINKS}; null when its target
     * redirects to a URL that answers (the link is not broken).
     */
    private static BrokenLink brokenLink(ResultSet rs, Map<Long, RedirectChains.Node> graph)
            throws SQLException {
        String source = rs.getString(4);
        String anchor = nullToEmpty(rs.getString(15));
        String type = rs.getString(16);
        RedirectChains.Node target = StoredRows.node(rs, 5);
        if (rs.getInt(2) == 1) {
            return new BrokenLink(source, target.url(), 0, ErrorKind.INVALID_URL,
                    target.errorMessage(), anchor, type, "", "");
        }
        RedirectChains.Chain chain = RedirectChains.follow(target, graph::get);
        if (!chain.broken()) {
            return null;
        }
        RedirectChains.Node last = chain.last();
        return new BrokenLink(source, target.url(), last.status(), chain.error(),
                chain.problem(), anchor, type, chain.endUrl(),
                chain.redirects() ? chain.text() : "");
    }

    /**
     * A broken URL and the links to it: the first of them (as {@link #forEachBrokenLink} reads
     * it), how many there are, from how many pages (the list checked counting as one), and
     * whether a sitemap lists it too.
     */
    public record BrokenUrl(BrokenLink first, long links, long pages, boolean inSitemap) {}

    /**
     * The first {@code limit} broken URLs: those that were fetched (a 404, a timeout), then
     * hrefs that are no URL, each kind in the order of their first links in {@link
     * #forEachBrokenLink}. What a list of the broken URLs prints, counted in SQL, without
     * reading every broken link (on 800,000 of them, 2.5 s of CPU instead of 8). Fetched ones
     * first: on Debian's copy of the Python docs 527 pages each name their own file: canonical,
     * and the one 404 (linked from 17 pages) was 15th of the 20 lines; on a larger such site it
     * would not have been listed at all.
     */
    public synchronized List<BrokenUrl> firstBrokenUrls(int limit) throws StoreException {
        Map<Long, RedirectChains.Node> graph = redirectGraph();
        io.webprobe.crawl.CrawlPlan plan = plan();
        boolean list = plan != null && plan.isList();
        record First(RedirectChains.Node node, long key, boolean inSitemap, boolean listed) {}
        List<First> fetched = new ArrayList<>();
        List<First> hrefs = new ArrayList<>();
        String firstLinks = BrokenLinkSql.firstLinks(list);
        withCache(BrokenLinkSql.FIRST_LINKS_CACHE_KB, () -> query(firstLinks, rs -> {
            if (fetched.size() >= limit || rs.getLong(11) == BrokenLinkSql.NO_ROW) {
                return; // the rest are read, not kept: SQLite sorted them all already
            }
            RedirectChains.Node node = StoredRows.node(rs, 1);
            boolean invalid = node.id() == 0;
            List<First> kind = invalid ? hrefs : fetched;
            if (kind.size() < limit
                    && (invalid || RedirectChains.follow(node, graph::get).broken())) {
                kind.add(new First(node, rs.getLong(11), rs.getInt(12) != 0,
                        rs.getInt(13) != 0));
            }
        }));
        List<First> firsts = new ArrayList<>(fetched);
        firsts.addAll(hrefs.subList(0, Math.min(hrefs.size(), limit - fetched.size())));
        List<BrokenUrl> out = new ArrayList<>();
        for (First f : firsts) {
            boolean invalid = f.node().id() == 0;
            Object which = invalid ? f.node().url() : (Object) f.node().id();
            BrokenLink[] first = {null};
            query(BrokenLinkSql.firstRow(BrokenLinkSql.kindOf(f.key())),
                    rs -> first[0] = brokenLink(rs, graph), which);
            long[] n = {0, 0};
            query(invalid ? BrokenLinkSql.INVALID_HREFS : BrokenLinkSql.LINKS_TO, rs -> {
                n[0] = rs.getLong(1);
                n[1] = rs.getLong(2);
            }, which);
            int sitemap = f.inSitemap() ? 1 : 0;
            int listed = f.listed() ? 1 : 0;
            out.add(new BrokenUrl(first[0], n[0] + sitemap + listed, n[1] + listed,
                    f.inSitemap()));
        }
        return out;
    }

    /**
     * The checks this crawl made of hrefs of other schemes ({@link HrefCheck}): those its file
     * records ({@code href_checks}, written when it was created); none for a file made before
     * they were recorded, whose crawl made none.
     */
    public synchronized java.util.Set<HrefCheck> hrefChecks() throws StoreException {
        return HrefCheck.decode(meta().get(StoreOpener.HREF_CHECKS));
    }

    /**
     * Whether this crawl checked its links' fragments ({@code --check-anchors}): its plan says
     * so and the file has the tables it needs.
     */
    public synchronized boolean checkedAnchors() throws StoreException {
        io.webprobe.crawl.CrawlPlan plan = plan();
        if (plan == null || !plan.checkAnchors()) {
            return false;
        }
        try {
            return Schema.hasAnchors(conn);
        } catch (SQLException e) {
            throw SqlErrors.readFailure(file, e);
        }
    }

    /**
     * Every missing anchor ({@link BrokenLink#isMissingAnchor()}): a link whose fragment names
     * an anchor its target page, a page of the site that answered 200 with HTML, does not
     * define ({@link AnchorSql}); none when the crawl did not check anchors. In the order the
     * linking pages finished. Its status is the page's own; it is no broken link.
     */
    public synchronized void forEachMissingAnchor(Consumer<? super BrokenLink> links)
            throws StoreException {
        if (!checkedAnchors()) {
            return;
        }
        // the chains of the links judged past their redirects, as the broken links read them
        Map<Long, RedirectChains.Node> graph = redirectGraph();
        query(AnchorSql.MISSING, rs -> {
            String page = rs.getString(2);
            String fragment = rs.getString(4);
            String linked = rs.getString(6); // the link's target when it redirected to the page
            String chain = "";
            if (linked != null) {
                RedirectChains.Node first = graph.get(rs.getLong(7));
                chain = first == null ? "" : RedirectChains.follow(first, graph::get).text();
            }
            links.accept(new BrokenLink(rs.getString(1),
                    (linked == null ? page : linked) + "#" + fragment, rs.getInt(3), null, "",
                    nullToEmpty(rs.getString(5)), "a", page, chain, fragment));
        });
    }

    /**
     * Every broken link, then every missing anchor (the Broken links tab's list: for small
     * crawls, tests, and a list shown whole).
     */
    public synchronized List<BrokenLink> brokenLinksAndMissingAnchors() throws StoreException {
        List<BrokenLink> out = brokenLinks();
        forEachMissingAnchor(out::add);
        return out;
    }

    /**
     * The other sites whose URLs the crawl requested, by host (and port), and how many of
     * them never had their name looked up: every URL of theirs failed with {@link
     * ErrorKind#DNS}.
     */
    public record OtherSites(long hosts, long unresolved) {
        /** Other sites, none of whose names could be looked up, that make a computer offline. */
        public static final int OFFLINE_HOSTS = 3;

        /**
         * Whether none of their names could be looked up, there being {@value #OFFLINE_HOSTS}
         * or more: a computer offline rather than that many dead domains.
         */
        public boolean likelyOffline() {
            return hosts >= OFFLINE_HOSTS && unresolved == hosts;
        }
    }

    /** {@link OtherSites}: the hosts of the external URLs requested (not blocked or skipped). */
    public synchronized OtherSites otherSites() throws StoreException {
        long[] n = {0, 0};
        // a stored URL is scheme://host[:port]/path...: its host runs to the first / after ://
        String host = "substr(url, instr(url, '://') + 3, "
                + "instr(substr(url, instr(url, '://') + 3) || '/', '/') - 1)";
        query("SELECT COUNT(*), COALESCE(SUM(dns), 0) FROM (SELECT MIN(COALESCE(error, '') = '"
                + ErrorKind.DNS.name() + "') AS dns FROM urls WHERE (flags & " + Schema.EXTERNAL
                + ") <> 0 AND state = " + Schema.DONE + " AND skip_reason IS NULL GROUP BY "
                + host + ")", rs -> {
                    n[0] = rs.getLong(1);
                    n[1] = rs.getLong(2);
                });
        return new OtherSites(n[0], n[1]);
    }

    /** How many missing anchors the crawl found (0 when it did not check anchors). */
    public synchronized long missingAnchorCount() throws StoreException {
        return checkedAnchors() ? count(AnchorSql.COUNT) : 0;
    }

    /**
     * Whether this crawl shows that a broken link of another crawl of the site is gone
     * ({@link CrawlEvidence#showsGone}).
     */
    synchronized boolean showsGone(BrokenLink l) throws StoreException {
        return evidence().showsGone(l);
    }

    /**
     * Whether this crawl would show a broken link of another crawl of the site, were the link
     * broken here ({@link CrawlEvidence#couldShow}).
     */
    synchronized boolean couldShow(BrokenLink l) throws StoreException {
        return evidence().couldShow(l);
    }

    /**
     * Whether this crawl would show a missing anchor of another crawl of the site, were it
     * missing here ({@link CrawlEvidence#couldShowAnchor}).
     */
    synchronized boolean couldShowAnchor(BrokenLink l) throws StoreException {
        return evidence().couldShowAnchor(l);
    }

    /**
     * Whether this crawl shows that a missing anchor of another crawl of the site is gone
     * ({@link CrawlEvidence#showsAnchorGone}).
     */
    synchronized boolean showsAnchorGone(BrokenLink l) throws StoreException {
        return evidence().showsAnchorGone(l);
    }

    /** What a broken link this crawl shows gone is here ({@link CrawlEvidence#fixedAs}). */
    synchronized String fixedAs(BrokenLink l) throws StoreException {
        return evidence().fixedAs(l);
    }

    /**
     * What a missing anchor this crawl shows gone is here ({@link
     * CrawlEvidence#fixedAnchorAs}).
     */
    synchronized String fixedAnchorAs(BrokenLink l) throws StoreException {
        return evidence().fixedAnchorAs(l);
    }

    /** Whether this crawl may have left part of the site unfetched ({@link CrawlEvidence}). */
    synchronized boolean cutShort() throws StoreException {
        return evidence().cutShort();
    }

    /** Whether this crawl's page limit left URLs of the site out (it stopped at its limit). */
    synchronized boolean leftOutByPageLimit() throws StoreException {
        return evidence().leftOutByPageLimit();
    }

    CrawlEvidence evidence() {
        if (evidence == null) {
            evidence = new CrawlEvidence(this);
        }
        return evidence;
    }

    /** The meta rows {@link #plan()} read the plan from (null before it is read). */
    Map<String, String> planMeta() {
        return metaRead;
    }

    /** This crawl's plan, read once; null when this version cannot read it. */
    io.webprobe.crawl.CrawlPlan plan() throws StoreException {
        if (planRead == null) {
            Map<String, String> meta = meta();
            metaRead = meta;
            try {
                planRead = java.util.Optional.of(PlanCodec.decode(meta));
            } catch (RuntimeException e) {
                planRead = java.util.Optional.empty();
            }
        }
        return planRead.orElse(null);
    }


    /** Every broken link (for small crawls and tests). */
    public synchronized List<BrokenLink> brokenLinks() throws StoreException {
        List<BrokenLink> out = new ArrayList<>();
        forEachBrokenLink(out::add);
        return out;
    }

    /** The redirect chain of every URL that redirects, by URL (e.g. for the pages CSV). */
    public synchronized Map<String, RedirectChains.Summary> redirectChains()
            throws StoreException {
        Map<Long, RedirectChains.Node> graph = redirectGraph();
        Map<String, RedirectChains.Summary> chains = new HashMap<>();
        for (RedirectChains.Node n : graph.values()) {
            if (!n.redirectTo().isEmpty()) {
                chains.put(n.url(), RedirectChains.Summary.of(
                        RedirectChains.follow(n, graph::get)));
            }
        }
        return chains;
    }

    /**
     * How many redirects led to a URL (by id) without a page in between, as the crawl counted
     * them and a resume counts them again: back to the nearest URL a chain starts at, at most
     * {@link io.webprobe.http.HttpProbe#MAX_REDIRECTS} (0 for a URL a page links to, or
     * unknown). A file made when the limit was 10 says 10 of a URL that limit stopped at.
     */
    public synchronized int redirectsInto(long id) throws StoreException {
        int[] n = {0};
        query(StoreResume.hopsInto("u.id = ?") + "SELECT n FROM hops",
                rs -> n[0] = rs.getInt(1), id);
        return n[0];
    }

    /** The chain of one URL (by id), or null when the id is unknown. */
    public synchronized RedirectChains.Chain chainOf(long id) throws StoreException {
        Map<Long, RedirectChains.Node> graph = redirectGraph();
        RedirectChains.Node n = graph.get(id);
        if (n == null) {
            List<RedirectChains.Node> one = new ArrayList<>();
            query("SELECT " + StoredRows.NODE_COLUMNS + " FROM urls t WHERE t.id = " + id,
                    rs -> one.add(StoredRows.node(rs, 1)));
            if (one.isEmpty()) {
                return null;
            }
            n = one.get(0);
        }
        return RedirectChains.follow(n, graph::get);
    }

    /**
     * The ids of the finished redirecting URLs (and their targets) that are not broken: not
     * broken in themselves, and their chain does not fail in itself (a loop, too many
     * redirects). The Broken filter takes every redirect in SQL and leaves these out, so a
     * redirect loop is broken in the table's filter and the overview as in its row and in the
     * broken links ({@link io.webprobe.store.UrlQuery.Row#broken()}).
     */
    synchronized java.util.BitSet redirectsNotBroken() throws StoreException {
        return redirectsBroken(false);
    }

    /**
     * The graph's URLs not broken in themselves whose chain fails ({@code failing}) or does
     * not ({@code !failing}).
     */
    java.util.BitSet redirectsBroken(boolean failing) throws StoreException {
        Map<Long, RedirectChains.Node> graph = redirectGraph();
        java.util.BitSet out = new java.util.BitSet();
        for (RedirectChains.Node n : graph.values()) {
            if (!n.broken()
                    && RedirectChains.follow(n, graph::get).failsInItself() == failing) {
                out.set((int) n.id());
            }
        }
        return out;
    }

    /** Sitemap URLs no page links to (the start URL and its redirects aside), sorted. */
    public synchronized List<String> orphans() throws StoreException {
        List<String> out = new ArrayList<>();
        query("SELECT url FROM urls WHERE (flags & " + Schema.IN_SITEMAP + ") <> 0 AND (flags & "
                + Schema.START_CHAIN + ") = 0 AND inlinks = 0 ORDER BY url",
                rs -> out.add(rs.getString(1)));
        return out;
    }

    /** The rows of the orphans, in the orphans' order. */
    public synchronized List<CrawlResult> orphanRows() throws StoreException {
        List<CrawlResult> out = new ArrayList<>();
        query("SELECT " + StoredRows.RESULT_COLUMNS + RESULT_FROM + "WHERE (u.flags & " + Schema.IN_SITEMAP
                + ") <> 0 AND (u.flags & " + Schema.START_CHAIN + ") = 0 AND u.inlinks = 0 "
                + "AND u.state = 1 ORDER BY u.url", rs -> out.add(StoredRows.result(rs, 1)));
        return out;
    }

    /** How many of the site's URLs the sitemaps listed. */
    public synchronized long sitemapUrls() throws StoreException {
        return count("SELECT COUNT(*) FROM urls WHERE (flags & " + Schema.IN_SITEMAP + ") <> 0");
    }

    /**
     * How many URLs a resume would fetch: those not fetched yet and those queued to be asked
     * again. A finished crawl has none, unless a re-check found new URLs since.
     */
    public synchronized long toFetch() throws StoreException {
        return count("SELECT COUNT(*) FROM urls WHERE state = 0 OR (flags & " + Schema.REVISIT
                + ") <> 0");
    }

    /** URLs with a row that were blocked or skipped, by reason. */
    public synchronized Map<SkipReason, Long> rowSkips() throws StoreException {
        Map<SkipReason, Long> out = new EnumMap<>(SkipReason.class);
        query("SELECT skip_reason, COUNT(*) FROM urls WHERE state = 1 AND skip_reason IS NOT NULL "
                + "GROUP BY skip_reason", rs -> out.put(SkipReason.valueOf(rs.getString(1)),
                        rs.getLong(2)));
        return out;
    }

    /** The URLs left out by a limit (counted, no row), by reason. */
    public synchronized Map<SkipReason, Long> countedSkips() throws StoreException {
        Map<SkipReason, Long> out = new EnumMap<>(SkipReason.class);
        query("SELECT reason, COUNT(*) FROM skips GROUP BY reason",
                rs -> out.put(SkipReason.valueOf(rs.getString(1)), rs.getLong(2)));
        return out;
    }

    /**
     * How many of the URLs an exclude pattern left out ({@link #countedSkips}) are hrefs that
     * are no URL (a file: link, a malformed address), told by their keys as the crawl told
     * them: the end of a crawl says them apart ({@code CrawlSummary#notCrawled}).
     */
    public synchronized long excludedHrefs() throws StoreException {
        long[] n = {0};
        query("SELECT key FROM skips WHERE reason = '" + SkipReason.EXCLUDED.name() + "'",
                rs -> {
                    if (io.webprobe.crawl.CrawlScope.isHrefKey(rs.getString(1))) {
                        n[0]++;
                    }
                });
        return n[0];
    }

    /** Everything the end of a crawl reports that only the whole file can say. */
    synchronized CrawlSink.Conclusion conclusion() throws StoreException {
        return StoredConclusion.of(this);
    }

    /**
     * The sentence for a start URL that gave nothing to crawl, as the crawl says it, or null
     * when it did not fail: for a resumed crawl that fetched it in an earlier run, and for
     * compare ({@link StoredConclusion#startProblem}).
     */
    public synchronized String startProblem() throws StoreException {
        return StoredConclusion.startProblem(this);
    }

    /** How many URLs are finished, queued, and broken (for summaries of a stored crawl). */
    public synchronized Counts counts() throws StoreException {
        long[] c = new long[5];
        query("SELECT COALESCE(SUM(state = 1 AND skip_reason IS NULL), 0), "
                + "COALESCE(SUM(state = 0), 0), "
                + "COALESCE(SUM(state = 1 AND " + BrokenLinkSql.IS_BROKEN.replace("t.", "") + "), 0), "
                + "COALESCE(SUM(skip_reason IN " + Schema.BLOCK_REASONS + "), 0), "
                + "COALESCE(SUM(skip_reason IS NOT NULL AND skip_reason NOT IN "
                + Schema.BLOCK_REASONS + "), 0) FROM urls", rs -> {
                    for (int i = 0; i < 5; i++) {
                        c[i] = rs.getLong(i + 1);
                    }
                });
        return new Counts(c[0], c[1], c[2], c[3], c[4]);
    }

    /**
     * A stored crawl's counts.
     *
     * @param crawled fetched URLs (not blocked, not skipped)
     * @param queued URLs not fetched yet (a resume fetches them)
     * @param broken broken URLs
     * @param blocked URLs the site kept us from
     * @param skippedRows URLs skipped by a trap guard
     */
    public record Counts(long crawled, long queued, long broken, long blocked, long skippedRows) {}

    @Override
    public synchronized void close() {
        try {
            conn.close();
        } catch (SQLException ignored) {
            // nothing to keep
        }
    }

    // ------------------------------------------------------------------ package-private reads

    /** The file's meta table as it is now ({@link Sql#meta}). */
    synchronized Map<String, String> meta() throws StoreException {
        try {
            return Sql.meta(conn);
        } catch (SQLException e) {
            throw SqlErrors.readFailure(file, e);
        }
    }

    /** The connection, for the store's own queries (same thread rules). */
    Connection connection() {
        return conn;
    }

    /**
     * What the file says about its crawl now, as {@link CrawlStore#info()} said it when the
     * file was opened: for a window reading a file another Webprobe writes, whose crawl may
     * have gone on or ended since. A crawl still marked running or paused is interrupted only
     * when no running Webprobe holds the file. Reads the meta table only.
     */
    public synchronized CrawlInfo infoNow() throws StoreException {
        return CrawlInfo.read(file, meta(), true);
    }

    /**
     * Whether a running process holds the file for writing now (its lock row names one that
     * is alive): another Webprobe crawling or re-checking it, or a window that has it open to
     * write. Reads two rows of its meta table; a window only looking at the file watches this
     * to notice when that process is gone, killed or closed ({@code ChangeWatch}).
     */
    public synchronized boolean heldNow() throws StoreException {
        try {
            Map<String, String> meta = StoreLocks.metaRows(conn, "lock", StoreLocks.LOCK_FILE);
            return StoreLocks.lockOf(meta, file.toAbsolutePath())
                    .filter(o -> o.ownerAlive(java.time.Instant.now())).isPresent();
        } catch (SQLException e) {
            throw SqlErrors.readFailure(file, e);
        }
    }



    /** Every redirecting URL and where it leads, by id (for chains followed in memory). */
    synchronized Map<Long, RedirectChains.Node> redirects() throws StoreException {
        return redirectGraph();
    }

    /** Every redirecting URL, and every URL one leads to, by id. */

    private Map<Long, RedirectChains.Node> redirectGraph() throws StoreException {
        Map<Long, RedirectChains.Node> graph = new HashMap<>();
        String redirecting = "t.state = 1 AND t.redirect_to IS NOT NULL";
        query("SELECT " + StoredRows.NODE_COLUMNS + " FROM urls t WHERE " + redirecting,
                rs -> {
                    RedirectChains.Node n = StoredRows.node(rs, 1);
                    graph.put(n.id(), n);
                });
        query("SELECT " + StoredRows.NODE_COLUMNS + " FROM urls t WHERE t.id IN (SELECT t.redirect_id "
                + "FROM urls t WHERE " + redirecting + ")", rs -> {
                    RedirectChains.Node n = StoredRows.node(rs, 1);
                    graph.putIfAbsent(n.id(), n);
                });
        return graph;
    }

    /** A read that may fail as a query does. */
    @FunctionalInterface
    interface Read {
        void run() throws StoreException;
    }

    /**
     * Runs a read with SQLite's page cache at {@code kb} KiB instead of its default 2 MB, then
     * gives the memory back: for a query that visits pages all over the file again and again.
     */
    private void withCache(int kb, Read read) throws StoreException {
        long before;
        try (Statement s = conn.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA cache_size")) {
                before = rs.next() ? rs.getLong(1) : -2000;
            }
            s.execute("PRAGMA cache_size = -" + kb);
        } catch (SQLException e) {
            throw SqlErrors.readFailure(file, e);
        }
        try {
            read.run();
        } finally {
            try (Statement s = conn.createStatement()) {
                s.execute("PRAGMA cache_size = " + before);
            } catch (SQLException e) {
                // the larger cache then stays only until the reader is closed
            }
        }
    }

    /** Receives one row; may throw SQL errors, which end the query. */
    @FunctionalInterface
    interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    void query(String sql, Row row) throws StoreException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                row.accept(rs);
            }
        } catch (SQLException e) {
            throw SqlErrors.readFailure(file, e);
        }
    }

    void query(String sql, Row row, Object... args) throws StoreException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.readFailure(file, e);
        }
    }

    long count(String sql) throws StoreException {
        long[] n = {0};
        query(sql, rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
