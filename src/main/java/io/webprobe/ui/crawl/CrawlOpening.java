package io.webprobe.ui.crawl;

import io.webprobe.crawl.CrawlState;
import io.webprobe.crawl.ProgressFormat;
import io.webprobe.crawl.SiteHeaders;
import io.webprobe.store.CrawlInfo;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.StoreException;
import io.webprobe.ui.crawl.files.CrawlFileOpener;
import io.webprobe.ui.crawl.files.RecentCrawls;
import io.webprobe.ui.crawl.live.LiveModel;
import io.webprobe.ui.crawl.session.ChangeWatch;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Opening a crawl file in the Crawl tab, and the offer to resume it: the file is chosen (or
 * named, from the recent crawls), opened off the FX thread (opening checks the whole file) and
 * shown with a line saying how its crawl ended, and with the settings it was made with (and its
 * start URL): those a look at an old crawl asks about, and those Resume continues with. A
 * crawl that did not finish gets an offer to resume it; while the offer stands its settings
 * are locked, and declined they can be edited for a new crawl (the user's own come back with
 * File › New crawl). Which crawl is shown, and running it again, are
 * {@link CrawlViewModel}'s.
 *
 * <p>FX thread only.
 */
final class CrawlOpening {
    /** What opening needs of the tab; called on the FX thread. */
    interface Tab {
        /** Whether a crawl runs (or is starting): nothing is opened then. */
        boolean running();

        /** The crawl file shown, or null. */
        Path shownFile();

        /** Shows this crawl file instead of the one shown; withdraws the offer. */
        void show(CrawlStore store);

        /**
         * The request headers a resume of this crawl would send here ({@link
         * SiteSignIn#forPlan}): those it lacks ({@link SiteHeaders#withheld()}) are said with
         * the offer.
         */
        SiteHeaders sends(CrawlStore store);
    }

    /**
     * What is said about a crawl file opened.
     *
     * @param line the status line: the file, how its crawl ended, its time, any notice
     * @param resumeOffer the sentence offering to resume it, or "" when it cannot be resumed
     *     (it finished with nothing left to fetch, or the file is read-only)
     * @param action the offer's button: {@link #RESUME}, or {@link #CRAWL_NEW} for a
     *     finished crawl that re-checks found new URLs for
     */
    record Said(String line, String resumeOffer, String action) {}

    /** The offer's button for a crawl that did not finish. */
    static final String RESUME = "Resume";
    /** The offer for a crawl the user stopped. */
    private static final String STOPPED = "This crawl was stopped before it finished.";
    /** The offer's button for a finished crawl that re-checks found new URLs for. */
    static final String CRAWL_NEW = "Crawl them";

    private final Tab tab;
    private final CrawlInput input;
    private final LiveModel live;
    private final RecentCrawls recent;
    private final CrawlViewModel.Services s;
    private final ReadOnlyStringWrapper offer = new ReadOnlyStringWrapper(this, "resumeOffer", "");
    private final ReadOnlyStringWrapper action = new ReadOnlyStringWrapper(this, "resumeAction",
            RESUME);
    /**
     * The crawl last offered Resume and the offer's sentence (how it ended: interrupted,
     * stopped, or why), said again when a re-check after a decline offers it once more.
     */
    private CrawlStore resumeOffered;
    private String resumeSentence = "";
    /**
     * The file opened to look at (read-only, or written only once asked), its store, its
     * notice and the status line said of it (or null).
     */
    private Path readOnlyFile;
    private CrawlStore lookedAt;
    /** Whether {@link #lookedAt} is read-only only because another Webprobe held it. */
    private boolean heldElsewhere;
    private String readOnlyNotice = "";
    private String readOnlyLine;

    /**
     * @param s the dialogs, the crawls folder, the user agent, the FX thread and where files
     *     are opened
     */
    CrawlOpening(Tab tab, CrawlInput input, LiveModel live, RecentCrawls recent,
            CrawlViewModel.Services s) {
        this.tab = tab;
        this.input = input;
        this.live = live;
        this.recent = recent;
        this.s = s;
    }

    /**
     * Asks for a crawl file and opens it; while a crawl runs, says so before the file chooser
     * opens, not after a file was chosen.
     */
    CompletableFuture<Void> open() {
        if (tab.running()) {
            return refuseWhileRunning();
        }
        Optional<Path> chosen = s.dialogs().chooseCrawlFile("Open crawl",
                s.crawlsFolder().get());
        return chosen.map(this::open).orElse(CompletableFuture.completedFuture(null));
    }

