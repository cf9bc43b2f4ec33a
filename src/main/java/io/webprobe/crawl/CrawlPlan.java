package io.webprobe.crawl;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What to crawl and how. Immutable; use the {@code with*} methods to derive a changed copy.
 *
 * @param startUrl where the crawl begins; its host (after its own redirects) is the scope
 * @param threads worker threads, 1 to 256
 * @param maxDepth link depth limit from the start page (0 = the start page only);
 *     {@link #UNLIMITED} for none
 * @param maxPages how many in-scope URLs to fetch at most; {@link #UNLIMITED} for none
 * @param timeout overall deadline per request (headers and body)
 * @param userAgent the User-Agent header
 * @param maxBodyBytes download cap per response in bytes; larger bodies are truncated
 * @param checkExternal whether links to other hosts are checked (never crawled)
 * @param scope which URLs are followed, and the trap guards
 * @param respectRobots obey robots.txt for the site's URLs (links to other hosts are checked
 *     regardless: a check is one request, not a crawl)
 * @param followNofollow follow the links of pages marked nofollow (meta robots or
 *     X-Robots-Tag); off by default, as search engines do
 * @param useSitemaps also crawl the URLs the site's sitemaps list (robots.txt Sitemap lines,
 *     else /sitemap.xml), and report those no page links to
 * @param politeness per-host limits: concurrency, delay, Crawl-delay, 429/503 retries
 */
public record CrawlPlan(
        URI startUrl,
        int threads,
        int maxDepth,
        int maxPages,
        Duration timeout,
        String userAgent,
        long maxBodyBytes,
        boolean checkExternal,
        CrawlScope scope,
        boolean respectRobots,
        boolean followNofollow,
        boolean useSitemaps,
        Politeness politeness) {

    public static final int UNLIMITED = Integer.MAX_VALUE;
    public static final int DEFAULT_THREADS = 8;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

    public CrawlPlan {
        Objects.requireNonNull(startUrl, "startUrl");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(politeness, "politeness");
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be 1 to 256, was " + threads);
        }
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth must be >= 0, was " + maxDepth);
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be >= 1, was " + maxPages);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 1, was " + maxBodyBytes);
        }
    }

    /** A plan with every default: 8 threads, no depth or page limit, 15 s timeout. */
    public static CrawlPlan of(URI startUrl, String userAgent) {
        return new CrawlPlan(
                startUrl,
                DEFAULT_THREADS,
                UNLIMITED,
                UNLIMITED,
                DEFAULT_TIMEOUT,
                userAgent,
                DEFAULT_MAX_BODY_BYTES,
                true,
                CrawlScope.DEFAULT,
                true,
                false,
                false,
                Politeness.DEFAULT);
    }

    public CrawlPlan withThreads(int n) {
        return new CrawlPlan(startUrl, n, maxDepth, maxPages, timeout, userAgent, maxBodyBytes,
                checkExternal, scope, respectRobots, followNofollow, useSitemaps, politeness);
    }

    public CrawlPlan withMaxDepth(int d) {
        return new CrawlPlan(startUrl, threads, d, maxPages, timeout, userAgent, maxBodyBytes,
                checkExternal, scope, respectRobots, followNofollow, useSitemaps, politeness);
    }

    public CrawlPlan withMaxPages(int p) {
        return new CrawlPlan(startUrl, threads, maxDepth, p, timeout, userAgent, maxBodyBytes,
                checkExternal, scope, respectRobots, followNofollow, useSitemaps, politeness);
    }

    public CrawlPlan withTimeout(Duration t) {
        return new CrawlPlan(startUrl, threads, maxDepth, maxPages, t, userAgent, maxBodyBytes,
                checkExternal, scope, respectRobots, followNofollow, useSitemaps, politeness);
    }

    public CrawlPlan withMaxBodyBytes(long b) {
        return new CrawlPlan(startUrl, threads, maxDepth, maxPages, timeout, userAgent, b,
                checkExternal, scope, respectRobots, followNofollow, useSitemaps, politeness);
    }

    public CrawlPlan withScope(CrawlScope s) {
        return new CrawlPlan(startUrl, threads, maxDepth, maxPages, timeout, userAgent,
                maxBodyBytes, checkExternal, s, respectRobots, followNofollow, useSitemaps, politeness);
    }

    public CrawlPlan withRespectRobots(boolean r) {
        return new CrawlPlan(startUrl, threads, maxDepth, maxPages, timeout, userAgent,
                maxBodyBytes, checkExternal, scope, r, followNofollow, useSitemaps, politeness);
    }

    public CrawlPlan withFollowNofollow(boolean f) {
        return new CrawlPlan(startUrl, threads, maxDepth, maxPages, timeout, userAgent,
                maxBodyBytes, checkExternal, scope, respectRobots, f, useSitemaps, politeness);
    }

    public CrawlPlan withSitemaps(boolean u) {
        return new CrawlPlan(startUrl, threads, maxDepth, maxPages, timeout, userAgent,
                maxBodyBytes, checkExternal, scope, respectRobots, followNofollow, u, politeness);
    }

    public CrawlPlan withPoliteness(Politeness p) {
        return new CrawlPlan(startUrl, threads, maxDepth, maxPages, timeout, userAgent,
                maxBodyBytes, checkExternal, scope, respectRobots, followNofollow, useSitemaps, p);
    }

    public CrawlPlan withCheckExternal(boolean c) {
        return new CrawlPlan(startUrl, threads, maxDepth, maxPages, timeout, userAgent,
                maxBodyBytes, c, scope, respectRobots, followNofollow, useSitemaps, politeness);
    }
}
