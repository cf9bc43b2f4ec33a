package io.webprobe.cli;

import io.webprobe.CommandName;
import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlState;
import io.webprobe.crawl.CrawlSummary;
import io.webprobe.crawl.ProgressFormat;
import io.webprobe.crawl.ResumeState;
import io.webprobe.crawl.SiteHeaders;
import io.webprobe.export.ExportException;
import io.webprobe.http.HttpProbe;
import io.webprobe.store.CrawlReader;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.StoreException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Runs a {@code crawl} in the crawl file {@link CrawlOpening} opened: its warnings, the crawl
 * with its progress line and Ctrl-C, the summary and the lists after it, the CSV files, and
 * where the crawl is kept and how to continue it.
 */
final class CrawlRun {

    private CrawlRun() {}

    /** Runs it and closes the crawl file; the exit code. */
    static int run(CrawlCommand c, CrawlOpening.Opened opened, PrintWriter summaryOut,
            PrintWriter err, CtrlC ctrlC) throws InterruptedException {
        CrawlStore store = opened.store();
        ResumeState resumeState = opened.resumeState();
        // Ctrl-C lets go only once the file is closed (the caller closes it after this): a
        // temporary one is deleted then, a kept one is left whole (one file, its state saved)
        int code;
        try (store) {
            if (resumeState != null && resumeState.finished()) {
                // no warning on headers or certificates: no request is sent (Screaming Frog's
                // resume of a finished crawl does nothing); the summary and exit code as its own
                summaryOut.println(c.resumeFile + " is a finished crawl: nothing to resume.");
            } else if (resumeState != null && store.info().state() == CrawlState.FINISHED) {
                // a re-check of a fixed page found links the crawl had never seen
                summaryOut.println("The crawl in " + c.resumeFile + " had finished; re-checking "
                        + "found " + io.webprobe.Words.count(resumeState.toFetch(), "new URL")
                        + " since, which it crawls now.");
                summaryOut.flush();
            }
            code = crawl(c, store, opened.probe(), resumeState, opened.site(), summaryOut, err,
                    ctrlC);
        } catch (StoreException e) {
            code = CrawlCommand.fail(err, e.getMessage());
        }
        if (c.kept != null) {
            c.kept = store.keptAt(); // renamed when closed: no longer a temporary crawl's name
            // once the file is closed: whether its -wal file is left is known
            CrawlReport.tellKept(c, err);
        }
        return code;
    }

