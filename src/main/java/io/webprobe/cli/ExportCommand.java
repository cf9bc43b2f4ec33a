package io.webprobe.cli;

import static io.webprobe.cli.CrawlCommand.fail;

import io.webprobe.Words;
import io.webprobe.export.ExportException;
import io.webprobe.export.OutputCheck;
import io.webprobe.store.CrawlReader;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code webprobe export FILE}: writes the CSV files of a stored crawl, byte for byte what the
 * crawl itself would have written.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        versionProvider = WebprobeCli.VersionProvider.class,
        sortOptions = false,
        description = "Write the CSV files of a stored crawl (a .webprobe file).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:written",
            "2:bad arguments, a crawl file that cannot be opened, or a CSV not written"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  The broken links with their pages, and every URL crawled:",
            "    ${COMMAND-FULL-NAME} site.webprobe --broken-csv broken.csv --csv all.csv",
            "  For Excel, which then reads the accents right:",
            "    ${COMMAND-FULL-NAME} site.webprobe --csv all.csv --excel"
        })
public final class ExportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The crawl file.")
    Path file;

    @Mixin
    CrawlCsvOptions files = new CrawlCsvOptions();

    @Option(names = {"-q", "--quiet"},
            description = "Taken as crawl and ping take it, for scripts that give it to every "
                    + "command; export shows no progress, so nothing changes.")
    boolean quiet;

    /** The refusal of --orphans-csv for a crawl made without --sitemaps (crawl --resume too). */
    static String noOrphans(Path file) {
        return file + " was crawled without --sitemaps, so it has no orphans to write.";
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String stream = OutputCheck.standardStream("FILE", file, false);
        if (stream != null) {
            return fail(err, stream);
        }
        // the crawl file first, as crawl --resume and compare name it: a file that is missing
        // or no crawl is the first thing to put right, before what to write from it
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.EXPORT);
                CrawlReader reader = store.reader()) {
            if (!files.any()) {
                return fail(err, "Say what to write: --csv, --broken-csv and/or --orphans-csv.");
            }
            OutputCheck outputs = files.addTo(new OutputCheck(true)
                    .stdoutClosed(StdStreams.stdoutClosed())).crawlFile("FILE", file);
            String problem = outputs.problem();
            if (problem != null) {
                return fail(err, problem);
            }
            if (files.orphansCsv != null && !store.plan().useSitemaps()) {
                return fail(err, noOrphans(file));
            }
            // Ctrl-C ends it at once: the crawl file is untouched, the targets are only replaced
            // once every file is written, and the JVM's exit deletes the part-written ones
            files.write(reader, spec.commandLine().getOut(), null);
            PrintWriter note = outputs.usesStdout() ? err : spec.commandLine().getOut();
            CrawlReader.Counts c = reader.counts();
            note.println("Exported " + file + " (" + Words.count(c.crawled(), "URL")
                    + " crawled, " + store.info().stateText() + ").");
            note.flush();
            return CrawlCommand.OK;
        } catch (StoreException | ExportException e) {
            return fail(err, e.getMessage());
        }
    }
}
