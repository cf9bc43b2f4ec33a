package io.webprobe.cli;

import io.webprobe.Words;
import io.webprobe.export.ExportBatch;
import io.webprobe.export.ExportException;
import io.webprobe.export.PingCsv;
import io.webprobe.export.RequestLogWriter;
import io.webprobe.export.RowSource;
import io.webprobe.http.ErrorClassifier;
import io.webprobe.http.ErrorKind;
import io.webprobe.http.StatusSet;
import io.webprobe.ping.PingFailures;
import io.webprobe.ping.PingJob;
import io.webprobe.ping.PingPlan;
import io.webprobe.ping.PingResult;
import io.webprobe.ping.PingSnapshot;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code webprobe ping} says when its run is over, and the exit code that follows: the
 * summary table, the FAIL lines of the gates the {@link PingCommand} was given, the warnings
 * and notes on stderr, the CSV files; as {@link CrawlReport} is for the crawl.
 */
final class PingReport {
    private PingReport() {}

    /**
     * Prints the end of the run and writes its files; returns the exit code ({@link
     * PingCommand#OK}, {@link PingCommand#THRESHOLD} or {@link PingCommand#FAILED}).
     *
     * @param beforeClock requests sent before the clock, not counted (the workers' warm-up)
     */
    static int report(PingCommand c, PingPlan plan, PingSnapshot last, long beforeClock,
            RequestLogWriter requestLog, PrintWriter out, PrintWriter err) {
        if (last.failure() != null && last.sent() == 0) {
            // the run failed before any request was answered: its sentence is all there is
            // to say, not a table of zeros, nor files of nothing
            if (requestLog != null) {
                requestLog.discard();
            }
            err.println("webprobe: " + last.failure(PingCommand.CONCURRENCY));
            err.flush();
            return PingCommand.FAILED;
        }
        // the table first: it is printed even when a file cannot be written after it
        SummaryTable.print(out, plan, last, beforeClock);
        List<String> breaches = thresholdBreaches(c, last);
        for (String b : breaches) {
            out.println("FAIL: " + b);
        }
        out.flush();
        if (last.notSent() > 0 && c.maxP99 == null && c.maxErrorRate == null) {
            // not a failure without a gate, as wrk2, oha and k6 (dropped_iterations) count
            // such requests and exit 0; but said where a script's log sees it (the table's
            // line may be on stdout, piped away), with the way to make it one
            // a stopped run's exit code is the stop's (130, 143), whatever the figures
            err.println(String.format(Locale.ROOT, "webprobe: warning: %s not sent at --rate "
                    + "%s (achieved %s req/s), so the figures leave out load the server did not "
                    + "take%s", Words.count(last.notSent(), "request was", "requests were"),
                    trim(c.rate), SummaryTable.rate(last.achievedRate()), last.stopped() ? "."
                            : "; the exit code does not count them unless --max-p99 or "
                                    + "--max-error-rate is given."));
        }
        if (last.tlsFailure() != null) { // "5 TLS handshake failed" alone did not say why
            err.println("webprobe: " + ErrorClassifier.trustAdvice(last.tlsFailure(),
                    last.certificateWhy(), c.cacert == null ? "--cacert FILE" : null,
                    "--insecure"));
        }
        boolean writeFailed = false;
        if (requestLog != null || c.csv != null) {
            try {
                ExportBatch files = new ExportBatch(c.spec.commandLine().getOut(), c.excel);
                if (requestLog != null) {
                    files.addStreamed(requestLog.finishInto());
                }
                if (c.csv != null) {
                    files.add(c.csv, PingCsv.SUMMARY, RowSource.of(last.results()));
                }
                files.writeAll();
            } catch (ExportException e) {
                err.println("webprobe: " + e.getMessage());
                writeFailed = true;
            }
        }
        if (last.failure() != null) {
            err.println("webprobe: " + last.failure(PingCommand.CONCURRENCY)
                    + " The figures above are incomplete.");
        }
        err.flush();
        if (writeFailed || last.failure() != null) {
            return PingCommand.FAILED;
        }
        return breaches.isEmpty() ? PingCommand.OK : PingCommand.THRESHOLD;
    }

