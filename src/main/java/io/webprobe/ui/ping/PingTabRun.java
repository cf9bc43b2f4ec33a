package io.webprobe.ui.ping;

import io.webprobe.Words;
import io.webprobe.http.ErrorKind;
import io.webprobe.http.TlsTrust;
import io.webprobe.ping.LatencyBin;
import io.webprobe.ping.LatencyPoint;
import io.webprobe.ping.PingJob;
import io.webprobe.ping.PingListener;
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
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test running in the Ping tab, from Start to its end: the job made off the FX thread (the
 * certificates it trusts read, the engine's own check, the per-request log opened), the shared
 * UI timer taking its latest snapshot (and the selected URL's histogram) four times a second
 * off the FX thread and handing it to one {@link UiBatcher}, the FX thread applying only the
 * newest to the rows, the charts, the progress and the status line; Stop, also before the job
 * is made; and its end. Late messages of an earlier run, or after {@link #close}, are dropped
 * (its generation). What a test is of is the {@link PingViewModel}'s.
 *
 * <p>FX thread only, but for the timer's poll and the job's listener, which post to the FX
 * thread.
 */
final class PingTabRun implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PingTabRun.class);
    private static final long POLL_MILLIS = 250;

    /** What the timer thread hands to the FX thread. */
    record Update(PingSnapshot snapshot, String binsUrl, List<LatencyBin> bins,
            boolean warmingUp) {}

    private final PingJobFactory jobs;
    private final Executor fx;
    private final ScheduledExecutorService timer;
    private final Executor background;
    private final DialogService dialogs;
    private final Duration tick;
    private final ObservableList<PingRow> rows;
    private final ObservableList<LatencyPoint> series;
    private final PingHistogram histogram;
    /** The tab's status (the list's messages share it). */
    private final ReadOnlyStringWrapper status;

    /** Whether the last run left requests unsent (open loop, a server slower than its rate). */
    private final ReadOnlyBooleanWrapper notSent = new ReadOnlyBooleanWrapper(this, "notSent");
    /** The last run's end (its status line when it ended), kept while other messages follow. */
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    /** Whether the table has anything to export: a request of the last test was sent. */
    private final ReadOnlyBooleanWrapper exportable =
            new ReadOnlyBooleanWrapper(this, "exportable");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    /** How long the run shown has gone on, in seconds (its whole time once it has ended). */
    private final ReadOnlyDoubleWrapper runSeconds = new ReadOnlyDoubleWrapper(this, "runSeconds");

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
    /** The failures' words of the run shown (an expired certificate said so). FX thread. */
    private Function<ErrorKind, String> errorLabel = ErrorKind::label;

    PingTabRun(PingJobFactory jobs, Executor fx, ScheduledExecutorService timer,
            Executor background, DialogService dialogs, Duration tick,
            ObservableList<PingRow> rows, ObservableList<LatencyPoint> series,
            ReadOnlyStringWrapper status) {
        this.jobs = jobs;
        this.fx = fx;
        this.timer = timer;
        this.background = background;
        this.dialogs = dialogs;
        this.tick = tick;
        this.rows = rows;
        this.series = series;
        this.status = status;
        this.histogram = new PingHistogram(rows, running::get, this::readHistogram);
    }

    /** The selected URL's histogram, its bars read from this run's job. */
    PingHistogram histogram() {
        return histogram;
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    boolean running() {
        return running.get();
    }

    ReadOnlyBooleanProperty exportableProperty() {
        return exportable.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty runSecondsProperty() {
        return runSeconds.getReadOnlyProperty();
    }

    /** Sets {@link #runSecondsProperty}: each update of the run; a test. FX thread. */
    void runSeconds(double seconds) {
        runSeconds.set(seconds);
    }

    ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty notSentProperty() {
        return notSent.getReadOnlyProperty();
    }

    /** The failures' words of the run shown. */
    Function<ErrorKind, String> errorLabel() {
        return errorLabel;
    }

    /** The per-request log of the last run once it is written; none while a run goes. */
    CompletableFuture<Path> requestLog() {
        return running.get() ? CompletableFuture.completedFuture(null) : requestLogReady;
    }

    /**
     * Starts a test of this plan of the list's URLs, trusting {@code trust}, instead of the
     * last one (whose job is closed).
     */
    void start(PingPlan plan, TargetList list, PingTrust trust) {
        timeout = plan.timeout();
        closeJob();
        int gen = ++generation;
        shownFinal = false;
        stopAsked = false;
        rows.setAll(list.urls().stream().map(u -> new PingRow(u.toString())).toList());
        histogram.rowsChanged();
        exportable.set(false);
        series.clear();
        runSeconds.set(0);
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
        status.set("Pinging " + Words.count(n, "URL") + (trust.insecure()
                ? " without checking certificates" : "") + (opening
                ? " (first opening the connections and warming up, for a few seconds at most)…"
                : "…"));
        // the job's TLS set-up and its classes take ~0.2 s the first time, and the certificate
        // file is read: not on this thread
        this.trust = trust;
        background.execute(() -> launch(plan, trust, gen, b, logReady));
    }

    /** Reads a URL's histogram off the FX thread and shows it if the URL is still selected. */
    private void readHistogram(String url) {
        PingJob j = job;
        if (j == null) {
            return;
        }
        int gen = generation;
        background.execute(() -> {
            List<LatencyBin> bins = j.latencyBins(url, PingViewModel.HISTOGRAM_BINS);
            fx.execute(() -> {
                if (gen == generation) {
                    histogram.show(url, bins);
                }
            });
        });
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
                // no row of a run that never was: after "Ping not started" the table read
                // "0 sent … 0.0 req/s" and the histogram "No response from this URL to draw"
                // for the URLs that were not pinged at all
                rows.clear();
                histogram.rowsChanged();
                histogram.selectedUrl().set(null);
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
        List<LatencyBin> bins = url == null || j == null ? List.of()
                : j.latencyBins(url, PingViewModel.HISTOGRAM_BINS);
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
        runSeconds(s.elapsed().toNanos() / 1e9);
        histogram.show(u.binsUrl(), u.bins());
        progress.set(s.progress());
        status.set(PingStatusText.whileRunning(s, u.warmingUp(), timeout));
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
    void stop() {
        if (running.get()) {
            status.set("Stopping…");
            if (job != null) {
                job.stop();
            } else {
                stopAsked = true; // the job is being made: stopped as soon as it starts
            }
        }
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
