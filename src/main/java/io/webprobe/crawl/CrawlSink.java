package io.webprobe.crawl;

import io.webprobe.http.Header;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Where a crawl keeps what it learns: every URL, every link, the frontier's overflow and the
 * crawl's state. The crawl file ({@code io.webprobe.store}) is the real one; the engine knows
 * only this interface, so the crawl package does not depend on how it is stored.
 *
 * <p>Writes are applied in the order they are made. Each write is one unit: after a crash,
 * a {@link Visit} is either wholly kept (its row, the URLs it discovered and its links) or
 * wholly lost; a page of thousands of links comes in parts ahead of its visit
 * ({@link #visitedPart}), each a unit of its own. Implementations are thread-safe; workers
 * call them concurrently. A write normally returns at once; when the disk falls behind it
 * blocks until there is room (backpressure), and nothing is dropped.
 */
public interface CrawlSink {

    /**
     * A URL discovered and taken on: queued, or (with {@code row}) already decided without a
     * fetch (a trap guard).
     *
     * @param id the URL's number in this crawl, from 1, in discovery order
     * @param key the dedup key
     * @param url the requested form
     * @param depth links from the start page
     * @param referrerId the page that first linked here, or 0 (start URL, sitemap)
     * @param external outside the crawl's scope (checked, not crawled)
     * @param startChain the start URL or one of its own redirects
     * @param inSitemap listed by the site's sitemaps
     * @param row the URL's result when it is decided at once (not queued), else null
     */
    record NewUrl(long id, String key, String url, int depth, long referrerId, boolean external,
            boolean startChain, boolean inSitemap, CrawlResult row) {}

    /**
     * One link of a page (or a redirect's Location, or a meta refresh).
     *
     * @param targetId the linked URL's id
     * @param type where the link was: a, img, css, redirect, meta-refresh…
     * @param anchor the link text, or ""
     * @param nofollow whether the link carries rel=nofollow
     * @param target the target as this page found it, when another page took it on first:
     *     that page's visit may not be stored yet, and a link must never point to a URL the
     *     file does not hold, so the store keeps this description unless it has the URL
     *     already; null when this page took the target on (it is in the visit's
     *     {@code discovered})
     */
    record LinkRow(long targetId, String type, String anchor, boolean nofollow, NewUrl target) {}

    /** An href on a page that is not a URL at all. */
    record InvalidHref(String href, String anchor, String type, String reason) {}

    /**
     * A URL finished: its result, what it discovered and its links, kept as one unit.
     *
     * @param id the URL's id
     * @param result its row
     * @param headers the response header fields, empty when there was no response
     * @param redirectTargetId the id of the URL a redirect or meta refresh leads to, or 0
     * @param discovered URLs first seen on this page (or as its redirect target)
     * @param links every distinct link of the page, in page order
     * @param invalid hrefs that are not URLs, in page order
     * @param revisit the URL was fetched before (a cookie set since made the crawl ask again):
     *     this visit replaces the earlier one, links included
     * @param anchors the anchors the page defines, or null when they were not read (no page
     *     of the site answering 200 HTML, or anchors not checked)
     * @param fragments the fragments its links name, when anchors are checked
     */
    record Visit(long id, CrawlResult result, List<Header> headers, long redirectTargetId,
            List<NewUrl> discovered, List<LinkRow> links, List<InvalidHref> invalid,
            boolean revisit, PageAnchors anchors, List<FragmentLink> fragments) {
        public Visit {
            headers = io.webprobe.http.ResponseHeaders.of(headers); // one text, not a copy
            discovered = List.copyOf(discovered);
            links = List.copyOf(links);
            invalid = List.copyOf(invalid);
            fragments = List.copyOf(fragments);
        }

        /** A visit without anchors: a page whose anchors are not checked, or no page. */
        public Visit(long id, CrawlResult result, List<Header> headers, long redirectTargetId,
                List<NewUrl> discovered, List<LinkRow> links, List<InvalidHref> invalid,
                boolean revisit) {
            this(id, result, headers, redirectTargetId, discovered, links, invalid, revisit,
                    null, List.of());
        }

        /**
         * The rows its anchors and fragments add: counted in the store's queue like its
         * links, so pages of thousands of ids wait for room as pages of thousands of links do.
         */
        public int anchorRows() {
            return (anchors == null ? 0 : anchors.names().size()) + fragments.size();
        }
    }

    /**
     * The anchors a page of the site answering 200 with HTML defines, when the crawl checks
     * anchors ({@link CrawlPlan#checkAnchors()}).
     *
     * @param names every {@code id} and {@code <a name>} of the page, each once; empty when
     *     {@code cut}
     * @param cut the page defines more than the crawl keeps ({@code Anchors#MAX_NAMES}): no
     *     fragment to it is judged
     */
    record PageAnchors(List<String> names, boolean cut) {
        public PageAnchors {
            names = List.copyOf(names);
        }
    }

    /**
     * A fragment a page's link names ({@code <a href="/guide#setup">}), to be judged against
     * the anchors its target defines. One per page, target and fragment; the empty fragment
     * and {@code #top} are never listed (they always exist).
     *
     * @param targetId the linked URL's id (the page itself for {@code href="#x"})
     * @param fragment the fragment as the URL holds it, without "#" ({@code caf%C3%A9})
     * @param decoded the fragment percent-decoded ({@code café}), or null when the same
     * @param anchor the text of the first link naming it, or ""
     */
    record FragmentLink(long targetId, String fragment, String decoded, String anchor) {}

    /**
     * What the crawl file knows at the end, computed from everything stored.
     *
     * @param brokenLinks links to broken URLs, invalid hrefs included
     * @param brokenRedirects URLs broken only through their redirects, which fail in
     *     themselves (a loop, too many redirects): broken URLs too, as the Broken filter says
     * @param rowSkips URLs with a row that were blocked or skipped, by reason
     * @param sitemapUrls how many of the site's URLs its sitemaps listed
     * @param orphans sitemap URLs that no page links to (not counting the start chain)
     * @param startProblem a plain sentence when the start URL's redirects end in a loop or go
     *     on too long, else null
     * @param accepted URLs that answered a status the crawl accepts ({@code --accept}), by
     *     that status
     * @param cut the site's pages cut at the download cap, whose links past the cut were
     *     not read
     */
    record Conclusion(long brokenLinks, long brokenRedirects, Map<SkipReason, Long> rowSkips,
            long sitemapUrls,
            List<String> orphans, String startProblem, Map<Integer, Long> accepted, long cut) {
        public Conclusion {
            rowSkips = Map.copyOf(rowSkips);
            orphans = List.copyOf(orphans);
            accepted = Map.copyOf(accepted);
        }

        /** A conclusion of a crawl whose file holds no accepted status. */
        public Conclusion(long brokenLinks, long brokenRedirects,
                Map<SkipReason, Long> rowSkips, long sitemapUrls, List<String> orphans,
                String startProblem) {
            this(brokenLinks, brokenRedirects, rowSkips, sitemapUrls, orphans, startProblem,
                    Map.of(), 0);
        }
    }

    /** The crawl began (or began again after a resume). */
    void started();

    /** URLs taken on outside a visit: the start URL, sitemap URLs. */
    void discovered(List<NewUrl> urls) throws InterruptedException;

    /** A URL finished. Blocks while the store is full (backpressure). */
    void visited(Visit visit) throws InterruptedException;

    /**
     * Part of a page's links (and the URLs first found among them), written ahead of its
     * {@link #visited visit}, which then holds only the links after them: a page of thousands
     * of links hands them over as they are read ({@code LinkCollector#SLICE} at a time), so
     * that memory holds a slice of them, not the page's all. The parts and the visit are one
     * unit no longer: a crawl stopped or killed between them leaves the parts' links stored
     * and the page queued, and the page's next visit replaces them. Blocks while the store is
     * full (backpressure).
     *
     * @param id the page's id
     * @param discovered URLs first seen in this part
     * @param links the part's links, in page order, after those of the parts before
     */
    default void visitedPart(long id, List<NewUrl> discovered, List<LinkRow> links)
            throws InterruptedException {
        throw new UnsupportedOperationException("this store takes no visit in parts");
    }

    /** A URL already known is listed by the site's sitemaps too. */
    void listedInSitemap(long id);

    /**
     * A URL fetched already is queued to be asked again (a cookie was set since): a resume
     * asks it again too, until its new result is written ({@link Visit#revisit()}).
     */
    default void revisitQueued(long id) {}

    /** Something the crawl could not read but went on without, in one plain sentence. */
    void warning(String sentence);

    /** The sitemaps have been read (a resumed crawl does not read them again). */
    void sitemapsRead();

    /** A host on which the site lives too (the start URL redirected there). */
    void siteHost(String hostAndPort);

    /** A URL left out by a limit (counted, no row), or taken back when reached another way. */
    void counted(String key, SkipReason why);

    /** A counted URL was reached another way after all. */
    void uncounted(String key);

    /** The plan changed while the crawl ran (an exclude pattern added): a resume uses it. */
    void planChanged(CrawlPlan plan);

    /**
     * A URL was fetched again on request: its row takes the new result; its links and inlinks
     * stay as they were.
     *
     * @param redirectKey the dedup key of where it now redirects, or "" (the row points to
     *     that URL when the crawl knows it)
     */
    void rechecked(long id, CrawlResult result, List<Header> headers, String redirectKey)
            throws InterruptedException;

    /**
     * A page of the site fetched again on request and read as the crawl reads a page: its row
     * takes the new result (and keeps its place in the crawl's order), its links are the ones
     * it has now (the earlier ones, and the inlinks they gave, are taken back), and the URLs
     * first found on it ({@link Visit#discovered()}) are stored, queued: a resume fetches them.
     *
     * @param redirectKey as for {@link #rechecked}
     */
    default void recheckedPage(Visit visit, String redirectKey) throws InterruptedException {
        rechecked(visit.id(), visit.result(), visit.headers(), redirectKey);
    }

    /**
     * Whether a crawl job writes here now (from {@link #started()} until its state is stopped
     * or finished): only that job may number new URLs then.
     */
    default boolean crawling() {
        return false;
    }

    /**
     * Why the crawl stopped when the user did not stop it and it can be resumed (its start URL
     * could not be connected to): one plain sentence, kept with the crawl so that opening it
     * later says so; "" when it runs again.
     */
    default void stopReason(String sentence) {}

    /** The crawl's state changed; {@code elapsed} is the crawl's running time so far. */
    void state(CrawlState state, Duration elapsed);

    /**
     * The crawl's running time so far, noted while it runs (about once a second), so a crawl
     * whose process is killed resumes with its time: its state is not touched.
     */
    default void elapsed(Duration elapsed) {}

    /**
     * Keeps a chunk of the frontier's overflow out of memory.
     *
     * @return the chunk's number, for {@link #unspill}
     */
    long spill(byte[] chunk);

    /** Reads back (and forgets) a spilled chunk, waiting until it is stored. */
    byte[] unspill(long chunk) throws InterruptedException;

    /** Completes when everything written so far is stored. */
    CompletableFuture<Void> flush();

    /**
     * Waits for everything to be stored and computes the figures only the whole crawl file
     * can give.
     */
    Conclusion conclude() throws InterruptedException;

    /**
     * A plain sentence when the store could not be written (a full disk, say); the crawl
     * stops then. Null while all is well.
     */
    String failure();
}
