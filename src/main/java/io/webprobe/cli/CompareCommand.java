package io.webprobe.cli;

import static io.webprobe.cli.CrawlCommand.fail;

import io.webprobe.export.DiffCsv;
import io.webprobe.export.ExportBatch;
import io.webprobe.export.ExportException;
import io.webprobe.export.OutputCheck;
import io.webprobe.export.RowSource;
import io.webprobe.store.ComparePair;
import io.webprobe.store.CrawlDiff;
import io.webprobe.store.CrawlReader;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code webprobe compare OLD NEW}: what changed between two crawls of one site. Exit 1 when
 * the new crawl has broken links the old one did not (or missing anchors, when both checked
 * anchors), or its start URL fails where the old one's did not, so it can gate a release;
 * broken mailto: and file: links count only when both crawls checked them ({@link
 * io.webprobe.crawl.HrefCheck}).
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        versionProvider = WebprobeCli.VersionProvider.class,
        sortOptions = false,
        description = "Compare two crawls of one site: URLs added and removed, status, redirect, "
                + "title, canonical and indexability changes, new and fixed broken links, and "
                + "new and fixed missing anchors when both crawls were made with "
                + "--check-anchors. Broken mailto: and file: links are compared when both "
                + "crawls checked them (against a crawl made before Webprobe did, they are noted, "
                + "not called new). A broken link or missing anchor that the other crawl's "
                + "--exclude patterns leave out is neither new nor fixed: it is counted in a "
                + "note.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no new broken links (nor new missing anchors)",
            "1:the new crawl has broken links the old one did not, missing anchors the old "
                    + "one did not (both crawls checked anchors), or its start URL fails where "
                    + "the old one's did not",
            "2:bad arguments, a crawl file that cannot be opened, or the CSV not written"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  A regression gate: exit 1 on links broken since Monday's crawl:",
            "    ${COMMAND-FULL-NAME} monday.webprobe today.webprobe",
            "  Every change, one a row, in changes.csv:",
            "    ${COMMAND-FULL-NAME} monday.webprobe today.webprobe -q --csv changes.csv"
        })
public final class CompareCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The earlier crawl file.")
    Path older;

    @Parameters(index = "1", paramLabel = "NEW", description = "The later crawl file.")
    Path newer;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Write every change here (change,url,old,new,source_url; "
                    + "- for standard output).")
    Path csv;

    @Option(names = "--excel", description = CrawlCsvOptions.EXCEL)
    boolean excel;

    @Option(names = {"-q", "--quiet"},
            description = "No list of the new broken links and missing anchors after the "
                    + "summary, as crawl lists none with it.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        OutputCheck outputs = new OutputCheck(true).stdoutClosed(StdStreams.stdoutClosed())
                .add("--csv", csv).crawlFile("OLD", older).crawlFile("NEW", newer);
        String problem = outputs.problem();
        if (problem != null) {
            return fail(err, problem);
        }
        PrintWriter out = outputs.usesStdout() ? err : spec.commandLine().getOut();
        try (CrawlStore a = CrawlStore.open(older, CrawlStore.Access.EXPORT);
                CrawlStore b = CrawlStore.open(newer, CrawlStore.Access.EXPORT);
                CrawlReader ra = a.reader();
                CrawlReader rb = b.reader()) {
            if (ComparePair.sameFile(older, newer)) {
                // checked once both open: a file that is no crawl is said to be none first
                return fail(err, older + " was given as both OLD and NEW, and a crawl does not "
                        + "differ from itself: give another crawl to compare it with.");
            }
            String refusal = ComparePair.refusal(a, older.toString(), b, newer.toString());
            if (refusal != null) {
                return fail(err, refusal);
            }
            CrawlDiff.Counts[] counts = new CrawlDiff.Counts[1];
            // the first new broken links, listed after the summary: a failing gate says what
            List<String> newBroken = new ArrayList<>();
            List<String> newAnchors = new ArrayList<>();
            Consumer<CrawlDiff.Row> firstBroken = r -> {
                if (r.change() == CrawlDiff.Change.NEW_BROKEN_LINK
                        && newBroken.size() < BrokenLinkLines.SHOWN) {
                    String status = r.newValue();
                    newBroken.add(BrokenLinkLines.line(r.url(), status.chars()
                            .allMatch(Character::isDigit) && !status.isEmpty()
                                    ? "HTTP " + status : status, r.sourceUrl()));
                } else if (r.change() == CrawlDiff.Change.NEW_MISSING_ANCHOR
                        && newAnchors.size() < BrokenLinkLines.SHOWN) {
                    newAnchors.add(BrokenLinkLines.line(r.url(), r.newValue(), r.sourceUrl()));
                }
            };
            if (csv != null) {
                RowSource<CrawlDiff.Row> rows = sink -> {
                    newBroken.clear();
                    newAnchors.clear();
                    counts[0] = CrawlDiff.compare(ra, rb, r -> {
                        firstBroken.accept(r);
                        sink.accept(r);
                    });
                };
                new ExportBatch(spec.commandLine().getOut(), excel)
                        .add(csv, DiffCsv.CHANGES, rows).writeAll();
            } else {
                counts[0] = CrawlDiff.compare(ra, rb, firstBroken);
            }
            out.println(counts[0].sentence(older.toString(), newer.toString()));
            String startFailure = counts[0].startFailure();
            if (startFailure != null) {
                out.println(startFailure);
            }
            for (String note : ComparePair.notes(a, older.toString(), b, newer.toString(),
                    counts[0])) {
                out.println("Note: " + note);
            }
            if (!quiet) {
                BrokenLinkLines.print(out, "New broken links", newBroken,
                        counts[0].of(CrawlDiff.Change.NEW_BROKEN_LINK), "--csv", csv);
                BrokenLinkLines.print(out, "New missing anchors", newAnchors,
                        counts[0].of(CrawlDiff.Change.NEW_MISSING_ANCHOR), "--csv", csv);
            }
            out.flush();
            // as lychee fails on missing fragments when told to check them: a new missing
            // anchor is only counted when both crawls checked anchors
            return counts[0].of(CrawlDiff.Change.NEW_BROKEN_LINK) > 0
                    || counts[0].of(CrawlDiff.Change.NEW_MISSING_ANCHOR) > 0
                    || startFailure != null ? CrawlCommand.BROKEN : CrawlCommand.OK;
        } catch (StoreException | ExportException e) {
            return fail(err, e.getMessage());
        }
    }
}
