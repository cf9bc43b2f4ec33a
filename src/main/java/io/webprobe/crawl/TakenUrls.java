package io.webprobe.crawl;

import java.util.BitSet;

/**
 * Which URLs (by id) have been taken from the queue to be fetched: in this run, or, for a
 * resumed crawl, before it (every URL it knew but those it had still queued). A cookie-setting
 * redirect to a URL asks it again only if it was taken already: one still queued will carry
 * the cookie on its one request. One bit per id; thread-safe (one monitor, a bit operation).
 */
final class TakenUrls {
    private final BitSet taken = new BitSet();
    /** Ids up to this were known before a resume. */
    private long restoredUpTo;
    /** Of those, the ones queued at the resume (not taken before it). */
    private final BitSet queuedAtRestore = new BitSet();

    /** A resumed crawl: the ids up to {@code lastId} were all taken but the queued ones. */
    synchronized void restored(long lastId) {
        restoredUpTo = lastId;
    }

    /** A resumed crawl's URL still queued. */
    synchronized void queuedAtRestore(long id) {
        queuedAtRestore.set(index(id));
    }

    /** The URL is taken from the queue (before its request is sent). */
    synchronized void take(long id) {
        taken.set(index(id));
    }

    /** Whether the URL was taken from the queue already (this run or before a resume). */
    synchronized boolean wasTaken(long id) {
        int i = index(id);
        return taken.get(i) || id <= restoredUpTo && !queuedAtRestore.get(i);
    }

    private static int index(long id) {
        return (int) Math.min(Integer.MAX_VALUE - 1, id);
    }
}
