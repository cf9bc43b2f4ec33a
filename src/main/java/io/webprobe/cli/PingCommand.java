package io.webprobe.cli;

import io.webprobe.Version;
import io.webprobe.export.CsvExporter;
import io.webprobe.export.ExportException;
import io.webprobe.export.PingCsv;
import io.webprobe.export.RequestLogWriter;
import io.webprobe.http.Header;
import io.webprobe.http.Http1Probe;
import io.webprobe.http.UrlSyntax;
import io.webprobe.ping.PingJob;
import io.webprobe.ping.PingListener;
import io.webprobe.ping.PingMode;
import io.webprobe.ping.PingPlan;
import io.webprobe.ping.PingResult;
import io.webprobe.ping.PingSnapshot;
import io.webprobe.ping.RequestRecord;
import io.webprobe.ping.StatusSet;
import io.webprobe.ping.TargetList;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code webprobe ping URL...}: concurrent HTTP requests with latency percentiles. Exit 0 when
 * every threshold holds, 1 when one fails (each failure is named), 2 for bad arguments or an
 * output file that could not be written.
 */
@Command(
        name = "ping",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Send concurrent HTTP requests to URLs and report status codes, errors "
                + "and latency percentiles.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:finished, every threshold holds",
            "1:a threshold (--max-p99, --max-error-rate) failed",
            "2:bad arguments or an output file not written"
        })
