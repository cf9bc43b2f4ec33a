package io.webprobe.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures behind the workspace's charts: how many URLs answered each status, how response
 * times spread, how many pages each depth holds. Uses its reader's connection: one thread at a
 * time, as the reader.
 */
public final class CrawlStats {
    /** Upper bounds (exclusive, ms) of the response-time buckets; the last bucket is open. */
    public static final List<Long> TIME_BOUNDS = List.of(50L, 100L, 200L, 500L, 1000L, 2000L,
            5000L);

    /**
     * The figures.
     *
     * @param statuses URLs per status code; failed requests under their error label ("TIMEOUT"),
     *     blocked and skipped ones under "Blocked" / "Skipped"
     * @param timeBuckets URLs per response-time bucket of {@link #TIME_BOUNDS} (one more than
     *     the bounds: the last is "5 s and more"); only URLs that were fetched and answered
     * @param depths URLs per depth
     */
    public record Stats(Map<String, Long> statuses, List<Long> timeBuckets,
            Map<Integer, Long> depths) {}

    private final CrawlReader reader;
    private final Connection conn;

    public CrawlStats(CrawlReader reader) {
        this.reader = reader;
        this.conn = reader.connection();
    }

    public Stats stats() throws StoreException {
        Map<String, Long> statuses = new TreeMap<>();
        StringBuilder bucket = new StringBuilder("CASE");
        for (int i = 0; i < TIME_BOUNDS.size(); i++) {
            bucket.append(" WHEN response_ms < ").append(TIME_BOUNDS.get(i)).append(" THEN ")
                    .append(i);
        }
        bucket.append(" ELSE ").append(TIME_BOUNDS.size()).append(" END");
        long[] buckets = new long[TIME_BOUNDS.size() + 1];
        Map<Integer, Long> depths = new TreeMap<>();
        try (Statement s = conn.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT CASE WHEN status > 0 THEN "
                    + "CAST(status AS TEXT) WHEN skip_reason IN " + Schema.BLOCK_REASONS
                    + " THEN 'Blocked' WHEN skip_reason IS NOT NULL THEN 'Skipped' "
                    + "ELSE COALESCE(error, '?') END, COUNT(*) FROM urls WHERE state = 1 "
                    + "GROUP BY 1")) {
                while (rs.next()) {
                    statuses.merge(label(rs.getString(1)), rs.getLong(2), Long::sum);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT " + bucket + ", COUNT(*) FROM urls "
                    // a request that got no answer has no response time (a refused
                    // connection's 0 ms was counted under "<50")
                    + "WHERE state = 1 AND skip_reason IS NULL AND response_ms IS NOT NULL "
                    + "AND COALESCE(status, 0) > 0 "
                    + "GROUP BY 1")) {
                while (rs.next()) {
                    buckets[rs.getInt(1)] = rs.getLong(2);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT depth, COUNT(*) FROM urls WHERE state = 1 "
                    + "GROUP BY depth")) {
                while (rs.next()) {
                    depths.put(rs.getInt(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.readFailure(reader.file(), e);
        }
        List<Long> b = new ArrayList<>();
        for (long n : buckets) {
            b.add(n);
        }
        return new Stats(statuses, b, depths);
    }

    /** An error kind as rows show it (TIMEOUT stays; unknown names are kept). */
    private static String label(String s) {
        try {
            return io.webprobe.http.ErrorKind.valueOf(s).label();
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
