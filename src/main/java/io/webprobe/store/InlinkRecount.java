package io.webprobe.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The inlinks of a crawl whose writer was killed before it wrote them all ({@link
 * StoreWriter#INLINKS_PENDING}: the counts of its last ~2 s), counted again for one reader's
 * connection without writing the file. A window only looking at a killed crawl changes nothing
 * on disk (ADR 0007), yet its table, its sort by inlinks, its filters (Orphans) and the details
 * pane show the counts a resume would write.
 *
 * <p>The counts that differ from the stored ones go into a TEMP table of the connection (SQLite
 * keeps it in memory, never in the file), and a TEMP view named {@code urls}, which SQLite finds
 * before the file's table of that name, shows every column of the table as it is but
 * {@code inlinks}, taken from it: no query of the reader changes, and each still uses the
 * table's indexes (the view is flattened into it). The view shows the stored counts again once
 * the file has been written since (its lock row is no longer the one seen here: a resume took
 * the lock and counted them in the file). One pass over the links' target index: ~30 ms for
 * 100,000 links on this machine, on the reader's own thread (never the FX thread: readers are
 * made on the lanes and background threads).
 */
final class InlinkRecount {
    /** The temp table of the counts that differ from those stored. */
    static final String TABLE = "temp.inlinks_counted";

    private InlinkRecount() {}

    /**
     * Counts the inlinks again for {@code c}, a new reader's connection to {@code abs}, when
     * the file says some are not written and no live process will write them (its writer was
     * killed); nothing otherwise (a crawl running elsewhere has its counts up to 2 s behind, as
     * they always are while it runs).
     *
     * @return whether they were counted
     */
    static boolean ifPending(Connection c, Path abs, Instant now) throws SQLException {
        // one read: the lock row seen and the links counted are of the same commit
        Sql.exec(c, "BEGIN");
        try {
            Map<String, String> meta = StoreLocks.metaRows(c, StoreWriter.INLINKS_PENDING, "lock",
                    StoreLocks.LOCK_FILE);
            boolean counted = "1".equals(meta.get(StoreWriter.INLINKS_PENDING))
                    && StoreLocks.lockOf(meta, abs).filter(o -> o.ownerAlive(now)).isEmpty();
            if (counted) {
                count(c, meta.get("lock"));
            }
            Sql.exec(c, "COMMIT");
            return counted;
        } catch (SQLException | RuntimeException e) {
            Sql.exec(c, "ROLLBACK");
            throw e;
        }
    }

    private static void count(Connection c, String lock) throws SQLException {
        Sql.exec(c, "CREATE TEMP TABLE inlinks_counted (id INTEGER PRIMARY KEY, "
                + "n INTEGER NOT NULL)");
        Sql.exec(c, "INSERT INTO " + TABLE + " SELECT t.target_id, t.n FROM ("
                + StoreLocks.LINKS_PER_TARGET + ") AS t JOIN main.urls u ON u.id = t.target_id "
                + "WHERE u.inlinks <> t.n");
        Sql.exec(c, "INSERT INTO " + TABLE + " SELECT id, 0 FROM main.urls u WHERE inlinks <> 0 "
                + "AND NOT EXISTS (SELECT 1 FROM main.links l WHERE l.target_id = u.id)");
        // while the file is as it was seen: its lock row the same, its counts still pending
        String unwritten = "(SELECT value FROM main.meta WHERE key = 'lock') IS " + literal(lock)
                + " AND (SELECT value FROM main.meta WHERE key = '"
                + StoreWriter.INLINKS_PENDING + "') = '1'";
        List<String> columns = new ArrayList<>();
        try (var st = c.createStatement();
                var rs = st.executeQuery("PRAGMA main.table_info(urls)")) {
            while (rs.next()) {
                String name = rs.getString("name");
                columns.add(name.equals("inlinks")
                        ? "CASE WHEN " + unwritten + " THEN coalesce((SELECT n FROM " + TABLE
                                + " f WHERE f.id = u.id), u.inlinks) ELSE u.inlinks END "
                                + "AS inlinks"
                        : "u.\"" + name + "\"");
            }
        }
        Sql.exec(c, "CREATE TEMP VIEW urls AS SELECT " + String.join(", ", columns)
                + " FROM main.urls u");
    }

    private static String literal(String value) {
        return value == null ? "NULL" : "'" + value.replace("'", "''") + "'";
    }
}
