package io.webprobe.crawl;

import io.webprobe.http.Urls;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Decides which discovered URLs a crawl takes on: the site's scope (the start host, widened by
 * the start URL's own redirects, or the start domain's subdomains), the include/exclude
 * patterns, the trap guards, the depth limit and the page budget. Keeps the URLs left out by a
 * limit (those get no row) as compact key hashes with counts per reason. Thread-safe.
 */
final class Admission {
    private static final SkipReason[] REASONS = SkipReason.values();

    private final CrawlPlan plan;
    /**
     * Host[:port] of the site (http and https of one host are one site): the start URL's, and
     * those its own redirects lead to.
     */
    private final Set<String> siteHosts = ConcurrentHashMap.newKeySet();
    private volatile String startDomain = "";
    /**
     * Where the site starts as the crawl settled on it: the start URL, or where its own
     * redirects led (http to https, to www.); null for a list check.
     */
    private volatile URI site;
    /**
     * In-scope URLs given a place in the page budget (queued or done); raised only under
     * {@link #budget}, with the URL's claim ({@link #take}).
     */
    private final AtomicInteger pages = new AtomicInteger();
    /** Held while a URL is given a budget place and claimed: the two are one step. */
    private final Object budget = new Object();
    /** Distinct query strings seen per path, for the query-variant trap guard. */
    private final CompactKeyMap queryVariants = new CompactKeyMap();
    /** The URLs (dedup keys) counted in {@link #queryVariants}, each once. */
    private final CompactKeyMap variantsCounted = new CompactKeyMap();
    /** URLs left out by a limit or the scope, by dedup key, with the reason's ordinal. */
    private final CompactKeyMap counted = new CompactKeyMap();
    private final AtomicLongArray countedByReason = new AtomicLongArray(REASONS.length);
    /** Of those left out by an exclude pattern, the hrefs that are no URL (ADR 0032). */
    private final java.util.concurrent.atomic.AtomicLong excludedHrefs =
            new java.util.concurrent.atomic.AtomicLong();

    Admission(CrawlPlan plan) {
        this.plan = plan;
    }

    /**
     * The start URLs (one for a crawl, each URL of a list check): the site's hosts, and pages
     * of the budget.
     */
    void start(List<URI> starts) {
        for (URI start : starts) {
            siteHosts.add(Urls.hostAndPort(start));
            pages.incrementAndGet();
        }
        startDomain = CrawlScope.siteDomain(starts.get(0));
        site = plan.isList() ? null : starts.get(0);
    }

    /**
     * Restores what a crawl being resumed had admitted: its site hosts and start domain here;
     * each known URL through {@link #restoreKnown}, each counted one through {@link #count}.
     */
    void restore(List<URI> starts, Set<String> hosts) {
        restore(starts, hosts, null);
    }

    /**
     * As {@link #restore(List, Set)}, with where the start URL's own redirects had led
     * ({@code settled}, null when the file does not say: the start URL).
     */
    void restore(List<URI> starts, Set<String> hosts, URI settled) {
        siteHosts.addAll(hosts);
        for (URI start : starts) {
            siteHosts.add(Urls.hostAndPort(start));
        }
        startDomain = CrawlScope.siteDomain(starts.get(0));
        site = plan.isList() ? null : settled != null ? settled : starts.get(0);
    }

    /**
     * Where the site starts as the crawl settled on it: the start URL, or where its own
     * redirects led; null for a list check.
     */
    URI site() {
        return site;
    }

    /** A URL the resumed crawl had taken on: its budget place and its query variant. */
    void restoreKnown(String key, boolean external, boolean countsAsPage) {
        if (countsAsPage) {
            pages.incrementAndGet();
        }
        int q = key.indexOf('?');
        if (!external && q >= 0 && variantsCounted.putIfAbsent(key, 1) == CompactKeyMap.ABSENT) {
            queryVariants.increment(key.substring(0, q));
        }
    }

    /** Patterns added while the crawl runs ({@link CrawlJob#exclude}). */
    private final java.util.List<java.util.regex.Pattern> laterExcludes =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Leaves out URLs matching this from now on (those queued already included). */
    void excludeAlso(java.util.regex.Pattern p) {
        laterExcludes.add(p);
    }