public final class PingCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int THRESHOLD = 1;
    static final int FAILED = 2;

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "URL", arity = "0..*", description = "URLs to ping.")
    List<String> urls = new ArrayList<>();

    @Option(names = "--file", paramLabel = "FILE",
            description = "Read URLs from a file, one per line ('#' starts a comment).")
    Path file;

    @Option(names = "--method", paramLabel = "GET|HEAD", defaultValue = "GET",
            description = "HTTP method (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = {"-c", "--concurrency"}, paramLabel = "C", defaultValue = "10",
            description = "Requests in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = {"-n", "--count"}, paramLabel = "N",
            description = "Requests per URL (default: 10 unless --duration is given).")
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
            description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--follow-redirects", description = "Follow redirects (up to 10), counting hops.")
    boolean followRedirects;

    @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'",
            description = "Extra request header; repeatable.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--no-keepalive", description = "A new connection for every request.")
    boolean noKeepAlive;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "0",
            description = "Requests per URL sent first and left out of the statistics.")
    int warmup;

    @Option(names = "--success", paramLabel = "CODES", defaultValue = "200-399",
            description = "Status codes counted as OK (default: ${DEFAULT-VALUE}).")
    String success;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the per-URL summary here.")
    Path csv;

    @Option(names = "--requests-csv", paramLabel = "FILE",
            description = "Stream every request (time, status, latency, error) here.")
    Path requestsCsv;

    @Option(names = "--max-p99", paramLabel = "MS",
            description = "Fail (exit 1) when a URL's p99 latency is above MS milliseconds.")
    Double maxP99;

    @Option(names = "--max-error-rate", paramLabel = "PERCENT",
            description = "Fail (exit 1) when more than PERCENT % of a URL's requests fail.")
    Double maxErrorRate;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        PingPlan plan;
        try {
            plan = plan();
        } catch (IllegalArgumentException | IOException e) {
            err.println("webprobe: " + e.getMessage());
            err.flush();
            return FAILED;
        }
        RequestLogWriter requestLog = null;
        if (requestsCsv != null) {
            try {
                requestLog = new RequestLogWriter(requestsCsv, 65_536);
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
        try (PingJob job = new PingJob(plan, new Http1Probe(plan.userAgent(),
                        plan.timeout()), listener);
                ProgressPrinter progress = new ProgressPrinter(
                        err, quiet, () -> progressLine(job.latest()));
                CtrlC ctrlC = new CtrlC(job::stop)) {
            job.start();
            PingSnapshot last;
            try {
                last = job.completion().get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
            progress.close();
            return report(plan, last, logWriter, out, err);
        }
    }

    private PingPlan plan() throws IOException {
        Set<URI> targets = new LinkedHashSet<>();
        for (String u : urls) {
            try {
                targets.add(UrlSyntax.parseUserUrl(u));
            } catch (UrlSyntax.InvalidUrlException e) {
                throw new IllegalArgumentException("'" + UrlSyntax.shortened(u) + "': "
                        + e.getMessage());
            }
        }
        if (file != null) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IOException("Could not read " + file + ": "
                        + (Files.exists(file) ? e.getMessage() : "no such file") + ".");
            }
            TargetList list = TargetList.parse(text);
            if (!list.problems().isEmpty()) {
                TargetList.Problem p = list.problems().get(0);
                throw new IllegalArgumentException(file + " " + p + " ('" + p.text() + "')"
                        + (list.problems().size() > 1
                                ? " and " + (list.problems().size() - 1) + " more bad lines" : ""));
            }
            targets.addAll(list.urls());
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("Give at least one URL, or --file with a list of URLs.");
        }
        List<Header> parsed = new ArrayList<>();
        for (String h : headers) {
            parsed.add(Header.parse(h));
        }
        PingPlan plan = PingPlan.of(List.copyOf(targets), Version.userAgent())
                .withMethod(method.toUpperCase(Locale.ROOT))
                .withConcurrency(concurrency)
                .withTimeout(timeout)
                .withFollowRedirects(followRedirects)
                .withHeaders(parsed)
                .withKeepAlive(!noKeepAlive)
                .withWarmup(warmup)
                .withSuccess(StatusSet.parse(success));
        if (rate != null) {
            if (duration == null && count == null) {
                throw new IllegalArgumentException("--rate needs --duration (or --count) to know when to stop.");
            }
            plan = plan.withRate(rate, duration != null ? duration : Duration.ofDays(365));
            if (count != null) {
                plan = new PingPlan(plan.targets(), plan.method(), plan.concurrency(),
                        PingMode.RATE, count, plan.duration(), plan.rate(), plan.timeout(),
                        plan.followRedirects(), plan.headers(), plan.keepAlive(), plan.warmup(),
                        plan.success(), plan.userAgent());
            }
        } else if (duration != null && count != null) {
            throw new IllegalArgumentException("Use either --count or --duration, not both (or add --rate).");
        } else if (duration != null) {
            plan = plan.withDuration(duration);
        } else if (count != null) {
            plan = plan.withCount(count);
        }
        return plan;
    }

    private int report(PingPlan plan, PingSnapshot last, RequestLogWriter requestLog,
            PrintWriter out, PrintWriter err) {
        boolean writeFailed = false;
        if (requestLog != null) {
            try {
                requestLog.close();
            } catch (ExportException e) {
                err.println("webprobe: " + e.getMessage());
                writeFailed = true;
            }
        }
        if (csv != null) {
            try {
                new CsvExporter().write(csv, PingCsv.SUMMARY, last.results());
            } catch (ExportException e) {
                err.println("webprobe: " + e.getMessage());
                writeFailed = true;
            }
        }
        SummaryTable.print(out, plan, last);
        List<String> breaches = thresholdBreaches(last);
        for (String b : breaches) {
            out.println("FAIL: " + b);
        }
        out.flush();
        err.flush();
        if (writeFailed) {
            return FAILED;
        }
        return breaches.isEmpty() ? OK : THRESHOLD;
    }

    List<String> thresholdBreaches(PingSnapshot s) {
        List<String> out = new ArrayList<>();
        for (PingResult r : s.results()) {
            if (maxP99 != null) {
                if (!r.hasLatency()) {
                    out.add(String.format(Locale.ROOT,
                            "p99 of %s could not be measured: no response arrived", r.url()));
                } else if (r.p99Millis() > maxP99) {
                    out.add(String.format(Locale.ROOT, "p99 of %s is %.2f ms, above --max-p99 %s",
                            r.url(), r.p99Millis(), trim(maxP99)));
                }
            }
            if (maxErrorRate != null && r.errorRatePercent() > maxErrorRate) {
                out.add(String.format(Locale.ROOT,
                        "%.1f%% of requests to %s failed, above --max-error-rate %s",
                        r.errorRatePercent(), r.url(), trim(maxErrorRate)));
            }
        }
        return out;
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    static String progressLine(PingSnapshot s) {
        double p50 = 0;
        double p99 = 0;
        if (!s.series().isEmpty()) {
            var last = s.series().get(s.series().size() - 1);
            p50 = last.p50Millis();
            p99 = last.p99Millis();
        }
        return String.format(Locale.ROOT,
                "%,d sent · %,d failed · %,.0f req/s · p50 %.1f ms · p99 %.1f ms · %3.0f%% · %s",
                s.sent(), s.failed(), s.requestsPerSecond(), p50, p99, s.progress() * 100,
                io.webprobe.crawl.ProgressFormat.clock(s.elapsed()));
    }
}
