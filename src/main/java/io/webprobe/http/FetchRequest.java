package io.webprobe.http;

import java.net.URI;
import java.time.Duration;
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
 */
public record FetchRequest(
        URI uri, String method, Duration timeout, long maxBodyBytes, BodyPolicy keepBody) {

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
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new IllegalArgumentException("method must be GET or HEAD, was " + method);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 0, was " + maxBodyBytes);
        }
    }
}
