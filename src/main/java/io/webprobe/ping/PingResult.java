package io.webprobe.ping;

import io.webprobe.http.ErrorKind;
import io.webprobe.http.HttpVersion;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The statistics of one URL so far (warm-up requests excluded). Latency figures are response
 * times in milliseconds over the requests that got an HTTP response; failed connections are
 * counted in {@link #errorCounts()} instead. Immutable.
 *
 * @param url the target
 * @param sent requests completed (responses and failures); {@link #requestsSent()} adds those
 *     still in flight, or abandoned by a stop
 * @param ok responses with a success status
 * @param failed failures plus responses with another status
 * @param statusCounts responses by status code
 * @param errorCounts failures by class
 * @param minMillis fastest response
 * @param meanMillis mean response time
 * @param stddevMillis standard deviation
 * @param p50Millis median
 * @param p90Millis 90th percentile
 * @param p95Millis 95th percentile
 * @param p99Millis 99th percentile
 * @param maxMillis slowest response
 * @param serviceP50Millis median service time (from the actual send; equals p50 in a closed loop)
 * @param serviceP99Millis 99th percentile service time
 * @param requestsPerSecond completed requests per second of the run so far; {@link Double#NaN}
 *     for a URL not requested in the run (it could not be set up: its one failure over the
 *     run's time is no rate), see {@link #hasRate()}
 * @param bytes body bytes received
 * @param late requests (open loop) sent more than 1 ms after their intended time
 * @param redirects redirects followed
 * @param progress 0 to 1
 * @param http2Responses responses that came over HTTP/2
 * @param http10Responses responses whose status line said HTTP/1.0 (the others than these two
 *     came over HTTP/1.1)
 * @param p99AllMillis the 99th percentile over every request sent, a request that got no answer
 *     (a timeout, a failed connection) counting as slower than any: {@link
 *     Double#POSITIVE_INFINITY} when more than 1 % got none, 0 before any request ended; what
 *     a latency limit is held against ({@code --max-p99}), where {@link #p99Millis} is over the
 *     answers only
 * @param inFlight requests sent and not finished yet (0 once the run has ended: a stop leaves
 *     them {@link #abandoned})
 * @param notSent open loop, a finished run: this URL's requests the schedule had before the
 *     end (or the stop) that were never sent, because its requests before them still waited
 *     for answers ({@link PingSnapshot#notSent()} is their sum); 0 otherwise
 * @param abandoned a finished run: this URL's requests sent and still in flight when the run
 *     was stopped, whose answers were not waited for: neither in {@link #sent} nor in any
 *     other figure (not failures, no latency), as oha's "aborted due to deadline"; the
 *     requests put on the wire are {@code sent + abandoned} ({@link PingSnapshot#abandoned()}
 *     is their sum); 0 otherwise
 */
public record PingResult(
        String url,
        long sent,
        long ok,
        long failed,
        SortedMap<Integer, Long> statusCounts,
        Map<ErrorKind, Long> errorCounts,
        double minMillis,
        double meanMillis,
        double stddevMillis,
        double p50Millis,
        double p90Millis,
        double p95Millis,
        double p99Millis,
        double maxMillis,
        double serviceP50Millis,
        double serviceP99Millis,
        double requestsPerSecond,
        long bytes,
        long late,
        long redirects,
        double progress,
        long http2Responses,
        long http10Responses,
        double p99AllMillis,
        long inFlight,
        long notSent,
        long abandoned) {

    /** A result with nothing in flight (a finished run's). */
    public PingResult(String url, long sent, long ok, long failed,
            SortedMap<Integer, Long> statusCounts, Map<ErrorKind, Long> errorCounts,
            double minMillis, double meanMillis, double stddevMillis, double p50Millis,
            double p90Millis, double p95Millis, double p99Millis, double maxMillis,
            double serviceP50Millis, double serviceP99Millis, double requestsPerSecond,
            long bytes, long late, long redirects, double progress, long http2Responses,
            long http10Responses, double p99AllMillis) {
        this(url, sent, ok, failed, statusCounts, errorCounts, minMillis, meanMillis,
                stddevMillis, p50Millis, p90Millis, p95Millis, p99Millis, maxMillis,
                serviceP50Millis, serviceP99Millis, requestsPerSecond, bytes, late, redirects,
                progress, http2Responses, http10Responses, p99AllMillis, 0, 0, 0);
    }

    /** A result with nothing abandoned (a running or an unstopped run's). */
    public PingResult(String url, long sent, long ok, long failed,
            SortedMap<Integer, Long> statusCounts, Map<ErrorKind, Long> errorCounts,
            double minMillis, double meanMillis, double stddevMillis, double p50Millis,
            double p90Millis, double p95Millis, double p99Millis, double maxMillis,
            double serviceP50Millis, double serviceP99Millis, double requestsPerSecond,
            long bytes, long late, long redirects, double progress, long http2Responses,
            long http10Responses, double p99AllMillis, long inFlight, long notSent) {
        this(url, sent, ok, failed, statusCounts, errorCounts, minMillis, meanMillis,
                stddevMillis, p50Millis, p90Millis, p95Millis, p99Millis, maxMillis,
                serviceP50Millis, serviceP99Millis, requestsPerSecond, bytes, late, redirects,
                progress, http2Responses, http10Responses, p99AllMillis, inFlight, notSent, 0);
    }

    /**
     * The requests put on the wire so far: finished, in flight while the run lasts, or
     * abandoned by a stop once it ended. What the Ping tab's "Sent" shows (a URL answering in
     * 8 s has 3 sent, none finished), so that a stop takes none of them back: 5 sent, 3 of
     * them in flight, stay 5 sent, 3 abandoned ({@link #sent()} is then 2).
     */
    public long requestsSent() {
        return sent + inFlight + abandoned;
    }

    /** The same result with {@code n} requests in flight. */
    PingResult withInFlight(long n) {
        return n == inFlight ? this : with(n, notSent, abandoned);
    }

    /** The same result with {@code n} requests not sent (see {@link #notSent}). */
    PingResult withNotSent(long n) {
        return n == notSent ? this : with(inFlight, n, abandoned);
    }

    /** The same result with {@code n} requests abandoned at the stop (see {@link #abandoned}). */
    PingResult withAbandoned(long n) {
        return n == abandoned ? this : with(inFlight, notSent, n);
    }

    private PingResult with(long inFlightNow, long notSentNow, long abandonedNow) {
        return new PingResult(url, sent, ok, failed, statusCounts, errorCounts, minMillis,
                meanMillis, stddevMillis, p50Millis, p90Millis, p95Millis, p99Millis, maxMillis,
                serviceP50Millis, serviceP99Millis, requestsPerSecond, bytes, late, redirects,
                progress, http2Responses, http10Responses, p99AllMillis, inFlightNow, notSentNow,
                abandonedNow);
    }

    /**
     * The same result with no rate: a URL not requested in the run (its one failure, recorded
     * as the run started, divided by the run's time read "0.2 req/s").
     */
    PingResult withoutRate() {
        return Double.isNaN(requestsPerSecond) ? this : new PingResult(url, sent, ok, failed,
                statusCounts, errorCounts, minMillis, meanMillis, stddevMillis, p50Millis,
                p90Millis, p95Millis, p99Millis, maxMillis, serviceP50Millis, serviceP99Millis,
                Double.NaN, bytes, late, redirects, progress, http2Responses, http10Responses,
                p99AllMillis, inFlight, notSent, abandoned);
    }

    /**
     * Whether {@link #requestsPerSecond} is a rate: false for a URL not requested in the run
     * (it could not be set up), whose tables and CSV leave it empty.
     */
    public boolean hasRate() {
        return !Double.isNaN(requestsPerSecond);
    }

    /**
     * E.g. "200×98 503×2", as the tables show it (the CSV's is {@code PingCsv}'s): the counts
     * with thousands separators ("200×45,738"), as the tables' other count columns show them
     * (the Ping tab's Codes read "200×20451" beside Sent's "20,451").
     */
    public String statusCountsText() {
        StringJoiner j = new StringJoiner(" ");
        statusCounts.forEach((k, n) -> j.add(k + "×" + String.format(Locale.ROOT, "%,d", n)));
        return j.toString();
    }

    /**
     * The errors, the most frequent first (ties in kind order), each its count and then its
     * words: "10 Connection refused", "2 Timeout"; the count first, where a cell cut short
     * still shows it; counts with thousands separators.
     */
    public List<String> errorsMostFirst(Function<ErrorKind, String> label) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        errorCounts.forEach((kind, n) -> counts.merge(label.apply(kind), n, Long::sum));
        return PingFailures.mostFirst(counts);
    }

    /**
     * {@link #errorsMostFirst} on one line, "10 Connection refused, 2 Timeout", as the Ping
     * tab's Errors cells and the command line's errors column write them; "" when none.
     */
    public String errorsText(Function<ErrorKind, String> label) {
        return joined(errorsMostFirst(label));
    }

    /** {@link #errorsMostFirst}'s kinds on one line, as {@link #errorsText} joins them. */
    public static String joined(List<String> errors) {
        return String.join(", ", errors);
    }

    /** The failed connections and requests, of every kind ({@link #errorCounts}'s sum). */
    public long errors() {
        return errorCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Failed requests as a percentage of those sent (0 when none were sent). */
    public double errorRatePercent() {
        return sent == 0 ? 0 : 100.0 * failed / sent;
    }

    /**
     * The protocol the responses came over: "HTTP/1.0", "HTTP/1.1" or "HTTP/2"; the ones seen
     * joined by "and" when several answered ("HTTP/1.1 and HTTP/2": a server changing its mind
     * mid-run); "" before any response.
     */
    public String protocol() {
        long responses = 0;
        for (long n : statusCounts.values()) {
            responses += n;
        }
        long http11 = responses - http2Responses - http10Responses;
        StringJoiner j = new StringJoiner(" and ");
        if (http10Responses > 0) {
            j.add(HttpVersion.HTTP_1_0.label());
        }
        if (http11 > 0) {
            j.add(HttpVersion.HTTP_1_1.label());
        }
        if (http2Responses > 0) {
            j.add(HttpVersion.HTTP_2.label());
        }
        return j.toString();
    }

    /** Requests that got no HTTP response (failed connections, timeouts). */
    public long unanswered() {
        long answered = 0;
        for (long n : statusCounts.values()) {
            answered += n;
        }
        return sent - answered;
    }

    /** Whether any response was measured (the latency figures mean something). */
    public boolean hasLatency() {
        return !statusCounts.isEmpty();
    }

    /**
     * A rate as people write it, the one rule of every req/s figure: one decimal from 1 up
     * ("1,000.0", "2.5"), three significant digits below ("0.0333", "0.001"), where one
     * decimal read "0.0" for a URL that answered twice in a minute; "0.0" for none.
     *
     * @param grouped with thousands separators (tables), or without (the CSV)
     */
    public static String rateText(double r, boolean grouped) {
        if (r == 0 || r >= 1 || Double.isNaN(r) || Double.isInfinite(r)) {
            return String.format(Locale.ROOT, grouped ? "%,.1f" : "%.1f", r);
        }
        java.math.BigDecimal three = new java.math.BigDecimal(r)
                .round(new java.math.MathContext(3));
        // 0.9996 rounds up to 1.00, which is written as from 1 up ("1.0"), not "1"
        return three.compareTo(java.math.BigDecimal.ONE) >= 0 ? "1.0"
                : three.stripTrailingZeros().toPlainString();
    }

    /**
     * Milliseconds with two decimals and thousands separators, whatever their size ("23.16",
     * "11,940.37"), as the tables' counts are grouped: the command line's table and the Ping
     * tab's columns under a second. The CSV keeps plain numbers.
     */
    public static String millisText(double ms) {
        return String.format(Locale.ROOT, "%,.2f", ms);
    }

    /**
     * Whole milliseconds with thousands separators ("1,035", "23"), as a column of seconds, but
     * two significant digits below ten ("8.4", "0.42", "0.042"): a fast URL's p50 beside a slow
     * one's read "0", as if it took no time. Never wider than "1,035", which set the format. The
     * Ping table's column from a second up, and the command line's progress line.
     */
    public static String wholeMillisText(double ms) {
        if (Math.round(ms * 10) < 100) {
            String f = Math.round(ms * 1000) < 100 ? "%.3f" : Math.round(ms * 100) < 100 ? "%.2f"
                    : "%.1f";
            return String.format(Locale.ROOT, f, ms);
        }
        return String.format(Locale.ROOT, "%,.0f", ms);
    }

    static String ms(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
