package io.webprobe.ping;

import io.webprobe.Words;
import io.webprobe.http.ErrorClassifier;
import io.webprobe.http.ErrorKind;
import java.time.Duration;
import java.util.List;

/**
 * A ping test's state at one moment: per-URL statistics, totals, and the per-second latency
 * series. Immutable; produced by the job's statistics thread a few times a second.
 *
 * @param results one per target, in the plan's order
 * @param sent requests completed, all URLs (warm-up excluded); {@link #requestsSent()} adds
 *     those in flight, or abandoned by a stop. The one failure of a URL not requested (it
 *     could not be set up: its row's, see {@link #notRequested()}) is no request sent: it is
 *     left out here, from {@code failed} and from the rates
 * @param failed failed requests sent, all URLs
 * @param late open-loop requests sent late
 * @param warmups warm-up requests completed
 * @param elapsed time since the start
 * @param requestsPerSecond achieved rate over the run so far
 * @param targetRate the plan's rate (open loop), or 0
 * @param progress 0 to 1
 * @param series p50/p99 per second, the last {@value #MAX_SERIES_POINTS} seconds at most
 * @param finished whether the run has ended
 * @param stopped whether it was stopped before its end
 * @param inFlight requests sent and not finished yet
 * @param draining whether every request has been sent and the run only waits for those in
 *     flight (each ends at the latest at its timeout)
 * @param failure why the engine stopped unexpectedly (a plain sentence), or null; the figures
 *     are then incomplete
 * @param achievedRate open loop: counted requests sent per second, from the measurement's
 *     start to the last send plus one interval (the rate kept); 0 in a closed loop
 * @param notSent open loop, final snapshot: requests the schedule had before the end that were
 *     never sent, because those before them still waited for answers when the time ran out
 *     (a stopped run: the requests due before the stop)
 * @param certificateWhy the sentence of the first request failed for an untrusted certificate
 *     ({@link ErrorKind#TLS_CERTIFICATE}: not trusted, expired, not valid yet), or null
 */
