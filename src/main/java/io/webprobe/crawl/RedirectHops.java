package io.webprobe.crawl;

/**
 * The fewest redirect hops known so far for each queued URL that a redirect led to. A queued
 * item keeps the hops of the way it was first found ({@link QueueItem#redirectHops}, fixed, and
 * perhaps in a chunk on disk); a shorter way found while it waits (a page linking to it, which
 * is 0 hops, or a shorter chain) lowers its entry here, and its visit counts from the lower
 * number. So a URL first reached as the last redirect followed of one chain but also linked by
 * a page still has its own redirect followed, as a resume counts it from the file (by the shortest
 * way, {@code StoreResume}).
 *
 * <p>Only URLs queued with at least one hop have an entry, from when they are queued until their
 * result is written: a long id and a byte, in an open-addressed table (about 18 bytes per
 * entry). Thread-safe (one monitor, held for a probe of the table).
 */
final class RedirectHops {
    private static final int MIN_CAPACITY = 16;
    private long[] ids = new long[MIN_CAPACITY];
    private byte[] hops = new byte[MIN_CAPACITY];
    private int size;

    /** Notes a queued URL that {@code n} redirects led to (a lower entry already there stays). */
    synchronized void queued(long id, int n) {
        if (n <= 0) {
            return;
        }
        int i = slot(id);
        if (ids[i] == id) {
            hops[i] = (byte) Math.min(hops[i], n);
            return;
        }
        ids[i] = id;
        hops[i] = (byte) Math.min(n, Byte.MAX_VALUE);
        if (++size * 2 > ids.length) {
            resize(ids.length * 2);
        }
    }

    /** A way to a URL with {@code n} hops was found: a queued URL's entry goes down to it. */
    synchronized void found(long id, int n) {
        int i = slot(id);
        if (ids[i] == id && n < hops[i]) {
            hops[i] = (byte) Math.max(0, n);
        }
    }

    /** The fewest hops to a URL taken from the queue: its item's own, or a lower one found. */
    synchronized int of(QueueItem item) {
        int i = slot(item.id);
        return ids[i] == item.id ? Math.min(hops[i], item.redirectHops) : item.redirectHops;
    }

    /** The URL's result is written: it is queued no more. */
    synchronized void visited(long id) {
        int i = slot(id);
        if (ids[i] == id) {
            remove(i);
        }
    }

    /** Entries held now (for tests of the bound). */
    synchronized int size() {
        return size;
    }

    /** The slot holding {@code id}, or the empty slot where it would go. */
    private int slot(long id) {
        int mask = ids.length - 1;
        int i = (int) mix(id) & mask;
        while (ids[i] != 0 && ids[i] != id) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** Empties slot {@code i}, shifting later entries of its run back (no tombstones). */
    private void remove(int i) {
        int mask = ids.length - 1;
        ids[i] = 0;
        size--;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (ids[j] == 0) {
                break;
            }
            int home = (int) mix(ids[j]) & mask;
            // the entry at j may move to i when i lies cyclically within [home, j)
            boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
            if (movable) {
                ids[i] = ids[j];
                hops[i] = hops[j];
                ids[j] = 0;
                i = j;
            }
        }
        if (ids.length > MIN_CAPACITY && size * 8 < ids.length) {
            resize(ids.length / 2);
        }
    }

    private void resize(int capacity) {
        long[] oldIds = ids;
        byte[] oldHops = hops;
        ids = new long[capacity];
        hops = new byte[capacity];
        for (int k = 0; k < oldIds.length; k++) {
            if (oldIds[k] != 0) {
                int i = slot(oldIds[k]);
                ids[i] = oldIds[k];
                hops[i] = oldHops[k];
            }
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb53a34e558cdL;
        return z ^ (z >>> 33);
    }
}
