package io.webprobe.ui.crawl.export;

import io.webprobe.Words;
import io.webprobe.export.Column;
import io.webprobe.export.CrawlExport;
import io.webprobe.export.ExportBatch;
import io.webprobe.export.ExportException;
import io.webprobe.export.RowSource;
import io.webprobe.store.CrawlReader;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.StoreException;
import io.webprobe.store.UrlQuery;
import io.webprobe.ui.crawl.table.UrlColumn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The workspace's exports, on a background thread with a reader of their own: the whole crawl
 * as the command line writes it (pages, broken links beside, orphans after a sitemap crawl),
 * or the rows of the current view or of the selection with the columns shown. Every file is
 * written all or nothing, cells that a spreadsheet would run as a formula are neutralised (the
 * export layer does it for every CSV), and the Excel-friendly option starts files with a UTF-8
 * byte-order mark.
 */
public final class CrawlExporter {
    private static final int PAGE = 500;

    private final Executor background;

    public CrawlExporter(Executor background) {
        this.background = background;
    }

    /**
     * Everything, as {@code ./run.sh export} writes it.
     *
     * @param broken the broken links file
     * @param orphans the orphans file, or null when the crawl did not read sitemaps
     * @return completes (on the background thread) with a sentence saying what was written
     */
    public CompletableFuture<String> all(CrawlStore store, Path pages, Path broken, Path orphans,
            boolean bom) {
        return CompletableFuture.supplyAsync(() -> {
            try (CrawlReader reader = store.reader()) {
                CrawlReader.Counts counts = reader.counts();
                // counted as they are read, not held in a list: a stylesheet gone from every
                // page of a site of a million pages is a million broken links
                long[] brokenLinks = {0};
                reader.forEachBrokenLink(l -> brokenLinks[0]++);
                // the broken links file holds them after the broken links
                String anchors = reader.checkedAnchors() ? " (and " + Words.count(
                        reader.missingAnchorCount(), "missing anchor") + ")" : "";
                long orphanRows = orphans == null ? 0 : reader.orphanRows().size();
                CrawlExport.write(reader, pages, broken, orphans, new ExportBatch(null, bom));
                long rows = counts.crawled() + counts.blocked() + counts.skippedRows();
                String urls = Words.count(rows, "URL") + " to " + pages.getFileName();
                String links = Words.count(brokenLinks[0], "broken link") + anchors + " to "
                        + broken.getFileName();
                return orphans == null ? "Exported " + urls + " and " + links + "."
                        : "Exported " + urls + ", " + links + " and "
                                + Words.count(orphanRows, "orphan") + " to "
                                + orphans.getFileName() + ".";
            } catch (StoreException e) {
                throw new java.util.concurrent.CompletionException(
                        new ExportException(pages, e.getMessage() + " Nothing was changed.", e));
            } catch (ExportException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, background);
    }

    /**
     * The rows of a view (a filter, a search, an order) with the given columns.
     *
     * @return completes with a sentence saying what was written
     */
    public CompletableFuture<String> view(CrawlStore store, UrlQuery.Request view, Path file,
            List<UrlColumn> columns, boolean bom) {
        return rows(store, q -> q.ids(view).ids(), file, columns, bom);
    }

    /** The rows of these ids, in this order, with the given columns. */
    public CompletableFuture<String> selection(CrawlStore store, long[] ids, Path file,
            List<UrlColumn> columns, boolean bom) {
        long[] copy = ids.clone();
        return rows(store, q -> copy, file, columns, bom);
    }

    private interface Ids {
        long[] of(UrlQuery q) throws StoreException;
    }

    private CompletableFuture<String> rows(CrawlStore store, Ids which, Path file,
            List<UrlColumn> columns, boolean bom) {
        List<Column<UrlQuery.Row>> csv = new ArrayList<>();
        for (UrlColumn c : columns) {
            csv.add(new Column<>(c.csvHeader(), c::csv));
        }
        return CompletableFuture.supplyAsync(() -> {
            try (CrawlReader reader = store.reader()) {
                UrlQuery q = new UrlQuery(reader);
                long[] ids = which.of(q);
                RowSource<UrlQuery.Row> source = sink -> {
                    for (int from = 0; from < ids.length; from += PAGE) {
                        for (UrlQuery.Row r : q.rows(Arrays.copyOfRange(ids, from,
                                Math.min(ids.length, from + PAGE)))) {
                            sink.accept(r);
                        }
                    }
                };
                new ExportBatch(null, bom).add(file, csv, source).writeAll();
                return "Exported " + Words.count(ids.length, "URL") + " to "
                        + file.getFileName() + ".";
            } catch (StoreException e) {
                throw new java.util.concurrent.CompletionException(
                        new ExportException(file, e.getMessage() + " Nothing was changed.", e));
            } catch (ExportException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, background);
    }
}
