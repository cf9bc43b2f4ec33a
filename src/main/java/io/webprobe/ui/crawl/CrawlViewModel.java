package io.webprobe.ui.crawl;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.crawl.CrawlEvent;
import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlListener;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlProgress;
import io.webprobe.crawl.CrawlResult;
import io.webprobe.crawl.CrawlSummary;
import io.webprobe.crawl.ProgressFormat;
import io.webprobe.export.CrawlExport;
import io.webprobe.export.CsvExporter;
import io.webprobe.export.ExportBatch;
import io.webprobe.export.ExportException;
import io.webprobe.store.CrawlReader;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.StoreException;
import io.webprobe.http.UrlSyntax;
import io.webprobe.ui.common.DialogService;
import io.webprobe.ui.common.ExportPaths;
import io.webprobe.ui.common.UiBatcher;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and actions of the Crawl tab. Lives on the FX thread: every property and list is read
 * and changed there only. Worker results arrive through one {@link UiBatcher}, one batch per
 * tick. Never touches controls, so it is tested without a window.
 */
public final class CrawlViewModel implements AutoCloseable {
    private static final org.slf4j.Logger log =
            org.slf4j.LoggerFactory.getLogger(CrawlViewModel.class);
    private final CrawlJobFactory jobs;
    private final Executor fx;
    private final ScheduledExecutorService timer;
    private final Executor background;
    private final CsvExporter exporter;
    private final DialogService dialogs;
    private final String userAgent;
    private final Duration tick;

    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final ReadOnlyStringWrapper urlError = new ReadOnlyStringWrapper(this, "urlError", "");
    private final CrawlSettingsForm settings = new CrawlSettingsForm();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(this, "paused");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status =
            new ReadOnlyStringWrapper(this, "status", "Type a start URL and press Start.");
    private final ObservableList<CrawlRow> rows = FXCollections.observableArrayList();
    private final ObservableList<BrokenLink> brokenLinks = FXCollections.observableArrayList();
    private final ObservableList<CrawlResult> orphans = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper orphansKnown = new ReadOnlyBooleanWrapper(this, "orphansKnown");
    private final Map<String, CrawlRow> rowsByUrl = new HashMap<>();

    private CrawlJob job;
    /** The crawl file of the current (or last) crawl. */
    private CrawlStore store;
    private UiBatcher<CrawlEvent> batcher;
    private CrawlPlan plan;
    /** Which crawl the current rows belong to; late messages of an earlier crawl are dropped. */
    private int generation;

    public CrawlViewModel(CrawlJobFactory jobs, Executor fx, ScheduledExecutorService timer,
            Executor background, CsvExporter exporter, DialogService dialogs, String userAgent,
            Duration tick) {
        this.jobs = jobs;
        this.fx = fx;
        this.timer = timer;
        this.background = background;
        this.exporter = exporter;
        this.dialogs = dialogs;
        this.userAgent = userAgent;
        this.tick = tick;
        url.addListener((obs, old, now) -> urlError.set(""));
    }

    public StringProperty urlProperty() {
        return url;
    }

    public ReadOnlyStringProperty urlErrorProperty() {
        return urlError.getReadOnlyProperty();
    }

    /** Worker threads (part of {@link #settings()}). */
    public IntegerProperty threadsProperty() {
        return settings.threadsProperty();
    }

    /** Obey robots.txt, on by default (part of {@link #settings()}). */
    public BooleanProperty respectRobotsProperty() {
        return settings.respectRobotsProperty();
    }

    /** The crawl settings as edited; read when a crawl starts. */
    public CrawlSettingsForm settings() {
        return settings;
    }

    /** One sentence about a bad setting after {@link #start()} refused, or "". */
    public ReadOnlyStringProperty settingsErrorProperty() {
        return settings.errorProperty();
    }

    /** True while a crawl runs: its settings were read at the start and cannot change. */
    public ReadOnlyBooleanProperty settingsLockedProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** Crawled / discovered, 0 to 1; -1 (indeterminate) while nothing is known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<CrawlRow> rows() {
        return rows;
    }

    public ObservableList<BrokenLink> brokenLinks() {
        return brokenLinks;
    }

    /**
     * The sitemap URLs no crawled page links to, with what fetching them gave; filled when a
     * crawl that used sitemaps has finished (not when it was stopped: pages not yet crawled may
     * link to them).
     */
    public ObservableList<CrawlResult> orphans() {
        return orphans;
    }

