package io.webprobe.crawl;

import io.webprobe.http.ErrorKind;
import io.webprobe.http.Urls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a redirect is an error: a loop, or a chain of more than
 * {@link #MAX_REDIRECTS} hops. Each hop of a crawl is its own row, so the chain is walked through
 * the crawl's known URLs: back through the redirecting referrers (chains are found front to
 * back, so those are fetched already) and forward through the hops fetched so far. Reads the
 * node map only; thread-safe.
 */
final class RedirectChecks {
    /** Hops of a redirect chain before it is an error (browsers stop at about 20). */
    static final int MAX_REDIRECTS = 10;

    /** Where a redirect leads, and why it is an error (null when it is not). */
    record Redirect(String target, ErrorKind error, String problem) {}

    private final Map<String, UrlNode> nodes;

    RedirectChecks(Map<String, UrlNode> nodes) {
        this.nodes = nodes;
    }

    /**
     * Walks the chain on from {@code target} through the URLs already fetched: back to this
     * URL is a loop, more than {@link #MAX_REDIRECTS} hops is too many. The last URL of a loop
     * to be fetched is the one that sees it (the others were still pending when they ended).
     */
    Redirect check(UrlNode node, URI target) {
        Set<String> seen = new HashSet<>();
        seen.add(Urls.key(node.uri));
        StringBuilder path = new StringBuilder(node.url);
        int before = redirectsInto(node, seen, path);
        String next = target.toString();
        for (int hops = before + 1; ; hops++) {
            path.append(" → ").append(next);
            String key;
            try {
                key = Urls.key(new URI(next));
            } catch (URISyntaxException e) {
                return new Redirect(target.toString(), null, "");
            }
            if (!seen.add(key)) {
                return new Redirect(target.toString(), ErrorKind.REDIRECT_LOOP,
                        "Redirect loop: " + path);
            }
            if (hops > MAX_REDIRECTS) {
                return new Redirect(target.toString(), ErrorKind.TOO_MANY_REDIRECTS,
                        "More than " + MAX_REDIRECTS + " redirects: " + path);
            }
            UrlNode n = nodes.get(key);
            CrawlResult known = n == null ? null : n.result();
            if (known == null || known.redirectTo().isEmpty()) {
                return new Redirect(target.toString(), null, ""); // ends, or not known yet
            }
            next = known.redirectTo();
        }
    }

    /**
     * How many redirects led here: the first referrer of each URL, while it is a redirect to
     * that URL (chains are found front to back, so these are already known). Prepends them to
     * {@code path}.
     */
    private int redirectsInto(UrlNode node, Set<String> seen, StringBuilder path) {
        int count = 0;
        UrlNode current = node;
        while (count <= MAX_REDIRECTS && !current.referrer.isEmpty()) {
            UrlNode prev = nodes.get(keyOf(current.referrer));
            CrawlResult r = prev == null ? null : prev.result();
            if (r == null || !r.redirectTo().equals(current.url)
                    || !seen.add(Urls.key(prev.uri))) {
                break;
            }
            path.insert(0, prev.url + " → ");
            count++;
            current = prev;
        }
        return count;
    }

    private static String keyOf(String url) {
        try {
            return Urls.key(new URI(url));
        } catch (URISyntaxException e) {
            return url;
        }
    }
}
