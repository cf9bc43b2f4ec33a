package io.webprobe.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One HTTP request to make. Immutable.
 *
 * @param uri the absolute http or https URI to request, without fragment
 * @param method {@code GET} or {@code HEAD}
 * @param timeout overall deadline for headers and body together
 * @param maxBodyBytes how many body bytes to read at most; the rest is not downloaded and the
 *     response is marked truncated
 * @param keepBody which responses keep their body in memory (others are only counted)
 * @param headers extra request headers, sent after the defaults (and replacing a default
 *     header of the same name)
 * @param keepAlive whether the connection may be reused for the next request
 * @param target the request target (path and query) to send instead of the URI's, or null
 *     for the URI's: a browser's bytes a {@link URI} cannot hold, a "%" not followed by two
 *     hex digits ({@link Urls#requestTarget(String)}). Only {@link Http1Probe} sends it;
 *     java.net.http sends what a URI holds, so {@link JdkHttpProbe} sends the URI's
 *     ({@code %25} for that "%"), and {@link CrawlHttpProbe} sends such a request through
 *     {@link Http1Probe} whatever its scheme ({@link #targetBeyondUri()}).
 */
public record FetchRequest(
        URI uri,
        String method,
        Duration timeout,
        long maxBodyBytes,
        BodyPolicy keepBody,
        List<Header> headers,
        boolean keepAlive,
        String target) {

    /** Decides from the response headers whether the body is worth keeping in memory. */
    @FunctionalInterface
    public interface BodyPolicy {
        BodyPolicy NEVER = (status, contentType) -> false;
        BodyPolicy HTML = (status, contentType) -> ContentTypes.isHtml(contentType);

        boolean keep(int status, String contentType);
    }

    public FetchRequest {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(keepBody, "keepBody");
        headers = List.copyOf(headers);
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new IllegalArgumentException("method must be GET or HEAD, was " + method);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 0, was " + maxBodyBytes);
        }
        if (target != null && !isTarget(target)) {
            throw new IllegalArgumentException("target must start with / and hold visible ASCII"
                    + " only, was " + UrlSyntax.shortened(target));
        }
    }

    /** A request to the URI's own path and query. */
    public FetchRequest(URI uri, String method, Duration timeout, long maxBodyBytes,
            BodyPolicy keepBody, List<Header> headers, boolean keepAlive) {
        this(uri, method, timeout, maxBodyBytes, keepBody, headers, keepAlive, null);
    }

    /** A request with no extra headers, on a reusable connection. */
    public FetchRequest(
            URI uri, String method, Duration timeout, long maxBodyBytes, BodyPolicy keepBody) {
        this(uri, method, timeout, maxBodyBytes, keepBody, List.of(), true, null);
    }

    /** The same request with another timeout. */
    public FetchRequest withTimeout(Duration t) {
        return new FetchRequest(uri, method, t, maxBodyBytes, keepBody, headers, keepAlive,
                target);
    }

    /** The same request with these headers instead. */
    public FetchRequest withHeaders(List<Header> h) {
        return new FetchRequest(uri, method, timeout, maxBodyBytes, keepBody, h, keepAlive,
                target);
    }

    /** The same request sending this request target (null: the URI's). */
    public FetchRequest withTarget(String t) {
        return new FetchRequest(uri, method, timeout, maxBodyBytes, keepBody, headers, keepAlive,
                t);
    }

    /**
     * Whether this request sends a request target its URI does not hold ({@link #target()}
     * other than {@link #uriTarget(URI)}): only {@link Http1Probe} can send it, since
     * java.net.http puts the URI's own path and query on the wire.
     */
    public boolean targetBeyondUri() {
        return targetBeyondUri(uri, target);
    }

    /**
     * Whether {@code target} (null: none) is a request target the URI does not hold, which
     * only {@link Http1Probe} can send ({@link #targetBeyondUri()}).
     */
    public static boolean targetBeyondUri(URI uri, String target) {
        return target != null && !target.equals(uriTarget(uri));
    }

    /**
     * The request target a URI gives, as a request line carries it: its raw path ("/" when
     * empty) and raw query.
     */
    public static String uriTarget(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty()
                ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /**
     * Whether {@code t} can be a request target: it starts with "/" and holds nothing but
     * visible ASCII (no space or line break in a request line).
     */
    public static boolean isTarget(String t) {
        if (!t.startsWith("/")) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }
}
