package io.webprobe.crawl;

import io.webprobe.http.Urls;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides which discovered URLs a crawl takes on: the site's scope (the start host, widened by
 * the start URL's own redirects, or the start domain's subdomains), the include/exclude
 * patterns, the trap guards, the depth limit and the page budget. Keeps the counts of URLs
 * left out by a limit (those get no row). Thread-safe: concurrent sets and maps only.
 */
final class Admission {
    private final CrawlPlan plan;
    /**
     * Host[:port] of the site (http and https of one host are one site): the start URL's, and
     * those its own redirects lead to.
     */
    private final Set<String> siteHosts = ConcurrentHashMap.newKeySet();
    private volatile String startDomain = "";
    /** In-scope URLs given a place in the page budget (queued or done). */
    private final AtomicInteger pages = new AtomicInteger();
    /** Distinct query strings seen per path, for the query-variant trap guard. */
    private final ConcurrentHashMap<String, AtomicInteger> queryVariants = new ConcurrentHashMap<>();
    /** URLs left out by a limit or the scope, by dedup key (counted, no row). */
    private final ConcurrentHashMap<String, SkipReason> counted = new ConcurrentHashMap<>();

    Admission(CrawlPlan plan) {
        this.plan = plan;
    }

    /** The start URL: the site's first host, and the first page of the budget. */
    void start(URI start) {
        siteHosts.add(Urls.hostAndPort(start));
        startDomain = CrawlScope.domainOf(Urls.host(start));
        pages.incrementAndGet();
    }

    /** The start URL redirected here: the site lives on this host too. */
    void widenTo(URI target) {
        siteHosts.add(Urls.hostAndPort(target));
    }

    /** Whether a URL belongs to the site (crawled) rather than to another host (checked). */
    boolean inScope(URI uri) {
        return siteHosts.contains(Urls.hostAndPort(uri))
                || plan.scope().hostInScope(Urls.host(uri), startDomain);
    }

    /**
     * Why a new URL is not taken on, or null; on null an in-scope URL has taken one place in the
     * page budget (give it back with {@link #release} if the URL turns out to be known).
     */
    SkipReason check(URI uri, String key, boolean external, int depth) {
        SkipReason why = plan.scope().check(uri, key, !external);
        if (why == null && depth > plan.maxDepth()) {
            why = SkipReason.MAX_DEPTH;
        }
        if (why == null && !external && uri.getRawQuery() != null) {
            String path = key.substring(0, key.indexOf('?'));
            int n = queryVariants.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            if (n > plan.scope().maxQueryVariants()) {
                why = SkipReason.QUERY_VARIANTS;
            }
        }
        if (why == null && !external && pages.incrementAndGet() > plan.maxPages()) {
            pages.decrementAndGet();
            why = SkipReason.MAX_PAGES;
        }
        return why;
    }

    /** Gives back the budget place {@link #check} took for a URL another link claimed first. */
    void release() {
        pages.decrementAndGet();
    }

    /** Counts a URL left out by a limit (no row); a URL is counted once, for its first reason. */
    void count(String key, SkipReason why) {
        counted.putIfAbsent(key, why);
    }

    /** A counted URL was reached another way after all: it is no longer left out. */
    void reached(String key) {
        counted.remove(key);
    }

    /** How many URLs are left out by a limit. */
    int countedTotal() {
        return counted.size();
    }

    /** The URLs left out by a limit, by reason. */
    Map<SkipReason, Long> countedByReason() {
        Map<SkipReason, Long> out = new EnumMap<>(SkipReason.class);
        for (SkipReason r : counted.values()) {
            out.merge(r, 1L, Long::sum);
        }
        return out;
    }
}
