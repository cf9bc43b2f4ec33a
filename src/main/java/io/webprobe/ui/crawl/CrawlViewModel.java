package io.webprobe.ui.crawl;

import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlListener;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlState;
import io.webprobe.crawl.CrawlSummary;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.StoreException;
import io.webprobe.ui.charts.ChartsModel;
import io.webprobe.ui.common.DialogService;
import io.webprobe.ui.common.UiBatcher;
import io.webprobe.ui.common.UiState;
import io.webprobe.ui.crawl.actions.PathExclusion;
import io.webprobe.ui.crawl.actions.Rechecker;
import io.webprobe.ui.crawl.broken.BrokenLinksModel;
import io.webprobe.ui.crawl.details.DetailsModel;
import io.webprobe.ui.crawl.files.RecentCrawls;
import io.webprobe.ui.crawl.live.LiveModel;
import io.webprobe.ui.crawl.overview.OverviewModel;
import io.webprobe.ui.crawl.session.OpenCrawl;
import io.webprobe.ui.crawl.table.UrlTableModel;
import io.webprobe.ui.listcheck.ListInputModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Crawl tab: starting, pausing and stopping a crawl (of a site, or of a list of URLs),
 * resuming an opened one, and which crawl the workspace shows. What the user asks for (the
 * URL or list, the settings) is read by {@link CrawlInput}; the crawl file and the job are
 * made off the FX thread by {@link CrawlLauncher}; opening a crawl file, and the offer to
 * resume it, are {@link CrawlOpening}'s; the parts that show the crawl (the URL table, the
 * overview, the details pane, the broken links, the charts and the live status) are kept
 * together by {@link Workspace}. The workspace reads everything from the crawl file
 * ({@link OpenCrawl}), so a live crawl, a reopened crawl and a crawl of a million URLs look
 * and behave the same.
 *
 * <p>Lives on the FX thread: every property and list is read and changed there only. While a
 * crawl runs one ticker ({@link UiBatcher}, at most ten times a second) updates the live
 * figures and asks the parts to catch up with the file; reads run on the crawl's reader lanes.
 * Never touches controls, so it is tested without a window.
 */
