package io.webprobe.store;

/**
 * The SQL that finds a crawl file's broken links: the links to broken or redirecting targets,
 * the hrefs that are not URLs, and the broken URLs a sitemap or a list check's list names.
 * {@link CrawlReader} runs it and follows the redirect chains in memory.
 */
final class BrokenLinkSql {
    private BrokenLinkSql() {}

    static final String IS_BROKEN = "(t.skip_reason IS NULL AND (" + Schema.brokenStatus("t")
            + " OR (t.error IS NOT NULL AND t.error <> 'CANCELLED')))";

    /** A URL whose links may be broken: broken itself, or redirecting (its chain decides). */
    private static final String CANDIDATE = "t.state = 1 AND (" + IS_BROKEN
            + " OR t.redirect_to IS NOT NULL)";

    /** The columns of a broken link's row after its source: the target's node, anchor, type. */
    private static final String TARGET = "t.id, t.url, t.state, t.status, t.error, "
            + "t.error_message, t.skip_reason, t.redirect_to, t.redirect_id, t.flags, ";

    /**
     * Which links of the page {@code l.source_id} to {@code t} can be broken links: a page's
     * link to itself (href="#top") is never broken: the page answered, its links were read;
     * only its meta refresh's chain could call it broken.
     */
    private static final String LINK_WHERE = "l.type <> 'redirect' "
            + "AND l.source_id <> l.target_id ";

    /**
     * The links to broken or redirecting targets (kind 0), each with the page's seq and the
     * link's position. {@code CROSS JOIN} makes SQLite start from the targets (a scan of the
     * URLs, few of which qualify) and reach their links through {@code links_by_target}; left to
     * itself it scanned every link and looked up each target: 0.5 s on 440,000 links, 17 ms this
     * way, and on a million pages the difference between seconds and minutes at each export and
     * at the end of a crawl. Ends with a condition: {@code AND ...} narrows it.
     */
    static final String LINK_ROWS = "SELECT s.seq, 0, l.pos, s.url, " + TARGET
            + "l.anchor, l.type "
            + "FROM urls t CROSS JOIN links l ON l.target_id = t.id "
            + "JOIN urls s ON s.id = l.source_id "
            + "WHERE " + LINK_WHERE + "AND " + CANDIDATE + " ";

    /** The hrefs that are not URLs (kind 1), as {@link #LINK_ROWS} reads a link. */
    static final String INVALID_ROWS = "SELECT s.seq, 1, i.pos, s.url, 0, i.href, 1, NULL, "
            + "'INVALID_URL', i.reason, NULL, NULL, NULL, 0, i.anchor, i.type "
            + "FROM invalid_links i JOIN urls s ON s.id = i.source_id ";

    /** Which URLs a sitemap lists: the sitemap's broken link when it is broken. */
    private static final String SITEMAP_WHERE = "(t.flags & " + Schema.IN_SITEMAP + ") <> 0 ";

    /**
     * The broken URLs the sitemaps list (kind 2): a URL the sitemaps list is linked from them:
     * listed broken, it is their broken link. Ends with a condition.
     */
    static final String SITEMAP_ROWS = "SELECT t.seq, 2, 0, '" + CrawlReader.SITEMAP_SOURCE
            + "', " + TARGET + "'', 'sitemap' FROM urls t WHERE " + SITEMAP_WHERE + "AND "
            + CANDIDATE + " ";

    /** Which URLs a list check's list holds: those no other URL led to. */
    private static final String LIST_WHERE = "t.referrer_id IS NULL ";

    /**
     * A list check's listed URLs (kind 3): a listed URL (one no other URL led to) is linked from
     * the list, as a sitemap's URL is from the sitemap, so a listed URL that is broken, or whose
     * redirects end broken, is the list's broken link. Ends with a condition.
     */
    static final String LIST_ROWS = "SELECT t.seq, 3, 0, '" + CrawlReader.LIST_SOURCE + "', "
            + TARGET + "'', 'list' FROM urls t WHERE " + LIST_WHERE + "AND " + CANDIDATE + " ";

    /** Every broken link's row, in the order the pages finished, then page order. */
    static final String BROKEN_LINKS = LINK_ROWS + "UNION ALL " + INVALID_ROWS + "UNION ALL "
            + SITEMAP_ROWS + "ORDER BY 1, 2, 3";

