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

    private final HttpProbe probe;
    private final Duration timeout;
    private final long maxBodyBytes;
    private final BooleanSupplier stopping;

    /**
     * @param stopping whether the crawl is being stopped (no second request is made then)
     */
    Fetcher(HttpProbe probe, Duration timeout, long maxBodyBytes, BooleanSupplier stopping) {
        this.probe = probe;
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
        this.stopping = stopping;
    }

    FetchResponse fetch(URI uri, boolean external) {
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
