package io.webprobe.crawl;

import io.webprobe.http.ErrorKind;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a running crawl has counted (crawled, broken, blocked, left unvisited, waiting for a
 * retry) and what its start URL's answer said, for the progress line and the summary. Workers
 * count here as they go; any thread may read. Thread-safe.
 */
final class CrawlTally {
    private final boolean listMode;
    private final AtomicLong crawled = new AtomicLong();
    private final AtomicLong broken = new AtomicLong();
    /**
     * The URLs counted in {@link #broken} by this run, by id: a URL asked again once a cookie
     * was set replaces its answer, and its count with it.
     */
    private final java.util.Set<Long> brokenIds =
            java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicLong brokenRedirects = new AtomicLong();
    /** URLs the site kept us from: robots.txt, rate limits, bot walls. */
    private final AtomicLong blocked = new AtomicLong();
    /** URLs discovered but never crawled because the crawl was stopped. */
    private final AtomicLong unvisited = new AtomicLong();
    /** Queued URLs left out by an exclude pattern added while the crawl ran. */
    private final AtomicLong excludedLater = new AtomicLong();
    /** URLs queued again after a 429/503, not yet taken again. */
    private final AtomicLong retryWaiting = new AtomicLong();
    private volatile String startFailure;
    private volatile ErrorKind startError;
    private volatile int startStatus;
    /** What the crawl says of a start URL that answered a status it accepts, or null. */
    private volatile String startNote;

    /** The start URL as the crawl was given it (its first item's URL). */
    private final String start;

    /**
     * @param listMode a list crawl: no single start URL whose failure ends the crawl
     * @param start the start URL as its queue item holds it (without its fragment)
     */
    CrawlTally(boolean listMode, String start) {
        this.listMode = listMode;
        this.start = start;
    }

    /**
     * URLs broken only through their redirects (a loop, too many), which only the whole crawl
     * file shows: known at the end, then counted in {@link #broken()}.
     */
    void brokenRedirects(long n) {
        brokenRedirects.set(n);
    }

    /** Carries on from a resumed crawl's counts. */
    void restore(ResumeState.Counts c) {
        crawled.set(c.crawled());
        broken.set(c.broken());
        blocked.set(c.blocked());
    }

    /**
     * A resumed crawl's URL asked again whose first answer the file counts broken ({@link
     * #restore}'s count holds it): its new answer takes that count back, as in the run that
     * queued it.
     */
    void brokenBefore(long id) {
        brokenIds.add(id);
    }

    /** Counts the row a worker wrote for {@code item}. */
    void counted(QueueItem item, CrawlResult result) {
        if (item.revisit && brokenIds.remove(item.id)) {
            broken.decrementAndGet(); // its new answer replaces the broken one
        }
        if (result.skipped() != null && !result.skipped().isBlock()) {
            excludedLater.incrementAndGet(); // left out while the crawl ran: not crawled
            return;
        }
        boolean start = item.startChain && item.depth == 0 && !listMode;
        if (result.skipped() != null) {
            blocked.incrementAndGet();
            if (start) {
                startFailure = StartFailure.of(this.start, item.url, 0, false, null,
                        result.errorMessage(), result.skipped());
            }
            return;
        }
        if (!item.revisit) {
            crawled.incrementAndGet(); // a revisit replaces the row counted before
        }
        if (result.isBroken()) {
            broken.incrementAndGet();
            brokenIds.add(item.id);
        }
        if (start) {
            noteStartOutcome(result);
        }
    }

    /**
     * The start URL could not be connected to: the crawl stops with it still to fetch (no row,
     * nothing counted), and says why as for any start URL that gave nothing to crawl.
     */
    void startUnreached(CrawlResult result) {
        noteStartOutcome(result);
    }

    private void noteStartOutcome(CrawlResult r) {
        if (r.error() != null) {
            startError = r.error();
        }
        String said = StartFailure.of(start, r.url(), r.status(), r.accepted(), r.error(),
                r.errorMessage(), null);
        if (said != null) {
            startStatus = r.status();
            startFailure = said;
        } else if (r.accepted()) {
            startNote = StartFailure.accepted(start, r.url(), r.status());
        } else if (r.redirectTo().isEmpty() && r.error() == null) {
            startNote = StartFailure.moved(start, r.url()); // where the redirects ended
        }
    }

    /** A URL that will not be crawled in this run (stopped before or while it was fetched). */
    void unvisited() {
        unvisited.incrementAndGet();
    }

    /** URLs left in the queue when the crawl stopped. */
    void unvisited(long n) {
        unvisited.addAndGet(n);
    }

    /** A URL put back to be asked again later (429/503). */
    void retryQueued() {
        retryWaiting.incrementAndGet();
    }

    /** A URL put back for a retry is being asked again. */
    void retryTaken() {
        retryWaiting.decrementAndGet();
    }

    long crawled() {
        return crawled.get();
    }

    long broken() {
        return broken.get() + brokenRedirects.get();
    }

    long blocked() {
        return blocked.get();
    }

    long unvisitedCount() {
        return unvisited.get();
    }

    long excludedLater() {
        return excludedLater.get();
    }

    long retryWaiting() {
        return retryWaiting.get();
    }

    /** Why the start URL gave nothing to crawl, or null. */
    String startFailure() {
        return startFailure;
    }

    /**
     * The sentence for a start URL that answered a status the crawl accepts (not a failure;
     * nothing to follow), or null.
     */
    String startNote() {
        return startNote;
    }

    /** The HTTP status behind {@link #startFailure()}, 0 when none. */
    int startStatus() {
        return startStatus;
    }

    /** The start URL's error class when it could not be fetched, or null. */
    ErrorKind startError() {
        return startError;
    }

    /** "Connection refused" as "connection refused"; an acronym ("DNS lookup failed") kept. */
    static String lowerFirst(String s) {
        if (s.isEmpty() || s.length() > 1 && Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