    /** Whether {@link #orphans()} belongs to the last crawl (it used sitemaps and finished). */
    public ReadOnlyBooleanProperty orphansKnownProperty() {
        return orphansKnown.getReadOnlyProperty();
    }

    /**
     * Starts a crawl of the URL in the field with the {@link #settings()}; on bad input sets
     * {@link #urlErrorProperty()} or {@link #settingsErrorProperty()} and starts nothing (what
     * was typed stays).
     *
     * @return whether a crawl started
     */
    public boolean start() {
        if (running.get()) {
            return false;
        }
        URI start;
        try {
            start = UrlSyntax.parseUserUrl(url.get());
        } catch (UrlSyntax.InvalidUrlException e) {
            urlError.set(e.getMessage());
            return false;
        }
        Optional<CrawlSettings> chosen = settings.read();
        if (chosen.isEmpty()) {
            return false;
        }
        CrawlPlan plan = chosen.get().toPlan(start, userAgent);
        CrawlStore newStore;
        try {
            newStore = jobs.newStore(plan);
        } catch (StoreException e) {
            status.set(e.getMessage());
            dialogs.showError("Cannot start the crawl", e.getMessage());
            return false;
        }
        closeJob();
        rows.clear();
        brokenLinks.clear();
        orphans.clear();
        orphansKnown.set(false);
        rowsByUrl.clear();
        int gen = ++generation;
        UiBatcher<CrawlEvent> b = new UiBatcher<>(fx, timer, tick, batch -> {
            if (gen == generation) {
                apply(batch);
            }
        });
        CrawlListener events = new CrawlListener() {
            @Override
            public void onResult(CrawlResult result) {
                b.offer(result);
            }

            @Override
            public void onFinished(CrawlSummary summary) {
                b.close();
                // the reads of the crawl file run here, on the worker, not on the FX thread
                List<CrawlResult> last = List.of();
                List<BrokenLink> broken = List.of();
                List<CrawlResult> orphanRows = List.of();
                try (CrawlReader reader = newStore.reader()) {
                    last = reader.results();
                    broken = reader.brokenLinks();
                    if (orphansFound(plan, summary)) {
                        orphanRows = reader.orphanRows();
                    }
                } catch (StoreException e) {
                    log.warn("Could not read the finished crawl back: {}", e.getMessage());
                }
                List<CrawlResult> finalRows = last;
                List<BrokenLink> finalBroken = broken;
                List<CrawlResult> finalOrphans = orphanRows;
                fx.execute(() -> {
                    if (gen == generation) {
                        finished(summary, finalRows, finalBroken, finalOrphans);
                    }
                });
            }
        };
        CrawlJob j;
        try {
            j = jobs.job(newStore, null, events);
        } catch (StoreException e) {
            newStore.close();
            status.set(e.getMessage());
            return false;
        }
        job = j;
        store = newStore;
        batcher = b;
        this.plan = plan;
        running.set(true);
        paused.set(false);
        progress.set(-1);
        status.set("Starting " + start + " …");
        j.start();
        return true;
    }

    /** Pauses a running crawl, or resumes a paused one. */
    public void togglePause() {
        if (!running.get() || job == null) {
            return;
        }
        if (paused.get()) {
            job.resume();
        } else {
            job.pause();
        }
        paused.set(!paused.get());
        refreshProgress();
    }

    /** Stops the running crawl; what was crawled stays in the table. */
    public void stop() {
        if (running.get() && job != null) {
            status.set("Stopping…");
            job.stop();
        }
    }

