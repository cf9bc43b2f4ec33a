package io.webprobe.crawl;

import io.webprobe.http.ContentTypes;
import io.webprobe.http.ErrorKind;
import io.webprobe.http.FetchRequest;
import io.webprobe.http.FetchResponse;
import io.webprobe.http.HttpProbe;
import java.net.URI;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * How a crawl asks for one URL. A page of the site is fetched with GET and its body kept when it
 * is HTML (to be parsed). A URL of another host is only checked: HEAD first, then GET when HEAD
 * fails or is refused (405, 403, 501, a reset), keeping the body only where it can tell a bot
 * wall from a broken link. Thread-safe: the probe is.
 */
final class Fetcher {
    /** The site's pages and stylesheets are read for links; other bodies only counted. */
    private static final FetchRequest.BodyPolicy PAGES_AND_STYLESHEETS =
            (status, type) -> ContentTypes.isHtml(type) || ContentTypes.isCss(type);

    /**
     * How long a host name that did not resolve is taken as unresolvable: the JDK keeps a
     * failed lookup for 10 s too ({@code networkaddress.cache.negative.ttl}), so asking again
     * sooner only costs a request's machinery. A dead domain linked from every page is then
     * one lookup, not one request per link.
     */
    static final Duration UNRESOLVED_FOR = Duration.ofSeconds(10);
    private static final int MAX_UNRESOLVED = 10_000;

    private record Unresolved(long until, String message) {}

    private final java.util.concurrent.ConcurrentHashMap<String, Unresolved> unresolved =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final Ticker ticker;
    private final HttpProbe probe;
    private final Duration timeout;
    private final long maxBodyBytes;
    private final BooleanSupplier stopping;

    /**
     * @param stopping whether the crawl is being stopped (no second request is made then)
     */
    Fetcher(HttpProbe probe, Duration timeout, long maxBodyBytes, BooleanSupplier stopping) {
        this(probe, timeout, maxBodyBytes, stopping, Ticker.SYSTEM);
    }

    Fetcher(HttpProbe probe, Duration timeout, long maxBodyBytes, BooleanSupplier stopping,
            Ticker ticker) {
        this.ticker = ticker;
        this.probe = probe;
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
        this.stopping = stopping;
    }

    FetchResponse fetch(URI uri, boolean external) {
        String host = uri.getHost();
        Unresolved known = host == null ? null : unresolved.get(host);
        if (known != null) {
            if (ticker.nanoTime() - known.until() < 0) {
                return FetchResponse.failed(uri, ErrorKind.DNS, known.message(), 0);
            }
            unresolved.remove(host, known);
        }
        FetchResponse r = ask(uri, external);
        if (r.error() == ErrorKind.DNS && host != null && unresolved.size() < MAX_UNRESOLVED) {
            unresolved.put(host, new Unresolved(ticker.nanoTime() + UNRESOLVED_FOR.toNanos(),
                    r.errorMessage()));
        }
        return r;
    }

    private FetchResponse ask(URI uri, boolean external) {
        if (!external) {
            return probe.fetch(new FetchRequest(uri, "GET", timeout, maxBodyBytes,
                    PAGES_AND_STYLESHEETS));
        }
        FetchResponse head = probe.fetch(
                new FetchRequest(uri, "HEAD", timeout, 0, FetchRequest.BodyPolicy.NEVER));
        boolean again = head.error() == ErrorKind.RESET
                || head.error() == ErrorKind.IO
                || head.status() == 405
                || head.status() == 403
                || head.status() == 501;
        if (!again || stopping.getAsBoolean()) {
            return head;
        }
        return probe.fetch(new FetchRequest(uri, "GET", timeout, maxBodyBytes,
                (status, type) -> BotWall.mayBeChallenge(status) && ContentTypes.isHtml(type)));
    }
}
