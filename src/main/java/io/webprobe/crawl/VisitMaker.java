package io.webprobe.crawl;

import io.webprobe.http.ContentDecoding;
import io.webprobe.http.ContentTypes;
import io.webprobe.http.ErrorKind;
import io.webprobe.http.FetchResponse;
import io.webprobe.http.Header;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.MimeSniffing;
import io.webprobe.http.Urls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns what happened to one URL into its {@link CrawlSink.Visit}: the row with every column,
 * and for an HTML page of the site its links (parsed by {@link LinkExtractor}, taken on by the
 * {@link LinkGraph}); for a redirect or a meta refresh, the link to where it leads. A page is
 * HTML when its Content-Type says so, or, without one, when it looks like HTML
 * ({@link MimeSniffing}), as a browser decides. Stateless apart from its collaborators;
 * thread-safe.
 */
final class VisitMaker {
    private final CrawlPlan plan;
    private final LinkExtractor extractor = new LinkExtractor();
    private final LinkGraph graph;
    private final ParseBudget budget;

    VisitMaker(CrawlPlan plan, LinkGraph graph, ParseBudget budget) {
        this.plan = plan;
        this.graph = graph;
        this.budget = budget;
    }

    /**
     * Whether a page or stylesheet of the site is not read for links because its body came in
     * a coding Webprobe never asked for and cannot decode (br): its row keeps its status (a
     * browser that asks for br shows it, so it is not broken) and says why its links were
     * not read, where it would otherwise be read as garbage with no link in it.
     */
    private static boolean notRead(QueueItem item, FetchResponse r, String type,
            CrawlResult.Builder row) {
        if (item.external || r.body() == null || r.status() >= 300
                || !ContentTypes.isHtml(type) && !ContentTypes.isCss(type)) {
            return false;
        }
        String why = ContentDecoding.notDecodable(
                ContentDecoding.contentEncoding(r.headerValues("content-encoding")));
        if (why == null) {
            return false;
        }
        row.message(why);
        return true;
    }

    /** Parses a page within the memory budget. */
    private LinkExtractor.Page parse(QueueItem item, FetchResponse r, boolean css) {
        return parse(item, r, css, false);
    }

    /**
     * Parses a page within the memory budget, gathering its anchors and its links' fragments
     * too when {@code anchors}.
     */
    private LinkExtractor.Page parse(QueueItem item, FetchResponse r, boolean css,
            boolean anchors) {
        return parse(item, r, css, anchors, null);
    }