    /** {@link #BROKEN_LINKS} for a list check: with the list's links. */
    static final String LIST_BROKEN_LINKS = LINK_ROWS + "UNION ALL " + INVALID_ROWS
            + "UNION ALL " + SITEMAP_ROWS + "UNION ALL " + LIST_ROWS + "ORDER BY 1, 2, 3";

    /**
     * Where a row of {@link #BROKEN_LINKS} comes in its order, as one number: its page's (or
     * its URL's) seq, its kind and its position, for {@link #firstLinks}.
     */
    private static String orderKey(String seq, int kind, String pos) {
        return "(((" + seq + ") * 4 + " + kind + ") << 31) + " + pos;
    }

    /** The kind of row an {@link #orderKey} was made from. */
    static int kindOf(long orderKey) {
        return (int) (orderKey >>> 31) & 3;
    }

    /** No row: larger than any {@link #orderKey}. */
    static final long NO_ROW = Long.MAX_VALUE;

    private static final String NONE = Long.toString(NO_ROW);

    /**
     * Every URL that may have broken links (its node's columns, from 1), with where its first
     * row of {@link #BROKEN_LINKS} comes (col 11, an {@link #orderKey}), whether the sitemaps
     * list it (12) and whether the list checked holds it (13; in a list check, {@code list} is
     * 1; a URL none of these link to comes last, its key {@link Long#MAX_VALUE}: a filter
     * here would evaluate its first link twice); then every href that is not a URL (col 2, the
     * href; the rest as a URL's), in the order of their first rows. A URL's first link is
     * found through {@code links_by_target}, URL by URL, so no broken link but each URL's
     * first is read whole, and the broken URLs are sorted, not their links.
     */
    static String firstLinks(boolean list) {
        String listed = list ? "(" + LIST_WHERE + ")" : "0";
        return "SELECT " + TARGET + "min(COALESCE((SELECT MIN("
                + orderKey("s.seq", 0, "l.pos") + ") FROM links l JOIN urls s ON s.id = "
                + "l.source_id WHERE l.target_id = t.id AND " + LINK_WHERE + "), " + NONE
                + "), CASE WHEN " + SITEMAP_WHERE + " THEN " + orderKey("t.seq", 2, "0")
                + " ELSE " + NONE + " END, CASE WHEN " + listed + " THEN "
                + orderKey("t.seq", 3, "0") + " ELSE " + NONE + " END) AS k, "
                + "(" + SITEMAP_WHERE + ") AS sitemap, " + listed + " AS listed "
                + "FROM urls t WHERE " + CANDIDATE + " "
                + "UNION ALL SELECT 0, i.href, 1, NULL, 'INVALID_URL', MIN(i.reason), NULL, "
                + "NULL, NULL, 0, MIN(" + orderKey("s.seq", 1, "i.pos") + ") AS k, 0, 0 "
                + "FROM invalid_links i JOIN urls s ON s.id = i.source_id GROUP BY i.href "
                + "ORDER BY 11";
    }

    /**
     * SQLite's page cache for {@link #firstLinks}, in KiB: it looks up every link's row and its
     * page's, at random across the file; with the default 2 MB each lookup read the file
     * again (on 800,000 broken links, 2.6 s of system time).
     */
    static final int FIRST_LINKS_CACHE_KB = 32 * 1024;

    /** How many links a URL's row of {@link #firstLinks} has, and from how many pages. */
    static final String LINKS_TO = "SELECT COUNT(*), COUNT(DISTINCT l.source_id) FROM links l "
            + "WHERE l.target_id = ? AND " + LINK_WHERE;

    /** How many times an href that is not a URL is written, and on how many pages. */
    static final String INVALID_HREFS = "SELECT COUNT(*), COUNT(DISTINCT i.source_id) "
            + "FROM invalid_links i WHERE i.href = ?";

    /** The first row of {@link #BROKEN_LINKS} of an {@link #orderKey}'s kind, for a URL. */
    static String firstRow(int kind) {
        return switch (kind) {
            case 0 -> LINK_ROWS + "AND t.id = ? ORDER BY 1, 3 LIMIT 1";
            case 1 -> INVALID_ROWS + "WHERE i.href = ? ORDER BY 1, 3 LIMIT 1";
            case 2 -> SITEMAP_ROWS + "AND t.id = ?";
            default -> LIST_ROWS + "AND t.id = ?";
        };
    }
}