    /**
     * Asks for a file and exports the pages there and the broken links beside it, off the FX
     * thread.
     *
     * @return completes (on the FX executor) once the status shows the outcome; at once when
     *     there was nothing to do
     */
    public CompletableFuture<Void> exportCsv() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (rows.isEmpty()) {
            dialogs.showInfo("Export CSV", "There is nothing to export yet: run a crawl first.");
            done.complete(null);
            return done;
        }
        Optional<Path> chosen = dialogs.chooseSaveFile("Export crawl as CSV", "crawl.csv");
        if (chosen.isEmpty()) {
            done.complete(null);
            return done;
        }
        Path pagesFile = ExportPaths.withCsvExtension(chosen.get());
        Path brokenFile = ExportPaths.companion(pagesFile, "-broken-links");
        Path orphansFile = ExportPaths.companion(pagesFile, "-orphans");
        int pages = rows.size();
        int broken = brokenLinks.size();
        Integer orphanCount = orphansKnown.get() ? orphans.size() : null;
        CrawlStore from = store;
        status.set("Exporting…");
        background.execute(() -> {
            try (CrawlReader reader = from.reader()) {
                CrawlExport.write(reader, pagesFile, brokenFile,
                        orphanCount == null ? null : orphansFile, new ExportBatch());
                String message;
                if (orphanCount == null) {
                    message = String.format(Locale.ROOT,
                            "Exported %,d URLs to %s and %,d broken links to %s.",
                            pages, pagesFile.getFileName(), broken,
                            brokenFile.getFileName());
                } else {
                    message = String.format(Locale.ROOT,
                            "Exported %,d URLs to %s, %,d broken links to %s and %,d orphan%s "
                                    + "to %s.",
                            pages, pagesFile.getFileName(), broken,
                            brokenFile.getFileName(), orphanCount,
                            orphanCount == 1 ? "" : "s", orphansFile.getFileName());
                }
                fx.execute(() -> {
                    status.set(message);
                    done.complete(null);
                });
            } catch (ExportException | StoreException e) {
                fx.execute(() -> {
                    status.set(e.getMessage());
                    dialogs.showError("Export failed", e.getMessage());
                    done.complete(null);
                });
            }
        });
        return done;
    }

    private void apply(List<CrawlEvent> batch) {
        CrawlJob j = job;
        if (j == null) {
            return;
        }
        List<CrawlRow> newRows = new ArrayList<>();
        for (CrawlEvent e : batch) {
            if (e instanceof CrawlResult r) {
                CrawlRow row = new CrawlRow(r);
                rowsByUrl.put(r.url(), row);
                newRows.add(row);
            }
        }
        if (!newRows.isEmpty()) {
            rows.addAll(newRows);
        }
        refreshProgress();
    }

    private void refreshProgress() {
        if (job == null || !running.get()) {
            return;
        }
        CrawlProgress p = job.progress();
        long discovered = p.discovered();
        progress.set(discovered == 0 ? -1 : (double) p.crawled() / discovered);
        status.set(ProgressFormat.line(p) + (p.paused() ? " · paused" : ""));
    }

    /** Orphans mean something only for a sitemap crawl that ran to its end. */
    private static boolean orphansFound(CrawlPlan plan, CrawlSummary summary) {
        return plan.useSitemaps() && !summary.stopped() && summary.startFailure() == null;
    }

    /**
     * On the FX thread once the crawl has ended.
     *
     * @param last every result with its final inlink count
     * @param orphanRows the orphans' results, when {@link #orphansFound}
     */
    private void finished(CrawlSummary summary, List<CrawlResult> last, List<BrokenLink> broken,
            List<CrawlResult> orphanRows) {
        CrawlJob j = job;
        for (CrawlResult r : last) {
            CrawlRow row = rowsByUrl.get(r.url());
            if (row != null) {
                row.raiseInlinks(r.inlinks());
            }
        }
        brokenLinks.setAll(broken);
        CrawlProgress p = j.progress();
        running.set(false);
        paused.set(false);
        progress.set(summary.stopped() && p.discovered() > 0
                ? (double) p.crawled() / p.discovered() : 1.0);
        boolean orphansFound = orphansFound(plan, summary);
        if (orphansFound) {
            orphans.setAll(orphanRows);
            orphansKnown.set(true);
        }
        if (summary.failure() != null) {
            status.set(summary.failure());
        } else if (summary.startFailure() != null) {
            status.set(summary.startFailure());
        } else {
            status.set((summary.stopped() ? "Stopped: " : "Finished: ") + ProgressFormat.line(p)
                    + (orphansFound ? String.format(Locale.ROOT, " · %,d orphan%s",
                            orphans.size(), orphans.size() == 1 ? "" : "s") : ""));
        }
        background.execute(j::close);
    }

    private void closeJob() {
        if (batcher != null) {
            batcher.close();
            batcher = null;
        }
        if (job != null) {
            CrawlJob j = job;
            CrawlStore s = store;
            job = null;
            store = null;
            background.execute(() -> {
                j.close();
                s.close();
            });
        }
    }

    /**
     * Stops any crawl and releases its threads. Messages of that crawl still queued for the FX
     * thread are dropped.
     */
    @Override
    public void close() {
        generation++;
        if (batcher != null) {
            batcher.close();
        }
        if (job != null) {
            job.close();
        }
        if (store != null) {
            store.close();
        }
    }
}
