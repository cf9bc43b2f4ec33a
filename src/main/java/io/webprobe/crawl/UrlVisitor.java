package io.webprobe.crawl;

import io.webprobe.http.FetchResponse;
import io.webprobe.http.Urls;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happened to one URL taken from the frontier: the private-address and robots.txt
 * gates, the request, what its answer means (a page, a block, a retry later, nothing when
 * stopped) and, after the site's first page, its sitemaps. One instance per crawl, called by
 * every worker at once; thread-safe.
 */
final class UrlVisitor {
    private static final Logger log = LoggerFactory.getLogger(UrlVisitor.class);

    private final CrawlPlan plan;
    private final RobotsGate robotsGate;
    private final Fetcher fetcher;
    private final ResponseClassifier classifier;
    private final VisitMaker visits;
    private final SitemapSeeder sitemaps;
    private final Frontier<QueueItem> frontier;
    private final CrawlTally tally;
    private final CrawlSink sink;
    private final BooleanSupplier stopping;
    /** Where a page of thousands of links hands them over as they are read. */
    private final VisitMaker.Parts parts;
    /** Decided at start (it resolves the start host). */
    private volatile AddressGuard guard = AddressGuard.OFF;
    private final AtomicBoolean sitemapsRead = new AtomicBoolean();
    /** What the crawl could not read but went on without. */
    private final List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();

    UrlVisitor(CrawlPlan plan, RobotsGate robotsGate, Fetcher fetcher,
            ResponseClassifier classifier, VisitMaker visits, SitemapSeeder sitemaps,
            Frontier<QueueItem> frontier, CrawlTally tally, CrawlSink sink,
            BooleanSupplier stopping, VisitMaker.Parts parts) {
        this.parts = parts;
        this.plan = plan;
        this.robotsGate = robotsGate;
        this.fetcher = fetcher;
        this.classifier = classifier;
        this.visits = visits;
        this.sitemaps = sitemaps;
        this.frontier = frontier;
        this.tally = tally;
        this.sink = sink;
        this.stopping = stopping;
    }

    /** The private-address guard for the crawl's start host (set once, before any visit). */
    void guard(AddressGuard g) {
        guard = g;
    }

    /** A resumed crawl whose file says its sitemaps were read (or that does not read them). */
    void sitemapsAlreadyRead(boolean read) {
        sitemapsRead.set(read);
    }

    /** What the crawl could not read but went on without, in the order met. */
    List<String> warnings() {
        return warnings;
    }

    /** What happened to one URL, or null when there is nothing to record (yet). */
    VisitMaker.Made visit(QueueItem item) throws InterruptedException {
        // the URLs the user gave (and their own redirects) are requested as asked
        String privateAddress = item.startChain && item.depth == 0 ? null
                : guard.blockReason(Urls.host(item.uri()));
        if (privateAddress != null) {
            frontier.sentNothing(item); // the next URL of its host need not wait for it
            return visits.blocked(item, null, SkipReason.PRIVATE_ADDRESS, privateAddress);
        }
        String robotsBlock = robotsGate.blockReason(item);
        if (robotsBlock != null) {
            frontier.sentNothing(item);
            return visits.blocked(item, null, SkipReason.ROBOTS, robotsBlock);
        }
        FetchResponse response = fetcher.fetch(item.uri(), item.target(), item.external);
        try {
            return made(item, response);
        } finally {
            response.release(); // a large page's temporary file
        }
    }

    /** What the answer to an item's request means. */
    private VisitMaker.Made made(QueueItem item, FetchResponse response)
            throws InterruptedException {
        ResponseClassifier.Verdict verdict =
                classifier.classify(response, item.retries, item.retriedAfterDrop,
                        stopping.getAsBoolean());
        return switch (verdict) {
            case ResponseClassifier.Cancelled c -> {
                tally.unvisited(); // abandoned by stop(): not a result
                yield null;
            }
            case ResponseClassifier.RetryLater later -> {
                item.retries++; // the row counts every retry, the one after a drop too
                item.retriedAfterDrop |= later.afterDrop();
                item.retriedStatus = response.status();
                item.awaitingRetry = true;
                tally.retryQueued();
                log.debug("HTTP {} from {}: asking again in {} ms", response.status(), item.url,
                        later.delay().toMillis());
                if (!frontier.retryLater(item, later.delay().toNanos())) {
                    tally.unvisited(); // stopped since it was classified: not a result
                }
                yield null; // the whole host waits meanwhile
            }
            case ResponseClassifier.Blocked b ->
                    visits.blocked(item, response, b.why(), b.message());
            case ResponseClassifier.Answered a -> {
                // its links are taken on once every shallower page has taken on its own: a URL
                // gets the depth of the shortest way to it, as Screaming Frog counts clicks
                frontier.awaitShallower(item);
                VisitMaker.Made made = visits.answered(item, response, parts);
                readSitemapsAfter(item, made.visit().result(), made);
                yield made;
            }
        };
    }

    /**
     * With sitemaps on, the worker that finishes the site's first page reads them (the other
     * workers keep crawling); their URLs join what the page found.
     */
    private void readSitemapsAfter(QueueItem item, CrawlResult result, VisitMaker.Made made)
            throws InterruptedException {
        if (plan.useSitemaps() && item.startChain && result.redirectTo().isEmpty()
                && !result.isBroken() && sitemapsRead.compareAndSet(false, true)) {
            List<QueueItem> listed = sitemaps.seed(item.uri());
            made.toQueue().addAll(listed);
            if (stopping.getAsBoolean()) {
                // stopped while they were read, some perhaps not: the file does not say they
                // were (a resume reads them), nor blames the site for the requests cut short
                return;
            }
            for (String problem : sitemaps.problems()) {
                warnings.add(problem);
                sink.warning(problem);
            }
            sink.sitemapsRead();
        }
    }
}