    /**
     * A resumed crawl's exclude patterns (its plan's: those given at the start and those added
     * while it ran, which the file does not tell apart), for the URLs it had queued.
     */
    private volatile java.util.List<java.util.regex.Pattern> resumedExcludes = java.util.List.of();

    /**
     * A resumed crawl: its queued URLs that its plan's exclude patterns match are left out as
     * they were while it ran ({@link #excludedLater(QueueItem)}).
     */
    void excludeQueued(java.util.List<java.util.regex.Pattern> patterns) {
        resumedExcludes = java.util.List.copyOf(patterns);
    }

    /** Whether a resumed crawl's queued URLs may be left out ({@link #excludeQueued}). */
    boolean excludesQueued() {
        return !resumedExcludes.isEmpty();
    }

    /** Whether a URL matches a pattern added while the crawl runs. */
    boolean excludedLater(String url) {
        return matchesAny(laterExcludes, url);
    }

    /**
     * Whether a queued item is left out after all: it matches a pattern added while the crawl
     * runs, or, in a resumed crawl, one of its plan's exclude patterns (a URL queued before a
     * pattern was added is excluded on a resume as it would have been had the crawl gone on).
     * The URLs the user gave are requested whatever a pattern given with them says, as at a
     * fresh start. Matched against the URI form (a stray "%" as %25), as
     * {@code PathExclusion} writes the patterns.
     */
    boolean excludedLater(QueueItem item) {
        java.util.List<java.util.regex.Pattern> resumed = resumedExcludes;
        if (laterExcludes.isEmpty() && (resumed.isEmpty() || item.isStart())) {
            return false;
        }
        String url = item.uri().toString();
        return excludedLater(url) || !item.isStart() && matchesAny(resumed, url);
    }

