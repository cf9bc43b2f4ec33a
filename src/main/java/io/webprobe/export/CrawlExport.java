package io.webprobe.export;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.crawl.CrawlResult;
import io.webprobe.store.CrawlReader;
import java.nio.file.Path;

/**
 * The CSV files of a stored crawl: pages, broken links and orphans, read from the crawl file
 * and written all or nothing. The command line (after a crawl, and {@code export}) and the
 * desktop app export through here, so the same crawl gives the same bytes everywhere.
 */
public final class CrawlExport {
    private CrawlExport() {}

    /**
     * Writes the files whose target is not null.
     *
     * @throws ExportException with one plain sentence when any file cannot be written (then none
     *     is)
     */
    public static void write(CrawlReader reader, Path pages, Path broken, Path orphans,
            ExportBatch batch) throws ExportException {
        if (pages != null) {
            try {
                RowSource<CrawlResult> rows = reader::forEachResult;
                batch.add(pages, CrawlCsv.pages(reader.redirectChains()), rows);
            } catch (io.webprobe.store.StoreException e) {
                throw new ExportException(pages, e.getMessage() + " Nothing was changed.", e);
            }
        }
        if (broken != null) {
            boolean anchors;
            try {
                anchors = reader.checkedAnchors();
            } catch (io.webprobe.store.StoreException e) {
                throw new ExportException(broken, e.getMessage() + " Nothing was changed.", e);
            }
            if (anchors) {
                // the missing anchors after the broken links, with a column saying which is which
                RowSource<BrokenLink> rows = sink -> {
                    reader.forEachBrokenLink(sink);
                    reader.forEachMissingAnchor(sink);
                };
                batch.add(broken, CrawlCsv.BROKEN_LINKS_AND_ANCHORS, rows);
            } else {
                RowSource<BrokenLink> rows = reader::forEachBrokenLink;
                batch.add(broken, CrawlCsv.BROKEN_LINKS, rows);
            }
        }
        if (orphans != null) {
            RowSource<CrawlResult> rows = sink -> reader.orphanRows().forEach(sink);
            try {
                batch.add(orphans, CrawlCsv.orphans(reader.redirectChains()), rows);
            } catch (io.webprobe.store.StoreException e) {
                throw new ExportException(orphans, e.getMessage() + " Nothing was changed.", e);
            }
        }
        batch.writeAll();
    }
}
