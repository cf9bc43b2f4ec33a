package io.webprobe.crawl;

import java.time.Duration;
import java.util.Objects;

/**
 * How gently a crawl treats each host. Immutable. Limits apply per host (host and port), never
 * to the crawl as a whole: a slow or rate-limiting host does not hold back the others.
 *
 * @param maxPerHost requests in flight to one host at most; {@link #ALL_THREADS} for no limit
 *     beyond the crawl's thread count
 * @param delay the least time between the starts of two requests to one host ({@code ZERO} for
 *     none)
 * @param maxCrawlDelay robots.txt {@code Crawl-delay} is honoured up to this (a larger one is cut
 *     to it); {@code ZERO} ignores Crawl-delay
 * @param maxRetries how often a URL answering 429 or 503 is asked again
 * @param maxRetryAfter the longest {@code Retry-After} waited for; a longer one is not waited
 *     for and the URL is reported as rate-limited
 * @param retryBackoff the first wait before asking again when a 429/503 gives no
 *     {@code Retry-After}; it doubles on each retry
 */
public record Politeness(
        int maxPerHost,
        Duration delay,
        Duration maxCrawlDelay,
        int maxRetries,
        Duration maxRetryAfter,
        Duration retryBackoff) {

    public static final int ALL_THREADS = 0;
    public static final Duration DEFAULT_MAX_CRAWL_DELAY = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(1);

    /** No per-host limit, no delay; Crawl-delay up to 10 s; 3 retries; Retry-After up to 60 s. */
    public static final Politeness DEFAULT = new Politeness(ALL_THREADS, Duration.ZERO,
            DEFAULT_MAX_CRAWL_DELAY, DEFAULT_MAX_RETRIES, DEFAULT_MAX_RETRY_AFTER,
            DEFAULT_RETRY_BACKOFF);

    public Politeness {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(maxCrawlDelay, "maxCrawlDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        if (maxPerHost < 0) {
            throw new IllegalArgumentException("maxPerHost must be >= 0, was " + maxPerHost);
        }
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalArgumentException("maxRetries must be 0 to 10, was " + maxRetries);
        }
        for (Duration d : new Duration[] {delay, maxCrawlDelay, maxRetryAfter, retryBackoff}) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("durations must not be negative, was " + d);
            }
        }
    }

    /**
     * The least gap between two starts on one host for a delay and a rate limit: the delay, or
     * 1/R s when that is longer.
     *
     * @param maxRequestsPerSecond R, or 0 for no rate limit
     */
    public static Duration gap(Duration delay, double maxRequestsPerSecond) {
        if (maxRequestsPerSecond <= 0) {
            return delay;
        }
        Duration perRequest = Duration.ofNanos(Math.round(1e9 / maxRequestsPerSecond));
        return perRequest.compareTo(delay) > 0 ? perRequest : delay;
    }

    /** The per-host concurrency for a crawl with this many threads. */
    public int maxPerHost(int threads) {
        return maxPerHost == ALL_THREADS ? threads : Math.min(maxPerHost, threads);
    }

    public Politeness withMaxPerHost(int n) {
        return new Politeness(n, delay, maxCrawlDelay, maxRetries, maxRetryAfter, retryBackoff);
    }

    public Politeness withDelay(Duration d) {
        return new Politeness(maxPerHost, d, maxCrawlDelay, maxRetries, maxRetryAfter, retryBackoff);
    }

    public Politeness withMaxCrawlDelay(Duration d) {
        return new Politeness(maxPerHost, delay, d, maxRetries, maxRetryAfter, retryBackoff);
    }

    public Politeness withMaxRetries(int n) {
        return new Politeness(maxPerHost, delay, maxCrawlDelay, n, maxRetryAfter, retryBackoff);
    }

    public Politeness withMaxRetryAfter(Duration d) {
        return new Politeness(maxPerHost, delay, maxCrawlDelay, maxRetries, d, retryBackoff);
    }

    public Politeness withRetryBackoff(Duration d) {
        return new Politeness(maxPerHost, delay, maxCrawlDelay, maxRetries, maxRetryAfter, d);
    }
}
