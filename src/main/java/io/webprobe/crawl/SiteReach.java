package io.webprobe.crawl;

import io.webprobe.http.ErrorKind;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether a resumed crawl's site can be reached at all. A fresh crawl learns that from its
 * start URL; a resumed one starts from its queue, and with the site down (a server restarted,
 * a laptop offline) every queued page would be fetched, fail to connect and be stored as
 * broken, and the crawl end finished with nothing left to resume. So until the site has
 * answered once, a page of the site that could not be connected to is held back (not stored,
 * still to fetch), and after {@value #GIVE_UP} of them the crawl stops, resumable, saying why.
 * Thread-safe.
 */
final class SiteReach {
    /** Failed connections to the site, none answered, after which the crawl stops. */
    static final int GIVE_UP = 3;
    private static final Set<ErrorKind> NOT_REACHED = Set.of(ErrorKind.DNS, ErrorKind.REFUSED,
            ErrorKind.CONNECT, ErrorKind.CONNECT_TIMEOUT);

    private volatile boolean watching;
    private final AtomicInteger failed = new AtomicInteger();
    private volatile String firstProblem;

    /** @param resumed whether the crawl continues a stored one */
    SiteReach(boolean resumed) {
        this.watching = resumed;
    }

    /**
     * Notes a page's result; true when it is to be held back (not stored: the site has not
     * answered since the resume and this page could not be connected to).
     */
    boolean holdBack(QueueItem item, CrawlResult result) {
        if (!watching || item.external) {
            return false;
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
        return watching && failed.get() >= GIVE_UP;
    }

    /** The sentence the stopped crawl ends with. */
    String why() {
        String problem = firstProblem == null ? "no answer" : firstProblem;
        return "The site could not be reached (" + Character.toLowerCase(problem.charAt(0))
                + problem.substring(1) + "), so the resumed crawl stopped without marking "
                + "anything broken; resume it again once the site answers.";
    }
}
