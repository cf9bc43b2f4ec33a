package io.webprobe.ui.ping;

import io.webprobe.export.CsvExporter;
import io.webprobe.ping.LatencyBin;
import io.webprobe.ping.LatencyPoint;
import io.webprobe.ping.PingHeaders;
import io.webprobe.ping.PingMode;
import io.webprobe.ping.PingPlan;
import io.webprobe.ping.PingResult;
import io.webprobe.ping.TargetList;
import io.webprobe.ui.common.DialogService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and actions of the Ping tab: the list of URLs ({@link PingTargets}), the settings
 * ({@link PingSettingsForm}), the rows, charts and status line a test fills, and the actions.
 * Lives on the FX thread. Running a test is {@link PingTabRun}'s: while it runs, the shared UI
 * timer takes the job's latest snapshot (and the selected URL's latency histogram, {@link
 * PingHistogram}) four times a second, off the FX thread, and the FX thread applies only the
 * newest. Every request is also streamed to a temporary per-request log, which the export
 * copies next to the summary.
 */
public final class PingViewModel implements AutoCloseable {
    /** Bars of the latency histogram. */
    static final int HISTOGRAM_BINS = 20;

    private final PingExport export;
    private final DialogService dialogs;
    private final String userAgent;
    /** The list of URLs, and the URLs put in it from a crawl or a file. */
    private final PingTargets list;

    /** The settings as the user edits them, and the plan they make of a list. */
    private final PingSettingsForm settings = new PingSettingsForm();
    /** The status before anything was done, and after an edit made a list sentence untrue. */
    static final String IDLE = "Enter URLs, one per line, and press Start.";
    private final ReadOnlyStringWrapper status =
            new ReadOnlyStringWrapper(this, "status", IDLE);
    private final ObservableList<PingRow> rows = FXCollections.observableArrayList();
    private final ObservableList<LatencyPoint> series = FXCollections.observableArrayList();
    /** The selected URL's histogram: which URL, the chart's title, its bars. */
    private final PingHistogram histogram;
    /** The test running, or the last one. */
    private final PingTabRun run;
    /**
     * The status bar's text: the status, and under a message that followed a run's end (an
     * export's, "No test started…", a list loaded) that end, since the table still shows
     * that run. (It was also on a line of its own above the table: the same sentence twice.)
     */
    private final StringBinding statusLine;

    public PingViewModel(PingJobFactory jobs, Executor fx, ScheduledExecutorService timer,
            Executor background, CsvExporter exporter, DialogService dialogs, String userAgent,
            Duration tick) {
        this.export = new PingExport(fx, background, exporter, dialogs);
        this.dialogs = dialogs;
        this.userAgent = userAgent;
        this.run = new PingTabRun(jobs, fx, timer, background, dialogs, tick, rows, series,
                status);
        this.histogram = run.histogram();
        ReadOnlyStringProperty summary = run.summaryProperty();
        this.statusLine = Bindings.createStringBinding(() ->
                summary.get().isEmpty() || summary.get().equals(status.get()) ? status.get()
                        : status.get() + "\n" + summary.get(), status, summary);
        this.list = new PingTargets(this, dialogs, fx, background, status::set, run::running);
        // an edit of the list makes a sentence of what it holds untrue: "The list now holds 417
        // URLs from the crawl; press Start to ping them." stayed over the 4 URLs typed in its
        // place
        list.textProperty().addListener(o -> {
            if (status.get().equals(list.said())) {
                status.set(summary.get().isEmpty() ? IDLE : summary.get());
            }
        });
    }

    public StringProperty targetsProperty() { return list.textProperty(); }
    public ReadOnlyStringProperty targetProblemsProperty() { return list.problems().getReadOnlyProperty(); }
    public ObjectProperty<String> methodProperty() { return settings.method(); }
    public ObjectProperty<PingMode> modeProperty() { return settings.mode(); }
    public IntegerProperty countProperty() { return settings.count(); }
    public IntegerProperty durationSecondsProperty() { return settings.durationSeconds(); }
    public DoubleProperty rateProperty() { return settings.rate(); }
    public IntegerProperty concurrencyProperty() { return settings.concurrency(); }
    public DoubleProperty timeoutSecondsProperty() { return settings.timeoutSeconds(); }
    public BooleanProperty followRedirectsProperty() { return settings.followRedirects(); }
    public BooleanProperty keepAliveProperty() { return settings.keepAlive(); }
    /**
     * Ask https URLs for HTTP/2 (the command line's --http2); each row's protocol says which
     * answered. Setting it sets keep-alive; clearing keep-alive clears it.
     */
    public BooleanProperty http2Property() { return settings.http2(); }
    /** Accept any certificate for any name (the command line's --insecure). */
    public BooleanProperty insecureProperty() { return settings.insecure(); }
    /** A PEM file to trust besides the usual authorities (--cacert); blank for none. */
    public StringProperty certificateFileProperty() { return settings.certificateFile(); }
    /**
     * Extra request headers, "Name: value" one per line, blank lines skipped: the command
     * line's -H, checked by the same rule ({@link PingHeaders}) when Start is pressed.
     */
    public StringProperty headersProperty() { return settings.headers(); }
    public ReadOnlyBooleanProperty runningProperty() { return run.runningProperty(); }

