package io.webprobe.store;

import io.webprobe.crawl.ResumeState;
import io.webprobe.crawl.SkipReason;
import io.webprobe.http.HttpProbe;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What a crawl file says about where its crawl stood, for {@link io.webprobe.crawl.CrawlJob}
 * to continue it. Reads through one {@link CrawlReader}; one thread at a time.
 */
final class StoreResume implements ResumeState {
    private final CrawlReader reader;
    private final Map<String, String> meta;
    /** {@link #toFetch()}, once counted; -1 before. */
    private long toFetch = -1;
    /** {@link #counts()}, once counted; null before. */
    private Counts counts;

    StoreResume(CrawlReader reader, Map<String, String> meta) {
        this.reader = reader;
        this.meta = meta;
    }

    @Override
    public long lastId() {
        long[] id = {0};
        run(() -> reader.query("SELECT COALESCE(MAX(id), 0) FROM urls",
                rs -> id[0] = rs.getLong(1)));
        return id[0];
    }

    @Override
    public Duration elapsedBefore() {
        return Duration.ofMillis(Long.parseLong(meta.getOrDefault("elapsed_ms", "0")));
    }

    @Override
    public Set<String> siteHosts() {
        Set<String> hosts = new LinkedHashSet<>();
        String v = meta.get("site_hosts");
        if (v != null) {
            for (String h : (Iterable<String>) v.lines()::iterator) {
                if (!h.isBlank()) {
                    hosts.add(h);
                }
            }
        }
        return hosts;
    }

    @Override
    public String startChainEnd() {
        // the chain's URLs are numbered in the order its redirects were followed
        String[] url = {""};
        run(() -> reader.query("SELECT url FROM urls WHERE (flags & " + Schema.START_CHAIN
                + ") <> 0 ORDER BY id DESC LIMIT 1", rs -> url[0] = rs.getString(1)));
        return url[0];
    }

    @Override
    public boolean sitemapsRead() {
        return Boolean.parseBoolean(meta.getOrDefault("sitemaps_read", "false"));
    }

    @Override
    public boolean finished() {
        // a finished crawl a re-check found new URLs for since goes on to fetch them
        return "finished".equals(meta.get("state")) && toFetch() == 0;
    }

    /**
     * Counted once: it scans every row (90 ms a million rows with the file in the page cache,
     * more from disk), and the command line asks it and {@link #finished()} twice (for its
     * message, and the job's constructor) before the crawl goes on and the figure changes.
     */
    @Override
    public long toFetch() {
        if (toFetch < 0) {
            long[] n = {0};
            run(() -> n[0] = reader.toFetch());
            toFetch = n[0];
        }
        return toFetch;
    }

    /**
     * Counted once, as {@link #toFetch()} is: a scan of every row, asked by the command line
     * (its summary says what the resume added) and again by the job it starts.
     */
    @Override
    public Counts counts() {
        if (counts == null) {
            CrawlReader.Counts[] c = new CrawlReader.Counts[1];
            run(() -> c[0] = reader.counts());
            counts = new Counts(c[0].crawled(), c[0].broken(), c[0].blocked(),
                    c[0].skippedRows());
        }
        return counts;
    }

    @Override
    public void forEachKnown(KnownUrlConsumer consumer) {
        // a URL took a page of the budget when it is of the site and not a trap-guard row
        run(() -> reader.query("SELECT id, key, flags, skip_reason IS NULL OR skip_reason IN "
                + Schema.BLOCK_REASONS + " FROM urls", rs -> {
                    boolean external = (rs.getInt(3) & Schema.EXTERNAL) != 0;
                    consumer.accept(rs.getLong(1), rs.getString(2), external,
                            !external && rs.getInt(4) == 1);
                }));
    }

    /** The link types by which a response sends the browser on (a redirect hop). */
    private static final String HOP_TYPES = "('redirect', 'meta-refresh', 'refresh-header')";

