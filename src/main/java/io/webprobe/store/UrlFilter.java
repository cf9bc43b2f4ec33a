package io.webprobe.store;

/**
 * The workspace's ready-made views of a crawl: each is a condition on a finished URL row
 * ({@code urls u}), counted by {@link OverviewCounts} and applied by {@link UrlQuery}. The
 * conditions say in SQL what {@link io.webprobe.crawl.CrawlResult} says in Java (broken,
 * indexable, outcome), so a count and the rows it filters always agree.
 */
public enum UrlFilter {
    ALL("All", "1"),
    INTERNAL("Internal", "(u.flags & " + Schema.EXTERNAL + ") = 0"),
    EXTERNAL("External", "(u.flags & " + Schema.EXTERNAL + ") <> 0"),
    HTML("HTML", UrlFilter.HTML_SQL),
    IMAGES("Images", "u.content_type LIKE 'image/%'"),
    CSS_JS("CSS / JavaScript", "(u.content_type = 'text/css' OR u.content_type LIKE "
            + "'%javascript%' OR u.content_type LIKE '%ecmascript%')"),
    STATUS_2XX("2xx", "u.status BETWEEN 200 AND 299"),
    STATUS_3XX("3xx", "u.status BETWEEN 300 AND 399"),
    STATUS_4XX("4xx", "u.status BETWEEN 400 AND 499"),
    STATUS_5XX("5xx", "u.status >= 500"),
    /** Requests that got no answer (timeouts, refused connections, DNS). */
    ERRORS("No response", "(u.error IS NOT NULL AND COALESCE(u.status, 0) = 0 "
            + "AND u.skip_reason IS NULL AND u.error <> 'CANCELLED')"),
    /**
     * Broken in itself, or a redirect whose chain fails in itself (a loop, too many redirects),
     * as {@link UrlQuery.Row#broken()} says. Not a plain SQL condition (the chain is followed
     * through other rows): it takes every redirect, and {@link UrlQuery} and
     * {@link OverviewCounts} leave out those {@link CrawlReader#redirectsNotBroken()} names.
     * "Broken URLs": beside the Broken links tab's count, "Broken" read as the same thing.
     */
    BROKEN("Broken URLs", "(u.skip_reason IS NULL AND (" + Schema.brokenStatus("u")
            + " OR (u.error IS NOT NULL AND u.error <> 'CANCELLED')) OR u.redirect_to IS NOT NULL)"),
    REDIRECTS("Redirects", "u.redirect_to IS NOT NULL"),
    /** Redirects whose target redirects again. */
    REDIRECT_CHAINS("Redirect chains", "(u.redirect_to IS NOT NULL AND u.redirect_id IN "
            + "(SELECT c.id FROM urls c WHERE c.redirect_to IS NOT NULL))"),
    BLOCKED("Blocked", "u.skip_reason IN " + Schema.BLOCK_REASONS),
    SKIPPED("Skipped", "(u.skip_reason IS NOT NULL AND u.skip_reason NOT IN "
            + Schema.BLOCK_REASONS + ")"),
    /**
     * The site's HTML pages that answered 200 but may not be indexed (noindex, or a canonical
     * naming another URL). "pages": the CSV's {@code indexable} is false for more (a 404, a
     * redirect, a stylesheet), and the overview said "Non-indexable 2" beside 17 such rows.
     */
    NON_INDEXABLE("Non-indexable pages", "(" + Page.SITE_HTML_200 + " AND NOT "
            + UrlFilter.INDEXABLE_SQL + ")"),
    /** Pages whose canonical names another URL (not the page's by the dedup key). */
    CANONICALISED("Canonicalised", "(u.canonical IS NOT NULL AND u.canonical <> u.url "
            + "AND NOT wp_same_key(u.canonical, u.url))"),
    MISSING_TITLE("Missing title", "(" + Page.SITE_HTML_200 + " AND u.title IS NULL)"),
    /**
     * The site's pages sharing their title with another page. Not a plain SQL condition (SQLite
     * groups a million titles too slowly): {@link UrlQuery} and {@link OverviewCounts} find the
     * pages with {@link DuplicateTitles}; this condition only narrows the rows to look at.
     */
    DUPLICATE_TITLE("Duplicate title", "(" + Page.SITE_HTML_200 + " AND u.title IS NOT NULL)"),
    MISSING_H1("Missing H1", "(" + Page.SITE_HTML_200 + " AND u.h1 IS NULL)"),
    /** Answers slower than {@link #SLOW_MILLIS}. */
    SLOW("Slow (over 1 s)", "u.response_ms > " + UrlFilter.SLOW_MILLIS),
    /** Sitemap URLs no page links to (the start URL and its redirects aside). */
    ORPHANS("Orphans", "((u.flags & " + Schema.IN_SITEMAP + ") <> 0 AND (u.flags & "
            + Schema.START_CHAIN + ") = 0 AND u.inlinks = 0)");

    /** Above this response time (ms) a URL counts as slow. */
    public static final long SLOW_MILLIS = 1000;

    /** {@link io.webprobe.http.ContentTypes#isHtml} in SQL (types are stored without parameters). */
    static final String HTML_SQL = "u.content_type IN ('text/html', 'application/xhtml+xml')";

    /** {@link io.webprobe.crawl.CrawlResult#indexable()} in SQL. */
    static final String INDEXABLE_SQL = "(u.status = 200 AND (u.flags & " + Schema.EXTERNAL
            + ") = 0 AND u.redirect_to IS NULL AND " + UrlFilter.HTML_SQL + " AND NOT "
            + "(COALESCE(u.meta_robots, u.robots_header) IS NOT NULL AND "
            + "wp_noindex(u.meta_robots, u.robots_header)) AND (u.canonical IS NULL OR "
            + "u.canonical = u.url OR wp_same_key(u.canonical, u.url)))";

    private final String label;
    private final String sql;

    UrlFilter(String label, String sql) {
        this.label = label;
        this.sql = sql;
    }

    /**
     * Whether a row's membership can change after the row finished, as later rows arrive
     * (orphans gain inlinks, a redirect target that redirects again makes a chain, a later page
     * can share a title, a redirect's chain closes into a loop): such filters are counted and listed from scratch each time, the
     * others only for the rows that are new.
     */
    public boolean dependsOnOtherRows() {
        return this == ORPHANS || this == REDIRECT_CHAINS || this == DUPLICATE_TITLE
                || this == BROKEN;
    }

    /** The name the overview shows. */
    public String label() {
        return label;
    }

    /** The condition, over {@code urls u}. */
    String sql() {
        return sql;
    }

    /** Conditions several filters share. */
    private static final class Page {
        /** The site's own HTML pages that answered 200. */
        static final String SITE_HTML_200 = "(u.status = 200 AND (u.flags & " + Schema.EXTERNAL
                + ") = 0 AND " + UrlFilter.HTML_SQL + ")";
    }
}
