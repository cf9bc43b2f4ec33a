package io.webprobe.bench;

import io.webprobe.app.AppContext;
import io.webprobe.app.WebprobeApp;
import io.webprobe.store.UrlField;
import io.webprobe.testsupport.FakeDialogs;
import io.webprobe.ui.common.UiState;
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
        // "beside-cli": the window stays idle while the command line crawls the same site in
        // another process: the stalls that CPU contention alone causes on this machine
        boolean besideCli = args.length > 1 && args[1].equals("beside-cli");
        Path crawls = Files.createTempDirectory("webprobe-gui-bench-");
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();

        CompletableFuture<AppContext> app = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            stage.setWidth(1280);
            stage.setHeight(800);
            AppContext ctx = new AppContext(stage, new FakeDialogs(), UiState.inMemory(), crawls,
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
        java.lang.management.ThreadMXBean threads =
                java.lang.management.ManagementFactory.getThreadMXBean();
        long[] lastCpu = {0};
        long[] worstCpu = {0};
        long[] fxCpuTotal = {0};
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
            startNanos[0] = System.nanoTime();
            if (besideCli) {
                Thread cli = new Thread(() -> {
                    try {
                        Process p = new ProcessBuilder("./run.sh", "crawl", url, "--quiet")
                                .redirectErrorStream(true).redirectOutput(
                                        ProcessBuilder.Redirect.DISCARD).start();
                        p.waitFor();
                    } catch (Exception e) {
                        System.err.println("the command line did not run: " + e);
                    }
                    endNanos[0] = System.nanoTime();
                    ended.countDown();
                });
                cli.start();
                return;
            }
            vm.urlProperty().set(url);
            if (!vm.start()) {
                System.err.println("did not start: " + vm.urlErrorProperty().get());
                System.exit(2);
            }
        };
        AnimationTimer pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime();
                if (settle[0] > 0) {
                    if (--settle[0] == 0) {
                        start.run();
                    }
                } else if (last[0] != 0 && ended.getCount() > 0) {
                    long gap = t - last[0];
                    gaps.add(gap);
                    fxCpuTotal[0] += cpu - lastCpu[0];
                    if (gap > worst[0]) {
                        worst[0] = gap;
                        worstAt[0] = t;
                        worstCpu[0] = cpu - lastCpu[0];
                    }
                }
                last[0] = t;
                lastCpu[0] = cpu;
            }
        };
        Platform.runLater(pulses::start);
        java.util.Map<String, Integer> samples = new java.util.concurrent.ConcurrentHashMap<>();
        // with -Dbench.sample=true: the FX thread's state and top frames every 2 ms, and its
        // scheduler counters (time run, time waiting for a core) from /proc, each with its time
        List<long[]> sched = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Object[]> timed = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Object[]> allThreads = java.util.Collections.synchronizedList(new ArrayList<>());
        if (Boolean.getBoolean("bench.sample")) {
            CompletableFuture<Thread> fxThread = new CompletableFuture<>();
            Platform.runLater(() -> fxThread.complete(Thread.currentThread()));
            Thread fx = fxThread.get();
            Path schedstat = fxSchedstat();
            Thread sampler = new Thread(() -> {
                int tick = 0;
                while (ended.getCount() > 0) {
                    if (tick++ % 10 == 0) {
                        allThreads.add(new Object[] {System.nanoTime(), threadTimes()});
                    }
                    StackTraceElement[] st = fx.getStackTrace();
                    StringBuilder sb = new StringBuilder(fx.getState().toString());
                    for (int i = 0; i < Math.min(6, st.length); i++) {
                        sb.append(" <- ").append(st[i].getClassName().replaceAll(".*\\.", ""))
                                .append('.').append(st[i].getMethodName());
                    }
                    samples.merge(sb.toString(), 1, Integer::sum);
                    long now = System.nanoTime();
                    timed.add(new Object[] {now, sb.toString()});
                    if (schedstat != null) {
                        try {
                            String[] f = Files.readString(schedstat).trim().split(" ");
                            sched.add(new long[] {now, Long.parseLong(f[0]), Long.parseLong(f[1])});
                        } catch (Exception ignored) {
                            // thread gone
                        }
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
                }
            });
            sampler.setDaemon(true);
            sampler.start();
        }
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
        if (besideCli) {
            gaps.sort(null);
            System.out.println(String.format(Locale.ROOT, "idle window beside a command-line "
                    + "crawl (%.1f s): longest FX stall: %d ms (pulses: %,d; 99th percentile gap "
                    + "%d ms; the FX thread ran %d ms of it)", (endNanos[0] - startNanos[0]) / 1e9,
                    worst[0] / 1_000_000, gaps.size(), gaps.isEmpty() ? 0
                            : gaps.get((int) (gaps.size() * 0.99)) / 1_000_000,
                    worstCpu[0] / 1_000_000));
            System.exit(0);
        }
        long crawled = parseCrawled(line);
        double seconds = (endNanos[0] - startNanos[0]) / 1e9;
        gaps.sort(null);
        long p99 = gaps.isEmpty() ? 0 : gaps.get((int) (gaps.size() * 0.99));
        System.out.println("status: " + line);
        System.out.println(String.format(Locale.ROOT, "GUI crawl%s: %,d URLs, %s pages/s by the "
                + "crawl's clock (as the command line counts); %.1f s from Start to the "
                + "workspace showing the end = %.0f pages/s", sorted ? " (table sorted by title)"
                : "", crawled, parseRate(line), seconds, crawled / seconds));
        System.out.println(String.format(Locale.ROOT, "longest FX stall: %d ms (pulses: %,d; "
                + "99th percentile gap %d ms; at %.1f s into the crawl; the FX thread ran %d ms "
                + "of it; FX CPU %.1f s in all)", worst[0] / 1_000_000, gaps.size(),
                p99 / 1_000_000, (worstAt[0] - startNanos[0]) / 1e9, worstCpu[0] / 1_000_000,
                fxCpuTotal[0] / 1e9));
        long gapFrom = worstAt[0] - worst[0];
        synchronized (sched) {
            long[] first = null;
            long[] lastIn = null;
            for (long[] r : sched) {
                if (r[0] >= gapFrom && r[0] <= worstAt[0]) {
                    if (first == null) {
                        first = r;
                    }
                    lastIn = r;
                }
            }
            if (first != null) {
                System.out.println(String.format(Locale.ROOT, "in the worst gap (%.0f ms sampled):"
                        + " FX ran %d ms, waited for a core %d ms", (lastIn[0] - first[0]) / 1e6,
                        (lastIn[1] - first[1]) / 1_000_000, (lastIn[2] - first[2]) / 1_000_000));
            }
        }
        synchronized (allThreads) {
            Object[] before = null;
            Object[] after = null;
            for (Object[] r : allThreads) {
                long at = (Long) r[0];
                if (at <= gapFrom) {
                    before = r;
                } else if (after == null && at >= worstAt[0]) {
                    after = r;
                }
            }
            if (before != null && after != null) {
                @SuppressWarnings("unchecked")
                java.util.Map<String, long[]> b = (java.util.Map<String, long[]>) before[1];
                @SuppressWarnings("unchecked")
                java.util.Map<String, long[]> a = (java.util.Map<String, long[]>) after[1];
                System.out.println(String.format(Locale.ROOT, "threads over %.0f ms around the "
                        + "gap (run ms / waited ms):", ((Long) after[0] - (Long) before[0]) / 1e6));
                a.entrySet().stream()
                        .map(e -> {
                            long[] was = b.getOrDefault(e.getKey(), new long[2]);
                            return java.util.Map.entry(e.getKey(), new long[] {
                                e.getValue()[0] - was[0], e.getValue()[1] - was[1]});
                        })
                        .filter(e -> e.getValue()[0] + e.getValue()[1] > 2_000_000)
                        .sorted((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0]))
                        .forEach(e -> System.out.println(String.format(Locale.ROOT,
                                "gap thread %s %d / %d", e.getKey(), e.getValue()[0] / 1_000_000,
                                e.getValue()[1] / 1_000_000)));
            }
        }
        synchronized (timed) {
            for (Object[] r : timed) {
                long at = (Long) r[0];
                if (at >= gapFrom && at <= worstAt[0]) {
                    System.out.println(String.format(Locale.ROOT, "gap sample +%d ms %s",
                            (at - gapFrom) / 1_000_000, r[1]));
                }
            }
        }
        samples.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(25)
                .forEach(e -> System.out.println("sample " + e.getValue() + " " + e.getKey()));
        Platform.runLater(() -> {
            ctx.close();
            Platform.exit();
        });
        System.exit(0);
    }

    /** Every thread of this process: "name#tid" → {ns run, ns waited for a core}. */
    private static java.util.Map<String, long[]> threadTimes() {
        java.util.Map<String, long[]> out = new java.util.HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String[] f = Files.readString(t.resolve("schedstat")).trim().split(" ");
                    String stat = Files.readString(t.resolve("stat"));
                    String[] st = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.put(Files.readString(t.resolve("comm")).trim() + "#" + t.getFileName()
                            + " nice " + st[16],
                            new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])});
                } catch (Exception ignored) {
                    // ended meanwhile
                }
            }
        } catch (Exception e) {
            return out;
        }
        return out;
    }

    /** The FX thread's /proc schedstat file (Linux), found by its truncated name. */
    private static Path fxSchedstat() {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                if (Files.readString(t.resolve("comm")).trim().startsWith("JavaFX Applicat")) {
                    return t.resolve("schedstat");
                }
            }
        } catch (Exception e) {
            return null;
        }
        return null;
    }

    /** "… · 1,336 pages/s · 00:00:07" → "1,336". */
    private static String parseRate(String status) {
        String head = status.substring(0, status.indexOf(" pages/s"));
        return head.substring(head.lastIndexOf(' ') + 1);
    }

    /** "Finished: 20,022 crawled · …" → 20022. */
    private static long parseCrawled(String status) {
        String s = status.substring(status.indexOf(':') + 1).strip();
        return Long.parseLong(s.substring(0, s.indexOf(' ')).replace(",", ""));
    }
}
