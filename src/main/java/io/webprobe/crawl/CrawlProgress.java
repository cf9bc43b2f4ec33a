package io.webprobe.crawl;

import java.time.Duration;

/**
 * A consistent-enough snapshot of a running crawl's counters, cheap to take at any time from
 * any thread.
 *
 * @param crawled URLs finished
 * @param queued URLs waiting (after a stop: discovered but not crawled)
 * @param inFlight URLs being fetched now
 * @param broken broken URLs so far: broken in themselves while the crawl runs; once it has
 *     ended, also the redirects that fail in themselves (a loop, too many), as the workspace's
 *     Broken filter counts them
 * @param elapsed time since start, pauses included
 * @param paused whether the crawl is paused
 * @param finished whether the crawl has ended
 * @param skipped URLs listed as skipped (a row each, as the workspace's Skipped filter shows
 *     them): caught by a trap guard, or queued when an exclude pattern was added while the
 *     crawl ran. URLs a limit of the plan left out (depth, page limit, include/exclude
 *     patterns) get no row and are not counted here; {@link CrawlSummary#skipped()} has them
 * @param blocked URLs the site kept us from: robots.txt, rate limits, bot walls (neither
 *     crawled nor broken)
 * @param retrying URLs that answered 429/503 and wait to be asked again (counted in queued)
 */
public record CrawlProgress(
        long crawled,
        long queued,
        long inFlight,
        long broken,
        Duration elapsed,
        boolean paused,
        boolean finished,
        long skipped,
        long blocked,
        long retrying) {

    /** Everything discovered so far: finished, waiting and in flight. */
    public long discovered() {
        return crawled + queued + inFlight;
    }
}
