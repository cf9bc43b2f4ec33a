package io.webprobe.app;

import io.webprobe.NamedThreads;
import io.webprobe.Version;
import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlListener;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlProbes;
import io.webprobe.crawl.Recheck;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.TlsTrust;
import io.webprobe.crawl.ResumeState;
import io.webprobe.crawl.SiteHeaders;
import io.webprobe.store.CrawlFiles;
import io.webprobe.ui.crawl.files.CrawlsFolder;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.NewCrawlFile;
import io.webprobe.store.StoreException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import io.webprobe.export.CsvExporter;
import io.webprobe.ping.PingJob;
import io.webprobe.ui.common.BrowserOpener;
import io.webprobe.ui.common.ClipboardService;
import io.webprobe.ui.common.DialogService;
import io.webprobe.ui.common.FxDialogService;
import io.webprobe.ui.common.RememberedWindow;
import io.webprobe.ui.common.UiBatcher;
import io.webprobe.ui.common.UiState;
import io.webprobe.ui.compare.CompareModel;
import io.webprobe.ui.compare.CompareView;
import io.webprobe.ui.crawl.CrawlJobFactory;
import io.webprobe.ui.crawl.CrawlView;
import io.webprobe.ui.crawl.CrawlViewModel;
import io.webprobe.ui.crawl.actions.UrlActions;
import io.webprobe.ui.crawl.export.CrawlExporter;
import io.webprobe.ui.crawl.export.ExportActions;
import io.webprobe.ui.main.MainView;
import io.webprobe.ui.ping.PingJobFactory;
import io.webprobe.ui.ping.PingSettingsMemory;
import io.webprobe.ui.ping.PingView;
import io.webprobe.ui.ping.PingViewModel;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the one place that creates services and wires them together. Built on
 * the FX thread when the app starts; {@link #close()} releases everything in reverse order.
 */
public final class AppContext implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AppContext.class);
    /** How long after a change the UI state is written (changes meanwhile go with it). */
    static final java.time.Duration STATE_WRITE_DELAY = java.time.Duration.ofMillis(500);

    private final CrawlsFolder crawlsFolder;
    private final ScheduledExecutorService uiTimer;
    /** Writes the UI state a moment after it changes, off the FX thread. */
    private final ScheduledExecutorService stateWriter;
    private final ExecutorService background;
    private final DialogService dialogs;
    private final CrawlViewModel crawlViewModel;
    private final PingViewModel pingViewModel;
    private final MainView mainView;
    private final UiState uiState;
    private final RememberedWindow window;
    private volatile BrowserOpener browser = BrowserOpener.system();

    /**
     * A context whose UI state is not kept between launches (for tests).
     *
     * @param stage the main window (owner of dialogs)
     * @param dialogs the dialogs to use, or null for real JavaFX dialogs
     */
    public AppContext(Stage stage, DialogService dialogs) {
        this(stage, dialogs, UiState.inMemory());
    }

    /**
     * @param stage the main window (owner of dialogs)
     * @param dialogs the dialogs to use, or null for real JavaFX dialogs
     * @param uiState what the UI remembers between launches; saved by {@link #close()}
     */
    public AppContext(Stage stage, DialogService dialogs, UiState uiState) {
        this(stage, dialogs, uiState, CrawlFiles.defaultFolder());
    }

    /**
     * @param stage the main window (owner of dialogs)
     * @param dialogs the dialogs to use, or null for real JavaFX dialogs
     * @param uiState what the UI remembers between launches; saved by {@link #close()}
     * @param crawlsFolder where new crawl files go
     */
    public AppContext(Stage stage, DialogService dialogs, UiState uiState, Path crawlsFolder) {
        this(stage, dialogs, uiState, crawlsFolder, ClipboardService.system());
    }

    /**
     * @param stage the main window (owner of dialogs)
     * @param dialogs the dialogs to use, or null for real JavaFX dialogs
     * @param uiState what the UI remembers between launches; saved by {@link #close()}
     * @param crawlsFolder where new crawl files go unless the user chose another folder
     * @param clipboard where Copy puts text
     */
    public AppContext(Stage stage, DialogService dialogs, UiState uiState, Path crawlsFolder,
            ClipboardService clipboard) {
        this.uiState = uiState;
        // the folder given, unless the user chose another (File › Crawls folder…)
        this.crawlsFolder = new CrawlsFolder(uiState, crawlsFolder);
        this.window = new RememberedWindow(stage, uiState, WebprobeApp.WINDOW_KEY);
        window.setMinimumSize(WebprobeApp.MIN_WIDTH, WebprobeApp.MIN_HEIGHT);
        uiTimer = Executors.newSingleThreadScheduledExecutor(NamedThreads.daemon("ui-batcher-"));
        // what the user sets (settings, layout, the window) survives a crash or a kill: it is
        // written half a second after it changes, not only at a clean exit
        stateWriter = Executors.newSingleThreadScheduledExecutor(
                NamedThreads.daemon("ui-state-writer-"));
        uiState.saveWhenChanged(stateWriter, STATE_WRITE_DELAY);
        background = Executors.newFixedThreadPool(2, NamedThreads.daemon("ui-io-"));
        background.execute(io.webprobe.store.SqliteDriver::preload);
        this.dialogs = dialogs != null ? dialogs : new FxDialogService(() -> stage, uiState);
        CrawlJobFactory jobs = new CrawlJobFactory() {
            @Override
            public NewCrawlFile newStore(CrawlPlan plan) throws StoreException {
                return CrawlFiles.createNew(AppContext.this.crawlsFolder.get(), plan,
                        Instant.now(), ZoneId.systemDefault());
            }

            @Override
            public CrawlJob job(CrawlStore store, ResumeState resume, CrawlListener listener,
                    SiteHeaders signIn, int threads) throws StoreException {
                CrawlPlan plan = store.plan().withSiteHeaders(signIn).withThreads(threads);
                HttpProbe probe;
                try {
                    probe = CrawlProbes.forPlan(plan);
                } catch (TlsTrust.TrustException e) {
                    throw new StoreException(e.getMessage(), e);
                }
                return CrawlJob.builder(plan, probe, store.sink())
                        .resume(resume)
                        .listener(listener)
                        .build();
            }

            @Override
            public Recheck recheck(CrawlStore store, Clock clock, SiteHeaders signIn)
                    throws StoreException {
                CrawlPlan plan = store.plan().withSiteHeaders(signIn);
                try {
                    return new Recheck(plan, CrawlProbes.forPlan(plan), store.sink(), clock,
                            store::resumeState);
                } catch (TlsTrust.TrustException e) {
                    throw new StoreException(e.getMessage(), e);
                }
            }
        };
        crawlViewModel = new CrawlViewModel(jobs, new CrawlViewModel.Services(Platform::runLater,
                uiTimer, background, this.dialogs, uiState, this.crawlsFolder, Version.userAgent(),
                UiBatcher.DEFAULT_PERIOD, System::nanoTime));
        PingJobFactory pings = PingJob::new; // its probe follows the plan's trust
        pingViewModel = new PingViewModel(pings, Platform::runLater, uiTimer, background,
                new CsvExporter(), this.dialogs, Version.userAgent(), UiBatcher.DEFAULT_PERIOD);
        PingSettingsMemory.attach(pingViewModel, uiState); // before the view reads its values
        CrawlView crawlView = new CrawlView(crawlViewModel, new CrawlView.Deps(this.dialogs,
                uiState, new UrlActions(crawlViewModel, clipboard, url -> browser.open(url),
                        background, Platform::runLater),
                new ExportActions(crawlViewModel, new CrawlExporter(background), this.dialogs,
                        Platform::runLater)));
        CompareModel compareModel = new CompareModel(background, Platform::runLater,
                this.dialogs);
        // its choosers list the crawls File › Recent crawls lists
        compareModel.knowCrawls(crawlViewModel.recentCrawls().files(),
                crawlViewModel.recentCrawls()::glance);
        CompareView compare = new CompareView(compareModel, this.crawlsFolder);
        mainView = new MainView(crawlView, new PingView(pingViewModel), compare, this.dialogs,
                Version.get(), () -> {
                    if (mayQuit()) {
                        stage.close(); // fires no close request: asked once, here
                    }
                });
        stage.setOnCloseRequest(e -> {
            if (!mayQuit()) {
                e.consume();
            }
        });
    }

    /**
     * Whether the app may close now: at once when nothing runs, else when the user says so (a
     * crawl stops, kept in its file to resume, or lost with its temporary file; a ping test's
     * results would be lost).
     */
    boolean mayQuit() {
        boolean crawl = crawlViewModel.runningProperty().get();
        boolean ping = pingViewModel.runningProperty().get();
        if (!crawl && !ping) {
            return true;
        }
        String what = crawl && ping ? "A crawl and a ping test are running."
                : crawl ? "A crawl is running." : "A ping test is running.";
        String crawlFate = !crawl ? ""
                : crawlViewModel.shownCrawlNotKept() ? " Quitting stops the crawl, and it is "
                        + "lost: it is in a temporary file, deleted as Webprobe closes."
                : " Quitting stops the crawl; it is kept, and File › Recent crawls opens it "
                        + "again to resume it.";
        String pingFate = ping ? " The ping test's results are lost unless you export them "
                + "first." : "";
        return dialogs.confirm("Quit Webprobe", what + crawlFate + pingFate, "Quit");
    }

    public MainView mainView() {
        return mainView;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    public CrawlViewModel crawlViewModel() {
        return crawlViewModel;
    }

    public PingViewModel pingViewModel() {
        return pingViewModel;
    }

    /**
     * Sets how "Open in browser" opens a URL (by default the system's opener, {@link
     * BrowserOpener#system()}); called off the FX thread.
     */
    public void setBrowser(BrowserOpener open) {
        this.browser = open;
    }

    /** What the UI remembers between launches: window geometry, layouts, recent URLs. */
    public UiState uiState() {
        return uiState;
    }

    /** The main window's remembered geometry. */
    public RememberedWindow window() {
        return window;
    }

    /**
     * Stops every job, waits (up to 5 s) for exports in progress, and saves the UI state. Call
     * on the FX thread when the main window closes.
     */
    @Override
    public void close() {
        window.save();
        pingViewModel.close();
        crawlViewModel.close();
        uiTimer.shutdownNow();
        stateWriter.shutdownNow(); // the save below writes what it had not
        background.shutdown();
        try {
            if (!background.awaitTermination(5, TimeUnit.SECONDS)) {
                background.shutdownNow();
                log.warn("Background tasks did not finish within 5 s at exit");
            }
        } catch (InterruptedException e) {
            background.shutdownNow();
            Thread.currentThread().interrupt();
        }
        uiState.save();
    }
}
