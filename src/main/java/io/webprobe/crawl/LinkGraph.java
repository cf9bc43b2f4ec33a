package io.webprobe.crawl;

import io.webprobe.http.HttpProbe;
import io.webprobe.http.Urls;
import io.webprobe.http.WebUrl;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The crawl's URLs and the links between them, as far as memory holds them: every known URL's
 * dedup key (as a compact hash, {@link CompactKeyMap}) and its id. The links themselves and
 * every URL's details go to the {@link CrawlSink}; nothing here grows with them beyond the
 * compact index.
 *
 * <p>A page's links are gathered in a {@link PageLinks} (one per page, one thread), which decides
 * for each link whether its target is new (taken on: queued, or a trap-guard row), already
 * known, or left out by a limit (counted, no row, no link). Thread-safe: a URL key is claimed
 * once, by whichever page finds it first.
 */
final class LinkGraph {
    /** The referrer column of a URL found only in a sitemap. */
    static final String SITEMAP_REFERRER = "(sitemap)";

    private final CrawlPlan plan;
    private final Admission admission;
    private final CrawlSink sink;
    private final CompactKeyMap ids = new CompactKeyMap();
    private final AtomicLong lastId = new AtomicLong();
    /** One shared instance of each host key. */
    private final ConcurrentHashMap<String, String> hostKeys = new ConcurrentHashMap<>();
    /** URLs skipped by a trap guard (they have a row). */
    private final AtomicLong skippedRows = new AtomicLong();
    /** URLs asked again after a cookie was set (each once). */
    private final java.util.Set<Long> revisited = ConcurrentHashMap.newKeySet();
    /** The fewest redirect hops to each queued redirect target, lowered by shorter ways. */
    private final RedirectHops hopsTo = new RedirectHops();
    /** URLs taken from the queue: a cookie revisit asks only those again. */
    private final TakenUrls taken = new TakenUrls();

    LinkGraph(CrawlPlan plan, Admission admission, CrawlSink sink) {
        this.plan = plan;
        this.admission = admission;
        this.sink = sink;
    }

    /**
     * Takes the start URLs on (the start URL of a crawl, the URLs of a list check), from URL 1,
     * queued at depth 0; a URL listed twice is taken once.
     *
     * @param starts the URLs in the crawl's form ({@link CrawlPlan#startRequestUrls()})
     */
    List<QueueItem> start(List<String> starts) throws InterruptedException {
        List<CrawlSink.NewUrl> found = new ArrayList<>();
        List<QueueItem> queue = new ArrayList<>();
        for (String asked : starts) {
            URI start = Urls.toUri(asked);
            String key = Urls.key(start);
            long id = lastId.incrementAndGet();
            if (ids.putIfAbsent(key, id) != CompactKeyMap.ABSENT) {
                continue;
            }
            QueueItem item = item(id, start, asked, 0, 0, "", false, true, 0);
            found.add(new CrawlSink.NewUrl(id, key, item.url, 0, 0, false, true, false, null));
            queue.add(item);
        }
        sink.discovered(found);
        return queue;
    }

    /** Restores the index of a crawl being resumed. */
    void restore(ResumeState state, ResumeState.Counts counts) {
        lastId.set(state.lastId());
        taken.restored(state.lastId());
        state.forEachKnown((id, key, external, countsAsPage) -> {
            ids.putIfAbsent(key, id);
            admission.restoreKnown(key, external, countsAsPage);
        });
        state.forEachCounted(admission::count);
        skippedRows.set(counts.skippedRows());
    }

    /** A queued URL of a resumed crawl, as the frontier holds it. */
    QueueItem queued(ResumeState.QueuedUrl q) {
        URI uri = Urls.toUri(q.url());
        taken.queuedAtRestore(q.id());
        QueueItem item = item(q.id(), uri, q.url(), q.depth(), q.referrerId(), q.referrer(),
                q.external(), q.startChain(), q.redirectHops());
        if (q.revisit()) {
            // asked again after a cookie was set: this run has no cookie yet, and the chain
            // that sets it leads back here (and is followed) as it did
            item.revisit = true;
            item.cookieChain = true;
        }
        return item;
    }

    /** The id of a known URL, or {@link CompactKeyMap#ABSENT}. */
    long idOf(String key) {
        return ids.get(key);
    }

    /**
     * Whether an href that is no URL is left out of the broken links by an exclude pattern.
     * One left out is counted with the URLs a pattern leaves out (the summary's "matches an
     * exclude pattern", the store's {@code skips}), once however many pages hold it, by the
     * href as matched ({@link CrawlScope#hrefAsMatched}): lychee's "excluded" counts every
     * link --exclude matches, whatever its scheme, and a pattern that left out 527 file:
     * canonicals said nothing of them. Only such hrefs pay for it, and only when matched.
     */
    boolean excludesHref(String href) {
        if (!admission.excludesHref(href)) {
            return false;
        }
        String key = CrawlScope.hrefAsMatched(href);
        if (admission.count(key, SkipReason.EXCLUDED)) {
            sink.counted(key, SkipReason.EXCLUDED);
        }
        return true;
    }

