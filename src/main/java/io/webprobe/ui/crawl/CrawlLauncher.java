package io.webprobe.ui.crawl;

import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlListener;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlProbes;
import io.webprobe.crawl.ResumeState;
import io.webprobe.crawl.SiteHeaders;
import io.webprobe.http.TlsTrust;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.NewCrawlFile;
import io.webprobe.store.StoreException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes what a crawl of the Crawl tab runs with, off the FX thread: for a new crawl its
 * certificate file read, its crawl file and its job; for a resumed one a job that carries on
 * where its file stood. The first of each costs tens to hundreds of milliseconds, and reading a
 * file never happens on the FX thread. The outcome is handed over on the FX thread, a failure
 * as one sentence; a job that is taken is started on a background thread.
 *
 * <p>Called on the FX thread; holds no state of its own, so one launch cannot disturb another
 * (the caller tells a late hand-over from the current one).
 */
final class CrawlLauncher {
    private static final Logger log = LoggerFactory.getLogger(CrawlLauncher.class);

    /** What the caller does with a launch's outcome; both run on the FX thread. */
    interface Handover {
        /**
         * The crawl file and the job exist.
         *
         * @param notKept null, or, for a new crawl the crawls folder could not take, the
         *     sentence saying that its file is temporary and why
         * @return whether to start the job; when false the job (and the file, if it is not
         *     shown) is the caller's to close
         */
        boolean made(CrawlStore store, CrawlJob job, String notKept);

        /** Nothing runs: the sentence saying why. */
        void failed(String why);

        /**
         * Nothing runs yet: the site of the crawl to resume asks for a sign-in (its start URL
         * answered 401 to the one given, or to none).
         */
        void signInAsked();
    }

    private final CrawlJobFactory jobs;
    private final Executor background;
    private final Executor fx;

    CrawlLauncher(CrawlJobFactory jobs, Executor background, Executor fx) {
        this.jobs = jobs;
        this.background = background;
        this.fx = fx;
    }

    /**
     * Makes a new crawl file and a job for this plan.
     *
     * @param signIn what the site's own URLs are sent: the plan's request headers and the
     *     sign-in asked for here (which the file does not keep)
     */
    void launch(CrawlPlan plan, SiteHeaders signIn, CrawlListener listener, Handover then) {
        background.execute(() -> {
            try {
                // the certificate file is read first: a crawl file is not made for nothing
                CrawlProbes.trust(plan);
            } catch (TlsTrust.TrustException | RuntimeException e) {
                fx.execute(() -> then.failed(whyNotStarted(e)));
                return;
            }
            NewCrawlFile made;
            try {
                made = jobs.newStore(plan);
            } catch (StoreException | RuntimeException e) {
                // said either way: left unsaid, the tab would show "starting" until Stop
                fx.execute(() -> then.failed(whyNotStarted(e)));
                return;
            }
            CrawlStore store = made.store();
            CrawlJob j;
            try {
                j = jobs.job(store, null, listener, signIn, plan.threads());
            } catch (StoreException | RuntimeException e) {
                store.close();
                fx.execute(() -> then.failed(whyNotStarted(e)));
                return;
            }
            handOver(store, j, made.notKept(), then);
        });
    }

    /**
     * Makes a job that continues the crawl in this file (it stopped, or its process died),
     * with its own settings but {@code threads} worker threads. First asks its start URL
     * whether the site wants a sign-in (the file keeps none, and a resumed crawl does not
     * fetch its start URL again): a 401 is handed over instead.
     */
    void resume(CrawlStore store, SiteHeaders signIn, int threads, CrawlListener listener,
            Handover then) {
        // reading where it stood and restoring its queue read the file: not on the FX thread
        background.execute(() -> {
            if (jobs.startStatus(store.plan(), signIn) == 401) {
                fx.execute(then::signInAsked);
                return;
            }
            CrawlJob j;
            try {
                ResumeState state = store.resumeState();
                j = jobs.job(store, state, listener, signIn, threads);
            } catch (StoreException | RuntimeException e) {
                fx.execute(() -> then.failed(whyNotStarted(e)));
                return;
            }
            handOver(store, j, null, then);
        });
    }

    private void handOver(CrawlStore store, CrawlJob j, String notKept, Handover then) {
        fx.execute(() -> {
            if (then.made(store, j, notKept)) {
                // not on the FX thread: starting looks up the start host (is it private?),
                // which a slow name server can make take seconds
                background.execute(j::start);
            }
        });
    }

    /**
     * The sentence for a crawl that could not start: a refusal's own (a certificate file, the
     * crawl file), or, for a failure nobody wrote a sentence for, a plain one with the details
     * in the log.
     */
    static String whyNotStarted(Exception e) {
        if (e instanceof StoreException || e instanceof TlsTrust.TrustException) {
            return e.getMessage();
        }
        log.error("The crawl could not start", e);
        return "The crawl could not start because of an internal error; the details are in the "
                + "log file.";
    }
}
