package io.webprobe.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Which of the site's HTML pages share their title with another page, found by hashing the
 * titles in Java: SQLite's GROUP BY sorts a million titles several times slower. Kept until the
 * file changes (SQLite's {@code data_version}); while a crawl runs, {@link #idsAfter} adds only
 * the pages that finished since. One thread at a time, as its reader.
 */
final class DuplicateTitles {
    /** The pages {@link UrlFilter#DUPLICATE_TITLE} looks at, over {@code urls u}. */
    static final String PAGES = "u.state = 1 AND u.status = 200 AND (u.flags & "
            + Schema.EXTERNAL + ") = 0 AND " + UrlFilter.HTML_SQL + " AND u.title IS NOT NULL";

    private final CrawlReader reader;
    private long version = -1;
    private long lastSeq;
    private Map<String, Long> first = new HashMap<>();
    private BitSet ids = new BitSet();

    DuplicateTitles(CrawlReader reader) {
        this.reader = reader;
    }

    /** The ids of pages whose title another page has too, read again if the file changed. */
    BitSet ids(long dataVersion) throws StoreException {
        if (version != dataVersion) {
            first = new HashMap<>();
            ids = new BitSet();
            lastSeq = 0;
            add(Long.MAX_VALUE);
            version = dataVersion;
        }
        return ids;
    }

    /**
     * As {@link #ids}, but trusting that rows already read have not changed: only pages that
     * finished after the last read, up to {@code uptoSeq}, are added (a running crawl).
     */
    BitSet idsAfter(long dataVersion, long uptoSeq) throws StoreException {
        if (version == -1) {
            return ids(dataVersion);
        }
        add(uptoSeq);
        version = dataVersion;
        return ids;
    }

    private void add(long uptoSeq) throws StoreException {
        Connection c = reader.connection();
        try (PreparedStatement ps = c.prepareStatement("SELECT u.id, u.title, u.seq FROM urls u "
                + "WHERE " + PAGES + " AND u.seq > ? AND u.seq <= ?")) {
            ps.setLong(1, lastSeq);
            ps.setLong(2, uptoSeq);
            long max = lastSeq;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Long earlier = first.putIfAbsent(rs.getString(2), id);
                    if (earlier != null) {
                        ids.set(Math.toIntExact(id));
                        ids.set(Math.toIntExact(earlier));
                    }
                    max = Math.max(max, rs.getLong(3));
                }
            }
            lastSeq = uptoSeq == Long.MAX_VALUE ? max : Math.max(max, uptoSeq);
        } catch (SQLException e) {
            throw SqlErrors.readFailure(reader.file(), e);
        }
    }
}
