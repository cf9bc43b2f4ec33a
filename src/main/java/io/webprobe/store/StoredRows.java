package io.webprobe.store;

import io.webprobe.crawl.CrawlResult;
import io.webprobe.crawl.PageInfo;
import io.webprobe.crawl.RedirectChains;
import io.webprobe.crawl.SkipReason;
import io.webprobe.http.ErrorKind;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A crawl file's rows as the engine's objects: a URL's row as a {@link CrawlResult}, and as a
 * node of a redirect chain. One mapping for the reader, the URL table's queries and compare.
 */
final class StoredRows {
    private StoredRows() {}

    /** The columns a {@link CrawlResult} is read from, for {@code u} joined with referrer {@code r}. */
    static final String RESULT_COLUMNS = "u.url, u.status, u.error, u.error_message, "
            + "u.content_type, u.size_bytes, u.response_ms, u.title, u.depth, u.inlinks, "
            + "u.outlinks, r.url, u.redirect_to, u.flags, u.canonical, u.meta_description, "
            + "u.h1, u.word_count, u.meta_robots, u.robots_header, u.skip_reason, u.retries, "
            + "u.retry_status";

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
        b.contentType(nullToEmpty(rs.getString(i++)));
        long size = rs.getLong(i++);
        b.sizeBytes(rs.wasNull() ? -1 : size) // NULL: not known (a HEAD without a length)
                .responseMillis(rs.getLong(i++)).title(nullToEmpty(rs.getString(i++)))
                .depth(rs.getInt(i++)).inlinks(rs.getInt(i++)).outlinks(rs.getInt(i++));
        String referrer = rs.getString(i++);
        b.redirectTo(nullToEmpty(rs.getString(i++)));
        int flags = rs.getInt(i++);
        if (referrer == null && (flags & Schema.IN_SITEMAP) != 0 && (flags & Schema.START_CHAIN) == 0) {
            referrer = "(sitemap)";
        }
        b.referrer(nullToEmpty(referrer)).external((flags & Schema.EXTERNAL) != 0)
                .truncated((flags & Schema.TRUNCATED) != 0)
                .accepted((flags & Schema.ACCEPTED) != 0);
        b.page(new PageInfo(nullToEmpty(rs.getString(i++)), nullToEmpty(rs.getString(i++)),
                nullToEmpty(rs.getString(i++)), rs.getInt(i++), nullToEmpty(rs.getString(i++)),
                nullToEmpty(rs.getString(i++))));
        String skip = rs.getString(i++);
        b.skipped(skip == null ? null : SkipReason.valueOf(skip));
        b.retries(rs.getInt(i++));
        b.retriedStatus(rs.getInt(i));
        return b.build();
    }

    static final String NODE_COLUMNS = "t.id, t.url, t.state, t.status, t.error, "
            + "t.error_message, t.skip_reason, t.redirect_to, t.redirect_id, t.flags";

    /** A chain node from the columns of {@link #NODE_COLUMNS}, starting at {@code col}. */
    static RedirectChains.Node node(ResultSet rs, int col) throws SQLException {
        int i = col;
        long id = rs.getLong(i++);
        String url = rs.getString(i++);
        boolean fetched = rs.getInt(i++) == 1;
        int status = rs.getInt(i++);
        String error = rs.getString(i++);
        String message = rs.getString(i++);
        String skip = rs.getString(i++);
        String redirectTo = rs.getString(i++);
        long redirectId = rs.getLong(i++);
        boolean accepted = (rs.getInt(i) & Schema.ACCEPTED) != 0;
        return new RedirectChains.Node(id, url, fetched, status,
                error == null ? null : ErrorKind.valueOf(error), message,
                skip == null ? null : SkipReason.valueOf(skip), redirectTo, redirectId,
                accepted);
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
