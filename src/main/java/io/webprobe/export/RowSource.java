package io.webprobe.export;

import java.util.function.Consumer;

/**
 * Rows handed to an exporter one at a time, so a million rows need not be in memory: a list,
 * or a query over the crawl file.
 *
 * @param <T> the row type
 */
@FunctionalInterface
public interface RowSource<T> {
    /** Hands every row to {@code sink}, in order. */
    void forEach(Consumer<? super T> sink) throws Exception;

    /** The rows of an in-memory collection. */
    static <T> RowSource<T> of(Iterable<? extends T> rows) {
        return sink -> rows.forEach(sink);
    }
}
