package io.webprobe.ping;

import io.webprobe.http.ErrorKind;
import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The counters and response times of one URL. Only the job's statistics side touches it (the
 * statistics thread, or an engine thread draining its full ring, always under the job's
 * statistics lock): engine threads hand finished requests over through {@link RecordRing}s, so
 * nothing here is shared with them. Small on purpose, since a run may have ten thousand URLs:
 * status and error counts take room only for the codes and kinds seen, response times only for
 * the requests measured ({@link LatencyStore}), and the last {@link PingResult} is kept and
 * rebuilt only after new requests arrived.
 */
final class TargetStats {
    private static final ErrorKind[] KINDS = ErrorKind.values();

    final URI uri;
    final String url;
    private final LatencyStore response = new LatencyStore();
    /** Service times, kept apart only in an open loop (in a closed loop they equal response). */
    private final LatencyStore service;
    private long sent;
    private long ok;
    private long failed;
    private long bytes;
    private long late;
    private long redirects;
    private long warm;
    /** When its last counted request ended (the run's clock), or Long.MIN_VALUE. */
    private long lastDone = Long.MIN_VALUE;
    /** Responses that came over HTTP/2. */
    private long http2;
    /** Responses whose status line said HTTP/1.0. */
    private long http10;
    /** Status codes seen, ascending, with their counts: codes[0..statusKinds). */
    private int[] codes = new int[1];
    private long[] codeCounts = new long[1];
    private int statusKinds;
    /** Failures by ErrorKind ordinal, created on the first failure. */
    private long[] errors;
    private boolean changed = true;
    private PingResult last;

    /**
     * @param url the URL as results show it ({@link PingPlan#shown})
     * @param openLoop whether service times differ from response times (kept apart)
     */
    TargetStats(URI uri, String url, boolean openLoop) {
        this.uri = uri;
        this.url = url;
        this.service = openLoop ? new LatencyStore() : response;
    }

    /** Counts a warm-up request (progress only). */
    void warmedUp() {
        warm++;
        changed = true;
    }

    /**
     * Records one finished request.
     *
     * @param status the HTTP status or 0
     * @param error the failure or null
     * @param success whether the status counts as OK
     * @param responseMicros response time in µs
     * @param serviceMicros service time in µs
     */
    void record(int status, ErrorKind error, boolean success, long responseMicros,
            long serviceMicros, long bodyBytes, int hops, boolean wasLate) {
        sent++;
        changed = true;
        if (error != null) {
            if (errors == null) {
                errors = new long[KINDS.length];
            }
            errors[error.ordinal()]++;
            failed++;
        } else {
            countStatus(status);
            response.record(responseMicros);
            if (service != response) {
                service.record(serviceMicros);
            }
            if (success) {
                ok++;
            } else {
                failed++;
            }
        }
        bytes += bodyBytes;
        redirects += hops;
        if (wasLate) {
            late++;
        }
    }

    /** As {@link #record}, from a drained ring entry. */
    void apply(int status, int error, int flags, int hops, long responseMicros,
            long serviceMicros, long bodyBytes, long doneNanos) {
        if ((flags & RecordRing.FLAG_WARMUP) != 0) {
            warmedUp();
        } else {
            lastDone = Math.max(lastDone, doneNanos);
            record(status, error < 0 ? null : KINDS[error], (flags & RecordRing.FLAG_SUCCESS) != 0,
                    responseMicros, serviceMicros, bodyBytes, hops,
                    (flags & RecordRing.FLAG_LATE) != 0);
            if ((flags & RecordRing.FLAG_HTTP2) != 0) {
                http2++;
            } else if ((flags & RecordRing.FLAG_HTTP10) != 0) {
                http10++;
            }
        }
    }