    private static int crawl(CrawlCommand c, CrawlStore store, HttpProbe probe,
            ResumeState resumeState, SiteHeaders site, PrintWriter out, PrintWriter err,
            CtrlC ctrlC) throws InterruptedException, StoreException {
        // the file keeps no sign-in nor a header that may hold a password, only its name:
        // this run's are added to the headers read from it (ADR 0031)
        CrawlPlan plan = store.plan().withSiteHeaders(store.plan().siteHeaders().plus(site));
        if (c.resumeFile != null && c.spec.commandLine().getParseResult()
                .hasMatchedOption("--threads")) {
            plan = plan.withThreads(c.threads); // as the window's Resume takes the threads shown
        }
        // the names kept of headers whose values were not given again
        SiteHeaders withheld = SiteHeaders.stored(List.of(), plan.siteHeaders().withheld());
        boolean sends = resumeState == null || !resumeState.finished();
        if (sends && !withheld.withheld().isEmpty()) {
            // it goes on without them, as the window's Resume does, and says so first
            err.println(CrawlCommand.withheldWarning(withheld));
            err.flush();
        }
        if (sends && plan.insecure()) {
            err.println("webprobe: warning: --insecure: certificates are not checked, so anyone "
                    + "between you and the site could answer in its place.");
            err.flush();
        }
        if (resumeState != null) {
            // read now: the resume state reads the file, which the crawl goes on to write
            c.resumedFrom = new CrawlReport.Resumed(resumeState.counts().crawled(),
                    resumeState.elapsedBefore());
        }
        if (ctrlC.wasPressed()) { // the file is closed as the crawl's would be
            return stoppedBeforeStart(c, store, site, err);
        }
        CrawlJob job = CrawlJob.builder(plan, probe, store.sink())
                .resume(resumeState)
                .build();
        CrawlSummary summary;
        try (job;
                ProgressPrinter progress = new ProgressPrinter(err, c.quiet,
                        () -> ProgressFormat.line(job.progress()))) {
            ctrlC.watch(job::stop);
            job.start();
            try {
                summary = job.completion().get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
            progress.close();
            // the crawl file could not be written (a full disk): it holds fewer URLs than
            // were fetched, and its CSVs are made from it, so the summary says both
            boolean unsaved = store.sink().failure() != null;
            long saved = -1;
            if (unsaved) {
                store.saveStoppedAfterFailure();
                try (CrawlReader reader = store.reader()) {
                    saved = reader.counts().crawled();
                } catch (StoreException e) {
                    // the summary below still says what was fetched, and how to go on
                    err.println("webprobe: " + e.getMessage());
                }
            }
            boolean judged = store.plan().checkAnchors() && summary.failure() == null
                    && summary.startFailure() == null;
            long missing = judged ? CrawlReport.missingAnchors(store, err) : -1;
            int code = CrawlReport.report(c, summary, saved, site, missing,
                    plan.maxBodyBytes(), out, err);
            if (summary.brokenLinks() > 0 && summary.failure() == null
                    && summary.startFailure() == null && plan.checkExternal()) {
                CrawlReport.noteOffline(store, out, err);
            }
            if (!c.quiet && summary.brokenLinks() > 0 && summary.failure() == null
                    && summary.startFailure() == null) {
                CrawlReport.listBrokenLinks(c, store, summary.brokenLinks(), out, err);
            }
            if (!c.quiet && missing > 0) {
                CrawlReport.listMissingAnchors(c, store, missing, out, err);
            }
            int exported = export(c, store, err, ctrlC);
            if ((c.keepCrawl || unsaved) && c.db == null && c.resumeFile == null) {
                // the crawl was in a temporary file: keep it rather than lose it with its CSVs,
                // or when it filled the disk, which the user was told it keeps, to resume
                store.keep();
                c.kept = store.file();
                c.keptResumeOptions = summary.stopped() || unsaved
                        ? SignIn.forResume(c.user, plan.siteHeaders(), summary.signInRefused(),
                                summary.signInScheme())
                        + (c.files.any() ? " " + c.files.asOptions() : "") // of the whole crawl
                        : null;
            }
            if (c.db != null || c.resumeFile != null) {
                // the file keeps no sign-in: the resume is told to give it again
                String resume = resumeCommand(c, store, plan.siteHeaders(),
                        summary.signInRefused(), summary.signInScheme()) + ".";
                out.println("The crawl is stored in " + store.file() + (unsaved
                        ? "; once the problem above is solved, continue it with " + resume
                        : summary.stopped() ? "; continue it with " + resume : "."));
                out.flush();
            }
            return exported != CrawlCommand.OK ? exported : code;
        }
    }

    /**
     * The command that continues the crawl in its file; the file keeps no sign-in, so it gives
     * --user and the headers not kept again ({@link SignIn#forResume}).
     */
    private static String resumeCommand(CrawlCommand c, CrawlStore store, SiteHeaders headers,
            boolean signInRefused, String scheme) {
        return CommandName.get() + " crawl --resume " + store.file()
                + SignIn.forResume(c.user, headers, signInRefused, scheme);
    }

    /**
     * Ctrl-C ended the start-up, the file open, before the crawl sent anything: says so, with
     * how to continue a file that is kept (a temporary one is deleted as it is closed).
     *
     * @param site this run's headers and sign-in, null when not read yet
     */
    static int stoppedBeforeStart(CrawlCommand c, CrawlStore store, SiteHeaders site,
            PrintWriter err) throws StoreException {
        if (c.resumeFile == null) { // a new file says "stopped", as a crawl stopped at once
            store.sink().state(CrawlState.STOPPED, java.time.Duration.ZERO);
        }
        boolean kept = c.db != null || c.resumeFile != null;
        SiteHeaders headers = site == null ? store.plan().siteHeaders()
                : store.plan().siteHeaders().plus(site);
        return CrawlCommand.stoppedBeforeStart(err,
                kept ? resumeCommand(c, store, headers, false, "") : null);
    }

    /** Writes the CSVs asked for, from the crawl file; all or none. */
    private static int export(CrawlCommand c, CrawlStore store, PrintWriter err, CtrlC ctrlC) {
        if (!c.files.any()) {
            return CrawlCommand.OK;
        }
        if (ctrlC.wasPressed() && !c.quiet) {
            // a large crawl's files take a while: say why it has not ended yet
            err.println("Writing the CSV files of what was crawled before exiting...");
            err.flush();
        }
        try (CrawlReader reader = store.reader()) {
            c.files.write(reader, c.spec.commandLine().getOut(), ctrlC);
            return CrawlCommand.OK;
        } catch (ExportException e) {
            // standard output too (a full disk behind it): a reader that closed it (| head) is
            // no failure and never gets here
            c.keepCrawl = true;
            return CrawlCommand.fail(err, e.getMessage());
        } catch (StoreException e) {
            c.keepCrawl = true;
            return CrawlCommand.fail(err, e.getMessage());
        }
    }
}
