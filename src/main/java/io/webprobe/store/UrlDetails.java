package io.webprobe.store;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.crawl.RedirectChains;
import io.webprobe.http.ErrorKind;
import io.webprobe.crawl.SkipReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the crawl file knows about one URL, for the workspace's details pane: its row,
 * every page linking to it (with anchor text, link type and nofollow), every link on it with
 * the target's status, its redirect chain and its response headers. Uses its reader's
 * connection: one thread at a time, as the reader.
 */
public final class UrlDetails {

    /**
     * A link to the URL.
     *
     * @param sourceId the linking page's id
     * @param type where the link was: a, img, css, redirect…; "a nofollow" for a nofollow link
     */
    public record Inlink(long sourceId, String sourceUrl, String anchor, String type,
            boolean nofollow) {}

    /**
     * A link on the page.
     *
     * @param targetId the target's id, 0 for an href that is not a URL
     * @param status the target's status as rows show it ("404", "Blocked", "not fetched")
     * @param broken whether the target is broken
     */
    public record Outlink(long targetId, String url, String status, boolean broken,
            String anchor, String type, boolean nofollow) {}

    /**
     * One URL in detail.
     *
     * @param row its row, null when the file does not hold the id
     * @param inlinks links to it, at most the limit asked for, in the order the pages finished
     * @param inlinkTotal how many links to it there are in all
     * @param outlinks links on it in page order, at most the limit
     * @param outlinkTotal how many there are in all
     * @param chain its redirect chain (one hop when it does not redirect)
     * @param headers its response header fields, one {@code name: value} per line, or ""
     */
    public record Details(UrlQuery.Row row, List<Inlink> inlinks, long inlinkTotal,
            List<Outlink> outlinks, long outlinkTotal, RedirectChains.Chain chain,
            String headers) {
        public Details {
            inlinks = List.copyOf(inlinks);
            outlinks = List.copyOf(outlinks);
        }
    }

    /**
     * The first pages linking to a URL, in the order they finished: from the URL's links
     * (through {@code links_by_target}), all of them sorted. Fine for a URL few pages link to;
     * for one that every page links to (a home page: a million rows on a million-page crawl,
     * ~1.5 s, with the table's reads waiting behind it) {@link #INLINKS_IN_PAGE_ORDER} stops
     * after the first few.
     */
    static final String INLINKS_BY_TARGET = "SELECT s.id, s.url, l.anchor, l.type, l.nofollow "
            + "FROM links l JOIN urls s ON s.id = l.source_id WHERE l.target_id = ? "
            + "ORDER BY s.seq, l.pos LIMIT ?";
    /** The same rows, from the pages in the order they finished, each looked up by index. */
    static final String INLINKS_IN_PAGE_ORDER = "SELECT s.id, s.url, l.anchor, l.type, "
            + "l.nofollow FROM urls s CROSS JOIN links l ON l.source_id = s.id "
            + "WHERE l.target_id = ? AND s.seq IS NOT NULL ORDER BY s.seq, l.pos LIMIT ?";
    static final String INLINK_URLS_BY_TARGET = "SELECT s.url FROM urls s WHERE s.id IN "
            + "(SELECT source_id FROM links WHERE target_id = ?) ORDER BY s.seq LIMIT ?";
    static final String INLINK_URLS_IN_PAGE_ORDER = "SELECT s.url FROM urls s "
            + "WHERE EXISTS (SELECT 1 FROM links l WHERE l.target_id = ? AND l.source_id = s.id) "
            + "AND s.seq IS NOT NULL ORDER BY s.seq LIMIT ?";

    private final CrawlReader reader;
    private final UrlQuery urls;

    public UrlDetails(CrawlReader reader) throws StoreException {
        this.reader = reader;
        this.urls = new UrlQuery(reader);
    }

