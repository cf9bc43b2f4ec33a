package io.webprobe.crawl;

import io.webprobe.NamedThreads;
import io.webprobe.http.ContentTypes;
import io.webprobe.http.ErrorKind;
import io.webprobe.http.FetchRequest;
import io.webprobe.http.FetchResponse;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.RetryAfter;
import io.webprobe.http.Urls;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running crawl of one site. Owns its worker threads ({@code crawl-worker-N}) and the
 * {@link HttpProbe} it is given, and closes both in {@link #close()}.
 *
 * <p>Every URL is fetched at most once: a URL's dedup key ({@link Urls#key}) is claimed in a
 * concurrent map before it is queued. Pages in scope (the start URL's host, widened by the
 * start URL's own redirects) are parsed for links; other hosts are checked, not crawled. The
 * crawl ends when the frontier is empty and nothing is in flight, or when stopped; then
 * {@link CrawlListener#onFinished} is called once and {@link #completion()} completes.
 *
 * <p>Thread-safe. Listener methods run on worker threads; see {@link CrawlListener}.
 * See docs/CONCURRENCY.md for the threads and locks.
 */
public final class CrawlJob implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CrawlJob.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    /** Waits before asking again for a robots.txt that answered 5xx. */
    private static final List<Duration> ROBOTS_RETRY_DELAYS =
            List.of(Duration.ofSeconds(1), Duration.ofSeconds(3));

    private final CrawlPlan plan;
    private final HttpProbe probe;
    private final CrawlListener listener;
    private final LinkExtractor extractor = new LinkExtractor();
    private final RobotsRules robots;
    private final RedirectChecks redirects;
    /** Dedup keys of the URLs the sitemaps listed (for the orphan report). */
    private final Set<String> sitemapKeys = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean sitemapsRead = new AtomicBoolean();
    /** URLs the site kept us from: robots.txt, rate limits, bot walls. */
    private final AtomicLong blocked = new AtomicLong();
    private final ConcurrentHashMap<String, UrlNode> nodes = new ConcurrentHashMap<>();
    private final Frontier<UrlNode> frontier;
    /** Hosts whose robots.txt Crawl-delay has been handed to the frontier. */
    private final Set<String> crawlDelaysSet = ConcurrentHashMap.newKeySet();
    /** URLs queued again after a 429/503, not yet taken again. */
    private final AtomicLong retryWaiting = new AtomicLong();
    private final Admission admission;
    private final Queue<UrlNode> completed = new ConcurrentLinkedQueue<>();
    private final Queue<BrokenLink> brokenLinks = new ConcurrentLinkedQueue<>();
    private final Set<UrlNode> inlinksChanged = ConcurrentHashMap.newKeySet();
    private final AtomicLong crawled = new AtomicLong();
    private final AtomicLong broken = new AtomicLong();
    /** URLs discovered but never crawled because the crawl was stopped. */
    private final AtomicLong unvisited = new AtomicLong();
    /** URLs skipped by a trap guard (they have a row). */
    private final AtomicLong trapSkips = new AtomicLong();
    private final AtomicInteger liveWorkers = new AtomicInteger();
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<CrawlSummary> completion = new CompletableFuture<>();
    private final ExecutorService workers;
    private volatile boolean stopping;
    private volatile String startFailure;
    private volatile long startNanos;
    private volatile long endNanos;

    /**
     * @param plan what to crawl
     * @param probe the HTTP backend; the job closes it
     * @param listener receives events on worker threads
     */
    public CrawlJob(CrawlPlan plan, HttpProbe probe, CrawlListener listener) {
        this(plan, probe, listener, ROBOTS_RETRY_DELAYS);
    }

    /** With other waits between robots.txt retries (tests use short ones). */
    CrawlJob(CrawlPlan plan, HttpProbe probe, CrawlListener listener,
            List<Duration> robotsRetryDelays) {
        this.plan = plan;
        this.probe = probe;
        this.listener = listener;
        this.robots = new RobotsRules(probe, plan.timeout(), robotsRetryDelays);
        this.redirects = new RedirectChecks(nodes);
        this.admission = new Admission(plan);
        Politeness p = plan.politeness();
        this.frontier = new Frontier<>(n -> n.hostKey, p.maxPerHost(plan.threads()),
                p.delay().toNanos());
        this.workers = Executors.newFixedThreadPool(plan.threads(), NamedThreads.daemon("crawl-worker-"));
    }

    public CrawlPlan plan() {
        return plan;
    }

    /** Starts the workers. May be called once. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a crawl job can be started only once");
        }
        startNanos = System.nanoTime();
        URI start = Urls.withoutFragment(plan.startUrl());
        admission.start(start);
        UrlNode first = new UrlNode(start, 0, "", false, true);
        nodes.put(Urls.key(start), first);
        frontier.add(first);
        liveWorkers.set(plan.threads());
        for (int i = 0; i < plan.threads(); i++) {
            workers.execute(this::workerLoop);
        }
    }

    /** Workers finish their current request, then wait. */
    public void pause() {
        frontier.setPaused(true);
    }

    public void resume() {
        frontier.setPaused(false);
    }

    public boolean isPaused() {
        return frontier.isPaused();
    }

    /** Stops the crawl: nothing more is fetched, requests in flight are abandoned. */
    public void stop() {
        stopping = true;
        unvisited.addAndGet(frontier.stop());
        workers.shutdownNow();
    }

    /** Completes with the summary when the crawl ends (finished or stopped). */
    public CompletableFuture<CrawlSummary> completion() {
        return completion;
    }

    /** The counters now; callable from any thread. */
    public CrawlProgress progress() {
        long end = endNanos;
        long now = end != 0 ? end : System.nanoTime();
        Duration elapsed = startNanos == 0 ? Duration.ZERO : Duration.ofNanos(now - startNanos);
        return new CrawlProgress(
                crawled.get(),
                frontier.queued() + unvisited.get(),
                frontier.inFlight(),
                broken.get(),
                elapsed,
                frontier.isPaused(),
                completion.isDone(),
                admission.countedTotal() + trapSkips.get(),
                blocked.get(),
                stopping ? 0 : retryWaiting.get());
    }

    /** Every finished URL in completion order, with current inlink counts. */
    public List<CrawlResult> results() {
        List<CrawlResult> out = new ArrayList<>(completed.size());
        for (UrlNode n : completed) {
            out.add(n.result().withInlinks(n.inlinks.get()));
        }
        return out;
    }

    /** Every broken link found so far. */
    public List<BrokenLink> brokenLinks() {
        return List.copyOf(brokenLinks);
    }

    /**
     * The URLs whose inlink count rose since the last call, with their counts now. Counts only
     * grow; a URL may appear here before its result was delivered.
     */
    public Map<String, Integer> drainInlinkUpdates() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Iterator<UrlNode> it = inlinksChanged.iterator(); it.hasNext(); ) {
            UrlNode n = it.next();
            it.remove();
            out.put(n.url, n.inlinks.get());
        }
        return out;
    }

    /** Stops if running and waits (bounded) for every worker thread to end. */
    @Override
    public void close() {
        stop();
        try {
            if (!workers.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
                if (!workers.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    log.warn("Crawl workers did not end within {}", CLOSE_WAIT.multipliedBy(2));
                }
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            probe.close();
            if (!started.get()) {
                finish();
            }
        }
    }

    private void workerLoop() {
        try {
            while (true) {
                UrlNode node = frontier.take();
                if (node == null) {
                    return;
                }
                try {
                    if (!stopping) {
                        process(node);
                    }
                } finally {
                    frontier.done(node);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (liveWorkers.decrementAndGet() == 0) {
                finish();
            }
        }
    }

    private void process(UrlNode node) {
        CrawlResult result;
        List<UrlNode.Referral> waiting;
        if (node.awaitingRetry) {
            node.awaitingRetry = false;
            retryWaiting.decrementAndGet();
        }
        try {
            String blockedBy = robotsBlock(node);
            if (blockedBy != null) {
                recordBlocked(node, blockedBy);
                return;
            }
            FetchResponse response = fetch(node);
            if (response.error() == ErrorKind.CANCELLED || stopping) {
                unvisited.incrementAndGet(); // abandoned by stop(): not a result
                return;
            }
            String wall = BotWall.detect(response);
            if (wall != null) {
                recordBlocked(node, blockedResult(node, response, SkipReason.BOT_WALL,
                        String.format(Locale.ROOT, "Bot wall (%s, HTTP %d): the site does not "
                                + "let crawlers in", wall, response.status())));
                return;
            }
            if (response.status() == 429 || response.status() == 503) {
                Duration asked = RetryAfter.parse(response.header("retry-after"), Instant.now());
                boolean beyondCap = asked != null
                        && asked.compareTo(plan.politeness().maxRetryAfter()) > 0;
                if (!beyondCap && retryLater(node, response, asked)) {
                    return; // asked again later; the whole host waits meanwhile
                }
                if (beyondCap || response.status() == 429) {
                    recordBlocked(node, rateLimited(node, response, asked, beyondCap));
                    return;
                }
                // a 503 that never recovered: an ordinary broken result
            }
            result = interpret(node, response);
        } catch (RuntimeException e) {
            log.error("Unexpected failure on {}", node.url, e);
            result = failedResult(node, ErrorKind.IO, "Internal error: " + e);
        }
        waiting = node.complete(result);
        completed.add(node);
        crawled.incrementAndGet();
        if (result.isBroken()) {
            broken.incrementAndGet();
        }
        if (node.startChain && node.depth == 0) {
            noteStartOutcome(result);
        }
        listener.onResult(result);
        if (plan.useSitemaps() && node.startChain && result.redirectTo().isEmpty()
                && !result.isBroken() && sitemapsRead.compareAndSet(false, true)) {
            readSitemaps(node.uri); // this worker; the others keep crawling meanwhile
        }
        if (result.isBroken()) {
            for (UrlNode.Referral r : waiting) {
                reportBroken(r, result);
            }
        }
    }

    /**
     * Why robots.txt forbids fetching this URL, or null (always null for other hosts). The
     * first URL of each host also hands the host's Crawl-delay (capped) to the frontier.
     */
    private String robotsBlock(UrlNode node) {
        if (node.external || !plan.respectRobots()) {
            return null;
        }
        try {
            RobotsRules.HostRules rules = robots.rulesFor(node.uri);
            if (crawlDelaysSet.add(node.hostKey)) {
                long delayMillis = rules.rules().getCrawlDelay();
                long cap = plan.politeness().maxCrawlDelay().toMillis();
                if (delayMillis > 0 && cap > 0) {
                    frontier.setHostGap(node.hostKey,
                            TimeUnit.MILLISECONDS.toNanos(Math.min(delayMillis, cap)));
                }
            }
            return rules.rules().isAllowed(node.uri.toString()) ? null : rules.disallowReason();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null; // stopping: the fetch that follows ends as cancelled
        }
    }

    /**
     * Puts a URL that answered 429/503 back in the frontier, its host paused for the
     * Retry-After (or a doubling backoff), unless it has had all its retries.
     *
     * @return whether it will be asked again
     */
    private boolean retryLater(UrlNode node, FetchResponse r, Duration asked) {
        Politeness p = plan.politeness();
        if (node.retries >= p.maxRetries()) {
            return false;
        }
        node.retries++;
        Duration wait = asked != null
                ? asked
                : p.retryBackoff().multipliedBy(1L << Math.min(node.retries - 1, 20));
        node.awaitingRetry = true;
        retryWaiting.incrementAndGet();
        log.debug("HTTP {} from {}: asking again in {} ms", r.status(), node.url, wait.toMillis());
        frontier.retryLater(node, wait.toNanos());
        return true;
    }

    /** The blocked row of a URL the server keeps rate-limiting. */
    private CrawlResult rateLimited(UrlNode node, FetchResponse r, Duration asked,
            boolean beyondCap) {
        String why = beyondCap
                ? String.format(Locale.ROOT, "Rate limited: HTTP %d asking to wait %s, more "
                        + "than the %s cap", r.status(), seconds(asked),
                        seconds(plan.politeness().maxRetryAfter()))
                : String.format(Locale.ROOT, "Rate limited: still HTTP %d after %d %s",
                        r.status(), node.retries, node.retries == 1 ? "retry" : "retries");
        return blockedResult(node, r, SkipReason.RATE_LIMITED, why);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%,d s", d.toSeconds());
    }

    /** A row for a response that says the site keeps crawlers out. */
    private CrawlResult blockedResult(UrlNode node, FetchResponse r, SkipReason why,
            String message) {
        return new CrawlResult(node.url, r.status(), null, message,
                ContentTypes.mediaType(r.contentType()), r.sizeBytes(), r.elapsedMillis(), "",
                node.depth, node.inlinks.get(), 0, node.referrer, "", node.external, r.truncated(),
                PageInfo.NONE, why);
    }

    private void recordBlocked(UrlNode node, String reason) {
        recordBlocked(node, new CrawlResult(node.url, 0, null, reason, "", 0, 0, "", node.depth,
                node.inlinks.get(), 0, node.referrer, "", false, false, PageInfo.NONE,
                SkipReason.ROBOTS));
    }

    /** Records a URL the site kept us from (robots.txt, rate limit, bot wall): not broken. */
    private void recordBlocked(UrlNode node, CrawlResult row) {
        node.complete(row);
        completed.add(node);
        blocked.incrementAndGet();
        if (node.startChain && node.depth == 0) {
            startFailure = row.skipped() == SkipReason.ROBOTS
                    ? "The start URL " + node.url + " is disallowed for crawlers: "
                            + row.errorMessage() + ". Use --ignore-robots (or untick Obey "
                            + "robots.txt in the Crawl tab's Settings) to crawl it anyway."
                    : "The start URL " + node.url + " could not be crawled. "
                            + row.errorMessage() + ".";
        }
        listener.onResult(row);
    }

    private FetchResponse fetch(UrlNode node) {
        if (!node.external) {
            return probe.fetch(
                    new FetchRequest(node.uri, "GET", plan.timeout(), plan.maxBodyBytes(),
                            FetchRequest.BodyPolicy.HTML));
        }
        FetchResponse head =
                probe.fetch(new FetchRequest(node.uri, "HEAD", plan.timeout(), 0,
                        FetchRequest.BodyPolicy.NEVER));
        boolean retry =
                head.error() == ErrorKind.RESET
                        || head.error() == ErrorKind.IO
                        || head.status() == 405
                        || head.status() == 403
                        || head.status() == 501;
        if (!retry || stopping) {
            return head;
        }
        // the body is kept only where it can tell a bot wall from a broken link
        return probe.fetch(
                new FetchRequest(node.uri, "GET", plan.timeout(), plan.maxBodyBytes(),
                        (status, type) -> BotWall.mayBeChallenge(status)
                                && ContentTypes.isHtml(type)));
    }

    private CrawlResult interpret(UrlNode node, FetchResponse r) {
        if (!r.hasResponse()) {
            return failedResult(node, r.error(), r.errorMessage());
        }
        String redirectTo = "";
        String title = "";
        int outlinks = 0;
        PageInfo info = PageInfo.NONE;
        if (!r.robotsTag().isEmpty()) {
            info = info.withRobotsHeader(r.robotsTag());
        }
        ErrorKind redirectError = null;
        String redirectProblem = "";
        if (r.isRedirect()) {
            RedirectChecks.Redirect redirect = followRedirect(node, r.location(), "redirect");
            redirectTo = redirect.target();
            redirectError = redirect.error();
            redirectProblem = redirect.problem();
        } else if (!node.external
                && r.body() != null
                && r.status() < 300
                && ContentTypes.isHtml(r.contentType())) {
            LinkExtractor.Page page =
                    extractor.extract(r.body(), ContentTypes.charset(r.contentType()), node.uri);
            title = page.title();
            info = page.info().withRobotsHeader(r.robotsTag());
            outlinks = page.links().size();
            // a nofollow page (meta robots or X-Robots-Tag) is read but its links are not
            // followed, unless the plan says otherwise
            if (plan.followNofollow() || !info.nofollow()) {
                for (LinkExtractor.Link link : page.links()) {
                    addLink(node, link.uri(), link.key(), link.anchorText(), link.type(), false);
                }
                for (LinkExtractor.InvalidLink bad : page.invalid()) {
                    recordBroken(new BrokenLink(node.url, bad.href(), 0, ErrorKind.INVALID_URL,
                            bad.reason(), bad.anchorText(), bad.type()));
                }
            }
            if (page.refresh() != null) {
                // a meta refresh is the page's redirect (as browsers treat it)
                RedirectChecks.Redirect refresh = followRedirect(node, page.refresh().uri().toString(),
                        "meta-refresh");
                redirectTo = refresh.target();
                redirectError = refresh.error();
                redirectProblem = refresh.problem();
            }
        }
        return new CrawlResult(
                node.url,
                r.status(),
                redirectError,
                redirectProblem,
                ContentTypes.mediaType(r.contentType()),
                r.sizeBytes(),
                r.elapsedMillis(),
                title,
                node.depth,
                node.inlinks.get(),
                outlinks,
                node.referrer,
                redirectTo,
                node.external,
                r.truncated(),
                info,
                null);
    }

    private RedirectChecks.Redirect followRedirect(UrlNode node, String location, String type) {
        URI target;
        try {
            target = Urls.resolve(node.uri, location);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return new RedirectChecks.Redirect(location, ErrorKind.INVALID_URL,
                    "Redirects to \"" + location + "\", which is not a valid URL");
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || target.getHost() == null) {
            return new RedirectChecks.Redirect(target.toString(), ErrorKind.INVALID_URL,
                    "Redirects to " + target + ", which is not an http(s) URL; not followed");
        }
        if (node.startChain && !node.external) {
            admission.widenTo(target); // the site lives where its start URL redirects
        }
        addLink(node, target, Urls.key(target), "", type, true);
        return redirects.check(node, target);
    }

    private void addLink(UrlNode from, URI uri, String key, String anchor, String type,
            boolean redirect) {
        boolean external = !admission.inScope(uri);
        boolean chain = redirect && from.startChain && !external;
        int depth = chain ? from.depth : from.depth + 1;
        UrlNode target = nodes.get(key);
        boolean counted = false;
        if (target == null) {
            if (external && !plan.checkExternal()) {
                return;
            }
            SkipReason why = admission.check(uri, key, external, depth);
            if (why != null) {
                counted = skip(from, uri, key, depth, external, why);
                target = nodes.get(key); // a trap row, or null when only counted
                if (target == null) {
                    return;
                }
            } else {
                UrlNode created = new UrlNode(uri, depth, from.url, external, chain);
                // count this link before any worker can take the URL, so its result shows it
                created.inlinks.incrementAndGet();
                target = nodes.putIfAbsent(key, created);
                if (target == null) {
                    target = created;
                    counted = true;
                    admission.reached(key); // reached another way after all
                    frontier.add(created);
                } else if (!external) {
                    admission.release();
                }
            }
        }
        if (!counted) {
            target.inlinks.incrementAndGet();
        }
        inlinksChanged.add(target);
        UrlNode.Referral referral = new UrlNode.Referral(from.url, anchor, type);
        CrawlResult known = target.refer(referral);
        if (known != null && known.isBroken()) {
            reportBroken(referral, known);
        }
    }

    /**
     * Records a skipped URL: trap guards get a row (once per URL) so the user sees what was left
     * out and why; limits the user set are only counted.
     *
     * @return whether the linking page was counted as the row's inlink
     */
    private boolean skip(UrlNode from, URI uri, String key, int depth, boolean external,
            SkipReason why) {
        if (!why.reportAsRow()) {
            admission.count(key, why);
            return false;
        }
        UrlNode node = new UrlNode(uri, depth, from.url, external, false);
        node.inlinks.incrementAndGet(); // the link that found it
        if (nodes.putIfAbsent(key, node) != null) {
            return false;
        }
        CrawlResult row = new CrawlResult(node.url, 0, null, why.label(), "", 0, 0, "", depth,
                1, 0, from.url, "", external, false, PageInfo.NONE, why);
        node.complete(row);
        completed.add(node);
        trapSkips.incrementAndGet();
        listener.onResult(row);
        return true;
    }

    /** Queues the site URLs its sitemaps list (no inlink: a sitemap is not a page). */
    private void readSitemaps(URI site) {
        List<String> maps = new ArrayList<>();
        try {
            maps.addAll(robots.rulesFor(site).rules().getSitemaps());
            if (maps.isEmpty()) {
                maps.add(SitemapReader.defaultFor(site));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (java.net.MalformedURLException e) {
            return;
        }
        List<URI> listed = new SitemapReader(probe, plan.timeout())
                .read(maps, Math.min(plan.maxPages(), 1_000_000));
        for (URI uri : listed) {
            if (stopping || !admission.inScope(uri)) {
                continue; // a sitemap lists its own site; others are not ours to crawl
            }
            String key = Urls.key(uri);
            sitemapKeys.add(key);
            if (nodes.containsKey(key)) {
                continue;
            }
            SkipReason why = admission.check(uri, key, false, 1);
            if (why != null) {
                admission.count(key, why);
                continue;
            }
            UrlNode created = new UrlNode(uri, 1, "(sitemap)", false, false);
            if (nodes.putIfAbsent(key, created) == null) {
                frontier.add(created);
            } else {
                admission.release();
            }
        }
    }

    /**
     * Sitemap URLs no crawled page links to (the start URL aside); none for a stopped crawl,
     * whose uncrawled pages may link to them.
     */
    private List<String> orphans() {
        List<String> out = new ArrayList<>();
        if (stopping) {
            return out; // pages never crawled might link to them: no false orphans
        }
        for (String key : sitemapKeys) {
            UrlNode n = nodes.get(key);
            if (n != null && !n.startChain && n.inlinks.get() == 0) {
                out.add(n.url);
            }
        }
        out.sort(null);
        return out;
    }

    private void reportBroken(UrlNode.Referral from, CrawlResult target) {
        recordBroken(new BrokenLink(from.sourceUrl(), target.url(), target.status(),
                target.error(), target.errorMessage(), from.anchorText(), from.linkType()));
    }

    private void recordBroken(BrokenLink link) {
        brokenLinks.add(link);
        listener.onBrokenLink(link);
    }

    private void noteStartOutcome(CrawlResult r) {
        if (r.error() != null) {
            startFailure = String.format(Locale.ROOT, "Could not fetch %s: %s.", r.url(),
                    lowerFirst(r.errorMessage().isEmpty() ? r.error().label() : r.errorMessage()));
        } else if (r.status() >= 400) {
            startFailure = String.format(Locale.ROOT, "The start URL %s answered HTTP %d.",
                    r.url(), r.status());
        }
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private CrawlResult failedResult(UrlNode node, ErrorKind kind, String message) {
        return new CrawlResult(node.url, 0, kind, message, "", 0, 0, "", node.depth,
                node.inlinks.get(), 0, node.referrer, "", node.external, false, PageInfo.NONE,
                null);
    }

    private void finish() {
        if (completion.isDone()) {
            return;
        }
        workers.shutdown(); // idle workers end now; close() is only needed to stop early
        endNanos = System.nanoTime();
        long start = startNanos == 0 ? endNanos : startNanos;
        CrawlSummary summary = new CrawlSummary(
                stopping,
                crawled.get(),
                broken.get(),
                brokenLinks.size(),
                Duration.ofNanos(endNanos - start),
                startFailure,
                skippedByReason(),
                sitemapKeys.size(),
                orphans());
        if (completion.complete(summary)) {
            listener.onFinished(summary);
        }
    }

    private Map<SkipReason, Long> skippedByReason() {
        Map<SkipReason, Long> out = admission.countedByReason();
        for (UrlNode n : completed) {
            CrawlResult r = n.result();
            if (r.skipped() != null) {
                out.merge(r.skipped(), 1L, Long::sum);
            }
        }
        return out;
    }
}
