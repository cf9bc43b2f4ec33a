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
 *     none): the one the crawl keeps, so never less than the rate limit's gap, 1/R s
 *     ({@link #gap})
 * @param maxCrawlDelay robots.txt {@code Crawl-delay} is honoured up to this (a larger one is cut
 *     to it); {@code ZERO} ignores Crawl-delay
 * @param maxRetries how often a URL answering 429 or 503 is asked again
 * @param maxRetryAfter the longest {@code Retry-After} waited for; a longer one is not waited
 *     for and the URL is reported as rate-limited
 * @param retryBackoff the first wait before asking again when a 429/503 gives no
 *     {@code Retry-After}; it doubles on each retry
 * @param maxRequestsPerSecond the rate limit per host as the user gave it (request starts per
 *     second, "300", "0.5"), or {@link #NO_RATE_LIMIT}; its gap is part of {@code delay}
 *     already, and it is kept so that a plan read back (a stopped or resumed crawl) says what
 *     was asked, not only the gap it made
 */
public record Politeness(
        int maxPerHost,
        Duration delay,
        Duration maxCrawlDelay,
        int maxRetries,
        Duration maxRetryAfter,
        Duration retryBackoff,
        double maxRequestsPerSecond) {

    public static final int ALL_THREADS = 0;
    /** {@link #maxRequestsPerSecond()} when only the delay paces a host. */
    public static final double NO_RATE_LIMIT = 0;
    // the defaults as constants, so the command line's options can name them too
    public static final long DEFAULT_DELAY_MILLIS = 0;
    public static final int DEFAULT_MAX_CRAWL_DELAY_SECONDS = 10;
    public static final Duration DEFAULT_MAX_CRAWL_DELAY =
            Duration.ofSeconds(DEFAULT_MAX_CRAWL_DELAY_SECONDS);
    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final int DEFAULT_MAX_RETRY_AFTER_SECONDS = 60;
    public static final Duration DEFAULT_MAX_RETRY_AFTER =
            Duration.ofSeconds(DEFAULT_MAX_RETRY_AFTER_SECONDS);
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(1);

    /** No per-host limit, no delay; Crawl-delay up to 10 s; 3 retries; Retry-After up to 60 s. */
    public static final Politeness DEFAULT = new Politeness(ALL_THREADS,
            Duration.ofMillis(DEFAULT_DELAY_MILLIS),
            DEFAULT_MAX_CRAWL_DELAY, DEFAULT_MAX_RETRIES, DEFAULT_MAX_RETRY_AFTER,
            DEFAULT_RETRY_BACKOFF, NO_RATE_LIMIT);

    /** Politeness without a rate limit: only {@code delay} paces a host. */
    public Politeness(int maxPerHost, Duration delay, Duration maxCrawlDelay, int maxRetries,
            Duration maxRetryAfter, Duration retryBackoff) {
        this(maxPerHost, delay, maxCrawlDelay, maxRetries, maxRetryAfter, retryBackoff,
                NO_RATE_LIMIT);
    }

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
        if (!(maxRequestsPerSecond >= 0) || Double.isInfinite(maxRequestsPerSecond)) {
            throw new IllegalArgumentException("maxRequestsPerSecond must be 0 (no limit) or "
                    + "more, was " + maxRequestsPerSecond);
        }
        delay = gap(delay, maxRequestsPerSecond);
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

    /**
     * The delay the user gave beside the rate limit, as far as it still shows: {@link #delay()}
     * when it is longer than the rate's gap, else zero (a delay at or under 1/R s changes
     * nothing, so it is not kept).
     */
    public Duration delayBeyondRate() {
        return maxRequestsPerSecond > 0 && delay.equals(gap(Duration.ZERO, maxRequestsPerSecond))
                ? Duration.ZERO : delay;
    }

    public Politeness withMaxPerHost(int n) {
        return new Politeness(n, delay, maxCrawlDelay, maxRetries, maxRetryAfter, retryBackoff,
                maxRequestsPerSecond);
    }

    /** This politeness with another delay (the rate limit's gap still applies if longer). */
    public Politeness withDelay(Duration d) {
        return new Politeness(maxPerHost, d, maxCrawlDelay, maxRetries, maxRetryAfter,
                retryBackoff, maxRequestsPerSecond);
    }

    /**
     * This politeness with another rate limit (or {@link #NO_RATE_LIMIT}) beside the delay
     * given, the longer gap of the two applying.
     */
    public Politeness withRate(Duration delay, double maxRequestsPerSecond) {
        return new Politeness(maxPerHost, delay, maxCrawlDelay, maxRetries, maxRetryAfter,
                retryBackoff, maxRequestsPerSecond);
    }

    public Politeness withMaxCrawlDelay(Duration d) {
        return new Politeness(maxPerHost, delay, d, maxRetries, maxRetryAfter, retryBackoff,
                maxRequestsPerSecond);
    }

    public Politeness withMaxRetries(int n) {
        return new Politeness(maxPerHost, delay, maxCrawlDelay, n, maxRetryAfter, retryBackoff,
                maxRequestsPerSecond);
    }

    public Politeness withMaxRetryAfter(Duration d) {
        return new Politeness(maxPerHost, delay, maxCrawlDelay, maxRetries, d, retryBackoff,
                maxRequestsPerSecond);
    }

    public Politeness withRetryBackoff(Duration d) {
        return new Politeness(maxPerHost, delay, maxCrawlDelay, maxRetries, maxRetryAfter, d,
                maxRequestsPerSecond);
    }
}
