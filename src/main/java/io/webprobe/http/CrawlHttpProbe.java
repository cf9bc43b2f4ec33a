package io.webprobe.http;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The crawler's {@link HttpProbe}: plain {@code http://} through the lean blocking
 * {@link Http1Probe} (the worker reads its own socket: no selector thread, no executor hand-off,
 * no futures), {@code https://} through {@link JdkHttpProbe} (HTTP/2 where the server offers
 * it, one connection per host for every worker). Both send the same {@code Accept} and
 * {@code Accept-Encoding}, keep cookies in one jar when given one, and hold the
 * {@link HttpProbe} contract, so a crawl's results do not depend on which one answered. Two
 * kinds of https request java.net.http cannot make as a browser does go through
 * {@link Http1Probe} too, over TLS with the same trust, over HTTP/1.1: one whose request
 * target its {@link URI} does not hold ({@link FetchRequest#targetBeyondUri()}: a "%" not
 * followed by two hex digits, {@code /a%zz}, which java.net.http would send as {@code %25},
 * asking the server for another URL), with the cookie jar as any request; and one whose host
 * name {@link URI} does not read ({@code https://a_b.example/}, which java.net.http refuses),
 * without the cookie jar, which cannot file its cookies. And as java.net.http connects to
 * the system's first address only, an https request refused there goes through
 * {@link Http1Probe} when the host has another address (which it tries, as a browser does),
 * and that host's requests after it too once it answered there ({@link NextAddress}).
 * Thread-safe.
 */
public final class CrawlHttpProbe implements HttpProbe {
    /** The Accept header every crawl request carries, as browsers send for a page. */
    public static final String ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";

    private final Http1Probe plain;
    private final CookieHandler cookies;
    private final Supplier<JdkHttpProbe> makeSecure;
    /** Which hosts' https requests go through {@link Http1Probe}, refused at the first address. */
    private final NextAddress nextAddress = new NextAddress();
    private final Object lock = new Object();
    private volatile JdkHttpProbe secure;
    private boolean closed;

    /**
     * @param plain the probe for {@code http://}
     * @param secure makes the probe for {@code https://}, on the first https request: a crawl
     *     of a plain-http site never builds a TLS context (reading the JDK's certificate
     *     authorities is tens of milliseconds before the first request)
     */
    public CrawlHttpProbe(Http1Probe plain, Supplier<JdkHttpProbe> secure) {
        this(plain, null, secure);
    }

    /**
     * @param plain the probe for {@code http://}
     * @param cookies the cookie jar plain http requests send from and keep in, as
     *     java.net.http does for the https probe, which should be given the same jar; null
     *     for none
     * @param secure makes the probe for {@code https://} on the first https request
     */
    public CrawlHttpProbe(Http1Probe plain, CookieHandler cookies,
            Supplier<JdkHttpProbe> secure) {
        this.plain = plain;
        this.cookies = cookies;
        this.makeSecure = secure;
    }

    @Override
    public FetchResponse fetch(FetchRequest request) {
        // java.net.http cannot request a host URI does not read (a_b.example), nor send
        // bytes the URI does not hold (/a%zz goes as /a%25zz): ours can
        if (!"http".equalsIgnoreCase(request.uri().getScheme())
                && JdkHttpProbe.sendsAsTyped(request)) {
            // refused at the system's first address: ours tries the next (NextAddress)
            return nextAddress.fetch(request, this::secureFetch, r -> ours(r, true));
        }
        return ours(request, request.uri().getHost() != null);
    }

    /** Through {@link JdkHttpProbe}; cancelled once closed. */
    private FetchResponse secureFetch(FetchRequest request) {
        JdkHttpProbe s = secure();
        if (s == null) {
            ErrorClassifier.Classified c = ErrorClassifier.cancelled();
            return FetchResponse.failed(request.uri(), c.kind(), c.message(), 0);
        }
        FetchResponse r = s.fetch(request);
        if (!tabMayBeASpace(r)) {
            return r;
        }
        r.release();
        return ours(request, true);
    }

    /**
     * Whether java.net.http may have read a tab in the response's Location as a space: its
     * HTTP/1.1 parser turns every tab of a header's value into one, and where a browser's URL
     * parser drops a tab ({@code /tar<TAB>get} is /target) it escapes a space (/tar%20get),
     * another URL, which came out 404. Such a redirect is asked again through {@link
     * Http1Probe}, which keeps the value's bytes: one more request, for a Location with a
     * space over HTTP/1.1 only (HTTP/2 keeps the tab). Not one that set a cookie, which the
     * second request would send: the answer could then differ from the one a browser gets.
     */
    private static boolean tabMayBeASpace(FetchResponse r) {
        return r.location() != null && r.location().indexOf(' ') >= 0
                && r.version() == HttpVersion.HTTP_1_1
                && r.headers().stream().noneMatch(h -> h.is("Set-Cookie"));
    }

    /** Through {@link Http1Probe}, with the cookie jar when {@code hostRead}. */
    private FetchResponse ours(FetchRequest request, boolean hostRead) {
        List<Header> headers = withDefaults(request.headers());
        // java.net's cookie jar files cookies under the URI's host: none for a_b.example
        boolean jar = cookies != null && hostRead;
        headers = oneCookieHeader(jar ? cookiesFor(request.uri()) : List.of(), headers);
        FetchResponse response = plain.fetch(request.withHeaders(headers));
        if (jar) {
            keepCookies(request.uri(), response.headers());
        }
        return response;
    }

    /** The Cookie header the jar has for this URI (none, or one). */
    private List<Header> cookiesFor(URI uri) {
        try {
            List<Header> out = new ArrayList<>(1);
            for (var e : cookies.get(uri, Map.of()).entrySet()) {
                if (e.getKey().equalsIgnoreCase("Cookie") && !e.getValue().isEmpty()) {
                    out.add(new Header("Cookie", String.join("; ", e.getValue())));
                }
            }
            return out;
        } catch (IOException | IllegalArgumentException e) {
            return List.of(); // a jar that cannot answer: the request goes without cookies
        }
    }

    /**
     * The headers with every Cookie (the jar's first, then the request's own: a {@code -H
     * 'Cookie: …'} for the site) joined into one Cookie header with "; ", where the first
     * was, as RFC 6265 asks (a user agent sends at most one) and as java.net.http joins them
     * for the https probe. Two Cookie headers were sent before, which servers read as either
     * one or the other.
     */
    static List<Header> oneCookieHeader(List<Header> jar, List<Header> headers) {
        int first = -1;
        int count = 0;
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).is("Cookie") && !headers.get(i).removes()) {
                first = first < 0 ? i : first;
                count++;
            }
        }
        if (count + jar.size() <= 1) {
            if (jar.isEmpty()) {
                return headers;
            }
            List<Header> out = new ArrayList<>(headers);
            out.addAll(jar);
            return out;
        }
        StringBuilder joined = new StringBuilder();
        for (Header h : jar) {
            joined.append(joined.isEmpty() ? "" : "; ").append(h.value());
        }
        List<Header> out = new ArrayList<>(headers.size());
        for (Header h : headers) {
            if (h.is("Cookie")) {
                if (!h.value().isEmpty()) { // an empty one (-H 'Cookie;') adds no cookie
                    joined.append(joined.isEmpty() ? "" : "; ").append(h.value());
                }
            } else {
                out.add(h);
            }
        }
        out.add(first < 0 ? out.size() : first, new Header("Cookie", joined.toString()));
        return out;
    }

    /** Hands the response's Set-Cookie fields to the jar. */
    private void keepCookies(URI uri, List<Header> headers) {
        if (headers == null || headers.isEmpty()) {
            return;
        }
        List<String> set = new ArrayList<>(2);
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase("set-cookie")) {
                set.add(h.value());
            }
        }
        if (set.isEmpty()) {
            return;
        }
        try {
            cookies.put(uri, Map.of("Set-Cookie", set));
        } catch (IOException | IllegalArgumentException e) {
            // a cookie the jar refuses is not kept, as a browser would ignore it
        }
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

    /** The https probe, made on first use; null once closed. */
    private JdkHttpProbe secure() {
        JdkHttpProbe s = secure;
        if (s != null) {
            return s;
        }
        synchronized (lock) {
            if (secure == null && !closed) {
                secure = makeSecure.get();
            }
            return secure;
        }
    }

    @Override
    public void close() {
        JdkHttpProbe s;
        synchronized (lock) {
            closed = true;
            s = secure;
        }
        try {
            plain.close();
        } finally {
            if (s != null) {
                s.close();
            }
        }
    }
}
