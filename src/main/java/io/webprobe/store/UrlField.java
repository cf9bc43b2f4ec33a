package io.webprobe.store;

/**
 * A column of the crawl file's URL rows that the workspace can sort by: the SQL that gives each
 * row's sort key (over {@code urls u} left-joined with its referrer {@code r}) and whether that
 * key is a number (compared as a number) or text (compared ignoring case). Null keys come
 * first, as the lowest value.
 */
public enum UrlField {
    /** The order in which URLs finished (the crawl's own order). */
    SEQ("u.seq", true),
    URL("u.url", false),
    /** The status code; rows without one (failed, blocked, skipped) first. */
    STATUS("COALESCE(u.status, -1)", true),
    /**
     * Why a URL failed, was blocked or skipped, or a broken status's phrase: the text of
     * {@link io.webprobe.crawl.CrawlResult#reason()}, in SQL.
     */
    REASON("CASE WHEN u.skip_reason IS NOT NULL OR u.error IS NOT NULL "
            + "OR u.error_message IS NOT NULL THEN u.error_message "
            + "WHEN u.status >= 400 THEN TRIM(COALESCE("
            + io.webprobe.http.StatusPhrases.sqlCase("u.status") + ", '') || CASE WHEN (u.flags & "
            + Schema.ACCEPTED + ") <> 0 THEN ' (accepted)' ELSE '' END) END", false),
    CONTENT_TYPE("u.content_type", false),
    /** The size; rows that got no answer (blank in the table) first. */
    SIZE(noAnswerNull("u.size_bytes"), true),
    /**
     * The response time; rows that got no answer (blank in the table) first, so that the
     * slowest answers lead a descending sort, not the URLs that timed out.
     */
    RESPONSE_MS(noAnswerNull("u.response_ms"), true),
    TITLE("u.title", false),
    DEPTH("u.depth", true),
    INLINKS("u.inlinks", true),
    OUTLINKS("u.outlinks", true),
    REFERRER("r.url", false),
    REDIRECT_TO("u.redirect_to", false),
    CANONICAL("u.canonical", false),
    META_DESCRIPTION("u.meta_description", false),
    H1("u.h1", false),
    WORD_COUNT("u.word_count", true),
    META_ROBOTS("COALESCE(u.meta_robots, '') || COALESCE(u.robots_header, '')", false),
    /** Indexable rows after the others. */
    INDEXABLE(UrlFilter.INDEXABLE_SQL, true),
    /** ok, redirect, broken, error, blocked, skipped. */
    OUTCOME("CASE WHEN u.skip_reason IN " + Schema.BLOCK_REASONS + " THEN 5 "
            + "WHEN u.skip_reason IS NOT NULL THEN 6 WHEN u.error IS NOT NULL THEN 4 "
            + "WHEN " + Schema.brokenStatus("u") + " THEN 3 WHEN u.status >= 400 THEN 1 "
            + "WHEN u.status >= 300 OR u.redirect_to IS NOT NULL THEN 2 ELSE 1 END", true),
    RETRIES("u.retries", true),
    TRUNCATED("(u.flags & " + Schema.TRUNCATED + ")", true),
    EXTERNAL("(u.flags & " + Schema.EXTERNAL + ")", true),
    FETCHED_AT("u.fetched_at", true);

    private final String sql;
    private final boolean numeric;

    /** The column, null for a URL that got no answer (no status and an error). */
    private static String noAnswerNull(String column) {
        return "CASE WHEN u.error IS NOT NULL AND COALESCE(u.status, 0) = 0 THEN NULL ELSE "
                + column + " END";
    }

    UrlField(String sql, boolean numeric) {
        this.sql = sql;
        this.numeric = numeric;
    }

    /** The SQL expression of the sort key. */
    String sql() {
        return sql;
    }

    /** Whether the key is a number. */
    public boolean numeric() {
        return numeric;
    }

    /** Whether the key needs the referrer joined as {@code r}. */
    boolean needsReferrer() {
        return this == REFERRER;
    }
}
