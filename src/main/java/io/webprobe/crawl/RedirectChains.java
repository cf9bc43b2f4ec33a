package io.webprobe.crawl;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Redirect chains reconstructed from a crawl's rows: each hop is its own row (with its status
 * and redirect target), so the chain of a URL is found by following {@code redirectTo} through
 * the results. Written like {@code http://a/old [301] → http://a/new [200]}.
 */
public final class RedirectChains {
    private static final int MAX_HOPS = 20;

    private RedirectChains() {}

    /** The chain of every redirecting URL among the results, by URL. */
    public static Map<String, String> of(List<CrawlResult> results) {
        Map<String, CrawlResult> byUrl = new HashMap<>(results.size() * 2);
        for (CrawlResult r : results) {
            byUrl.put(r.url(), r);
        }
        Map<String, String> chains = new HashMap<>();
        for (CrawlResult r : results) {
            if (!r.redirectTo().isEmpty()) {
                chains.put(r.url(), chain(r, byUrl));
            }
        }
        return chains;
    }

    private static String chain(CrawlResult first, Map<String, CrawlResult> byUrl) {
        StringBuilder sb = new StringBuilder();
        Set<String> seen = new HashSet<>();
        CrawlResult r = first;
        for (int hop = 0; ; hop++) {
            sb.append(r.url()).append(" [").append(r.statusText()).append(']');
            seen.add(r.url());
            String next = r.redirectTo();
            if (next.isEmpty()) {
                return sb.toString();
            }
            sb.append(" → ");
            if (seen.contains(next)) {
                return sb.append(next).append(" (loop)").toString();
            }
            CrawlResult n = byUrl.get(next);
            if (n == null || hop >= MAX_HOPS) {
                return sb.append(next).toString(); // not crawled (out of scope or limits)
            }
            r = n;
        }
    }
}
