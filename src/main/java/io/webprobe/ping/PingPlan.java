package io.webprobe.ping;

import io.webprobe.http.Header;
import io.webprobe.http.TlsTrust;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to ping and how. Immutable; the {@code with*} methods derive changed copies.
 *
 * @param targets the URLs, each requested in turn (round robin)
 * @param method GET or HEAD
 * @param concurrency requests in flight at most (worker threads), 1 to 1000
 * @param mode how requests are paced
 * @param count requests per URL in {@link PingMode#COUNT} mode (and an optional cap per URL in
 *     {@link PingMode#RATE} mode; 0 = none)
 * @param duration how long {@link PingMode#DURATION} and {@link PingMode#RATE} runs last
 * @param rate total requests per second in {@link PingMode#RATE} mode
 * @param timeout deadline per request (connect, headers and body)
 * @param followRedirects follow 3xx responses (up to {@link #MAX_REDIRECTS}), counting hops
 * @param headers extra request headers
 * @param keepAlive reuse connections between requests
 * @param warmup requests per URL sent first and left out of the statistics
 * @param success status codes counted as OK
 * @param userAgent the User-Agent header
 * @param tls which server certificates https targets may present
 * @param http2 ask https targets for HTTP/2 (ALPN), falling back to HTTP/1.1 where the server
 *     does not offer it; http targets stay on HTTP/1.1. Needs keep-alive.
 */
public record PingPlan(
        List<URI> targets,
        String method,
        int concurrency,
        PingMode mode,
        long count,
        Duration duration,
        double rate,
        Duration timeout,
        boolean followRedirects,
        List<Header> headers,
        boolean keepAlive,
        int warmup,
        StatusSet success,
        String userAgent,
        TlsTrust tls,
        boolean http2) {

    public static final int MAX_REDIRECTS = 10;
    public static final int DEFAULT_CONCURRENCY = 10;
    public static final long DEFAULT_COUNT = 10;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public PingPlan {
        targets = List.copyOf(targets);
        headers = List.copyOf(headers);
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(success, "success");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(tls, "tls");
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("There are no URLs to ping");
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new IllegalArgumentException("The method must be GET or HEAD, not " + method);
        }
        if (concurrency < 1 || concurrency > 1000) {
            throw new IllegalArgumentException("Concurrency must be between 1 and 1,000");
        }
        if (mode == PingMode.COUNT && count < 1) {
            throw new IllegalArgumentException("The count must be at least 1");
        }
        if (count < 0) {
            throw new IllegalArgumentException("The count cannot be negative");
        }
        if (mode != PingMode.COUNT && (duration.isZero() || duration.isNegative())) {
            throw new IllegalArgumentException("The duration must be positive");
        }
        if (mode == PingMode.RATE && !(rate > 0 && rate <= 1_000_000)) {
            throw new IllegalArgumentException("The rate must be between 0 and 1,000,000 requests/s");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("The timeout must be positive");
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("Warm-up requests cannot be negative");
        }
        for (Header h : headers) {
            for (String framing : new String[] {"Content-Length", "Transfer-Encoding", "TE",
                "Trailer", "Upgrade"}) {
                if (h.is(framing)) {
                    throw new IllegalArgumentException("The " + framing + " header belongs to "
                            + "the connection, which Webprobe manages itself; leave it out");
                }
            }
            if (h.is("Connection") && !http2) {
                throw new IllegalArgumentException("Webprobe sets the Connection header itself; "
                        + "for a new connection per request, turn keep-alive off (--no-keepalive)");
            }
        }
        if (headers.stream().filter(h -> h.is("Host")).count() > 1) {
            throw new IllegalArgumentException("The Host header can be given only once");
        }
        if (http2 && headers.stream().anyMatch(h -> h.is("Host") || h.is("Connection"))) {
            throw new IllegalArgumentException("HTTP/2 sets the Host and Connection headers "
                    + "itself, so they cannot be given with it");
        }
        if (http2 && !keepAlive) {
            throw new IllegalArgumentException("HTTP/2 keeps its connections open, so it cannot "
                    + "be used without keep-alive");
        }
    }

    /**
     * Defaults: GET, concurrency 10, 10 requests per URL, 10 s timeout, keep-alive, the JDK's
     * certificate authorities.
     */
    public static PingPlan of(List<URI> targets, String userAgent) {
        return new PingPlan(targets, "GET", DEFAULT_CONCURRENCY, PingMode.COUNT, DEFAULT_COUNT,
                Duration.ofSeconds(10), 0, DEFAULT_TIMEOUT, false, List.of(), true, 0,
                StatusSet.DEFAULT, userAgent, TlsTrust.defaults(), false);
    }

    public PingPlan withMethod(String m) {
        return new PingPlan(targets, m, concurrency, mode, count, duration, rate, timeout,
                followRedirects, headers, keepAlive, warmup, success, userAgent, tls, http2);
    }

    public PingPlan withConcurrency(int c) {
        return new PingPlan(targets, method, c, mode, count, duration, rate, timeout,
                followRedirects, headers, keepAlive, warmup, success, userAgent, tls, http2);
    }

    /** Closed loop, n requests per URL. */
    public PingPlan withCount(long n) {
        return new PingPlan(targets, method, concurrency, PingMode.COUNT, n, duration, rate,
                timeout, followRedirects, headers, keepAlive, warmup, success, userAgent, tls, http2);
    }

    /** Closed loop for a duration. */
    public PingPlan withDuration(Duration d) {
        return new PingPlan(targets, method, concurrency, PingMode.DURATION, 0, d, rate,
                timeout, followRedirects, headers, keepAlive, warmup, success, userAgent, tls, http2);
    }

    /** Open loop at a total rate for a duration. */
    public PingPlan withRate(double perSecond, Duration d) {
        return new PingPlan(targets, method, concurrency, PingMode.RATE, 0, d, perSecond,
                timeout, followRedirects, headers, keepAlive, warmup, success, userAgent, tls, http2);
    }

    public PingPlan withTimeout(Duration t) {
        return new PingPlan(targets, method, concurrency, mode, count, duration, rate, t,
                followRedirects, headers, keepAlive, warmup, success, userAgent, tls, http2);
    }

    public PingPlan withFollowRedirects(boolean f) {
        return new PingPlan(targets, method, concurrency, mode, count, duration, rate, timeout,
                f, headers, keepAlive, warmup, success, userAgent, tls, http2);
    }

    public PingPlan withHeaders(List<Header> h) {
        return new PingPlan(targets, method, concurrency, mode, count, duration, rate, timeout,
                followRedirects, h, keepAlive, warmup, success, userAgent, tls, http2);
    }

    public PingPlan withKeepAlive(boolean k) {
        return new PingPlan(targets, method, concurrency, mode, count, duration, rate, timeout,
                followRedirects, headers, k, warmup, success, userAgent, tls, http2);
    }

    public PingPlan withWarmup(int w) {
        return new PingPlan(targets, method, concurrency, mode, count, duration, rate, timeout,
                followRedirects, headers, keepAlive, w, success, userAgent, tls, http2);
    }

    public PingPlan withSuccess(StatusSet s) {
        return new PingPlan(targets, method, concurrency, mode, count, duration, rate, timeout,
                followRedirects, headers, keepAlive, warmup, s, userAgent, tls, http2);
    }

    /** With other trusted certificates for https targets. */
    public PingPlan withTls(TlsTrust t) {
        return new PingPlan(targets, method, concurrency, mode, count, duration, rate, timeout,
                followRedirects, headers, keepAlive, warmup, success, userAgent, t, http2);
    }

    /**
     * Asks https targets for HTTP/2 (or not): each URL's result says which protocol answered
     * ({@link PingResult#protocol()}).
     */
    public PingPlan withHttp2(boolean h) {
        return new PingPlan(targets, method, concurrency, mode, count, duration, rate, timeout,
                followRedirects, headers, keepAlive, warmup, success, userAgent, tls, h);
    }

    /** Open loop at a total rate, with at most {@code n} requests per URL (0 = no cap). */
    public PingPlan withRateAndCount(double perSecond, Duration d, long n) {
        return new PingPlan(targets, method, concurrency, PingMode.RATE, n, d, perSecond,
                timeout, followRedirects, headers, keepAlive, warmup, success, userAgent, tls, http2);
    }

    /** Requests in total, or -1 when the run is bounded by time only. */
    public long totalRequests() {
        if (mode == PingMode.COUNT || mode == PingMode.RATE && count > 0) {
            return (count + warmup) * targets.size();
        }
        return -1;
    }

    /** A closed-loop run waits for each answer before the next request (see {@link PingMode}). */
    public boolean closedLoop() {
        return mode != PingMode.RATE;
    }
}
