package io.webprobe.cli;

import io.webprobe.CommandName;
import io.webprobe.Words;
import io.webprobe.crawl.CrawlSummary;
import io.webprobe.crawl.SiteHeaders;
import io.webprobe.crawl.SkipReason;
import io.webprobe.store.CrawlReader;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@code webprobe crawl} says when its crawl has ended: the summary and its exit code,
 * the first broken links, and where a crawl whose CSVs could not be written was kept.
 */
final class CrawlReport {
    private CrawlReport() {}

    /**
     * Says where a temporary crawl that filled the disk, or whose CSVs could not be written,
     * was kept, and the commands that write them from it when they failed, and continue it
     * (with its sign-in, headers and CSV options) if it stopped.
     */
    static void tellKept(CrawlCommand c, PrintWriter err) {
        Path wal = c.kept.resolveSibling(c.kept.getFileName() + "-wal");
        String file = ShellWords.quote(c.kept.toString());
        boolean export = c.keepCrawl && c.files.any(); // written, they need no command
        err.println("webprobe: The crawl is kept in " + c.kept + (java.nio.file.Files.exists(wal)
                ? " (with " + wal.getFileName() + " beside it, which belongs to it)" : "")
                + (export ? ". To write its CSV files from it, run:" : "."));
        if (export) {
            err.println("  " + CommandName.get() + " export " + file + " "
                    + c.files.asOptions());
        }
        if (c.keptResumeOptions != null) {
            err.println("To continue the crawl: " + CommandName.get() + " crawl --resume "
                    + file + c.keptResumeOptions);
        }
        err.flush();
    }

    /**
     * Lists the first broken URLs after the summary, each with the first page that links to it
     * and how many others do, so a failing gate says what failed; the broken-links CSV has
     * every link. Reads only the URLs listed, each with its counts ({@link
     * CrawlReader#firstBrokenUrls}): reading every broken link, as that CSV does, took 8 s of
     * CPU and 245 MB on a crawl with 800,000; this 2.5 s and 106 MB.
     */
    static void listBrokenLinks(CrawlCommand c, CrawlStore store, long total, PrintWriter out,
            PrintWriter err) {
        BrokenLinkLines.Grouped lines = new BrokenLinkLines.Grouped();
        try (CrawlReader reader = store.reader()) {
            reader.firstBrokenUrls(BrokenLinkLines.SHOWN).forEach(lines::add);
        } catch (StoreException e) {
            err.println("webprobe: " + e.getMessage()); // the summary and the CSVs still stand
            err.flush();
            return;
        }
        lines.print(out, "Broken links", total, "--broken-csv", c.files.brokenCsv);
    }

    /**
     * How many missing anchors the crawl file holds ({@code --check-anchors}); -1 when it
     * cannot be read (said on stderr: the summary and the CSVs still stand).
     */
    static long missingAnchors(CrawlStore store, PrintWriter err) {
        try (CrawlReader reader = store.reader()) {
            return reader.missingAnchorCount();
        } catch (StoreException e) {
            err.println("webprobe: " + e.getMessage());
            err.flush();
            return -1;
        }
    }

    /**
     * Lists the first missing anchors after the summary, each with the first page that links to
     * it and how many others do.
     */
    static void listMissingAnchors(CrawlCommand c, CrawlStore store, long total,
            PrintWriter out, PrintWriter err) {
        BrokenLinkLines.Grouped lines = new BrokenLinkLines.Grouped();
        try (CrawlReader reader = store.reader()) {
            reader.forEachMissingAnchor(lines);
        } catch (StoreException e) {
            err.println("webprobe: " + e.getMessage());
            err.flush();
            return;
        }
        lines.print(out, "Missing anchors", total, "--broken-csv", c.files.brokenCsv);
    }

    /** Where a resumed crawl stood as this run began: the URLs it had crawled, and in what time. */
    record Resumed(long crawled, java.time.Duration elapsed) {}

    /**
     * After a resume, what this run did of the whole crawl the summary line counts: "Crawled
     * 30,022 URLs in 28.87 s" counted both runs, and read as this one's 19.6 s (found by a
     * tester resuming a crawl killed at 12,080 URLs). Nothing when this run fetched nothing.
     */
    static void thisRun(Resumed before, CrawlSummary summary, PrintWriter out) {
        if (before == null) {
            return;
        }
        long fetched = summary.crawled() - before.crawled();
        java.time.Duration took = summary.elapsed().minus(before.elapsed());
        if (fetched <= 0 || took.isNegative()) {
            return;
        }
        out.println(String.format(Locale.ROOT, "This run fetched %,d of them in %s; the others "
                + "were fetched before the crawl was resumed.", fetched,
                SummaryTable.duration(took)));
    }

    /**
     * Says when the names of none of the other sites linked to could be looked up ({@link
     * CrawlReader.OtherSites#likelyOffline}): a computer offline (a laptop on a train, crawling
     * its own development server) fails every link to another site with "DNS lookup failed",
     * each counted broken where the links may well be fine.
     */
    static void noteOffline(CrawlStore store, PrintWriter out, PrintWriter err) {
        CrawlReader.OtherSites sites;
        try (CrawlReader reader = store.reader()) {
            sites = reader.otherSites();
        } catch (StoreException e) {
            err.println("webprobe: " + e.getMessage());
            err.flush();
            return;
        }
        if (sites.likelyOffline()) {
            out.println(String.format(Locale.ROOT, "Note: the names of the %,d other sites "
                    + "linked to could not be looked up, so their links count as broken; if "
                    + "this computer is offline, crawl again once it is online, or with "
                    + "--no-external.", sites.hosts()));
            out.flush();
        }
    }

