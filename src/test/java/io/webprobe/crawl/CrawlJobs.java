package io.webprobe.crawl;

/** Test access to the crawl job's package-private settings, for tests in other packages. */
public final class CrawlJobs {
    private CrawlJobs() {}

    /** Keeps at most these many queued URLs in memory (the rest goes to the crawl file). */
    public static CrawlJobBuilder withFrontierLimits(CrawlJobBuilder b, int perHost, int total,
            int chunk) {
        return b.frontierLimits(new Frontier.Limits(perHost, total, chunk));
    }

    /** How a test resolves host names. */
    public interface HostResolver {
        java.net.InetAddress[] resolve(String host) throws java.net.UnknownHostException;
    }

    /** Resolves host names with {@code resolver} (a test can hold a lookup with it). */
    public static CrawlJobBuilder withResolver(CrawlJobBuilder b, HostResolver resolver) {
        return b.addresses(resolver::resolve, AddressGuard.STANDARD);
    }
}
