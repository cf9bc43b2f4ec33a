package io.webprobe.store;

import java.sql.SQLException;
import java.util.Arrays;

/**
 * Links to each URL counted over one transaction, so the writer updates a URL's inlinks once
 * per commit rather than once per link. Counts live in an array indexed by URL id (4 bytes a
 * URL, the compact index the crawl may keep), with the ids touched since the last drain
 * listed, so no boxed keys or map entries are made per link. The store writer's thread only.
 */
final class InlinkTally {
    /** Writes one URL's count. */
    interface Sink {
        void inlinks(long id, int added) throws SQLException;
    }

    private int[] counts = new int[1024];
    private int[] touched = new int[256];
    private int size;

    /** One more link to the URL {@code id}. */
    void add(long id) {
        int i = Math.toIntExact(id);
        if (i >= counts.length) {
            counts = Arrays.copyOf(counts, Math.max(i + 1, counts.length * 2));
        }
        if (counts[i]++ == 0) {
            if (size == touched.length) {
                touched = Arrays.copyOf(touched, size * 2);
            }
            touched[size++] = i;
        }
    }

    /** Hands each touched URL's count to {@code sink}, in the order first touched. */
    void drain(Sink sink) throws SQLException {
        for (int k = 0; k < size; k++) {
            sink.inlinks(touched[k], counts[touched[k]]);
        }
    }

    /**
     * Hands the counts of the URLs numbered {@code minId} or above to {@code sink} and forgets
     * them; the others stay.
     */
    void drainFrom(long minId, Sink sink) throws SQLException {
        int kept = 0;
        for (int k = 0; k < size; k++) {
            int id = touched[k];
            if (id >= minId) {
                sink.inlinks(id, counts[id]);
                counts[id] = 0;
            } else {
                touched[kept++] = id;
            }
        }
        size = kept;
    }

    /** Forgets every count (after a drain, or when the transaction is lost). */
    void clear() {
        for (int k = 0; k < size; k++) {
            counts[touched[k]] = 0;
        }
        size = 0;
    }

    /** URLs with a count. */
    int size() {
        return size;
    }
}
