package io.webprobe.http;

import static io.webprobe.http.ProbeFetch.millisSince;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link HttpProbe} over {@code java.net.http.HttpClient}. The client keeps its own executor
 * (a fixed pool would deadlock with blocking callers); the calling worker waits on the response
 * future with the request's deadline, which therefore covers the body too (the client's own
 * timeout stops at the headers). Bodies are read through {@link CappedBodySubscriber}, so a huge
 * page costs at most the cap. Keep-alive cannot be turned off per request here (use
 * {@link Http1Probe} for that); {@code Connection} and {@code Host} headers are not sent.
 * Server certificates are checked against a {@link TlsTrust} (the JDK's authorities unless
 * another is given); failures are classified by {@link ErrorClassifier}. Holds the
 * {@link HttpProbe} contract. Thread-safe.
 */
public final class JdkHttpProbe implements HttpProbe {
    /** Headers java.net.http sets itself and refuses from callers. */
    private static final java.util.Set<String> RESTRICTED =
            java.util.Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient client;
    private final String userAgent;
    /** A browser's Accept and Accept-Encoding (the crawl); else the ping's plain ones. */
    private final boolean browserHeaders;
    /**
     * Send a request once more when its connection closed under it before any answer (the
     * ping's probe; the crawl asks again itself, after a pause: {@code ResponseClassifier}).
     */
    private final boolean resendDropped;

    /**
     * @param userAgent the User-Agent header sent with every request
     * @param connectTimeout the TCP connect timeout
     */
    public JdkHttpProbe(String userAgent, Duration connectTimeout) {
        this(userAgent, connectTimeout, TlsTrust.defaults());
    }

    /**
     * @param userAgent the User-Agent header sent with every request
     * @param connectTimeout the TCP connect timeout
     * @param trust which server certificates to accept. Its SSL context is this client's only:
     *     {@link TlsTrust#insecure()} turns certificate and host name checks off for this
     *     client alone (no global system property).
     */
    public JdkHttpProbe(String userAgent, Duration connectTimeout, TlsTrust trust) {
        this(userAgent, connectTimeout, trust, false);
    }

    /**
     * @param cookies keep the cookies servers set for the life of this probe and send them
     *     back, as a browser does (a consent gate or session check that sets a cookie and
     *     redirects then works, instead of redirecting forever)
     */
    public JdkHttpProbe(String userAgent, Duration connectTimeout, TlsTrust trust,
            boolean cookies) {
        this(userAgent, connectTimeout, trust, cookies ? newCookieJar() : null);
    }

    /**
     * @param cookies the cookie jar to keep the cookies servers set in and send back from, as
     *     a browser does; shared with another probe, both see the same cookies. Null: none.
     */
    public JdkHttpProbe(String userAgent, Duration connectTimeout, TlsTrust trust,
            java.net.CookieHandler cookies) {
        this(userAgent, connectTimeout, trust, cookies, true, false, false);
    }

    /**
     * A probe for the ping: the request heads the ping's HTTP/1.1 client sends
     * ({@code Accept: *}{@code /*}, no {@code Accept-Encoding}, so the server sends the same
     * bytes over either protocol), no cookies; a request whose established connection closed
     * before any answer is sent once more, as the ping's HTTP/1.1 client does. Straight to
     * the servers, as the ping's other clients go, whatever proxy is set for Java (ADR
     * 0034): java.net.http took the JVM's proxy, so a --http2 ping went through it and the
     * same ping without --http2 did not.
     */
    public static JdkHttpProbe forPing(String userAgent, Duration connectTimeout,
            TlsTrust trust) {
        return new JdkHttpProbe(userAgent, connectTimeout, trust, null, false, true, true);
    }

    private JdkHttpProbe(String userAgent, Duration connectTimeout, TlsTrust trust,
            java.net.CookieHandler cookies, boolean browserHeaders, boolean resendDropped,
            boolean direct) {
        this.userAgent = userAgent;
        this.browserHeaders = browserHeaders;
        this.resendDropped = resendDropped;
        HttpClient.Builder b = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .sslContext(trust.sslContext())
                .sslParameters(trust.clientParameters());
        if (cookies != null) {
            b.cookieHandler(cookies);
        }
        if (direct) {
            b.proxy(HttpClient.Builder.NO_PROXY);
        }
        this.client = b.build();
    }

