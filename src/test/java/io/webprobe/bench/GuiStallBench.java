package io.webprobe.bench;

import io.webprobe.app.AppContext;
import io.webprobe.app.WebprobeApp;
import io.webprobe.store.UrlField;
import io.webprobe.testsupport.FakeDialogs;
import io.webprobe.ui.common.UiMemory;
import io.webprobe.ui.crawl.CrawlViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The crawl workspace under load: the real main window (headless Monocle or an X display, as
 * the JavaFX system properties say) crawls a site while an {@link AnimationTimer} notes when
 * each FX pulse runs. The longest gap between two pulses is the longest time the window could
 * not draw: the "longest FX stall". Also prints pages/s (URLs finished / wall time from Start
 * to the end). bench/gui-stall.sh runs it next to the same crawl from the command line.
 *
 * <p>Usage: {@code GuiStallBench URL [sorted]}: with {@code sorted} the table is sorted by
 * title, Z first, before the crawl starts (every refresh reads the whole list again).
 */
public final class GuiStallBench {
    private GuiStallBench() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        boolean sorted = args.length > 1 && args[1].equals("sorted");
        Path crawls = Files.createTempDirectory("webprobe-gui-bench-");
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();

        CompletableFuture<AppContext> app = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            stage.setWidth(1280);
            stage.setHeight(800);
            AppContext ctx = new AppContext(stage, new FakeDialogs(), crawls, UiMemory.inMemory(),
                    text -> { });
            stage.setTitle("Webprobe");
            stage.setScene(WebprobeApp.createScene(ctx));
            stage.show();
            app.complete(ctx);
        });
        AppContext ctx = app.get(30, TimeUnit.SECONDS);
        CrawlViewModel vm = ctx.crawlViewModel();

        // watch every pulse; start the crawl once the window has drawn a second's worth
        long[] last = {0};
        long[] worst = {0};
        long[] worstAt = {0};
        int[] settle = {60};
        List<Long> gaps = new ArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        long[] startNanos = {0};
        long[] endNanos = {0};
        Runnable start = () -> {
            if (sorted) {
                vm.table().sortBy(UrlField.TITLE, true);
            }
            vm.runningProperty().addListener((o, was, now) -> {
                if (!now) {
                    endNanos[0] = System.nanoTime();
                    ended.countDown();
                }
            });
            vm.urlProperty().set(url);
            startNanos[0] = System.nanoTime();
            if (!vm.start()) {
                System.err.println("did not start: " + vm.urlErrorProperty().get());
                System.exit(2);
            }
        };
        AnimationTimer pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                if (settle[0] > 0) {
                    if (--settle[0] == 0) {
                        start.run();
                    }
                } else if (last[0] != 0 && ended.getCount() > 0) {
                    long gap = t - last[0];
                    gaps.add(gap);
                    if (gap > worst[0]) {
                        worst[0] = gap;
                        worstAt[0] = t;
                    }
                }
                last[0] = t;
            }
        };
        Platform.runLater(pulses::start);
        if (!ended.await(15, TimeUnit.MINUTES)) {
            System.err.println("the crawl did not end");
            System.exit(2);
        }
        CompletableFuture<String> status = new CompletableFuture<>();
        Platform.runLater(() -> {
            pulses.stop();
            status.complete(vm.statusProperty().get());
        });
        String line = status.get(10, TimeUnit.SECONDS);
        long crawled = parseCrawled(line);
        double seconds = (endNanos[0] - startNanos[0]) / 1e9;
        gaps.sort(null);
        long p99 = gaps.isEmpty() ? 0 : gaps.get((int) (gaps.size() * 0.99));
        System.out.println("status: " + line);
        System.out.println(String.format(Locale.ROOT, "GUI crawl%s: %,d URLs in %.1f s = %.0f "
                + "pages/s", sorted ? " (table sorted by title)" : "", crawled, seconds,
                crawled / seconds));
        System.out.println(String.format(Locale.ROOT, "longest FX stall: %d ms (pulses: %,d; "
                + "99th percentile gap %d ms; at %.1f s into the crawl)", worst[0] / 1_000_000,
                gaps.size(), p99 / 1_000_000, (worstAt[0] - startNanos[0]) / 1e9));
        Platform.runLater(() -> {
            ctx.close();
            Platform.exit();
        });
        System.exit(0);
    }

    /** "Finished: 20,022 crawled · …" → 20022. */
    private static long parseCrawled(String status) {
        String s = status.substring(status.indexOf(':') + 1).strip();
        return Long.parseLong(s.substring(0, s.indexOf(' ')).replace(",", ""));
    }
}
