package io.webprobe.store;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.crawl.CrawlResult;
import io.webprobe.crawl.CrawlSink;
import io.webprobe.crawl.PageInfo;
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
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reads a crawl file: the rows in the order they finished, the broken links (each on the page
 * that holds it, through redirect chains), the redirect chains, the orphans and the counts.
 * Exports, the workspace, resume and compare all read through here, so each reads the same
 * truth. One connection of its own; one thread at a time (methods are synchronized). Close it
 * when done.
 */
public final class CrawlReader implements AutoCloseable {
    /** The columns a {@link CrawlResult} is read from, for {@code u} joined with referrer {@code r}. */
    static final String RESULT_COLUMNS = "u.url, u.status, u.error, u.error_message, "
            + "u.content_type, u.size_bytes, u.response_ms, u.title, u.depth, u.inlinks, "
            + "u.outlinks, r.url, u.redirect_to, u.flags, u.canonical, u.meta_description, "
            + "u.h1, u.word_count, u.meta_robots, u.robots_header, u.skip_reason, u.retries, "
            + "u.retry_status";
    private static final String RESULT_FROM = " FROM urls u LEFT JOIN urls r ON r.id = u.referrer_id ";
    /** The source named for a broken URL that a sitemap lists. */
    public static final String SITEMAP_SOURCE = "(sitemap)";

    private static final String IS_BROKEN = "(t.skip_reason IS NULL AND (t.status >= 400 OR "
            + "(t.error IS NOT NULL AND t.error <> 'CANCELLED')))";

    /**
     * The links to broken or redirecting targets, then the invalid hrefs. {@code CROSS JOIN}
     * makes SQLite start from the targets (a scan of the URLs, few of which qualify) and reach
     * their links through {@code links_by_target}; left to itself it scanned every link and
     * looked up each target: 0.5 s on 440,000 links, 17 ms this way, and on a million pages
     * the difference between seconds and minutes at each export and at the end of a crawl.
     */
    static final String BROKEN_LINKS = "SELECT s.seq, 0, l.pos, s.url, t.id, t.url, t.state, "
            + "t.status, t.error, t.error_message, t.skip_reason, t.redirect_to, t.redirect_id, "
            + "l.anchor, l.type "
            + "FROM urls t CROSS JOIN links l ON l.target_id = t.id "
            + "JOIN urls s ON s.id = l.source_id "
            + "WHERE l.type <> 'redirect' AND t.state = 1 AND (" + IS_BROKEN
            + " OR t.redirect_to IS NOT NULL) "
            // a page's link to itself (href="#top") is never broken: the page answered, its
            // links were read; only its meta refresh's chain could call it broken
            + "AND l.source_id <> l.target_id "
            + "UNION ALL "
            + "SELECT s.seq, 1, i.pos, s.url, 0, i.href, 1, NULL, 'INVALID_URL', i.reason, "
            + "NULL, NULL, NULL, i.anchor, i.type "
            + "FROM invalid_links i JOIN urls s ON s.id = i.source_id "
            + "UNION ALL "
            // a URL the sitemaps list is linked from them: listed broken, it is their broken link
            + "SELECT t.seq, 2, 0, '" + SITEMAP_SOURCE + "', t.id, t.url, t.state, t.status, "
            + "t.error, t.error_message, t.skip_reason, t.redirect_to, t.redirect_id, '', "
            + "'sitemap' FROM urls t WHERE (t.flags & " + Schema.IN_SITEMAP + ") <> 0 "
            + "AND t.state = 1 AND (" + IS_BROKEN + " OR t.redirect_to IS NOT NULL) "
            + "ORDER BY 1, 2, 3";

    /** The source named for a broken URL of a list check's list. */
    public static final String LIST_SOURCE = "(list)";

