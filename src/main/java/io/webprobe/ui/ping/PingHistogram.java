package io.webprobe.ui.ping;

import io.webprobe.ping.LatencyBin;
import io.webprobe.ui.common.SiteUrls;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Ping tab's latency histogram: the URL selected in the table (which the UI timer thread
 * reads too, to ask the job for its bars), the chart's title naming it, and its bars. Reading
 * the bars from a job is the {@link PingViewModel}'s; FX thread only, but for {@link
 * #urlForTimer()}.
 */
final class PingHistogram {
    /**
     * The histogram's title over the URL it is of, on a line of its own: after "Latency
     * distribution: ", in the half of the window the chart has, it read "Latency
     * distribution: http://127.0.0.1:1810..." at 1,200 px.
     */
    static final String TITLE = "Latency distribution\n";

    private final ObservableList<PingRow> rows;
    private final ReadOnlyStringWrapper title =
            new ReadOnlyStringWrapper(this, "histogramTitle", TITLE + "no URL selected");
    private final StringProperty selectedUrl = new SimpleStringProperty(this, "selectedUrl");
    private final ObservableList<LatencyBin> bins = FXCollections.observableArrayList();
    private volatile String selectedUrlForTimer;
    /** The site every row's URL is on, empty if they are on several; null: not yet known. */
    private Optional<java.net.URI> rowsSite;

    /**
     * @param rows the table's rows, whose URLs the title shortens when they share a site
     * @param running whether a test runs (its polls then bring the bars)
     * @param read reads a newly selected URL's bars while no test runs
     */
    PingHistogram(ObservableList<PingRow> rows, BooleanSupplier running, Consumer<String> read) {
        this.rows = rows;
        selectedUrl.addListener((o, a, b) -> {
            selectedUrlForTimer = b;
            bins.clear();
            title.set(TITLE + (b == null ? "no URL selected" : histogramUrl(b)));
            if (b != null && !running.getAsBoolean()) {
                read.accept(b);
            }
        });
    }

    /** The URL whose latency histogram is shown; set from the table's selection. */
    StringProperty selectedUrl() {
        return selectedUrl;
    }

    /** The selected URL, for the UI timer thread. */
    String urlForTimer() {
        return selectedUrlForTimer;
    }

    ReadOnlyStringProperty title() {
        return title.getReadOnlyProperty();
    }

    /** The selected URL's response-time histogram. */
    ObservableList<LatencyBin> bins() {
        return bins;
    }

    /** Shows a URL's bars if it is still the one selected. */
    void show(String url, List<LatencyBin> urlBins) {
        if (url != null && url.equals(selectedUrl.get())) {
            bins.setAll(urlBins);
        }
    }

    /** The rows were replaced: their one site is looked for again. */
    void rowsChanged() {
        rowsSite = null;
    }

    /** A new run's URLs: the selection stays on one of them, else moves to the first. */
    void keepAmong(List<String> urls) {
        if (selectedUrl.get() == null
                || urls.stream().noneMatch(u -> u.equals(selectedUrl.get()))) {
            selectedUrl.set(urls.get(0));
        }
    }

    /**
     * The selected URL as the histogram's title names it: by its path and query when every
     * URL in the table is on its site, as in a test of one site's pages, else whole. The title
     * cuts it in the middle when it is still too long and holds it whole in its tooltip.
     */
    private String histogramUrl(String url) {
        if (rowsSite == null) { // the rows' one site, looked for once per list of rows
            rowsSite = Optional.empty();
            if (!rows.isEmpty()) {
                try {
                    java.net.URI s = io.webprobe.http.Urls.toUri(rows.get(0).url());
                    if (rows.stream().allMatch(r -> SiteUrls.onSite(s, r.url()))) {
                        rowsSite = Optional.of(s);
                    }
                } catch (IllegalArgumentException e) {
                    // not a URL as the engine writes them: every URL named whole
                }
            }
        }
        return io.webprobe.http.UrlSyntax.forPeople(rowsSite.isPresent()
                ? SiteUrls.shown(rowsSite.get(), url) : url);
    }
}
