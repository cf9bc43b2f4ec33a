package io.webprobe.crawl;

/**
 * Receives a crawl's events. Methods are called on the crawl's worker threads, concurrently:
 * they must be fast, must not block, must not throw and must not call back into the job.
 * The usual implementation appends to a queue (see the UI's batcher).
 */
public interface CrawlListener {
    /** Does nothing. */
    CrawlListener NONE = new CrawlListener() {};

    /**
     * A URL was fetched (or failed, or was blocked or skipped). Its inlink count is the one
     * known at that moment; the crawl file has the final count and the broken links.
     */
    default void onResult(CrawlResult result) {}

    /**
     * The crawl ended, by finishing or being stopped; called once, after every other
     * event and before the job's completion future completes.
     */
    default void onFinished(CrawlSummary summary) {}
}