    /**
     * {@link #BROKEN_LINKS} for a list check: a listed URL (one no other URL led to) is linked
     * from the list, as a sitemap's URL is from the sitemap, so a listed URL that is broken, or
     * whose redirects end broken, is the list's broken link.
     */
    static final String LIST_BROKEN_LINKS = BROKEN_LINKS.replace("ORDER BY 1, 2, 3",
            "UNION ALL "
            + "SELECT t.seq, 3, 0, '" + LIST_SOURCE + "', t.id, t.url, t.state, t.status, "
            + "t.error, t.error_message, t.skip_reason, t.redirect_to, t.redirect_id, '', "
            + "'list' FROM urls t WHERE t.referrer_id IS NULL "
            + "AND t.state = 1 AND (" + IS_BROKEN + " OR t.redirect_to IS NOT NULL) "
            + "ORDER BY 1, 2, 3");


    private final Path file;
    private final Connection conn;
    /** The plan and meta as {@link #plan()} read them (for compare's questions), or null. */
    private java.util.Optional<io.webprobe.crawl.CrawlPlan> planRead;
    private Map<String, String> metaRead;

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
        query("SELECT " + RESULT_COLUMNS + RESULT_FROM + "WHERE u.state = 1 ORDER BY u.seq",
                rs -> rows.accept(result(rs, 1)));
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
        forEachBrokenLink(links, () -> true);
    }

    /**
     * The first {@code limit} links of {@link #forEachBrokenLink}, in its order, without reading
     * the rest (the command line's summary lists a few; the CSV has them all).
     */
    public synchronized List<BrokenLink> firstBrokenLinks(int limit) throws StoreException {
        List<BrokenLink> out = new ArrayList<>();
        forEachBrokenLink(out::add, () -> out.size() < limit);
        return out;
    }

    /** {@link #forEachBrokenLink}, for as long as {@code more} says. */
    private void forEachBrokenLink(Consumer<? super BrokenLink> links, BooleanSupplier more)
            throws StoreException {
        Map<Long, RedirectChains.Node> graph = redirectGraph();
        io.webprobe.crawl.CrawlPlan plan = plan();
        queryWhile(plan != null && plan.isList() ? LIST_BROKEN_LINKS : BROKEN_LINKS, more, rs -> {
            String source = rs.getString(4);
            String anchor = nullToEmpty(rs.getString(14));
            String type = rs.getString(15);
            RedirectChains.Node target = node(rs, 5);
            if (rs.getInt(2) == 1) {
                links.accept(new BrokenLink(source, target.url(), 0,
                        ErrorKind.INVALID_URL, target.errorMessage(), anchor, type, "",
                        ""));
                return;
            }
            RedirectChains.Chain chain = RedirectChains.follow(target, graph::get);
            if (!chain.broken()) {
                return;
            }
            RedirectChains.Node last = chain.last();
            boolean redirects = chain.redirects();
            links.accept(new BrokenLink(source, target.url(), last.status(),
                    chain.error(), chain.problem(), anchor, type, last.url(),
                    redirects ? chain.text() : ""));
        });
    }

    /**
     * Whether this crawl shows that a broken link of another crawl of the site is gone: its page
     * was fetched here and no longer holds it, or holds it and its target was fetched here too
     * (and is not broken, as the caller knows). A link whose page this crawl did not fetch (a
     * page limit, a depth limit, the page gone), or whose target it did not fetch, or whose
     * target's redirects it did not follow to their end, is not known to be fixed.
     */
    synchronized boolean showsGone(BrokenLink l) throws StoreException {
        long[] source = fetched(l.sourceUrl());
        if (source == null) {
            return false;
        }
        if (l.error() == ErrorKind.INVALID_URL) {
            // not among this crawl's broken links: the page lost that href, if its links were
            // read at all
            return linksRead(source[0]);
        }
        long target = linkRow(source[0], l.linkUrl());
        long[] fetchedTarget = fetched(l.linkUrl());
        if (fetchedTarget != null) {
            // fetched and not broken, if this crawl followed its redirects to their end; when
            // its own settings or limits cut them short (an excluded hop, the page limit), only
            // a page that no longer links to it says the link is gone
            return followedToItsEnd(fetchedTarget[0]) || target == 0 && linksRead(source[0]);
        }
        // no row: the page dropped the link, or this crawl left its target out (a pattern, a
        // limit, a trap guard) or did not check other sites' links, and kept no link row
        return target == 0 && linksRead(source[0]) && keepsLinksTo(l.linkUrl());
    }

    /** The id of the URL a page's link row leads to, or 0 when the page kept no such row. */
    private long linkRow(long sourceId, String url) throws StoreException {
        long[] target = {0};
        query("SELECT l.target_id FROM links l JOIN urls t ON t.id = l.target_id "
                + "WHERE l.source_id = ? AND t.url = ? LIMIT 1",
                rs -> target[0] = rs.getLong(1), sourceId, url);
        return target[0];
    }

    /**
     * Whether this crawl would show a broken link of another crawl of the site, were the link
     * broken here: it read the links of the link's page, and the page did not hold the link,
     * or its target was fetched and its redirects followed to their end. When not (a page limit
     * or a stop left the page or the target unfetched), that the link is not among this
     * crawl's broken links says nothing.
     */
    synchronized boolean couldShow(BrokenLink l) throws StoreException {
        long[] source = fetched(l.sourceUrl());
        if (source == null || !linksRead(source[0])) {
            return false;
        }
        if (l.error() == ErrorKind.INVALID_URL) {
            return true; // an href this crawl would have read, and called broken itself
        }
        long target = linkRow(source[0], l.linkUrl());
        if (target == 0) {
            // the page did not hold the link then, unless this crawl kept no row for it
            return keepsLinksTo(l.linkUrl());
        }
        long[] fetchedTarget = fetched(l.linkUrl());
        return fetchedTarget != null && followedToItsEnd(fetchedTarget[0]);
    }

    /**
     * Whether this crawl may have left part of the site unfetched: it did not finish, or
     * its page limit left URLs out.
     */
    synchronized boolean cutShort() throws StoreException {
        if (!io.webprobe.crawl.CrawlState.FINISHED.label().equals(meta().get("state"))) {
            return true;
        }
        return leftOutByPageLimit();
    }

    /** Whether this crawl's page limit left URLs of the site out (it stopped at its limit). */
    synchronized boolean leftOutByPageLimit() throws StoreException {
        return countedSkips().containsKey(SkipReason.MAX_PAGES)
                || rowSkips().containsKey(SkipReason.MAX_PAGES);
    }

    /**
     * Whether this crawl followed the redirects of a URL it fetched to where they end (a URL
     * that answered, or a loop, or too many): not when they lead to a URL it left out or did not
     * fetch, nor to one the site blocked.
     */
    private boolean followedToItsEnd(long id) throws StoreException {
        Map<Long, RedirectChains.Node> hops = new HashMap<>(); // a chain is a few rows: read them
        long next = id;
        // (far more hops than follow() goes before it says "too many")
        while (next > 0 && !hops.containsKey(next) && hops.size() < 64) {
            long[] to = {0};
            query("SELECT " + NODE_COLUMNS + " FROM urls t WHERE t.id = ?", rs -> {
                RedirectChains.Node n = node(rs, 1);
                hops.put(n.id(), n);
                to[0] = n.redirectId();
            }, next);
            next = to[0];
        }
        RedirectChains.End end = RedirectChains.follow(hops.get(id), hops::get).end();
        return end != RedirectChains.End.NOT_FOLLOWED && end != RedirectChains.End.BLOCKED;
    }

    /**
     * Whether this crawl read the links of a page it fetched, as {@code VisitMaker} reads them:
     * an HTML page or a stylesheet of the site answering 2xx, whole (not cut at the size
     * limit), in a crawl that follows links (not a list check), an HTML page not nofollow
     * unless the crawl followed those. A page that now answers 500, or says nofollow, says
     * nothing of the links it holds.
     */
    private boolean linksRead(long pageId) throws StoreException {
        io.webprobe.crawl.CrawlPlan plan = plan();
        if (plan == null || plan.isList()) {
            return false;
        }
        boolean[] read = {false};
        query("SELECT status, content_type, flags, meta_robots, robots_header FROM urls "
                + "WHERE id = ?", rs -> {
                    int status = rs.getInt(1);
                    String type = rs.getString(2) == null ? "" : rs.getString(2);
                    int flags = rs.getInt(3);
                    boolean whole = (flags & (Schema.EXTERNAL | Schema.TRUNCATED)) == 0;
                    boolean html = io.webprobe.http.ContentTypes.isHtml(type);
                    boolean css = io.webprobe.http.ContentTypes.isCss(type);
                    // the crawl's own rule: a line for another crawler does not count
                    boolean nofollow = new PageInfo("", "", "", 0, nullToEmpty(rs.getString(4)),
                            nullToEmpty(rs.getString(5))).nofollow();
                    read[0] = status >= 200 && status < 300 && whole
                            && (css || html && (plan.followNofollow() || !nofollow));
                }, pageId);
        return read[0];
    }

    /** This crawl's plan, read once; null when this version cannot read it. */
    private io.webprobe.crawl.CrawlPlan plan() throws StoreException {
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

    /**
     * Whether a link to this URL from a page this crawl fetched would have a row in its
     * {@code links}: not when the crawl left the URL out ({@code skips}) or did not check links
     * to other sites and the URL is on one.
     */
    private boolean keepsLinksTo(String url) throws StoreException {
        String key = UrlQuery.keyOf(url);
        if (key == null) {
            return false; // not a URL this crawl could have taken on as it is
        }
        boolean[] skipped = {false};
        query("SELECT 1 FROM skips WHERE key = ?", rs -> skipped[0] = true, key);
        if (skipped[0]) {
            return false;
        }
        io.webprobe.crawl.CrawlPlan plan = plan();
        if (plan == null) {
            return false; // a plan this version cannot read: nothing is known of its links
        }
        Map<String, String> meta = metaRead;
        if (plan.checkExternal()) {
            return true;
        }
        java.net.URI u = io.webprobe.http.Urls.toUri(url); // parsed above, as keyOf did
        java.util.Set<String> site = new java.util.HashSet<>(
                meta.getOrDefault("site_hosts", "").lines().toList());
        site.add(io.webprobe.http.Urls.hostAndPort(plan.startUrl()));
        return plan.scope().ofSite(u, site,
                io.webprobe.crawl.CrawlScope.siteDomain(plan.startUrl()));
    }

    /** The id of a URL this crawl fetched (skipped or left out is not fetched), or null. */
    private long[] fetched(String url) throws StoreException {
        String key = UrlQuery.keyOf(url);
        long[] id = {0};
        Row found = rs -> id[0] = rs.getInt(2) == Schema.DONE && rs.getString(3) == null
                ? rs.getLong(1) : -1;
        if (key != null) {
            query("SELECT id, state, skip_reason FROM urls WHERE key = ?", found, key);
        }
        if (id[0] == 0) { // a URL whose key is not its own text: looked up the slow way
            query("SELECT id, state, skip_reason FROM urls WHERE url = ? LIMIT 1", found, url);
        }
        return id[0] > 0 ? new long[] {id[0]} : null;
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

    /** The chain of one URL (by id), or null when the id is unknown. */
    public synchronized RedirectChains.Chain chainOf(long id) throws StoreException {
        Map<Long, RedirectChains.Node> graph = redirectGraph();
        RedirectChains.Node n = graph.get(id);
        if (n == null) {
            List<RedirectChains.Node> one = new ArrayList<>();
            query("SELECT " + NODE_COLUMNS + " FROM urls t WHERE t.id = " + id,
                    rs -> one.add(node(rs, 1)));
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
    private java.util.BitSet redirectsBroken(boolean failing) throws StoreException {
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
        query("SELECT " + RESULT_COLUMNS + RESULT_FROM + "WHERE (u.flags & " + Schema.IN_SITEMAP
                + ") <> 0 AND (u.flags & " + Schema.START_CHAIN + ") = 0 AND u.inlinks = 0 "
                + "AND u.state = 1 ORDER BY u.url", rs -> out.add(result(rs, 1)));
        return out;
    }

    /** How many of the site's URLs the sitemaps listed. */
    public synchronized long sitemapUrls() throws StoreException {
        return count("SELECT COUNT(*) FROM urls WHERE (flags & " + Schema.IN_SITEMAP + ") <> 0");
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

    /** Everything the end of a crawl reports that only the whole file can say. */
    synchronized CrawlSink.Conclusion conclusion() throws StoreException {
        long[] broken = {0};
        forEachBrokenLink(l -> broken[0]++);
        return new CrawlSink.Conclusion(broken[0], redirectsBroken(true).cardinality(),
                rowSkips(), sitemapUrls(), orphans(), startProblem());
    }

    /**
     * The sentence for a start URL that gave nothing to crawl, as the crawl says it (its
     * redirects in a loop or too many, or ending at a URL that failed or was blocked), or null
     * when it did not fail: for a resumed crawl that fetched it in an earlier run, and for
     * compare.
     */
    public synchronized String startProblem() throws StoreException {
        RedirectChains.Chain start = chainOf(1); // the start URL is the first row
        if (start != null && start.failsInItself()) {
            return "The start URL " + io.webprobe.http.UrlSyntax.shortened(
                    io.webprobe.http.UrlSyntax.asBrowserShows(start.hops().get(0).url()))
                    + " cannot be crawled: "
                    + lowerFirst(start.problem()) + ".";
        }
        io.webprobe.crawl.CrawlPlan plan = plan();
        if (start == null || plan == null || plan.isList() || !onStartChain(start.last().id())) {
            return null;
        }
        RedirectChains.Node end = start.last();
        return io.webprobe.crawl.StartFailure.of(start.hops().get(0).url(), end.url(),
                end.status(), end.error(), end.errorMessage(), end.skipped());
    }

    /**
     * Whether the URL is the start URL or one its redirects led to, fetched: not a page a
     * start page's meta refresh leads to when that page was read as a page of links.
     */
    private boolean onStartChain(long id) throws StoreException {
        boolean[] on = {false};
        query("SELECT flags, state FROM urls WHERE id = ?", rs -> on[0] =
                (rs.getInt(1) & Schema.START_CHAIN) != 0 && rs.getInt(2) == Schema.DONE, id);
        return on[0];
    }

    /** How many URLs are finished, queued, and broken (for summaries of a stored crawl). */
    public synchronized Counts counts() throws StoreException {
        long[] c = new long[5];
        query("SELECT COALESCE(SUM(state = 1 AND skip_reason IS NULL), 0), "
                + "COALESCE(SUM(state = 0), 0), "
                + "COALESCE(SUM(state = 1 AND " + IS_BROKEN.replace("t.", "") + "), 0), "
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
        Map<String, String> meta = meta();
        CrawlInfo i = CrawlInfo.read(file, meta, true);
        return new CrawlInfo(i.file(), i.plan(), i.state(),
                StoreLocks.endedWhileRunning(meta, file, java.time.Instant.now()),
                i.createdAt(), i.endedAt(), i.elapsed(), i.appVersion(), true, i.warnings(),
                i.stopReason());
    }

    /** A result row; {@code col} is the index of the first of {@link #RESULT_COLUMNS}. */
    static CrawlResult result(ResultSet rs, int col) throws SQLException {
        int i = col;
        CrawlResult.Builder b = CrawlResult.builder(rs.getString(i++));
        b.status(rs.getInt(i++));
        String error = rs.getString(i++);
        String message = nullToEmpty(rs.getString(i++));
        if (error != null) {
            b.error(ErrorKind.valueOf(error), message);
        } else {
            b.message(message);
        }
        b.contentType(nullToEmpty(rs.getString(i++))).sizeBytes(rs.getLong(i++))
                .responseMillis(rs.getLong(i++)).title(nullToEmpty(rs.getString(i++)))
                .depth(rs.getInt(i++)).inlinks(rs.getInt(i++)).outlinks(rs.getInt(i++));
        String referrer = rs.getString(i++);
        b.redirectTo(nullToEmpty(rs.getString(i++)));
        int flags = rs.getInt(i++);
        if (referrer == null && (flags & Schema.IN_SITEMAP) != 0 && (flags & Schema.START_CHAIN) == 0) {
            referrer = "(sitemap)";
        }
        b.referrer(nullToEmpty(referrer)).external((flags & Schema.EXTERNAL) != 0)
                .truncated((flags & Schema.TRUNCATED) != 0);
        b.page(new PageInfo(nullToEmpty(rs.getString(i++)), nullToEmpty(rs.getString(i++)),
                nullToEmpty(rs.getString(i++)), rs.getInt(i++), nullToEmpty(rs.getString(i++)),
                nullToEmpty(rs.getString(i++))));
        String skip = rs.getString(i++);
        b.skipped(skip == null ? null : SkipReason.valueOf(skip));
        b.retries(rs.getInt(i++));
        b.retriedStatus(rs.getInt(i));
        return b.build();
    }

    private static final String NODE_COLUMNS = "t.id, t.url, t.state, t.status, t.error, "
            + "t.error_message, t.skip_reason, t.redirect_to, t.redirect_id";

    /** A chain node from the columns of {@link #NODE_COLUMNS}, starting at {@code col}. */
    private static RedirectChains.Node node(ResultSet rs, int col) throws SQLException {
        int i = col;
        long id = rs.getLong(i++);
        String url = rs.getString(i++);
        boolean fetched = rs.getInt(i++) == 1;
        int status = rs.getInt(i++);
        String error = rs.getString(i++);
        String message = rs.getString(i++);
        String skip = rs.getString(i++);
        String redirectTo = rs.getString(i++);
        long redirectId = rs.getLong(i);
        return new RedirectChains.Node(id, url, fetched, status,
                error == null ? null : ErrorKind.valueOf(error), message,
                skip == null ? null : SkipReason.valueOf(skip), redirectTo, redirectId);
    }

    /** Every redirecting URL and where it leads, by id (for chains followed in memory). */
    synchronized Map<Long, RedirectChains.Node> redirects() throws StoreException {
        return redirectGraph();
    }

    /** Every redirecting URL, and every URL one leads to, by id. */

    private Map<Long, RedirectChains.Node> redirectGraph() throws StoreException {
        Map<Long, RedirectChains.Node> graph = new HashMap<>();
        String redirecting = "t.state = 1 AND t.redirect_to IS NOT NULL";
        query("SELECT " + NODE_COLUMNS + " FROM urls t WHERE " + redirecting,
                rs -> {
                    RedirectChains.Node n = node(rs, 1);
                    graph.put(n.id(), n);
                });
        query("SELECT " + NODE_COLUMNS + " FROM urls t WHERE t.id IN (SELECT t.redirect_id "
                + "FROM urls t WHERE " + redirecting + ")", rs -> {
                    RedirectChains.Node n = node(rs, 1);
                    graph.putIfAbsent(n.id(), n);
                });
        return graph;
    }

    /** Receives one row; may throw SQL errors, which end the query. */
    @FunctionalInterface
    interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    void query(String sql, Row row) throws StoreException {
        queryWhile(sql, () -> true, row);
    }

    /** {@link #query(String, Row)}, reading rows only while {@code more} says so. */
    private void queryWhile(String sql, BooleanSupplier more, Row row) throws StoreException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (more.getAsBoolean() && rs.next()) {
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

    private long count(String sql) throws StoreException {
        long[] n = {0};
        query(sql, rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
