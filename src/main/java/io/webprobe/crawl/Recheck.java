package io.webprobe.crawl;

import io.webprobe.http.FetchResponse;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.Urls;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Fetches URLs of a stored crawl again on request ("Re-check"): each gets a new result in its
 * row (status, type, size, time, title, page details, redirect target), while its links and
 * inlinks stay as they were. Asks the way the crawl asked (GET for the site's pages, HEAD then
 * GET for other hosts), obeys robots.txt when the crawl did, and does not retry a 429 or 503
 * (the new answer is what the user wants to see). Thread-safe; owns the probe it is given.
 */
public final class Recheck implements AutoCloseable {

    /**
     * A stored URL to check again.
     *
     * @param id its id in the crawl file
     * @param url the URL
     * @param depth its depth (kept)
     * @param referrer the page that first linked to it (kept)
     * @param external whether it is outside the site (checked, not crawled)
     */
    public record Target(long id, String url, int depth, String referrer, boolean external) {}

    private final CrawlPlan plan;
    private final HttpProbe probe;
    private final CrawlSink sink;
    private final Fetcher fetcher;
    /** The same for the site's own URLs: with the plan's sign-in. */
    private final Fetcher siteFetcher;
    private final ResponseClassifier classifier;
    private final RobotsGate robots;
    private final VisitMaker rows;

    /**
     * @param plan the stored crawl's plan
     * @param probe the HTTP backend; closed with this
     * @param sink the crawl file's sink
     */
    public Recheck(CrawlPlan plan, HttpProbe probe, CrawlSink sink, Clock clock) {
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
    }

    /**
     * Fetches the URL again, stores and returns its new row.
     *
     * @throws InterruptedException when interrupted while fetching or storing
     */
    public CrawlResult run(Target t) throws InterruptedException {
        URI uri = Urls.toUri(t.url());
        QueueItem item = new QueueItem(t.id(), t.url(), QueueItem.hostKeyOf(uri), t.depth(), 0,
                t.referrer(), t.external(), false, 0);
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

    /** The timeout of one re-check (for callers that wait on it). */
    public Duration timeout() {
        return plan.timeout().multipliedBy(3);
    }

    @Override
    public void close() {
        probe.close();
    }
}
