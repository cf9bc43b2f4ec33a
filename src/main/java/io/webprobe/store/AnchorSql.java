package io.webprobe.store;

import io.webprobe.http.HttpProbe;

/**
 * The SQL that judges a crawl file's link fragments: a fragment a page's link names is
 * missing when its target is a page of the site the crawl read for anchors (flag
 * {@link Schema#ANCHORS_LISTED}, not {@link Schema#ANCHORS_CUT}) that still stands as it
 * answered then (200), and that page defines no anchor with the fragment's name, as the URL
 * holds it or percent-decoded ({@code io.webprobe.crawl.Anchors}). Run on the file, as the
 * crawl ends or whenever asked, so no list of every anchor is ever held in memory: each
 * fragment is one lookup in the {@code anchors} table's primary key.
 *
 * <p>A link to a URL that redirects is judged where its redirects end, as a browser carries a
 * fragment over a redirect (Fetch): through HTTP 3xx hops the crawl followed, to the page at
 * the end. A hop whose Location has a fragment of its own replaces the link's: the link's
 * fragment is not judged, the Location's is, once, as a link of the redirecting URL (a row
 * of {@code link_fragments} from it; an empty fragment when the Location's always finds its
 * place). A chain that ends broken is a broken link already, and a loop or too many hops end
 * at a URL that still redirects: neither is judged. The hops are walked in SQL, from every
 * redirecting URL of the site at most {@link HttpProbe#MAX_REDIRECTS} lookups by id.
 */
final class AnchorSql {
    private AnchorSql() {}

    /**
     * Whether the URL {@code a} hands a link's fragment on to where it redirects: an HTTP 3xx
     * the crawl followed (a meta refresh is a page: its own anchors are judged), whose Location
     * has no fragment of its own.
     */
    private static String carries(String a) {
        return "(" + a + ".state = 1 AND " + a + ".status >= 300 AND " + a + ".status < 400 "
                + "AND " + a + ".redirect_id IS NOT NULL AND " + a + ".error IS NULL "
                + "AND " + a + ".skip_reason IS NULL AND NOT EXISTS (SELECT 1 FROM "
                + "link_fragments o WHERE o.source_id = " + a + ".id))";
    }

    /**
     * {@code ends(first, last)}: for every URL that carries a fragment on, the URL its
     * redirects end at (none for a loop or a chain of too many).
     */
    private static final String ENDS = "WITH RECURSIVE hop(first, at, n) AS ("
            + "SELECT r.id, r.redirect_id, 1 FROM urls r WHERE " + carries("r") + " "
            + "UNION ALL SELECT h.first, r.redirect_id, h.n + 1 FROM hop h "
            + "JOIN urls r ON r.id = h.at WHERE h.n < " + HttpProbe.MAX_REDIRECTS + " AND "
            + carries("r") + "), "
            + "ends(first, last) AS MATERIALIZED (SELECT h.first, h.at FROM hop h "
            + "JOIN urls e ON e.id = h.at WHERE NOT " + carries("e") + ") ";

    /** The fragments judged, each with the page it is judged on ({@code t}). */
    private static final String JUDGED = "link_fragments f "
            + "LEFT JOIN ends e ON e.first = f.target_id "
            + "JOIN urls t ON t.id = coalesce(e.last, f.target_id) ";

    private static final String MISSING_WHERE = "WHERE f.fragment <> '' AND (t.flags & "
            + (Schema.ANCHORS_LISTED | Schema.ANCHORS_CUT) + ") = "
            + Schema.ANCHORS_LISTED + " AND t.state = 1 AND t.status = 200 "
            + "AND NOT EXISTS (SELECT 1 FROM anchors a WHERE a.url_id = t.id "
            + "AND a.name = f.fragment) "
            + "AND (f.decoded IS NULL OR NOT EXISTS (SELECT 1 FROM anchors a "
            + "WHERE a.url_id = t.id AND a.name = f.decoded)) ";

    /**
     * Every missing anchor: the linking page, the page judged, its status, the fragment, the
     * link's text, and the link's target and its id when it redirected there (else NULL), in
     * the order the linking pages finished, then in page order.
     */
    static final String MISSING = ENDS + "SELECT s.url, t.url, t.status, f.fragment, f.anchor, "
            + "CASE WHEN e.first IS NULL THEN NULL ELSE l.url END, e.first FROM " + JUDGED
            + "JOIN urls s ON s.id = f.source_id JOIN urls l ON l.id = f.target_id "
            + MISSING_WHERE + "ORDER BY s.seq, f.pos";

    /** How many there are. */
    static final String COUNT = ENDS + "SELECT count(*) FROM " + JUDGED + MISSING_WHERE;
}