    /**
     * For each URL with {@link ErrorKind#IO} failures, what the first of them was: the table's
     * "3 I/O error" is any failure the other kinds do not name (bytes that are not HTTP, too
     * large a head), where hey says "malformed HTTP response".
     */
    static List<String> ioErrorNotes(PingJob job, PingSnapshot last) {
        List<String> out = new ArrayList<>();
        for (int t = 0; t < last.results().size(); t++) {
            PingResult r = last.results().get(t);
            Long n = r.errorCounts().get(ErrorKind.IO);
            String why = job.firstIoError(t);
            if (n != null && why != null) {
                out.add(r.url() + ": " + PingFailures.counted(n, ErrorKind.IO.label())
                        + ", the first: " + BrokenLinkLines.reason(why) + ".");
            }
        }
        return out;
    }

    /**
     * The FAIL lines: a gate asked for (--max-p99, --max-error-rate) that a URL breaks, or,
     * without --max-error-rate, a URL with no successful response; a run behind its --rate
     * schedule breaks any gate asked for.
     */
    static List<String> thresholdBreaches(PingCommand c, PingSnapshot s) {
        List<String> out = new ArrayList<>();
        if (s.notSent() > 0 && (c.maxP99 != null || c.maxErrorRate != null)) {
            // the requests the schedule had but could not send are the load the server did
            // not take, and their latency the slowest: the figures held to the limits leave
            // them out, so they cannot pass
            out.add(String.format(Locale.ROOT, "%s not sent at --rate %s (achieved %s "
                    + "req/s): the latency and error figures leave out the load the server "
                    + "did not take", Words.count(s.notSent(), "request was", "requests were"),
                    trim(c.rate), SummaryTable.rate(s.achievedRate())));
        }
        for (PingResult r : s.results()) {
            if (s.stopped() && r.sent() == 0) {
                continue; // the stop ended it before any answer, not the URL (Ctrl-C: 130)
            }
            if (c.maxErrorRate == null && r.ok() == 0) {
                out.add(String.format(Locale.ROOT, "no successful response from %s (%s)",
                        r.url(), r.sent() == 0 ? "no request finished"
                                : Words.count(r.sent(), "request") + ": " + outcomes(r, s)));
            }
            if (c.maxP99 != null) {
                // held against every request: one with no answer counts as slower than any
                // limit, as k6 and JMeter count a failed request's time
                if (r.sent() == 0) {
                    out.add(String.format(Locale.ROOT,
                            "p99 of %s could not be measured: no request finished", r.url()));
                } else if (r.p99AllMillis() == Double.POSITIVE_INFINITY) {
                    out.add(String.format(Locale.ROOT,
                            "p99 of %s is above --max-p99 %s: %,d of %,d requests got no answer",
                            r.url(), trim(maxP99Millis(c)), r.unanswered(), r.sent()));
                } else if (r.p99AllMillis() > maxP99Millis(c)) {
                    out.add(String.format(Locale.ROOT, "p99 of %s is %.2f ms, above --max-p99 %s%s",
                            r.url(), r.p99AllMillis(), trim(maxP99Millis(c)),
                            r.unanswered() == 0 ? "" : String.format(Locale.ROOT,
                                    " (counting the %s that got no answer as slower)",
                                    Words.count(r.unanswered(), "request"))));
                }
            }
            if (c.maxErrorRate != null && r.errorRatePercent() > c.maxErrorRate) {
                out.add(String.format(Locale.ROOT,
                        "%.1f%% of requests to %s failed, above --max-error-rate %s",
                        r.errorRatePercent(), r.url(), trim(c.maxErrorRate)));
            }
        }
        return out;
    }

    /** --max-p99 in milliseconds, as the FAIL lines say it (a plain number is those). */
    private static double maxP99Millis(PingCommand c) {
        return c.maxP99.toNanos() / 1e6;
    }

    /**
     * "3 Connection refused, 2 HTTP 503": every outcome of a URL without a successful response,
     * in the table's words, the most frequent first.
     */
    private static String outcomes(PingResult r, PingSnapshot s) {
        return PingFailures.text(List.of(r), StatusSet.NONE, Integer.MAX_VALUE, s::errorLabel);
    }

    /** A number as the user would type it: 5, not 5.0; 2.5 as it is. */
    static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
