package io.webprobe.crawl;

import io.webprobe.http.ErrorKind;
import io.webprobe.http.FetchResponse;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.Urls;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches URLs of a stored crawl again on request ("Re-check"): each gets a new result in its
 * row (status, type, size, time, title, page details, redirect target). A URL of the site is
 * read as the crawl reads it: its links become the ones it has now (a page that was broken
 * and now answers gets its links, the URLs the crawl did not know among them stored and
 * queued, so a resume fetches them; within the crawl's scope and limits, as the crawl takes
 * links on). Its inlinks stay, and so do the links of a URL re-checked while a crawl runs on
 * the file (only that crawl may number new URLs then) or of a URL of another host (the crawl
 * reads none of its links). Asks the way the crawl asked (GET for the site's pages, HEAD then
 * GET for other hosts), obeys robots.txt when the crawl did, and does not retry a 429 or 503
 * (the new answer is what the user wants to see). Thread-safe; owns the probe it is given.
 */
public final class Recheck implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Recheck.class);

    /**
     * A stored URL to check again.
     *
     * @param id its id in the crawl file
     * @param url the URL
     * @param depth its depth (kept)
     * @param referrer the page that first linked to it (kept)
     * @param external whether it is outside the site (checked, not crawled)
     * @param redirectHops how many redirects led to it without a page in between, as its crawl
     *     file counts them: kept, as its depth is, so a URL the crawl reached through
     *     {@link HttpProbe#MAX_REDIRECTS} and did not follow the redirect of (its stored row
     *     reads {@link ErrorKind#TOO_MANY_REDIRECTS}) keeps that verdict when it still
     *     redirects, instead of storing a plain redirect; one a file made when the limit was 10
     *     stopped at (10 led there) has its redirect followed now, as a resume of it does
     */
    public record Target(long id, String url, int depth, String referrer, boolean external,
            int redirectHops) {
        public Target(long id, String url, int depth, String referrer, boolean external) {
            this(id, url, depth, referrer, external, 0);
        }

        /**
         * The target of a stored row, as the crawl left it.
         *
         * @param redirectsInto how many redirects led to it, as its crawl file counts them
         *     ({@code CrawlReader.redirectsInto}); asked only of a row that reads
         *     {@link ErrorKind#TOO_MANY_REDIRECTS} ({@link #asksRedirects}), else ignored
         */
        public static Target of(long id, CrawlResult stored, int redirectsInto) {
            return new Target(id, stored.url(), stored.depth(), stored.referrer(),
                    stored.external(), asksRedirects(stored) ? redirectsInto : 0);
        }

        /**
         * Whether how many redirects led to a stored row matters to its re-check: its
         * crawl did not follow its redirect, as too many (its count of them, not today's
         * limit, says how many led there: "More than 20 redirects: 20 led here" of a URL a
         * crawl made with 10 stopped at was false twice).
         */
        public static boolean asksRedirects(CrawlResult stored) {
            return stored.error() == ErrorKind.TOO_MANY_REDIRECTS;
        }
    }

    private final CrawlPlan plan;
    private final HttpProbe probe;
    private final CrawlSink sink;
    private final Fetcher fetcher;
    /** The same for the site's own URLs: with the plan's sign-in. */
    private final Fetcher siteFetcher;
    private final ResponseClassifier classifier;
    private final RobotsGate robots;
    private final VisitMaker rows;
    /** The stored crawl's URLs (read once, when a page's links are first needed). */
    private final Callable<ResumeState> stored;
    /** Pages read with the crawl's URLs and scope; made on first need. */
    private VisitMaker pages;
    /** URLs the crawl did not know that the pages re-checked link to, stored queued. */
    private final java.util.concurrent.atomic.AtomicLong found =
            new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param plan the stored crawl's plan
     * @param probe the HTTP backend; closed with this
     * @param sink the crawl file's sink
     * @param stored what the crawl file holds (its URLs, its site's hosts, its counts), as a
     *     resume reads it: read once, the first time a page's links are taken on
     */
    public Recheck(CrawlPlan plan, HttpProbe probe, CrawlSink sink, Clock clock,
            Callable<ResumeState> stored) {
        this.plan = plan;
        this.probe = probe;
        this.sink = sink;
        this.fetcher = new Fetcher(probe, plan.timeout(), plan.maxBodyBytes(), () -> false);
        // a re-check fetches one URL, no redirect: its own row says whether it is the site's,
        // and the sign-in's own rule whether the sign-in goes with it
        HttpProbe signed = SiteHeadersProbe.wrap(probe, plan.siteHeaders(),
                SignInScope.of(plan, uri -> true));
        this.siteFetcher = new Fetcher(signed, plan.timeout(), plan.maxBodyBytes(), () -> false);
        this.classifier = new ResponseClassifier(plan.politeness().withMaxRetries(0), clock);
        this.robots = new RobotsGate(new RobotsRules(signed, plan.timeout(), List.of()),
                plan.respectRobots(), 0, (host, nanos) -> { });
        this.rows = new VisitMaker(plan, null, ParseBudget.forHeap());
        this.stored = stored;
    }

    /**
     * Fetches the URL again, stores and returns its new row.
     *
     * @throws InterruptedException when interrupted while fetching or storing
     */
    public CrawlResult run(Target t) throws InterruptedException {
        URI uri = Urls.toUri(t.url());
        QueueItem item = new QueueItem(t.id(), t.url(), QueueItem.hostKeyOf(uri), t.depth(), 0,
                t.referrer(), t.external(), false,
                t.redirectHops());
        String blocked = robots.blockReason(item);
        CrawlResult result;
        FetchResponse r = null;
        if (blocked != null) {
            result = CrawlResult.builder(t.url()).depth(t.depth()).referrer(t.referrer())
                    .external(t.external()).skipped(SkipReason.ROBOTS).message(blocked).build();
        } else {
            r = (t.external() ? fetcher : siteFetcher).fetch(uri, item.target(), t.external());
            try {
                ResponseClassifier.Verdict v = classifier.classify(r, 0, false, false);
                if (v instanceof ResponseClassifier.Blocked b) {
                    result = rows.blocked(item, r, b.why(), b.message()).visit().result();
                } else {
                    VisitMaker site = t.external() || sink.crawling() ? null : pages();
                    if (site != null) {
                        // as the crawl reads a page: its row and its links now
                        CrawlSink.Visit visit = site.answered(item, r).visit();
                        sink.recheckedPage(visit, redirectKey(visit.result().redirectTo()));
                        found.addAndGet(visit.discovered().stream()
                                .filter(n -> n.row() == null).count());
                        return visit.result();
                    }
                    result = rows.row(item, r);
                }
            } finally {
                r.release();
            }
        }
        sink.rechecked(t.id(), result, r == null ? List.of() : r.headers(),
                redirectKey(result.redirectTo()));
        return result;
    }

    /**
     * Reads pages with the stored crawl's URLs (a link to one of them is a link to it, a new
     * one gets the next id) and its scope and limits; null when the file cannot be read for
     * them, and a URL is then re-checked without its links, as before.
     */
    private synchronized VisitMaker pages() {
        if (pages == null) {
            ResumeState state;
            try {
                state = stored.call();
            } catch (Exception e) {
                log.warn("Re-check: the crawl's URLs could not be read; links left as they were",
                        e);
                return null;
            }
            List<URI> starts = new ArrayList<>();
            for (URI u : plan.isList() ? plan.list() : List.of(plan.startUrl())) {
                starts.add(Urls.withoutFragment(u));
            }
            Admission admission = new Admission(plan);
            admission.restore(starts, state.siteHosts());
            LinkGraph graph = new LinkGraph(plan, admission, sink);
            graph.restore(state, state.counts());
            pages = new VisitMaker(plan, graph, ParseBudget.forHeap());
        }
        return pages;
    }

    private static String redirectKey(String target) {
        if (target.isEmpty()) {
            return "";
        }
        try {
            return Urls.key(Urls.toUri(target));
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /**
     * How many URLs the crawl did not know the pages re-checked so far link to: stored queued,
     * for a resume to fetch (none while a crawl writes the file).
     */
    public long newUrls() {
        return found.get();
    }

    /** The timeout of one re-check (for callers that wait on it). */
    public Duration timeout() {
        return plan.timeout().multipliedBy(3);
    }

    @Override
    public void close() {
        probe.close();
    }
}
