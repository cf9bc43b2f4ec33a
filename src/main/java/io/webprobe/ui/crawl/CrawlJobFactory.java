package io.webprobe.ui.crawl;

import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlListener;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.Recheck;
import io.webprobe.crawl.ResumeState;
import io.webprobe.crawl.SiteHeaders;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.NewCrawlFile;
import io.webprobe.store.StoreException;
import java.time.Clock;

/**
 * Makes crawl files, crawl jobs and re-checks; the app wires the real crawls folder and HTTP
 * backend in, tests may wire others.
 */
public interface CrawlJobFactory {
    /**
     * A new crawl file for a crawl of this plan: in the crawls folder, or, when that cannot
     * take it, a temporary one with the sentence saying it is not kept.
     */
    NewCrawlFile newStore(CrawlPlan plan) throws StoreException;

    /**
     * A job writing to the store.
     *
     * @param resume where a stopped crawl stood, or null for a new crawl
     * @param signIn what the site's own URLs are sent besides (a sign-in the crawl file does
     *     not keep)
     * @param threads the worker threads it runs with: the plan's for a new crawl; for a
     *     resumed one those the Threads setting shows, which may differ from the file's (how
     *     fast it crawls, not what)
     */
    CrawlJob job(CrawlStore store, ResumeState resume, CrawlListener listener,
            SiteHeaders signIn, int threads) throws StoreException;

    /**
     * Fetches URLs of the store's crawl again, writing through its sink.
     *
     * @param signIn what the site's own URLs are sent besides
     */
    Recheck recheck(CrawlStore store, Clock clock, SiteHeaders signIn) throws StoreException;

    /**
     * What the plan's start URL answers now with this sign-in (an HTTP status, 0 when it does
     * not answer), asked before a crawl is resumed: a 401 asks the user for a sign-in first.
     * Blocks; called on a background thread.
     */
    default int startStatus(CrawlPlan plan, SiteHeaders signIn) {
        return SignInCheck.startStatus(plan, signIn);
    }
}