    /**
     * Whether the URL whose id is {@code id} starts a redirect chain: a page links to it, or
     * nothing does (a start URL, a sitemap's URL).
     */
    private static String chainStart(String id) {
        return "(EXISTS (SELECT 1 FROM links i WHERE i.target_id = " + id + " AND i.type NOT IN "
                + HOP_TYPES + ") OR NOT EXISTS (SELECT 1 FROM links i WHERE i.target_id = " + id
                + "))";
    }

    /**
     * The redirect hops that led to each queued URL only redirects lead to, as the crawl
     * counted them while it ran: walked back through the redirects into it, to the
     * nearest URL a chain starts at, at most {@link HttpProbe#MAX_REDIRECTS} hops (a longer
     * chain, or a loop, counts as that many). Without it every resume gave a chain stopped
     * midway the whole limit again, and an endless redirect trap grew by that at each resume.
     */
    private static final String QUEUED_HOPS = hopsInto("u.state = 0");

    /**
     * The walk of {@link #QUEUED_HOPS} from the URLs {@code which} (a condition on {@code u})
     * picks: a {@code hops(id, n)} table for those only redirects lead to (none for a URL a
     * chain starts at, which none led to). A re-check asks it of one URL
     * ({@link CrawlReader#redirectsInto}).
     */
    static String hopsInto(String which) {
        return "WITH RECURSIVE walk(id, at, n, start) AS ("
                + "SELECT u.id, u.id, 0, 0 FROM urls u WHERE " + which + " AND NOT "
                + chainStart("u.id")
                + " UNION ALL SELECT w.id, l.source_id, w.n + 1, " + chainStart("l.source_id")
                + " FROM walk w JOIN links l ON l.target_id = w.at AND l.type IN " + HOP_TYPES
                + " WHERE w.start = 0 AND w.n < " + HttpProbe.MAX_REDIRECTS
                + "), hops(id, n) AS (SELECT id, MIN(CASE WHEN start THEN n ELSE "
                + HttpProbe.MAX_REDIRECTS + " END) FROM walk GROUP BY id) ";
    }

    @Override
    public void forEachQueued(QueuedUrlConsumer consumer) throws InterruptedException {
        InterruptedException[] interrupted = {null};
        run(() -> reader.query(QUEUED_HOPS + "SELECT u.id, u.url, u.depth, "
                + "COALESCE(u.referrer_id, 0), COALESCE(r.url, ''), u.flags, COALESCE(h.n, 0), "
                // a revisit's first answer, counted broken in the file's counts
                + "u.state = 1 AND " + BrokenLinkSql.IS_BROKEN.replace("t.", "u.") + " "
                + "FROM urls u LEFT JOIN urls r ON r.id = u.referrer_id "
                + "LEFT JOIN hops h ON h.id = u.id WHERE u.state = 0 OR (u.flags & "
                + Schema.REVISIT + ") <> 0 ORDER BY u.id",
                rs -> {
                    if (interrupted[0] != null) {
                        return;
                    }
                    int flags = rs.getInt(6);
                    try {
                        consumer.accept(new QueuedUrl(rs.getLong(1), rs.getString(2),
                                rs.getInt(3), rs.getLong(4), rs.getString(5),
                                (flags & Schema.EXTERNAL) != 0,
                                (flags & Schema.START_CHAIN) != 0, rs.getInt(7),
                                (flags & Schema.REVISIT) != 0, rs.getInt(8) == 1));
                    } catch (InterruptedException e) {
                        interrupted[0] = e;
                    }
                }));
        if (interrupted[0] != null) {
            throw interrupted[0];
        }
    }

    @Override
    public void forEachCounted(BiConsumer<String, SkipReason> consumer) {
        run(() -> reader.query("SELECT key, reason FROM skips",
                rs -> consumer.accept(rs.getString(1), SkipReason.valueOf(rs.getString(2)))));
    }

    /** A read that cannot fail in a file that opened: a failure here is a damaged file. */
    @FunctionalInterface
    private interface Read {
        void run() throws StoreException;
    }

    private static void run(Read r) {
        try {
            r.run();
        } catch (StoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
