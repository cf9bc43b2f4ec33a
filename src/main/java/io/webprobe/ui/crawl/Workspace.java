package io.webprobe.ui.crawl;

import io.webprobe.store.UrlFilter;
import io.webprobe.store.UrlQuery;
import io.webprobe.ui.charts.ChartsModel;
import io.webprobe.ui.crawl.broken.BrokenLinksModel;
import io.webprobe.ui.crawl.details.DetailsModel;
import io.webprobe.ui.crawl.live.LiveModel;
import io.webprobe.ui.crawl.overview.OverviewModel;
import io.webprobe.ui.crawl.session.OpenCrawl;
import io.webprobe.ui.crawl.table.UrlTableModel;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The parts of the Crawl tab that show a crawl file (the URL table, the overview, the details
 * pane, the broken links, the charts and the live status line) as one: attached to a file
 * together, told together that it grew or changed, and the reads the URL actions make through
 * the table's lane. {@link CrawlViewModel} decides which file is shown and when; this class
 * only shows it.
 *
 * <p>FX thread only.
 */
final class Workspace {
    private final UrlTableModel table;
    private final OverviewModel overview;
    private final DetailsModel details;
    private final BrokenLinksModel broken;
    private final LiveModel live = new LiveModel();
    private final ChartsModel charts;
    /** The crawl shown, or null. */
    private OpenCrawl crawl;

    Workspace(Executor fx, LongSupplier nanoTime) {
        this.table = new UrlTableModel(fx, nanoTime);
        this.overview = new OverviewModel(nanoTime);
        this.broken = new BrokenLinksModel(nanoTime);
        this.charts = new ChartsModel(nanoTime);
        this.details = new DetailsModel(nanoTime);
        overview.selectedProperty().bindBidirectional(table.filterProperty());
        // its URL from the row selected, for the heading while its details are read
        table.currentIdProperty().addListener((o, was, now) -> details.show(now.longValue(),
                table.urlOf(now.longValue())));
    }

    UrlTableModel table() {
        return table;
    }

    OverviewModel overview() {
        return overview;
    }

    DetailsModel details() {
        return details;
    }

    BrokenLinksModel broken() {
        return broken;
    }

    LiveModel live() {
        return live;
    }

    ChartsModel charts() {
        return charts;
    }

    /**
     * Shows this crawl. Its view starts whole: the filter and search of the last crawl are
     * not its.
     *
     * @param orphans whether the overview counts orphans (a finished crawl that read sitemaps)
     * @param listStart a list's first URL (null: a site's crawl), see {@link
     *     UrlTableModel#setListStart}
     */
    void attach(OpenCrawl c, boolean orphans, java.net.URI listStart) {
        crawl = c;
        table.attach(null);
        startWhole();
        table.setListStart(listStart);
        table.attach(c.tableLane());
        details.attach(c.tableLane());
        overview.attach(c.countsLane(), orphans);
        broken.attach(c.statsLane());
        charts.attach(c.statsLane());
    }

    /**
     * Shows no crawl, its view whole: a search left from the crawl closed ("page-12" over
     * File › New crawl's empty table) read as this blank one's.
     */
    void detach() {
        crawl = null;
        table.attach(null);
        details.attach(null);
        overview.attach(null, false);
        broken.attach(null);
        charts.attach(null);
        startWhole();
    }

    /** No filter and no search (Broken links' own starts whole as it attaches a crawl). */
    private void startWhole() {
        overview.selectedProperty().set(UrlFilter.ALL);
        table.searchProperty().set("");
    }

    /** A running crawl wrote more: each part catches up (at most once a tick). */
    void grew() {
        table.crawlGrew();
        overview.crawlGrew();
        broken.crawlGrew();
        charts.changed(false);
        details.crawlGrew();
    }

    /** The crawl ended and its file holds everything: each part reads it whole again. */
    void ended(boolean orphans) {
        overview.setShowOrphans(orphans);
        table.crawlEnded();
        overview.crawlEnded();
        partsChanged();
    }

    /**
     * Another Webprobe changed the file this window reads (it resumed, finished or re-checked
     * the crawl): each part reads it whole again, the rows looked at staying in place.
     *
     * @param orphans whether the overview counts orphans now (the crawl ran to its end)
     */
    void changedElsewhere(boolean orphans) {
        overview.setShowOrphans(orphans);
        rowsChanged();
    }

    /** Whether a part is still reading the file. */
    boolean reading() {
        return table.busyProperty().get() || overview.countingProperty().get()
                || broken.readingProperty().get();
    }

    /** Rows changed in place (a re-check): each part reads them again. */
    void rowsChanged() {
        table.rowChanged(0);
        overview.rowsChanged();
        partsChanged();
    }

    private void partsChanged() {
        broken.changed();
        charts.changed(true);
        details.refresh();
    }

    // == reads for the URL actions, on the table's lane, answered on the FX thread ==

    /** The URLs of these ids, in the order given. */
    void urlsOf(long[] ids, Consumer<List<String>> then) {
        if (crawl == null || ids.length == 0) {
            then.accept(List.of());
            return;
        }
        long[] copy = ids.clone();
        crawl.tableLane().submit(q -> q.urls().urls(copy), then::accept, live::say);
    }

    /** The ids of these URLs (0 for one the file does not hold). */
    void idsOf(List<String> urls, Consumer<long[]> then) {
        if (crawl == null || urls.isEmpty()) {
            then.accept(new long[0]);
            return;
        }
        List<String> copy = List.copyOf(urls);
        crawl.tableLane().submit(q -> {
            long[] ids = new long[copy.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = q.urls().idOf(copy.get(i));
            }
            return ids;
        }, then::accept, live::say);
    }

    /** The rows of these ids, in the order given. */
    void rowsOf(long[] ids, Consumer<List<UrlQuery.Row>> then) {
        if (crawl == null || ids.length == 0) {
            then.accept(List.of());
            return;
        }
        long[] copy = ids.clone();
        crawl.tableLane().submit(q -> q.urls().rows(copy), then::accept, live::say);
    }

    /**
     * Every page linking to this URL ("Copy all inlinks": not only the first 10,000 the details
     * pane shows, which it copied without a word).
     */
    void inlinksOf(long id, Consumer<List<String>> then) {
        if (crawl == null || id == 0) {
            then.accept(List.of());
            return;
        }
        crawl.tableLane().submit(q -> q.details().inlinkUrls(id, Integer.MAX_VALUE),
                then::accept, live::say);
    }
}