    /** URLs skipped by a trap guard so far. */
    long skippedRows() {
        return skippedRows.get();
    }

    /** The shared host key of a URL (for items read back from the overflow). */
    String hostKeyOf(String url) {
        return hostKeys.computeIfAbsent(QueueItem.hostKeyOf(Urls.toUri(url)), k -> k);
    }

    /**
     * Takes on the URLs a sitemap lists that are new (queued at depth 1, no referrer: a sitemap
     * is not a page) and marks the known ones as listed.
     *
     * @return the new URLs to queue
     */
    List<QueueItem> sitemapUrls(List<WebUrl> listed) throws InterruptedException {
        List<CrawlSink.NewUrl> found = new ArrayList<>();
        List<QueueItem> queue = new ArrayList<>();
        for (WebUrl url : listed) {
            URI uri = url.toUri();
            if (!admission.inScope(uri)) {
                continue; // a sitemap lists its own site; others are not ours to crawl
            }
            String key = url.key();
            long known = ids.get(key);
            if (known != CompactKeyMap.ABSENT) {
                sink.listedInSitemap(known);
                continue;
            }
            SkipReason why = admission.check(uri, key, false, 1);
            Admission.Taken taken = why != null ? null
                    : admission.take(uri, key, ids, lastId::incrementAndGet);
            if (taken != null) {
                why = taken.why();
            }
            if (why != null) {
                if (admission.count(key, why)) {
                    sink.counted(key, why);
                }
                continue;
            }
            long id = taken.id();
            if (!taken.isNew()) {
                sink.listedInSitemap(id); // another page claimed it first
                continue;
            }
            if (admission.reached(key)) {
                sink.uncounted(key);
            }
            QueueItem item = item(id, uri, url.requestUrl(), 1, 0, SITEMAP_REFERRER, false,
                    false, 0);
            found.add(new CrawlSink.NewUrl(id, key, item.url, 1, 0, false, false, true, null));
            queue.add(item);
        }
        if (!found.isEmpty()) {
            sink.discovered(found);
        }
        return queue;
    }

    /** A URL is taken from the queue, before its request is sent. */
    void taken(long id) {
        taken.take(id);
    }

    /**
     * The URL's result is written: it leaves {@link RedirectHops} (ways found to it later no
     * longer change how it was visited).
     */
    void visited(long id) {
        hopsTo.visited(id);
    }

    /** Queued redirect targets whose hops are kept (for tests of the bound). */
    int hopsKept() {
        return hopsTo.size();
    }

    /**
     * Whether a URL that {@code hops} redirects led to (without a page in between) has its own
     * redirect left unfollowed, as too many redirects.
     */
    static boolean redirectsUsedUp(int hops) {
        return hops >= HttpProbe.MAX_REDIRECTS;
    }

    /** Gathers the links of one page (or the target of one redirect). */
    PageLinks page(QueueItem from) {
        return new PageLinks(from);
    }

    /**
     * @param uri the URL as a URI
     * @param url the same URL as the crawl keeps it ({@link QueueItem#url})
     */
    private QueueItem item(long id, URI uri, String url, int depth, long referrerId,
            String referrer, boolean external, boolean startChain, int hops) {
        String hostKey = hostKeys.computeIfAbsent(QueueItem.hostKeyOf(uri), k -> k);
        hopsTo.queued(id, hops);
        return new QueueItem(id, url, hostKey, depth, referrerId, referrer, external,
                startChain, hops);
    }

    /**
     * Part of a page's links handed over ahead of its visit ({@link CrawlSink#visitedPart}):
     * its links, the URLs first found among them, those to queue once the part is written,
     * and the trap-guard rows among the new URLs.
     */
    record Part(List<CrawlSink.NewUrl> discovered, List<CrawlSink.LinkRow> links,
            List<QueueItem> toQueue, List<CrawlResult> skippedRows) {}

    /** The links of one page, in page order. Not thread-safe: one per page, one worker. */
    final class PageLinks {
        private final QueueItem from;
        /**
         * The ids this page has a link row to, once its links come in parts ({@link
         * #takePart}): the page's links are then deduplicated by target here, not by key in
         * one map of them all; null before.
         */
        private java.util.BitSet linked;
        /** Link rows handed over in parts. */
        private int handedOver;
        private final List<CrawlSink.NewUrl> discovered = new ArrayList<>();
        private final List<CrawlSink.LinkRow> links = new ArrayList<>();
        private final List<QueueItem> toQueue = new ArrayList<>();
        /**
         * Redirects that led to the page without a page in between, by the shortest way known:
         * a URL first found at a chain's tenth hop and then linked by a page follows its own
         * redirect.
         */
        private final int fromHops;

