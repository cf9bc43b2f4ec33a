package io.webprobe.ui.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlJobBuilder;
import io.webprobe.crawl.CrawlListener;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlResult;
import io.webprobe.crawl.Recheck;
import io.webprobe.crawl.ResumeState;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.http.TlsTrust;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.NewCrawlFile;
import io.webprobe.store.StoreException;
import io.webprobe.store.UrlQuery;
import io.webprobe.testsupport.FakeDialogs;
import io.webprobe.testsupport.FakeFxThread;
import io.webprobe.ui.common.UiState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link CrawlViewModel} without the JavaFX toolkit, as the view-model tests use it: a
 * "fake FX" thread stands in for the FX thread (every call into the view model and every read
 * of its state goes through {@link #on}), a real ticker, two real background threads, and
 * crawl files in a folder of the test's.
 */
final class VmHarness implements AutoCloseable {
    static final Duration TICK = Duration.ofMillis(20);
    static final Duration CRAWL_WAIT = Duration.ofSeconds(30);
    /**
     * How often a file looked at is checked for another window's changes: the app's second
     * was waited out, up to twice, by each test of a window following another.
     */
    static final Duration WATCH_EVERY = Duration.ofMillis(100);

    final FakeFxThread fx = new FakeFxThread();
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-ui-timer");
        t.setDaemon(true);
        return t;
    });
    final ExecutorService io = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "test-io");
        t.setDaemon(true);
        return t;
    });
    final FakeDialogs dialogs = new FakeDialogs();
    final AtomicInteger jobsCreated = new AtomicInteger();
    final List<CrawlPlan> plans = new CopyOnWriteArrayList<>();
    final List<CrawlStore> stores = new CopyOnWriteArrayList<>();
    final Path crawlsDir;
    /** What a test changes in each job the view model asks for (nothing by default). */
    volatile java.util.function.UnaryOperator<CrawlJobBuilder> jobs = b -> b;
    /**
     * The probe of each job: by default java.net.http without a certificate choice; a test of
     * the certificate settings sets {@link CrawlProbes#forPlan}, as the app wires it.
     */
    volatile Probes probes = plan -> new JdkHttpProbe(plan.userAgent(), Duration.ofSeconds(5));

    /** A probe for a plan. */
    interface Probes {
        HttpProbe forPlan(CrawlPlan plan) throws TlsTrust.TrustException;
    }

    /** What a test puts between each job and its crawl file (nothing by default). */
    volatile java.util.function.UnaryOperator<io.webprobe.crawl.CrawlSink> sinks = s -> s;
    final CrawlViewModel vm;
    final UiState memory;
    /**
     * The view model's clock ({@code System.nanoTime()}) stands still at this value while it is
     * not {@link Long#MIN_VALUE} ({@link #freezeClock}): what is paced by it (the URL table's
     * lines read again at most once a second) waits until it runs again.
     */
    private final java.util.concurrent.atomic.AtomicLong frozenAt =
            new java.util.concurrent.atomic.AtomicLong(Long.MIN_VALUE);

    final CrawlJobFactory factory = new CrawlJobFactory() {
        @Override
        public NewCrawlFile newStore(CrawlPlan plan) throws StoreException {
            CrawlStore store = CrawlStore.create(crawlsDir.resolve("crawl-" + stores.size()
                    + CrawlStore.EXTENSION), plan);
            stores.add(store);
            return NewCrawlFile.kept(store);
        }

        @Override
        public CrawlJob job(CrawlStore store, ResumeState resume, CrawlListener listener,
                io.webprobe.crawl.SiteHeaders signIn, int threads) throws StoreException {
            CrawlPlan plan = store.plan().withSiteHeaders(signIn).withThreads(threads);
            jobsCreated.incrementAndGet();
            plans.add(plan);
            // as the app wires it: the plan's user agent is the one sent, a certificate file
            // that cannot be read is the store's sentence
            HttpProbe probe;
            try {
                probe = probes.forPlan(plan);
            } catch (TlsTrust.TrustException e) {
                throw new StoreException(e.getMessage(), e);
            }
            return jobs.apply(CrawlJob.builder(plan, probe, sinks.apply(store.sink()))
                    .resume(resume).listener(listener))
                    .build();
        }

        @Override
        public Recheck recheck(CrawlStore store, Clock clock,
                io.webprobe.crawl.SiteHeaders signIn) throws StoreException {
            CrawlPlan plan = store.plan().withSiteHeaders(signIn);
            return new Recheck(plan, new JdkHttpProbe(plan.userAgent(), Duration.ofSeconds(5)),
                    store.sink(), clock, store::resumeState);
        }
    };

    VmHarness(Path crawlsDir) throws Exception {
        this(crawlsDir, UiState.inMemory());
    }

    VmHarness(Path crawlsDir, UiState memory) throws Exception {
        this.crawlsDir = crawlsDir;
        this.memory = memory;
        this.vm = fx.on(() -> new CrawlViewModel(factory, new CrawlViewModel.Services(fx, timer,
                io, dialogs, memory, new io.webprobe.ui.crawl.files.CrawlsFolder(memory, crawlsDir),
                "Webprobe/test", TICK, this::nanoTime, WATCH_EVERY)));
    }

    private long nanoTime() {
        long frozen = frozenAt.get();
        return frozen != Long.MIN_VALUE ? frozen : System.nanoTime();
    }

    /** Stops the view model's clock where it is now (it only moves on: never back). */
    void freezeClock() {
        frozenAt.compareAndSet(Long.MIN_VALUE, System.nanoTime());
    }

    /** Lets the view model's clock run again (it jumps to the real time). */
    void thawClock() {
        frozenAt.set(Long.MIN_VALUE);
    }

    <T> T on(Callable<T> action) throws Exception {
        return fx.on(action);
    }

    void run(Runnable action) throws Exception {
        fx.on(action);
    }

    boolean start(String url) throws Exception {
        return fx.on(() -> {
            vm.urlProperty().set(url);
            return vm.start();
        });
    }

    /**
     * Checks at once, then every 20 ms (with a poll interval and no poll delay, Awaitility
     * waits one interval before its first check).
     */
    static org.awaitility.core.ConditionFactory waiting() {
        return await().atMost(CRAWL_WAIT).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20));
    }

    /** The crawl ended and every part of the workspace has read the file as it is. */
    void awaitCrawlEnd() {
        waiting().until(() -> fx.on(() ->
                !vm.runningProperty().get() && settled()));
    }

    /** Every part has read the file (no read running or waiting). */
    void awaitSettled() {
        waiting().until(() -> fx.on(
                this::settled));
    }

    private boolean settled() {
        return !vm.table().busyProperty().get() && !vm.broken().readingProperty().get()
                && !vm.overview().countingProperty().get()
                && !vm.details().loadingProperty().get();
    }

    String status() throws Exception {
        return fx.on(() -> vm.statusProperty().get());
    }

    /** The table's rows in the table's order, read from the crawl file. */
    List<CrawlResult> rows() throws Exception {
        return tableRows().stream().map(UrlQuery.Row::result).toList();
    }

    List<UrlQuery.Row> tableRows() throws Exception {
        CompletableFuture<List<UrlQuery.Row>> rows = new CompletableFuture<>();
        fx.on(() -> vm.rowsOf(vm.table().items().ids(), rows::complete));
        List<UrlQuery.Row> out = rows.get(10, TimeUnit.SECONDS);
        assertThat(out).hasSize(fx.on(() -> vm.table().items().size()));
        return out;
    }

    /** The Broken links list, as its tab shows it (the list is read once the tab is shown). */
    List<BrokenLink> brokenLinks() throws Exception {
        fx.on(() -> vm.broken().activeProperty().set(true));
        awaitSettled();
        return fx.on(() -> List.copyOf(vm.broken().links()));
    }

    /** Waits for a future the view model completes on its FX thread. */
    static <T> T done(CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        fx.on(vm::close);
        timer.shutdownNow();
        io.shutdown();
        io.awaitTermination(10, TimeUnit.SECONDS);
        fx.close();
    }
}
