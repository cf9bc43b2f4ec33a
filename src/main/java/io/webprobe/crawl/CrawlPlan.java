package io.webprobe.crawl;

import io.webprobe.http.StatusSet;
import io.webprobe.http.UrlSyntax;
import io.webprobe.http.Urls;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to crawl and how. Immutable; derive a changed copy with {@link #toBuilder()} or the
 * {@code with*} shortcuts.
 *
 * @param startUrl where the crawl begins; its host (after its own redirects) is the scope
 * @param threads worker threads, 1 to 256
 * @param maxDepth link depth limit from the start page (0 = the start page only);
 *     {@link #UNLIMITED} for none
 * @param maxPages how many in-scope URLs to fetch at most; {@link #UNLIMITED} for none
 * @param timeout overall deadline per request (headers and body)
 * @param userAgent the User-Agent header
 * @param maxBodyBytes download cap per response in bytes; larger bodies are truncated
 * @param checkExternal whether links to other hosts are checked (never crawled)
 * @param scope which URLs are followed, and the trap guards
 * @param respectRobots obey robots.txt for the site's URLs (links to other hosts are checked
 *     regardless: a check is one request, not a crawl)
 * @param followNofollow follow the links of pages marked nofollow (meta robots or
 *     X-Robots-Tag); off by default, as search engines do
 * @param useSitemaps also crawl the URLs the site's sitemaps list (robots.txt Sitemap lines,
 *     else /sitemap.xml), and report those no page links to; always false for a list check,
 *     which fetches the listed URLs and nothing else (as Screaming Frog's list mode does), so
 *     a list plan made with it on is made without it
 * @param politeness per-host limits: concurrency, delay, Crawl-delay, 429/503 retries
 * @param list the URLs of a list check: each is fetched once (its redirects followed), none
 *     of its links; empty for an ordinary crawl from {@code startUrl}. Each URL is kept once
 *     by the crawl's dedup key ({@link #distinct}): a URL listed twice, as written or in
 *     another spelling of it ({@code /%7Euser} and {@code /~user}), takes one place
 * @param allowPrivate request URLs on private, loopback and link-local addresses even when the
 *     start URL is public (off: a public page cannot aim the crawl at the user's network)
 * @param cookies keep the cookies servers set during the crawl and send them back, as a
 *     browser does (on by default)
 * @param insecure accept any server certificate (a staging site's self-signed one)
 * @param caCertFile a PEM file of certificates to trust besides the usual authorities, or ""
 * @param siteHeaders request headers for the site's own URLs only (a staging site's sign-in);
 *     the crawl file keeps those that hold no secret, and the others' names only ({@link
 *     SiteHeaders#kept()}), so a plan read from one sends the first and names the others
 *     ({@link SiteHeaders#withheld()})
 * @param accept status codes that count as OK though they are 4xx/5xx ({@code --accept
 *     403,429}, as lychee's): such a URL keeps its status but is not broken, nor are the
 *     links to it; {@link StatusSet#NONE} for none
 * @param checkAnchors also check the fragments of the site's links ({@code page.html#part}):
 *     the anchors each page of the site defines are recorded, and a link to one its page
 *     lacks is reported ({@link Anchors}); off by default, as in lychee; always false for a
 *     list check, which reads no links
 * @param requestTargets for a start or list URL typed with what its URI cannot say as a
 *     browser sends it (a "%" not followed by two hex digits: {@code /100%.html}, which the
 *     URI holds as {@code /100%25.html}), the path and query as typed ({@link
 *     UrlSyntax#requestTarget}): the URL is asked and shown so ({@link #requestUrl}), as the
 *     same URL found as a link is; keyed by the URI as given (fragment and all)
 */
public record CrawlPlan(
        URI startUrl,
        int threads,
        int maxDepth,
        int maxPages,
        Duration timeout,
        String userAgent,
        long maxBodyBytes,
        boolean checkExternal,
        CrawlScope scope,
        boolean respectRobots,
        boolean followNofollow,
        boolean useSitemaps,
        Politeness politeness,
        List<URI> list,
        boolean allowPrivate,
        boolean cookies,
        boolean insecure,
        String caCertFile,
        SiteHeaders siteHeaders,
        StatusSet accept,
        boolean checkAnchors,
        Map<URI, String> requestTargets) {

    public static final int UNLIMITED = Integer.MAX_VALUE;
    // the defaults as constants, so the command line's options can name them too
    public static final int DEFAULT_THREADS = 8;
    public static final int DEFAULT_TIMEOUT_SECONDS = 15;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
    public static final int DEFAULT_MAX_BODY_MEGABYTES = 10;
    public static final long DEFAULT_MAX_BODY_BYTES = DEFAULT_MAX_BODY_MEGABYTES * 1024L * 1024;

    public CrawlPlan {
        Objects.requireNonNull(startUrl, "startUrl");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(politeness, "politeness");
        list = distinct(list);
        useSitemaps = useSitemaps && list.isEmpty();
        checkAnchors = checkAnchors && list.isEmpty();
        Objects.requireNonNull(caCertFile, "caCertFile");
        Objects.requireNonNull(siteHeaders, "siteHeaders");
        Objects.requireNonNull(accept, "accept");
        requestTargets = Map.copyOf(requestTargets);
        if (!CrawlLimit.THREADS.holds(threads)) {
            throw new IllegalArgumentException("threads must be 1 to 256, was " + threads);
        }
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth must be >= 0, was " + maxDepth);
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be >= 1, was " + maxPages);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 1, was " + maxBodyBytes);
        }
    }

    /** A plan with every default: 8 threads, no depth or page limit, 15 s timeout. */
    public static CrawlPlan of(URI startUrl, String userAgent) {
        return builder(startUrl, userAgent).build();
    }

    /**
     * A list check: each URL fetched once (status, type, title, redirect chain, time), none of
     * their links followed.
     *
     * @throws IllegalArgumentException when the list is empty
     */
    public static CrawlPlan ofList(List<URI> urls, String userAgent) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("the list has no URL");
        }
        return builder(urls.get(0), userAgent).list(urls).build();
    }

    /**
     * The URLs of a list each once, in their order, the first spelling of each kept: two are
     * one when the crawl's dedup key ({@link Urls#key}) is the same, as when the crawl finds
     * them as links; a list of them would otherwise hold one page in two places of the page
     * limit, and its progress wait for a URL never fetched apart.
     */
    public static List<URI> distinct(List<URI> urls) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<URI> out = new java.util.ArrayList<>(urls.size());
        for (URI u : urls) {
            if (seen.add(Urls.key(u))) {
                out.add(u);
            }
        }
        return List.copyOf(out);
    }

    /** A builder with every default. */
    public static Builder builder(URI startUrl, String userAgent) {
        return new Builder(startUrl, userAgent);
    }

    /**
     * A start or list URL as the crawl asks and shows it ({@link
     * io.webprobe.http.WebUrl#requestUrl()}'s form, as for a link): its URI's text, with the
     * path and query as typed when {@link #requestTargets} has them.
     */
    public String requestUrl(URI url) {
        return Urls.withRequestTarget(url, requestTargets.get(url));
    }

    /**
     * The URLs the crawl starts from (its start URL, or the list's), as it asks them: {@link
     * #requestUrl}, without the fragment, which is never sent.
     */
    public List<String> startRequestUrls() {
        List<String> out = new java.util.ArrayList<>();
        for (URI u : isList() ? list : List.of(startUrl)) {
            String s = requestUrl(u);
            int hash = s.indexOf('#'); // none in the host, nor raw in the path or the query
            out.add(hash < 0 ? s : s.substring(0, hash));
        }
        return out;
    }

    /** Whether this is a list check rather than a crawl. */
    public boolean isList() {
        return !list.isEmpty();
    }

    /** A builder holding this plan's settings. */
    public Builder toBuilder() {
        Builder b = new Builder(startUrl, userAgent);
        b.threads = threads;
        b.maxDepth = maxDepth;
        b.maxPages = maxPages;
        b.timeout = timeout;
        b.maxBodyBytes = maxBodyBytes;
        b.checkExternal = checkExternal;
        b.scope = scope;
        b.respectRobots = respectRobots;
        b.followNofollow = followNofollow;
        b.useSitemaps = useSitemaps;
        b.politeness = politeness;
        b.list = list;
        b.allowPrivate = allowPrivate;
        b.cookies = cookies;
        b.insecure = insecure;
        b.caCertFile = caCertFile;
        b.siteHeaders = siteHeaders;
        b.accept = accept;
        b.checkAnchors = checkAnchors;
        b.requestTargets = requestTargets;
        return b;
    }

    public CrawlPlan withThreads(int n) {
        return toBuilder().threads(n).build();
    }

    public CrawlPlan withMaxDepth(int d) {
        return toBuilder().maxDepth(d).build();
    }

    public CrawlPlan withMaxPages(int p) {
        return toBuilder().maxPages(p).build();
    }

    public CrawlPlan withTimeout(Duration t) {
        return toBuilder().timeout(t).build();
    }

    public CrawlPlan withMaxBodyBytes(long b) {
        return toBuilder().maxBodyBytes(b).build();
    }

    public CrawlPlan withScope(CrawlScope s) {
        return toBuilder().scope(s).build();
    }

    public CrawlPlan withRespectRobots(boolean r) {
        return toBuilder().respectRobots(r).build();
    }

    public CrawlPlan withFollowNofollow(boolean f) {
        return toBuilder().followNofollow(f).build();
    }

    public CrawlPlan withSitemaps(boolean u) {
        return toBuilder().useSitemaps(u).build();
    }

    public CrawlPlan withCheckAnchors(boolean c) {
        return toBuilder().checkAnchors(c).build();
    }

    public CrawlPlan withPoliteness(Politeness p) {
        return toBuilder().politeness(p).build();
    }

    public CrawlPlan withCheckExternal(boolean c) {
        return toBuilder().checkExternal(c).build();
    }

    public CrawlPlan withSiteHeaders(SiteHeaders h) {
        return toBuilder().siteHeaders(h).build();
    }

    /** Builds a {@link CrawlPlan}; not thread-safe. */
    /**
     * Whether an answer with this status counts as OK by {@link #accept()}: a 4xx or 5xx the
     * user accepted, which is then not broken.
     */
    public boolean accepts(int status) {
        return status >= 400 && accept.contains(status);
    }

    public static final class Builder {
        private final URI startUrl;
        private final String userAgent;
        private int threads = DEFAULT_THREADS;
        private int maxDepth = UNLIMITED;
        private int maxPages = UNLIMITED;
        private Duration timeout = DEFAULT_TIMEOUT;
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private boolean checkExternal = true;
        private CrawlScope scope = CrawlScope.DEFAULT;
        private boolean respectRobots = true;
        private boolean followNofollow;
        private boolean useSitemaps;
        private Politeness politeness = Politeness.DEFAULT;
        private List<URI> list = List.of();
        private boolean allowPrivate;
        private boolean cookies = true;
        private boolean insecure;
        private String caCertFile = "";
        private SiteHeaders siteHeaders = SiteHeaders.NONE;
        private StatusSet accept = StatusSet.NONE;
        private boolean checkAnchors;
        private Map<URI, String> requestTargets = Map.of();

        private Builder(URI startUrl, String userAgent) {
            this.startUrl = startUrl;
            this.userAgent = userAgent;
        }

        public Builder threads(int n) {
            threads = n;
            return this;
        }

        public Builder maxDepth(int d) {
            maxDepth = d;
            return this;
        }

        public Builder maxPages(int p) {
            maxPages = p;
            return this;
        }

        public Builder timeout(Duration t) {
            timeout = t;
            return this;
        }

        public Builder maxBodyBytes(long b) {
            maxBodyBytes = b;
            return this;
        }

        public Builder checkExternal(boolean c) {
            checkExternal = c;
            return this;
        }

        public Builder scope(CrawlScope s) {
            scope = s;
            return this;
        }

        public Builder respectRobots(boolean r) {
            respectRobots = r;
            return this;
        }

        public Builder followNofollow(boolean f) {
            followNofollow = f;
            return this;
        }

        public Builder useSitemaps(boolean u) {
            useSitemaps = u;
            return this;
        }

        public Builder politeness(Politeness p) {
            politeness = p;
            return this;
        }

        /** The URLs of a list check (see {@link CrawlPlan#list()}). */
        public Builder list(List<URI> urls) {
            list = urls;
            return this;
        }

        /** See {@link CrawlPlan#allowPrivate()}. */
        public Builder allowPrivate(boolean a) {
            allowPrivate = a;
            return this;
        }

        /** See {@link CrawlPlan#cookies()}. */
        public Builder cookies(boolean c) {
            cookies = c;
            return this;
        }

        /** See {@link CrawlPlan#insecure()}. */
        public Builder insecure(boolean i) {
            insecure = i;
            return this;
        }

        /** See {@link CrawlPlan#caCertFile()}; "" for none. */
        public Builder caCertFile(String path) {
            caCertFile = path;
            return this;
        }

        /** See {@link CrawlPlan#siteHeaders()}. */
        public Builder siteHeaders(SiteHeaders h) {
            siteHeaders = h;
            return this;
        }

        public Builder accept(StatusSet codes) {
            accept = codes;
            return this;
        }

        /** See {@link CrawlPlan#checkAnchors()}. */
        public Builder checkAnchors(boolean c) {
            checkAnchors = c;
            return this;
        }

        /** See {@link CrawlPlan#requestTargets()}. */
        public Builder requestTargets(Map<URI, String> targets) {
            requestTargets = targets;
            return this;
        }

        /**
         * The start URL as the user typed it, for its {@link CrawlPlan#requestTargets() request
         * target}: {@code startUrl} must be what {@link UrlSyntax#parseUserUrl} made of it.
         */
        public Builder typedAs(String input) {
            String target = UrlSyntax.requestTarget(input);
            return requestTargets(target == null ? Map.of() : Map.of(startUrl, target));
        }

        public CrawlPlan build() {
            return new CrawlPlan(startUrl, threads, maxDepth, maxPages, timeout, userAgent,
                    maxBodyBytes, checkExternal, scope, respectRobots, followNofollow,
                    useSitemaps, politeness, list, allowPrivate, cookies, insecure, caCertFile,
                    siteHeaders, accept, checkAnchors, requestTargets);
        }
    }
}