    /**
     * Prints the summary; the exit code.
     *
     * @param saved the URLs the crawl file holds when it could not take them all, else -1
     * @param missingAnchors the links to anchors their pages lack, when the crawl checked
     *     anchors; else -1
     * @param maxSize the crawl's download cap in bytes ({@code --max-size}, or the one a
     *     resumed crawl was started with)
     */
    static int report(CrawlCommand c, CrawlSummary summary, long saved, SiteHeaders site,
            long missingAnchors, long maxSize, PrintWriter out, PrintWriter err) {
        for (String warning : summary.warnings()) {
            err.println("webprobe: " + warning);
        }
        if (summary.failure() != null) {
            // the engine's sentence says a sign-in is wanted; the option that gives it is ours
            String advice = !summary.signInRefused() ? ""
                    : " " + SignIn.remedy(c.user, headerSignIn(c, site), summary.signInScheme());
            err.println("webprobe: " + summary.failure() + advice);
            err.flush();
        }
        if (summary.startFailure() != null) {
            String advice = io.webprobe.http.ErrorClassifier.trustRemedy(summary.startError(),
                    summary.startFailure(), c.cacert == null ? "--cacert FILE" : null,
                    "--insecure");
            if (advice == null && summary.startStatus() == 401) {
                String remedy = SignIn.remedy(c.user, headerSignIn(c, site),
                        summary.signInScheme());
                boolean given = c.user != null || headerSignIn(c, site);
                advice = !given ? "The site asks for a sign-in: g" + remedy.substring(1)
                        : "The site did not accept the sign-in given."
                                + (SignIn.userCannotGive(c.user, summary.signInScheme())
                                        ? " " + remedy : "");
            }
            err.println("webprobe: " + summary.startFailure()
                    + (advice == null ? "" : " " + advice));
            err.flush();
            return CrawlCommand.FAILED;
        }
        // the time as ping's summary says it: "0.0 s (255.7 pages/s)" read as a contradiction
        out.println(String.format(Locale.ROOT, "%s %s in %s (%s pages/s): %s, %s.",
                summary.stopped() || saved >= 0 ? "Stopped after" : "Crawled",
                saved >= 0 ? String.format(Locale.ROOT, "%s fetched, %,d saved,",
                        Words.count(summary.crawled(), "URL"), saved)
                        : Words.count(summary.crawled(), "URL"),
                SummaryTable.duration(summary.elapsed()),
                SummaryTable.rate(summary.pagesPerSecond()),
                Words.count(summary.broken(), "broken URL"),
                Words.count(summary.brokenLinks(), "broken link")
                        + (missingAnchors < 0 ? ""
                                : ", " + Words.count(missingAnchors, "missing anchor"))));
        thisRun(c.resumedFrom, summary, out);
        if (summary.startNote() != null) {
            // the start answered a status the user accepted, or moved the crawl to another host
            out.println(summary.startNote());
        }
        if (c.sitemaps && summary.stopped()) {
            out.println(String.format(Locale.ROOT, "Sitemaps list %s of the site; orphans "
                    + "are not reported for a stopped crawl.",
                    Words.count(summary.sitemapUrls(), "URL")));
        } else if (c.sitemaps && summary.sitemapUrls() == 0) {
            // "0 of them no crawled page links to" read as every sitemap URL being linked;
            // "not found" alone would belie the warning about a sitemap that is there but
            // could not be read
            out.println("No sitemap was found or could be read, or the sitemaps list no URL "
                    + "of the site, so there are no orphans to report.");
        } else if (c.sitemaps) {
            out.println(String.format(Locale.ROOT,
                    "Sitemaps list %s of the site; %,d of them no crawled page links to%s",
                    Words.count(summary.sitemapUrls(), "URL"), summary.orphans().size(),
                    summary.orphans().isEmpty() ? "." : " (orphans):"));
            summary.orphans().stream().limit(20).forEach(u -> out.println("  " + u));
            if (summary.orphans().size() > 20) {
                out.println(String.format(Locale.ROOT, "  … and %,d more",
                        summary.orphans().size() - 20));
            }
        }
        // in the words of the Not crawled line below: one formatter for both
        String blocked = summary.notCrawled(SkipReason::isBlock);
        if (blocked != null) {
            out.println("Blocked (not counted as broken): " + blocked + ".");
        }
        if (summary.acceptedTotal() > 0) {
            out.println(String.format(Locale.ROOT, "Accepted (not counted as broken): %s (%s).",
                    Words.count(summary.acceptedTotal(), "URL"), summary.acceptedStatuses()));
        }
        if (summary.cut() > 0) {
            // the CSV's truncated column says it row by row; a link past the cut is not seen
            out.println(String.format(Locale.ROOT, "Cut at --max-size (%s): %s; links past the "
                    + "cut were not read (raise --max-size to read them).",
                    SizeConverter.text(maxSize), Words.count(summary.cut(), "page")));
        }
        String notCrawled = summary.notCrawled(r -> !r.isBlock());
        if (notCrawled != null) {
            out.println("Not crawled: " + notCrawled + ".");
        }
        out.flush();
        if (summary.failure() != null) {
            return CrawlCommand.FAILED;
        }
        // a missing anchor fails the run when anchors were checked, as in lychee
        return summary.brokenLinks() > 0 || summary.broken() > 0 || missingAnchors > 0
                ? CrawlCommand.BROKEN : CrawlCommand.OK;
    }

    /** Whether the sign-in was an Authorization header given with -H (not --user's). */
    private static boolean headerSignIn(CrawlCommand c, SiteHeaders site) {
        return c.user == null && site.headers().stream().anyMatch(h -> h.is("Authorization"));
    }
}