public record PingSnapshot(
        List<PingResult> results,
        long sent,
        long failed,
        long late,
        long warmups,
        Duration elapsed,
        double requestsPerSecond,
        double targetRate,
        double progress,
        List<LatencyPoint> series,
        boolean finished,
        boolean stopped,
        long inFlight,
        boolean draining,
        String failure,
        double achievedRate,
        long notSent,
        String certificateWhy) {

    /** The per-second series keeps this many points at most (one hour). */
    public static final int MAX_SERIES_POINTS = 3600;

    public PingSnapshot {
        results = List.copyOf(results);
        series = List.copyOf(series);
    }

    /** A snapshot without a certificate failure's sentence. */
    public PingSnapshot(List<PingResult> results, long sent, long failed, long late,
            long warmups, Duration elapsed, double requestsPerSecond, double targetRate,
            double progress, List<LatencyPoint> series, boolean finished, boolean stopped,
            long inFlight, boolean draining, String failure, double achievedRate,
            long notSent) {
        this(results, sent, failed, late, warmups, elapsed, requestsPerSecond, targetRate,
                progress, series, finished, stopped, inFlight, draining, failure, achievedRate,
                notSent, null);
    }

    /**
     * The counted requests put on the wire so far, finished, in flight or abandoned by a stop
     * (the sum of the URLs' {@link PingResult#requestsSent()}): the "sent" of a progress line
     * and of the Ping tab's status, so that "3 sent" goes with "waiting for 3 requests in
     * flight", and a stop takes none of them back ({@link #sent()} plus {@link #abandoned()}
     * once the run has ended).
     */
    public long requestsSent() {
        long n = sent;
        for (PingResult r : results) {
            n += r.inFlight() + r.abandoned();
        }
        return n;
    }

    /**
     * The requests sent and still in flight when the run was stopped, whose answers were not
     * waited for (the sum of the URLs' {@link PingResult#abandoned()}): in no other figure, not
     * failures; 0 while the run lasts and after a run that was not stopped.
     */
    public long abandoned() {
        long n = 0;
        for (PingResult r : results) {
            n += r.abandoned();
        }
        return n;
    }

    /**
     * The URLs not requested in the run (they could not be set up: a host name that does not
     * resolve, a port out of range): each row has one failure saying why, which the run's
     * own figures ({@link #sent()}, {@link #failed()}, the rates) leave out.
     */
    public long notRequested() {
        return results.stream().filter(r -> !r.hasRate()).count();
    }

    /**
     * {@link #failure()}, naming how the user sets the connections the way the caller offers
     * it when the run ran out of open files ({@link ErrorClassifier#outOfFiles(String)}).
     *
     * @param connections e.g. "--concurrency", or the desktop app's "Settings › Concurrency"
     */
    public String failure(String connections) {
        return RunFailures.OUT_OF_FILES.equals(failure)
                ? ErrorClassifier.outOfFiles(connections) + "." : failure;
    }

    /**
     * " (32.0%)": the failed requests' share of those answered or failed ({@link #sent()}), as
     * oha's summary opens with its success rate; "" when none failed. Never "0.0%" for a failure
     * nor "100.0%" with one success: "<0.1%", ">99.9%".
     */
    public String failedShare() {
        if (failed <= 0 || sent <= 0) {
            return "";
        }
        double percent = 100.0 * failed / sent;
        String text = failed >= sent ? "100" : percent < 0.05 ? "<0.1" : percent >= 99.95
                ? ">99.9" : String.format(java.util.Locale.ROOT, "%.1f", percent);
        return " (" + text + "%)";
    }

    /**
     * While {@link #draining()}: "waiting for 3 requests in flight (timeout 10 s)", saying why
     * a run goes on after its duration; else "".
     *
     * @param timeout the plan's per-request timeout
     */
    public String waitingText(Duration timeout) {
        if (!draining) {
            return "";
        }
        return "waiting for " + Words.count(inFlight, "request") + " in flight (timeout "
                + Words.timeout(timeout) + ")";
    }

    /**
     * A kind of failure in the words of this run's tables: {@link
     * io.webprobe.http.ErrorClassifier#label}, following {@link #certificateWhy} for the
     * certificate refusals when they are one URL's (the sentence is the first refusal's: with
     * several URLs refused it may be another's), else the kind's own label.
     */
    public String errorLabel(ErrorKind kind) {
        if (kind != ErrorKind.TLS_CERTIFICATE || certificateWhy == null
                || results.stream().filter(r -> r.errorCounts().containsKey(kind)).count() != 1) {
            return kind.label();
        }
        return io.webprobe.http.ErrorClassifier.label(kind, certificateWhy);
    }

    /**
     * {@link #certificateFailure}, else {@link ErrorKind#TLS} when a handshake failed (an
     * https URL on a port serving plain http): the failures {@link
     * io.webprobe.http.ErrorClassifier#trustAdvice} has advice for; null when there was none.
     */
    public ErrorKind tlsFailure() {
        ErrorKind certificate = certificateFailure();
        return certificate != null ? certificate : results.stream()
                .anyMatch(r -> r.errorCounts().containsKey(ErrorKind.TLS)) ? ErrorKind.TLS : null;
    }

    /**
     * The kind of the first certificate failure among the URLs ({@link
     * ErrorKind#TLS_CERTIFICATE}, {@link ErrorKind#TLS_HOSTNAME}), which the trust options get
     * past ({@link io.webprobe.http.ErrorClassifier#trustAdvice}); null when there was none.
     */
    public ErrorKind certificateFailure() {
        for (PingResult r : results) {
            for (ErrorKind kind : List.of(ErrorKind.TLS_CERTIFICATE, ErrorKind.TLS_HOSTNAME)) {
                if (r.errorCounts().containsKey(kind)) {
                    return kind;
                }
            }
        }
        return null;
    }
}
