package io.webprobe.ui.crawl;

import io.webprobe.crawl.CrawlJob;
import io.webprobe.store.CrawlStore;
import io.webprobe.ui.charts.ChartsModel;
import io.webprobe.ui.common.DialogService;
import io.webprobe.ui.common.UiBatcher;
import io.webprobe.ui.common.UiState;
import io.webprobe.ui.crawl.actions.PathExclusion;
import io.webprobe.ui.crawl.actions.Rechecker;
import io.webprobe.ui.crawl.broken.BrokenLinksModel;
import io.webprobe.ui.crawl.details.DetailsModel;
import io.webprobe.ui.crawl.files.CrawlsFolder;
import io.webprobe.ui.crawl.files.CrawlsFolderChoice;
import io.webprobe.ui.crawl.files.InterruptedHint;
import io.webprobe.ui.crawl.files.RecentCrawls;
import io.webprobe.ui.crawl.live.LiveModel;
import io.webprobe.ui.crawl.overview.OverviewModel;
import io.webprobe.ui.crawl.session.ChangeWatch;
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
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Crawl tab: starting, pausing and stopping a crawl (of a site, or of a list of URLs),
 * resuming an opened one, and which crawl the workspace shows, as one face for the view. What
 * the user asks for (the URL or list, the settings) is read by {@link CrawlInput}; a crawl's
 * run from Start or Resume to its end, and the sign-in a site asks for, are {@link CrawlRun}'s
 * (the crawl file and the job made off the FX thread by {@link CrawlLauncher}); which crawl
 * file is shown, and closing it, are {@link ShownCrawl}'s; opening a crawl file, and the offer
 * to resume it, are {@link CrawlOpening}'s; the parts that show the crawl (the URL table, the
 * overview, the details pane, the broken links, the charts and the live status) are kept
 * together by {@link Workspace}. The workspace reads everything from the crawl file
 * ({@link OpenCrawl}), so a live crawl, a reopened crawl and a crawl of a million URLs look
 * and behave the same.
 *
 * <p>Lives on the FX thread: every property and list is read and changed there only. While a
 * crawl runs one ticker ({@link UiBatcher}, at most ten times a second)
 * updates the live figures and asks the parts to catch up with the file; reads run on the
 * crawl's reader lanes. Never touches controls, so it is tested without a window.
 */
