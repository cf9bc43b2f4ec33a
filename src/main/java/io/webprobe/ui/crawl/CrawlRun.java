package io.webprobe.ui.crawl;

import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlListener;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlSummary;
import io.webprobe.crawl.SiteHeaders;
import io.webprobe.store.CrawlReader;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.StoreException;
import io.webprobe.ui.common.UiBatcher;
import io.webprobe.ui.crawl.files.RecentCrawls;
import io.webprobe.ui.crawl.live.LiveModel;
import io.webprobe.ui.crawl.session.OpenCrawl;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * A crawl running in the Crawl tab, from Start (or Resume) to its end: the crawl file and job
 * made off the FX thread ({@link CrawlLauncher}), the tab running from the click until the job
 * ends (so nothing else starts, and Stop cancels a start not yet made), pause and stop, the
 * ticker that updates the live figures while it runs, and its end: the resume offer for a
 * crawl stopped early, and the sign-in asked for when the site wants one ({@link SiteSignIn}),
 * at a new crawl's start URL or before a resume. Which crawl is shown is {@link ShownCrawl}'s.
 *
 * <p>FX thread only, but for the job's listener, which posts its end to the FX thread.
 */
final class CrawlRun {
    private final CrawlViewModel.Services s;
    private final CrawlInput input;
    private final Workspace workspace;
    private final LiveModel live;
    private final ShownCrawl shown;
    private final CrawlOpening opening;
    private final RecentCrawls recent;
    private final CrawlLauncher launcher;
    /** The sign-in a site asked for in this window (kept in memory only). */
    private final SiteSignIn signIn;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(this, "paused");
    /** Starts a crawl as the Start button does (the URL and settings shown): whether it did. */
    private final BooleanSupplier again;

    private UiBatcher<Void> ticker;
    /** Whether the crawl running (or last run) was started anew rather than resumed. */
    private boolean newCrawl;
    private Starting starting;

    CrawlRun(CrawlJobFactory jobs, CrawlViewModel.Services s, CrawlInput input,
            Workspace workspace, ShownCrawl shown, CrawlOpening opening, RecentCrawls recent,
            SiteSignIn signIn, BooleanSupplier again) {
        this.s = s;
        this.input = input;
        this.workspace = workspace;
        this.live = workspace.live();
        this.shown = shown;
        this.opening = opening;
        this.recent = recent;
        this.signIn = signIn;
        this.again = again;
        this.launcher = new CrawlLauncher(jobs, s.background(), s.fx());
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    boolean running() {
        return running.get();
    }

    /**
     * Starts a crawl of this plan in a new file, instead of the crawl shown.
     *
     * @param what what the status line says meanwhile ("Crawling http://…")
     * @param onStarted run on the FX thread once the crawl has started, never when it is
     *     refused or stopped before it began
     */
    void start(CrawlPlan plan, String what, Runnable onStarted) {
        // the crawl file and the job (its HTTP client, its threads) are made on a background
        // thread, and the job started on one
        int gen = shown.closeForNew();
        Starting token = starting(gen, plan);
        token.onStarted = onStarted;
        token.headers = plan.siteHeaders();
        live.say(what + " …");
        newCrawl = true;
        launcher.launch(plan, signIn.forPlan(plan, null), token.listener(), token);
    }

    /**
     * Continues the crawl shown (it had stopped, or its process died), as the offer says: with
     * its own settings, but the worker threads the Threads setting shows, which stays editable
     * once a crawl has stopped (fewer to spare a slow site, more for a fast one).
     */
    void resume(OpenCrawl c) {
        String offered = opening.offerProperty().get();
        String button = opening.actionProperty().get();
        opening.withdraw();
        CrawlStore store = c.store();
        int threads = input.settings().threadsProperty().get();
        Starting token = starting(shown.generation(), store.plan().withThreads(threads));
        token.resumes(store, offered, button, threads);
        SiteHeaders headers = signIn.forPlan(store.plan(), store.file());
        // the values its file does not keep, not given in this window: it goes on without
        // them, and says so before it starts (the command line's --resume warns the same)
        live.say((button.equals(CrawlOpening.CRAWL_NEW) ? "Crawling the new URLs of "
                : "Resuming ") + store.file().getFileName() + without(headers) + " …");
        newCrawl = false;
        launcher.resume(store, headers, threads, token.listener(), token);
    }

    /**
     * " without its Authorization header, which is not kept on disk" when these headers lack
     * values their crawl file does not keep; else "".
     */
    static String without(SiteHeaders headers) {
        return headers.withheld().isEmpty() ? "" : " without " + headers.withheldClause();
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
        private String button = CrawlOpening.RESUME;
        /** The worker threads it resumes with. */
        private int threads;
        /** What a new crawl does once started ({@link #start}). */
        private Runnable onStarted = () -> { };
        /** The request headers a new crawl is started with (its settings'), or null. */
        private SiteHeaders headers;

        Starting(int gen) {
            this.gen = gen;
            this.ticker = new UiBatcher<>(s.fx(), s.timer(), s.tick(), batch -> {
                if (this.gen == shown.generation() && !cancelled) {
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
                        if (gen == shown.generation() && !cancelled) {
                            finished(summary);
                        }
                    });
                }
            };
        }

        @Override
        public boolean made(CrawlStore store, CrawlJob job, String notKept) {
            return started(this, store, job, notKept);
        }

        @Override
        public void failed(String why) {
            failedToStart(this, why);
        }

        @Override
        public void signInAsked() {
            resumeSignedIn(this);
        }

        void resumes(CrawlStore store, String offered, String action, int workers) {
            resumed = store;
            offer = offered;
            button = action;
            threads = workers;
        }
    }

