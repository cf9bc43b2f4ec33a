package io.webprobe.ping;

import io.webprobe.http.ErrorClassifier;
import io.webprobe.http.FetchRequest;
import io.webprobe.http.FetchResponse;
import io.webprobe.http.Http1Probe;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.http.NextAddress;
import io.webprobe.http.TlsTrust;
import java.time.Duration;

/**
 * The ping's HTTP/2 probe: one java.net.http client for every {@link #STREAMS_PER_CLIENT}
 * units of concurrency, each request sent through the client with the fewest in flight. A
 * client keeps one HTTP/2 connection per server and fails the streams beyond the server's limit
 * ({@code SETTINGS_MAX_CONCURRENT_STREAMS}: 128 in nginx and Jetty, about 100 at many CDNs)
 * instead of opening a second connection, so a run above that concurrency needs more clients,
 * as oha and h2load open more connections. An {@code http://} URL goes over HTTP/1.1
 * ({@link Http1Probe}, our own client, as without HTTP/2), and so does a request
 * java.net.http cannot make as it was typed, as the crawl's does: to a host name it
 * refuses ({@code a_b.example}), or with a request target its URI does not hold (a stray "%",
 * which it would send as {@code %25}: another URL; {@link PingPlan#overHttp1Note()} says so).
 * An https request refused at the system's first address, the only one java.net.http tries,
 * goes over HTTP/1.1 to the host's next one, and that host's requests after it too ({@link
 * NextAddress}: a dev server on ::1 only, at {@code https://localhost:PORT/}). Thread-safe.
 */
final class Http2Clients implements HttpProbe {
    /** Requests in flight on one client (one connection per server) at most. */
    static final int STREAMS_PER_CLIENT = 100;

    private final JdkHttpProbe[] clients;
    /** Guarded by this. */
    private final int[] inFlight;
    private final String userAgent;
    private final Duration connectTimeout;
    private final TlsTrust trust;
    /** Which hosts' https requests go over HTTP/1.1, refused at the system's first address. */
    private final NextAddress nextAddress = new NextAddress();
    /** For http:// and what java.net.http cannot send; made on first use. Guarded by this. */
    private Http1Probe http1;
    /** close() was called: no HTTP/1.1 client is made any more. */
    private boolean closed;

    Http2Clients(String userAgent, Duration connectTimeout, TlsTrust trust, int concurrency) {
        this.userAgent = userAgent;
        this.connectTimeout = connectTimeout;
        this.trust = trust;
        int n = count(concurrency);
        clients = new JdkHttpProbe[n];
        for (int i = 0; i < n; i++) {
            clients[i] = JdkHttpProbe.forPing(userAgent, connectTimeout, trust);
        }
        inFlight = new int[n];
    }

    /** How many clients (connections per server) a run of this concurrency uses. */
    static int count(int concurrency) {
        return Math.max(1, (concurrency + STREAMS_PER_CLIENT - 1) / STREAMS_PER_CLIENT);
    }

    @Override
    public FetchResponse fetch(FetchRequest request) {
        if (!"https".equalsIgnoreCase(request.uri().getScheme())
                || !JdkHttpProbe.sendsAsTyped(request)) {
            // an http:// URL, which stays on HTTP/1.1 (java.net.http would add an h2c upgrade
            // offer to each request, and time its own hand-offs); a host name java.net.http
            // refuses (an underscore: a_b.example), which browsers request; or a path it would
            // send otherwise (/a%zz as /a%25zz): over HTTP/1.1, as the crawl does, rather than
            // failing or asking for another URL
            return overHttp1(request);
        }
        // refused at the system's first address, which is all java.net.http tries: over
        // HTTP/1.1 to the next, as the crawl does; the opening requests before the clock
        // (WorkerWarmUp) find that out, so that the timed ones go there at once
        return nextAddress.fetch(request, this::overHttp2, this::overHttp1);
    }

    /** Through the java.net.http client with the fewest requests in flight. */
    private FetchResponse overHttp2(FetchRequest request) {
        int c = acquire();
        try {
            return clients[c].fetch(request);
        } finally {
            release(c);
        }
    }

    /** Through our own HTTP/1.1 client; cancelled once closed. */
    private FetchResponse overHttp1(FetchRequest request) {
        Http1Probe h1 = http1();
        if (h1 == null) { // the run is being stopped
            ErrorClassifier.Classified c = ErrorClassifier.cancelled();
            return FetchResponse.failed(request.uri(), c.kind(), c.message(), 0);
        }
        return h1.fetch(request);
    }

    private synchronized int acquire() {
        int best = 0;
        for (int i = 1; i < inFlight.length; i++) {
            if (inFlight[i] < inFlight[best]) {
                best = i;
            }
        }
        inFlight[best]++;
        return best;
    }

    private synchronized void release(int c) {
        inFlight[c]--;
    }

    /** The HTTP/1.1 client, made on first use; null once closed. */
    private synchronized Http1Probe http1() {
        if (closed) {
            return null;
        }
        if (http1 == null) {
            http1 = new Http1Probe(userAgent, connectTimeout, trust);
        }
        return http1;
    }

    @Override
    public void close() {
        for (JdkHttpProbe c : clients) {
            c.close();
        }
        synchronized (this) {
            closed = true;
            if (http1 != null) {
                http1.close();
            }
        }
    }
}
