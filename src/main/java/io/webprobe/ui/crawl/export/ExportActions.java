package io.webprobe.ui.crawl.export;

import io.webprobe.export.ExportException;
import io.webprobe.store.CrawlStore;
import io.webprobe.ui.common.DialogService;
import io.webprobe.ui.common.ExportPaths;
import io.webprobe.ui.crawl.CrawlViewModel;
import io.webprobe.ui.crawl.table.UrlColumn;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File › Export and the Export button: asks for a file on the FX thread, exports on a
 * background thread ({@link CrawlExporter}) and says the outcome in the status bar (or a
 * failure in one sentence, in a dialog too).
 */
public final class ExportActions {
    private static final Logger log = LoggerFactory.getLogger(ExportActions.class);

    private final CrawlViewModel vm;
    private final CrawlExporter exporter;
    private final DialogService dialogs;
    private final Executor fx;

    public ExportActions(CrawlViewModel vm, CrawlExporter exporter, DialogService dialogs,
            Executor fx) {
        this.vm = vm;
        this.exporter = exporter;
        this.dialogs = dialogs;
        this.fx = fx;
    }

    /**
     * Everything, as the command line writes it: the pages with every column, the broken
     * links beside them ({@code NAME-broken-links.csv}), and the orphans after a sitemap crawl.
     *
     * @return completes on the FX thread once the status shows the outcome
     */
    public CompletableFuture<Void> exportAll() {
        Optional<CrawlStore> store = store("Export CSV");
        if (store.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Optional<Path> chosen = dialogs.chooseCsvFile("Export crawl as CSV",
                ExportPaths.suggestedName(store.get().file(), ""));
        if (chosen.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Path pages = chosen.get();
        Path broken = ExportPaths.companion(pages, "-broken-links");
        Path orphans = vm.overview().showOrphansProperty().get()
                ? ExportPaths.companion(pages, "-orphans") : null;
        vm.say("Exporting…");
        return report(exporter.all(store.get(), pages, broken, orphans,
                vm.excelFriendlyProperty().get()));
    }

    /** The rows of the current view (filter, search, order) with the columns shown. */
    public CompletableFuture<Void> exportView(List<UrlColumn> columns) {
        Optional<CrawlStore> store = store("Export this view");
        if (store.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Optional<Path> chosen = dialogs.chooseCsvFile("Export this view as CSV",
                ExportPaths.suggestedName(store.get().file(), "-view"));
        if (chosen.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        vm.say("Exporting…");
        return report(exporter.view(store.get(), vm.table().request(),
                chosen.get(), columns,
                vm.excelFriendlyProperty().get()));
    }

    /** The selected rows with the columns shown. */
    public CompletableFuture<Void> exportSelection(List<UrlColumn> columns) {
        Optional<CrawlStore> store = store("Export selected URLs");
        long[] ids = vm.table().selectedIds();
        if (store.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        if (ids.length == 0) {
            dialogs.showInfo("Export selected URLs", "Select the URLs to export first.");
            return CompletableFuture.completedFuture(null);
        }
        Optional<Path> chosen = dialogs.chooseCsvFile("Export selected URLs as CSV",
                ExportPaths.suggestedName(store.get().file(), "-selection"));
        if (chosen.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        vm.say("Exporting…");
        return report(exporter.selection(store.get(), ids,
                chosen.get(), columns,
                vm.excelFriendlyProperty().get()));
    }

    private Optional<CrawlStore> store(String title) {
        if (vm.crawl() == null || vm.table().countProperty().get() == 0 && !vm.runningProperty()
                .get() && vm.overview().count(io.webprobe.store.UrlFilter.ALL) == 0) {
            dialogs.showInfo(title, vm.crawl() == null
                    ? "There is nothing to export yet: run a crawl first."
                    // a crawl whose start URL could not be fetched, say: it holds no URL yet
                    : "This crawl has no URLs to export yet.");
            return Optional.empty();
        }
        return Optional.of(vm.crawl().store());
    }

    private CompletableFuture<Void> report(CompletableFuture<String> export) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        export.whenComplete((message, failure) -> {
            String why = null;
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause()
                        != null ? failure.getCause() : failure;
                if (cause instanceof ExportException) {
                    why = cause.getMessage();
                } else {
                    log.error("Export failed", cause); // here, not on the FX thread
                    why = "The export failed; the details are in Webprobe's log.";
                }
            }
            String failed = why;
            fx.execute(() -> {
                if (failed == null) {
                    vm.say(message);
                } else {
                    vm.say(failed);
                    dialogs.showError("Export failed", failed);
                }
                done.complete(null);
            });
        });
        return done;
    }
}
