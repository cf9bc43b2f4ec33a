package io.webprobe.bench;

import io.webprobe.app.AppContext;
import io.webprobe.app.WebprobeApp;
import io.webprobe.store.UrlField;
import io.webprobe.store.UrlFilter;
import io.webprobe.testsupport.FakeDialogs;
import io.webprobe.ui.common.UiState;
import io.webprobe.ui.crawl.CrawlViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The workspace over a big crawl file (bench/inflate-crawl.py makes one of a million URLs):
 * opens it in the real main window, then filters, searches and sorts it as a user would,
 * printing how long each change took to show (from the click to the new rows) and the longest
 * gap between two FX pulses meanwhile. Usage: {@code GuiBigCrawlBench FILE}.
 */
public final class GuiBigCrawlBench {
    private GuiBigCrawlBench() {}

    private record Step(String name, Consumer<CrawlViewModel> action) {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        Path crawls = Files.createTempDirectory("webprobe-gui-bench-");
        CompletableFuture<AppContext> app = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            stage.setWidth(1280);
            stage.setHeight(800);
            AppContext ctx = new AppContext(stage, new FakeDialogs(), UiState.inMemory(), crawls,
                    text -> { });
            stage.setScene(WebprobeApp.createScene(ctx));
            stage.show();
            app.complete(ctx);
        });
        AppContext ctx = app.get(30, TimeUnit.SECONDS);
        CrawlViewModel vm = ctx.crawlViewModel();
        long[] last = {0};
        long[] worst = {0};
        AnimationTimer pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                if (last[0] != 0) {
                    worst[0] = Math.max(worst[0], t - last[0]);
                }
                last[0] = t;
            }
        };
        Platform.runLater(pulses::start);

        long t0 = System.nanoTime();
        run(vm, m -> m.openCrawl(file));
        System.out.println(String.format(Locale.ROOT, "opened %s: %,d URLs shown after %d ms; "
                + "longest FX stall so far %d ms", file.getFileName(), count(vm),
                (System.nanoTime() - t0) / 1_000_000, worst[0] / 1_000_000));
        List<Step> steps = List.of(
                new Step("filter 4xx", m -> m.overview().selectedProperty()
                        .set(UrlFilter.STATUS_4XX)),
                new Step("filter Broken", m -> m.overview().selectedProperty()
                        .set(UrlFilter.BROKEN)),
                new Step("filter All", m -> m.overview().selectedProperty().set(UrlFilter.ALL)),
                new Step("search \"page-77\"", m -> m.table().searchProperty().set("page-77")),
                new Step("search cleared", m -> m.table().searchProperty().set("")),
                new Step("sort by response time, slowest first",
                        m -> m.table().sortBy(UrlField.RESPONSE_MS, true)),
                new Step("sort by title (first time)", m -> m.table().sortBy(UrlField.TITLE,
                        false)),
                new Step("filter 4xx, sorted by title", m -> m.overview().selectedProperty()
                        .set(UrlFilter.STATUS_4XX)),
                new Step("search \"page-77\", sorted by title",
                        m -> m.table().searchProperty().set("page-77")),
                new Step("filter Duplicate title", m -> {
                    m.table().searchProperty().set("");
                    m.overview().selectedProperty().set(UrlFilter.DUPLICATE_TITLE);
                }),
                new Step("back to All, crawl order", m -> {
                    m.overview().selectedProperty().set(UrlFilter.ALL);
                    m.table().sortBy(UrlField.SEQ, false);
                }));
        for (Step s : steps) {
            worst[0] = 0;
            long start = System.nanoTime();
            run(vm, s.action());
            System.out.println(String.format(Locale.ROOT, "%-40s %,9d URLs in %5d ms; longest "
                    + "FX stall %d ms", s.name(), count(vm), (System.nanoTime() - start)
                    / 1_000_000, worst[0] / 1_000_000));
        }
        CompletableFuture<Long> counted = new CompletableFuture<>();
        t0 = System.nanoTime();
        Platform.runLater(() -> {
            if (!vm.overview().countingProperty().get()) {
                counted.complete(0L);
            }
            vm.overview().countingProperty().addListener((o, was, now) -> {
                if (!now) {
                    counted.complete(vm.overview().count(UrlFilter.ALL));
                }
            });
        });
        counted.get(5, TimeUnit.MINUTES);
        System.out.println("overview counts ready (since the last step) after "
                + (System.nanoTime() - t0) / 1_000_000 + " ms");
        Platform.runLater(() -> {
            ctx.close();
            Platform.exit();
        });
        System.exit(0);
    }

    /** Runs an action on the FX thread and waits until the table shows its answer. */
    private static void run(CrawlViewModel vm, Consumer<CrawlViewModel> action) throws Exception {
        CompletableFuture<Void> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            long before = vm.table().lastReadMillisProperty().get();
            int[] reads = {0};
            javafx.beans.value.ChangeListener<Boolean> l = (o, was, now) -> {
                if (!now) {
                    shown.complete(null);
                }
            };
            vm.table().busyProperty().addListener(l);
            action.accept(vm);
            if (!vm.table().busyProperty().get() && reads[0] == 0
                    && vm.table().lastReadMillisProperty().get() == before) {
                // nothing to read (the same view): done already, or a file still opening
                if (vm.crawl() != null) {
                    shown.complete(null);
                }
            }
        });
        shown.get(5, TimeUnit.MINUTES);
    }

    private static int count(CrawlViewModel vm) throws Exception {
        CompletableFuture<Integer> n = new CompletableFuture<>();
        Platform.runLater(() -> n.complete(vm.table().countProperty().get()));
        return n.get(10, TimeUnit.SECONDS);
    }
}
