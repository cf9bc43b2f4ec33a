package io.webprobe.export;

import io.webprobe.store.CrawlDiff;
import java.util.List;

/** The columns of a crawl comparison: one line per change. */
public final class DiffCsv {
    private DiffCsv() {}

    public static final List<Column<CrawlDiff.Row>> CHANGES = List.of(
            new Column<>("change", r -> r.change().label()),
            new Column<>("url", CrawlDiff.Row::url),
            new Column<>("old", CrawlDiff.Row::oldValue),
            new Column<>("new", CrawlDiff.Row::newValue),
            new Column<>("source_url", CrawlDiff.Row::sourceUrl));
}