    /**
     * Opens a crawl file (on a background thread) and shows it; an unfinished crawl gets a
     * resume offer. A file that cannot be opened is named in the store's one sentence; a
     * read-only one opens for reading, with its sentence shown.
     *
     * @return completes on the FX thread once the crawl is shown or refused
     */
    CompletableFuture<Void> open(Path path) {
        if (tab.running()) {
            return refuseWhileRunning();
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        Path shown = tab.shownFile();
        if (shown != null && shown.toAbsolutePath().normalize()
                .equals(path.toAbsolutePath().normalize())) {
            // the file is this window's own: it is already on screen, nothing to refuse
            live.say(path.getFileName() + " is the crawl shown.");
            recent.remember(shown);
            done.complete(null);
            return done;
        }
        return load(path);
    }

    /** Opens the file on a background thread and shows it (or says why it cannot). */
    private CompletableFuture<Void> load(Path path) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        live.say("Opening " + path.getFileName() + " …");
        s.background().execute(() -> {
            try {
                CrawlFileOpener.Opened opened = CrawlFileOpener.open(path);
                s.fx().execute(() -> {
                    if (tab.running()) { // a crawl was started meanwhile
                        opened.store().close();
                    } else {
                        show(opened);
                    }
                    done.complete(null);
                });
            } catch (StoreException e) {
                boolean gone = !java.nio.file.Files.exists(path); // moved or deleted
                s.fx().execute(() -> {
                    if (gone) {
                        recent.forget(path); // Recent crawls offers it no more
                    }
                    live.say(e.getMessage());
                    s.dialogs().showError("Cannot open the crawl", e.getMessage());
                    done.complete(null);
                });
            }
        });
        return done;
    }

    private CompletableFuture<Void> refuseWhileRunning() {
        s.dialogs().showInfo("Open crawl", "Stop the running crawl first.");
        return CompletableFuture.completedFuture(null);
    }

    private void show(CrawlFileOpener.Opened opened) {
        CrawlStore store = opened.store();
        tab.show(store);
        recent.remember(store.file());
        Said said = said(store.file(), store.info(), store.readOnly(), opened.notice(),
                opened.toFetch(), opened.notCrawled());
        live.ended(said.line(), -1);
        // followed while another Webprobe may write it: until this window writes it itself
        readOnlyFile = store.writing() ? null : store.file();
        lookedAt = store;
        heldElsewhere = opened.heldElsewhere();
        readOnlyNotice = opened.notice();
        readOnlyLine = said.line();
        // the settings it was made with, not the user's (a look at an old crawl asks what
        // limits, excludes, user agent it ran with); Resume continues it with those in its
        // file, not with the form's: they are locked while Resume is offered and while the
        // resumed crawl runs. A file opened read-only says why on the status line, which
        // stays until something else is said (a dialog said it too, once more to dismiss)
        if (!said.resumeOffer().isEmpty()) {
            offerAgain(store, said.resumeOffer(), said.action());
        } else {
            input.showCrawlSettings(store.plan(), store.file(), s.userAgent());
        }
        input.showPlan(store.info().plan());
    }

    /**
     * What is said about a crawl file opened.
     *
     * @param readOnly whether the file was opened read-only (it cannot be resumed then)
     * @param notice the opener's sentence about the file (why it is read-only), or ""
     */
    static Said said(Path file, CrawlInfo info, boolean readOnly, String notice) {
        return said(file, info, readOnly, notice, 0);
    }

    /**
     * As {@link #said(Path, CrawlInfo, boolean, String)}, for a file with {@code toFetch} URLs
     * a resume would fetch: a finished crawl with some (a re-check found them since) is
     * offered to crawl them.
     */
    static Said said(Path file, CrawlInfo info, boolean readOnly, String notice, long toFetch) {
        return said(file, info, readOnly, notice, toFetch, "");
    }

    /**
     * As {@link #said(Path, CrawlInfo, boolean, String, long)}, saying what the limits and
     * patterns chosen left out ({@code notCrawled}, "" for nothing) as the end of the crawl
     * said it ("· not crawled: 7 URLs, page limit reached").
     */
    static Said said(Path file, CrawlInfo info, boolean readOnly, String notice, long toFetch,
            String notCrawled) {
        String state = stateSaid(info);
        String line = "Opened " + file.getFileName() + " (" + state + ", "
                + ProgressFormat.clock(info.elapsed()) + ")"
                + (notCrawled.isEmpty() ? "" : " · not crawled: " + notCrawled)
                + (notice.isEmpty() ? "." : ". " + notice);
        if (info.state() == CrawlState.FINISHED && toFetch > 0 && !readOnly) {
            return new Said(line, "This crawl finished, but re-checking found "
                    + newUrls(toFetch) + " since that it has not fetched.", CRAWL_NEW);
        }
        boolean resumable = info.state().resumable() && !readOnly;
        return new Said(line, !resumable ? ""
                : info.stopReason().isEmpty() ? "This crawl was " + state + " before it finished."
                : stoppedFor(info.stopReason()), RESUME);
    }

    private static String newUrls(long n) {
        return io.webprobe.Words.count(n, "new URL");
    }