public final class CrawlViewModel implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CrawlViewModel.class);

    /**
     * What the app provides besides the crawl jobs.
     *
     * @param watchEvery how often a file opened read-only is checked for another Webprobe's
     *     changes (a second in the app; a test need not wait so long)
     */
    public record Services(Executor fx, ScheduledExecutorService timer, Executor background,
            DialogService dialogs, UiState memory, CrawlsFolder crawlsFolder, String userAgent,
            Duration tick, LongSupplier nanoTime, Duration watchEvery) {
        /** The app's services: a file looked at is checked every second. */
        public Services(Executor fx, ScheduledExecutorService timer, Executor background,
                DialogService dialogs, UiState memory, CrawlsFolder crawlsFolder,
                String userAgent, Duration tick, LongSupplier nanoTime) {
            this(fx, timer, background, dialogs, memory, crawlsFolder, userAgent, tick, nanoTime,
                    ShownCrawl.WATCH_EVERY);
        }
    }

    private final Services s;

    private final CrawlInput input;
    private final BooleanProperty excelFriendly =
            new SimpleBooleanProperty(this, "excelFriendly");

    private final BooleanBinding settingsLocked;
    private final Workspace workspace;
    /** The workspace's status line, which the crawl's life writes to most. */
    private final LiveModel live;
    private final RecentCrawls recentFiles;
    private final InterruptedHint interrupted;
    private final Rechecker rechecker;
    /** The sign-in a site asked for here, and the headers each crawl started here sent. */
    private final SiteSignIn signIn;
    private final ShownCrawl shown;
    private final CrawlOpening opening;
    private final CrawlRun run;

    public CrawlViewModel(CrawlJobFactory jobs, Services services) {
        this.s = services;
        this.input = new CrawlInput(s.memory(), s.background(), s.fx());
        this.workspace = new Workspace(s.fx(), s.nanoTime());
        this.live = workspace.live();
        this.recentFiles = new RecentCrawls(s.memory(), s.crawlsFolder(), s.background(),
                s.fx());
        this.interrupted = new InterruptedHint(recentFiles, s.background(), s.fx());
        this.signIn = new SiteSignIn(s.dialogs(), input::startedWith);
        this.rechecker = new Rechecker((store, clock) -> jobs.recheck(store, clock,
                signIn.forPlan(store.plan(), store.file())), s.background(), s.fx());
        this.shown = new ShownCrawl(s, workspace, recentFiles, new ShownCrawl.Told() {
            @Override
            public void offerGone() {
                opening.withdraw();
            }

            @Override
            public void hintGone() {
                interrupted.withdraw();
            }

            @Override
            public void changedElsewhere(ChangeWatch.Change change) {
                opening.changedElsewhere(change);
            }
        });
        this.opening = new CrawlOpening(new CrawlOpening.Tab() {
            @Override
            public boolean running() {
                return run.running();
            }

            @Override
            public Path shownFile() {
                return shown.current() == null ? null : shown.fileProperty().get();
            }

            @Override
            public void show(CrawlStore store) {
                shown.show(store);
            }

            @Override
            public io.webprobe.crawl.SiteHeaders sends(CrawlStore store) {
                return signIn.forPlan(store.plan(), store.file());
            }
        }, input, live, recentFiles, s);
        this.run = new CrawlRun(jobs, s, input, workspace, shown, opening, recentFiles, signIn,
                this::start);
        this.settingsLocked = run.runningProperty().or(opening.offerProperty().isNotEmpty());
        excelFriendly.set(s.memory().getBoolean("export.excelFriendly", false));
        excelFriendly.addListener((o, was, now) ->
                s.memory().putBoolean("export.excelFriendly", now));
        recentFiles.refresh();
        // what to enter, said for the mode shown (Site: a start URL; List: the URLs)
        workspace.table().listModeProperty().bind(input.mode().isEqualTo(CrawlMode.LIST));
        live.modeChanged(input.mode().get() == CrawlMode.LIST);
        input.mode().addListener((o, was, now) -> live.modeChanged(now == CrawlMode.LIST));
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
     * a resume is offered (Resume continues with the crawl's own settings, shown).
     */
    public BooleanExpression settingsLockedProperty() {
        return settingsLocked;
    }

    /**
     * Whether the settings shown are those the crawl shown was made with, not the user's:
     * from opening a crawl (or stopping one, Resume offered) until a new crawl starts (with
     * them, as edited: they become the user's) or File › New crawl brings back the user's.
     * Edits to them are not remembered till then.
     */
    public ReadOnlyBooleanProperty crawlSettingsShownProperty() {
        return input.crawlSettingsShown();
    }

    // == state ==

    public ReadOnlyBooleanProperty runningProperty() {
        return run.runningProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return run.pausedProperty();
    }

    /** Whether a crawl is shown (running, finished or opened). */
    public ReadOnlyBooleanProperty hasCrawlProperty() {
        return shown.hasCrawlProperty();
    }

    /** The crawl file shown, or null. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return shown.fileProperty();
    }

    /** Crawled / discovered, 0 to 1; -1 (indeterminate) while nothing is known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return live.progressProperty();
    }

    /** The progress bar in words: "Crawled 97 of the 597 URLs found so far", or "". */
    public ReadOnlyStringProperty progressTextProperty() {
        return live.progressTextProperty();
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

    /**
     * What the offer's button says: "Resume", or "Crawl them" for a finished crawl that
     * re-checks found new URLs for.
     */
    public ReadOnlyStringProperty resumeActionProperty() {
        return opening.actionProperty();
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

    /** File › Crawls folder…: says where new crawls go and lets the user pick another. */
    public void chooseCrawlsFolder() {
        new CrawlsFolderChoice(s.crawlsFolder(), s.dialogs(), s.background(), s.fx(),
                recentFiles::refresh).ask();
    }

    /** The crawl shown, or null. */
    public OpenCrawl crawl() {
        return shown.current();
    }

    // == starting and stopping ==

    /**
     * Starts a crawl of the URL in the field (or, in list mode, a check of the list) with the
     * {@link #settings()}; on bad input sets {@link #urlErrorProperty()},
     * {@link #settingsErrorProperty()} or the list's error and starts nothing.
     *
     * @return whether a crawl is starting (it may yet be refused: the dialog says why)
     */
    public boolean start() {
        if (run.running()) {
            return false;
        }
        Optional<CrawlInput.Planned> planned = input.plan(s.userAgent());
        if (planned.isEmpty()) {
            return false;
        }
        // a new crawl with a crawl's settings, as shown and edited, rather than others unseen:
        // they are the user's once it has started (not before: it may yet be refused)
        CrawlInput.Planned p = planned.get();
        run.start(p.plan(), p.what(), () -> input.adoptShownSettings(p));
        return true;
    }

    /**
     * Declines the offer to resume the crawl opened: it stays shown for reading, its settings
     * shown, editable for a new crawl.
     */
    public void declineResume() {
        if (run.running()) {
            return;
        }
        opening.decline();
    }

    /**
     * File › New crawl: the crawl shown is closed (it stays in its file) and the settings
     * shown are the user's own again, as remembered; the start URL stays. Nothing while a
     * crawl runs.
     */
    public void newCrawl() {
        if (run.running()) {
            return;
        }
        shown.close();
        input.showOwnSettings();
        live.ended(LiveModel.noCrawl(input.mode().get() == CrawlMode.LIST), 0);
    }

    /** Continues the crawl that was opened (it had stopped, or its process died). */
    public void resume() {
        OpenCrawl c = shown.current();
        if (c == null || run.running() || c.store().readOnly() || !opening.offered()) {
            return;
        }
        run.resume(c);
    }

    /** Pauses a running crawl, or resumes a paused one. */
    public void togglePause() {
        run.togglePause();
    }

    /** Stops the running crawl; what was crawled stays. */
    public void stop() {
        run.stop();
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

    /**
     * A sentence while the crawl shown is in a temporary file because the crawls folder cannot
     * take crawl files (why, and that it is deleted when closed); "" otherwise or once hidden.
     */
    public ReadOnlyStringProperty notKeptProperty() {
        return shown.notKeptProperty();
    }

    /** Hides the sentence of {@link #notKeptProperty()}. */
    public void dismissNotKept() {
        shown.hideNotKept();
    }

    /** Whether the crawl shown is in a temporary file, deleted when it is closed. */
    public boolean shownCrawlNotKept() {
        return shown.shownNotKept();
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
        OpenCrawl c = shown.current();
        if (c == null || ids.length == 0) {
            return;
        }
        // the values of headers its file does not keep, not given in this window: it goes on
        // without them, and says so, before and after (one URL is re-checked in a moment)
        String without = CrawlRun.without(signIn.forPlan(c.store().plan(), c.store().file()));
        live.note((ids.length == 1 ? "Re-checking"
                : "Re-checking " + io.webprobe.Words.count(ids.length, "URL")) + without + "…");
        rechecker.recheck(c, ids, () -> {
            if (c == shown.current()) {
                workspace.rowsChanged();
            }
        }, live::note, live::note, found -> {
            // its pages link to URLs the crawl never fetched: offered to crawl them
            if (c == shown.current() && !run.running()) {
                opening.offerFound(c.store(), found);
            }
        }, without.isEmpty() ? "" : " Re-checked" + without + ".");
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
        input.addExclude(regex, opening.offered());
        CrawlJob j = run.job();
        String text;
        if (run.running() && j != null) {
            j.exclude(ex.get().pattern());
            text = "Left out " + ex.get().path() + " from now on (and from the next crawls).";
        } else {
            // the field named by its label, as the Settings show it
            text = "Left out " + ex.get().path() + " from the next crawls (Settings › "
                    + io.webprobe.crawl.CrawlSetting.EXCLUDE.label() + ").";
        }
        live.note(text);
        return text;
    }

    // == exports ==

    /**
     * Says something in the status bar (an export's outcome, an action's result), for a few
     * seconds in place of a running crawl's figures.
     */
    public void say(String text) {
        live.note(text);
    }

    // == closing ==

    /**
     * Stops any crawl and releases its threads and file. Messages of that crawl still queued
     * for the FX thread are dropped.
     */
    @Override
    public void close() {
        recentFiles.close();
        run.close();
        shown.closeAtExit(); // at exit: waits here (bounded) so the file is left whole
        log.debug("Crawl tab closed");
    }
}
