package io.webprobe.bench;

import io.webprobe.store.CrawlReader;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.OverviewCounts;
import io.webprobe.store.UrlField;
import io.webprobe.store.UrlFilter;
import io.webprobe.store.UrlQuery;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Times the workspace's queries on a crawl file (bench/inflate-crawl.py makes a file of a
 * million URLs): the table's ids for a filter, a search and a sort, a page of rows, and the
 * overview's counts. Prints one line per query with its wall time.
 */
public final class WorkspaceQueryBench {
    private WorkspaceQueryBench() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String search = args.length > 1 ? args[1] : "page-77";
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY);
                CrawlReader reader = store.reader()) {
            UrlQuery q = new UrlQuery(reader);
            OverviewCounts counts = new OverviewCounts(reader);
            for (int round = 1; round <= 2; round++) {
                System.out.println("round " + round);
                time("all rows, crawl order", () -> q.ids(UrlQuery.Request.ALL).ids().length);
                time("filter 4xx", () -> q.ids(new UrlQuery.Request(UrlFilter.STATUS_4XX, "",
                        UrlField.SEQ, false)).ids().length);
                time("filter broken", () -> q.ids(new UrlQuery.Request(UrlFilter.BROKEN, "",
                        UrlField.SEQ, false)).ids().length);
                time("search '" + search + "'", () -> q.ids(new UrlQuery.Request(UrlFilter.ALL,
                        search, UrlField.SEQ, false)).ids().length);
                time("sort by response time", () -> q.ids(new UrlQuery.Request(UrlFilter.ALL,
                        "", UrlField.RESPONSE_MS, true)).ids().length);
                time("sort by title", () -> q.ids(new UrlQuery.Request(UrlFilter.ALL, "",
                        UrlField.TITLE, false)).ids().length);
                time("sort by URL", () -> q.ids(new UrlQuery.Request(UrlFilter.ALL, "",
                        UrlField.URL, false)).ids().length);
                time("4xx sorted by title", () -> q.ids(new UrlQuery.Request(
                        UrlFilter.STATUS_4XX, "", UrlField.TITLE, false)).ids().length);
                time("search sorted by title", () -> q.ids(new UrlQuery.Request(UrlFilter.ALL,
                        search, UrlField.TITLE, false)).ids().length);
                time("filter non-indexable", () -> q.ids(new UrlQuery.Request(
                        UrlFilter.NON_INDEXABLE, "", UrlField.SEQ, false)).ids().length);
                time("filter duplicate title", () -> q.ids(new UrlQuery.Request(
                        UrlFilter.DUPLICATE_TITLE, "", UrlField.SEQ, false)).ids().length);
                long[] page = q.ids(UrlQuery.Request.ALL).ids();
                long[] first = java.util.Arrays.copyOfRange(page, page.length / 2,
                        page.length / 2 + 100);
                time("100 rows by id", () -> q.rows(first).size());
                time("overview counts", () -> counts.counts().counts().size());
                OverviewCounts.Snapshot base = counts.counts();
                time("overview counts, nothing new", () -> counts.counts(base).counts().size());
            }
        }
    }

    private static void time(String what, Callable<Integer> query) throws Exception {
        long t0 = System.nanoTime();
        int n = query.call();
        System.out.println(String.format(Locale.ROOT, "%6d ms  %,10d rows  %s",
                (System.nanoTime() - t0) / 1_000_000, n, what));
    }
}
