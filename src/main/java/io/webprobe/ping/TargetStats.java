package io.webprobe.ping;

import io.webprobe.http.ErrorKind;
import java.net.URI;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The counters and latency recorders of one URL. The engine's threads (event loops or workers)
 * write through {@link #record} without blocking (HdrHistogram {@link Recorder}s and
 * {@link LongAdder}s); one reader at a time (the job's statistics thread, under its lock) drains
 * the recorders into cumulative histograms, so memory stays the same however many requests are
 * made.
 */
final class TargetStats {
    private static final int DIGITS = 3;

    final URI uri;
    final String url;
    private final Recorder response = new Recorder(DIGITS);
    private final Recorder service = new Recorder(DIGITS);
    private final LongAdder sent = new LongAdder();
    private final LongAdder ok = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder late = new LongAdder();
    private final LongAdder redirects = new LongAdder();
    private final LongAdder warm = new LongAdder();
    /** Responses by status code 0 to 999 (three digits), each adder created on first use. */
    private final AtomicReferenceArray<LongAdder> statuses = new AtomicReferenceArray<>(1000);
    /** Any other code a lenient parser let through. */
    private final Map<Integer, LongAdder> otherStatuses = new ConcurrentHashMap<>();
    private final LongAdder[] errors = new LongAdder[ErrorKind.values().length];

    // reader side: touched only under the job's statistics lock
    private final Histogram cumulativeResponse = new Histogram(DIGITS);
    private final Histogram cumulativeService = new Histogram(DIGITS);
    private Histogram intervalResponse;
    private Histogram intervalService;

    TargetStats(URI uri) {
        this.uri = uri;
        this.url = uri.toString();
        for (int i = 0; i < errors.length; i++) {
            errors[i] = new LongAdder();
        }
    }

    /** Counts a warm-up request (progress only). */
    void warmedUp() {
        warm.increment();
    }

    /**
     * Records one finished request. Wait-free apart from the first time a status code is seen;
     * allocates nothing once every status code seen has its counter.
     *
     * @param status the HTTP status or 0
     * @param error the failure or null
     * @param success whether the status counts as OK
     * @param responseMicros response time in µs
     * @param serviceMicros service time in µs
     */
    void record(int status, ErrorKind error, boolean success, long responseMicros,
            long serviceMicros, long bodyBytes, int hops, boolean wasLate) {
        sent.increment();
        if (error != null) {
            errors[error.ordinal()].increment();
            failed.increment();
        } else {
            statusCounter(status).increment();
            response.recordValue(Math.max(1, responseMicros));
            service.recordValue(Math.max(1, serviceMicros));
            if (success) {
                ok.increment();
            } else {
                failed.increment();
            }
        }
        if (bodyBytes != 0) {
            bytes.add(bodyBytes);
        }
        if (hops != 0) {
            redirects.add(hops);
        }
        if (wasLate) {
            late.increment();
        }
    }

    private LongAdder statusCounter(int status) {
        if (status < 0 || status >= statuses.length()) {
            return otherStatuses.computeIfAbsent(status, s -> new LongAdder());
        }
        LongAdder a = statuses.get(status);
        if (a == null) {
            statuses.compareAndSet(status, null, new LongAdder());
            a = statuses.get(status);
        }
        return a;
    }

    /** Requests finished, warm-up included. */
    long completed() {
        return warm.sum() + sent.sum();
    }

    long sentCount() {
        return sent.sum();
    }

    long failedCount() {
        return failed.sum();
    }

    long lateCount() {
        return late.sum();
    }

    /**
     * Moves what was recorded since the last call into the cumulative histograms and returns
     * that interval's response times (valid until the next call). Reader thread only.
     */
    Histogram drain() {
        intervalResponse = response.getIntervalHistogram(intervalResponse);
        intervalService = service.getIntervalHistogram(intervalService);
        cumulativeResponse.add(intervalResponse);
        cumulativeService.add(intervalService);
        return intervalResponse;
    }

    /** Reader thread only. */
    Histogram cumulativeResponse() {
        return cumulativeResponse;
    }

    /** The summary now. Reader thread only (it reads the cumulative histograms). */
    PingResult result(double elapsedSeconds, double progress) {
        Histogram h = cumulativeResponse;
        Histogram s = cumulativeService;
        boolean any = h.getTotalCount() > 0;
        SortedMap<Integer, Long> byStatus = new TreeMap<>();
        otherStatuses.forEach((code, n) -> byStatus.put(code, n.sum()));
        for (int code = 0; code < statuses.length(); code++) {
            LongAdder n = statuses.get(code);
            if (n != null) {
                byStatus.put(code, n.sum());
            }
        }
        Map<ErrorKind, Long> byError = new EnumMap<>(ErrorKind.class);
        for (ErrorKind k : ErrorKind.values()) {
            long n = errors[k.ordinal()].sum();
            if (n > 0) {
                byError.put(k, n);
            }
        }
        long n = sent.sum();
        return new PingResult(
                url, n, ok.sum(), failed.sum(),
                Collections.unmodifiableSortedMap(byStatus),
                Collections.unmodifiableMap(byError),
                any ? ms(h.getMinValue()) : 0,
                any ? h.getMean() / 1000.0 : 0,
                any ? h.getStdDeviation() / 1000.0 : 0,
                any ? ms(h.getValueAtPercentile(50)) : 0,
                any ? ms(h.getValueAtPercentile(90)) : 0,
                any ? ms(h.getValueAtPercentile(95)) : 0,
                any ? ms(h.getValueAtPercentile(99)) : 0,
                any ? ms(h.getMaxValue()) : 0,
                any ? ms(s.getValueAtPercentile(50)) : 0,
                any ? ms(s.getValueAtPercentile(99)) : 0,
                elapsedSeconds > 0 ? n / elapsedSeconds : 0,
                bytes.sum(), late.sum(), redirects.sum(), progress);
    }

    /** µs to ms, using the histogram's representative value as recorded. */
    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