    /** A cookie jar that keeps a cookie only for the server that set it, as browsers do. */
    public static java.net.CookieManager newCookieJar() {
        return new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ORIGINAL_SERVER);
    }

    /**
     * Why a host name with an underscore ({@code a_b.example}), which browsers and
     * {@link Http1Probe} request, is not requested here: one plain sentence, where
     * java.net.http would throw its own "unsupported URI". No request of Webprobe's reaches it:
     * the crawl ({@link CrawlHttpProbe}) and the ping's HTTP/2 clients ask {@link #sendsAsTyped}
     * first and send such a host through {@link Http1Probe}, over HTTP/1.1, with or without a
     * proxy (through a proxy: the absolute-form request line, or a CONNECT tunnel for https).
     * It said "cannot be requested over HTTP/2 or through a proxy", true of this client only
     * before those went through {@link Http1Probe}.
     */
    static String unsupportedHost(URI uri) {
        return "The host name " + Urls.host(uri) + " cannot be requested through Java's HTTP"
                + " client, which takes only host names of letters, digits, hyphens and dots.";
    }

    /**
     * Whether java.net.http can send this request as it was typed: {@link URI} reads its host
     * (not {@code a_b.example}) and it has no request target beyond its URI's (a stray "%",
     * which java.net.http would send as {@code %25}). {@link CrawlHttpProbe} and the ping's
     * HTTP/2 clients send the others through {@link Http1Probe}.
     */
    public static boolean sendsAsTyped(FetchRequest request) {
        return request.uri().getHost() != null && !request.targetBeyondUri();
    }

    @Override
    public FetchResponse fetch(FetchRequest request) {
        URI uri = request.uri();
        long start = System.nanoTime();
        FetchResponse unsendable = ProbeFetch.unsendable(uri);
        if (unsendable != null) {
            return unsendable;
        }
        if (uri.getHost() == null) {
            // java.net.http refuses a URI whose host URI cannot read ("unsupported URI")
            return FetchResponse.failed(uri, ErrorKind.INVALID_URL, unsupportedHost(uri), 0);
        }
        HttpRequest httpRequest;
        try {
            // request.target() is not sent: java.net.http sends only what a URI holds, so a
            // "%" not followed by two hex digits, which a browser sends as it is, goes as %25
            // (Http1Probe sends the browser's bytes: CrawlHttpProbe sends such a request
            // there, http or https)
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
            // GET() and HEAD(), not method(m, noBody()), which sent "Content-Length: 0"
            // with a request that has no content (RFC 9110 8.6: SHOULD NOT)
            switch (request.method()) {
                case "GET" -> builder.GET();
                case "HEAD" -> builder.HEAD();
                default -> builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
            }
            builder.version(uri.getScheme().equalsIgnoreCase("https")
                            ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                    .timeout(request.timeout());
            List<Header> defaults = new ArrayList<>(3);
            defaults.add(new Header("User-Agent", userAgent));
            defaults.add(new Header("Accept", browserHeaders ? CrawlHttpProbe.ACCEPT : "*/*"));
            if (browserHeaders) {
                defaults.add(new Header("Accept-Encoding", ContentDecoding.ACCEPTED));
            }
            List<Header> given = request.headers().stream()
                    .filter(h -> !RESTRICTED.contains(h.name().toLowerCase(Locale.ROOT)))
                    .toList();
            List<Header> sent = Header.sent(defaults, given);
            for (Header h : sent) {
                builder.setHeader(h.name(), h.value());
            }
            if (sent.stream().noneMatch(h -> h.is("User-Agent"))) {
                // a User-Agent taken away: java.net.http would send its own
                // (Java-http-client/25), so it goes empty, the nearest it allows
                builder.setHeader("User-Agent", "");
            }
            httpRequest = builder.build();
        } catch (IllegalArgumentException e) {
            return FetchResponse.failed(uri, ErrorKind.INVALID_URL, e.getMessage(), 0);
        }
        boolean head = request.method().equals("HEAD");
        long deadline = start + request.timeout().toNanos();
        for (boolean mayResend = true; ; ) {
            AtomicBoolean answered = new AtomicBoolean();
            CompletableFuture<HttpResponse<CappedBodySubscriber.Body>> future =
                    client.sendAsync(
                            httpRequest,
                            info -> {
                                answered.set(true);
                                String ct = info.headers().firstValue("Content-Type").orElse("");
                                if (head) {
                                    return BodySubscribers.replacing(
                                            new CappedBodySubscriber.Body(null, 0, false));
                                }
                                boolean keep = request.keepBody().keep(info.statusCode(), ct);
                                return new CappedBodySubscriber(request.maxBodyBytes(), keep,
                                        contentLength(info.statusCode(), info.headers()));
                            });
            try {
                return answer(uri, request, head, start,
                        future.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS));
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                ErrorClassifier.Classified c = ErrorClassifier.cancelled();
                return FetchResponse.failed(uri, c.kind(), c.message(), millisSince(start));
            } catch (TimeoutException e) {
                future.cancel(true);
                ErrorClassifier.Classified c = ErrorClassifier.timedOut(request.timeout());
                return FetchResponse.failed(uri, c.kind(), c.message(), millisSince(start));
            } catch (ExecutionException e) {
                ErrorClassifier.Classified c = answered.get()
                        ? ErrorClassifier.afterHeaders(ErrorClassifier.classify(e))
                        : ErrorClassifier.classify(e);
                boolean unprocessed = ErrorClassifier.notProcessed(e);
                if (resendDropped && (unprocessed || mayResend && c.kind().dropped())
                        && !answered.get() && !connecting(e)
                        && deadline - System.nanoTime() > 0) {
                    // The connection closed under the request before any answer: a server
                    // ending an HTTP/2 connection after its request limit (GOAWAY; nginx's
                    // keepalive_requests, 1,000 by default) drops the streams that crossed its
                    // goodbye. One it says it did not process (its GOAWAY's last-stream-id is
                    // below the stream, or REFUSED_STREAM) java.net.http resends once, then
                    // fails: it is sent again on a new connection as often as it takes within
                    // its timeout, as Go's client does (at 50 requests a connection one was
                    // dropped twice now and then, and failed). One dropped without a word may
                    // have been processed: a GET or HEAD that got no answer is sent once more,
                    // as browsers, hey and oha do (and as the ping's own HTTP/1.1 client does
                    // on a kept-alive socket). One answered is never sent again. The time
                    // taken counts from the first try.
                    mayResend &= unprocessed;
                    continue;
                }
                return FetchResponse.failed(uri, c.kind(), c.message(), millisSince(start));
            }
        }
    }

    /** Whether the failure came while connecting (a reset there is the server's refusal). */
    private static boolean connecting(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static FetchResponse answer(URI uri, FetchRequest request, boolean head, long start,
            HttpResponse<CappedBodySubscriber.Body> response) {
        CappedBodySubscriber.Body body = response.body();
        long size = body.size();
        ResponseBody bytes = body.body();
        boolean truncated = body.truncated();
        String undecodable = null;
        if (bytes != null) {
            // size stays what was downloaded; the cap applies to the decoded body too
            ContentDecoding.Decoded decoded = ContentDecoding.decodeResponse(bytes,
                    ContentDecoding.contentEncoding(
                            response.headers().allValues("Content-Encoding")),
                    request.maxBodyBytes(), response.statusCode(),
                    response.headers().firstValue("Location").orElse(null));
            bytes = decoded.body();
            truncated |= decoded.truncated();
            undecodable = decoded.failure();
        }
        if (head) {
            // Long.parseLong's exception for 'abc' once escaped from here; unknown is -1
            size = Http1Probe.announcedLength(
                    response.headers().firstValue("Content-Length").orElse(""));
        }
        return new FetchResponse(
                uri,
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Location").orElse(null),
                size,
                bytes,
                truncated,
                millisSince(start),
                undecodable == null ? null : ErrorKind.IO,
                undecodable,
                String.join(" | ", response.headers().allValues("X-Robots-Tag")),
                headersOf(response.headers()),
                // java.net.http knows HTTP_1_1 and HTTP_2 only: it reads an HTTP/1.0 status
                // line as HTTP_1_1, so an HTTP/1.0 server reached through it (the ping with
                // HTTP/2 asked for) is labelled HTTP/1.1. Http1Probe tells them apart.
                response.version() == HttpClient.Version.HTTP_2 ? HttpVersion.HTTP_2
                        : HttpVersion.HTTP_1_1);
    }

    /** The header fields, names in lower case; a field the Header type refuses is left out. */
    private static List<Header> headersOf(java.net.http.HttpHeaders headers) {
        List<Header> out = new java.util.ArrayList<>();
        headers.map().forEach((name, values) -> {
            for (String v : values) {
                try {
                    out.add(new Header(name.toLowerCase(Locale.ROOT), v));
                } catch (IllegalArgumentException e) {
                    // a pseudo-header or an odd name: nothing the crawler reads
                }
            }
        });
        return out;
    }

    @Override
    public void close() {
        client.shutdownNow();
    }

    /**
     * The response's Content-Length, or -1 without one, read by the codec's rule (so "+5" or
     * "-1" is the server's error here as on the HTTP/1.1 engines), said as such ("Invalid
     * Content-Length: abc"), not as a parser's exception.
     */
    private static long contentLength(int status, java.net.http.HttpHeaders headers) {
        // every field, not the first: java.net.http reads the first alone, so "2" and "5"
        // gave a 200 of 2 bytes here where the HTTP/1.1 client (and a browser) fails it; and
        // where the length frames no body, as Http1ResponseParser reads it, none is read
        List<String> values = headers.allValues("Content-Length");
        if (values.isEmpty() || status == 204 || status == 304
                || headers.firstValue("Transfer-Encoding").isPresent()) {
            return -1;
        }
        String problem = Http1ResponseParser.contentLengthProblem(values);
        if (problem != null) {
            throw new ErrorClassifier.InvalidResponseException(problem);
        }
        return Http1ResponseParser.contentLength(values.get(0));
    }
}
