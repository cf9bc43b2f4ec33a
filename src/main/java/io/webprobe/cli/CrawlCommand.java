package io.webprobe.cli;

import io.webprobe.CommandName;
import io.webprobe.Version;
import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlScope;
import io.webprobe.crawl.CrawlSummary;
import io.webprobe.crawl.Politeness;
import io.webprobe.crawl.ProgressFormat;
import io.webprobe.crawl.CrawlState;
import io.webprobe.crawl.ResumeState;
import io.webprobe.crawl.SiteHeaders;
import io.webprobe.export.ExportException;
import io.webprobe.export.OutputCheck;
import io.webprobe.store.CrawlReader;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.SqliteHeader;
import io.webprobe.store.StoreException;
import io.webprobe.crawl.CrawlProbes;
import io.webprobe.http.Header;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.StatusSet;
import io.webprobe.http.TlsTrust;
import io.webprobe.http.UrlSyntax;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
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
            converter = DurationConverter.class,
            description = "Give up connecting after this, seconds or with a unit; at most "
                    + "--timeout (default: ${DEFAULT-VALUE}).")
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
        String invalid = resumeFile != null ? CrawlOptionChecks.resumeOptions(this) : CrawlOptionChecks.ranges(this);
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
        CrawlStore store;
        ResumeState resumeState = null;
        HttpProbe probe;
        SiteHeaders site = null;
        if (resumeFile == null) {
            try {
                site = siteHeaders(true);
            } catch (IllegalArgumentException e) {
                return fail(err, WebprobeCli.sentence(e.getMessage())); // Header.parse adds no "."
            }
        }
        try {
            if (resumeFile != null) {
                store = CrawlStore.open(resumeFile, CrawlStore.Access.RESUME);
                if (files.orphansCsv != null && !store.plan().useSitemaps()) {
                    // before the resume: it would crawl on and write a header-only file
                    store.close();
                    return fail(err, ExportCommand.noOrphans(resumeFile));
                }
                Duration stored = store.plan().timeout();
                if (spec.commandLine().getParseResult().hasMatchedOption("--connect-timeout")
                        && connectTimeout.compareTo(stored) > 0) {
                    // it would be cut to the stored timeout without a word
                    store.close();
                    return fail(err, "--connect-timeout " + spec.commandLine().getParseResult()
                            .matchedOption("--connect-timeout").stringValues().get(0)
                            + " is longer than the timeout the crawl in " + resumeFile
                            + " was started with (" + ProgressFormat.seconds(stored)
                            + "); give it at most that.");
                }
            } else {
                CrawlPlan plan = plan();
                if (db != null && java.nio.file.Files.exists(db)) {
                    return fail(err, existingDb(db));
                }
                CrawlProbes.trust(plan); // a certificate file that cannot be read: before work
                // the headers that hold no secret are kept with it, the others' names only
                CrawlPlan sent = plan.withSiteHeaders(site);
                store = db != null ? CrawlStore.create(db, sent)
                        : CrawlStore.createTemporary(sent);
            }
        } catch (UrlSyntax.InvalidUrlException | IllegalArgumentException | StoreException
                | TlsTrust.TrustException e) {
            return fail(err, e.getMessage());
        }
        try {
            probe = CrawlProbes.forPlan(store.plan(), connectTimeout);
            if (resumeFile != null) {
                resumeState = store.resumeState();
                // a finished crawl sends nothing: no password is asked for a --user
                site = siteHeaders(!resumeState.finished());
            }
        } catch (TlsTrust.TrustException | StoreException e) {
            store.close();
            return fail(err, e.getMessage());
        } catch (IllegalArgumentException e) {
            store.close();
            return fail(err, WebprobeCli.sentence(e.getMessage()));
        }
        // Ctrl-C lets go only once the file is closed: a temporary one is deleted then, a kept
        // one is left whole (one file, its state saved)
        int code;
        try (CtrlC ctrlC = new CtrlC(); store) {
            if (resumeState != null && resumeState.finished()) {
                // no warning on headers or certificates: no request is sent (Screaming Frog's
                // resume of a finished crawl does nothing); the summary and exit code as its own
                summaryOut.println(resumeFile + " is a finished crawl: nothing to resume.");
            } else if (resumeState != null && store.info().state() == CrawlState.FINISHED) {
                // a re-check of a fixed page found links the crawl had never seen
                summaryOut.println("The crawl in " + resumeFile + " had finished; re-checking "
                        + "found " + io.webprobe.Words.count(resumeState.toFetch(), "new URL")
                        + " since, which it crawls now.");
                summaryOut.flush();
            }
            code = crawl(store, probe, resumeState, site, summaryOut, err, ctrlC);
        } catch (StoreException e) {
            code = fail(err, e.getMessage());
        }
        if (kept != null) {
            kept = store.keptAt(); // renamed when closed: no longer a temporary crawl's name
            CrawlReport.tellKept(this, err); // once the file is closed: whether its -wal file is left is known
        }
        return code;
    }

    /**
     * Why --db cannot take a file that exists: a crawl to continue with --resume, or (a plain
     * SQLite database, a damaged or cut-short crawl file) what --resume would say of it, and
     * that it is not overwritten, so that --db and --resume never send the user to each other.
     */
    private static String existingDb(Path db) {
        String leftover = CrawlStore.emptyLeftover(db);
        if (leftover != null) {
            return leftover;
        }
        String notOverwritten = "Webprobe does not overwrite it. Choose another name.";
        if (!SqliteHeader.isDatabase(db)) {
            return "A file named " + db + " already exists; " + notOverwritten;
        }
        try (CrawlStore stored = CrawlStore.open(db, CrawlStore.Access.READ_ONLY)) {
            return "A file named " + db + " already exists; to continue the crawl stored there "
                    + "use --resume " + db + ", or choose another name.";
        } catch (StoreException e) {
            if (e.heldElsewhere()) { // its crawl goes on there: not to be read, nor resumed
                return "A file named " + db + " already exists, open in another running "
                        + "Webprobe (process " + e.holder() + "); choose another name.";
            }
            // "X is not a Webprobe crawl file.", "X is damaged and cannot be opened."
            return WebprobeCli.sentence(e.getMessage()) + " " + notOverwritten;
        }
    }


    private int crawl(CrawlStore store, HttpProbe probe, ResumeState resumeState,
            SiteHeaders site, PrintWriter out, PrintWriter err, CtrlC ctrlC)
            throws InterruptedException, StoreException {
        // the file keeps no sign-in nor a header that may hold a password, only its name:
        // this run's are added to the headers read from it (ADR 0031)
        CrawlPlan plan = store.plan().withSiteHeaders(store.plan().siteHeaders().plus(site));
        if (resumeFile != null && spec.commandLine().getParseResult()
                .hasMatchedOption("--threads")) {
            plan = plan.withThreads(threads); // as the window's Resume takes the threads shown
        }
        // the names kept of headers whose values were not given again
        SiteHeaders withheld = SiteHeaders.stored(List.of(), plan.siteHeaders().withheld());
        boolean sends = resumeState == null || !resumeState.finished();
        if (sends && !withheld.withheld().isEmpty()) {
            // it goes on without them, as the window's Resume does, and says so first
            err.println(withheldWarning(withheld));
            err.flush();
        }
        if (sends && plan.insecure()) {
            err.println("webprobe: warning: --insecure: certificates are not checked, so anyone "
                    + "between you and the site could answer in its place.");
            err.flush();
        }
        if (resumeState != null) {
            // read now: the resume state reads the file, which the crawl goes on to write
            resumedFrom = new CrawlReport.Resumed(resumeState.counts().crawled(),
                    resumeState.elapsedBefore());
        }
        CrawlJob job = CrawlJob.builder(plan, probe, store.sink())
                .resume(resumeState)
                .build();
        CrawlSummary summary;
        try (job;
                ProgressPrinter progress = new ProgressPrinter(err, quiet,
                        () -> ProgressFormat.line(job.progress()))) {
            ctrlC.watch(job::stop);
            job.start();
            try {
                summary = job.completion().get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
            progress.close();
            // the crawl file could not be written (a full disk): it holds fewer URLs than
            // were fetched, and its CSVs are made from it, so the summary says both
            boolean unsaved = store.sink().failure() != null;
            long saved = -1;
            if (unsaved) {
                store.saveStoppedAfterFailure();
                try (CrawlReader reader = store.reader()) {
                    saved = reader.counts().crawled();
                } catch (StoreException e) {
                    // the summary below still says what was fetched, and how to go on
                    err.println("webprobe: " + e.getMessage());
                }
            }
            boolean judged = store.plan().checkAnchors() && summary.failure() == null
                    && summary.startFailure() == null;
            long missing = judged ? CrawlReport.missingAnchors(store, err) : -1;
            int code = CrawlReport.report(this, summary, saved, site, missing,
                    plan.maxBodyBytes(), out, err);
            if (summary.brokenLinks() > 0 && summary.failure() == null
                    && summary.startFailure() == null && plan.checkExternal()) {
                CrawlReport.noteOffline(store, out, err);
            }
            if (!quiet && summary.brokenLinks() > 0 && summary.failure() == null
                    && summary.startFailure() == null) {
                CrawlReport.listBrokenLinks(this, store, summary.brokenLinks(), out, err);
            }
            if (!quiet && missing > 0) {
                CrawlReport.listMissingAnchors(this, store, missing, out, err);
            }
            int exported = export(store, err, ctrlC);
            if ((keepCrawl || unsaved) && db == null && resumeFile == null) {
                // the crawl was in a temporary file: keep it rather than lose it with its CSVs,
                // or when it filled the disk, which the user was told it keeps, to resume
                store.keep();
                kept = store.file();
                keptResumeOptions = summary.stopped() || unsaved
                        ? SignIn.forResume(user, plan.siteHeaders(), summary.signInRefused(),
                                summary.signInScheme())
                        + (files.any() ? " " + files.asOptions() : "") // of the whole crawl
                        : null;
            }
            if (db != null || resumeFile != null) {
                // the file keeps no sign-in: the resume is told to give it again
                String resume = CommandName.get() + " crawl --resume " + store.file()
                        + SignIn.forResume(user, plan.siteHeaders(), summary.signInRefused(),
                                summary.signInScheme()) + ".";
                out.println("The crawl is stored in " + store.file() + (unsaved
                        ? "; once the problem above is solved, continue it with " + resume
                        : summary.stopped() ? "; continue it with " + resume : "."));
                out.flush();
            }
            return exported != OK ? exported : code;
        }
    }


    /** The plan the options describe. */
    private CrawlPlan plan() throws UrlSyntax.InvalidUrlException {
        URI start = UrlSyntax.parseUserUrl(url);
        CrawlPlan plan = CrawlPlan.of(start, userAgent == null ? Version.userAgent() : userAgent)
                .withThreads(threads)
                .withTimeout(timeout)
                .withMaxBodyBytes(maxSize)
                .withCheckExternal(!noExternal)
                .withRespectRobots(!ignoreRobots)
                .withFollowNofollow(followNofollow)
                .withSitemaps(sitemaps)
                .withCheckAnchors(checkAnchors)
                .withPoliteness(Politeness.DEFAULT
                        .withMaxPerHost(maxPerHost)
                        .withRate(Duration.ofMillis(delayMs), maxRps == null
                                ? Politeness.NO_RATE_LIMIT : maxRps)
                        .withMaxCrawlDelay(maxCrawlDelay)
                        .withMaxRetries(maxRetries)
                        .withMaxRetryAfter(maxRetryAfter))
                .withScope(CrawlScope.DEFAULT
                        .withSubdomains(subdomains)
                        .withInclude(patterns(include, "--include"))
                        .withExclude(patterns(exclude, "--exclude"))
                        .withMaxUrlLength(maxUrlLength)
                        .withMaxSegmentRepeats(maxSegmentRepeats)
                        .withMaxQueryVariants(maxQueryVariants));
        if (maxDepth != null) {
            plan = plan.withMaxDepth(maxDepth);
        }
        if (maxPages != null) {
            plan = plan.withMaxPages(maxPages);
        }
        return plan.toBuilder().typedAs(url).allowPrivate(allowPrivate).cookies(!noCookies)
                .accept(acceptedStatuses())
                .insecure(insecure)
                .caCertFile(cacert == null ? "" : cacert.toAbsolutePath().toString())
                .build();
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

    /**
     * The headers and sign-in for the site's URLs, from -H and --user.
     *
     * @param withUser whether --user is read (its password asked for when not given): not for
     *     a finished crawl resumed, which sends no request
     * @throws IllegalArgumentException with a plain sentence when one cannot be sent, or the
     *     password is not to be had
     */
    private SiteHeaders siteHeaders(boolean withUser) {
        List<Header> all = new ArrayList<>();
        all.addAll(SiteHeaders.parse(headers).headers()); // the Crawl tab's rule too
        if (user != null && withUser) {
            all.add(SignIn.header(user));
        }
        return SiteHeaders.of(all);
    }

    /** Writes the CSVs asked for, from the crawl file; all or none. */
    private int export(CrawlStore store, PrintWriter err, CtrlC ctrlC) {
        if (!files.any()) {
            return OK;
        }
        if (ctrlC.wasPressed() && !quiet) {
            // a large crawl's files take a while: say why it has not ended yet
            err.println("Writing the CSV files of what was crawled before exiting...");
            err.flush();
        }
        try (CrawlReader reader = store.reader()) {
            files.write(reader, spec.commandLine().getOut(), ctrlC);
            return OK;
        } catch (ExportException e) {
            // standard output too (a full disk behind it): a reader that closed it (| head) is
            // no failure and never gets here
            keepCrawl = true;
            return fail(err, e.getMessage());
        } catch (StoreException e) {
            keepCrawl = true;
            return fail(err, e.getMessage());
        }
    }

    /** Says one sentence on stderr, as every command does; the exit code of a failure. */
    static int fail(PrintWriter err, String message) {
        err.println("webprobe: " + message);
        err.flush();
        return FAILED;
    }


    private static List<Pattern> patterns(List<String> regexes, String option) {
        List<Pattern> out = new ArrayList<>();
        for (String r : regexes) {
            if (CrawlScope.isBlankPattern(r)) {
                // an empty exclude skips the whole site and still exits 0
                throw new IllegalArgumentException(option + " is given an empty pattern, which "
                        + "matches every URL; give a regular expression or leave " + option
                        + " out.");
            }
            try {
                out.add(Pattern.compile(r));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(option + " '" + r + "' is not a valid regular "
                        + "expression: " + e.getDescription() + ".");
            }
            String never = CrawlScope.neverMatches(r);
            if (never != null) {
                throw new IllegalArgumentException(option + " '" + r + "' " + never + ".");
            }
        }
        return out;
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
