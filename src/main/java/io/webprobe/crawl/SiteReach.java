package io.webprobe.crawl;

import io.webprobe.http.ErrorKind;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether a crawl's site can be reached at all. With the site down (a server not started yet
 * or restarted, a laptop offline, a typo in the host name) every page fetched would fail to
 * connect and be stored as broken, and the crawl end finished with nothing left to resume.
 * So until the site has answered once, a page of the site that could not be connected to is
 * held back (not stored, still to fetch) and the crawl stops, resumable, saying why:
 * <ul>
 *   <li>a fresh crawl at once when its start URL cannot be connected to (it has nothing else
 *       to fetch); its summary names the start URL's failure, as for any start URL that gave
 *       nothing to crawl;</li>
 *   <li>a resumed crawl, which starts from its queue, after {@value #GIVE_UP} such pages.</li>
 * </ul>
 * A list check has no start URL and is not watched. Thread-safe.
 */
final class SiteReach {
    /** Failed connections to the site, none answered, after which a resumed crawl stops. */
    static final int GIVE_UP = 3;
    private static final Set<ErrorKind> NOT_REACHED = Set.of(ErrorKind.DNS, ErrorKind.REFUSED,
            ErrorKind.CONNECT, ErrorKind.CONNECT_TIMEOUT);

    private final boolean resumed;
    private volatile boolean watching;
    private final AtomicInteger failed = new AtomicInteger();
    private volatile String firstProblem;

    private SiteReach(boolean resumed, boolean watching) {
        this.resumed = resumed;
        this.watching = watching;
    }

    /** For a fresh crawl: watches its start URL (and the start's own redirects). */
    static SiteReach fresh(boolean listMode) {
        return new SiteReach(false, !listMode);
    }

    /** For a resumed crawl: watches every page of the site until one answers. */
    static SiteReach resumed() {
        return new SiteReach(true, true);
    }

    /**
     * Notes a page's result; true when it is to be held back (not stored: the site has not
     * answered yet and this page could not be connected to).
     */
    boolean holdBack(QueueItem item, CrawlResult result) {
        if (!watching || item.external || (!resumed && !(item.startChain && item.depth == 0))) {
            return false;
        }
        if (result.error() == null && result.status() == 0) {
            return false; // a row made without a request (excluded, blocked before asking)
        }
        if (result.error() == null || !NOT_REACHED.contains(result.error())) {
            watching = false; // the site answered (or failed otherwise): results count again
            return false;
        }
        if (firstProblem == null) {
            firstProblem = result.errorMessage().isEmpty() ? result.error().label()
                    : result.errorMessage();
        }
        failed.incrementAndGet();
        return true;
    }

    /** Whether enough pages failed to connect, none answering, to stop the crawl. */
    boolean givenUp() {
        return watching && failed.get() >= (resumed ? GIVE_UP : 1);
    }

    /** Whether this watches a resumed crawl (else a fresh crawl's start URL). */
    boolean forResume() {
        return resumed;
    }

    /** The sentence a stopped resumed crawl ends with. */
    String why() {
        return notReached() + ", so the resumed crawl stopped without marking anything broken; "
                + "resume it again once the site answers.";
    }

    /** "The site could not be reached (connection refused)." */
    String unreached() {
        return notReached() + ".";
    }

    private String notReached() {
        String problem = firstProblem == null ? "no answer" : firstProblem;
        return "The site could not be reached (" + CrawlTally.lowerFirst(problem) + ")";
    }
}
