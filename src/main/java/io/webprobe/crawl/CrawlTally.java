package io.webprobe.crawl;

import io.webprobe.http.ErrorKind;
import io.webprobe.http.UrlSyntax;
import java.util.Locale;
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

    /** Counts the row a worker wrote for {@code item}. */
    void counted(QueueItem item, CrawlResult result) {
        if (result.skipped() != null && !result.skipped().isBlock()) {
            excludedLater.incrementAndGet(); // left out while the crawl ran: not crawled
            return;
        }
        boolean start = item.startChain && item.depth == 0 && !listMode;
        if (result.skipped() != null) {
            blocked.incrementAndGet();
            if (start) {
                startFailure = result.skipped() == SkipReason.ROBOTS
                        ? theStartUrl(item.url) + " is disallowed for crawlers "
                                + robotsWhy(result.errorMessage()) + "; --ignore-robots (in the "
                                + "app: untick Obey robots.txt) crawls it anyway."
                        : theStartUrl(item.url) + " could not be crawled: "
                                + lowerFirst(result.errorMessage()) + ".";
            }
            return;
        }
        if (!item.revisit) {
            crawled.incrementAndGet(); // a revisit replaces the row counted before
        }
        if (result.isBroken()) {
            broken.incrementAndGet();
        }
        if (start) {
            noteStartOutcome(result);
        }
    }

    /** "because robots.txt disallows it", or the reason robots.txt could not be read. */
    private static String robotsWhy(String message) {
        if (message == null || message.isBlank() || message.equals("Blocked by robots.txt")) {
            return "because robots.txt disallows it";
        }
        return "because " + lowerFirst(message.replace(", so the site is treated as disallowed",
                ""));
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
            String why = lowerFirst(r.errorMessage().isEmpty() ? r.error().label()
                    : r.errorMessage());
            startFailure = redirected(r.url())
                    ? theStartUrl(r.url()) + " could not be fetched: " + why + "."
                    : String.format(Locale.ROOT, "Could not fetch %s: %s.", shownStart(r.url()),
                            why);
        } else if (r.status() >= 400) {
            startFailure = String.format(Locale.ROOT, "%s answered HTTP %d.",
                    theStartUrl(r.url()), r.status());
        }
    }

    /**
     * "The start URL X" when {@code url} is the start URL; when it is where the start URL's
     * redirects led, "The start URL X redirects to Y, which": the sentence names the URL the
     * user gave, and where it ended.
     */
    private String theStartUrl(String url) {
        return redirected(url)
                ? "The start URL " + shownStart(start) + " redirects to " + shownStart(url)
                        + ", which"
                : "The start URL " + shownStart(url);
    }

    /** Whether {@code url} is not the start URL itself but one its redirects led to. */
    private boolean redirected(String url) {
        return start != null && !start.isEmpty() && !start.equals(url);
    }

    /** The start URL as the user typed it (a stray "%" as it is, not "%25"), shortened. */
    private static String shownStart(String url) {
        return shortened(io.webprobe.http.UrlSyntax.asBrowserShows(url));
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

    /** The start URL's error class when it could not be fetched, or null. */
    ErrorKind startError() {
        return startError;
    }

    private static String shortened(String url) {
        return UrlSyntax.shortened(url);
    }

    /** "Connection refused" as "connection refused"; an acronym ("DNS lookup failed") kept. */
    static String lowerFirst(String s) {
        if (s.isEmpty() || s.length() > 1 && Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
