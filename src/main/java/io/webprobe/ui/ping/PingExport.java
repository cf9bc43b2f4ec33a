package io.webprobe.ui.ping;

import io.webprobe.export.AtomicCsvFile;
import io.webprobe.export.CsvExporter;
import io.webprobe.export.ExportException;
import io.webprobe.export.PingCsv;
import io.webprobe.ping.PingResult;
import io.webprobe.ui.common.DialogService;
import io.webprobe.ui.common.ExportPaths;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The Ping tab's export: asks for a file and writes the per-URL summary there and the
 * per-request log beside it ("ping.csv" and "ping-requests.csv"), off the FX thread. Called
 * on the FX thread; says how it went through the status it is given.
 */
final class PingExport {
    private final Executor fx;
    private final Executor background;
    private final CsvExporter exporter;
    private final DialogService dialogs;

    PingExport(Executor fx, Executor background, CsvExporter exporter, DialogService dialogs) {
        this.fx = fx;
        this.background = background;
        this.exporter = exporter;
        this.dialogs = dialogs;
    }

    /**
     * @param results the table's rows, in its order
     * @param logReady completes with the finished per-request log, or null while a test runs
     *     (the summary is written alone then)
     * @param status shows a sentence (FX thread)
     * @return completes on the FX thread once the outcome is shown
     */
    CompletableFuture<Void> export(List<PingResult> results, CompletableFuture<Path> logReady,
            Consumer<String> status) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (results.isEmpty() || results.stream().allMatch(r -> r.sent() == 0)) {
            dialogs.showInfo("Export CSV", "There is nothing to export yet: run a ping test first.");
            done.complete(null);
            return done;
        }
        Optional<Path> chosen = dialogs.chooseCsvFile("Export ping results as CSV", "ping.csv");
        if (chosen.isEmpty()) {
            done.complete(null);
            return done;
        }
        Path summaryFile = chosen.get();
        Path requestsFile = ExportPaths.companion(summaryFile, "-requests");
        status.accept("Exporting…");
        logReady.thenAcceptAsync(log -> {
            String message;
            boolean failed = false;
            try {
                exporter.write(summaryFile, PingCsv.SUMMARY, results);
                if (log != null) {
                    AtomicCsvFile.copy(log, requestsFile);
                    message = String.format(Locale.ROOT, "Exported %,d URLs to %s and every request to %s.",
                            results.size(), summaryFile.getFileName(), requestsFile.getFileName());
                } else {
                    message = String.format(Locale.ROOT, "Exported %,d URLs to %s (the per-request log "
                            + "is written when the test has ended).", results.size(), summaryFile.getFileName());
                }
            } catch (ExportException e) {
                message = e.getMessage();
                failed = true;
            }
            String m = message;
            boolean f = failed;
            fx.execute(() -> {
                status.accept(m);
                if (f) {
                    dialogs.showError("Export failed", m);
                }
                done.complete(null);
            });
        }, background);
        return done;
    }
}
