package io.webprobe.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The crawler's {@link HttpProbe}: plain {@code http://} through the lean blocking
 * {@link Http1Probe} (the worker reads its own socket: no selector thread, no executor hand-off,
 * no futures), {@code https://} through {@link JdkHttpProbe} (HTTP/2 where the server offers
 * it, one connection per host for every worker). Both send the same {@code Accept} and
 * {@code Accept-Encoding} and hold the {@link HttpProbe} contract, so a crawl's results do not
 * depend on which one answered. Thread-safe.
 */
public final class CrawlHttpProbe implements HttpProbe {
    /** The Accept header every crawl request carries, as browsers send for a page. */
    public static final String ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";

    private final Http1Probe plain;
    private final JdkHttpProbe secure;

    /**
     * @param plain the probe for {@code http://}
     * @param secure the probe for {@code https://}
     */
    public CrawlHttpProbe(Http1Probe plain, JdkHttpProbe secure) {
        this.plain = plain;
        this.secure = secure;
    }

    @Override
    public FetchResponse fetch(FetchRequest request) {
        if (!"http".equalsIgnoreCase(request.uri().getScheme())) {
            return secure.fetch(request);
        }
        return plain.fetch(new FetchRequest(request.uri(), request.method(), request.timeout(),
                request.maxBodyBytes(), request.keepBody(), withDefaults(request.headers()),
                request.keepAlive()));
    }

    /** Accept and Accept-Encoding first; the request's own headers after them replace them. */
    static List<Header> withDefaults(List<Header> headers) {
        List<Header> out = new ArrayList<>(headers.size() + 2);
        if (!has(headers, "accept")) {
            out.add(new Header("Accept", ACCEPT));
        }
        if (!has(headers, "accept-encoding")) {
            out.add(new Header("Accept-Encoding", ContentDecoding.ACCEPTED));
        }
        out.addAll(headers);
        return out;
    }

    private static boolean has(List<Header> headers, String name) {
        for (Header h : headers) {
            if (h.name().toLowerCase(Locale.ROOT).equals(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            plain.close();
        } finally {
            secure.close();
        }
    }
}
