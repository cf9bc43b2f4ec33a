package io.webprobe.cli;

import io.webprobe.Version;
import io.webprobe.export.OutputCheck;
import io.webprobe.export.ExportException;
import io.webprobe.export.RequestLogWriter;
import io.webprobe.http.Header;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.TlsTrust;
import io.webprobe.http.UrlSyntax;
import io.webprobe.ping.PingHeaders;
import io.webprobe.ping.PingJob;
import io.webprobe.ping.PingListener;
import io.webprobe.ping.PingPlan;
import io.webprobe.ping.PingResult;
import io.webprobe.ping.PingSnapshot;
import io.webprobe.ping.RequestRecord;
import io.webprobe.http.StatusSet;
import io.webprobe.Words;
import io.webprobe.ping.TargetList;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code webprobe ping URL...}: concurrent HTTP requests with latency percentiles. Exit 0 when
 * every threshold holds and (unless --max-error-rate is given) every URL had a successful
 * response; 1 when a threshold fails or a URL never got a
 * successful response (each failure is named); 2 for bad arguments, an output file not written,
 * an engine failure or running out of memory (one sentence each); 129/130/143 when stopped by
 * SIGHUP, Ctrl-C or SIGTERM (the JVM's own codes; what was measured is still printed).
 */
@Command(
        name = "ping",
        mixinStandardHelpOptions = true,
        versionProvider = WebprobeCli.VersionProvider.class,
        sortOptions = false,
        description = "Send concurrent HTTP requests to URLs and report status codes, errors "
                + "and latency percentiles.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:finished: every threshold holds and, unless --max-error-rate is given, every URL "
                    + "had a successful response (with --rate, requests that could not be sent "
                    + "are named on stderr, and fail only a run given a threshold)",
            "1:a threshold (--max-p99, --max-error-rate) failed, or a URL got no successful "
                    + "response at all (unless --max-error-rate is given)",
            "2:bad arguments, an output file not written, or the run failed (out of memory, "
                    + "an internal error)",
            "129:stopped by SIGHUP, the terminal closed (the summary of what was measured is "
                    + "printed)",
            "130:stopped with Ctrl-C (likewise)",
            "143:stopped by SIGTERM (likewise)"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  A latency gate: 200 requests, 20 at a time; exit 1 when the p99 is above",
            "  300 ms:",
            "    ${COMMAND-FULL-NAME} https://example.com/ -n 200 -c 20 --max-p99 300ms",
            "  Open loop, 50 requests a second in all for 30 s; each URL's figures go to",
            "  latency.csv:",
            "    ${COMMAND-FULL-NAME} --file urls.txt -d 30s --rate 50 --csv latency.csv",
            "  Exit 1 when more than 1 %% of the requests fail:",
            "    ${COMMAND-FULL-NAME} https://example.com/api -n 100 --max-error-rate 1"
        })
