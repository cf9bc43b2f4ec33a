package io.webprobe.store;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.crawl.PageInfo;
import io.webprobe.crawl.RedirectChains;
import io.webprobe.crawl.SkipReason;
import io.webprobe.http.ErrorKind;
import java.util.HashMap;
import java.util.Map;

/**
 * What one stored crawl can say of another crawl's broken links, for compare (ADR 0021):
 * whether it fetched the page and the target, read the page's links, followed the target's
 * redirects to their end, or was cut short. Reads through its {@link CrawlReader}, under that
 * reader's lock (the reader's methods of the same names hand over to these).
 */
final class CrawlEvidence {
    private final CrawlReader reader;
    /** {@link #byText()}: null until first needed. */
    private Map<String, Long> textMisfits;
    private int textScans;

    CrawlEvidence(CrawlReader reader) {
        this.reader = reader;
    }

    /**
     * Whether this crawl shows that a broken link of another crawl of the site is gone: its page
     * was fetched here and no longer holds it, or holds it and its target was fetched here too
     * (and is not broken, as the caller knows). A link whose page this crawl did not fetch (a
     * page limit, a depth limit, the page gone), or whose target it did not fetch, or whose
     * target's redirects it did not follow to their end, is not known to be fixed.
     */
    boolean showsGone(BrokenLink l) throws StoreException {
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

    /**
     * What a broken link of another crawl that this crawl shows gone ({@link #showsGone}) is
     * here: {@link CrawlDiff#LINK_REMOVED} when its page no longer holds it, else its target's
     * status here ("200").
     */
    String fixedAs(BrokenLink l) throws StoreException {
        long[] source = fetched(l.sourceUrl());
        long target = source == null || l.error() == ErrorKind.INVALID_URL ? 0
                : linkRow(source[0], l.linkUrl());
        if (target == 0) {
            return CrawlDiff.LINK_REMOVED;
        }
        String[] status = {""};
        reader.query("SELECT status FROM urls WHERE id = ?",
                rs -> status[0] = Integer.toString(rs.getInt(1)), target);
        return status[0];
    }

    /** The id of the URL a page's link row leads to, or 0 when the page kept no such row. */
    private long linkRow(long sourceId, String url) throws StoreException {
        long[] target = {0};
        reader.query("SELECT l.target_id FROM links l JOIN urls t ON t.id = l.target_id "
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
    boolean couldShow(BrokenLink l) throws StoreException {
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
     * Whether this crawl would show a missing anchor of another crawl of the site, were it
     * missing here: it read the links of the link's page (with their fragments: the caller
     * knows this crawl checked anchors), and it read for anchors the page the link was judged
     * on there ({@link BrokenLink#finalUrl}). A page or a target a page limit or a stop left
     * unread says nothing.
     */
    boolean couldShowAnchor(BrokenLink l) throws StoreException {
        long[] source = fetched(l.sourceUrl());
        return source != null && linksRead(source[0]) && judgesAnchorsOn(l.finalUrl());
    }

    /**
     * Whether this crawl shows that a missing anchor of another crawl of the site is gone: it
     * read the links of the link's page again, and the page no longer links to that fragment
     * of the target, or it does and the page the link was judged on was read for anchors here
     * too (so the anchor is there, as the caller knows it is not missing here).
     */
    boolean showsAnchorGone(BrokenLink l) throws StoreException {
        long[] source = fetched(l.sourceUrl());
        if (source == null || !linksRead(source[0])) {
            return false;
        }
        return !holdsFragment(source[0], l) || judgesAnchorsOn(l.finalUrl());
    }

    /**
     * What a missing anchor of another crawl that this crawl shows gone ({@link
     * #showsAnchorGone}) is here: {@link CrawlDiff#LINK_REMOVED} when its page no longer links
     * to that fragment, else {@link CrawlDiff#ANCHOR_FOUND}.
     */
    String fixedAnchorAs(BrokenLink l) throws StoreException {
        long[] source = fetched(l.sourceUrl());
        return source != null && holdsFragment(source[0], l) ? CrawlDiff.ANCHOR_FOUND
                : CrawlDiff.LINK_REMOVED;
    }

    /** Whether the page {@code sourceId} links to the missing anchor's fragment of its target. */
    private boolean holdsFragment(long sourceId, BrokenLink l) throws StoreException {
        String link = l.linkUrl();
        String target = link.substring(0, link.length() - l.missingAnchor().length() - 1);
        boolean[] holds = {false};
        reader.query("SELECT 1 FROM link_fragments f JOIN urls t ON t.id = f.target_id "
                + "WHERE f.source_id = ? AND t.url = ? AND f.fragment = ? LIMIT 1",
                rs -> holds[0] = true, sourceId, target, l.missingAnchor());
        return holds[0];
    }

    /**
     * Whether this crawl judges fragments on this URL: a page of the site it read for anchors,
     * answering 200, that defines no more anchors than are kept ({@link AnchorSql}'s rule).
     */
    private boolean judgesAnchorsOn(String url) throws StoreException {
        long[] id = fetched(url);
        if (id == null) {
            return false;
        }
        boolean[] judged = {false};
        reader.query("SELECT 1 FROM urls WHERE id = ? AND state = 1 AND status = 200 "
                + "AND (flags & " + (Schema.ANCHORS_LISTED | Schema.ANCHORS_CUT) + ") = "
                + Schema.ANCHORS_LISTED, rs -> judged[0] = true, id[0]);
        return judged[0];
    }

    /**
     * Whether this crawl may have left part of the site unfetched: it did not finish, or
     * its page limit left URLs out.
     */
    boolean cutShort() throws StoreException {
        if (!io.webprobe.crawl.CrawlState.FINISHED.label().equals(reader.meta().get("state"))) {
            return true;
        }
        return leftOutByPageLimit();
    }

    /** Whether this crawl's page limit left URLs of the site out (it stopped at its limit). */
    boolean leftOutByPageLimit() throws StoreException {
        return reader.countedSkips().containsKey(SkipReason.MAX_PAGES)
                || reader.rowSkips().containsKey(SkipReason.MAX_PAGES);
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
            reader.query("SELECT " + StoredRows.NODE_COLUMNS + " FROM urls t WHERE t.id = ?", rs -> {
                RedirectChains.Node n = StoredRows.node(rs, 1);
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
        io.webprobe.crawl.CrawlPlan plan = reader.plan();
        if (plan == null || plan.isList()) {
            return false;
        }
        boolean[] read = {false};
        reader.query("SELECT status, content_type, flags, meta_robots, robots_header FROM urls "
                + "WHERE id = ?", rs -> {
                    int status = rs.getInt(1);
                    String type = rs.getString(2) == null ? "" : rs.getString(2);
                    int flags = rs.getInt(3);
                    boolean whole = (flags & (Schema.EXTERNAL | Schema.TRUNCATED)) == 0;
                    boolean html = io.webprobe.http.ContentTypes.isHtml(type);
                    boolean css = io.webprobe.http.ContentTypes.isCss(type);
                    // the crawl's own rule: a line for another crawler does not count
                    boolean nofollow = new PageInfo("", "", "", 0, StoredRows.nullToEmpty(rs.getString(4)),
                            StoredRows.nullToEmpty(rs.getString(5))).nofollow();
                    read[0] = status >= 200 && status < 300 && whole
                            && (css || html && (plan.followNofollow() || !nofollow));
                }, pageId);
        return read[0];
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
        reader.query("SELECT 1 FROM skips WHERE key = ?", rs -> skipped[0] = true, key);
        if (skipped[0]) {
            return false;
        }
        io.webprobe.crawl.CrawlPlan plan = reader.plan();
        if (plan == null) {
            return false; // a plan this version cannot read: nothing is known of its links
        }
        Map<String, String> meta = reader.planMeta();
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
        if (key != null) {
            reader.query("SELECT id, state, skip_reason FROM urls WHERE key = ?",
                    rs -> id[0] = fetchedId(rs), key);
        }
        if (id[0] == 0) { // a URL whose key is not its own text: looked up by its text
            id[0] = byText().getOrDefault(url, 0L);
        }
        return id[0] > 0 ? new long[] {id[0]} : null;
    }

    /** The row's id when this crawl fetched its URL, else -1 (rows: id, state, skip_reason). */
    private static long fetchedId(java.sql.ResultSet rs) throws java.sql.SQLException {
        return rs.getInt(2) == Schema.DONE && rs.getString(3) == null ? rs.getLong(1) : -1;
    }

    /**
     * The rows whose key is not their text's ({@link UrlQuery#keyOf}), by text, as
     * {@link #fetchedId} reads them: read in one pass at the first URL whose key finds no row.
     * {@code urls} has no index on its text, so looking each such URL up there scanned the
     * table once per URL: a compare of a crawl whose 20,000 broken links to other sites the
     * newer crawl did not check (--no-external) took 22 s over 5,000 pages, 1.6 s the other
     * way round. Such rows are few (none in crawls of this version), so the map is small.
     */
    private Map<String, Long> byText() throws StoreException {
        if (textMisfits == null) {
            Map<String, Long> rows = new HashMap<>();
            reader.query("SELECT id, state, skip_reason, key, url FROM urls ORDER BY id", rs -> {
                String url = rs.getString(5);
                if (!rs.getString(4).equals(UrlQuery.keyOf(url))) {
                    rows.putIfAbsent(url, fetchedId(rs)); // the first, as LIMIT 1 found it
                }
            });
            textMisfits = rows;
            textScans++;
        }
        return textMisfits;
    }

    /** How often {@code urls} was read whole to find URLs by their text (tests). */
    int textScans() {
        return textScans;
    }
}
