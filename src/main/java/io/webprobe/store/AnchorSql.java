package io.webprobe.store;

/**
 * The SQL that judges a crawl file's link fragments: a fragment a page's link names is
 * missing when its target is a page of the site the crawl read for anchors (flag
 * {@link Schema#ANCHORS_LISTED}, not {@link Schema#ANCHORS_CUT}) that still stands as it
 * answered then (200), and that page defines no anchor with the fragment's name, as the URL
 * holds it or percent-decoded ({@code io.webprobe.crawl.Anchors}). Run on the file, as the
 * crawl ends or whenever asked, so no list of every anchor is ever held in memory: each
 * fragment is one lookup in the {@code anchors} table's primary key.
 */
final class AnchorSql {
    private AnchorSql() {}

    private static final String MISSING_FROM = "FROM link_fragments f "
            + "JOIN urls t ON t.id = f.target_id "
            + "WHERE (t.flags & " + (Schema.ANCHORS_LISTED | Schema.ANCHORS_CUT) + ") = "
            + Schema.ANCHORS_LISTED + " AND t.state = 1 AND t.status = 200 "
            + "AND NOT EXISTS (SELECT 1 FROM anchors a WHERE a.url_id = f.target_id "
            + "AND a.name = f.fragment) "
            + "AND (f.decoded IS NULL OR NOT EXISTS (SELECT 1 FROM anchors a "
            + "WHERE a.url_id = f.target_id AND a.name = f.decoded)) ";

    /**
     * Every missing anchor: the linking page, the target, its status, the fragment and the
     * link's text, in the order the linking pages finished, then in page order.
     */
    static final String MISSING = "SELECT s.url, t.url, t.status, f.fragment, f.anchor "
            + MISSING_FROM.replace("WHERE", "JOIN urls s ON s.id = f.source_id WHERE")
            + "ORDER BY s.seq, f.pos";

    /** How many there are. */
    static final String COUNT = "SELECT count(*) " + MISSING_FROM;
}
