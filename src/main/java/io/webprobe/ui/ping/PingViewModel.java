package io.webprobe.ui.ping;

import io.webprobe.Words;
import io.webprobe.export.CsvExporter;
import io.webprobe.http.ErrorKind;
import io.webprobe.http.TlsTrust;
import io.webprobe.ping.LatencyBin;
import io.webprobe.ping.LatencyPoint;
import io.webprobe.ping.PingHeaders;
import io.webprobe.ping.PingJob;
import io.webprobe.ping.PingListener;
import io.webprobe.ping.PingMode;
import io.webprobe.ping.PingPlan;
import io.webprobe.ping.PingResult;
import io.webprobe.ping.PingSnapshot;
import io.webprobe.ping.RequestRecord;
import io.webprobe.ping.TargetList;
import io.webprobe.ui.common.DialogService;
import io.webprobe.ui.common.UiBatcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State and actions of the Ping tab. Lives on the FX thread. While a test runs, the shared UI
 * timer takes the job's latest snapshot (and the selected URL's latency histogram) four times
 * a second, off the FX thread, and hands it to one {@link UiBatcher}; the FX thread applies
 * only the newest. Every request is also streamed to a temporary per-request log, which the
 * export copies next to the summary.
 */
public final class PingViewModel implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PingViewModel.class);
    private static final long POLL_MILLIS = 250;
    /** Bars of the latency histogram. */
    static final int HISTOGRAM_BINS = 20;

    /** What the timer thread hands to the FX thread. */
    record Update(PingSnapshot snapshot, String binsUrl, List<LatencyBin> bins,
            boolean warmingUp) {}

    private final PingJobFactory jobs;
    private final Executor fx;
    private final ScheduledExecutorService timer;
    private final Executor background;
    private final PingExport export;
    private final DialogService dialogs;
    private final String userAgent;
    private final Duration tick;
    /** The list of URLs, and the URLs put in it from a crawl or a file. */
    private final PingTargets list;

    /** The settings as the user edits them, and the plan they make of a list. */
    private final PingSettingsForm settings = new PingSettingsForm();
    /** Whether the last run left requests unsent (open loop, a server slower than its rate). */
    private final ReadOnlyBooleanWrapper notSent = new ReadOnlyBooleanWrapper(this, "notSent");
    /** The last run's end (its status line when it ended), kept while other messages follow. */
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    /** Whether the table has anything to export: a request of the last test was sent. */
    private final ReadOnlyBooleanWrapper exportable =
            new ReadOnlyBooleanWrapper(this, "exportable");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status =
            new ReadOnlyStringWrapper(this, "status", "Enter URLs, one per line, and press Start.");
    /**
     * The status bar's text: the status, and under a message that followed a run's end (an
     * export's, "No test started…", a list loaded) that end, since the table still shows
     * that run. (It was also on a line of its own above the table: the same sentence twice.)
     */
    private final StringBinding statusLine = Bindings.createStringBinding(() ->
            summary.get().isEmpty() || summary.get().equals(status.get()) ? status.get()
                    : status.get() + "\n" + summary.get(), status, summary);
    private final ObservableList<PingRow> rows = FXCollections.observableArrayList();
    private final ObservableList<LatencyPoint> series = FXCollections.observableArrayList();
    /** The selected URL's histogram: which URL, the chart's title, its bars. */
    private final PingHistogram histogram = new PingHistogram(rows, running::get,
            this::readHistogram);
    /** Written on the FX thread, read by the timer thread for histograms. */
    private volatile PingJob job;
    private UiBatcher<Update> batcher;
    private ScheduledFuture<?> poll;
    /** Stop was pressed while the job was still being made (FX thread). */
    private boolean stopAsked;
    private CompletableFuture<Path> requestLogReady = CompletableFuture.completedFuture(null);
    private int generation;
    /** Whether the current run's final snapshot is on screen (FX thread). */
    private boolean shownFinal;
    /** The current run's per-request timeout (FX thread). */
    private Duration timeout = PingPlan.DEFAULT_TIMEOUT;
    /** The certificates the current run trusts, as chosen at its start (FX thread). */
    private PingTrust trust = new PingTrust(false, "");

    public PingViewModel(PingJobFactory jobs, Executor fx, ScheduledExecutorService timer,
            Executor background, CsvExporter exporter, DialogService dialogs, String userAgent,
            Duration tick) {
        this.jobs = jobs;
        this.fx = fx;
        this.timer = timer;
        this.background = background;
        this.export = new PingExport(fx, background, exporter, dialogs);
        this.dialogs = dialogs;
        this.userAgent = userAgent;
        this.tick = tick;
        this.list = new PingTargets(this, dialogs, fx, background, status::set, running::get);
    }

    /** Reads a URL's histogram off the FX thread and shows it if the URL is still selected. */
    private void readHistogram(String url) {
        PingJob j = job;
        if (j == null) {
            return;
        }
        int gen = generation;
        background.execute(() -> {
            List<LatencyBin> bins = j.latencyBins(url, HISTOGRAM_BINS);
            fx.execute(() -> {
                if (gen == generation) {
                    histogram.show(url, bins);
                }
            });
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
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    /**
     * Whether Export CSV… has anything to write (a request sent): disabled before, as the
     * Crawl tab's is, rather than enabled to say there is nothing to export yet.
     */
    public ReadOnlyBooleanProperty exportableProperty() {
        return exportable.getReadOnlyProperty();
    }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
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
        if (running.get()) {
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
        timeout = plan.timeout();
        closeJob();
        int gen = ++generation;
        shownFinal = false;
        stopAsked = false;
        rows.setAll(list.urls().stream().map(u -> new PingRow(u.toString())).toList());
        histogram.rowsChanged();
        exportable.set(false);
        series.clear();
        histogram.bins().clear();
        histogram.keepAmong(list.urls().stream().map(u -> u.toString()).toList());
        UiBatcher<Update> b = new UiBatcher<>(fx, timer, tick, batch -> {
            if (gen == generation && !batch.isEmpty()) {
                apply(newest(batch));
            }
        });
        batcher = b;
        CompletableFuture<Path> logReady = new CompletableFuture<>();
        requestLogReady = logReady;
        running.set(true);
        notSent.set(false);
        summary.set("");
        progress.set(-1);
        int n = list.urls().size();
        // the workers open their connections and warm up on the targets first (WorkerWarmUp)
        boolean opening = io.webprobe.ping.PingJob.Engine.forPlan(plan)
                == io.webprobe.ping.PingJob.Engine.WORKERS;
        status.set("Pinging " + Words.count(n, "URL") + (settings.insecure().get()
                ? " without checking certificates" : "") + (opening
                ? " (first opening the connections and warming up, for a few seconds at most)…"
                : "…"));
        // the job's TLS set-up and its classes take ~0.2 s the first time, and the certificate
        // file is read: not on this thread
        PingTrust trust = settings.trust();
        this.trust = trust;
        background.execute(() -> launch(plan, trust, gen, b, logReady));
        return true;
    }

    /** On a background thread: opens the per-request log, makes the job, then starts it. */
    private void launch(PingPlan chosen, PingTrust trust, int gen, UiBatcher<Update> b,
            CompletableFuture<Path> logReady) {
        PingPlan plan;
        try {
            plan = trust.applyTo(chosen);
        } catch (TlsTrust.TrustException e) {
            notStarted(gen, b, e.getMessage(), true);
            logReady.complete(null);
            return;
        }
        // here, with the run's own trust: for https it builds the TLS context (not on FX)
        String cannotRun = jobs.problem(plan);
        if (cannotRun != null) {
            notStarted(gen, b, cannotRun, false);
            logReady.complete(null);
            return;
        }
        PingRequestLog requestLog = PingRequestLog.open(logReady);
        PingJob j;
        try {
            j = jobs.create(plan, listener(gen, b, requestLog));
        } catch (RuntimeException e) {
            log.error("The ping test could not start", e);
            requestLog.close();
            notStarted(gen, b, "The test could not start because of an internal error; the "
                    + "details are in the log file.", false);
            return;
        }
        fx.execute(() -> {
            if (gen != generation) { // closed, or another test started meanwhile
                background.execute(j::close);
                return;
            }
            job = j;
            j.start();
            poll = timer.scheduleAtFixedRate(() -> b.offer(update(j.latest())),
                    POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (stopAsked) {
                j.stop();
            }
        });
    }

    /**
     * The run of generation {@code gen} did not start: said in the status bar (and, when
     * {@code dialog}, in an error dialog), unless another run or a close came since.
     */
    private void notStarted(int gen, UiBatcher<Update> b, String why, boolean dialog) {
        fx.execute(() -> {
            if (gen == generation) {
                b.close();
                running.set(false);
                progress.set(0);
                status.set(why);
                if (dialog) {
                    dialogs.showError("Ping not started", why);
                }
            }
        });
    }

    private PingListener listener(int gen, UiBatcher<Update> b, PingRequestLog requestLog) {
        return new PingListener() {
            @Override
            public void onRequest(RequestRecord record) {
                requestLog.offer(record);
            }

            @Override
            public void onFinished(PingSnapshot last) {
                b.offer(update(last));
                b.close();
                fx.execute(() -> {
                    if (gen == generation) {
                        finished(last);
                    }
                });
                background.execute(requestLog::close);
            }
        };
    }

    /** Runs on the UI timer thread: the newest snapshot and the selected URL's histogram. */
    private Update update(PingSnapshot s) {
        String url = histogram.urlForTimer();
        PingJob j = job;
        List<LatencyBin> bins = url == null || j == null ? List.of() : j.latencyBins(url, HISTOGRAM_BINS);
        return new Update(s, url, bins, j != null && j.warmingUp());
    }

    /**
     * The update to show: the final snapshot when the batch has it (a poll that read the job
     * just before the end may be queued after it), else the last one.
     */
    private static Update newest(List<Update> batch) {
        for (Update u : batch) {
            if (u.snapshot().finished()) {
                return u;
            }
        }
        return batch.get(batch.size() - 1);
    }

    /** The failures' words of the run shown (an expired certificate said so). FX thread. */
    private java.util.function.Function<ErrorKind, String> errorLabel = ErrorKind::label;

    /**
     * A row's Errors cell: its failures by kind, the most frequent first, in the words of the
     * run's own sentences ("10 Connection refused").
     */
    public java.util.List<String> errorsOf(io.webprobe.ping.PingResult r) {
        return r.errorsMostFirst(errorLabel);
    }

    /**
     * A row's Failed cell's tooltip: its failed requests' kinds, errors and statuses, in the
     * Errors cells' words ("8 Connection refused, 2 HTTP 503"), or "".
     */
    String failuresOf(io.webprobe.ping.PingResult r) {
        return PingStatusText.failures(r, errorLabel);
    }

    private void apply(Update u) {
        PingSnapshot s = u.snapshot();
        if (shownFinal) {
            return; // nothing after the final snapshot is newer
        }
        shownFinal = s.finished();
        errorLabel = s::errorLabel; // before the rows: their Errors cells read it
        List<PingResult> results = s.results();
        for (int i = 0; i < results.size() && i < rows.size(); i++) {
            rows.get(i).update(results.get(i));
        }
        exportable.set(results.stream().anyMatch(r -> r.sent() > 0));
        LatencySeries.mirror(series, s.series());
        histogram.show(u.binsUrl(), u.bins());
        progress.set(s.progress());
        status.set(PingStatusText.whileRunning(s, u.warmingUp(), timeout));
    }

    /**
     * The last run's end as the status said it ("Finished: 419 sent · …"), kept when the
     * status moves on (an export's message); "" while a run goes and before the first.
     */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty notSentProperty() {
        return notSent.getReadOnlyProperty();
    }

    private void finished(PingSnapshot last) {
        if (poll != null) {
            poll.cancel(false);
        }
        running.set(false);
        // the last poll may have read another URL's bins (the selection changed as the run
        // ended) and none follows it: the selected URL's final ones are read now
        if (histogram.selectedUrl().get() != null) {
            readHistogram(histogram.selectedUrl().get());
        }
        progress.set(last.stopped() ? last.progress() : 1.0);
        notSent.set(last.notSent() > 0);
        if (last.failure() != null) {
            String why = last.failure("Settings › Concurrency");
            status.set("Failed: " + why);
            dialogs.showError("Ping failed", why + " The figures shown are incomplete.");
        } else {
            status.set(PingStatusText.ended(last, job, trust));
        }
        summary.set(status.get());
        PingJob j = job;
        background.execute(j::close);
    }

    /** Stops the running test; what was measured stays. */
    public void stop() {
        if (running.get()) {
            status.set("Stopping…");
            if (job != null) {
                job.stop();
            } else {
                stopAsked = true; // the job is being made: stopped as soon as it starts
            }
        }
    }

    /**
     * Asks for a file and writes the per-URL summary there and the per-request log beside it
     * ("ping.csv" and "ping-requests.csv"), off the FX thread.
     */
    public CompletableFuture<Void> exportCsv() {
        List<PingResult> results = rows.stream().map(PingRow::result).toList();
        return export.export(results, running.get() ? CompletableFuture.completedFuture(null)
                : requestLogReady, status::set);
    }

    private void closeJob() {
        if (poll != null) {
            poll.cancel(false);
            poll = null;
        }
        if (batcher != null) {
            batcher.close();
            batcher = null;
        }
        if (job != null) {
            PingJob j = job;
            job = null;
            background.execute(j::close);
        }
    }

    /** Stops any test and releases its threads; its late FX messages are dropped. */
    @Override
    public void close() {
        generation++;
        if (poll != null) {
            poll.cancel(false);
        }
        if (batcher != null) {
            batcher.close();
        }
        if (job != null) {
            job.close();
        }
    }
}
