package io.webprobe.ui.crawl.table;

import java.util.Arrays;
import javafx.collections.ObservableListBase;

/**
 * The URL table's items: URL ids in the table's order, each shown through a line of the
 * shared {@link LineCache} (its row read from the crawl file when first asked for). A million
 * rows cost their ids, 8 bytes each, and the lines on screen.
 *
 * <p>The ids only ever grow at the end ({@link #append}, one "added" change: the table's
 * selection and scroll stay as they are). A list in another order is a new {@code UrlItems}
 * ({@link #withIds}) that the table is given in place of this one: a change replacing a million
 * items would make JavaFX copy every removed item.
 *
 * <p>FX thread only. {@link #get} never waits: a line whose row is not read yet is empty.
 */
public final class UrlItems extends ObservableListBase<UrlItem> {
    private final LineCache lines;
    private long[] ids;

    UrlItems(LineCache lines, long[] ids) {
        this.lines = lines;
        this.ids = ids;
    }

    /** The same lines over other ids. */
    UrlItems withIds(long[] other) {
        return new UrlItems(lines, other);
    }

    @Override
    public int size() {
        return ids.length;
    }

    @Override
    public UrlItem get(int index) {
        return lines.get(ids[index]);
    }

    /** The id at a position. */
    public long idAt(int index) {
        return ids[index];
    }

    /** The ids in table order (the array itself: do not change it). */
    public long[] ids() {
        return ids;
    }

    /** The position of an id, or -1 (a scan: fast enough for a million ids). */
    public int indexOf(long id) {
        long[] a = ids;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == id) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int indexOf(Object o) {
        return o instanceof UrlItem u ? indexOf(u.id()) : -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        return indexOf(o);
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    /** Adds ids at the end: one "added" change. */
    void append(long[] more) {
        if (more.length == 0) {
            return;
        }
        int from = ids.length;
        long[] all = Arrays.copyOf(ids, from + more.length);
        System.arraycopy(more, 0, all, from, more.length);
        ids = all;
        beginChange();
        nextAdd(from, all.length);
        endChange();
    }

    /** Reads again the rows of positions [from, to) (the ones on screen) when stale. */
    public void refresh(int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, ids.length); i++) {
            get(i);
        }
    }

    /** The line of an id if it is kept, else null (for rows known without the table). */
    public UrlItem cached(long id) {
        return lines.cached(id);
    }
}
