package io.webprobe.crawl;

import java.time.Duration;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What a crawl that stopped (or whose process died) had done, read back from its crawl file so
 * that {@link CrawlJob} can continue it: URLs already finished are not fetched again, queued
 * ones (and those in flight when it stopped) are.
 */
public interface ResumeState {

    /** A URL the crawl knows: its id, dedup key, whether it took a page of the budget. */
    @FunctionalInterface
    interface KnownUrlConsumer {
        void accept(long id, String key, boolean external, boolean countsAsPage);
    }

    /**
     * A URL still to fetch.
     *
     * @param referrer the URL of the page that first linked here, or ""
     * @param redirectHops redirects that led here without a page in between, by the shortest
     *     way the file shows (0 when a page links here)
     * @param revisit fetched already, and queued to be asked again after a cookie was set
     */
    record QueuedUrl(long id, String url, int depth, long referrerId, String referrer,
            boolean external, boolean startChain, int redirectHops, boolean revisit,
            boolean brokenBefore) {

        /** A URL not fetched yet that a page (or the user, or a sitemap) led to. */
        public QueuedUrl(long id, String url, int depth, long referrerId, String referrer,
                boolean external, boolean startChain) {
            this(id, url, depth, referrerId, referrer, external, startChain, 0, false, false);
        }
    }

    /** A URL that is still to be fetched, in discovery order. */
    @FunctionalInterface
    interface QueuedUrlConsumer {
        void accept(QueuedUrl url) throws InterruptedException;
    }

    /**
     * The counters of the URLs already finished.
     *
     * @param crawled fetched URLs (not blocked, not skipped)
     * @param broken broken URLs among them
     * @param blocked URLs the site kept us from
     * @param skippedRows URLs skipped by a trap guard (they have a row)
     */
    record Counts(long crawled, long broken, long blocked, long skippedRows) {}

    /** The highest URL id used so far. */
    long lastId();

    /** The crawl's running time before this resume. */
    Duration elapsedBefore();

    /** Host[:port] of the site: the start host and where its own redirects led. */
    Set<String> siteHosts();

    /**
     * The last URL of the start URL's own redirect chain, where the crawl settled on its site
     * (the start URL itself when it did not redirect), or "" when the file holds none.
     */
    String startChainEnd();

    /** Whether the sitemaps were already read. */
    boolean sitemapsRead();

    /**
     * Whether the crawl had finished and nothing is left to fetch: continuing it changes
     * nothing in the file (its times stay those of the run that finished it). A finished crawl
     * that a re-check found new URLs for since is not: it continues with them, as a stopped one
     * would.
     */
    default boolean finished() {
        return false;
    }

    /**
     * How many URLs a resume fetches (those not fetched yet, and those to be asked again):
     * {@link #forEachQueued} hands them over. The file's figure when first asked, which
     * {@link #finished()} uses too: asked again, it is not counted again.
     */
    long toFetch();

    /** The crawl's counts: the file's figures when first asked, as {@link #toFetch()}'s. */
    Counts counts();

    /** Every URL the crawl knows, finished or not. */
    void forEachKnown(KnownUrlConsumer consumer);

    /** Every URL not finished (and every one to ask again), in discovery order. */
    void forEachQueued(QueuedUrlConsumer consumer) throws InterruptedException;

    /** The URLs left out by a limit (counted, no row), by dedup key. */
    void forEachCounted(BiConsumer<String, SkipReason> consumer);
}
