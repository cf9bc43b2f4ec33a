package io.webprobe.store;

import io.webprobe.crawl.PageInfo;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.Function;

/**
 * SQL functions the workspace's queries use, registered on a reader's connection: rules that
 * live in Java (the robots directives of {@link PageInfo#noindex()}) are called from SQL rather
 * than written twice.
 */
final class WorkspaceSql {
    private WorkspaceSql() {}

    /**
     * Registers the functions on the connection (idempotent: registering again replaces them).
     *
     * <ul>
     *   <li>{@code wp_noindex(meta_robots, robots_header)}: 1 when the page's robots directives
     *       forbid indexing, as {@link PageInfo#noindex()} decides.
     *   <li>{@code wp_same_key(url, url)}: 1 when the two URLs are one page by the dedup key
     *       ({@link io.webprobe.http.Urls#sameKey}), as the canonical of an indexable page is.
     * </ul>
     */
    static void install(Connection c) throws SQLException {
        Function.create(c, "wp_noindex", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String meta = value_text(0);
                String header = value_text(1);
                PageInfo p = new PageInfo("", "", "", 0, meta == null ? "" : meta,
                        header == null ? "" : header);
                result(p.noindex() ? 1 : 0);
            }
        }, 2, Function.FLAG_DETERMINISTIC);
        Function.create(c, "wp_same_key", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String a = value_text(0);
                String b = value_text(1);
                result(a != null && b != null && io.webprobe.http.Urls.sameKey(a, b) ? 1 : 0);
            }
        }, 2, Function.FLAG_DETERMINISTIC);
    }

    /** A LIKE pattern matching {@code text} anywhere, with {@code \} as the escape character. */
    static String containsPattern(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('%');
        for (char ch : text.toCharArray()) {
            if (ch == '%' || ch == '_' || ch == '\\') {
                sb.append('\\');
            }
            sb.append(ch);
        }
        return sb.append('%').toString();
    }
}
