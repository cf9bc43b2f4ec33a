package io.webprobe.cli;

import static io.webprobe.crawl.CrawlLimit.Naming.OPTION;

import io.webprobe.CommandName;
import io.webprobe.crawl.CrawlLimit;
import picocli.CommandLine;

/**
 * What is wrong with the options of {@code webprobe crawl}, as one sentence for stderr, before
 * anything is fetched or written: values out of range, options that clash, and options a
 * resume cannot take.
 */
final class CrawlOptionChecks {
    private CrawlOptionChecks() {}

    /**
     * The problem with the options of a resume, or null: with --resume, only output options may
     * be given (the crawl keeps its own settings).
     */
    static String resumeOptions(CrawlCommand c) {
        if (c.url != null) {
            return "--resume continues the crawl stored in the file; leave out the URL.";
        }
        if (c.db != null) {
            return "--resume writes to the file it continues; leave out --db.";
        }
        for (CommandLine.Model.OptionSpec o
                : c.spec.commandLine().getParseResult().matchedOptions()) {
            String name = o.longestName();
            if (!RESUME_OPTIONS.contains(name)) {
                return "--resume continues the crawl with the settings it was started with; "
                        + "leave out " + name + ".";
            }
        }
        if (c.spec.commandLine().getParseResult().hasMatchedOption("--threads")) {
            return CrawlLimit.THREADS.problem(c.threads, OPTION);
        }
        return null;
    }

    private static final java.util.Set<String> RESUME_OPTIONS = java.util.Set.of("--resume",
            "--csv", "--broken-csv", "--orphans-csv", "--excel", "--quiet", "--connect-timeout",
            "--header", "--user", "--threads");

    /**
     * The first problem with the options of a new crawl (a value out of range, two that
     * clash), or null.
     */
    static String ranges(CrawlCommand c) {
        String problem = firstProblem(
                CrawlLimit.THREADS.problem(c.threads, OPTION),
                c.maxDepth == null ? null : CrawlLimit.MAX_DEPTH.problem(c.maxDepth, OPTION),
                c.maxPages == null ? null : CrawlLimit.MAX_PAGES.problem(c.maxPages, OPTION),
                CrawlLimit.MAX_URL_LENGTH.problem(c.maxUrlLength, OPTION),
                CrawlLimit.MAX_SEGMENT_REPEATS.problem(c.maxSegmentRepeats, OPTION),
                CrawlLimit.MAX_QUERY_VARIANTS.problem(c.maxQueryVariants, OPTION),
                CrawlLimit.MAX_PER_HOST.problem(c.maxPerHost, OPTION),
                CrawlLimit.DELAY_MILLIS.problem(c.delayMs, OPTION),
                c.maxRps == null ? null : CrawlLimit.REQUESTS_PER_SECOND.problem(c.maxRps, OPTION));
        if (problem != null) {
            return problem;
        }
        if (c.userAgent != null && c.userAgent.isBlank()) {
            return "--user-agent must not be empty; leave it out to send Webprobe's own.";
        }
        if (c.userAgent != null && c.userAgent.chars().anyMatch(ch -> ch < 0x20 || ch >= 0x7f)) {
            return "--user-agent must be printable ASCII text on one line.";
        }
        try {
            c.acceptedStatuses();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (!CrawlLimit.MAX_RETRIES.holds(c.maxRetries)) {
            return CrawlLimit.MAX_RETRIES.rule(OPTION); // the Crawl tab's rule too
        }
        if (c.maxCrawlDelay.isNegative() || c.maxRetryAfter.isNegative()) {
            return "--max-crawl-delay and --max-retry-after must not be negative.";
        }
        if (c.url == null || c.url.isBlank()) {
            // crawl '' (an unset variable) said the Crawl tab's "Enter an address to start"
            return "Give the start URL, e.g. " + CommandName.get() + " crawl https://example.com/ "
                    + "(or --resume FILE to continue a stored crawl).";
        }
        String help = WebprobeCli.helpAsUrl("crawl", c.url);
        if (help != null) {
            return help;
        }
        if (c.insecure && c.cacert != null) {
            return "Use either --cacert or --insecure, not both.";
        }
        String connect = ConnectTimeouts.longerThanTimeout(c.spec, c.connectTimeout, c.timeout);
        if (connect != null) {
            return connect;
        }
        if (c.files.orphansCsv != null && !c.sitemaps) {
            return "--orphans-csv needs --sitemaps: orphans are the sitemap URLs no page links to.";
        }
        return null;
    }

    /** The first of the problems that is not null, else null. */
    private static String firstProblem(String... problems) {
        for (String p : problems) {
            if (p != null) {
                return p;
            }
        }
        return null;
    }
}
