package io.webprobe.store;

import io.webprobe.crawl.CrawlResult;
import io.webprobe.crawl.CrawlSink.FragmentLink;
import io.webprobe.crawl.CrawlSink.InvalidHref;
import io.webprobe.crawl.CrawlSink.LinkRow;
import io.webprobe.crawl.CrawlSink.NewUrl;
import io.webprobe.crawl.PageInfo;
import io.webprobe.http.Header;
import io.webprobe.http.ResponseHeaders;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The crawl file writer's prepared statements, batched and run in a fixed order per
 * transaction ({@link #executeAll}), and what they need to know of the rows already written:
 * the URL ids the file holds and the number of the last result. {@link StoreWriter}'s thread
 * only.
 */
final class WriterStatements {
    /** Link rows per multi-row insert (6 parameters each, well under SQLite's 32,766). */
    private static final int LINK_CHUNK = 50;

    /** A link row waiting for its batch's insert. */
    private record BufferedLink(long source, int pos, LinkRow link) {}

    private final Connection conn;
    /** The ids of the URLs the file holds (or this transaction inserts). */
    private final BitSet known = new BitSet();
    /** Pages left with part of their links by an earlier run ({@link Schema#LINKS_PARTIAL}). */
    private final java.util.Set<Long> partial = new java.util.HashSet<>();
    /** The lowest URL id inserted since {@link #takeFirstNew()}. */
    private long firstNew = Long.MAX_VALUE;
    /** The completion order of the last result written. */
    private long seq;

    private final PreparedStatement newUrl;
    private final PreparedStatement result;
    private final PreparedStatement recheck;
    private final PreparedStatement link;
    private final PreparedStatement inlinks;
    private final PreparedStatement invalid;
    private final PreparedStatement headers;
    private final PreparedStatement flag;
    private final PreparedStatement meta;
    private final PreparedStatement counted;
    private final PreparedStatement uncounted;
    private final PreparedStatement spill;
    private final PreparedStatement unspill;
    private final PreparedStatement anchor;
    private final PreparedStatement fragment;
    private final List<PreparedStatement> order;
    private final Map<PreparedStatement, Boolean> pending = new HashMap<>();
    private final PreparedStatement linkChunk;
    private final List<BufferedLink> links = new ArrayList<>();

    WriterStatements(Connection c) throws SQLException {
        this.conn = c;
        newUrl = c.prepareStatement("INSERT OR IGNORE INTO urls (id, key, url, depth, "
                + "referrer_id, flags, state) VALUES (?, ?, ?, ?, ?, ?, 0)");
        // a row asked again (a cookie's revisit) keeps its place in the crawl's order, as a
        // re-check's does: the window, reading what finished since its last read, would take
        // it twice (OverviewCounts counts afresh instead: REVISITS)
        result = c.prepareStatement("UPDATE urls SET state = 1, seq = COALESCE(seq, ?), "
                + "status = ?, "
                + "error = ?, error_message = ?, content_type = ?, size_bytes = ?, "
                + "response_ms = ?, title = ?, outlinks = ?, redirect_to = ?, "
                + "redirect_id = ?, canonical = ?, meta_description = ?, h1 = ?, "
                + "word_count = ?, meta_robots = ?, robots_header = ?, skip_reason = ?, "
                + "retries = ?, retry_status = ?, fetched_at = ?, flags = (flags & ~"
                + (Schema.TRUNCATED | Schema.REVISIT | Schema.ACCEPTED | Schema.ANCHORS_LISTED
                        | Schema.ANCHORS_CUT | Schema.LINKS_PARTIAL) + ") | ? WHERE id = ?");
        recheck = c.prepareStatement("UPDATE urls SET status = ?, error = ?, "
                + "error_message = ?, content_type = ?, size_bytes = ?, response_ms = ?, "
                + "title = ?, outlinks = ?, redirect_to = ?, redirect_id = (SELECT r.id FROM "
                + "urls r WHERE r.key = ?), canonical = ?, meta_description = ?, h1 = ?, "
                + "word_count = ?, meta_robots = ?, robots_header = ?, skip_reason = ?, "
                + "retries = ?, retry_status = ?, fetched_at = ?, flags = (flags & ~"
                + (Schema.TRUNCATED | Schema.ACCEPTED) + ") | ? WHERE id = ? AND state = 1");
        link = c.prepareStatement("INSERT OR IGNORE INTO links (source_id, pos, target_id, "
                + "type, anchor, nofollow) VALUES (?, ?, ?, ?, ?, ?)");
        linkChunk = c.prepareStatement("INSERT OR IGNORE INTO links (source_id, pos, "
                + "target_id, type, anchor, nofollow) VALUES "
                + String.join(", ", Collections.nCopies(LINK_CHUNK,
                        "(?, ?, ?, ?, ?, ?)")));
        inlinks = c.prepareStatement("UPDATE urls SET inlinks = inlinks + ? WHERE id = ?");
        invalid = c.prepareStatement("INSERT OR IGNORE INTO invalid_links (source_id, pos, "
                + "href, anchor, type, reason) VALUES (?, ?, ?, ?, ?, ?)");
        headers = c.prepareStatement("INSERT OR REPLACE INTO headers (url_id, fields) "
                + "VALUES (?, ?)");
        flag = c.prepareStatement("UPDATE urls SET flags = flags | ? WHERE id = ?");
        meta = c.prepareStatement("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
        counted = c.prepareStatement("INSERT OR IGNORE INTO skips (key, reason) VALUES (?, ?)");
        uncounted = c.prepareStatement("DELETE FROM skips WHERE key = ?");
        spill = c.prepareStatement("INSERT OR REPLACE INTO spill (chunk, items) VALUES (?, ?)");
        unspill = c.prepareStatement("DELETE FROM spill WHERE chunk = ?");
        anchor = c.prepareStatement("INSERT OR IGNORE INTO anchors (url_id, name) "
                + "VALUES (?, ?)");
        fragment = c.prepareStatement("INSERT OR IGNORE INTO link_fragments (source_id, "
                + "target_id, fragment, decoded, anchor, pos) VALUES (?, ?, ?, ?, ?, ?)");
        // rows before what refers to them; deletes after inserts
        order = List.of(newUrl, result, recheck, link, inlinks, invalid, headers, flag, meta,
                counted, uncounted, spill, unspill, anchor, fragment);
        seq = Sql.longValue(c, "SELECT COALESCE(MAX(seq), 0) FROM urls");
        try (var s = c.createStatement();
                var rs = s.executeQuery("SELECT id, flags FROM urls")) {
            while (rs.next()) {
                known.set(Math.toIntExact(rs.getLong(1)));
                if ((rs.getInt(2) & Schema.LINKS_PARTIAL) != 0) {
                    partial.add(rs.getLong(1));
                }
            }
        }
    }

    /**
     * Whether the file holds links of this page written in parts by an earlier run that did
     * not write its visit (it stopped midway); asking forgets it.
     */
    boolean takePartial(long id) {
        return !partial.isEmpty() && partial.remove(id);
    }

    /** Whether the file holds this URL id, or this transaction inserts it. */
    boolean isKnown(long id) {
        return known.get(Math.toIntExact(id));
    }

    void newUrl(NewUrl u, long at) throws SQLException {
        known.set(Math.toIntExact(u.id()));
        firstNew = Math.min(firstNew, u.id());
        newUrl.setLong(1, u.id());
        newUrl.setString(2, u.key());
        newUrl.setString(3, u.url());
        newUrl.setInt(4, u.depth());
        if (u.referrerId() > 0) {
            newUrl.setLong(5, u.referrerId());
        } else {
            newUrl.setNull(5, Types.INTEGER);
        }
        newUrl.setInt(6, (u.external() ? Schema.EXTERNAL : 0)
                | (u.startChain() ? Schema.START_CHAIN : 0)
                | (u.inSitemap() ? Schema.IN_SITEMAP : 0));
        add(newUrl);
        if (u.row() != null) {
            result(u.id(), u.row(), 0, at);
        }
    }

    /** A URL's result, numbered in the order results are written. */
    void result(long id, CrawlResult r, long redirectId, long at) throws SQLException {
        result.setLong(1, ++seq);
        int i = bindAnswer(result, 2, r);
        if (redirectId > 0) {
            result.setLong(i++, redirectId);
        } else {
            result.setNull(i++, Types.INTEGER);
        }
        i = bindPage(result, i, r, at);
        result.setLong(i, id);
        add(result);
    }

    void recheck(long id, CrawlResult r, String redirectKey, long at) throws SQLException {
        int i = bindAnswer(recheck, 1, r);
        recheck.setString(i++, redirectKey); // the subquery finds the id by key
        i = bindPage(recheck, i, r, at);
        recheck.setLong(i, id);
        add(recheck);
    }

    /** Binds status to redirect_to (the columns both statements share, in order). */
    private int bindAnswer(PreparedStatement ps, int first, CrawlResult r)
            throws SQLException {
        int i = first;
        setIntOrNull(ps, i++, r.status());
        ps.setString(i++, r.error() == null ? null : r.error().name());
        ps.setString(i++, emptyToNull(r.errorMessage()));
        ps.setString(i++, emptyToNull(r.contentType()));
        if (r.sizeBytes() >= 0) {
            ps.setLong(i++, r.sizeBytes());
        } else {
            ps.setNull(i++, java.sql.Types.INTEGER); // not known (a HEAD without a length)
        }
        ps.setLong(i++, r.responseMillis());
        ps.setString(i++, emptyToNull(r.title()));
        ps.setInt(i++, r.outlinks());
        ps.setString(i++, emptyToNull(r.redirectTo()));
        return i;
    }

    /** Binds canonical to the flags (truncated, accepted; after the redirect target's id). */
    private int bindPage(PreparedStatement ps, int first, CrawlResult r, long at)
            throws SQLException {
        PageInfo p = r.page();
        int i = first;
        ps.setString(i++, emptyToNull(p.canonical()));
        ps.setString(i++, emptyToNull(p.metaDescription()));
        ps.setString(i++, emptyToNull(p.h1()));
        ps.setInt(i++, p.wordCount());
        ps.setString(i++, emptyToNull(p.metaRobots()));
        ps.setString(i++, emptyToNull(p.robotsHeader()));
        ps.setString(i++, r.skipped() == null ? null : r.skipped().name());
        ps.setInt(i++, r.retries());
        setIntOrNull(ps, i++, r.retriedStatus());
        ps.setLong(i++, at);
        ps.setInt(i++, (r.truncated() ? Schema.TRUNCATED : 0)
                | (r.accepted() ? Schema.ACCEPTED : 0));
        return i;
    }

    void link(long source, int pos, LinkRow l) {
        links.add(new BufferedLink(source, pos, l));
        pending.put(link, Boolean.TRUE);
    }

    /**
     * Writes the buffered links {@link #LINK_CHUNK} rows per statement: one step of
     * SQLite's per statement instead of per row (a page has ~20 links; they are most of
     * the file's rows).
     */
    private void writeLinks() throws SQLException {
        int n = links.size();
        int i = 0;
        for (; i + LINK_CHUNK <= n; i += LINK_CHUNK) {
            int p = 1;
            for (int k = i; k < i + LINK_CHUNK; k++) {
                p = bindLink(linkChunk, p, links.get(k));
            }
            linkChunk.executeUpdate();
        }
        for (; i < n; i++) {
            bindLink(link, 1, links.get(i));
            link.addBatch();
        }
        links.clear();
        link.executeBatch();
    }

    private static int bindLink(PreparedStatement ps, int p, BufferedLink b)
            throws SQLException {
        ps.setLong(p++, b.source());
        ps.setInt(p++, b.pos());
        ps.setLong(p++, b.link().targetId());
        ps.setString(p++, b.link().type());
        ps.setString(p++, emptyToNull(b.link().anchor()));
        ps.setInt(p++, b.link().nofollow() ? 1 : 0);
        return p;
    }

    void inlinks(long id, int n) throws SQLException {
        inlinks.setInt(1, n);
        inlinks.setLong(2, id);
        add(inlinks);
    }

    void invalid(long source, int pos, InvalidHref bad) throws SQLException {
        invalid.setLong(1, source);
        invalid.setInt(2, pos);
        invalid.setString(3, bad.href());
        invalid.setString(4, emptyToNull(bad.anchor()));
        invalid.setString(5, bad.type());
        invalid.setString(6, bad.reason());
        add(invalid);
    }

    /** A URL's response header fields, a line {@code name: value} each. */
    void headers(long id, List<Header> fields) throws SQLException {
        headers.setLong(1, id);
        headers.setString(2, ResponseHeaders.of(fields).text());
        add(headers);
    }

    /** An anchor (an id, an a element's name) a page defines. */
    void anchor(long id, String name) throws SQLException {
        anchor.setLong(1, id);
        anchor.setString(2, name);
        add(anchor);
    }

    /** A fragment a page's link names, the {@code pos}-th of the page. */
    void fragment(long source, int pos, FragmentLink f) throws SQLException {
        fragment.setLong(1, source);
        fragment.setLong(2, f.targetId());
        fragment.setString(3, f.fragment());
        fragment.setString(4, f.decoded());
        fragment.setString(5, emptyToNull(f.anchor()));
        fragment.setInt(6, pos);
        add(fragment);
    }

    void flag(long id, int bit) throws SQLException {
        flag.setInt(1, bit);
        flag.setLong(2, id);
        add(flag);
    }

    /**
     * Counts a row asked again ({@link Schema#REVISITS_KEY}), at once, in the transaction of
     * its new result.
     */
    void revisited() throws SQLException {
        try (PreparedStatement up = conn.prepareStatement("INSERT INTO meta (key, value) "
                + "VALUES ('" + Schema.REVISITS_KEY + "', '1') ON CONFLICT (key) DO UPDATE "
                + "SET value = CAST(value AS INTEGER) + 1")) {
            up.executeUpdate();
        }
    }

    void meta(String key, String value) throws SQLException {
        meta.setString(1, key);
        meta.setString(2, value);
        add(meta);
    }

    void counted(String key, String reason) throws SQLException {
        if (reason == null) {
            uncounted.setString(1, key);
            add(uncounted);
        } else {
            counted.setString(1, key);
            counted.setString(2, reason);
            add(counted);
        }
    }

    void spill(long chunk, byte[] items) throws SQLException {
        spill.setLong(1, chunk);
        spill.setBytes(2, items);
        add(spill);
    }

    void unspill(long chunk) throws SQLException {
        unspill.setLong(1, chunk);
        add(unspill);
    }

    private void add(PreparedStatement s) throws SQLException {
        s.addBatch();
        pending.put(s, Boolean.TRUE);
    }

    /**
     * The lowest URL id inserted since the last call ({@link Long#MAX_VALUE} when none): the
     * URLs whose rows the open transaction wrote.
     */
    long takeFirstNew() {
        long first = firstNew;
        firstNew = Long.MAX_VALUE;
        return first;
    }

    void executeAll() throws SQLException {
        for (PreparedStatement s : order) {
            if (pending.remove(s) != null) {
                if (s == link) {
                    writeLinks();
                } else {
                    s.executeBatch();
                }
            }
        }
    }

    /**
     * Removes a page's links (and the inlinks they gave), its anchors and its links' fragments
     * at once, not batched.
     */
    void forgetLinksOf(long source) throws SQLException {
        try (PreparedStatement down = conn.prepareStatement("UPDATE urls SET inlinks = "
                + "inlinks - 1 WHERE id IN (SELECT target_id FROM links WHERE source_id = ?)");
                PreparedStatement links = conn.prepareStatement(
                        "DELETE FROM links WHERE source_id = ?");
                PreparedStatement bad = conn.prepareStatement(
                        "DELETE FROM invalid_links WHERE source_id = ?");
                PreparedStatement names = conn.prepareStatement(
                        "DELETE FROM anchors WHERE url_id = ?");
                PreparedStatement fragments = conn.prepareStatement(
                        "DELETE FROM link_fragments WHERE source_id = ?");
                PreparedStatement unlisted = conn.prepareStatement("UPDATE urls SET flags = "
                        + "flags & ~" + (Schema.ANCHORS_LISTED | Schema.ANCHORS_CUT)
                        + " WHERE id = ?")) {
            for (PreparedStatement s : List.of(down, links, bad, names, fragments, unlisted)) {
                s.setLong(1, source);
                s.executeUpdate();
            }
        }
    }

    void closeQuietly() {
        List<PreparedStatement> all = new ArrayList<>(order);
        all.add(linkChunk);
        for (PreparedStatement s : all) {
            try {
                s.close();
            } catch (SQLException ignored) {
                // closing
            }
        }
    }

    private static void setIntOrNull(PreparedStatement s, int i, int v) throws SQLException {
        if (v > 0) {
            s.setInt(i, v);
        } else {
            s.setNull(i, Types.INTEGER);
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