    private static boolean matchesAny(java.util.List<java.util.regex.Pattern> patterns,
            String url) {
        for (java.util.regex.Pattern p : patterns) {
            if (p.matcher(url).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an href that is no URL is left out of the broken links: an exclude pattern of the
     * plan or one added while the crawl runs matches it as {@link CrawlScope#hrefAsMatched}
     * gives it.
     */
    boolean excludesHref(String href) {
        return plan.scope().excludesHref(href)
                || excludedLater(CrawlScope.hrefAsMatched(href));
    }

    /**
     * The start URL redirected here: the site lives on this host too, and starts here now.
     *
     * @return whether the host is new to the site
     */
    boolean widenTo(URI target) {
        if (!plan.isList()) {
            site = target;
        }
        return siteHosts.add(Urls.hostAndPort(target));
    }

    /** Whether a URL belongs to the site (crawled) rather than to another host (checked). */
    boolean inScope(URI uri) {
        return plan.scope().ofSite(uri, siteHosts, startDomain);
    }

    /**
     * The same for a parsed link, without making a URI: its host (lower case, as WHATWG URLs
     * are) and its port, -1 for the scheme's default.
     */
    boolean inScope(String host, int port) {
        return plan.scope().ofSite(port < 0 ? host : host + ":" + port, host, siteHosts,
                startDomain);
    }

    /**
     * Why a new URL is not taken on by the site's scope, the patterns or the depth limit, or
     * null; an in-scope URL let through then goes to {@link #take} for its budget place.
     */
    SkipReason check(URI uri, String key, boolean external, int depth) {
        return check(uri, key, external, depth, false);
    }

    /**
     * As above; a redirect's target ({@code redirect}) is taken on beyond the depth limit and
     * outside the include patterns, as lychee and LinkChecker follow every redirect: only its
     * end says whether the link that led there is broken. The exclude patterns, the trap guards
     * and (in {@link #take}) the page budget still apply.
     */
    SkipReason check(URI uri, String key, boolean external, int depth, boolean redirect) {
        // the patterns match the URL as the crawl keeps it, in its URI form (as queued URLs
        // are matched on a resume, and as "Exclude this path" writes them), not the dedup
        // key, whose escapes are normalised (%c3%a9 as %C3%A9, %7e as ~)
        String url = uri.toString();
        SkipReason why = plan.scope().check(uri, url, !external, !redirect);
        if (why == null && !laterExcludes.isEmpty() && excludedLater(url)) {
            why = SkipReason.EXCLUDED;
        }
        if (why == null && depth > plan.maxDepth() && !redirect) {
            why = SkipReason.MAX_DEPTH;
        }
        return why;
    }

    /**
     * What {@link #take} did with a URL: claimed it now ({@code isNew}, with a budget place),
     * found it claimed already ({@code id} its id), or left it out ({@code why}, id 0, nothing
     * claimed).
     */
    record Taken(long id, boolean isNew, SkipReason why) {}

    /**
     * Takes on an in-scope URL that {@link #check} let through: the page budget, the
     * query-variant guard and the claim of its key in {@code ids} (with an id from
     * {@code newId}) in one step, under one lock. A place is taken only by a URL claimed
     * here, so no place is ever held for a URL another page claims first, and a URL is left
     * out by the page limit only when the places are all taken by URLs of the site: with
     * places taken first and given back for a duplicate, two workers finding one URL at the
     * last place left a third's URL out for good while a place was then free, and the crawl
     * ended one short of --max-pages.
     */
    Taken take(URI uri, String key, CompactKeyMap ids, java.util.function.LongSupplier newId) {
        synchronized (budget) {
            long known = ids.get(key);
            if (known != CompactKeyMap.ABSENT) {
                return new Taken(known, false, null);
            }
            // the budget first: a URL it leaves out is no variant taken on, and counts as one
            // only once it is reached with a place free
            if (pages.get() >= plan.maxPages()) {
                return new Taken(0, false, SkipReason.MAX_PAGES);
            }
            if (uri.getRawQuery() != null) {
                int q = key.indexOf('?');
                String path = q < 0 ? key : key.substring(0, q);
                // each URL counts once, however often it is reached
                long n = variantsCounted.putIfAbsent(key, 1) == CompactKeyMap.ABSENT
                        ? queryVariants.increment(path) : queryVariants.get(path);
                if (n > plan.scope().maxQueryVariants()) {
                    return new Taken(0, false, SkipReason.QUERY_VARIANTS); // a row, no place
                }
            }
            long id = newId.getAsLong();
            long existing = ids.putIfAbsent(key, id); // an external link's claim takes no lock
            if (existing != CompactKeyMap.ABSENT) {
                return new Taken(existing, false, null);
            }
            pages.incrementAndGet();
            return new Taken(id, true, null);
        }
    }

    /**
     * Gives back the budget place a URL left out after all ({@link #excludedLater(QueueItem)})
     * held.
     */
    void release() {
        pages.decrementAndGet();
    }

    /**
     * Counts a URL left out by a limit (no row); a URL is counted once, for its first reason.
     *
     * @return whether it was not counted before
     */
    boolean count(String key, SkipReason why) {
        if (counted.putIfAbsent(key, why.ordinal()) != CompactKeyMap.ABSENT) {
            return false;
        }
        countedByReason.incrementAndGet(why.ordinal());
        if (why == SkipReason.EXCLUDED && CrawlScope.isHrefKey(key)) {
            // told by its key, so a resume restoring the file's skips counts it as the crawl did
            excludedHrefs.incrementAndGet();
        }
        return true;
    }

    /**
     * How many of the URLs counted as left out by an exclude pattern are hrefs that are no URL
     * (a file: link, a malformed address): the summary says them apart.
     */
    long excludedHrefs() {
        return excludedHrefs.get();
    }

    /**
     * A counted URL was reached another way after all: it is no longer left out.
     *
     * @return whether it had been counted
     */
    boolean reached(String key) {
        long was = counted.remove(key);
        if (was == CompactKeyMap.ABSENT) {
            return false;
        }
        countedByReason.decrementAndGet((int) was);
        return true;
    }

    /** How many URLs are left out by a limit. */
    long countedTotal() {
        long n = 0;
        for (int i = 0; i < REASONS.length; i++) {
            n += countedByReason.get(i);
        }
        return n;
    }

    /** The URLs left out by a limit, by reason. */
    Map<SkipReason, Long> countedByReason() {
        Map<SkipReason, Long> out = new EnumMap<>(SkipReason.class);
        for (int i = 0; i < REASONS.length; i++) {
            long n = countedByReason.get(i);
            if (n > 0) {
                out.put(REASONS[i], n);
            }
        }
        return out;
    }
}
