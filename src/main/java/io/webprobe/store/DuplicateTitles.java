package io.webprobe.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Which of the site's HTML pages share their title with another page, found by hashing the
 * titles in Java: SQLite's GROUP BY sorts a million titles several times slower. Kept until the
 * file changes (SQLite's {@code data_version}). One thread at a time, as its reader.
 */
final class DuplicateTitles {
    /** The pages {@link UrlFilter#DUPLICATE_TITLE} looks at, over {@code urls u}. */
    static final String PAGES = "u.state = 1 AND u.status = 200 AND (u.flags & "
            + Schema.EXTERNAL + ") = 0 AND " + UrlFilter.HTML_SQL + " AND u.title IS NOT NULL";

    private final CrawlReader reader;
    private long version = -1;
    private BitSet ids;

    DuplicateTitles(CrawlReader reader) {
        this.reader = reader;
    }

    /** The ids of pages whose title another page has too. */
    BitSet ids(long dataVersion) throws StoreException {
        if (ids != null && version == dataVersion) {
            return ids;
        }
        Map<String, Long> first = new HashMap<>();
        BitSet dup = new BitSet();
        Connection c = reader.connection();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT u.id, u.title FROM urls u WHERE " + PAGES)) {
            while (rs.next()) {
                long id = rs.getLong(1);
                Long earlier = first.putIfAbsent(rs.getString(2), id);
                if (earlier != null) {
                    dup.set(Math.toIntExact(id));
                    dup.set(Math.toIntExact(earlier));
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.readFailure(reader.file(), e);
        }
        ids = dup;
        version = dataVersion;
        return dup;
    }
}
