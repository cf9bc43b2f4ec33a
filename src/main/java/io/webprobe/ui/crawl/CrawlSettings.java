package io.webprobe.ui.crawl;

import io.webprobe.crawl.CrawlLimit;
import io.webprobe.crawl.CrawlLimit.Naming;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlScope;
import io.webprobe.crawl.Politeness;
import io.webprobe.crawl.SiteHeaders;
import io.webprobe.http.Header;
import io.webprobe.http.StatusSet;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Everything the Crawl tab lets the user choose besides the start URL. Immutable and always
 * valid: the constructor rejects a bad value with a plain sentence ({@link
 * IllegalArgumentException#getMessage()}), so a copy read back from disk is checked as the form
 * is. Plain values only (regexes as text), so it can be remembered between runs. Made with
 * {@link #builder()} (each value named, the rest the defaults) or {@link #toBuilder()}.
 *
 * @param threads worker threads, 1 to 256
 * @param subdomains crawl every subdomain of the start domain
 * @param include regexes; when any, only site URLs matching one are crawled
 * @param exclude regexes; matching URLs are neither crawled nor checked
 * @param maxDepth link depth limit (0 = start page only), {@link CrawlPlan#UNLIMITED} for none
 * @param maxPages page limit, {@link CrawlPlan#UNLIMITED} for none
 * @param checkExternal check (never crawl) links to other hosts
 * @param maxUrlLength longer URLs are skipped as traps, 10 or more
 * @param maxSegmentRepeats paths repeating a segment more often are skipped, 1 or more
 * @param maxQueryVariants query strings per path beyond this are skipped, 1 or more
 * @param respectRobots obey robots.txt
 * @param followNofollow follow the links of nofollow pages
 * @param useSitemaps crawl the sitemaps' URLs too and report orphans
 * @param maxPerHost requests in flight per host, 0 = as many as threads, up to 256
 * @param delayMillis least time between two requests to one host, ms, 0 to an hour
 * @param timeoutSeconds overall deadline per request, seconds, 0.001 to 600 (decimals, as the
 *     command line's --timeout takes them, to the millisecond)
 * @param maxPageMegabytes download at most this much of each page (1 MB = 1,048,576 bytes),
 *     0.001 to 8192; a longer page is cut there and marked truncated
 * @param userAgent the User-Agent header, printable ASCII on one line; "" for the default
 *     passed to {@link #toPlan}
 * @param maxRequestsPerSecond at most this many request starts per second to one host, 0.001 to
 *     100000; {@link #NO_RATE_LIMIT} for none. The least gap it makes, 1/R s, and {@code
 *     delayMillis} are not added: the larger applies
 * @param insecure accept any server certificate, for any name (a test server's self-signed
 *     one); the command line's --insecure
 * @param caCertFile a PEM file of certificates to trust besides the usual authorities, or ""
 *     for none; the command line's --cacert. Not both
 * @param accept statuses counted as OK though 4xx/5xx, as the command line's --accept takes
 *     them ("403,429", "400-403"; {@link StatusSet}'s rule), or "" for none
 * @param checkAnchors check the fragments of links to the site's pages and report the missing
 *     anchors; the command line's --check-anchors. Not for a list, which reads no links
 *     ({@link CrawlPlan#checkAnchors()})
 * @param headers request headers for the site's own URLs, "Name: value" a line, as the command
 *     line's -H takes them ({@link SiteHeaders#parse}'s rule); a crawl file keeps those that
 *     hold no secret, of the others the name only ({@link SiteHeaders#kept()})
 * @param cookies keep the cookies the site sets and send them back; off: --no-cookies
 * @param allowPrivate request links to private, loopback and link-local addresses from a
 *     public site; --allow-private
 * @param maxRetries ask again this often after a 429 or 503, 0 to 10; --max-retries
 * @param maxRetryAfterSeconds wait at most this long for a Retry-After, 0 to 3600 s (decimals);
 *     --max-retry-after
 * @param maxCrawlDelaySeconds honour a robots.txt Crawl-delay up to this, 0 (ignore it) to
 *     3600 s (decimals); --max-crawl-delay
 */
public record CrawlSettings(
        int threads,
        boolean subdomains,
        List<String> include,
        List<String> exclude,
        int maxDepth,
        int maxPages,
        boolean checkExternal,
        int maxUrlLength,
        int maxSegmentRepeats,
        int maxQueryVariants,
        boolean respectRobots,
        boolean followNofollow,
        boolean useSitemaps,
        int maxPerHost,
        long delayMillis,
        double timeoutSeconds,
        double maxPageMegabytes,
        String userAgent,
        double maxRequestsPerSecond,
        boolean insecure,
        String caCertFile,
        String accept,
        boolean checkAnchors,
        List<String> headers,
        boolean cookies,
        boolean allowPrivate,
        int maxRetries,
        double maxRetryAfterSeconds,
        double maxCrawlDelaySeconds) {

    public static final int MAX_THREADS = (int) CrawlLimit.THREADS.max();
    public static final int MAX_PER_HOST = (int) CrawlLimit.MAX_PER_HOST.max();
    public static final long MAX_DELAY_MILLIS = (long) CrawlLimit.DELAY_MILLIS.max();
    public static final int MAX_TIMEOUT_SECONDS = 600;
    public static final double MIN_TIMEOUT_SECONDS = 0.001;
    /** The longest {@link #maxRetryAfterSeconds()} and {@link #maxCrawlDelaySeconds()}. */
    public static final int MAX_WAIT_SECONDS = 3600;
    public static final double MIN_PAGE_MEGABYTES = 0.001;
    public static final double MAX_PAGE_MEGABYTES = 8192;
    public static final double MIN_REQUESTS_PER_SECOND = CrawlLimit.REQUESTS_PER_SECOND.min();
    public static final double MAX_REQUESTS_PER_SECOND = CrawlLimit.REQUESTS_PER_SECOND.max();
    /** {@link #maxRequestsPerSecond()} when only the delay paces a host. */
    public static final double NO_RATE_LIMIT = 0;
    /** {@link #userAgent()} when the crawl sends the default one. */
    public static final String DEFAULT_USER_AGENT = "";
    private static final double BYTES_PER_MEGABYTE = 1024 * 1024;
    /** The engine's download cap, 10 MB. */
    public static final double DEFAULT_PAGE_MEGABYTES =
            CrawlPlan.DEFAULT_MAX_BODY_BYTES / BYTES_PER_MEGABYTE;

    /**
     * The engine's defaults, as the command line has them: what {@link #builder()} starts
     * from.
     */
    public static final CrawlSettings DEFAULT = builder().build();

    public CrawlSettings {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        headers = List.copyOf(headers);
        limit(CrawlLimit.THREADS, threads);
        compile(include, "Include");
        compile(exclude, "Exclude");
        limit(CrawlLimit.MAX_DEPTH, maxDepth);
        limit(CrawlLimit.MAX_PAGES, maxPages);
        limit(CrawlLimit.MAX_URL_LENGTH, maxUrlLength);
        limit(CrawlLimit.MAX_SEGMENT_REPEATS, maxSegmentRepeats);
        limit(CrawlLimit.MAX_QUERY_VARIANTS, maxQueryVariants);
        limit(CrawlLimit.MAX_PER_HOST, maxPerHost);
        limit(CrawlLimit.DELAY_MILLIS, delayMillis);
        check(timeoutSeconds >= MIN_TIMEOUT_SECONDS && timeoutSeconds <= MAX_TIMEOUT_SECONDS,
                "Timeout must be between 0.001 and 600 seconds.");
        check(maxPageMegabytes >= MIN_PAGE_MEGABYTES && maxPageMegabytes <= MAX_PAGE_MEGABYTES,
                "Max page size must be between 0.001 and 8192 MB.");
        check(userAgent != null && isPrintableAscii(userAgent),
                "User agent must be printable ASCII text on one line.");
        check(maxRequestsPerSecond == NO_RATE_LIMIT
                        || CrawlLimit.REQUESTS_PER_SECOND.holds(maxRequestsPerSecond),
                CrawlLimit.REQUESTS_PER_SECOND.rule(Naming.LABEL, ", or 0 for no limit"));
        check(caCertFile != null && caCertFile.strip().equals(caCertFile)
                        && caCertFile.indexOf('\n') < 0,
                "The certificate file must be one path, without spaces around it.");
        check(!insecure || caCertFile.isEmpty(), "Either trust a certificate file or skip the "
                + "certificate checks, not both.");
        accept = accept == null ? "" : accept.strip();
        accepted(accept); // the command line's --accept rule, named by the field's label
        siteHeaders(headers); // the command line's -H rule and sentence
        limit(CrawlLimit.MAX_RETRIES, maxRetries);
        check(maxRetryAfterSeconds >= 0 && maxRetryAfterSeconds <= MAX_WAIT_SECONDS,
                "Max Retry-After wait must be between 0 and 3600 seconds.");
        check(maxCrawlDelaySeconds >= 0 && maxCrawlDelaySeconds <= MAX_WAIT_SECONDS,
                "Max Crawl-delay must be between 0 and 3600 seconds.");
    }

    /**
     * The headers these lines give (none for none), by the command line's -H rule.
     *
     * @throws IllegalArgumentException with the command line's sentence
     */
    static SiteHeaders siteHeaders(List<String> lines) {
        return lines.isEmpty() ? SiteHeaders.NONE : SiteHeaders.parse(lines);
    }

    /** These settings with other header lines. */
    public CrawlSettings withHeaders(List<String> lines) {
        return toBuilder().headers(lines).build();
    }

    /** The label that names {@link #accept()} in the Crawl tab and in its sentences. */
    public static final String ACCEPT_LABEL = io.webprobe.crawl.CrawlSetting.ACCEPT.label();

    /**
     * The statuses {@code accept} names, or none for "".
     *
     * @throws IllegalArgumentException with one sentence naming the field
     */
    static StatusSet accepted(String accept) {
        return accept.isBlank() ? StatusSet.NONE : StatusSet.parse(ACCEPT_LABEL, accept);
    }

    /**
     * Settings built field by field, each named; every field not set has its default ({@link
     * #DEFAULT}: the engine's, as the command line has them). {@link Builder#build()} checks
     * them as the constructor does.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to derive a variant from them. */
    public Builder toBuilder() {
        return builder()
                .threads(threads)
                .subdomains(subdomains)
                .include(include)
                .exclude(exclude)
                .maxDepth(maxDepth)
                .maxPages(maxPages)
                .checkExternal(checkExternal)
                .maxUrlLength(maxUrlLength)
                .maxSegmentRepeats(maxSegmentRepeats)
                .maxQueryVariants(maxQueryVariants)
                .respectRobots(respectRobots)
                .followNofollow(followNofollow)
                .useSitemaps(useSitemaps)
                .maxPerHost(maxPerHost)
                .delayMillis(delayMillis)
                .timeoutSeconds(timeoutSeconds)
                .maxPageMegabytes(maxPageMegabytes)
                .userAgent(userAgent)
                .maxRequestsPerSecond(maxRequestsPerSecond)
                .insecure(insecure)
                .caCertFile(caCertFile)
                .accept(accept)
                .checkAnchors(checkAnchors)
                .headers(headers)
                .cookies(cookies)
                .allowPrivate(allowPrivate)
                .maxRetries(maxRetries)
                .maxRetryAfterSeconds(maxRetryAfterSeconds)
                .maxCrawlDelaySeconds(maxCrawlDelaySeconds);
    }

    /**
     * Builds {@link CrawlSettings}; see the record's components for what each one means and
     * the range it takes. Starts from the defaults, said here once.
     */
    public static final class Builder {
        private int threads = CrawlPlan.DEFAULT_THREADS;
        private boolean subdomains;
        private List<String> include = List.of();
        private List<String> exclude = List.of();
        private int maxDepth = CrawlPlan.UNLIMITED;
        private int maxPages = CrawlPlan.UNLIMITED;
        private boolean checkExternal = true;
        private int maxUrlLength = CrawlScope.DEFAULT_MAX_URL_LENGTH;
        private int maxSegmentRepeats = CrawlScope.DEFAULT_MAX_SEGMENT_REPEATS;
        private int maxQueryVariants = CrawlScope.DEFAULT_MAX_QUERY_VARIANTS;
        private boolean respectRobots = true;
        private boolean followNofollow;
        private boolean useSitemaps;
        private int maxPerHost = Politeness.ALL_THREADS;
        private long delayMillis = Politeness.DEFAULT_DELAY_MILLIS;
        private double timeoutSeconds = CrawlPlan.DEFAULT_TIMEOUT_SECONDS;
        private double maxPageMegabytes = DEFAULT_PAGE_MEGABYTES;
        private String userAgent = DEFAULT_USER_AGENT;
        private double maxRequestsPerSecond = NO_RATE_LIMIT;
        private boolean insecure;
        private String caCertFile = "";
        private String accept = "";
        private boolean checkAnchors;
        private List<String> headers = List.of();
        private boolean cookies = true;
        private boolean allowPrivate;
        private int maxRetries = Politeness.DEFAULT_MAX_RETRIES;
        private double maxRetryAfterSeconds = Politeness.DEFAULT_MAX_RETRY_AFTER_SECONDS;
        private double maxCrawlDelaySeconds = Politeness.DEFAULT_MAX_CRAWL_DELAY_SECONDS;

        private Builder() {}

        public Builder threads(int v) {
            threads = v;
            return this;
        }

        public Builder subdomains(boolean v) {
            subdomains = v;
            return this;
        }

        public Builder include(List<String> v) {
            include = v;
            return this;
        }

        public Builder exclude(List<String> v) {
            exclude = v;
            return this;
        }

        public Builder maxDepth(int v) {
            maxDepth = v;
            return this;
        }

        public Builder maxPages(int v) {
            maxPages = v;
            return this;
        }

        public Builder checkExternal(boolean v) {
            checkExternal = v;
            return this;
        }

        public Builder maxUrlLength(int v) {
            maxUrlLength = v;
            return this;
        }

        public Builder maxSegmentRepeats(int v) {
            maxSegmentRepeats = v;
            return this;
        }

        public Builder maxQueryVariants(int v) {
            maxQueryVariants = v;
            return this;
        }

        public Builder respectRobots(boolean v) {
            respectRobots = v;
            return this;
        }

        public Builder followNofollow(boolean v) {
            followNofollow = v;
            return this;
        }

        public Builder useSitemaps(boolean v) {
            useSitemaps = v;
            return this;
        }

        public Builder maxPerHost(int v) {
            maxPerHost = v;
            return this;
        }

        public Builder delayMillis(long v) {
            delayMillis = v;
            return this;
        }

        public Builder timeoutSeconds(double v) {
            timeoutSeconds = v;
            return this;
        }

        public Builder maxPageMegabytes(double v) {
            maxPageMegabytes = v;
            return this;
        }

        public Builder userAgent(String v) {
            userAgent = v;
            return this;
        }

        public Builder maxRequestsPerSecond(double v) {
            maxRequestsPerSecond = v;
            return this;
        }

        public Builder insecure(boolean v) {
            insecure = v;
            return this;
        }

        public Builder caCertFile(String v) {
            caCertFile = v;
            return this;
        }

        public Builder accept(String v) {
            accept = v;
            return this;
        }

        public Builder checkAnchors(boolean v) {
            checkAnchors = v;
            return this;
        }

        public Builder headers(List<String> v) {
            headers = v;
            return this;
        }

        public Builder cookies(boolean v) {
            cookies = v;
            return this;
        }

        public Builder allowPrivate(boolean v) {
            allowPrivate = v;
            return this;
        }

        public Builder maxRetries(int v) {
            maxRetries = v;
            return this;
        }

        public Builder maxRetryAfterSeconds(double v) {
            maxRetryAfterSeconds = v;
            return this;
        }

        public Builder maxCrawlDelaySeconds(double v) {
            maxCrawlDelaySeconds = v;
            return this;
        }

        /**
         * The settings.
         *
         * @throws IllegalArgumentException with a plain sentence naming the first bad value
         */
        public CrawlSettings build() {
            return new CrawlSettings(threads, subdomains, include, exclude, maxDepth, maxPages,
                    checkExternal, maxUrlLength, maxSegmentRepeats, maxQueryVariants,
                    respectRobots, followNofollow, useSitemaps, maxPerHost, delayMillis,
                    timeoutSeconds, maxPageMegabytes, userAgent, maxRequestsPerSecond, insecure,
                    caCertFile, accept, checkAnchors, headers, cookies, allowPrivate, maxRetries,
                    maxRetryAfterSeconds, maxCrawlDelaySeconds);
        }
    }

    /** These settings with {@code regex} added to the exclude patterns (unless there already). */
    public CrawlSettings withExclude(String regex) {
        if (exclude.contains(regex)) {
            return this;
        }
        List<String> more = new ArrayList<>(exclude);
        more.add(regex);
        return toBuilder().exclude(more).build();
    }

    /**
     * Whether the text can be sent as a header value: no control characters (line breaks
     * included) and nothing beyond ASCII, the rule of the command line's --user-agent.
     */
    static boolean isPrintableAscii(String text) {
        return text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    /** The download cap per page in bytes (1 MB = 1,048,576 bytes, rounded to a byte). */
    public long maxBodyBytes() {
        return Math.round(maxPageMegabytes * BYTES_PER_MEGABYTE);
    }

    /** A number as typed: "10", "0.5", never "1.0E-3". */
    static String plain(double n) {
        return BigDecimal.valueOf(n).stripTrailingZeros().toPlainString();
    }

    private static void limit(CrawlLimit limit, double value) {
        check(limit.holds(value), limit.rule(Naming.LABEL));
    }

    private static void check(boolean ok, String sentence) {
        if (!ok) {
            throw new IllegalArgumentException(sentence);
        }
    }

    /** Compiles the regexes; a bad one is quoted in a sentence. */
    static List<Pattern> compile(List<String> regexes, String what) {
        List<Pattern> out = new ArrayList<>(regexes.size());
        for (String r : regexes) {
            try {
                out.add(Pattern.compile(r));
            } catch (PatternSyntaxException e) {
                String why = e.getDescription();
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s pattern \"%s\" is not a valid regular expression: %s.",
                        what, r, why.isEmpty() ? why
                                : Character.toLowerCase(why.charAt(0)) + why.substring(1)));
            }
        }
        return out;
    }

    /**
     * The plan for a crawl from {@code start} with these settings.
     *
     * @param defaultUserAgent sent when {@link #userAgent()} is blank
     */
    public CrawlPlan toPlan(URI start, String defaultUserAgent) {
        return CrawlPlan.of(start, userAgent.isBlank() ? defaultUserAgent : userAgent)
                .withThreads(threads)
                .withMaxDepth(maxDepth)
                .withMaxPages(maxPages)
                .withTimeout(duration(timeoutSeconds))
                .withMaxBodyBytes(maxBodyBytes())
                .withCheckExternal(checkExternal)
                .withRespectRobots(respectRobots)
                .withFollowNofollow(followNofollow)
                .withSitemaps(useSitemaps)
                .withCheckAnchors(checkAnchors)
                .withScope(CrawlScope.DEFAULT
                        .withSubdomains(subdomains)
                        .withInclude(compile(include, "Include"))
                        .withExclude(compile(exclude, "Exclude"))
                        .withMaxUrlLength(maxUrlLength)
                        .withMaxSegmentRepeats(maxSegmentRepeats)
                        .withMaxQueryVariants(maxQueryVariants))
                .withPoliteness(Politeness.DEFAULT
                        .withMaxPerHost(maxPerHost)
                        .withRate(Duration.ofMillis(delayMillis), maxRequestsPerSecond)
                        .withMaxRetries(maxRetries)
                        .withMaxRetryAfter(duration(maxRetryAfterSeconds))
                        .withMaxCrawlDelay(duration(maxCrawlDelaySeconds)))
                .toBuilder()
                .insecure(insecure)
                .caCertFile(caCertFile)
                .accept(accepted(accept))
                .siteHeaders(siteHeaders(headers))
                .cookies(cookies)
                .allowPrivate(allowPrivate)
                .build();
    }

    /** Seconds as typed, to the millisecond, as the command line reads its durations. */
    private static Duration duration(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** A duration in seconds, to the millisecond, within [min, max]. */
    private static double seconds(Duration d, double min, double max) {
        return Math.max(min, Math.min(max, d.toMillis() / 1000.0));
    }

    /**
     * The settings a stored crawl was made with, read back from its plan, as the form shows
     * them: the user agent blank when it is {@code defaultUserAgent}; the rate limit as it was
     * given, beside the delay when that was longer than the rate's gap (a shorter one changed
     * nothing and is not kept: {@link Politeness#delayBeyondRate()}). A file written before
     * plans kept the rate shows its gap as the delay, in whole ms. Values beyond the form's
     * ranges (a crawl made on the command line) are shown at the range's nearest end.
     *
     * @throws IllegalArgumentException when the plan holds something the form cannot show
     */
    public static CrawlSettings of(CrawlPlan plan, String defaultUserAgent) {
        CrawlScope scope = plan.scope();
        Politeness p = plan.politeness();
        double megabytes = Math.max(MIN_PAGE_MEGABYTES, Math.min(MAX_PAGE_MEGABYTES,
                plan.maxBodyBytes() / BYTES_PER_MEGABYTE));
        return builder()
                .threads(plan.threads())
                .subdomains(scope.subdomains())
                .include(patterns(scope.include()))
                .exclude(patterns(scope.exclude()))
                .maxDepth(plan.maxDepth())
                .maxPages(plan.maxPages())
                .checkExternal(plan.checkExternal())
                .maxUrlLength(scope.maxUrlLength())
                .maxSegmentRepeats(scope.maxSegmentRepeats())
                .maxQueryVariants(scope.maxQueryVariants())
                .respectRobots(plan.respectRobots())
                .followNofollow(plan.followNofollow())
                .useSitemaps(plan.useSitemaps())
                .maxPerHost(Math.min(p.maxPerHost(), MAX_PER_HOST))
                .delayMillis(Math.min(p.delayBeyondRate().toMillis(), MAX_DELAY_MILLIS))
                .timeoutSeconds(seconds(plan.timeout(), MIN_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS))
                .maxPageMegabytes(megabytes)
                .userAgent(plan.userAgent().equals(defaultUserAgent) ? DEFAULT_USER_AGENT
                        : plan.userAgent())
                .maxRequestsPerSecond(rate(p.maxRequestsPerSecond()))
                .insecure(plan.insecure())
                .caCertFile(plan.caCertFile())
                .accept(plan.accept().toString())
                .checkAnchors(plan.checkAnchors())
                .headers(plan.siteHeaders().headers().stream().map(Header::line).toList())
                .cookies(plan.cookies())
                .allowPrivate(plan.allowPrivate())
                .maxRetries(p.maxRetries())
                .maxRetryAfterSeconds(seconds(p.maxRetryAfter(), 0, MAX_WAIT_SECONDS))
                .maxCrawlDelaySeconds(seconds(p.maxCrawlDelay(), 0, MAX_WAIT_SECONDS))
                .build();
    }

    /**
     * The threads and what differs from the defaults, header values never (one may be a
     * password, and a record's own text would print it wherever the settings are logged).
     */
    @Override
    public String toString() {
        return "CrawlSettings[" + threads + " threads" + (changes().isEmpty() ? "" : " · ")
                + changes() + "]";
    }

    /** A plan's rate limit within the form's range, or {@link #NO_RATE_LIMIT}. */
    private static double rate(double maxRequestsPerSecond) {
        return maxRequestsPerSecond == Politeness.NO_RATE_LIMIT ? NO_RATE_LIMIT
                : Math.max(MIN_REQUESTS_PER_SECOND,
                        Math.min(MAX_REQUESTS_PER_SECOND, maxRequestsPerSecond));
    }

    private static List<String> patterns(List<Pattern> regexes) {
        return regexes.stream().map(Pattern::pattern).toList();
    }

    /**
     * What differs from the defaults, threads aside, in a few words ("max depth 3 · 1 exclude
     * pattern"), or "" when nothing does: shown on the collapsed settings.
     */
    public String changes() {
        return changes(false);
    }

    /**
     * As {@link #changes()}, for a list check when {@code forList}: sitemaps and anchors ticked
     * are named as not read then ({@link SettingsChanges}).
     */
    public String changes(boolean forList) {
        return SettingsChanges.of(this, forList);
    }

}