        private PageLinks(QueueItem from) {
            this.from = from;
            this.fromHops = hopsTo.of(from);
        }

        /**
         * A link of the page (a, img, css…).
         *
         * @return the target's id, or 0 when it is not taken on (out of the crawl's limits)
         */
        long link(LinkExtractor.Link link, String anchor, boolean nofollow) {
            WebUrl u = link.url();
            boolean external = !admission.inScope(u.host(), u.port());
            return add(link::uri, link.requestUrl(), link.key(), external, anchor, link.type(), nofollow,
                    false);
        }

        /**
         * Where the page sends the browser: a redirect's Location or a meta refresh. The start
         * URL's own redirects widen the site to their host.
         *
         * <p>Cookies, as a browser keeps them: when this response or a redirect that led here
         * set a cookie, and the target was fetched already (taken from the queue: one still
         * queued gets the cookie on its one request) (a session check that redirects
         * back, a gate that sends the browser on to the page), the target is asked again once,
         * now with the cookie, and its new answer replaces the old.
         *
         * @param target where it leads, as a URI
         * @param url the same as the crawl keeps it ({@link QueueItem#url})
         * @param setCookie whether this response set a cookie
         * @return the target's id, or 0 when it is not taken on (out of the crawl's limits)
         */
        long redirect(URI target, String url, String type, boolean setCookie) {
            boolean cookies = plan.cookies() && (setCookie || from.cookieChain);
            long before = ids.get(Urls.key(target));
            int queued = toQueue.size();
            long id = redirectLink(target, url, type);
            if (id <= 0 || !cookies) {
                return id;
            }
            if (toQueue.size() > queued) {
                toQueue.get(toQueue.size() - 1).cookieChain = true; // new: its redirects tell
            } else if (before != CompactKeyMap.ABSENT && taken.wasTaken(id)
                    && revisited.add(id)) {
                // asked before the cookie was set; one still queued carries it on its request
                boolean external = !admission.inScope(target);
                boolean chain = continuesStartChain(external);
                QueueItem again = item(id, target, url, chain ? from.depth : from.depth + 1,
                        from.id, from.url, external, chain, fromHops + 1);
                again.revisit = true;
                again.cookieChain = true;
                toQueue.add(again);
                sink.revisitQueued(id); // so a resume asks it again if this run does not
            }
            return id;
        }

        /**
         * Whether a redirect of this page continues the start URL's chain: the page is on it,
         * the target is of the site, and the page is no page of links with a meta refresh
         * (a start page read and crawled is where the crawl started, whatever its refresh
         * leads to: a broken target is a broken link, not a start URL that failed).
         */
        private boolean continuesStartChain(boolean external) {
            return from.startChain && !external && links.isEmpty() && handedOver == 0;
        }

        /**
         * Whether {@link HttpProbe#MAX_REDIRECTS} redirects already led to this page: its own
         * redirect is not followed, and its row says so ({@code VisitMaker}), so the chain reads as
         * too many redirects at every hop, not as plain redirects ending nowhere.
         */
        boolean redirectsUsedUp() {
            return LinkGraph.redirectsUsedUp(fromHops);
        }

        private long redirectLink(URI target, String url, String type) {
            if (redirectsUsedUp()) {
                // not followed, so not where the start URL leads either: the site keeps its
                // hosts (the start URL cannot be crawled: too many redirects)
                return 0;
            }
            if (continuesStartChain(from.external) && admission.widenTo(target)) {
                sink.siteHost(Urls.hostAndPort(target));
            }
            String key = Urls.key(target);
            long known = ids.get(key);
            if (known != CompactKeyMap.ABSENT) {
                if (linked != null && linked.get(Math.toIntExact(known))) {
                    return known; // linked in a part handed over already
                }
                for (CrawlSink.LinkRow l : links) {
                    if (l.targetId() == known) {
                        return known; // the page links there too: one link row per target
                    }
                }
            }
            return add(() -> target, url, key, !admission.inScope(target), "", type, false,
                    true);
        }