    private void countStatus(int status) {
        int i = Arrays.binarySearch(codes, 0, statusKinds, status);
        if (i >= 0) {
            codeCounts[i]++;
            return;
        }
        int at = -i - 1;
        if (statusKinds == codes.length) {
            codes = Arrays.copyOf(codes, statusKinds * 2);
            codeCounts = Arrays.copyOf(codeCounts, statusKinds * 2);
        }
        System.arraycopy(codes, at, codes, at + 1, statusKinds - at);
        System.arraycopy(codeCounts, at, codeCounts, at + 1, statusKinds - at);
        codes[at] = status;
        codeCounts[at] = 1;
        statusKinds++;
    }

    /** Counted requests finished (warm-up left out). */
    long counted() {
        return sent;
    }

    /** Requests finished, warm-up included. */
    long completed() {
        return warm + sent;
    }

    /** When its last counted request ended (the run's clock); Long.MIN_VALUE before any. */
    long lastDoneNanos() {
        return lastDone;
    }

    /** Response times measured so far. */
    LatencyStore responseTimes() {
        return response;
    }

    /**
     * The summary now; rebuilt only when requests arrived since the last call (or the progress
     * changed).
     *
     * @param elapsedSeconds the time its rate is over (the run's sending time, or the URL's own
     *     when it had all its requests first)
     */
    PingResult result(double elapsedSeconds, double progress) {
        if (!changed && last != null && last.progress() == progress) {
            return rated(last, elapsedSeconds);
        }
        changed = false;
        LatencyStore h = response;
        boolean any = h.count() > 0;
        SortedMap<Integer, Long> byStatus = new TreeMap<>();
        for (int i = 0; i < statusKinds; i++) {
            byStatus.put(codes[i], codeCounts[i]);
        }
        Map<ErrorKind, Long> byError = new EnumMap<>(ErrorKind.class);
        if (errors != null) {
            for (ErrorKind k : KINDS) {
                if (errors[k.ordinal()] > 0) {
                    byError.put(k, errors[k.ordinal()]);
                }
            }
        }
        last = new PingResult(
                url, sent, ok, failed,
                Collections.unmodifiableSortedMap(byStatus),
                Collections.unmodifiableMap(byError),
                any ? ms(h.min()) : 0,
                any ? h.mean() / 1000.0 : 0,
                any ? h.stdDeviation() / 1000.0 : 0,
                any ? ms(h.percentile(50)) : 0,
                any ? ms(h.percentile(90)) : 0,
                any ? ms(h.percentile(95)) : 0,
                any ? ms(h.percentile(99)) : 0,
                any ? ms(h.max()) : 0,
                any ? ms(service.percentile(50)) : 0,
                any ? ms(service.percentile(99)) : 0,
                elapsedSeconds > 0 ? sent / elapsedSeconds : 0,
                bytes, late, redirects, progress, http2, http10, p99All());
        return last;
    }

    /** The same result with the rate over a longer elapsed time. */
    private static PingResult rated(PingResult r, double elapsedSeconds) {
        double rate = elapsedSeconds > 0 ? r.sent() / elapsedSeconds : 0;
        if (rate == r.requestsPerSecond()) {
            return r;
        }
        return new PingResult(r.url(), r.sent(), r.ok(), r.failed(), r.statusCounts(),
                r.errorCounts(), r.minMillis(), r.meanMillis(), r.stddevMillis(), r.p50Millis(),
                r.p90Millis(), r.p95Millis(), r.p99Millis(), r.maxMillis(), r.serviceP50Millis(),
                r.serviceP99Millis(), rate, r.bytes(), r.late(), r.redirects(), r.progress(),
                r.http2Responses(), r.http10Responses(), r.p99AllMillis());
    }

    /**
     * The p99 over every counted request, one without an answer slower than any (see {@link
     * PingResult#p99AllMillis}): the answers' value at the 99th percentile's rank among all.
     */
    private double p99All() {
        if (sent == 0) {
            return 0;
        }
        long rank = (99 * sent + 99) / 100; // ceil(0.99 sent), as LatencyStore ranks
        return response.count() < rank ? Double.POSITIVE_INFINITY : ms(response.valueAtRank(rank));
    }

    /** µs to ms. */
    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
