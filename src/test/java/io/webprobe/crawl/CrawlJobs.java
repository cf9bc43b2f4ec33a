package io.webprobe.crawl;

/** Test access to the crawl job's package-private settings, for tests in other packages. */
public final class CrawlJobs {
    private CrawlJobs() {}

    /** Keeps at most these many queued URLs in memory (the rest goes to the crawl file). */
    public static CrawlJob.Builder withFrontierLimits(CrawlJob.Builder b, int perHost, int total,
            int chunk) {
        return b.frontierLimits(new Frontier.Limits(perHost, total, chunk));
    }
}