    /**
     * The details of one URL.
     *
     * @param limit the most inlinks and outlinks to read (the totals say how many there are)
     */
    public Details of(long id, int limit) throws StoreException {
        List<UrlQuery.Row> rows = urls.rows(new long[] {id});
        UrlQuery.Row row = rows.isEmpty() ? null : rows.get(0);
        List<Inlink> in = new ArrayList<>();
        reader.query(manyInlinks(id, limit) ? INLINKS_IN_PAGE_ORDER : INLINKS_BY_TARGET,
                rs -> in.add(new Inlink(rs.getLong(1),
                        rs.getString(2), nullToEmpty(rs.getString(3)), rs.getString(4),
                        rs.getInt(5) != 0)), id, limit);
        long inTotal = in.size() < limit ? in.size()
                : count("SELECT COUNT(*) FROM links WHERE target_id = ?", id);
        List<Outlink> read = new ArrayList<>();
        List<RedirectChains.Node> redirecting = new ArrayList<>();
        reader.query("SELECT t.id, t.url, t.state, t.status, t.error, t.skip_reason, l.anchor, "
                + "l.type, l.nofollow, l.pos, 0, t.redirect_to, t.flags, NULL FROM links l "
                + "JOIN urls t ON t.id = l.target_id WHERE l.source_id = ? "
                + "UNION ALL SELECT 0, i.href, 1, 0, 'INVALID_URL', NULL, i.anchor, i.type, 0, "
                + "i.pos, 1, NULL, 0, i.reason FROM invalid_links i WHERE i.source_id = ? "
                + "ORDER BY 10, 11 LIMIT ?", rs -> {
                    boolean fetched = rs.getInt(3) == Schema.DONE;
                    int status = rs.getInt(4);
                    String error = rs.getString(5);
                    String skip = rs.getString(6);
                    ErrorKind kind = error == null ? null : ErrorKind.valueOf(error);
                    SkipReason why = skip == null ? null : SkipReason.valueOf(skip);
                    String redirectTo = rs.getString(12);
                    RedirectChains.Node n = new RedirectChains.Node(rs.getLong(1),
                            rs.getString(2), fetched, status, kind, "", why, redirectTo, 0,
                            (rs.getInt(13) & Schema.ACCEPTED) != 0);
                    if (fetched && !n.redirectTo().isEmpty() && kind == null) {
                        redirecting.add(n); // broken or not as its chain ends: read below
                    }
                    read.add(new Outlink(rs.getLong(1), rs.getString(2),
                            rs.getInt(11) == 1 ? notAUrl(rs.getString(14)) : n.statusText(),
                            n.broken(),
                            nullToEmpty(rs.getString(7)), rs.getString(8), rs.getInt(9) != 0));
                }, id, id, limit);
        List<Outlink> out = redirecting.isEmpty() ? read : throughChains(read, redirecting);
        long outTotal = out.size() < limit ? out.size()
                : count("SELECT (SELECT COUNT(*) FROM links WHERE source_id = ?) + "
                        + "(SELECT COUNT(*) FROM invalid_links WHERE source_id = ?)", id, id);
        String[] headers = {""};
        reader.query("SELECT fields FROM headers WHERE url_id = ?",
                rs -> headers[0] = nullToEmpty(rs.getString(1)), id);
        return new Details(row, in, inTotal, out, outTotal, urls.chain(id), headers[0]);
    }

    /**
     * The status of an href that is no URL among a page's outlinks: what is wrong with it in
     * the Broken links tab's words ("Bad email address", "file: link", "Malformed URL"), or
     * "Not a URL" when the file holds no reason.
     */
    static String notAUrl(String reason) {
        String brief = BrokenLink.inBrief(reason == null ? "" : reason);
        return brief.isEmpty() ? "Not a URL" : brief;
    }

    /**
     * The pages on which an href that is no URL is written (it has no row of its own).
     *
     * @param pages each page with the link's anchor text and type, at most the limit asked
     *     for, in the order the pages finished
     * @param total how many times it is written in all
     */
    public record HrefPages(List<Inlink> pages, long total) {
        public HrefPages {
            pages = List.copyOf(pages);
        }
    }

