package io.webprobe.http;

import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * What the probes' {@code fetch} share ({@link Http1Probe}, {@link JdkHttpProbe}): the URL
 * checked before anything is sent, and the time a request took.
 */
final class ProbeFetch {

    private ProbeFetch() {}

    /**
     * The response to a URL no request is sent for ({@link UrlSyntax#problem}): failed at once,
     * as an invalid URL; null for a URL that can be sent.
     */
    static FetchResponse unsendable(URI uri) {
        String problem = UrlSyntax.problem(uri);
        return problem == null ? null
                : FetchResponse.failed(uri, ErrorKind.INVALID_URL, problem, 0);
    }

    /** The milliseconds since {@code startNanos}, a {@link System#nanoTime()} reading. */
    static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
