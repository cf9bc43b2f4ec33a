package io.webprobe.ui.crawl.broken;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.ui.crawl.session.PacedRead;
import io.webprobe.ui.crawl.session.ReaderLane;
import java.util.List;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Broken links view's list: every broken link of the crawl file (each on the page holding
 * it, through redirect chains), read and sorted on the stats lane when the list is on screen:
 * when a crawl is opened or ends, again when due while a crawl runs, and sorted again there
 * when the user sorts the table. While the list is not on screen only its count is read (the
 * tab's title); the list is read once it is shown. The FX thread only takes the list as read.
 * Selecting one shows the broken URL in the details pane, whose Inlinks tab lists every page
 * linking to it. FX thread only.
 */
public final class BrokenLinksModel {
    private final ObservableList<BrokenLink> links = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(this, "reading");
    private final javafx.beans.property.BooleanProperty active =
            new javafx.beans.property.SimpleBooleanProperty(this, "active");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    /**
     * The tab's title: "Broken links (12)", "(…)" until the first read of a crawl is in; kept
     * up to date while a crawl runs, shown or not.
     */
    private final javafx.beans.property.ReadOnlyStringWrapper title =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "title", "Broken links (0)");
    /** How many broken links the last read found; -1 before the first read of a crawl. */
    private long count;
    private final PacedRead<List<BrokenLink>> read;
    /**
     * While a crawl runs and the list is not on screen, its count alone (for the tab's title,
     * which the overview's Broken count is read beside): no list to build and show.
     */
    private final PacedRead<Long> counted;
    /** True while {@link #links} is being replaced by a new read. */
    private boolean replacing;
    private Runnable onReplaced = () -> { };
    /** The table's order (null: the file's), and what it is made of, to tell a new one. */
    private java.util.Comparator<BrokenLink> order;
    private Object orderKey = List.of();
    /** The next read only sorts the list shown again (the user sorted; the file is as read). */
    private boolean sortOnly;

    public BrokenLinksModel(LongSupplier nanoTime) {
        reading.addListener(o -> sayTitle()); // a read that failed leaves no "(…)" behind
        active.addListener((o, was, now) -> {
            if (now && stale.get()) {
                changed();
            }
        });
        read = new PacedRead<>("broken", this::nextRead, this::apply,
                m -> reading.set(false), nanoTime);
        counted = new PacedRead<>("broken-count", () -> q -> {
            long[] n = {0};
            q.reader().forEachBrokenLink(l -> n[0]++);
            return n[0];
        }, n -> {
            if (stale.get()) { // a full read since has the list and its count
                count = n;
                reading.set(read.busy());
                sayTitle();
            }
        }, m -> reading.set(read.busy()), nanoTime);
    }

    /**
     * The read to run now (made on the FX thread as it starts): the file's broken links, or
     * the list shown when only its order changed, sorted in the table's order, both on the
     * lane.
     */
    private ReaderLane.Read<List<BrokenLink>> nextRead() {
        java.util.Comparator<BrokenLink> c = order;
        List<BrokenLink> shown = sortOnly ? List.copyOf(links) : null;
        sortOnly = false;
        return q -> sorted(shown != null ? new java.util.ArrayList<>(shown)
                : q.reader().brokenLinks(), c);
    }

    private static List<BrokenLink> sorted(List<BrokenLink> list,
            java.util.Comparator<BrokenLink> c) {
        if (c != null) {
            list.sort(c);
        }
        return list;
    }

    /**
     * Sorts the list in this order (on the lane, as it is read), null for the file's.
     *
     * @param key what the order is made of (the columns and their directions): an order
     *     equal to the present one changes nothing
     * @param c compares two links; used on the lane's thread
     */
    public void sortBy(Object key, java.util.Comparator<BrokenLink> c) {
        if (key.equals(orderKey)) {
            return;
        }
        orderKey = key;
        order = c;
        if (!active.get()) {
            return; // the next read is sorted so
        }
        if (read.busy()) { // the read under way sorts in the order before: read again after it
            reading.set(true);
            read.now();
            return;
        }
        if (links.isEmpty()) {
            return;
        }
        sortOnly = true;
        reading.set(true);
        read.now();
    }

    /** Replaces the list by a fresh read (package-private for the view's tests). */
    void apply(List<BrokenLink> list) {
        count = list.size();
        stale.set(false);
        sayTitle();
        replacing = true;
        try {
            links.setAll(list);
        } finally {
            replacing = false;
        }
        reading.set(read.busy());
        onReplaced.run();
    }

    /**
     * True while the list is being replaced by a fresh read: a selection change then comes
     * from the refresh, not from the user.
     */
    public boolean replacing() {
        return replacing;
    }

    /** Runs after each fresh read has replaced the list (to select again what was selected). */
    public void setOnReplaced(Runnable r) {
        onReplaced = r == null ? () -> { } : r;
    }

    /**
     * Whether the list is on screen: while a crawl runs it is read again only then (each read
     * follows every redirect chain of the file), and once more at the end.
     */
    public javafx.beans.property.BooleanProperty activeProperty() {
        return active;
    }

    /** True while a running crawl has found more than the list shows (it is not on screen). */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** "Broken links (12)", or "Broken links (…)" while the crawl's are being found. */
    public javafx.beans.property.ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /**
     * The tab's tooltip: what its count counts, beside the overview's Broken and the status
     * bar's "broken" (URLs: a crawl with 37 broken links showed 38 there, and nothing said why).
     */
    public javafx.beans.property.ReadOnlyStringProperty tipProperty() {
        return tip.getReadOnlyProperty();
    }

    private final javafx.beans.property.ReadOnlyStringWrapper tip =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "tip", tip(-1));

    static String tip(long count) {
        return (count < 0 ? "Links on the crawled pages that lead to a broken URL"
                : io.webprobe.Words.count(count, "link", "links") + " on the crawled pages "
                        + (count == 1 ? "leads" : "lead") + " to a broken URL")
                + ", each counted once per page holding it. The Overview's Broken and the "
                + "status bar count broken URLs instead: a URL linked from several pages is one "
                + "URL but several links, and each URL of a redirect loop counts, though the "
                + "links lead only to its first.";
    }

    private void sayTitle() {
        title.set(count < 0 ? (reading.get() ? "Broken links (…)" : "Broken links")
                : String.format(java.util.Locale.ROOT, "Broken links (%,d)", count));
        tip.set(tip(count));
    }

    public ObservableList<BrokenLink> links() {
        return links;
    }

    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /** Lists the broken links of the crawl this lane reads (null: none). */
    public void attach(ReaderLane lane) {
        links.clear();
        count = lane == null ? 0 : -1; // not 0 until the file says so (seconds for a large one)
        sortOnly = false;
        read.setLane(lane);
        counted.setLane(lane);
        stale.set(false);
        reading.set(lane != null);
        sayTitle();
        if (lane != null) {
            changed();
        }
    }

    /** A tick of a running crawl: reads again when due, if shown. */
    public void crawlGrew() {
        if (active.get()) {
            sortOnly = false;
            read.request();
        } else {
            stale.set(true);
            counted.request(); // the title keeps its count as the crawl finds more
        }
    }

    /**
     * A crawl was opened or ended, or a URL was re-checked: reads the list again now if it is
     * on screen, else its count (the list is read when shown).
     */
    public void changed() {
        reading.set(true);
        sortOnly = false;
        if (active.get()) {
            read.now();
        } else {
            stale.set(true);
            counted.now();
        }
    }
}
