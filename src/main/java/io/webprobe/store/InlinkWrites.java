package io.webprobe.store;

import java.sql.SQLException;
import java.time.Duration;

/**
 * When the store writer adds the links it has counted to the URLs' inlinks: each URL touched
 * is one UPDATE rewriting its row, so the counts of URLs already stored are written once
 * every {@link StoreWriter#INLINKS_TIME} (also when the writer is idle), at a barrier and at
 * the end, while the URLs a transaction inserts get theirs at its commit. While committed
 * links are not all counted the file says so ({@link StoreWriter#INLINKS_PENDING}), so a
 * file left by a killed writer is counted again when next opened. The writer thread only.
 */
final class InlinkWrites {
    private final InlinkTally tally = new InlinkTally();
    private final long periodNanos;
    private long dueNanos;
    /** Whether the file says some counts are pending. */
    private boolean pendingMarked;

    InlinkWrites(Duration period) {
        this.periodNanos = period.toNanos();
        this.dueNanos = System.nanoTime() + periodNanos;
    }

    /** One more link to the URL {@code id}. */
    void add(long id) {
        tally.add(id);
    }

    /** Whether any count waits to be written. */
    boolean any() {
        return tally.size() > 0;
    }

    boolean due() {
        return System.nanoTime() - dueNanos >= 0;
    }

    long nanosUntilDue() {
        return dueNanos - System.nanoTime();
    }

    /** Forgets the counts (the file failed: nothing more is written). */
    void clear() {
        tally.clear();
    }

    /**
     * Writes, within the transaction about to commit, every count when {@code all}, else
     * those of the URLs this transaction inserted, and sets or clears the pending mark.
     */
    void write(WriterStatements st, boolean all) throws SQLException {
        long firstNew = st.takeFirstNew();
        if (all) {
            tally.drain(st::inlinks);
            tally.clear();
            dueNanos = System.nanoTime() + periodNanos;
            if (pendingMarked) {
                st.meta(StoreWriter.INLINKS_PENDING, "0");
                pendingMarked = false;
            }
            return;
        }
        // the URLs this transaction inserted get theirs at once: their rows are in SQLite's
        // cache now; rewritten seconds later, every page of a growing crawl's URLs would be
        // written twice (a million-page crawl looked ~20 % slower so)
        tally.drainFrom(firstNew, st::inlinks);
        if (tally.size() > 0 && !pendingMarked) {
            st.meta(StoreWriter.INLINKS_PENDING, "1"); // committed with the first links it concerns
            pendingMarked = true;
        }
    }
}
