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
 * A resumed crawl holds back a page of the site that answers 401 the same way: the crawl file
 * keeps no sign-in, so a resume not given it again (or given a wrong one) would otherwise mark
 * every page left as broken and end finished, never to be resumed with the right one.
 * A site whose first pages answer 401 and later ones do not is crawled as it is: only until
 * one page answers otherwise are 401s held back.
 * A list check has no start URL and is not watched. Thread-safe.
 */
final class SiteReach {
    /** Failed connections to the site, none answered, after which a resumed crawl stops. */
    static final int GIVE_UP = 3;
    private static final Set<ErrorKind> NOT_REACHED = Set.of(ErrorKind.DNS, ErrorKind.REFUSED,
            ErrorKind.CONNECT, ErrorKind.CONNECT_TIMEOUT);

    private final boolean resumed;
    /** Whether this resume was given a sign-in (headers for the site). */
    private final boolean signedIn;
    private volatile boolean watching;
    /** Whether the pages held back answered 401 (else they could not be connected to). */
    private volatile boolean refused;
    private final AtomicInteger failed = new AtomicInteger();
    private volatile String firstProblem;

    private SiteReach(boolean resumed, boolean watching, boolean signedIn) {
        this.resumed = resumed;
        this.watching = watching;
        this.signedIn = signedIn;
    }

    /** For a fresh crawl: watches its start URL (and the start's own redirects). */
    static SiteReach fresh(boolean listMode) {
        return new SiteReach(false, !listMode, false);
    }

    /** For a resumed crawl given no sign-in: watches every page of the site until one answers. */
    static SiteReach resumed() {
        return resumed(false);
    }

    /**
     * For a resumed crawl: watches every page of the site until one answers.
     *
     * @param signedIn whether the resume was given a sign-in, for the sentence it stops with
     */
    static SiteReach resumed(boolean signedIn) {
        return new SiteReach(true, true, signedIn);
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
        boolean signInAsked = resumed && result.status() == 401;
        if (!signInAsked
                && (result.error() == null || !NOT_REACHED.contains(result.error()))) {
            watching = false; // the site answered (or failed otherwise): results count again
            return false;
        }
        if (signInAsked) {
            refused = true;
        } else if (firstProblem == null) {
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
        if (signInRefused()) {
            return (signedIn ? "The site did not accept the sign-in given (HTTP 401)"
                    : "The site asks for a sign-in (HTTP 401), which a crawl file does not keep")
                    + ", so the resumed crawl stopped without marking anything broken; resume "
                    + "it again with the site's sign-in.";
        }
        return notReached() + ", so the resumed crawl stopped without marking anything broken; "
                + "resume it again once the site answers.";
    }

    /** Whether the pages held back answered 401, none failing to connect: a sign-in is asked. */
    boolean signInRefused() {
        return refused && firstProblem == null;
    }

    /** "The site could not be reached (connection refused)." */
    String unreached() {
        if (signInRefused()) {
            return signedIn ? "The site did not accept the sign-in given (HTTP 401)."
                    : "The site asks for a sign-in (HTTP 401).";
        }
        return notReached() + ".";
    }

    private String notReached() {
        String problem = firstProblem == null ? "no answer" : firstProblem;
        return "The site could not be reached (" + CrawlTally.lowerFirst(problem) + ")";
    }
}
