package io.webprobe.crawl;

import io.webprobe.http.ContentTypes;
import io.webprobe.http.ErrorKind;
import io.webprobe.http.FetchRequest;
import io.webprobe.http.FetchResponse;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.MimeSniffing;
import io.webprobe.http.Urls;
import java.net.URI;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * How a crawl asks for one URL. A page of the site is fetched with GET and its body kept when it
 * is HTML (to be parsed). A URL of another host is only checked: HEAD first, then GET whenever
 * the HEAD answer may be HEAD's own ({@link #askAgainWithGet}), and then only the GET answer
 * counts, keeping its body only where it can tell a bot wall from a broken link. Thread-safe:
 * the probe is.
 */
final class Fetcher {
    /**
     * The site's pages and stylesheets are read for links, and so is a body without a type
     * (a browser sniffs it, and it may be HTML); other bodies are only counted.
     */
    private static final FetchRequest.BodyPolicy PAGES_AND_STYLESHEETS =
            (status, type) -> ContentTypes.isHtml(type) || ContentTypes.isCss(type)
                    || MimeSniffing.isUnknown(type);

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
        return fetch(uri, null, external);
    }

    /**
     * @param target the request target to send instead of the URI's, or null
     *     ({@link QueueItem#target()})
     */
    FetchResponse fetch(URI uri, String target, boolean external) {
        String host = Urls.host(uri);
        Unresolved known = host.isEmpty() ? null : unresolved.get(host);
        if (known != null) {
            if (ticker.nanoTime() - known.until() < 0) {
                return FetchResponse.failed(uri, ErrorKind.DNS, known.message(), 0);
            }
            unresolved.remove(host, known);
        }
        FetchResponse r = ask(uri, target, external);
        if (r.error() == ErrorKind.DNS && !host.isEmpty() && unresolved.size() < MAX_UNRESOLVED) {
            unresolved.put(host, new Unresolved(ticker.nanoTime() + UNRESOLVED_FOR.toNanos(),
                    r.errorMessage()));
        }
        return r;
    }

    private FetchResponse ask(URI uri, String target, boolean external) {
        if (!external) {
            return probe.fetch(new FetchRequest(uri, "GET", timeout, maxBodyBytes,
                    PAGES_AND_STYLESHEETS).withTarget(target));
        }
        FetchResponse head = probe.fetch(new FetchRequest(uri, "HEAD", timeout, 0,
                FetchRequest.BodyPolicy.NEVER).withTarget(target));
        if (!askAgainWithGet(head) || stopping.getAsBoolean()) {
            return head;
        }
        return probe.fetch(new FetchRequest(uri, "GET", timeout, maxBodyBytes,
                (status, type) -> BotWall.mayBeChallenge(status) && ContentTypes.isHtml(type))
                .withTarget(target));
    }

    /**
     * Whether a HEAD answer cannot be trusted to say what a browser's GET would get, so the URL
     * is asked again with GET (as lychee and LinkChecker, which only use GET, would see it):
     * any error status (many servers and frameworks answer HEAD with 404, 405, 403 or 500 for
     * pages that GET serves), a connection reset or broken answer, and a HEAD left unanswered
     * (a server that never answers HEAD while GET works). A 429 is the exception: it asks
     * for a slower pace, so it is not asked again at once; the crawl waits and asks again as
     * for any 429. Failures of the host itself (a name that does not resolve, a refused or
     * timed out connection, a bad certificate) are not asked again: GET cannot fare better.
     */
    static boolean askAgainWithGet(FetchResponse head) {
        if (head.hasResponse()) {
            return head.status() >= 400 && head.status() != 429;
        }
        return head.error() != null && head.error().dropped()
                || head.error() == ErrorKind.IO
                || head.error() == ErrorKind.TIMEOUT;
    }
}