    /**
     * Another Webprobe changed the file looked at, or let it go: the status line says how its
     * crawl stands now, unless it has said something else since (an export's outcome stays).
     * While another Webprobe holds the file no resume is offered here (it would be refused);
     * once none does (it was killed, or closed the file), one is offered as it is for the file
     * opened afresh: Resume for a crawl left unfinished. A file opened read-only only because
     * another Webprobe held it is opened afresh then.
     */
    void changedElsewhere(ChangeWatch.Change change) {
        CrawlInfo info = change.info();
        if (readOnlyFile == null || !info.file().equals(readOnlyFile)) {
            return;
        }
        if (change.released() && heldElsewhere && !tab.running()) {
            load(readOnlyFile); // Recent crawls keeps it, and the line says "Opened"
            return;
        }
        String line = changedLine(readOnlyFile, info, readOnlyNotice);
        if (live.statusProperty().get().equals(readOnlyLine)) {
            live.say(line);
        }
        readOnlyLine = line;
        if (change.held() && offered()) {
            decline(); // Resume or "Crawl them" would be refused while it holds the file
        } else if (change.released()) {
            Said said = said(readOnlyFile, info, lookedAt.readOnly(), readOnlyNotice);
            if (!said.resumeOffer().isEmpty()) {
                offerAgain(lookedAt, said.resumeOffer(), said.action());
            }
        }
    }

    /**
     * The status line of a file read here that another Webprobe changed: its crawl goes on
     * there, or how it ended and its time now; a crawl that Webprobe left unfinished when it
     * ended (killed) says so.
     */
    static String changedLine(Path file, CrawlInfo info, String notice) {
        String state = stateSaid(info);
        String said = info.interrupted()
                ? "The Webprobe crawling " + file.getFileName() + " ended before its crawl did; "
                        + "what it crawled was read again ("
                : file.getFileName() + " was changed by another Webprobe and read again (";
        // while it goes on there, "running in another Webprobe" says what the notice said
        return said + state + ", " + ProgressFormat.clock(info.elapsed()) + ")"
                + (notice.isEmpty() || info.goesOn() ? "." : ". " + notice);
    }

    /**
     * How a crawl looked at stands: finished or stopped; running or paused in another
     * Webprobe, which holds the file; or interrupted, when the process crawling it ended
     * without saying so (killed).
     */
    private static String stateSaid(CrawlInfo info) {
        return info.goesOn() ? (info.state() == CrawlState.PAUSED ? "paused" : "running")
                + " in another Webprobe" : info.stateText();
    }

    // == the offer ==

    /**
     * A sentence offering to resume the crawl just opened (it did not finish), or "" when
     * there is nothing to resume.
     */
    ReadOnlyStringProperty offerProperty() {
        return offer.getReadOnlyProperty();
    }

    /**
     * What the offer's button says: "Resume", or "Crawl them" for a finished crawl that
     * re-checks found new URLs for.
     */
    ReadOnlyStringProperty actionProperty() {
        return action.getReadOnlyProperty();
    }

    /** Whether a resume is offered. */
    boolean offered() {
        return !offer.get().isEmpty();
    }

    /**
     * A re-check of the crawl shown (not running) found new URLs: a finished crawl is offered
     * to crawl them (its own settings shown, locked, as for a resume); an unfinished one is
     * offered Resume, which fetches them with the rest, unless that offer stands already.
     */
    void offerFound(CrawlStore store, io.webprobe.ui.crawl.actions.Rechecker.Found found) {
        if (store.readOnly()) {
            return;
        }
        if (found.finished()) {
            offerAgain(store, "Re-checking found " + newUrls(found.toFetch()) + " that this "
                    + "finished crawl has not fetched.", CRAWL_NEW);
        } else if (!offered()) {
            // as the offer declined said it: an interrupted crawl was not "stopped"
            offerAgain(store, store == resumeOffered ? resumeSentence : STOPPED, RESUME);
        }
    }

    /**
     * Offers to resume the crawl this window just ran, which stopped before it finished: as
     * for such a crawl opened, its own settings are shown, locked, while the offer stands.
     *
     * @param reason why it stopped when the user did not stop it (its start URL did not
     *     answer), or null
     */
    void offerAfterStop(CrawlStore store, String reason) {
        offerAgain(store, reason == null ? STOPPED
                : stoppedFor(reason), RESUME);
    }

    /**
     * Offers to resume this crawl with this sentence and button (a resume that did not start
     * is offered again as it was), its own settings shown, locked.
     */
    void offerAgain(CrawlStore store, String sentence, String button) {
        if (RESUME.equals(button)) {
            resumeOffered = store;
            resumeSentence = sentence;
        }
        action.set(button);
        // a header whose value its file does not keep, not given here: said before the click
        // (and again on the status line as it starts), as the command line warns
        String without = CrawlRun.without(tab.sends(store));
        String note = without.isEmpty() ? "" : " It goes on" + without + ".";
        offer.set(sentence.endsWith(note) ? sentence : sentence + note);
        input.showCrawlSettings(store.plan(), store.file(), s.userAgent());
    }

    /** The offer for a crawl that stopped because its site did not answer. */
    private static String stoppedFor(String reason) {
        return "This crawl stopped: " + reason + " Resume tries again.";
    }

    /** The offer is gone: it was taken, or another crawl is shown. */
    void withdraw() {
        offer.set("");
    }

    /**
     * The offer is declined: the crawl's settings stay shown, editable now for a new crawl
     * (File › New crawl shows the user's own).
     */
    void decline() {
        offer.set("");
    }
}