        /**
         * The id the link's target has, or 0 when it was left out.
         *
         * @param uri the target as a URI, made only for a URL not known yet
         * @param url the target as the crawl keeps it ({@link QueueItem#url})
         */
        private long add(java.util.function.Supplier<URI> uri, String url, String key,
                boolean external, String anchor, String type, boolean nofollow,
                boolean redirect) {
            boolean chain = redirect && continuesStartChain(external);
            int depth = chain ? from.depth : from.depth + 1;
            int hops = redirect ? fromHops + 1 : 0;
            long id = ids.get(key);
            CrawlSink.NewUrl asFound = null;
            if (id == CompactKeyMap.ABSENT) {
                int before = discovered.size();
                id = takeOn(uri.get(), url, key, external, chain, depth, hops, redirect);
                if (id == 0) {
                    return 0;
                }
                if (discovered.size() == before) { // another page took it on meanwhile
                    hopsTo.found(id, hops);
                    asFound = new CrawlSink.NewUrl(id, key, url, depth, from.id, external,
                            chain, false, null);
                }
            } else {
                hopsTo.found(id, hops); // a queued redirect target reached a shorter way
                asFound = new CrawlSink.NewUrl(id, key, url, depth, from.id, external, chain,
                        false, null);
            }
            if (linked != null) {
                int bit = Math.toIntExact(id);
                if (linked.get(bit)) {
                    return id; // linked before on this page, in an earlier part
                }
                linked.set(bit);
            }
            links.add(new CrawlSink.LinkRow(id, type, anchor, nofollow, asFound));
            return id;
        }

        /** Link rows of the page so far, those handed over in parts included. */
        int linkRows() {
            return handedOver + links.size();
        }

        /** Whether a part of the page handed over already links to the URL of this key. */
        boolean linkedInParts(String key) {
            if (linked == null) {
                return false;
            }
            long id = ids.get(key);
            return id != CompactKeyMap.ABSENT && linked.get(Math.toIntExact(id));
        }

        /**
         * Hands over what was gathered since the last part and forgets it: from now on the
         * page's links are deduplicated by target id.
         */
        Part takePart() {
            if (linked == null) {
                linked = new java.util.BitSet();
                for (CrawlSink.LinkRow l : links) {
                    linked.set(Math.toIntExact(l.targetId()));
                }
            }
            Part part = new Part(List.copyOf(discovered), List.copyOf(links),
                    List.copyOf(toQueue), skippedRows());
            handedOver += links.size();
            discovered.clear();
            links.clear();
            toQueue.clear();
            return part;
        }

        /** A URL not known yet: queued, a trap row, or counted; returns its id or 0. */
        private long takeOn(URI uri, String url, String key, boolean external, boolean chain,
                int depth, int hops, boolean redirect) {
            if (external && !plan.checkExternal()) {
                return 0;
            }
            SkipReason why = admission.check(uri, key, external, depth, redirect);
            long id = 0;
            if (why == null && !external) { // of the site: a budget place, and claimed
                Admission.Taken taken = admission.take(uri, key, ids, lastId::incrementAndGet);
                if (taken.id() != 0 && !taken.isNew()) {
                    return taken.id(); // another page claimed it first
                }
                why = taken.why();
                id = taken.id();
            }
            if (why != null && !why.reportAsRow()) {
                if (admission.count(key, why)) {
                    sink.counted(key, why);
                }
                return 0;
            }
            if (id == 0) { // another site's URL, or a trap-guard row: no place
                id = lastId.incrementAndGet();
                long existing = ids.putIfAbsent(key, id);
                if (existing != CompactKeyMap.ABSENT) {
                    return existing;
                }
            }
            if (why != null) { // a trap guard: a row at once, so the user sees what was left out
                CrawlResult row = CrawlResult.builder(url).message(why.label()).depth(depth)
                        .inlinks(1).referrer(from.url).external(external).skipped(why).build();
                discovered.add(new CrawlSink.NewUrl(id, key, url, depth, from.id, external,
                        false, false, row));
                skippedRows.incrementAndGet();
                return id;
            }
            if (admission.reached(key)) {
                sink.uncounted(key); // left out by a limit on another path, reached here
            }
            discovered.add(new CrawlSink.NewUrl(id, key, url, depth, from.id, external, chain,
                    false, null));
            toQueue.add(item(id, uri, url, depth, from.id, from.url, external, chain, hops));
            return id;
        }

        List<CrawlSink.NewUrl> discovered() {
            return discovered;
        }

        List<CrawlSink.LinkRow> links() {
            return links;
        }

        /** The new URLs to queue, once the page's visit is written. */
        List<QueueItem> toQueue() {
            return toQueue;
        }

        /** The trap-guard rows among the new URLs (listeners see them as results). */
        List<CrawlResult> skippedRows() {
            List<CrawlResult> rows = new ArrayList<>();
            for (CrawlSink.NewUrl u : discovered) {
                if (u.row() != null) {
                    rows.add(u.row());
                }
            }
            return rows;
        }
    }
}