    /**
     * Whether Export CSV… has anything to write (a request sent): disabled before, as the
     * Crawl tab's is, rather than enabled to say there is nothing to export yet.
     */
    public ReadOnlyBooleanProperty exportableProperty() {
        return run.exportableProperty();
    }
    public ReadOnlyDoubleProperty progressProperty() { return run.progressProperty(); }

    /**
     * How long the run shown has gone on, in seconds, as its status line's clock says: the
     * latency chart's time axis reaches it, though no answer came in its last seconds.
     */
    public ReadOnlyDoubleProperty runSecondsProperty() {
        return run.runSecondsProperty();
    }

    /** Sets {@link #runSecondsProperty}: each update of the run; a test. FX thread. */
    void runSeconds(double seconds) {
        run.runSeconds(seconds);
    }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** What the status bar says ({@link #statusLine}). */
    public StringExpression statusLineProperty() { return statusLine; }
    public ReadOnlyStringProperty histogramTitleProperty() { return histogram.title(); }
    /** The URL whose latency histogram is shown; set from the table's selection. */
    public StringProperty selectedUrlProperty() { return histogram.selectedUrl(); }
    public ObservableList<PingRow> rows() { return rows; }
    /** p50/p99 per second of the current run. */
    public ObservableList<LatencyPoint> series() { return series; }
    /** The selected URL's response-time histogram. */
    public ObservableList<LatencyBin> histogram() { return histogram.bins(); }

    /**
     * Most URLs the list takes from a crawl or a file ({@link PingTargets#MAX_LIST_URLS}: the
     * list is a text box; {@code ping --file} on the command line takes any number).
     */
    public static final int MAX_LIST_URLS = PingTargets.MAX_LIST_URLS;

    /**
     * Puts URLs taken from a crawl in the target list (the first {@link #MAX_LIST_URLS}),
     * asking before it replaces lines of the user's own: Replace, Add to the list, or Cancel.
     *
     * @return false when the user cancelled (the list is as it was)
     */
    public boolean setTargets(List<String> urls) {
        return list.setTargets(urls);
    }

    /**
     * The list's lines that came from a crawl ("Ping these"), one a line: kept with the list,
     * so that after a restart the question before replacing it counts only the user's own.
     */
    public String targetsFromCrawl() {
        return list.fromCrawlLines();
    }

    /** Brings back what {@link #targetsFromCrawl()} gave, after the list (the app opening). */
    public void restoreTargetsFromCrawl(String lines) {
        list.restoreFromCrawl(lines);
    }

    /** Names the list's bad lines under it (a list brought back when the app opens). */
    public void showTargetProblems() {
        list.showProblems();
    }

    /** Asks for a file of URLs and loads it (read off the FX thread). */
    public CompletableFuture<Void> loadTargetsFromFile() {
        return list.loadTargetsFromFile();
    }

    /** Asks for a certificate file to trust (Choose… beside Trust certificate). */
    public void chooseCertificateFile() {
        dialogs.chooseCertificateFile("Certificate file to trust")
                .ifPresent(p -> settings.certificateFile().set(p.toString()));
    }

    /**
     * Starts a test of the valid URLs in the list; bad lines are listed under it and skipped.
     *
     * @return whether a test started
     */
    public boolean start() {
        if (run.running()) {
            return false;
        }
        TargetList list = this.list.parse();
        if (list.urls().isEmpty()) {
            // said in the status bar too: Start seemed to do nothing, the last run's
            // "Finished: …" still there as if it were this list's
            status.set(PingTargets.nothingToPing(list, !rows.isEmpty()));
            return false;
        }
        PingPlan plan;
        try {
            plan = settings.plan(list, userAgent);
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage() + ".");
            return false;
        }
        run.start(plan, list, settings.trust());
        return true;
    }

    /**
     * A row's Errors cell: its failures by kind, the most frequent first, in the words of the
     * run's own sentences ("10 Connection refused").
     */
    public java.util.List<String> errorsOf(io.webprobe.ping.PingResult r) {
        return r.errorsMostFirst(run.errorLabel());
    }

    /**
     * A row's Failed cell's tooltip: its failed requests' kinds, errors and statuses, in the
     * Errors cells' words ("8 Connection refused, 2 HTTP 503"), or "".
     */
    String failuresOf(io.webprobe.ping.PingResult r) {
        return PingStatusText.failures(r, run.errorLabel());
    }

    /**
     * The last run's end as the status said it ("Finished: 419 sent · …"), kept when the
     * status moves on (an export's message); "" while a run goes and before the first.
     */
    public ReadOnlyStringProperty summaryProperty() {
        return run.summaryProperty();
    }

    public ReadOnlyBooleanProperty notSentProperty() {
        return run.notSentProperty();
    }

    /** Says a sentence in the status bar (above the last run's end, which stays). */
    void say(String message) {
        status.set(message);
    }

    /** Stops the running test; what was measured stays. */
    public void stop() {
        run.stop();
    }

    /**
     * Asks for a file and writes the per-URL summary there and the per-request log beside it
     * ("ping.csv" and "ping-requests.csv"), off the FX thread.
     */
    public CompletableFuture<Void> exportCsv() {
        List<PingResult> results = rows.stream().map(PingRow::result).toList();
        return export.export(results, run.requestLog(), status::set);
    }

    /** Stops any test and releases its threads; its late FX messages are dropped. */
    @Override
    public void close() {
        run.close();
    }
}
