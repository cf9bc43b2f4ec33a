package io.webprobe.crawl;

import io.webprobe.http.FetchRequest;
import io.webprobe.http.FetchResponse;
import io.webprobe.http.HttpProbe;
import java.net.URI;
import java.util.function.Predicate;

/**
 * Adds the plan's {@link SiteHeaders} to the requests for the site's own URLs (pages,
 * robots.txt, sitemaps, and the hops of their redirects that stay on the site); a request to
 * any other host goes out without them, so a sign-in never reaches a site it was not meant for.
 */
final class SiteHeadersProbe implements HttpProbe {
    private final HttpProbe probe;
    private final SiteHeaders headers;
    private final Predicate<URI> ofSite;

    private SiteHeadersProbe(HttpProbe probe, SiteHeaders headers, Predicate<URI> ofSite) {
        this.probe = probe;
        this.headers = headers;
        this.ofSite = ofSite;
    }

    /** The probe itself when there are no headers to add. */
    static HttpProbe wrap(HttpProbe probe, SiteHeaders headers, Predicate<URI> ofSite) {
        return headers.isEmpty() ? probe : new SiteHeadersProbe(probe, headers, ofSite);
    }

    @Override
    public FetchResponse fetch(FetchRequest request) {
        return probe.fetch(ofSite.test(request.uri())
                ? request.withHeaders(headers.addedTo(request.headers())) : request);
    }

    @Override
    public void close() {
        probe.close();
    }
}
