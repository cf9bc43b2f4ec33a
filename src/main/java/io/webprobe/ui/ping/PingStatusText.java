package io.webprobe.ui.ping;

import io.webprobe.crawl.ProgressFormat;
import io.webprobe.http.ErrorClassifier;
import io.webprobe.http.ErrorKind;
import io.webprobe.ping.PingResult;
import io.webprobe.ping.PingSnapshot;
import java.util.List;
import java.util.Locale;

/**
 * The Ping tab's sentences about a run: its status line while it goes ("419 sent · 167 failed
 * · …") and what its end adds (failures, requests before the clock, certificate advice).
 */
final class PingStatusText {
    private PingStatusText() {}

    /**
     * The status line while a run goes: its figures, and once every request is sent what it
     * still waits for; before the clock the figures are all 0: the warm-up (ADR 0017) is
     * named instead.
     */
    static String whileRunning(PingSnapshot s, boolean warmingUp, java.time.Duration timeout) {
        String waiting = s.waitingText(timeout);
        return warmingUp ? io.webprobe.ping.PingJob.WARMING_UP : waiting.isEmpty()
                ? statusLine(s) : statusLine(s) + " · Sending done; " + waiting;
    }

    /**
     * The status line of a run that ended without a failure of its own: "Finished: " or
     * "Stopped: ", its figures, what failed, the requests before the clock, certificate
     * advice, and whether HTTP/2 was answered over HTTP/1.1.
     */
    static String ended(PingSnapshot last, io.webprobe.ping.PingJob job, PingTrust trust) {
        return (last.stopped() ? "Stopped: " : "Finished: ")
                + statusLine(last,
                        job.plan().waitingConnections(last.notRequested()),
                        job.plan().waitingConnectionsOfOneUrl(last.notRequested()))
                + failures(last, job.plan().success())
                + beforeClock(job.requestsBeforeClock())
                + trustAdvice(last, trust)
                + overHttp1(job.plan())
                + direct(job.plan(), java.net.ProxySelector.getDefault());
    }

    /**
     * " · " and that the run went straight to its URLs although Java has a proxy set for them
     * ({@link io.webprobe.ping.PingPlan#directNote}), or "".
     */
    static String direct(io.webprobe.ping.PingPlan plan, java.net.ProxySelector proxies) {
        String note = plan.directNote(proxies);
        return note == null ? "" : " · " + note.substring(0, note.length() - 1);
    }

    /**
     * " · " and how to get past a certificate the run could not trust (or a hint that the port
     * may not serve https, as the command line gives), or "" when no request failed that way;
     * a certificate file is offered when the run had none (whatever the setting says since).
     */
    static String trustAdvice(PingSnapshot s, PingTrust trust) {
        ErrorKind kind = s.tlsFailure();
        return kind == null ? "" : " · " + ErrorClassifier.trustAdvice(kind, s.certificateWhy(),
                trust.file().isEmpty() ? "Settings › Trust certificate" : null,
                "Settings › Skip certificate checks");
    }

    static String statusLine(PingSnapshot s) {
        return statusLine(s, "every connection", "every connection");
    }

    /**
     * @param whoWaits {@link io.webprobe.ping.PingPlan#waitingConnections} of the run
     * @param oneUrlWaits {@link io.webprobe.ping.PingPlan#waitingConnectionsOfOneUrl}
     */
    static String statusLine(PingSnapshot s, String whoWaits, String oneUrlWaits) {
        // a run that ended says how long it took as the command line does ("0.08 s"): its
        // clock read 00:00:00 beside thousands of req/s
        String time = s.finished() ? ProgressFormat.took(s.elapsed())
                : ProgressFormat.clock(s.elapsed());
        String rateText = PingResult.rateText(s.requestsPerSecond(), true) + " req/s"
                + (s.targetRate() > 0 ? " (target " + PingResult.rateText(s.targetRate(), true)
                        + ")" : "");
        // sent: in flight included, as "waiting for 3 requests in flight" after it counts them
        // a stop's requests in flight: still sent (a stop takes none back), no failures, and
        // out of the failed share (0 while the run goes)
        String abandoned = s.abandoned() > 0 ? String.format(Locale.ROOT,
                " · %,d abandoned in flight at the stop", s.abandoned()) : "";
        return String.format(Locale.ROOT, "%,d sent · %,d failed%s%s · %s · %s%s%s",
                s.requestsSent(), s.failed(), s.failedShare(), abandoned, rateText, time,
                // how late, as the command line says it: "24 sent late" beside "Not sent 0"
                // read as a fault of the run, where the open loop's clock counts a request
                // sent 2 ms after it was due
                s.late() > 0 ? String.format(Locale.ROOT, " · %,d sent over 1 ms late",
                        s.late()) : "",
                notSent(s, whoWaits, oneUrlWaits));
    }

