package io.webprobe.cli;

import io.webprobe.export.CrawlExport;
import io.webprobe.export.ExportBatch;
import io.webprobe.export.ExportException;
import io.webprobe.export.OutputCheck;
import io.webprobe.store.CrawlReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The CSV files of a crawl, as options of {@code crawl} and {@code export} (a mixin). */
final class CrawlCsvOptions {
    @Option(names = "--csv", paramLabel = "FILE",
            description = "Write every crawled URL here (- for standard output; the summary "
                    + "then goes to stderr).")
    Path csv;

    @Option(names = "--broken-csv", paramLabel = "FILE",
            description = "Write every broken link with its source page here (- for "
                    + "standard output).")
    Path brokenCsv;

    @Option(names = "--orphans-csv", paramLabel = "FILE",
            description = "Write the sitemap URLs no page links to here (crawls made with "
                    + "--sitemaps; - for standard output).")
    Path orphansCsv;

    @Option(names = "--excel", description = EXCEL)
    boolean excel;

    /** The help of every command's --excel. */
    static final String EXCEL = "Start each CSV file with a UTF-8 byte-order mark, so that "
            + "Excel reads its accents right (the app's Excel-friendly export; standard output "
            + "gets none).";

    /** Whether any file is asked for. */
    boolean any() {
        return csv != null || brokenCsv != null || orphansCsv != null;
    }

    /**
     * The options as given, for a command line to copy, e.g.
     * {@code --csv pages.csv --broken-csv 'my broken.csv'}.
     */
    String asOptions() {
        StringBuilder b = new StringBuilder();
        for (var o : new Object[][] {{"--csv", csv}, {"--broken-csv", brokenCsv},
                {"--orphans-csv", orphansCsv}}) {
            if (o[1] != null) {
                b.append(b.isEmpty() ? "" : " ").append(o[0]).append(' ')
                        .append(ShellWords.quote(o[1].toString()));
            }
        }
        if (excel) {
            b.append(" --excel");
        }
        return b.toString();
    }

    /** Adds the files to a check of every output. */
    OutputCheck addTo(OutputCheck check) {
        return check.add("--csv", csv).add("--broken-csv", brokenCsv)
                .add("--orphans-csv", orphansCsv);
    }

    /**
     * Writes the files asked for from the crawl file, all or none.
     *
     * @param stdout where {@code -} goes
     * @param ctrlC shown the export's progress, so that Ctrl-C waits for it; null when Ctrl-C
     *     is to end the export at once (nothing is changed then)
     */
    void write(CrawlReader reader, PrintWriter stdout, CtrlC ctrlC) throws ExportException {
        ExportBatch batch = new ExportBatch(stdout, excel);
        if (ctrlC != null) {
            ctrlC.progress(batch::rowsWritten);
        }
        CrawlExport.write(reader, csv, brokenCsv, orphansCsv, batch);
    }
}
