package io.webprobe.testsupport;

import io.webprobe.http.FetchRequest;
import io.webprobe.http.FetchResponse;
import io.webprobe.http.HttpProbe;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * A real probe that asks some requests with a short timeout of their own and every other one
 * as it was asked. For a test whose server holds one URL's answer so that it times out: the
 * crawl keeps its long timeout, and only the held request has the short one. A short timeout
 * for the whole crawl had to be met by every answer the test needed, which a loaded machine
 * could miss (a page that should have answered timed out too, at 300 ms).
 */
public final class ShortTimeoutProbe implements HttpProbe {
    private final HttpProbe real;
    private final Predicate<FetchRequest> held;
    private final Duration timeout;

    /** Asks the requests {@code held} accepts with {@code timeout}; closes {@code real}. */
    public ShortTimeoutProbe(HttpProbe real, Predicate<FetchRequest> held, Duration timeout) {
        this.real = real;
        this.held = held;
        this.timeout = timeout;
    }

    /** The requests for {@code path} (any method) are asked with {@code timeout}. */
    public static ShortTimeoutProbe forPath(HttpProbe real, String path, Duration timeout) {
        return new ShortTimeoutProbe(real, r -> r.uri().getPath().equals(path), timeout);
    }

    @Override
    public FetchResponse fetch(FetchRequest request) {
        return real.fetch(held.test(request) ? request.withTimeout(timeout) : request);
    }

    @Override
    public void close() {
        real.close();
    }
}
