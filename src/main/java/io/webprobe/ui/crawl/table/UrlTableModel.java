package io.webprobe.ui.crawl.table;

import io.webprobe.store.UrlField;
import io.webprobe.store.UrlFilter;
import io.webprobe.store.UrlQuery;
import io.webprobe.ui.crawl.session.ReaderLane;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The URL table's state: which rows (a {@link UrlFilter} and a search), in which order (a
 * column, or the crawl's own order), the ids that gives, read from the crawl file on a
 * {@link ReaderLane}, and the selection, kept as URL ids: never as row positions, which move
 * when rows arrive or the order changes. Knows no controls, so it is tested without a window.
 *
 * <p>While a crawl runs, {@link #crawlGrew()} is called on every tick: in the crawl's own order
 * only the new rows are read and appended; in any other order the whole list is read again, at
 * most one read at a time, at most twice a second (as often as the overview counts), and
 * leaving the lane idle at least twice as long as the last read took.
 *
 * <p>FX thread only; results of reads arrive there.
 */
public final class UrlTableModel {

    /** Told around each change of the ids, so the view can keep selection and scroll. */
    public interface IdsListener {
        /**
         * The ids are about to change.
         *
         * @param appending whether rows will only be added after the ones shown
         */
        void idsChanging(boolean appending);

        /**
         * The ids changed.
         *
         * @param appended whether rows were only added after the ones shown
         * @param newView whether the user asked for other rows or another order (a filter,
         *     search or sort): the view then starts at its first rows (or at the selection);
         *     false when the same view was read again (a running crawl's rows arrived or moved,
         *     the crawl ended, a re-check), where the rows looked at stay in place
         */
        void idsChanged(boolean appended, boolean newView);
    }

    private final LineCache lines;
    private final javafx.beans.property.ReadOnlyObjectWrapper<UrlItems> items;
    private final ObjectProperty<UrlFilter> filter =
            new SimpleObjectProperty<>(this, "filter", UrlFilter.ALL);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyLongWrapper lastReadMillis =
            new ReadOnlyLongWrapper(this, "lastReadMillis", -1);
    private final ReadOnlyLongWrapper currentId = new ReadOnlyLongWrapper(this, "currentId");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText",
            NO_CRAWL);
    /** What an empty table says while no crawl is shown, in Site mode. */
    public static final String NO_CRAWL = "No URLs yet: enter a start URL and press Start, or "
            + "open a crawl (File › Open crawl…).";
    /**
     * The same in List mode (one sentence for both began "enter a start URL" over the list
     * of URLs to check).
     */
    public static final String NO_CRAWL_LIST = "No URLs yet: paste the URLs to check and press "
            + "Start, or open a crawl (File › Open crawl…).";
    private final javafx.beans.property.BooleanProperty listMode =
            new javafx.beans.property.SimpleBooleanProperty(this, "listMode");
    private final LongSupplier nanoTime;

    private UrlField sortField = UrlField.SEQ;
    private boolean descending;
    private java.util.function.Supplier<long[]> selected = () -> new long[0];
    /** The query the ids shown answer (null: none read yet). */
    private UrlQuery.Request shown;
    private ReaderLane lane;
    private IdsListener listener;
    private Runnable rowsStale = () -> { };
    /** The highest completion number the ids include. */
    private long lastSeq;
    /** The file's rows asked again when the ids were read ({@link UrlQuery.Ids#revisits}). */
    private long lastRevisits;
    private int requestNo;
    private boolean inFlight;
    private boolean grewMeanwhile;
    private long lastReadNanos;
    private long lastDoneAt;
    private long lastStaleAt;
    /**
     * A sorted or filtered table of a running crawl reads its whole list at most this often:
     * as often as the overview counts ({@code PacedRead}'s least gap), so that the table's
     * count and the overview's lag alike (once a second, the table's was a second's rows
     * behind the overview's).
     */
    static final long RESORT_EVERY_NANOS = 500_000_000L;
    /** How often a running crawl's rows on screen are read again. */
    static final long STALE_EVERY_NANOS = 1_000_000_000L;

    /** See {@link #setListStart}. */
    private java.net.URI listStart;

    public UrlTableModel(Executor fx) {
        this(fx, System::nanoTime);
    }

    public UrlTableModel(Executor fx, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.lines = new LineCache(fx, this::readRows);
        this.items = new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "items",
                new UrlItems(lines, new long[0]));
        filter.addListener((o, was, now) -> {
            sayEmpty();
            reload();
        });
        listMode.addListener(o -> sayEmpty());
        search.addListener((o, was, now) -> {
            sayEmpty();
            reload();
        });
    }

    // == what the table shows ==

    /** The table's items now. */
    public UrlItems items() {
        return items.get();
    }

    /**
     * The table's items: a new list when the order or the rows change, the same list growing
     * while a crawl in crawl order appends.
     */
    public javafx.beans.property.ReadOnlyObjectProperty<UrlItems> itemsProperty() {
        return items.getReadOnlyProperty();
    }

    public ObjectProperty<UrlFilter> filterProperty() {
        return filter;
    }

    /** Text the URL or the title must contain. */
    public StringProperty searchProperty() {
        return search;
    }

    /**
     * Shows a list's crawl, whose first URL is {@code first} (null: a site's crawl): the URLs
     * of that URL's site are cut by their path's end, as a crawl's site's are, another site's
     * keep their host (a list of several sites read "…/about" for each). Before {@link
     * #attach}.
     */
    public void setListStart(java.net.URI first) {
        listStart = first;
    }

    /** The first URL of the list shown, or null for a site's crawl ({@link #setListStart}). */
    public java.net.URI listStart() {
        return listStart;
    }

    /** Whether the crawl tab is in List mode (what the empty table asks for). */
    public javafx.beans.property.BooleanProperty listModeProperty() {
        return listMode;
    }

    /**
     * What the table says while it has no rows: how to start when no crawl is shown, else that
     * nothing matches the search or the filter ("No URL matches “x”.").
     */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    private void sayEmpty() {
        String s = search.get() == null ? "" : search.get().strip();
        UrlFilter f = filter.get();
        emptyText.set(lane == null ? (listMode.get() ? NO_CRAWL_LIST : NO_CRAWL)
                : !s.isEmpty() ? "No URL matches “" + s + "”"
                        + (f == UrlFilter.ALL ? "." : " in " + f.label() + ".")
                : f != UrlFilter.ALL ? "No URLs match this filter (" + f.label() + ")."
                : "No URLs yet.");
    }

    /** How many rows match. */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** True while the ids are being read. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** A sentence when the crawl file could not be read, else "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** How long the last read of the ids took (ms), -1 before the first. */
    public ReadOnlyLongProperty lastReadMillisProperty() {
        return lastReadMillis.getReadOnlyProperty();
    }

    public UrlField sortField() {
        return sortField;
    }

    public boolean descending() {
        return descending;
    }

    /** The query the ids answer. */
    public UrlQuery.Request request() {
        return new UrlQuery.Request(filter.get(), search.get(), sortField, descending);
    }

    /** Sorts by a field ({@link UrlField#SEQ} ascending: the crawl's order). */
    public void sortBy(UrlField field, boolean desc) {
        if (field == sortField && desc == descending) {
            return;
        }
        sortField = field;
        descending = desc;
        reload();
    }

    public void setIdsListener(IdsListener l) {
        this.listener = l;
    }

    /** Called when rows already read may have changed (the view reads its visible rows again). */
    public void setOnRowsStale(Runnable r) {
        this.rowsStale = r;
    }

    // == the crawl file ==

    /** Shows the crawl this lane reads (null: none). */
    public void attach(ReaderLane lane) {
        this.lane = lane;
        sayEmpty();
        requestNo++;
        inFlight = false;
        grewMeanwhile = false;
        lastSeq = 0;
        lastRevisits = 0;
        shown = null;
        error.set("");
        lines.clear();
        setIds(new long[0], false, true);
        if (lane != null) {
            reload();
        }
    }

    /** Reads the ids again from scratch (a filter, search or order changed; a crawl ended). */
    public void reload() {
        if (lane == null) {
            return;
        }
        read(false);
    }

    /**
     * The crawl ended and its file holds everything (its last inlink counts and the results
     * decided at the end, as a redirect loop): the ids are read again and every line read
     * while it ran is read again when shown (the rows on screen at once). Without this the
     * table kept the values of its last tick (an inlink count of 12 where the file said 19, a
     * loop's "302" with no reason) until another crawl was shown, whatever the search, filter
     * or order: {@link #reload()} reads the ids only.
     */
    public void crawlEnded() {
        if (lane == null) {
            return;
        }
        lines.markStale();
        rowsStale.run();
        reload();
    }

    /**
     * The crawl file has grown (a tick of a running crawl): new rows are appended, or the ids
     * read again when the order needs it; rows on screen are read again (inlinks change).
     */
    public void crawlGrew() {
        if (lane == null) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (now - lastStaleAt >= STALE_EVERY_NANOS) {
            // the rows on screen change (inlinks) but need not be redrawn ten times a second
            lastStaleAt = now;
            lines.markStale();
            rowsStale.run();
        }
        boolean append = request().inCrawlOrder() && !filter.get().dependsOnOtherRows();
        if (inFlight || (!append && nanoTime.getAsLong() - lastDoneAt
                < Math.max(RESORT_EVERY_NANOS, 2 * lastReadNanos))) {
            grewMeanwhile = true; // read again once the current read is done and paid for
            return;
        }
        read(append);
    }

    /** A row changed in the file (a re-check): its line is read again. */
    public void rowChanged(long id) {
        lines.markStale();
        rowsStale.run();
        // and the view's ids read again: a re-checked row may move in the order it is sorted
        // by, or leave the filter (a 404 now answering 200 in the 4xx view); the same view, so
        // the top row and the selection stay
        reload();
    }

    private void read(boolean append) {
        int no = ++requestNo;
        long after = lastSeq;
        long revisits = lastRevisits;
        UrlQuery.Request r = request();
        long start = nanoTime.getAsLong();
        inFlight = true;
        grewMeanwhile = false;
        busy.set(true);
        lane.submitLatest("ids",
                q -> append ? q.urls().idsAfter(after, revisits, r) : q.urls().ids(r),
                ids -> {
                    if (no != requestNo) {
                        return; // a newer read was asked for
                    }
                    long took = nanoTime.getAsLong() - start;
                    inFlight = false;
                    busy.set(false);
                    lastReadNanos = took;
                    lastDoneAt = nanoTime.getAsLong();
                    lastReadMillis.set(took / 1_000_000);
                    error.set("");
                    boolean newView = !r.equals(shown);
                    shown = r;
                    lastSeq = ids.lastSeq();
                    lastRevisits = ids.revisits();
                    // a row asked again may have joined or left the filter: all read again
                    if (append && !ids.whole()) {
                        appendIds(ids.ids());
                    } else {
                        setIds(ids.ids(), false, newView);
                    }
                    if (grewMeanwhile) {
                        grewMeanwhile = false;
                        crawlGrew();
                    }
                }, message -> {
                    if (no == requestNo) {
                        inFlight = false;
                        busy.set(false);
                        error.set(message);
                    }
                });
    }

    /** The same view read again: shows these ids (package-private for tests). */
    void setIds(long[] ids, boolean appendedHint) {
        setIds(ids, appendedHint, false);
    }

    /**
     * Shows these ids (package-private for tests: the reads call it). Ids of the same view
     * that extend the ones shown are appended; others replace the list.
     *
     * @param newView whether they answer another filter, search or order than the ids shown
     */
    void setIds(long[] ids, boolean appendedHint, boolean newView) {
        UrlItems now = items.get();
        long[] before = now.ids();
        if (!newView && (appendedHint || startsWith(ids, before))) {
            appendIds(Arrays.copyOfRange(ids, before.length, ids.length));
            return;
        }
        if (listener != null) {
            listener.idsChanging(false);
        }
        items.set(now.withIds(ids));
        count.set(ids.length);
        if (listener != null) {
            listener.idsChanged(false, newView);
        }
    }

    private void appendIds(long[] more) {
        if (listener != null) {
            listener.idsChanging(true);
        }
        items.get().append(more);
        count.set(items.get().size());
        if (listener != null) {
            listener.idsChanged(true, false);
        }
    }

    private static boolean startsWith(long[] a, long[] prefix) {
        if (a.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (a[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private void readRows(long[] ids) {
        ReaderLane l = lane;
        if (l == null) {
            return;
        }
        int generation = lines.generation();
        l.submit(q -> q.urls().rows(ids), rows -> {
            if (l == lane) {
                lines.loaded(rows, generation);
            }
        }, message -> error.set(message));
    }

    // == selection, by URL id ==

    /** The selected URL ids, in table order. */
    public long[] selectedIds() {
        return selected.get().clone();
    }

    /**
     * The user selected these URLs.
     *
     * @param focused the one the details pane shows (0: the first selected)
     */
    public void setSelection(long[] ids, long focused) {
        long[] copy = ids.clone();
        setSelection(() -> copy, focused != 0 ? focused : ids.length > 0 ? ids[0] : 0);
    }

    /**
     * The user selected URLs: the table tells which when asked (a million selected rows are not
     * copied at each change of the selection).
     *
     * @param focused the one the details pane shows, 0 for none
     */
    public void setSelection(java.util.function.Supplier<long[]> ids, long focused) {
        selected = ids;
        currentId.set(focused);
    }

    /** The URL of this id as its line shows it, or "" when no line of it is read. */
    public String urlOf(long id) {
        UrlItem line = lines.cached(id);
        return line == null ? "" : line.url();
    }

    /** The URL the details pane shows: the focused selected row, 0 for none. */
    public ReadOnlyLongProperty currentIdProperty() {
        return currentId.getReadOnlyProperty();
    }
}
