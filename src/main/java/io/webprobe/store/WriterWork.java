package io.webprobe.store;

import java.util.Locale;

/**
 * The store writer's own figures, logged when it ends: where a crawl's time goes when the crawl
 * file is what sets its pace (docs/benchmarks.md).
 */
final class WriterWork {
    private long batches;
    private long rows;
    private long applyNanos;
    private long commitNanos;

    void add(int txRows, long apply, long commit) {
        batches++;
        rows += txRows;
        applyNanos += apply;
        commitNanos += commit;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d rows in %,d transactions; "
                + "%.2f s writing, %.2f s committing", rows, batches, applyNanos / 1e9,
                commitNanos / 1e9);
    }
}
