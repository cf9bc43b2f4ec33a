package io.webprobe.ui.crawl.session;

import io.webprobe.store.CrawlReader;
import io.webprobe.store.CrawlStats;
import io.webprobe.store.OverviewCounts;
import io.webprobe.store.StoreException;
import io.webprobe.store.UrlDetails;
import io.webprobe.store.UrlQuery;

/**
 * The queries of one {@link ReaderLane}, over the lane's own reader (its own SQLite
 * connection), each made when first used. Lane thread only.
 */
public final class LaneQueries {
    private final CrawlReader reader;
    private UrlQuery urls;
    private OverviewCounts counts;
    private UrlDetails details;
    private CrawlStats stats;

    LaneQueries(CrawlReader reader) {
        this.reader = reader;
    }

    public CrawlReader reader() {
        return reader;
    }

    public UrlQuery urls() throws StoreException {
        if (urls == null) {
            urls = new UrlQuery(reader);
        }
        return urls;
    }

    public OverviewCounts counts() throws StoreException {
        if (counts == null) {
            counts = new OverviewCounts(reader);
        }
        return counts;
    }

    public UrlDetails details() throws StoreException {
        if (details == null) {
            details = new UrlDetails(reader);
        }
        return details;
    }

    public CrawlStats stats() {
        if (stats == null) {
            stats = new CrawlStats(reader);
        }
        return stats;
    }
}