    /**
     * " · 27 not sent: …" and who was waiting, naming the URL when they were all one URL's of
     * several (its row's Not sent says so too); "" when every request was sent.
     */
    private static String notSent(PingSnapshot s, String whoWaits, String oneUrlWaits) {
        if (s.notSent() <= 0) {
            return "";
        }
        List<PingResult> behind = s.results().stream().filter(r -> r.notSent() > 0).toList();
        String who = behind.size() == 1 && s.results().size() > 1
                ? "all to " + behind.get(0).url() + ", as " + oneUrlWaits
                : whoWaits;
        return String.format(Locale.ROOT, " · %,d not sent: %s was still waiting for an answer "
                + "when the %s (more Concurrency keeps the rate)", s.notSent(), who,
                s.stopped() ? "run was stopped" : "time ran out");
    }

    /**
     * " · failed: 10 Connection refused, 2 HTTP 503" (three kinds at most) of the requests
     * sent, in the Errors cells' words, then " · 1 URL not requested (DNS lookup failed): its
     * row says why" when a URL could not be set up; "" when there is neither.
     */
    static String failures(PingSnapshot s, io.webprobe.http.StatusSet success) {
        String text = io.webprobe.ping.PingFailures.text(
                s.results().stream().filter(PingResult::hasRate).toList(), success, 3,
                s::errorLabel);
        return (text.isEmpty() ? "" : " · failed: " + text) + notRequested(s);
    }

    /**
     * "8 Connection refused, 2 HTTP 503": what a row's failed requests were (the Ping tab's
     * runs count 200-399 as OK), each kind in {@code label}'s words, or "".
     */
    static String failures(PingResult r, java.util.function.Function<ErrorKind, String> label) {
        return r.failed() == 0 ? "" : io.webprobe.ping.PingFailures.text(List.of(r),
                io.webprobe.http.StatusSet.DEFAULT, Integer.MAX_VALUE, label);
    }

    /**
     * The URLs not requested, apart from the requests sent: their one failure each is their
     * row's, not counted in the status line's sent, failed and req/s.
     */
    private static String notRequested(PingSnapshot s) {
        long n = s.notRequested();
        if (n == 0) {
            return "";
        }
        String why = s.results().stream().filter(r -> !r.hasRate())
                .flatMap(r -> r.errorCounts().keySet().stream()).map(s::errorLabel)
                .distinct().collect(java.util.stream.Collectors.joining(", "));
        return " · " + io.webprobe.Words.count(n, "URL") + " not requested (" + why + "): "
                + (n == 1 ? "its row says why" : "their rows say why");
    }

    /**
     * " · " and which https URLs went over HTTP/1.1 although HTTP/2 was asked, and why
     * ({@link io.webprobe.ping.PingPlan#overHttp1Note()}), or "".
     */
    static String overHttp1(io.webprobe.ping.PingPlan plan) {
        String note = plan.overHttp1Note();
        return note == null ? "" : " · " + note.substring(0, note.length() - 1);
    }

    /** The requests the workers' opening and warm-up sent before the clock, if any. */
    static String beforeClock(long requests) {
        return requests == 0 ? "" : String.format(Locale.ROOT,
                " · %,d %s before the clock (warm-up, not counted)", requests,
                requests == 1 ? "request" : "requests");
    }
}
