package io.webprobe.cli;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlScope;
import io.webprobe.crawl.Politeness;
import io.webprobe.crawl.SiteHeaders;
import io.webprobe.export.OutputCheck;
import io.webprobe.http.StatusSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code webprobe crawl URL}: crawls a site headless and writes CSV files. Exit 0 when no
 * broken link was found, 1 when some were, 2 for bad arguments, an unfetchable start URL or an
 * export that could not be written.
 *
 * <p>This class holds the options and checks them ({@link CrawlOptionChecks}); the crawl file
 * is opened by {@link CrawlOpening}, the crawl run by {@link CrawlRun}, its summary and lists
 * said by {@link CrawlReport}.
 */
@Command(
        name = "crawl",
        mixinStandardHelpOptions = true,
        versionProvider = WebprobeCli.VersionProvider.class,
        sortOptions = false,
        description = "Crawl every page of a site and report broken links.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:finished, no broken links (blocked URLs never count: robots.txt, rate limits, bot "
                    + "walls; nor do the statuses given to --accept)",
            "1:broken links found (or, with --check-anchors, missing anchors); an href that is "
                    + "no URL counts as one (a malformed URL, a mailto: link with a malformed "
                    + "address, any file: link) unless --exclude matches it",
            "2:bad arguments, start URL not fetchable (or answering a 4xx/5xx not given to "
                    + "--accept), crawl file or CSV not written",
            "129:stopped by SIGHUP, the terminal closed (what was crawled is reported and "
                    + "written)",
            "130:stopped by Ctrl-C (likewise)",
            "143:stopped by SIGTERM (likewise)"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  A CI gate: exit 1 on a broken link; broken.csv names each with its page:",
            "    ${COMMAND-FULL-NAME} https://example.com/ -q --broken-csv broken.csv",
            "  At most 5 requests a second, kept in site.webprobe (after Ctrl-C, go on",
            "  with --resume site.webprobe):",
            "    ${COMMAND-FULL-NAME} https://example.com/ --db site.webprobe --max-rps 5",
            "  Leave mail links out, and count a 403 (a site that answers bots so) as OK:",
            "    ${COMMAND-FULL-NAME} https://example.com/ --exclude '^mailto:' --accept 403"
        })