    private Starting starting(int gen, CrawlPlan plan) {
        Starting token = new Starting(gen);
        starting = token;
        ticker = token.ticker;
        running.set(true);
        paused.set(false);
        live.started(plan);
        return token;
    }

    /** On the FX thread: the job exists; shows its crawl. False when it was cancelled. */
    private boolean started(Starting token, CrawlStore store, CrawlJob job, String notKept) {
        OpenCrawl crawl = shown.current();
        if (token != starting || token.cancelled) {
            // whether the file is shown is the FX thread's to say, before the hand-off
            boolean isShown = crawl != null && crawl.store() == store;
            s.background().execute(() -> {
                job.close();
                if (!isShown) {
                    store.close();
                }
            });
            return false;
        }
        if (crawl == null || crawl.store() != store) {
            shown.show(store, token.gen);
        }
        starting = null;
        if (token.headers != null) {
            // its file keeps the values that may be a password by name only: its resumes and
            // re-checks in this window send them, and its settings shown show them
            input.startedWith(store.file(), token.headers);
        }
        shown.current().setJob(job);
        token.onStarted.run();
        if (notKept != null) {
            // a temporary file: nothing to offer again later
            shown.sayNotKept(notKept + " File › Crawls folder… picks another folder.");
        } else if (!store.temporary()) {
            // first in File > Recent crawls from its start: a window closed mid-crawl keeps it
            recent.remember(store.file());
        }
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
        if (signIn.ask(store.plan(), "Sign in and resume")) {
            live.say("Resuming " + store.file().getFileName() + " signed in …");
            launcher.resume(store, signIn.forPlan(store.plan(), store.file()), token.threads,
                    token.listener(), token);
            return;
        }
        cancel(token, "Not resumed: " + io.webprobe.http.Urls.hostAndPort(
                store.plan().startUrl()) + " asks for a sign-in.");
        opening.offerAgain(store, token.offer, token.button);
    }

    private void failedToStart(Starting token, String message) {
        if (token != starting) {
            return;
        }
        cancel(token, message);
        s.dialogs().showError("Cannot start the crawl", message);
    }

    private void cancel(Starting token, String message) {
        starting = null;
        token.cancelled = true;
        token.ticker.close();
        ticker = null;
        running.set(false);
        live.ended(message, -1);
    }