    /**
     * The pages on which this href that is no URL is written ({@code invalid_links}, scanned:
     * such hrefs are few), as a URL's inlinks are read.
     */
    public HrefPages pagesWriting(String href, int limit) throws StoreException {
        List<Inlink> in = new ArrayList<>();
        reader.query("SELECT s.id, s.url, i.anchor, i.type FROM invalid_links i JOIN urls s "
                + "ON s.id = i.source_id WHERE i.href = ? ORDER BY s.seq, i.pos LIMIT ?",
                rs -> in.add(new Inlink(rs.getLong(1), rs.getString(2),
                        nullToEmpty(rs.getString(3)), rs.getString(4), false)), href, limit);
        long total = in.size() < limit ? in.size()
                : count("SELECT COUNT(*) FROM invalid_links WHERE href = ?", href);
        return new HrefPages(in, total);
    }

    /** Up to this many redirecting outlinks, each chain is read on its own. */
    private static final int FEW_CHAINS = 20;

    /**
     * The outlinks with those to a redirect marked as the broken links list and the URL table
     * mark them: broken when the chain ends broken, in a loop or too long; a loop or too many
     * redirects named as the table names them, a chain ending broken as "301 → 404".
     */
    private List<Outlink> throughChains(List<Outlink> out, List<RedirectChains.Node> redirecting)
            throws StoreException {
        Map<Long, RedirectChains.Chain> chains = new HashMap<>();
        // a few chains are walked row by row; a page of many redirecting links (an http site
        // whose links all go to https) reads the crawl's redirects once instead
        Map<Long, RedirectChains.Node> graph = redirecting.size() > FEW_CHAINS
                ? reader.redirects() : null;
        for (RedirectChains.Node n : redirecting) {
            if (!chains.containsKey(n.id())) {
                RedirectChains.Node first = graph == null ? null : graph.get(n.id());
                chains.put(n.id(), first == null ? urls.chain(n.id())
                        : RedirectChains.follow(first, graph::get));
            }
        }
        List<Outlink> marked = new ArrayList<>(out.size());
        for (Outlink o : out) {
            RedirectChains.Chain c = chains.get(o.targetId());
            if (c == null || !c.broken()) {
                marked.add(o);
                continue;
            }
            RedirectChains.Node last = c.last();
            String status = c.failsInItself() ? c.error().label()
                    : o.status() + " → " + (last.error() != null && last.status() >= 300
                            && last.status() < 400 ? last.error().label() : last.statusText());
            marked.add(new Outlink(o.targetId(), o.url(), status, true, o.anchor(), o.type(),
                    o.nofollow()));
        }
        return marked;
    }

    /** Every page linking to the URL, as text (one URL per line), at most {@code limit}. */
    public List<String> inlinkUrls(long id, int limit) throws StoreException {
        List<String> out = new ArrayList<>();
        reader.query(manyInlinks(id, limit) ? INLINK_URLS_IN_PAGE_ORDER : INLINK_URLS_BY_TARGET,
                rs -> out.add(rs.getString(1)), id, limit);
        return out;
    }

    /**
     * Whether to read a URL's first inlinks page by page: when many pages link to it, the
     * first {@code limit} come early in the pages' order; when few do, reading all of them
     * by target is cheaper than looking at every page.
     */
    static boolean inPageOrder(long inlinks, int limit) {
        return inlinks > 20L * limit;
    }

    /** {@link #inPageOrder} for a stored URL, by its inlink count. */
    private boolean manyInlinks(long id, int limit) throws StoreException {
        return inPageOrder(count("SELECT inlinks FROM urls WHERE id = ?", id), limit);
    }

    private long count(String sql, Object... args) throws StoreException {
        long[] n = {0};
        reader.query(sql, rs -> n[0] = rs.getLong(1), args);
        return n[0];
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
