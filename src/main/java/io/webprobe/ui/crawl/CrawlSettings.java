package io.webprobe.ui.crawl;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlScope;
import io.webprobe.crawl.Politeness;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Everything the Crawl tab lets the user choose besides the start URL. Immutable and always
 * valid: the constructor rejects a bad value with a plain sentence ({@link
 * IllegalArgumentException#getMessage()}), so a copy read back from disk is checked as the form
 * is. Plain values only (regexes as text), so it can be remembered between runs.
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
 * @param timeoutSeconds overall deadline per request, seconds, 1 to 600
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
        int timeoutSeconds) {

    public static final int MAX_THREADS = 256;
    public static final int MAX_PER_HOST = 256;
    public static final long MAX_DELAY_MILLIS = 3_600_000;
    public static final int MAX_TIMEOUT_SECONDS = 600;

    /** The engine's defaults, as the command line has them. */
    public static final CrawlSettings DEFAULT = new CrawlSettings(CrawlPlan.DEFAULT_THREADS, false,
            List.of(), List.of(), CrawlPlan.UNLIMITED, CrawlPlan.UNLIMITED, true,
            CrawlScope.DEFAULT.maxUrlLength(), CrawlScope.DEFAULT.maxSegmentRepeats(),
            CrawlScope.DEFAULT.maxQueryVariants(), true, false, false, Politeness.ALL_THREADS,
            Politeness.DEFAULT.delay().toMillis(), (int) CrawlPlan.DEFAULT_TIMEOUT.toSeconds());

    public CrawlSettings {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        check(threads >= 1 && threads <= MAX_THREADS, "Threads must be between 1 and 256.");
        compile(include, "Include");
        compile(exclude, "Exclude");
        check(maxDepth >= 0, "Max depth must be 0 (the start page only) or more.");
        check(maxPages >= 1, "Max pages must be 1 or more.");
        check(maxUrlLength >= 10, "Max URL length must be 10 or more.");
        check(maxSegmentRepeats >= 1, "Max segment repeats must be 1 or more.");
        check(maxQueryVariants >= 1, "Max query variants must be 1 or more.");
        check(maxPerHost >= 0 && maxPerHost <= MAX_PER_HOST,
                "Max requests per host must be between 0 (as many as threads) and 256.");
        check(delayMillis >= 0 && delayMillis <= MAX_DELAY_MILLIS,
                "Delay per host must be between 0 and 3600000 ms (an hour).");
        check(timeoutSeconds >= 1 && timeoutSeconds <= MAX_TIMEOUT_SECONDS,
                "Timeout must be between 1 and 600 seconds.");
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

    /** The plan for a crawl from {@code start} with these settings. */
    public CrawlPlan toPlan(URI start, String userAgent) {
        return CrawlPlan.of(start, userAgent)
                .withThreads(threads)
                .withMaxDepth(maxDepth)
                .withMaxPages(maxPages)
                .withTimeout(Duration.ofSeconds(timeoutSeconds))
                .withCheckExternal(checkExternal)
                .withRespectRobots(respectRobots)
                .withFollowNofollow(followNofollow)
                .withSitemaps(useSitemaps)
                .withScope(CrawlScope.DEFAULT
                        .withSubdomains(subdomains)
                        .withInclude(compile(include, "Include"))
                        .withExclude(compile(exclude, "Exclude"))
                        .withMaxUrlLength(maxUrlLength)
                        .withMaxSegmentRepeats(maxSegmentRepeats)
                        .withMaxQueryVariants(maxQueryVariants))
                .withPoliteness(Politeness.DEFAULT
                        .withMaxPerHost(maxPerHost)
                        .withDelay(Duration.ofMillis(delayMillis)));
    }

    /**
     * What differs from the defaults, threads aside, in a few words ("max depth 3 · 1 exclude
     * pattern"), or "" when nothing does: shown on the collapsed settings.
     */
    public String changes() {
        StringJoiner out = new StringJoiner(" · ");
        if (subdomains) {
            out.add("all subdomains");
        }
        if (!include.isEmpty()) {
            out.add(count(include.size(), "include pattern"));
        }
        if (!exclude.isEmpty()) {
            out.add(count(exclude.size(), "exclude pattern"));
        }
        if (maxDepth != CrawlPlan.UNLIMITED) {
            out.add("max depth " + maxDepth);
        }
        if (maxPages != CrawlPlan.UNLIMITED) {
            out.add(String.format(Locale.ROOT, "max %,d pages", maxPages));
        }
        if (!checkExternal) {
            out.add("no external links");
        }
        if (maxUrlLength != DEFAULT.maxUrlLength || maxSegmentRepeats != DEFAULT.maxSegmentRepeats
                || maxQueryVariants != DEFAULT.maxQueryVariants) {
            out.add("trap guards changed");
        }
        if (!respectRobots) {
            out.add("ignoring robots.txt");
        }
        if (followNofollow) {
            out.add("following nofollow");
        }
        if (useSitemaps) {
            out.add("sitemaps");
        }
        if (maxPerHost != DEFAULT.maxPerHost) {
            out.add(maxPerHost + " per host");
        }
        if (delayMillis != DEFAULT.delayMillis) {
            out.add(String.format(Locale.ROOT, "%,d ms delay", delayMillis));
        }
        if (timeoutSeconds != DEFAULT.timeoutSeconds) {
            out.add(timeoutSeconds + " s timeout");
        }
        return out.toString();
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