public final class CrawlCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int BROKEN = 1;
    static final int FAILED = 2;

    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "URL",
            description = "Start URL (http or https; http:// is added when left out).")
    String url;

    /** Whether the CSVs could not be written for a reason the crawl should be kept for. */
    boolean keepCrawl;
    /** The temporary crawl file kept (it filled the disk, or its CSVs failed), or null. */
    Path kept;
    /**
     * What a kept crawl that stopped before its end is continued with, after its file's name
     * (the sign-in and headers to give again, the CSV options when they were not written
     * because of the problem); null when it ended.
     */
    String keptResumeOptions;
    /** Where the crawl stood when this run resumed it ({@code --resume}), for its summary. */
    CrawlReport.Resumed resumedFrom;

    @Option(names = "--db", paramLabel = "FILE",
            description = "Keep the crawl in this crawl file (.webprobe, SQLite) to open, export, "
                    + "compare or resume later (default: a temporary file removed at exit, or "
                    + "kept if it fills the disk or the CSV files cannot be written).")
    Path db;

    @Option(names = "--resume", paramLabel = "FILE",
            description = "Continue the crawl stored in FILE (stopped, or killed) with the "
                    + "settings it was started with: finished URLs are not fetched again.")
    Path resumeFile;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "" + CrawlPlan.DEFAULT_THREADS,
            description = "Worker threads, 1 to 256 (default: ${DEFAULT-VALUE}; with --resume, "
                    + "the number the crawl last ran with).")
    int threads;

    @Option(names = "--max-depth", paramLabel = "D",
            description = "Follow links at most D clicks from the start page (default: no limit).")
    Integer maxDepth;

    @Option(names = "--max-pages", paramLabel = "P",
            description = "Take at most P URLs of the site, those robots.txt blocks "
                    + "included (default: no limit).")
    Integer maxPages;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            defaultValue = "" + CrawlPlan.DEFAULT_TIMEOUT_SECONDS,
            converter = DurationConverter.class,
            description = "Per-request timeout, seconds or with a unit (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "10",
            converter = DurationConverter.class, description = ConnectTimeouts.HELP)
    Duration connectTimeout;

    @Option(names = "--max-size", paramLabel = "SIZE",
            defaultValue = CrawlPlan.DEFAULT_MAX_BODY_MEGABYTES + "MB",
            converter = SizeConverter.class,
            description = "Download at most this much of each page, e.g. 500KB or 50MB; a "
                    + "longer page is marked truncated. Beyond 2 MB a page waits in a temporary "
                    + "file, not in memory (default: ${DEFAULT-VALUE}).")
    long maxSize;

    @Option(names = "--user-agent", paramLabel = "TEXT",
            description = "The User-Agent header (default: " + "Webprobe/<version>). robots.txt "
                    + "rules are still read for the agent 'webprobe'.")
    String userAgent;

    @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'",
            description = "A request header for the site's own URLs (a session cookie, a "
                    + "token); repeatable. Never sent to other hosts. Kept in the crawl file, "
                    + "so --resume sends it again, unless it may hold a password "
                    + "(Authorization, Cookie, a name with auth, token, key, secret, session "
                    + "or password in it): of that one the file keeps the name only, so give "
                    + "it again with --resume (without it, a warning says so). "
                    + SignIn.HEADER_REMOVES)
    List<String> headers = new ArrayList<>();

    @Option(names = {"-u", "--user"}, paramLabel = "NAME[:PASSWORD]",
            description = "Sign in to the site with HTTP basic authentication (a staging "
                    + "site's password), on its own URLs only and never stored: give it again "
                    + "with --resume. " + SignIn.PASSWORD_HELP + " A site asking for a token "
                    + "takes it with -H 'Authorization: Bearer TOKEN' instead.")
    String user;

    @Option(names = "--no-external", description = "Do not check links to other hosts.")
    boolean noExternal;

    @Option(names = "--ignore-robots",
            description = "Crawl URLs that robots.txt disallows (default: obey robots.txt).")
    boolean ignoreRobots;

    @Option(names = "--follow-nofollow",
            description = "Follow the links of pages marked nofollow (default: do not).")
    boolean followNofollow;

    @Option(names = "--accept", paramLabel = "CODES",
            description = "Count these statuses as OK, not broken: codes and ranges separated "
                    + "by commas, e.g. 403 or 401,403,410 or 400-403 (lychee's 400..=403 "
                    + "too); repeatable. For a site that answers crawlers 403. The URLs keep "
                    + "their status in the CSV, and the summary counts them apart; a start "
                    + "URL answering one is not a failure, but has no links to follow "
                    + "(default: none; codes below 400, and the 429s a site keeps "
                    + "answering, which are blocked, are never broken).")
    List<String> accept = new ArrayList<>();

    @Option(names = "--sitemaps",
            description = "Also crawl the URLs listed in the site's sitemaps (the Sitemap lines "
                    + "of its robots.txt, else /sitemap.xml) and report those no page links "
                    + "to.")
    boolean sitemaps;

    @Option(names = "--check-anchors",
            description = "Also check the fragments of links to the site's pages "
                    + "(page.html#part): a link to an anchor (id or a name) its page lacks is "
                    + "reported as a missing anchor and fails the run (exit code 1), as "
                    + "lychee's --include-fragments does (default: fragments are not checked).")
    boolean checkAnchors;

    @Option(names = "--no-cookies",
            description = "Do not keep the cookies the site sets (default: kept for the crawl "
                    + "and sent back, as a browser does, so consent gates and session checks "
                    + "work).")
    boolean noCookies;

    @Option(names = "--cacert", paramLabel = "FILE",
            description = "Also trust the certificates in this PEM file (a staging or intranet "
                    + "site's self-signed certificate or private CA), besides the usual "
                    + "authorities. Host names are still checked.")
    Path cacert;

    @Option(names = {"-k", "--insecure"},
            description = "Accept any certificate for any host name. Prints a warning.")
    boolean insecure;

    @Option(names = "--allow-private",
            description = "Also request links to private, loopback and link-local addresses "
                    + "(such as 192.168.0.0/16, 10.0.0.0/8, 127.0.0.0/8 and 169.254.0.0/16) "
                    + "when the start URL is a public site (default: they are listed as "
                    + "blocked; a crawl that starts on such an address requests them "
                    + "anyway).")
    boolean allowPrivate;

    @Option(names = "--subdomains",
            description = "Crawl every subdomain of the start domain, not only the start host.")
    boolean subdomains;

    @Option(names = "--include", paramLabel = "REGEX",
            description = "Crawl only site URLs matching one of these anywhere in the whole "
                    + "URL (repeatable): /docs/ takes any URL with /docs/ in it, and "
                    + "'^https?://[^/]+/docs/' only those whose path starts with it.")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "REGEX",
            description = "Neither crawl nor check URLs matching any of these anywhere in "
                    + "the whole URL (repeatable). An href that is no URL is matched as "
                    + "written, so '^mailto:' or '^file:' leaves out those broken links "
                    + "(counted with the URLs left out).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--max-url-length", paramLabel = "N",
            defaultValue = "" + CrawlScope.DEFAULT_MAX_URL_LENGTH,
            description = "Skip longer URLs as likely traps (default: ${DEFAULT-VALUE}).")
    int maxUrlLength;

    @Option(names = "--max-segment-repeats", paramLabel = "N",
            defaultValue = "" + CrawlScope.DEFAULT_MAX_SEGMENT_REPEATS,
            description = "Skip paths repeating a segment more often, like /a/b/a/b/a/b "
                    + "(default: ${DEFAULT-VALUE}).")
    int maxSegmentRepeats;

    @Option(names = "--max-query-variants", paramLabel = "N",
            defaultValue = "" + CrawlScope.DEFAULT_MAX_QUERY_VARIANTS,
            description = "Skip a path's query strings beyond this many, like an endless "
                    + "calendar (default: ${DEFAULT-VALUE}).")
    int maxQueryVariants;

    @Option(names = "--max-per-host", paramLabel = "N", defaultValue = "" + Politeness.ALL_THREADS,
            description = "At most N requests in flight to one host (default: ${DEFAULT-VALUE} "
                    + "= as many as --threads).")
    int maxPerHost;

    @Option(names = "--delay-ms", paramLabel = "MS",
            defaultValue = "" + Politeness.DEFAULT_DELAY_MILLIS,
            description = "Wait at least MS milliseconds between the starts of two requests "
                    + "to one host (default: ${DEFAULT-VALUE}).")
    long delayMs;

    @Option(names = "--max-rps", paramLabel = "R",
            description = "At most R requests per second to one host, e.g. 2 or 0.5 (sets "
                    + "the least gap between starts to 1/R s; the larger of it and --delay-ms "
                    + "applies) (default: no limit).")
    Double maxRps;

    @Option(names = "--max-crawl-delay", paramLabel = "SECONDS",
            defaultValue = "" + Politeness.DEFAULT_MAX_CRAWL_DELAY_SECONDS,
            converter = DurationConverter.OrZero.class,
            description = "Honour a robots.txt Crawl-delay up to this, cutting a longer one "
                    + "to it; 0 ignores Crawl-delay (default: ${DEFAULT-VALUE}).")
    Duration maxCrawlDelay;

    @Option(names = "--max-retries", paramLabel = "N",
            defaultValue = "" + Politeness.DEFAULT_MAX_RETRIES,
            description = "Ask again this often after a 429 or 503, 0 to 10, waiting as "
                    + "Retry-After says (else 1 s, 2 s, 4 s...) (default: ${DEFAULT-VALUE}).")
    int maxRetries;

    @Option(names = "--max-retry-after", paramLabel = "SECONDS",
            defaultValue = "" + Politeness.DEFAULT_MAX_RETRY_AFTER_SECONDS,
            converter = DurationConverter.OrZero.class,
            description = "Do not wait longer than this for a Retry-After; report the URL "
                    + "as rate-limited instead (default: ${DEFAULT-VALUE}).")
    Duration maxRetryAfter;

    @Mixin
    CrawlCsvOptions files = new CrawlCsvOptions();

    @Option(names = {"-q", "--quiet"},
            description = "No progress output, and no list of broken links after the summary.")
    boolean quiet;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        String invalid = resumeFile != null ? CrawlOptionChecks.resumeOptions(this)
                : CrawlOptionChecks.ranges(this);
        if (invalid != null) {
            return fail(err, invalid);
        }
        OutputCheck outputs = files.addTo(new OutputCheck(true)
                .stdoutClosed(StdStreams.stdoutClosed()));
        if (db != null) {
            outputs.add("--db", db).crawlFile("--db", db);
        }
        outputs.crawlFile("--resume", resumeFile).input("--cacert", cacert);
        String outputProblem = outputs.problem();
        if (outputProblem != null) {
            return fail(err, outputProblem);
        }
        // with a CSV on standard output, the summary goes to stderr so the CSV stays clean
        PrintWriter summaryOut = outputs.usesStdout() ? err : spec.commandLine().getOut();
        // Ctrl-C is watched from before the crawl file is opened: pressed during the start-up
        // (a resume's password prompt, reading a large file), it ends it as it ends a crawl,
        // the file closed, and lets go only once it is
        try (CtrlC ctrlC = new CtrlC()) {
            CrawlOpening.Opened opened = CrawlOpening.open(this, err, ctrlC);
            if (opened == null) {
                return ctrlC.wasPressed() ? CtrlC.STOPPED : FAILED;
            }
            return CrawlRun.run(this, opened, summaryOut, err, ctrlC);
        }
    }

    /**
     * Says that Ctrl-C ended the start-up, before any request ({@link CtrlC#stoppedBeforeStart}):
     * with the command that continues the crawl when its file is kept ({@code resume}, else
     * null).
     */
    static int stoppedBeforeStart(PrintWriter err, String resume) {
        return CtrlC.stoppedBeforeStart(err, "crawl", resume);
    }

    /**
     * The statuses --accept names (all its values), or none.
     *
     * @throws IllegalArgumentException with one sentence when a value is not a code or range
     */
    StatusSet acceptedStatuses() {
        return accept.isEmpty() ? StatusSet.NONE
                : StatusSet.parse("--accept", String.join(",", accept));
    }

    /** Says one sentence on stderr, as every command does; the exit code of a failure. */
    static int fail(PrintWriter err, String message) {
        err.println("webprobe: " + message);
        err.flush();
        return FAILED;
    }

    /**
     * The line a resume says before it goes on without the headers whose values its file does
     * not keep: how to send them again ("give it again with -H 'X-Token: …'"; an Authorization
     * header may have been --user's).
     */
    static String withheldWarning(SiteHeaders withheld) {
        boolean one = withheld.withheld().size() == 1;
        boolean signIn = withheld.withheld().stream()
                .anyMatch(n -> n.equalsIgnoreCase("Authorization"));
        return "webprobe: warning: resuming without " + withheld.withheldClause()
                + (one ? "; to send it, give it" : "; to send them, give them") + " again with"
                + SignIn.forResume(null, withheld, false, "")
                + (signIn ? " (or --user NAME:PASSWORD)." : ".");
    }
}