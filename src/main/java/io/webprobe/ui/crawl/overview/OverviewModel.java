package io.webprobe.ui.crawl.overview;

import io.webprobe.store.OverviewCounts;
import io.webprobe.store.UrlFilter;
import io.webprobe.ui.crawl.session.PacedRead;
import io.webprobe.ui.crawl.session.ReaderLane;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The overview: every {@link UrlFilter} with its count, grouped, and the one chosen (which the
 * URL table shows). Counts are read on the stats lane and, while a crawl runs, brought up to
 * date on each tick from the rows that finished since ({@link OverviewCounts}). FX thread only.
 */
public final class OverviewModel {
    private final ObservableList<OverviewEntry> entries;
    private final ObjectProperty<UrlFilter> selected =
            new SimpleObjectProperty<>(this, "selected", UrlFilter.ALL);
    private final ReadOnlyBooleanWrapper counting = new ReadOnlyBooleanWrapper(this, "counting");
    private final ReadOnlyBooleanWrapper showOrphans =
            new ReadOnlyBooleanWrapper(this, "showOrphans");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final PacedRead<OverviewCounts.Snapshot> read;
    private OverviewCounts.Snapshot last;
    /** Whether the next read counts every row again (rows already counted changed). */
    private boolean fromScratch = true;

    public OverviewModel(LongSupplier nanoTime) {
        List<OverviewEntry> list = new ArrayList<>();
        for (UrlFilter f : UrlFilter.values()) {
            list.add(new OverviewEntry(f, groupOf(f)));
        }
        entries = FXCollections.unmodifiableObservableList(FXCollections.observableList(list));
        read = new PacedRead<>("counts", () -> {
            OverviewCounts.Snapshot base = fromScratch ? null : last;
            fromScratch = false;
            boolean orphans = showOrphans.get();
            return q -> q.counts().counts(base, orphans);
        }, this::apply, message -> {
            counting.set(false);
            error.set(message);
        }, nanoTime);
    }

    /** The filters, in the overview's order. */
    public ObservableList<OverviewEntry> entries() {
        return entries;
    }

    /** The filter the URL table shows. */
    public ObjectProperty<UrlFilter> selectedProperty() {
        return selected;
    }

    /** True while counts are being read. */
    public ReadOnlyBooleanProperty countingProperty() {
        return counting.getReadOnlyProperty();
    }

    /**
     * Whether orphans mean something here: the crawl read the sitemaps and ran to its end
     * (pages not yet crawled may link to them).
     */
    public ReadOnlyBooleanProperty showOrphansProperty() {
        return showOrphans.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The count of one filter as last read. */
    public long count(UrlFilter f) {
        return entries.get(f.ordinal()).countProperty().get();
    }

    /**
     * Counts the crawl this lane reads (null: none).
     *
     * @param orphans whether the crawl used sitemaps (so orphans are listed)
     */
    public void attach(ReaderLane stats, boolean orphans) {
        last = null;
        fromScratch = true;
        error.set("");
        // until the first count arrives (seconds for a large crawl), "…" rather than 0
        entries.forEach(e -> {
            if (stats == null) {
                e.setCount(0);
            } else {
                e.setUnknown();
            }
        });
        showOrphans.set(orphans);
        read.setLane(stats);
        if (stats != null) {
            counting.set(true);
            read.now();
        }
    }

    /** Lists orphans from now on (a sitemap crawl ran to its end), or no longer. */
    public void setShowOrphans(boolean shown) {
        if (shown != showOrphans.get()) {
            showOrphans.set(shown);
            if (shown) {
                counting.set(true);
                read.now(); // their count was left out until now
            }
        }
    }

    /** A tick of a running crawl: counts the new rows when due. */
    public void crawlGrew() {
        read.request();
    }

    /** The crawl ended: one last count. */
    public void crawlEnded() {
        counting.set(true);
        read.now();
    }

    /** Rows already counted changed (a re-check): counts every row again. */
    public void rowsChanged() {
        fromScratch = true;
        counting.set(true);
        read.now();
    }

    private void apply(OverviewCounts.Snapshot s) {
        last = s;
        counting.set(read.busy());
        error.set("");
        for (OverviewEntry e : entries) {
            e.setCount(s.of(e.filter()));
        }
    }

    private static String groupOf(UrlFilter f) {
        return switch (f) {
            case ALL, INTERNAL, EXTERNAL -> "URLs";
            case HTML, IMAGES, CSS_JS -> "Type";
            case STATUS_2XX, STATUS_3XX, STATUS_4XX, STATUS_5XX, ERRORS -> "Status";
            default -> "Issues";
        };
    }
}