public final class CrawlViewModel implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CrawlViewModel.class);

    /** What the app provides besides the crawl jobs. */
    public record Services(Executor fx, ScheduledExecutorService timer, Executor background,
            DialogService dialogs, UiState memory, Path crawlsFolder, String userAgent,
            Duration tick, LongSupplier nanoTime) {}

    private final Services s;

    private final CrawlInput input;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(this, "paused");
    private final ReadOnlyBooleanWrapper hasCrawl = new ReadOnlyBooleanWrapper(this, "hasCrawl");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final BooleanProperty excelFriendly =
            new SimpleBooleanProperty(this, "excelFriendly");

    private final BooleanBinding settingsLocked;
    private final Workspace workspace;
    /** The workspace's status line, which the crawl's life writes to most. */
    private final LiveModel live;
    private final RecentCrawls recentFiles;
    private final io.webprobe.ui.crawl.files.InterruptedHint interrupted;
    private final Rechecker rechecker;
    private final CrawlLauncher launcher;
    private final CrawlOpening opening;

    private OpenCrawl crawl;
    /** Watches a crawl file opened read-only for another Webprobe's changes, or null. */
    private io.webprobe.ui.crawl.session.ChangeWatch watch;
    /** How often a file opened read-only is checked for another Webprobe's changes. */
    static final Duration WATCH_EVERY = Duration.ofSeconds(1);
    private UiBatcher<Void> ticker;
    /** Which crawl late messages belong to; those of an earlier one are dropped. */
    private int generation;

    public CrawlViewModel(CrawlJobFactory jobs, Services services) {
        this.s = services;
        this.input = new CrawlInput(s.memory(), s.background(), s.fx());
        this.settingsLocked = running.or(input.crawlSettingsShown());
        this.workspace = new Workspace(s.fx(), s.nanoTime());
        this.live = workspace.live();
        this.recentFiles = new RecentCrawls(s.memory(), s.crawlsFolder(), s.background(),
                s.fx());
        this.signIn = new SiteSignIn(s.dialogs());
        this.rechecker = new Rechecker((store, clock) -> jobs.recheck(store, clock,
                signIn.forPlan(store.plan())), s.background(), s.fx());
        this.launcher = new CrawlLauncher(jobs, s.background(), s.fx());
        this.opening = new CrawlOpening(new CrawlOpening.Tab() {
            @Override
            public boolean running() {
                return running.get();
            }

            @Override
            public Path shownFile() {
                return crawl == null ? null : file.get();
            }

            @Override
            public void show(CrawlStore store) {
                CrawlViewModel.this.show(store);
            }
        }, input, live, recentFiles, s);
        excelFriendly.set(s.memory().getBoolean("export.excelFriendly", false));
        excelFriendly.addListener((o, was, now) ->
                s.memory().putBoolean("export.excelFriendly", now));
        this.interrupted = new io.webprobe.ui.crawl.files.InterruptedHint(recentFiles,
                s.background(), s.fx());
        recentFiles.refresh();
    }

    // == input ==

    public StringProperty urlProperty() {
        return input.url();
    }

    public ReadOnlyStringProperty urlErrorProperty() {
        return input.urlError();
    }

    /** The last 20 start URLs, newest first (the URL field's drop-down). */
    public ObservableList<String> recentUrls() {
        return input.recentUrls();
    }

    public ObjectProperty<CrawlMode> modeProperty() {
        return input.mode();
    }

    /** List mode's URLs. */
    public ListInputModel list() {
        return input.list();
    }

    /** Worker threads (part of {@link #settings()}). */
    public IntegerProperty threadsProperty() {
        return input.settings().threadsProperty();
    }

    /** The crawl settings as edited; read when a crawl starts. */
    public CrawlSettingsForm settings() {
        return input.settings();
    }

    /** One sentence about a bad setting after {@link #start()} refused, or "". */
    public ReadOnlyStringProperty settingsErrorProperty() {
        return input.settings().errorProperty();
    }

    /**
     * True while a crawl runs (its settings were read at the start and cannot change) and while
     * the settings shown are an opened crawl's own ({@link #crawlSettingsShownProperty()}).
     */
    public BooleanExpression settingsLockedProperty() {
        return settingsLocked;
    }

    /**
     * Whether the settings shown are those the opened crawl was made with, not the user's:
     * from opening an unfinished crawl (Resume continues it with them) until its resumed run
     * ends, the offer is declined, or a new crawl starts.
     */
    public ReadOnlyBooleanProperty crawlSettingsShownProperty() {
        return input.crawlSettingsShown();
    }

    // == state ==

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** Whether a crawl is shown (running, finished or opened). */
    public ReadOnlyBooleanProperty hasCrawlProperty() {
        return hasCrawl.getReadOnlyProperty();
    }

    /** The crawl file shown, or null. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** Crawled / discovered, 0 to 1; -1 (indeterminate) while nothing is known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return live.progressProperty();
    }

    /** The status bar's line. */
    public ReadOnlyStringProperty statusProperty() {
        return live.statusProperty();
    }

    /**
     * A sentence offering to resume the crawl just opened (it did not finish), or "" when
     * there is nothing to resume.
     */
    public ReadOnlyStringProperty resumeOfferProperty() {
        return opening.offerProperty();
    }

    /** Whether exports start with a UTF-8 byte-order mark, for Excel (remembered). */
    public BooleanProperty excelFriendlyProperty() {
        return excelFriendly;
    }

    public UrlTableModel table() {
        return workspace.table();
    }

    public OverviewModel overview() {
        return workspace.overview();
    }

    public DetailsModel details() {
        return workspace.details();
    }

    public BrokenLinksModel broken() {
        return workspace.broken();
    }

    public LiveModel live() {
        return live;
    }

    public ChartsModel charts() {
        return workspace.charts();
    }

    public RecentCrawls recentCrawls() {
        return recentFiles;
    }

    /** The crawl shown, or null. */
    public OpenCrawl crawl() {
        return crawl;
    }

    // == starting and stopping ==

    /**
     * Starts a crawl of the URL in the field (or, in list mode, a check of the list) with the
     * {@link #settings()}; on bad input sets {@link #urlErrorProperty()},
     * {@link #settingsErrorProperty()} or the list's error and starts nothing.
     *
     * @return whether a crawl started
     */
    public boolean start() {
        if (running.get()) {
            return false;
        }
        // a new crawl with an opened crawl's settings, as shown, rather than others unseen
        input.adoptShownSettings();
        Optional<CrawlInput.Planned> planned = input.plan(s.userAgent());
        if (planned.isEmpty()) {
            return false;
        }
        CrawlPlan plan = planned.get().plan();
        String what = planned.get().what();
        // the crawl file and the job (its HTTP client, its threads) are made on a background
        // thread, and the job started on one
        closeCrawl();
        generation++;
        Starting token = starting(plan);
        live.say(what + " …");
        newCrawl = true;
        launcher.launch(plan, signIn.forPlan(plan), token.listener(), token);
        return true;
    }

    /**
     * Declines the offer to resume the crawl opened: it stays shown for reading, and the
     * settings shown are the user's own again.
     */
    public void declineResume() {
        if (running.get()) {
            return;
        }
        opening.decline();
    }

    /** Continues the crawl that was opened (it had stopped, or its process died). */
    public void resume() {
        OpenCrawl c = crawl;
        if (c == null || running.get() || c.store().readOnly() || !opening.offered()) {
            return;
        }
        String offered = opening.offerProperty().get();
        opening.withdraw();
        CrawlStore store = c.store();
        Starting token = starting(store.plan());
        token.resumes(store, offered);
        live.say("Resuming " + store.file().getFileName() + " …");
        newCrawl = false;
        launcher.resume(store, signIn.forPlan(store.plan()), token.listener(), token);
    }

    /**
     * A crawl being started: until its job exists the tab says it runs (so nothing else starts
     * and Stop can cancel it). Takes the launch's outcome; its listener reports the end to the
     * FX thread.
     */
    private final class Starting implements CrawlLauncher.Handover {
        final int gen;
        final UiBatcher<Void> ticker;
        volatile boolean cancelled;
        /** The crawl it resumes and the offer taken, or null for a new crawl. */
        private CrawlStore resumed;
        private String offer = "";

        Starting(int gen) {
            this.gen = gen;
            this.ticker = new UiBatcher<>(s.fx(), s.timer(), s.tick(), batch -> {
                if (this.gen == generation && !cancelled) {
                    tick();
                }
            });
        }

        CrawlListener listener() {
            return new CrawlListener() {
                @Override
                public void onFinished(CrawlSummary summary) {
                    ticker.close();
                    s.fx().execute(() -> {
                        if (gen == generation && !cancelled) {
                            finished(summary);
                        }
                    });
                }
            };
        }

        @Override
        public boolean made(CrawlStore store, CrawlJob job) {
            return started(this, store, job);
        }

        @Override
        public void failed(String why) {
            failedToStart(this, why);
        }

        @Override
        public void signInAsked() {
            resumeSignedIn(this);
        }

        void resumes(CrawlStore store, String offered) {
            resumed = store;
            offer = offered;
        }
    }

    /** The sign-in a site asked for in this window (kept in memory only). */
    private final SiteSignIn signIn;
    /** Whether the crawl running (or last run) was started anew rather than resumed. */
    private boolean newCrawl;
    /** The crawl file to delete once it is closed (a start refused for a sign-in), or null. */
    private Path discard;

    private Starting starting;

    private Starting starting(CrawlPlan plan) {
        Starting token = new Starting(generation);
        starting = token;
        ticker = token.ticker;
        running.set(true);
        paused.set(false);
        live.started(plan);
        return token;
    }

    /** On the FX thread: the job exists; shows its crawl. False when it was cancelled. */
    private boolean started(Starting token, CrawlStore store, CrawlJob job) {
        if (token != starting || token.cancelled) {
            // whether the file is shown is the FX thread's to say, before the hand-off
            boolean shown = crawl != null && crawl.store() == store;
            s.background().execute(() -> {
                job.close();
                if (!shown) {
                    store.close();
                }
            });
            return false;
        }
        if (crawl == null || crawl.store() != store) {
            show(store, token.gen);
        }
        starting = null;
        crawl.setJob(job);
        // first in File > Recent crawls from its start: a window closed mid-crawl keeps it there
        recentFiles.remember(store.file());
        return true;
    }

    /**
     * The site of the crawl being resumed asks for a sign-in (the crawl file keeps none: a
     * crawl resumed in another window or after a restart is not signed in): the user is asked,
     * as for a new crawl, and it resumes with the sign-in given. Without one it is not resumed
     * (every page left would answer 401) and Resume is offered again.
     */
    private void resumeSignedIn(Starting token) {
        if (token != starting || token.cancelled || token.resumed == null) {
            return;
        }
        CrawlStore store = token.resumed;
        if (signIn.ask(store.plan())) {
            live.say("Resuming " + store.file().getFileName() + " signed in …");
            launcher.resume(store, signIn.forPlan(store.plan()), token.listener(), token);
            return;
        }
        cancel(token, "Not resumed: " + io.webprobe.http.Urls.hostAndPort(
                store.plan().startUrl()) + " asks for a sign-in.");
        opening.offerAgain(store, token.offer);
    }

    private void failedToStart(Starting token, String message) {
        if (token != starting) {
            return;
        }
        cancel(token, message);
        s.dialogs().showError("Cannot start the crawl", message);
    }

    private void cancel(Starting token, String message) {
        input.showOwnSettings(); // a resume that did not start
        starting = null;
        token.cancelled = true;
        token.ticker.close();
        ticker = null;
        running.set(false);
        live.ended(message, -1);
    }

    /** Pauses a running crawl, or resumes a paused one. */
    public void togglePause() {
        CrawlJob j = crawl == null ? null : crawl.job();
        if (!running.get() || j == null) {
            return;
        }
        if (paused.get()) {
            j.resume();
        } else {
            j.pause();
        }
        paused.set(!paused.get());
        tick();
    }

    /** Stops the running crawl; what was crawled stays. */
    public void stop() {
        if (starting != null) { // no job yet: it is closed as soon as it exists
            cancel(starting, "Stopped before the crawl began.");
            return;
        }
        CrawlJob j = crawl == null ? null : crawl.job();
        if (running.get() && j != null) {
            live.say("Stopping…");
            j.stop();
        }
    }

    private void tick() {
        CrawlJob j = crawl == null ? null : crawl.job();
        if (j == null || !running.get()) {
            return;
        }
        live.update(j.progress(), j.activeFetches());
        workspace.grew();
    }

    /**
     * The job ended. Its last rows may still be on their way to the file (a stopped crawl ends
     * before its writer has committed them): the workspace reads the file once everything
     * written is stored, and the crawl counts as running until then.
     */
    private void finished(CrawlSummary summary) {
        OpenCrawl c = crawl;
        int gen = generation;
        CompletableFuture<Void> stored;
        try {
            stored = c.store().sink().flush();
        } catch (StoreException | RuntimeException e) {
            stored = CompletableFuture.completedFuture(null);
        }
        stored.whenComplete((v, e) -> s.fx().execute(() -> {
            if (gen == generation && crawl == c) {
                ended(summary);
            }
        }));
    }

    private void ended(CrawlSummary summary) {
        OpenCrawl c = crawl;
        CrawlJob j = c.job();
        ticker = null;
        running.set(false);
        paused.set(false);
        boolean orphans = c.store().plan().useSitemaps() && !summary.stopped()
                && summary.startFailure() == null && summary.failure() == null;
        live.ended(summary, j.progress(), orphans);
        workspace.ended(orphans);
        c.setJob(null);
        s.background().execute(j::close);
        recentFiles.remember(c.store().file());
        // stopped before it finished (by the user, or because its start URL did not answer):
        // Resume continues it, as after opening it later. Not after its file failed (a full
        // disk): this store's writer is spent, so the crawl is resumed by opening its file
        // again, which makes a new one
        if (summary.stopped() && summary.failure() == null && !c.store().readOnly()) {
            opening.offerAfterStop(c.store(), summary.startFailure());
        } else {
            input.showOwnSettings(); // a resumed crawl ran with its own; the next, these
        }
        if (summary.startStatus() == 401 && newCrawl && signIn.ask(c.store().plan())) {
            // the same crawl again, signed in (as a browser asks, then loads again). The file
            // of this one holds nothing but its start's 401: it goes when the new one takes
            // its place, not left in File > Recent crawls beside it
            discard = c.store().file();
            if (!start()) {
                discard = null; // nothing took its place: it stays shown
            }
            return;
        }
        if (summary.failure() != null) {
            // the file could not be written (a full disk): it is marked stopped, in a small
            // write of its own, so that it says so when opened (as the command line does)
            CrawlStore failed = c.store();
            s.background().execute(failed::saveStoppedAfterFailure);
            // as a failed ping does: a crawl stopped by its file (a full disk) is not a line
            // in the status bar to be missed
            s.dialogs().showError("Crawl stopped", summary.failure());
        }
    }

    // == opening ==

    /**
     * A sentence when the most recent crawl was interrupted (its process ended while it ran),
     * "" otherwise or once another crawl is shown.
     */
    public ReadOnlyStringProperty interruptedHintProperty() {
        return interrupted.textProperty();
    }

    /** Opens the interrupted crawl the hint speaks of (its resume is then offered). */
    public CompletableFuture<Void> openInterrupted() {
        Path f = interrupted.file();
        interrupted.withdraw();
        return f == null ? CompletableFuture.completedFuture(null) : openCrawl(f);
    }

    /** Hides the hint. */
    public void dismissInterrupted() {
        interrupted.withdraw();
    }

    /** Asks for a crawl file and opens it. */
    public CompletableFuture<Void> openCrawl() {
        return opening.open();
    }

    /**
     * Opens a crawl file (on a background thread: opening checks the whole file) and shows
     * it; an unfinished crawl gets a resume offer. A file that cannot be opened is named in
     * the store's one sentence; a read-only one opens for reading, with its sentence shown.
     *
     * @return completes on the FX thread once the crawl is shown or refused
     */
    public CompletableFuture<Void> openCrawl(Path path) {
        return opening.open(path);
    }

    /** Shows a crawl file in the workspace, closing the one shown before. */
    private void show(CrawlStore store) {
        closeCrawl();
        show(store, ++generation);
    }

    private void show(CrawlStore store, int gen) {
        closeCrawl();
        generation = gen;
        crawl = new OpenCrawl(store, s.fx());
        if (store.readOnly()) {
            // another Webprobe may write it (resume it, finish it): this window follows. First,
            // so that its first look at the file is before the workspace's first reads
            OpenCrawl c = crawl;
            watch = new io.webprobe.ui.crawl.session.ChangeWatch(c.countsLane(), s.timer(),
                    s.fx(), WATCH_EVERY, workspace::reading, info -> changedElsewhere(c, info));
        }
        hasCrawl.set(true);
        file.set(store.file());
        opening.withdraw();
        interrupted.withdraw(); // a crawl is shown: the hint has done its work or is moot
        workspace.attach(crawl, store.plan().useSitemaps() && hasFinishedFile(store));
    }

    /**
     * Another Webprobe changed the crawl file this window reads: the workspace reads it again
     * (its counts, rows, broken links and export then agree) and the status line says how the
     * crawl stands now.
     */
    private void changedElsewhere(OpenCrawl c, io.webprobe.store.CrawlInfo info) {
        if (c != crawl) {
            return;
        }
        workspace.changedElsewhere(info.plan().useSitemaps()
                && info.state() == CrawlState.FINISHED);
        opening.changedElsewhere(info);
    }

    /** Whether the file holds a crawl that ran to its end (a new file has not yet). */
    private static boolean hasFinishedFile(CrawlStore store) {
        return store.info().state() == CrawlState.FINISHED;
    }

    /**
     * Closes the crawl shown and empties the workspace (a running crawl's ticker is its own);
     * an offer to resume it goes with it.
     */
    private void closeCrawl() {
        opening.withdraw();
        if (watch != null) {
            watch.close();
            watch = null;
        }
        if (crawl != null) {
            OpenCrawl c = crawl;
            crawl = null;
            Path gone = c.store().file().equals(discard) ? discard : null;
            discard = null;
            c.close(s.background(), gone == null ? () -> { } : () -> delete(gone));
            hasCrawl.set(false);
            file.set(null);
            workspace.detach();
        }
    }

    /** On a background thread, once its store is closed: deletes a crawl file not wanted. */
    private void delete(Path f) {
        try {
            for (String end : new String[] {"", "-wal", "-shm", "-journal"}) {
                java.nio.file.Files.deleteIfExists(f.resolveSibling(f.getFileName() + end));
            }
        } catch (java.io.IOException e) {
            log.info("Could not delete {}: {}", f, e.toString());
        }
        s.fx().execute(() -> recentFiles.forget(f));
    }

    // == actions on URLs ==

    /** Reads the URLs of these ids and hands them over on the FX thread, in the order given. */
    public void urlsOf(long[] ids, Consumer<List<String>> then) {
        workspace.urlsOf(ids, then);
    }

    /** Reads the ids of these URLs (0 for one the file does not hold). */
    public void idsOf(List<String> urls, Consumer<long[]> then) {
        workspace.idsOf(urls, then);
    }

    /** Reads the rows of these ids, in the order given. */
    public void rowsOf(long[] ids, Consumer<List<io.webprobe.store.UrlQuery.Row>> then) {
        workspace.rowsOf(ids, then);
    }

    /** Reads the pages linking to this URL and hands their URLs over on the FX thread. */
    public void inlinksOf(long id, Consumer<List<String>> then) {
        workspace.inlinksOf(id, then);
    }

    /** Fetches these URLs again and updates their rows (and the file). */
    public void recheck(long[] ids) {
        OpenCrawl c = crawl;
        if (c == null || ids.length == 0) {
            return;
        }
        live.say(ids.length == 1 ? "Re-checking…"
                : "Re-checking " + io.webprobe.Words.count(ids.length, "URL") + "…");
        rechecker.recheck(c, ids, () -> {
            if (c == crawl) {
                workspace.rowsChanged();
            }
        }, live::say, live::say);
    }

    /** Whether a re-check is running. */
    public boolean recheckRunning() {
        return rechecker.running();
    }

    /** Ends the running re-check after its current URL (Esc); what it fetched is kept. */
    public void stopRecheck() {
        rechecker.stop();
    }

    /**
     * Leaves the folder of this URL out of the crawl: from now on when a crawl runs, and in
     * the settings' exclude list for the next one.
     *
     * @return the sentence said, or "" when the URL has no path to leave out
     */
    public String excludePath(String u) {
        Optional<PathExclusion> ex = PathExclusion.of(u);
        if (ex.isEmpty()) {
            return "";
        }
        String regex = ex.get().regex();
        input.addExclude(regex);
        CrawlJob j = crawl == null ? null : crawl.job();
        String text;
        if (running.get() && j != null) {
            j.exclude(ex.get().pattern());
            text = "Left out " + ex.get().path() + " from now on (and from the next crawls).";
        } else {
            text = "Left out " + ex.get().path() + " from the next crawls (Settings › Exclude).";
        }
        live.say(text);
        return text;
    }

    // == exports ==

    /** Says something in the status bar (an export's outcome, an action's result). */
    public void say(String text) {
        live.say(text);
    }

    // == closing ==

    /**
     * Stops any crawl and releases its threads and file. Messages of that crawl still queued
     * for the FX thread are dropped.
     */
    @Override
    public void close() {
        generation++;
        recentFiles.close();
        if (watch != null) {
            watch.close();
            watch = null;
        }
        if (starting != null) {
            starting.cancelled = true;
            starting = null;
        }
        if (ticker != null) {
            ticker.close();
            ticker = null;
        }
        OpenCrawl c = crawl;
        crawl = null;
        if (c != null) {
            CrawlJob j = c.job();
            if (j != null) {
                j.close();
                c.setJob(null);
            }
            c.close(Runnable::run); // at exit: wait here (bounded) so the file is left whole
        }
        log.debug("Crawl tab closed");
    }
}
