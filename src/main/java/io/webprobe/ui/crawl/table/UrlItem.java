package io.webprobe.ui.crawl.table;

import io.webprobe.store.UrlQuery;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One line of the URL table: a URL id and, once read from the crawl file, its row. Cells bind
 * to {@link #rowProperty()}, so a line shows its data as soon as the page holding it is read,
 * and new data (a live crawl's changing inlinks, a re-check) replaces the old without a
 * change of the table's items. FX thread only.
 */
public final class UrlItem {
    private final long id;
    private final ReadOnlyObjectWrapper<UrlQuery.Row> row = new ReadOnlyObjectWrapper<>(this,
            "row");
    /** The data generation of the row shown, and of the last read asked for. */
    private int loadedAt = -1;
    private int askedAt = -1;

    UrlItem(long id) {
        this.id = id;
    }

    /** The URL's id in the crawl file. */
    public long id() {
        return id;
    }

    /** The row, or null while it is being read. */
    public UrlQuery.Row row() {
        return row.get();
    }

    public ReadOnlyObjectProperty<UrlQuery.Row> rowProperty() {
        return row.getReadOnlyProperty();
    }

    /** The URL, or "" while the row is being read. */
    public String url() {
        UrlQuery.Row r = row.get();
        return r == null ? "" : r.result().url();
    }

    void set(UrlQuery.Row r, int generation) {
        if (!r.equals(row.get())) {
            row.set(r); // only a real change redraws the line's cells
        }
        loadedAt = generation;
    }

    /** Whether a read of this generation should be asked for (and notes that it is). */
    boolean needsRead(int generation) {
        if (loadedAt == generation || askedAt == generation) {
            return false;
        }
        askedAt = generation;
        return true;
    }

    @Override
    public String toString() {
        return "UrlItem[" + id + ", " + url() + "]";
    }
}