    /** Pauses a running crawl, or resumes a paused one. */
    void togglePause() {
        CrawlJob j = job();
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
    void stop() {
        if (starting != null) { // no job yet: it is closed as soon as it exists
            cancel(starting, "Stopped before the crawl began.");
            return;
        }
        CrawlJob j = job();
        if (running.get() && j != null) {
            live.say("Stopping…");
            j.stop();
        }
    }

    /** The job of the crawl shown, or null. */
    CrawlJob job() {
        OpenCrawl c = shown.current();
        return c == null ? null : c.job();
    }

    private void tick() {
        CrawlJob j = job();
        if (j == null || !running.get()) {
            return;
        }
        live.update(j.progress(), j.activeFetches(), j.site());
        workspace.grew();
    }

    /**
     * The job ended. Its last rows may still be on their way to the file (a stopped crawl ends
     * before its writer has committed them): the workspace reads the file once everything
     * written is stored, and the crawl counts as running until then.
     */
    private void finished(CrawlSummary summary) {
        OpenCrawl c = shown.current();
        int gen = shown.generation();
        CompletableFuture<Void> stored;
        try {
            stored = c.store().sink().flush();
        } catch (StoreException | RuntimeException e) {
            stored = CompletableFuture.completedFuture(null);
        }
        stored.whenComplete((v, e) -> s.fx().execute(() -> {
            if (gen == shown.generation() && shown.current() == c) {
                ended(summary);
            }
        }));
    }

    /**
     * Adds to the line a crawl ended with that the names of none of the other sites it linked
     * to could be looked up ({@link CrawlReader.OtherSites#likelyOffline}), as the command line
     * says it: their links, counted broken, may well be fine.
     */
    private void noteOffline(OpenCrawl c, CrawlSummary summary) {
        if (summary.brokenLinks() == 0 || summary.failure() != null
                || summary.startFailure() != null || !c.store().plan().checkExternal()) {
            return;
        }
        String ended = live.statusProperty().get();
        s.background().execute(() -> {
            try (CrawlReader reader = c.store().reader()) {
                if (reader.otherSites().likelyOffline()) {
                    s.fx().execute(() -> live.addToEnd(ended, " · no other site's name could "
                            + "be looked up: offline? (their links may be fine)"));
                }
            } catch (StoreException e) {
                // the line stands as it is; the crawl and its file are unchanged
            }
        });
    }

    /**
     * The crawl ended. A crawl whose start URL asked for a sign-in, given now, runs again
     * through {@code again} (as the Start button does), its file deleted once the new one
     * takes its place.
     */
    private void ended(CrawlSummary summary) {
        OpenCrawl c = shown.current();
        CrawlJob j = c.job();
        ticker = null;
        running.set(false);
        paused.set(false);
        boolean orphans = c.store().plan().useSitemaps() && !summary.stopped()
                && summary.startFailure() == null && summary.failure() == null;
        live.ended(summary, j.progress(), orphans);
        noteOffline(c, summary);
        workspace.ended(orphans);
        c.setJob(null);
        s.background().execute(j::close);
        if (!c.store().temporary()) {
            recent.remember(c.store().file());
        }
        // stopped before it finished (by the user, or because its start URL did not answer):
        // Resume continues it, as after opening it later. Not after its file failed (a full
        // disk): this store's writer is spent, so the crawl is resumed by opening its file
        // again, which makes a new one
        // (a resumed crawl ran with its own settings, shown: they stay shown with it)
        if (summary.stopped() && summary.failure() == null && !c.store().readOnly()) {
            opening.offerAfterStop(c.store(), summary.startFailure());
        }
        if (summary.startStatus() == 401 && newCrawl
                && signIn.ask(c.store().plan(), "Sign in and crawl")) {
            // the same crawl again, signed in (as a browser asks, then loads again). The file
            // of this one holds nothing but its start's 401: it goes when the new one takes
            // its place, not left in File > Recent crawls beside it
            shown.discardOnClose(c.store().file());
            if (!again.getAsBoolean()) {
                shown.discardOnClose(null); // nothing took its place: it stays shown
            }
            return;
        }
        if (summary.failure() != null) {
            // the file could not be written (a full disk): it is marked stopped, in a small
            // write of its own, so that it says so when opened (as the command line does)
            CrawlStore failed = c.store();
            s.background().execute(() -> {
                failed.saveStoppedAfterFailure();
                if (!failed.temporary()) {
                    // File › Recent crawls read it before the mark ("· running"): read again
                    s.fx().execute(recent::refresh);
                }
            });
            // as a failed ping does: a crawl stopped by its file (a full disk) is not a line
            // in the status bar to be missed
            s.dialogs().showError("Crawl stopped", summary.failure());
        }
    }

    /** The window closes: a start under way is dropped, the ticker stopped. */
    void close() {
        if (starting != null) {
            starting.cancelled = true;
            starting = null;
        }
        if (ticker != null) {
            ticker.close();
            ticker = null;
        }
    }
}
