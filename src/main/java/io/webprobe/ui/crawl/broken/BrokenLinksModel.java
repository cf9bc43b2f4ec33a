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
 * it, through redirect chains), then, for a crawl that checked anchors, every missing anchor,
 * read, sorted and searched on the stats lane when the list is
 * on screen: when a crawl is opened or ends, again when due while a crawl runs, sorted again
 * there when the user sorts the table, and searched again there when the search changes (a
 * search of tens of thousands of links, each URL decoded for people, took the FX thread
 * seconds as the user typed). While the list is not on screen only its count is read (the
 * tab's title); the list is read once it is shown. The FX thread only takes the lists as read.
 * Selecting one shows the broken URL in the details pane, whose Inlinks tab lists every page
 * linking to it. FX thread only.
 */
public final class BrokenLinksModel {
    /** The links shown: those matching the search, in the table's order. */
    private final ObservableList<BrokenLink> links = FXCollections.observableArrayList();
    /** Every link of the last read, in the table's order (the search looks in it). */
    private List<BrokenLink> all = List.of();
    private final javafx.beans.property.ReadOnlyIntegerWrapper total =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "total");
    /** How many of {@link #all} are missing anchors. */
    private final javafx.beans.property.ReadOnlyLongWrapper listedAnchors =
            new javafx.beans.property.ReadOnlyLongWrapper(this, "listedAnchors");
    private final javafx.beans.property.StringProperty search =
            new javafx.beans.property.SimpleStringProperty(this, "search", "");
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(this, "reading");
    private final ReadOnlyBooleanWrapper attached = new ReadOnlyBooleanWrapper(this, "attached");
    /** What the table says while it is empty. */
    private final javafx.beans.binding.StringBinding emptyText =
            javafx.beans.binding.Bindings.createStringBinding(this::sayEmpty, attached, search,
                    total);
    /** What an empty table says while no crawl is shown. */
    public static final String NO_CRAWL = "No crawl yet: the broken links of a crawl appear "
            + "here as it finds them.";
    /** What it says when the crawl has none. */
    public static final String NONE = "No broken links found.";
    private final javafx.beans.property.BooleanProperty active =
            new javafx.beans.property.SimpleBooleanProperty(this, "active");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    /**
     * The tab's title: "Broken links (12)", with "· missing anchors (3)" after it when the crawl
     * checked anchors and some are missing, "(…)" until the first read of a crawl is in; kept
     * up to date while a crawl runs, shown or not.
     */
    private final javafx.beans.property.ReadOnlyStringWrapper title =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "title", "Broken links (0)");
    /** How many broken links the last read found; -1 before the first read of a crawl. */
    private long count;
    /** How many missing anchors it found (0 when the crawl did not check anchors). */
    private long anchors;
    private final PacedRead<Found> read;
    /**
     * While a crawl runs and the list is not on screen, its count alone (for the tab's title,
     * which the overview's Broken count is read beside): no list to build and show.
     */
    private final PacedRead<long[]> counted;
    /** True while {@link #links} is being replaced by a new read. */
    private boolean replacing;
    private Runnable onReplaced = () -> { };
    /** The table's order (null: the file's), and what it is made of, to tell a new one. */
    private java.util.Comparator<BrokenLink> order;
    private Object orderKey = List.of();
    /**
     * The next read only sorts or searches the list read last again (the user sorted or
     * searched; the file is as read).
     */
    private boolean sortOnly;

    /** A read's outcome: every link, and those matching the search, both in order. */
    record Found(List<BrokenLink> all, List<BrokenLink> shown) {}

    public BrokenLinksModel(LongSupplier nanoTime) {
        reading.addListener(o -> sayTitle()); // a read that failed leaves no "(…)" behind
        active.addListener((o, was, now) -> {
            if (now && stale.get()) {
                changed();
            }
        });
        read = new PacedRead<>("broken", this::nextRead, this::apply,
                m -> reading.set(false), nanoTime);
        search.addListener((o, was, now) -> searched());
        counted = new PacedRead<>("broken-count", () -> q -> {
            long[] n = {0, q.reader().missingAnchorCount()};
            q.reader().forEachBrokenLink(l -> n[0]++);
            return n;
        }, n -> {
            if (stale.get()) { // a full read since has the list and its count
                count = n[0];
                anchors = n[1];
                reading.set(read.busy());
                sayTitle();
            }
        }, m -> reading.set(read.busy()), nanoTime);
    }

    /**
     * The read to run now (made on the FX thread as it starts): the file's broken links, or
     * the list read last when only the order or the search changed, sorted in the table's
     * order and searched, all on the lane.
     */
    private ReaderLane.Read<Found> nextRead() {
        java.util.Comparator<BrokenLink> c = order;
        java.util.function.Predicate<BrokenLink> p = BrokenLinkText.matching(search.get());
        List<BrokenLink> last = sortOnly ? all : null;
        sortOnly = false;
        return q -> found(last != null ? new java.util.ArrayList<>(last)
                : q.reader().brokenLinksAndMissingAnchors(), c, p);
    }

    private static Found found(List<BrokenLink> list, java.util.Comparator<BrokenLink> c,
            java.util.function.Predicate<BrokenLink> p) {
        if (c != null) {
            list.sort(c);
        }
        List<BrokenLink> every = java.util.Collections.unmodifiableList(list);
        return new Found(every, list.stream().filter(p).toList());
    }

    /**
     * Text the links shown hold (in a URL, page, status, reason, anchor text or end; any case).
     */
    public javafx.beans.property.StringProperty searchProperty() {
        return search;
    }

    /**
     * What the empty table says: that no crawl is shown, that no link matches the search
     * (beside "0 of 75 broken links" it said "No broken links found."), or that there are
     * none.
     */
    public javafx.beans.binding.StringExpression emptyTextProperty() {
        return emptyText;
    }

    private String sayEmpty() {
        String s = search.get() == null ? "" : search.get().strip();
        return !attached.get() ? NO_CRAWL
                : !s.isEmpty() && total.get() > 0 ? "No broken link matches “" + s + "”."
                : NONE;
    }

    /**
     * The count beside the search: "75 broken links", "3 of 75 broken links"; for a crawl with
     * missing anchors, listed after the broken links, the two apart as the tab's title has
     * them ("0 broken links · 1 missing anchor"), and "3 of 229 links" when searched. It said
     * "1 broken link" beside the tab's "Broken links (0) · missing anchors (1)".
     */
    public javafx.beans.binding.StringExpression countTextProperty() {
        return countText;
    }

    private final javafx.beans.binding.StringBinding countText =
            javafx.beans.binding.Bindings.createStringBinding(
                    () -> countText(links.size(), total.get(), listedAnchors.get()), links, total,
                    listedAnchors);

    static String countText(long shown, long total, long anchors) {
        if (anchors <= 0) {
            return shown == total ? io.webprobe.Words.count(total, "broken link")
                    : String.format(java.util.Locale.ROOT, "%,d of %s", shown,
                            io.webprobe.Words.count(total, "broken link"));
        }
        return shown == total ? io.webprobe.Words.count(total - anchors, "broken link") + " · "
                + io.webprobe.Words.count(anchors, "missing anchor")
                : String.format(java.util.Locale.ROOT, "%,d of %s", shown,
                        io.webprobe.Words.count(total, "link"));
    }

    /**
     * What "Ping these" sends from the Broken links tab: the URLs of the links selected (or,
     * none selected, of those listed), each once, less the hrefs that are no URL (a malformed
     * address, a file: link), which are not pinged, as the tab's menu's Ping leaves them out:
     * "http://&lt;username&gt;@&lt;servername&gt;/repo.git" went to the Ping tab's list.
     */
    public static List<String> pingable(List<BrokenLink> selected, List<BrokenLink> listed) {
        return (selected.isEmpty() ? listed : selected).stream().filter(l -> !l.notAUrl())
                .map(BrokenLink::linkUrl).distinct().toList();
    }

    /** How many links the last read found, whatever the search. */
    public javafx.beans.property.ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    private void searched() {
        if (active.get()) { // else the next read is searched so
            again();
        }
    }

    /**
     * The list shown again, searched and sorted as asked now: sorted and searched again on
     * the lane when it holds a read's links, read again after the read under way (made for
     * the search or order before).
     */
    private void again() {
        if (read.busy()) {
            reading.set(true);
            read.now();
            return;
        }
        if (all.isEmpty()) {
            return;
        }
        sortOnly = true;
        reading.set(true);
        read.now();
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
        if (active.get()) { // else the next read is sorted so
            again();
        }
    }

    /**
     * Replaces the list by these links, as a read of them finds them (package-private for
     * the view's tests; the search is made here, on the calling thread).
     */
    void apply(List<BrokenLink> list) {
        apply(found(new java.util.ArrayList<>(list), null,
                BrokenLinkText.matching(search.get())));
    }

    private void apply(Found f) {
        all = f.all();
        anchors = all.stream().filter(BrokenLink::isMissingAnchor).count();
        count = all.size() - anchors;
        listedAnchors.set(anchors);
        total.set(all.size());
        stale.set(false);
        sayTitle();
        replacing = true;
        try {
            links.setAll(f.shown());
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

    /**
     * "Broken links (12)", "Broken links (12) · missing anchors (3)", or "Broken links (…)"
     * while the crawl's are being found.
     */
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
            new javafx.beans.property.ReadOnlyStringWrapper(this, "tip", tip(-1, 0));

    /**
     * The tab's title for these counts (a count below 0: not read yet): the broken links and
     * the missing anchors apart, since the overview's Broken and the exit code count them
     * apart too, and the anchors only when there are some.
     */
    static String title(long broken, long anchors, boolean reading) {
        if (broken < 0) {
            return reading ? "Broken links (…)" : "Broken links";
        }
        String links = String.format(java.util.Locale.ROOT, "Broken links (%,d)", broken);
        return anchors <= 0 ? links : links + String.format(java.util.Locale.ROOT,
                " · missing anchors (%,d)", anchors);
    }

    static String tip(long count, long anchors) {
        return (count < 0 ? "Links on the crawled pages that lead to a broken URL"
                : io.webprobe.Words.count(count, "link", "links") + " on the crawled pages "
                        + (count == 1 ? "leads" : "lead") + " to a broken URL")
                + ", each counted once per page holding it. The Overview's Broken URLs and "
                + "the status bar count broken URLs instead: a URL linked from several pages "
                + "is one URL but several links, each URL of a redirect loop counts, though the "
                + "links lead only to its first, and an href that is no URL (a malformed "
                + "address, a file: link) is a broken link but no URL."
                + (anchors <= 0 ? "" : " " + io.webprobe.Words.count(anchors, "link", "links")
                        + " name" + (anchors == 1 ? "s" : "") + " an anchor (#fragment) "
                        + "the page " + (anchors == 1 ? "it leads" : "they lead")
                        + " to lacks: missing anchors, counted apart, listed after them.");
    }

    private void sayTitle() {
        title.set(title(count, anchors, reading.get()));
        tip.set(tip(count, anchors));
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
        all = List.of();
        listedAnchors.set(0);
        total.set(0);
        count = lane == null ? 0 : -1; // not 0 until the file says so (seconds for a large one)
        // the last crawl's: File › New crawl left "missing anchors (1,299)" on the tab's title
        anchors = 0;
        sortOnly = false;
        read.setLane(lane);
        counted.setLane(lane);
        // another crawl's links are not searched for the last one's text ("missing" was kept
        // from one site to the next); with no list and no read under way this reads nothing
        search.set("");
        attached.set(lane != null);
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
