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

    /**
     * The links to broken or redirecting targets, then the invalid hrefs. {@code CROSS JOIN}
     * makes SQLite start from the targets (a scan of the URLs, few of which qualify) and reach
     * their links through {@code links_by_target}; left to itself it scanned every link and
     * looked up each target: 0.5 s on 440,000 links, 17 ms this way, and on a million pages
     * the difference between seconds and minutes at each export and at the end of a crawl.
     */
    static final String BROKEN_LINKS = "SELECT s.seq, 0, l.pos, s.url, t.id, t.url, t.state, "
            + "t.status, t.error, t.error_message, t.skip_reason, t.redirect_to, t.redirect_id, "
            + "t.flags, l.anchor, l.type "
            + "FROM urls t CROSS JOIN links l ON l.target_id = t.id "
            + "JOIN urls s ON s.id = l.source_id "
            + "WHERE l.type <> 'redirect' AND t.state = 1 AND (" + IS_BROKEN
            + " OR t.redirect_to IS NOT NULL) "
            // a page's link to itself (href="#top") is never broken: the page answered, its
            // links were read; only its meta refresh's chain could call it broken
            + "AND l.source_id <> l.target_id "
            + "UNION ALL "
            + "SELECT s.seq, 1, i.pos, s.url, 0, i.href, 1, NULL, 'INVALID_URL', i.reason, "
            + "NULL, NULL, NULL, 0, i.anchor, i.type "
            + "FROM invalid_links i JOIN urls s ON s.id = i.source_id "
            + "UNION ALL "
            // a URL the sitemaps list is linked from them: listed broken, it is their broken link
            + "SELECT t.seq, 2, 0, '" + CrawlReader.SITEMAP_SOURCE + "', t.id, t.url, t.state, t.status, "
            + "t.error, t.error_message, t.skip_reason, t.redirect_to, t.redirect_id, t.flags, "
            + "'', 'sitemap' FROM urls t WHERE (t.flags & " + Schema.IN_SITEMAP + ") <> 0 "
            + "AND t.state = 1 AND (" + IS_BROKEN + " OR t.redirect_to IS NOT NULL) "
            + "ORDER BY 1, 2, 3";


    /**
     * {@link #BROKEN_LINKS} for a list check: a listed URL (one no other URL led to) is linked
     * from the list, as a sitemap's URL is from the sitemap, so a listed URL that is broken, or
     * whose redirects end broken, is the list's broken link.
     */
    static final String LIST_BROKEN_LINKS = BROKEN_LINKS.replace("ORDER BY 1, 2, 3",
            "UNION ALL "
            + "SELECT t.seq, 3, 0, '" + CrawlReader.LIST_SOURCE + "', t.id, t.url, t.state, t.status, "
            + "t.error, t.error_message, t.skip_reason, t.redirect_to, t.redirect_id, t.flags, "
            + "'', 'list' FROM urls t WHERE t.referrer_id IS NULL "
            + "AND t.state = 1 AND (" + IS_BROKEN + " OR t.redirect_to IS NOT NULL) "
            + "ORDER BY 1, 2, 3");
}