    /** As above, handing the page's links to {@code slices} as they are read (null: not). */
    private LinkExtractor.Page parse(QueueItem item, FetchResponse r, boolean css,
            boolean anchors, LinkExtractor.Slices slices) {
        int taken;
        try {
            taken = budget.acquire((int) Math.min(Integer.MAX_VALUE, r.body().length()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: the visit is not recorded
            throw new IllegalStateException("stopped while waiting to parse " + item.url, e);
        }
        try {
            return css ? extractor.extractCss(r.body(), ContentTypes.charset(r.contentType()),
                    item.url, slices)
                    : extractor.extract(r.body(), ContentTypes.charset(r.contentType()),
                            item.url, anchors, slices);
        } finally {
            budget.release(taken);
        }
    }

    /**
     * Takes the parts of a page's visit written ahead of it ({@link CrawlSink#visitedPart}):
     * writes them, then queues their new URLs.
     */
    interface Parts {
        void take(QueueItem page, LinkGraph.Part part) throws InterruptedException;
    }

    /**
     * Takes a page's links a slice at a time as the page is read: each slice is linked (and
     * its new URLs taken on) and handed to {@link Parts} at once, so a page of a million links
     * holds a slice of them, not all, whatever its size. The slices are followed as far as
     * the page has said so far: a robots meta tag saying nofollow after its first slices
     * stops the rest only.
     */
    private final class Slicer implements LinkExtractor.Slices {
        private final QueueItem item;
        private final LinkGraph.PageLinks links;
        private final Parts parts;
        private final String robotsHeader;
        /** Link keys to their targets' ids, for the fragments, or null (anchors unchecked). */
        private final java.util.Map<String, Long> ids;
        /**
         * Distinct links of the slices (one not taken on, out of the crawl's limits, once per
         * slice it is in).
         */
        int outlinks;
        boolean sliced;

        Slicer(QueueItem item, LinkGraph.PageLinks links, Parts parts, String robotsHeader,
                java.util.Map<String, Long> ids) {
            this.item = item;
            this.links = links;
            this.parts = parts;
            this.robotsHeader = robotsHeader;
            this.ids = ids;
        }

        @Override
        public void take(List<LinkExtractor.Link> slice, PageInfo soFar) {
            sliced = true;
            if (!follows(soFar.withRobotsHeader(robotsHeader))) {
                outlinks += slice.size();
                return;
            }
            int rows = links.linkRows();
            outlinks += link(slice);
            if (links.linkRows() == rows) {
                return; // links of parts before, or left out: nothing to write
            }
            try {
                parts.take(item, links.takePart());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stopping: the visit is not recorded
                throw new IllegalStateException("stopped while writing the links of "
                        + item.url, e);
            }
        }

        /** Links these links of the page; returns how many were new to it. */
        int link(List<LinkExtractor.Link> some) {
            int before = links.linkRows();
            int left = linkEach(links, some, ids);
            return links.linkRows() - before + left;
        }
    }

    /**
     * Links {@code some} of a page's links, noting each one's target id in {@code ids} (null:
     * not); returns how many were left out (out of the crawl's limits).
     */
    private static int linkEach(LinkGraph.PageLinks links, List<LinkExtractor.Link> some,
            java.util.Map<String, Long> ids) {
        int left = 0;
        for (LinkExtractor.Link link : some) {
            long id = links.link(link, link.anchorText(), link.type().endsWith(" nofollow"));
            if (id <= 0) {
                left++;
            } else if (ids != null) {
                ids.put(link.key(), id);
            }
        }
        return left;
    }

    /** Whether the links of a page saying this of itself are followed. */
    private boolean follows(PageInfo info) {
        // a nofollow page (meta robots or X-Robots-Tag) is read but its links are not
        // followed, unless the plan says otherwise
        // so are the links of every page of a list check: it checks the list, nothing more
        return !plan.isList() && (plan.followNofollow() || !info.nofollow());
    }

    /** A visit together with the URLs it found, to queue once the visit is written. */
    record Made(CrawlSink.Visit visit, List<QueueItem> toQueue, List<CrawlResult> skippedRows) {
        static Made alone(CrawlSink.Visit v) {
            return new Made(v, List.of(), List.of());
        }
    }

    /**
     * The row of a URL fetched again on request, without its links (they stay as stored).
     */
    CrawlResult row(QueueItem item, FetchResponse r) {
        if (!r.hasResponse() && r.status() == 0) {
            return base(item).responseMillis(r.elapsedMillis()).error(r.error(), r.errorMessage())
                    .build();
        }
        String type = MimeSniffing.mediaType(r);
        CrawlResult.Builder row = responseRow(item, r, type);
        if (!r.hasResponse()) {
            return row.error(r.error(), r.errorMessage()).build(); // a body that cannot be read
        }
        PageInfo info = r.robotsTag().isEmpty() ? PageInfo.NONE
                : PageInfo.NONE.withRobotsHeader(r.robotsTag());
        LinkExtractor.Link headerRefresh = refreshHeader(item, r).target();
        if (r.isRedirect()) {
            redirectNotFollowed(item, r.location(), row);
        } else if (movedWithoutLocation(r)) {
            row.error(ErrorKind.INVALID_URL, NO_LOCATION);
        } else if (headerRefresh != null) {
            redirectNotFollowed(item, headerRefresh.requestUrl(), row);
        }
        if (notRead(item, r, type, row)) {
            // its body is in a coding Webprobe cannot decode: said on the row, not parsed
        } else if (!item.external && r.body() != null && r.status() < 300
                && ContentTypes.isHtml(type)) {
            LinkExtractor.Page page = parse(item, r, false);
            info = page.info().withRobotsHeader(r.robotsTag());
            row.title(page.title()).outlinks(page.links().size());
            LinkExtractor.Link refresh = refreshElsewhere(item, page);
            if (refresh != null && headerRefresh == null) {
                redirectNotFollowed(item, refresh.requestUrl(), row);
            }
        }
        LinkExtractor.Link canonical = canonicalHeader(item, r).target();
        if (canonical != null && info.canonical().isEmpty()) {
            info = info.withCanonical(canonical.requestUrl());
        }
        return row.page(info).build();
    }

    /** A URL that answered (or failed): its row, and its links when it is a page of the site. */
    Made answered(QueueItem item, FetchResponse r) {
        return answered(item, r, null);
    }

    /**
     * As {@link #answered(QueueItem, FetchResponse)}, a page of more than {@link
     * LinkCollector#SLICE} links handing them to {@code parts} as they are read (null: all in
     * the visit).
     */
    Made answered(QueueItem item, FetchResponse r, Parts parts) {
        if (!r.hasResponse()) {
            return r.status() == 0 ? failed(item, r) : unreadable(item, r);
        }
        LinkGraph.PageLinks links = graph.page(item);
        List<CrawlSink.InvalidHref> invalid = new ArrayList<>();
        // a page served without a type is HTML when it looks like HTML, as browsers sniff it
        String type = MimeSniffing.mediaType(r);
        CrawlResult.Builder row = responseRow(item, r, type);
        PageInfo info = r.robotsTag().isEmpty() ? PageInfo.NONE
                : PageInfo.NONE.withRobotsHeader(r.robotsTag());
        long redirectId = 0;
        LinkExtractor.HeaderRefresh refreshing = refreshHeader(item, r);
        LinkExtractor.Link headerRefresh = refreshing.target();
        if (refreshing.invalid() != null) {
            // the browser stays on the page; the refresh is a malformed link of it
            invalid.add(invalidHref(refreshing.invalid()));
        }
        List<CrawlSink.FragmentLink> fragments = List.of();
        if (r.isRedirect()) {
            redirectId = redirect(item, r.location(), "redirect", links, row, setsCookie(r));
            fragments = locationFragment(item, r.location(), redirectId);
        } else if (movedWithoutLocation(r)) {
            row.error(ErrorKind.INVALID_URL, NO_LOCATION);
        } else if (headerRefresh != null) {
            // a Refresh header is the response's redirect, as a meta refresh is the page's
            // (browsers act on it before the page's own refresh, which is then not one)
            redirectId = redirect(item, headerRefresh.requestUrl(), headerRefresh.type(), links,
                    row, setsCookie(r));
        }
        LinkExtractor.Page page = null;
        int outlinks = 0;
        CrawlSink.PageAnchors anchors = null;
        if (notRead(item, r, type, row)) {
            // its body is in a coding Webprobe cannot decode: said on the row, not parsed
        } else if (!item.external && r.body() != null && r.status() < 300
                && ContentTypes.isHtml(type)) {
            java.util.Map<String, Long> ids = plan.checkAnchors() ? new java.util.HashMap<>()
                    : null;
            Slicer slicer = parts == null ? null
                    : new Slicer(item, links, parts, r.robotsTag(), ids);
            page = parse(item, r, false, plan.checkAnchors(), slicer);
            info = page.info().withRobotsHeader(r.robotsTag());
            row.title(page.title());
            boolean sliced = slicer != null && slicer.sliced;
            outlinks = sliced ? slicer.outlinks : page.links().size();
            if (page.anchors() != null && r.status() == 200) {
                anchors = new CrawlSink.PageAnchors(page.anchors().names(),
                        page.anchors().cut());
            }
            if (follows(info)) {
                if (sliced) {
                    outlinks += slicer.link(page.links());
                } else {
                    linkEach(links, page.links(), ids);
                }
                if (ids != null) {
                    fragments = fragments(page.anchors(), ids);
                }
                for (LinkExtractor.InvalidLink bad : page.invalid()) {
                    invalid.add(invalidHref(bad));
                }
            } else if (sliced) {
                outlinks += page.links().size();
            }
            LinkExtractor.Link refresh = refreshElsewhere(item, page);
            if (refresh != null && headerRefresh == null) {
                // a meta refresh is the page's redirect (as browsers treat it)
                redirectId = redirect(item, refresh.requestUrl(), "meta-refresh",
                        links, row, setsCookie(r));
            }
        } else if (!item.external && !plan.isList() && r.body() != null && r.status() < 300
                && ContentTypes.isCss(type)) {
            // a stylesheet of the site: its fonts, background images and imports are links
            Slicer slicer = parts == null ? null : new Slicer(item, links, parts, "", null);
            LinkExtractor.Page sheet = parse(item, r, true, false, slicer);
            if (slicer != null && slicer.sliced) {
                outlinks = slicer.outlinks + slicer.link(sheet.links());
            } else {
                outlinks = sheet.links().size();
                linkEach(links, sheet.links(), null); // no text, never nofollow
            }
            for (LinkExtractor.InvalidLink bad : sheet.invalid()) {
                invalid.add(new CrawlSink.InvalidHref(bad.href(), "", bad.type(), bad.reason()));
            }
        }
        LinkExtractor.HeaderRefresh canonical = canonicalHeader(item, r);
        if (canonical != LinkExtractor.HeaderRefresh.NONE) {
            outlinks += linkCanonical(canonical, page, info, links, invalid);
            if (canonical.target() != null && info.canonical().isEmpty()) {
                // the HTML's own canonical comes first (Screaming Frog reports both; the page's
                // own word is the more specific, the header may be a server's default)
                info = info.withCanonical(canonical.target().requestUrl());
            }
        }
        row.outlinks(outlinks);
        // an exclude pattern matching an href that is no URL leaves it out (--exclude '^file:'),
        // counted with the URLs a pattern leaves out
        invalid.removeIf(bad -> graph.excludesHref(bad.href()));
        CrawlResult result = row.page(info).build();
        CrawlSink.Visit visit = new CrawlSink.Visit(item.id, result, r.headers(), redirectId,
                links.discovered(), links.links(), invalid, item.revisit, anchors, fragments);
        return new Made(visit, links.toQueue(), links.skippedRows());
    }

    /**
     * The fragment a redirect's Location names ({@code Location: /new#part}), when anchors are
     * checked: a browser takes it in place of the fragment of the link that led here, so it is
     * judged as a link of the redirecting URL ({@link Anchors#ofLocation}). None when the
     * Location has no fragment or the redirect is not followed.
     */
    private List<CrawlSink.FragmentLink> locationFragment(QueueItem item, String location,
            long targetId) {
        if (!plan.checkAnchors() || item.external || targetId <= 0 || location.indexOf('#') < 0) {
            return List.of();
        }
        String fragment;
        try {
            fragment = io.webprobe.http.WebUrl.parse(location.strip(),
                    io.webprobe.http.WebUrl.parse(item.url)).fragment();
        } catch (io.webprobe.http.WebUrlException e) {
            return List.of(); // the redirect itself was resolved: nothing to judge here
        }
        return fragment == null ? List.of() : List.of(Anchors.ofLocation(targetId, fragment));
    }

    /** The fragments a page's links name, to the targets the crawl took on. */
    private static List<CrawlSink.FragmentLink> fragments(Anchors anchors,
            java.util.Map<String, Long> ids) {
        List<CrawlSink.FragmentLink> out = new ArrayList<>();
        for (Anchors.Ref ref : anchors.fragments()) {
            Long id = ids.get(ref.key());
            if (id != null) {
                String decoded = Anchors.decode(ref.fragment());
                out.add(new CrawlSink.FragmentLink(id, ref.fragment(),
                        decoded.equals(ref.fragment()) ? null : decoded, ref.anchorText()));
            }
        }
        return out;
    }

    /**
     * Takes the canonical of a response's {@code Link} header as a link of the page, checked as
     * a {@code <link rel=canonical>} is, unless the page's links are not followed or its HTML
     * holds the same link; a target that is not a valid URL is a malformed href of the page.
     *
     * @param page the page's HTML, or null when it is no HTML page of the site
     * @return 1 when it is a new link of the page, else 0
     */
    private int linkCanonical(LinkExtractor.HeaderRefresh canonical, LinkExtractor.Page page,
            PageInfo info, LinkGraph.PageLinks links, List<CrawlSink.InvalidHref> invalid) {
        if (plan.isList() || !plan.followNofollow() && info.nofollow()) {
            return 0;
        }
        if (canonical.invalid() != null) {
            invalid.add(invalidHref(canonical.invalid()));
            return 0;
        }
        LinkExtractor.Link target = canonical.target();
        if (page != null && (page.links().stream().anyMatch(l -> l.key().equals(target.key()))
                || links.linkedInParts(target.key()))) {
            return 0;
        }
        links.link(target, "", false);
        return 1;
    }

    /** The canonical named in the Link header of a page of the site answering 2xx. */
    private static LinkExtractor.HeaderRefresh canonicalHeader(QueueItem item,
            FetchResponse r) {
        if (item.external || r.status() < 200 || r.status() >= 300) {
            return LinkExtractor.HeaderRefresh.NONE;
        }
        List<String> values = r.headerValues("link");
        return values.isEmpty() ? LinkExtractor.HeaderRefresh.NONE
                : LinkExtractor.canonicalHeader(values, item.url);
    }

    /** A URL the site keeps crawlers from (or the crawl keeps away from), with any response. */
    Made blocked(QueueItem item, FetchResponse r, SkipReason why, String message) {
        CrawlResult.Builder row = base(item).skipped(why).message(message);
        List<Header> headers = List.of();
        if (r != null) {
            row.status(r.status()).contentType(ContentTypes.mediaType(r.contentType()))
                    .sizeBytes(r.sizeBytes()).responseMillis(r.elapsedMillis())
                    .truncated(r.truncated());
            headers = r.headers();
        }
        return Made.alone(new CrawlSink.Visit(item.id, row.build(), headers, 0, List.of(),
                List.of(), List.of(), item.revisit));
    }

    /**
     * The row of a URL that answered, begun: its status (accepted or not), its type as
     * sniffed ({@code type}), its size, time and whether its body was cut.
     */
    private CrawlResult.Builder responseRow(QueueItem item, FetchResponse r, String type) {
        return base(item).status(r.status())
                .accepted(plan.accepts(r.status()))
                .contentType(type).sizeBytes(r.sizeBytes())
                .responseMillis(r.elapsedMillis()).truncated(r.truncated());
    }

    /** A queued URL left out after all (an exclude pattern added while the crawl ran). */
    Made skipped(QueueItem item, SkipReason why, String message) {
        return Made.alone(new CrawlSink.Visit(item.id, base(item).skipped(why).message(message)
                .build(), List.of(), 0, List.of(), List.of(), List.of(), item.revisit));
    }

    /**
     * A response whose body cannot be read as it is labelled (compressed data that is not):
     * the browser shows an error, so the row is one, with the status the server sent.
     */
    private Made unreadable(QueueItem item, FetchResponse r) {
        CrawlResult row = base(item).status(r.status())
                .contentType(MimeSniffing.mediaType(r)).sizeBytes(r.sizeBytes())
                .responseMillis(r.elapsedMillis()).error(r.error(), r.errorMessage()).build();
        return Made.alone(new CrawlSink.Visit(item.id, row, r.headers(), 0, List.of(),
                List.of(), List.of(), item.revisit));
    }

    /**
     * A request that failed without an answer (a timeout, a refused connection, a response
     * too broken to read): its row keeps the time spent until it failed, as an answered
     * row keeps its time, so a URL that timed out after 3 s is 3 s slow, not 0 ms fast.
     */
    private Made failed(QueueItem item, FetchResponse r) {
        CrawlResult row = base(item).responseMillis(r.elapsedMillis())
                .error(r.error(), r.errorMessage()).build();
        return Made.alone(new CrawlSink.Visit(item.id, row, List.of(), 0, List.of(), List.of(),
                List.of(), item.revisit));
    }

    /** A URL that could not be fetched (or crawled) at all. */
    Made failed(QueueItem item, ErrorKind kind, String message) {
        return Made.alone(new CrawlSink.Visit(item.id, base(item).error(kind, message).build(),
                List.of(), 0, List.of(), List.of(), List.of(), item.revisit));
    }

    /**
     * The page's meta refresh when it sends the browser to another URL, else null. A refresh
     * to the page itself ({@code content="60; url=self.html"} on self.html, a page that
     * reloads itself every minute) is a reload, as a refresh without a URL is: the page stays
     * where it is, so it is no redirect, and certainly no redirect loop.
     */
    private static LinkExtractor.Link refreshElsewhere(QueueItem item, LinkExtractor.Page page) {
        LinkExtractor.Link refresh = page.refresh();
        if (refresh == null || refresh.key().equals(Urls.key(item.uri()))) {
            return null;
        }
        return refresh;
    }

    /** The reason of a redirect status that says the URL moved but not where to. */
    static final String NO_LOCATION = "Redirect without a Location: the server says the page "
            + "moved but not where to, so a browser shows this answer instead";

    /**
     * A 301, 302, 303, 307 or 308 without a Location: not a working redirect (a browser shows
     * its body, often nothing). A 300 may list its choices in its body and a 304 has no
     * Location by nature, so they are left as they are.
     */
    private static boolean movedWithoutLocation(FetchResponse r) {
        int s = r.status();
        return (s == 301 || s == 302 || s == 303 || s == 307 || s == 308) && !r.isRedirect();
    }

    /**
     * Where a response's {@code Refresh} header sends the browser ({@code 0; url=/next}), as
     * for a meta refresh: only for a page of the site answering 1xx/2xx, and not to the URL
     * itself (a reload, no target); or its target that is not a valid URL.
     */
    private static LinkExtractor.HeaderRefresh refreshHeader(QueueItem item, FetchResponse r) {
        String value = r.header("refresh");
        if (value.isEmpty() || item.external || r.status() >= 300) {
            return LinkExtractor.HeaderRefresh.NONE;
        }
        LinkExtractor.HeaderRefresh refresh = LinkExtractor.refreshHeader(value, item.url);
        LinkExtractor.Link target = refresh.target();
        return target != null && target.key().equals(Urls.key(item.uri()))
                ? LinkExtractor.HeaderRefresh.NONE : refresh;
    }

    private static CrawlSink.InvalidHref invalidHref(LinkExtractor.InvalidLink bad) {
        return new CrawlSink.InvalidHref(bad.href(), bad.anchorText(), bad.type(), bad.reason());
    }

    private static boolean setsCookie(FetchResponse r) {
        return !r.header("set-cookie").isEmpty();
    }

    private static CrawlResult.Builder base(QueueItem item) {
        return CrawlResult.builder(item.url).depth(item.depth).referrer(item.referrer)
                .external(item.external).retries(item.retries)
                .retriedStatus(item.retriedStatus);
    }

    /**
     * Follows a redirect or meta refresh: the target is linked (and taken on) unless it is not
     * an http(s) URL, or the limit of redirects led here already (too many redirects), either of
     * which makes the row an error.
     *
     * @return the target's id, or 0
     */
    private long redirect(QueueItem item, String location, String type,
            LinkGraph.PageLinks links, CrawlResult.Builder row, boolean setCookie) {
        String url = redirectTarget(item, location, row);
        if (url != null && links.redirectsUsedUp()) {
            row.error(ErrorKind.TOO_MANY_REDIRECTS, tooManyRedirects(url));
        }
        return url == null ? 0 : links.redirect(Urls.toUri(url), url, type, setCookie);
    }

    /**
     * A redirect of a URL fetched again without its links: written into the row as
     * {@link #redirect} writes it (too many redirects when the limit led to the URL, which a
     * re-check keeps from the crawl), but not taken on.
     */
    private static void redirectNotFollowed(QueueItem item, String location,
            CrawlResult.Builder row) {
        String url = redirectTarget(item, location, row);
        if (url != null && LinkGraph.redirectsUsedUp(item.redirectHops)) {
            row.error(ErrorKind.TOO_MANY_REDIRECTS, tooManyRedirects(url));
        }
    }

    /** Why the redirect of a URL that the limit of redirects led to is not followed. */
    static String tooManyRedirects(String target) {
        return "More than " + HttpProbe.MAX_REDIRECTS + " redirects: "
                + HttpProbe.MAX_REDIRECTS + " led here, so its redirect to " + target
                + " is not followed";
    }

    /**
     * Resolves where a redirect or refresh leads, as a browser does, and writes it into the
     * row, or an error when it cannot be followed.
     *
     * @return the target as the crawl keeps it ({@link QueueItem#url}), or null when it is not
     *     an http(s) URL
     */
    private static String redirectTarget(QueueItem item, String location,
            CrawlResult.Builder row) {
        String url;
        URI target;
        try {
            url = Urls.resolveRequestUrl(item.url, location);
            target = Urls.toUri(url);
        } catch (URISyntaxException | IllegalArgumentException e) {
            row.redirectTo(location).error(ErrorKind.INVALID_URL,
                    "Redirects to \"" + location + "\", which is not a valid URL");
            return null;
        }
        row.redirectTo(url);
        String scheme = target.getScheme() == null ? ""
                : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || Urls.host(target).isEmpty()) {
            row.error(ErrorKind.INVALID_URL,
                    "Redirects to " + target + ", which is not an http(s) URL; not followed");
            return null;
        }
        return url;
    }
}
