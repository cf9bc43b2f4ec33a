package io.webprobe.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many finished URLs each {@link UrlFilter} holds: the overview's numbers. Counting every
 * filter over a million rows takes SQLite seconds (each condition is evaluated for each row),
 * so counts are kept up to date by adding only the rows that finished since the last count
 * ({@link Snapshot#lastSeq()}); the few filters that {@link UrlFilter#dependsOnOtherRows()
 * depend on other rows} are counted afresh each time, each in one cheap pass. Uses its reader's
 * connection: one thread at a time, as the reader.
 */
public final class OverviewCounts {

    /**
     * Counts as of a moment of the file.
     *
     * @param counts every filter's count
     * @param lastSeq the highest completion number counted
     * @param revisits rows asked again by then ({@link Schema#REVISITS_KEY}): once it moves,
     *     rows counted changed, and the next count is afresh
     */
    public record Snapshot(Map<UrlFilter, Long> counts, long lastSeq, long revisits) {
        public Snapshot {
            counts = Collections.unmodifiableMap(new EnumMap<>(counts));
        }

        /** Counts of a file whose rows were never asked again. */
        public Snapshot(Map<UrlFilter, Long> counts, long lastSeq) {
            this(counts, lastSeq, 0);
        }

        public long of(UrlFilter f) {
            return counts.getOrDefault(f, 0L);
        }
    }

    private final CrawlReader reader;
    private final Connection conn;
    private final String rowSql;
    private final DuplicateTitles duplicates;

    public OverviewCounts(CrawlReader reader) throws StoreException {
        this.reader = reader;
        this.conn = reader.connection();
        try {
            WorkspaceSql.install(conn);
        } catch (SQLException e) {
            throw SqlErrors.readFailure(reader.file(), e);
        }
        this.duplicates = new DuplicateTitles(reader);
        StringBuilder sb = new StringBuilder("SELECT COALESCE(MAX(u.seq), 0)");
        for (UrlFilter f : UrlFilter.values()) {
            // filters that depend on other rows are counted apart; 0 keeps the columns in step
            String condition = f.dependsOnOtherRows() ? "0" : f.sql();
            sb.append(", COALESCE(SUM(").append(condition).append("), 0)");
        }
        rowSql = sb.append(" FROM urls u WHERE u.state = 1 AND u.seq > ?").toString();
    }

    /** Every filter's count, from scratch. */
    public Snapshot counts() throws StoreException {
        return counts(null, true);
    }

    /** As {@link #counts(Snapshot, boolean)}, orphans counted. */
    public Snapshot counts(Snapshot earlier) throws StoreException {
        return counts(earlier, true);
    }

    /**
     * Every filter's count, adding the rows that finished after {@code earlier} was counted
     * (null: from scratch). Rows already counted must not have changed since (a re-check
     * changes a row: count from scratch after one); a row the crawl asked again (a cookie's
     * revisit) is seen here, and counted afresh.
     *
     * @param orphans whether to count orphans (0 otherwise: a pass over the file saved while
     *     they mean nothing, during a crawl)
     */
    public Snapshot counts(Snapshot earlier, boolean orphans) throws StoreException {
        Map<UrlFilter, Long> out = new EnumMap<>(UrlFilter.class);
        // read before the rows: a revisit committed meanwhile moves it for the next count
        long revisits;
        try {
            revisits = Sql.longValue(conn, Schema.REVISITS_SQL);
        } catch (SQLException e) {
            throw SqlErrors.readFailure(reader.file(), e);
        }
        if (earlier != null && earlier.revisits() != revisits) {
            earlier = null; // a row counted before was asked again: counted afresh
        }
        long after = earlier == null ? 0 : earlier.lastSeq();
        long lastSeq = after;
        try (PreparedStatement ps = conn.prepareStatement(rowSql)) {
            ps.setLong(1, after);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    lastSeq = Math.max(after, rs.getLong(1));
                    for (UrlFilter f : UrlFilter.values()) {
                        long before = earlier == null ? 0 : earlier.of(f);
                        out.put(f, before + rs.getLong(f.ordinal() + 2));
                    }
                }
            }
            // counted up to lastSeq only, so a count and its table agree
            for (UrlFilter f : UrlFilter.values()) {
                if (f == UrlFilter.ORPHANS && !orphans) {
                    out.put(f, 0L); // not asked for: a pass saved
                } else if (f == UrlFilter.BROKEN) {
                    out.put(f, broken(lastSeq));
                } else if (f.dependsOnOtherRows() && f != UrlFilter.DUPLICATE_TITLE) {
                    out.put(f, Sql.longValue(conn, "SELECT COUNT(*) FROM urls u WHERE u.state = 1 "
                            + "AND u.seq <= ? AND " + f.sql(), lastSeq));
                }
            }
            long version = Sql.longValue(conn, "PRAGMA data_version");
            out.put(UrlFilter.DUPLICATE_TITLE, (long) (earlier == null
                    ? duplicates.ids(version) : duplicates.idsAfter(version, lastSeq))
                    .cardinality());
        } catch (SQLException e) {
            throw SqlErrors.readFailure(reader.file(), e);
        }
        return new Snapshot(out, lastSeq, revisits);
    }

    /** The Broken filter's rows up to {@code lastSeq}: its SQL's, less the redirects not broken. */
    private long broken(long lastSeq) throws SQLException, StoreException {
        java.util.BitSet fine = reader.redirectsNotBroken();
        long n = 0;
        try (PreparedStatement ps = conn.prepareStatement("SELECT u.id FROM urls u "
                + "WHERE u.state = 1 AND u.seq <= ? AND " + UrlFilter.BROKEN.sql())) {
            ps.setLong(1, lastSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!fine.get((int) rs.getLong(1))) {
                        n++;
                    }
                }
            }
        }
        return n;
    }
}