public final class PingCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int THRESHOLD = 1;
    static final int FAILED = 2;
    /** How the user sets the connections here, as sentences name it. */
    static final String CONCURRENCY = "--concurrency";
    /** At most this many bad lines of a --file are named one by one. */
    private static final int BAD_LINES_SHOWN = 10;
    private static final String OUT_OF_MEMORY = "webprobe: " + io.webprobe.OutOfMemory.SENTENCE;

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "URL", arity = "0..*", description = "URLs to ping.")
    List<String> urls = new ArrayList<>();

    @Option(names = "--file", paramLabel = "FILE",
            description = "Read URLs from a file (- for standard input), one per line ('#' "
                    + "starts a comment). A line that is not a URL is named on stderr and "
                    + "skipped, as in the desktop app; a URL given twice is pinged once; a file "
                    + "that is not text (a program, an image) is refused.")
    Path file;

    @Option(names = "--method", paramLabel = "GET|HEAD", defaultValue = "GET",
            description = "HTTP method (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = {"-c", "--concurrency"}, paramLabel = "C", defaultValue = "10",
            description = "Requests in flight at once, in total (default: ${DEFAULT-VALUE}). "
                    + "With several URLs, no more than C, the connections are split evenly "
                    + "among them (C = 10 and 3 URLs: 4, 3 and 3), each URL keeping to its own, "
                    + "so a URL that stalls holds back only its share.")
    int concurrency;

    @Option(names = {"-n", "--count"}, paramLabel = "N",
            description = "Requests per URL (default: 10 unless --duration is given). With "
                    + "--http2 or --follow-redirects, a few unmeasured warm-up requests go to "
                    + "the URLs before them (see --warmup); --warmup 0 sends exactly N.")
    Long count;

    @Option(names = {"-d", "--duration"}, paramLabel = "TIME", converter = DurationConverter.class,
            description = "Run for this long (30s, 2m), as fast as possible or at --rate.")
    Duration duration;

    @Option(names = "--rate", paramLabel = "R",
            description = "Open loop: R requests per second in total, latency measured from "
                    + "each request's intended start. Needs --duration (or --count).")
    Double rate;

    @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "10s",
            converter = DurationConverter.class,
            description = "Per-request timeout (default: ${DEFAULT-VALUE}). After --duration, "
                    + "requests still in flight are waited for up to this long.")
    Duration timeout;

    @Option(names = "--connect-timeout", paramLabel = "TIME", defaultValue = "10s",
            converter = DurationConverter.class, description = ConnectTimeouts.HELP)
    Duration connectTimeout;

    @Option(names = "--follow-redirects",
            description = "Follow redirects (up to " + HttpProbe.MAX_REDIRECTS + ", as browsers); "
                    + "a request's time is that of its whole chain. Uses one blocking thread "
                    + "per connection instead of the event loops.")
    boolean followRedirects;

    @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'",
            description = "A request header sent with every request (a token, a cookie); "
                    + "repeatable. With --follow-redirects it goes on only to redirects that "
                    + "stay on the URL's host, port and scheme (or move up to https). "
                    + SignIn.HEADER_REMOVES)
    List<String> headers = new ArrayList<>();

    @Option(names = {"-u", "--user"}, paramLabel = "NAME[:PASSWORD]",
            description = "Sign in with HTTP basic authentication. " + SignIn.PASSWORD_HELP)
    String user;

    @Option(names = "--no-keepalive", description = "A new connection for every request.")
    boolean noKeepAlive;

    @Option(names = "--http2",
            description = "Ask https URLs for HTTP/2 (negotiated with ALPN); a server that does "
                    + "not offer it is pinged over HTTP/1.1, and the protocol column says which "
                    + "answered. http:// URLs stay on HTTP/1.1. The requests to a server share "
                    + "a connection (one per 100 of concurrency); uses worker threads instead of the event loops. Not "
                    + "with --no-keepalive.")
    boolean http2;

    @Option(names = "--cacert", paramLabel = "FILE",
            description = "Also trust the certificates in this PEM file (a self-signed server "
                    + "certificate or a private CA), besides the usual authorities. Host names "
                    + "are still checked.")
    Path cacert;

    @Option(names = {"-k", "--insecure"},
            description = "Accept any certificate for any host name (a test server's "
                    + "self-signed one). Prints a warning.")
    boolean insecure;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "0",
            description = "Send N requests per URL first and leave them out of the figures, "
                    + "instead of the automatic warm-up; --warmup 0 sends none, so only the "
                    + "counted requests reach the URLs. Without it, the event loops warm up "
                    + "inside the process and send the URLs nothing, but with --http2 or "
                    + "--follow-redirects one request per server opens the connections and up "
                    + "to 5 per connection warm the client up (with --count; for a duration, "
                    + "up to 2,000 per server within 1 s), never more than the run sends; the "
                    + "summary says how many.")
    int warmup;

    @Option(names = "--success", paramLabel = "CODES", defaultValue = "200-399",
            description = "The statuses that are a successful response: codes and ranges "
                    + "separated by commas, e.g. 200-299,304 (lychee's 200..=299 too) "
                    + "(default: ${DEFAULT-VALUE}). Any other status is a failed request, in "
                    + "the table's ok and failed columns, --max-error-rate and the exit code.")
    String success;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Write the per-URL summary here (- for standard output; the table "
                    + "then goes to stderr).")
    Path csv;

    @Option(names = "--requests-csv", paramLabel = "FILE",
            description = "Stream every request (time, status, latency, error) here (- for "
                    + "standard output; the table then goes to stderr).")
    Path requestsCsv;

    @Option(names = "--excel", description = CrawlCsvOptions.EXCEL)
    boolean excel;

    @Option(names = "--max-p99", paramLabel = "TIME", converter = DurationConverter.Millis.class,
            description = "Fail (exit 1) when a URL's p99 latency is above TIME (50ms, 0.5s; "
                    + "a plain number is milliseconds), counting every request: one that got "
                    + "no answer (a timeout, a failed connection) counts as slower than TIME, "
                    + "so more than 1 %% of them fails the run. The table's percentiles are "
                    + "over the answers only. With --rate, requests the schedule could not "
                    + "send fail it too.")
    Duration maxP99;

    @Option(names = "--max-error-rate", paramLabel = "PERCENT",
            description = "Fail (exit 1) when more than PERCENT %% of a URL's requests fail. "
                    + "Without it, a URL with no successful response at all fails the run. "
                    + "With --rate, requests the schedule could not send fail it too.")
    Double maxErrorRate;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    private final BiFunction<PingPlan, PingListener, PingJob> jobs;
    /** The proxies the ping's note reads ({@link PingPlan#directNote}); null: Java's. */
    private final java.net.ProxySelector proxies;

    /** The command as picocli makes it. */
    public PingCommand() {
        this(PingJob::new);
    }

    /** With another way to make the job (tests). */
    PingCommand(BiFunction<PingPlan, PingListener, PingJob> jobs) {
        this(jobs, null);
    }

    /** With another way to make the job and other proxies set for Java (tests). */
    PingCommand(BiFunction<PingPlan, PingListener, PingJob> jobs,
            java.net.ProxySelector proxies) {
        this.jobs = jobs;
        this.proxies = proxies;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(err);
        } catch (OutOfMemoryError e) {
            err.println(OUT_OF_MEMORY);
            err.flush();
            return FAILED;
        }
    }

    private int run(PrintWriter err) throws InterruptedException {
        OutputCheck outputs = new OutputCheck(true).stdoutClosed(StdStreams.stdoutClosed())
                .add("--csv", csv)
                .add("--requests-csv", requestsCsv)
                .input("--file", file)
                .input("--cacert", cacert);
        String outputProblem = outputs.problem();
        if (outputProblem != null) {
            err.println("webprobe: " + outputProblem);
            err.flush();
            return FAILED;
        }
        // with the summary CSV on standard output, the table goes to stderr
        PrintWriter out = outputs.usesStdout() ? err : spec.commandLine().getOut();
        // Ctrl-C is watched from before the plan is read: pressed while --file or --cacert is
        // read (a named pipe nobody writes), it ends the start-up in one sentence; it lets go
        // once the job is closed
        try (CtrlC ctrlC = new CtrlC()) {
            return run(err, out, ctrlC);
        }
    }

    private int run(PrintWriter err, PrintWriter out, CtrlC ctrlC) throws InterruptedException {
        PingPlan plan;
        try {
            plan = ctrlC.unlessPressed(() -> {
                try {
                    return plan(err);
                } catch (IOException | TlsTrust.TrustException e) {
                    throw new IllegalArgumentException(e.getMessage(), e); // said as it is
                }
            });
            if (ctrlC.wasPressed()) {
                return CtrlC.stoppedBeforeStart(err, "ping", null);
            }
        } catch (IllegalArgumentException e) {
            // the plan's rules are worded for the window too, which adds the full stop itself;
            // a setting out of range is named by its option here, by its label there
            String message = e instanceof PingPlan.InvalidSetting invalid
                    ? invalid.forCommandLine() : e.getMessage();
            err.println("webprobe: " + WebprobeCli.sentence(message));
            err.flush();
            return FAILED;
        }
        if (plan.overHttp1Note() instanceof String note) {
            err.println("webprobe: note: " + note);
            err.flush();
        }
        if (plan.directNote(proxies != null ? proxies
                : java.net.ProxySelector.getDefault()) instanceof String note) {
            err.println("webprobe: note: " + note);
            err.flush();
        }
        if (insecure) {
            err.println("webprobe: warning: --insecure: certificates are not checked, so anyone "
                    + "between you and the site could answer in its place.");
            err.flush();
        }
        RequestLogWriter requestLog = null;
        if (requestsCsv != null) {
            try {
                requestLog = new RequestLogWriter(requestsCsv, 65_536,
                        spec.commandLine().getOut(), excel);
            } catch (ExportException e) {
                err.println("webprobe: " + e.getMessage());
                err.flush();
                return FAILED;
            }
        }
        RequestLogWriter logWriter = requestLog;
        PingListener listener = logWriter == null ? PingListener.NONE : new PingListener() {
            @Override
            public void onRequest(RequestRecord record) {
                logWriter.offer(record);
            }
        };
        PingJob made;
        try {
            made = jobs.apply(plan, listener);
        } catch (RuntimeException | Error e) {
            // said by the command line's handler of unexpected failures (or, out of memory,
            // by call()): one sentence, exit 2;
            // the request log begun above is not left half-made
            if (logWriter != null) {
                logWriter.discard();
            }
            throw e;
        }
        if (logWriter != null) {
            // the log cannot be written (a full disk): the run stops there, and ends with
            // exit 2 naming the file, as it would have after its whole duration
            logWriter.onFailure(made::stop);
        }
        try (PingJob job = made;
                ProgressPrinter progress = new ProgressPrinter(
                        err, quiet, () -> job.warmingUp() ? PingJob.WARMING_UP
                                : progressLine(job.latest(), plan.timeout()))) {
            ctrlC.watch(job::stop); // pressed already: stopped at once, and reported as stopped
            job.start();
            PingSnapshot last;
            try {
                last = job.completion().get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
            progress.close();
            int code = report(plan, last, job.requestsBeforeClock(), logWriter, out, err);
            for (String note : job.notRequested()) {
                // its row shows one failed request: say that it was all it got, and why
                err.println("webprobe: note: " + note);
            }
            for (String note : PingReport.ioErrorNotes(job, last)) {
                err.println("webprobe: note: " + note);
            }
            err.flush();
            return code;
        }
    }

    /** Whether {@code typed} names a regular file in the working folder. */
    private static boolean isFileHere(String typed) {
        try {
            return java.nio.file.Files.isRegularFile(java.nio.file.Path.of(typed));
        } catch (java.nio.file.InvalidPathException | SecurityException e) {
            return false;
        }
    }

    private PingPlan plan(PrintWriter err) throws IOException, TlsTrust.TrustException {
        if (file != null && file.toString().equals("-") && StdStreams.stdinClosed()) {
            throw new IllegalArgumentException("Standard input is closed, so --file - has "
                    + "nothing to read.");
        }
        if (maxErrorRate != null && !(maxErrorRate >= 0 && maxErrorRate <= 100)) {
            throw new IllegalArgumentException("--max-error-rate is a percentage from 0 to 100, "
                    + "not " + PingReport.trim(maxErrorRate));
        }
        if (maxP99 != null && maxP99.isZero()) {
            throw new IllegalArgumentException("--max-p99 is a time above 0, not 0");
        }
        String connect = ConnectTimeouts.longerThanTimeout(spec, connectTimeout, timeout);
        if (connect != null) {
            throw new IllegalArgumentException(connect);
        }
        Set<URI> targets = new LinkedHashSet<>();
        Set<URI> sent = new java.util.HashSet<>(); // without the fragment, never sent
        Map<URI, String> requestTargets = new HashMap<>();
        int given = 0;
        for (String u : urls) {
            if (u.isBlank()) { // not the GUI's "Enter an address to start"
                throw new IllegalArgumentException("An empty URL was given; give the URLs to "
                        + "ping, or --file with a list of URLs.");
            }
            String help = WebprobeCli.helpAsUrl("ping", u);
            if (help != null) {
                throw new IllegalArgumentException(help);
            }
            if (TargetList.addresses(u) > 1) {
                // "$URLS" quoted: one URL with "%20http://" in its path, as a --file line
                throw new IllegalArgumentException("'" + UrlSyntax.shortened(u) + "' holds "
                        + TargetList.addresses(u) + " addresses; give each URL as an argument "
                        + "of its own.");
            }
            try {
                URI parsedUrl = UrlSyntax.parseUserUrl(u);
                if (!u.contains("://") && isFileHere(u)) {
                    // urls.txt: a host name to the URL rule, but likely a list meant for --file
                    err.println("webprobe: note: " + UrlSyntax.shortened(u) + " is read as the "
                            + "address " + UrlSyntax.shortened(parsedUrl.toString())
                            + "; to ping the URLs the file " + UrlSyntax.shortened(u)
                            + " lists, use --file " + UrlSyntax.shortened(u) + ".");
                }
                if (sent.add(io.webprobe.http.Urls.withoutFragment(parsedUrl))
                        && targets.add(parsedUrl)
                        && UrlSyntax.requestTarget(u) instanceof String t) {
                    requestTargets.put(parsedUrl, t);
                }
                given++;
            } catch (UrlSyntax.InvalidUrlException e) {
                java.nio.file.Path here = UrlSyntax.localPath(u);
                if (here != null && java.nio.file.Files.isRegularFile(here)) {
                    // ./urls.txt: a list meant for --file
                    throw new IllegalArgumentException(UrlSyntax.shortened(u) + " is a file on "
                            + "this computer, not a web address; to ping the URLs it lists, use "
                            + "--file " + UrlSyntax.shortened(u) + ".");
                }
                throw new IllegalArgumentException((namesIt(e.getMessage(), u) ? ""
                        : "'" + UrlSyntax.shortened(u) + "': ") + e.getMessage());
            }
        }
        int duplicates = given - targets.size();
        if (file != null) {
            TargetList list = urlsFromFile(err);
            duplicates += list.duplicates();
            for (URI u : list.urls()) {
                if (!sent.add(io.webprobe.http.Urls.withoutFragment(u)) || !targets.add(u)) {
                    duplicates++;
                } else if (list.requestTargets().get(u) instanceof String t) {
                    requestTargets.put(u, t);
                }
            }
        }
        if (duplicates > 0) {
            // counted as repeats: one URL given three times is two repeats, not "2 URLs"
            err.println("webprobe: note: " + Words.count(duplicates, "repeat", "repeats")
                    + " of a URL already given left out; each URL is pinged once, with all "
                    + "its requests.");
            err.flush();
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException(file != null && urls.isEmpty()
                    ? (file.toString().equals("-") ? "Standard input" : file.toString())
                            + " has no URL to ping."
                    : "Give at least one URL, or --file with a list of URLs.");
        }
        if (insecure && cacert != null) {
            throw new IllegalArgumentException("Use either --cacert or --insecure, not both.");
        }
        // the Ping tab's Headers box checks them by the same rule
        List<Header> parsed = PingHeaders.of(headers, user == null ? null : SignIn.header(user));
        TlsTrust trust = insecure ? TlsTrust.insecure()
                : cacert != null ? TlsTrust.fromPemFile(cacert) : TlsTrust.defaults();
        PingPlan plan = PingPlan.of(List.copyOf(targets), Version.userAgent())
                .withRequestTargets(requestTargets)
                .withMethod(method.toUpperCase(Locale.ROOT))
                .withConcurrency(concurrency)
                .withTimeout(timeout)
                .withConnectTimeout(connectTimeout)
                .withFollowRedirects(followRedirects)
                .withHeaders(parsed)
                .withKeepAlive(!noKeepAlive)
                .withWarmup(warmup)
                // --warmup given: the user chose what goes before the clock, and nothing else
                .withClientWarmUp(!spec.commandLine().getParseResult()
                        .hasMatchedOption("--warmup"))
                .withSuccess(StatusSet.parse("--success", success))
                .withTls(trust)
                .withHttp2(http2);
        if (duration != null && count != null) {
            // with --rate too, the run stopped at whichever came first, without a word
            throw new IllegalArgumentException("Use either --count or --duration, not both.");
        }
        if (count != null) {
            // the plan's rule for a count (at least 1), also with --rate, whose plan takes 0
            // for no cap: --rate 5 -n 0 ran on for the 365 days of a rate with no end given
            plan = plan.withCount(count);
        }
        if (rate != null) {
            if (duration == null && count == null) {
                throw new IllegalArgumentException("--rate needs --duration (or --count) to know when to stop.");
            }
            plan = plan.withRateAndCount(rate, duration != null ? duration : Duration.ofDays(365),
                    count != null ? count : 0);
        } else if (duration != null) {
            plan = plan.withDuration(duration);
        }
        String files = io.webprobe.ping.FileLimit.problem(plan, CONCURRENCY);
        if (files != null) {
            throw new IllegalArgumentException(files);
        }
        return plan;
    }

    /**
     * Whether a bad URL's reason names it already (as "... javascript:alert(1) is not one."
     * does), so that the line says it once, not twice.
     */
    static boolean namesIt(String reason, String url) {
        return reason.contains(UrlSyntax.shortened(url));
    }

    /** The file's URLs ({@code -}: standard input); each bad line is named on stderr and skipped. */
    private TargetList urlsFromFile(PrintWriter err) throws IOException {
        boolean stdin = file.toString().equals("-");
        // warnings name standard input in words, not as "-"
        String name = stdin ? "standard input" : file.toString();
        if (stdin && StdStreams.terminal(System.console())) {
            // typed at the terminal, it waited without a word for what it read
            err.println("webprobe: reading URLs from the terminal, one per line; end with Ctrl-D.");
            err.flush();
        }
        byte[] bytes;
        try {
            bytes = stdin ? System.in.readAllBytes() : Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException("Could not read " + name + ": "
                    + io.webprobe.FileErrors.whyNotRead(e) + ".");
        }
        TargetList list = TargetList.parse(bytes);
        if (TargetList.notText(bytes, list)) {
            // a program or an image: its lines are no list to name one by one
            throw new IllegalArgumentException((stdin ? "Standard input" : name)
                    + " is not a text list of URLs.");
        }
        List<TargetList.Problem> bad = list.problems();
        for (int i = 0; i < bad.size() && i < BAD_LINES_SHOWN; i++) {
            TargetList.Problem p = bad.get(i);
            err.println("webprobe: warning: " + name + " line " + p.line() + " skipped"
                    + (namesIt(p.reason(), p.text()) ? ""
                            : " ('" + UrlSyntax.shortened(p.text()) + "')") + ": " + p.reason());
        }
        if (bad.size() > BAD_LINES_SHOWN) {
            err.println("webprobe: warning: " + Words.count(bad.size() - BAD_LINES_SHOWN,
                    "more bad line") + " of " + name + " skipped.");
        }
        err.flush();
        return list;
    }

    /**
     * Says the end of the run ({@link PingReport#report}) and returns the exit code.
     *
     * @param beforeClock requests sent before the clock, not counted (the workers' warm-up)
     */
    int report(PingPlan plan, PingSnapshot last, long beforeClock, RequestLogWriter requestLog,
            PrintWriter out, PrintWriter err) {
        return PingReport.report(this, plan, last, beforeClock, requestLog, out, err);
    }

    /** The FAIL lines of the gates asked for ({@link PingReport#thresholdBreaches}). */
    List<String> thresholdBreaches(PingSnapshot s) {
        return PingReport.thresholdBreaches(this, s);
    }

    static String progressLine(PingSnapshot s, Duration timeout) {
        // the latest second's percentiles; none before the first second with an answer
        String latency = "";
        if (!s.series().isEmpty()) {
            var last = s.series().get(s.series().size() - 1);
            // two significant digits under 10 ms: "p50 0.0 ms" read as if nginx took no time
            latency = " · p50 " + PingResult.wholeMillisText(last.p50Millis()) + " ms · p99 "
                    + PingResult.wholeMillisText(last.p99Millis()) + " ms";
        }
        String line = String.format(Locale.ROOT, "%,d sent · %,d failed · %,.0f req/s%s · %.0f%% · %s",
                s.requestsSent(), s.failed(), s.requestsPerSecond(), latency, s.progress() * 100,
                io.webprobe.crawl.ProgressFormat.clock(s.elapsed()));
        return s.draining() ? line + " · " + s.waitingText(timeout) : line;
    }
}
