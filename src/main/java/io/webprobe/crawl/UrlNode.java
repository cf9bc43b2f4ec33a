package io.webprobe.crawl;

import io.webprobe.http.Urls;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One known URL of a crawl. Created once per dedup key. The result and the links waiting for
 * it are guarded by the node's own monitor, held only for a few field updates.
 */
final class UrlNode {
    /** A page that links here, kept until this URL's outcome is known. */
    record Referral(String sourceUrl, String anchorText, String linkType) {}

    final URI uri;
    final String url;
    final int depth;
    final String referrer;
    final boolean external;
    /** True for the start URL and the targets of its own redirects (they widen the scope). */
    final boolean startChain;
    final AtomicInteger inlinks = new AtomicInteger();
    /** Host and port: the unit of the per-host limits. */
    final String hostKey;
    /**
     * Times this URL was asked again after a 429/503. Touched only by the worker holding the
     * node; the frontier's lock orders one holder after the next.
     */
    int retries;
    /** Whether it is queued again after a 429/503 (same confinement as {@link #retries}). */
    boolean awaitingRetry;

    private CrawlResult result;
    private List<Referral> waiting;

    UrlNode(URI uri, int depth, String referrer, boolean external, boolean startChain) {
        this.uri = uri;
        this.url = uri.toString();
        this.depth = depth;
        this.referrer = referrer;
        this.external = external;
        this.startChain = startChain;
        this.hostKey = hostKey(uri);
    }

    /** Host plus the port requests go to, e.g. "example.com:443". */
    static String hostKey(URI uri) {
        return Urls.host(uri) + ":" + Urls.port(uri);
    }

    /**
     * Records a page linking here. Returns this node's result when it is already known (so the
     * caller can report a broken link at once), else null (the referral is kept until then).
     */
    synchronized CrawlResult refer(Referral referral) {
        if (result == null) {
            if (waiting == null) {
                waiting = new ArrayList<>(2);
            }
            waiting.add(referral);
        }
        return result;
    }

    /** Sets the outcome and hands back the referrals that were waiting for it. */
    synchronized List<Referral> complete(CrawlResult r) {
        result = r;
        List<Referral> w = waiting == null ? List.of() : waiting;
        waiting = null;
        return w;
    }

    synchronized CrawlResult result() {
        return result;
    }
}
