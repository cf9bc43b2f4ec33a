package io.webprobe.export;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.crawl.CrawlResult;
import java.util.List;

/** The column layouts of the crawl exports, shared by the GUI and the CLI. */
public final class CrawlCsv {
    private CrawlCsv() {}

    /** Pages: one line per crawled URL. */
    public static final List<Column<CrawlResult>> PAGES = List.of(
            new Column<>("url", CrawlResult::url),
            new Column<>("status", r -> r.status() > 0 ? Integer.toString(r.status()) : ""),
            new Column<>("content_type", CrawlResult::contentType),
            new Column<>("size_bytes", CrawlResult::sizeBytes),
            new Column<>("response_ms", CrawlResult::responseMillis),
            new Column<>("title", CrawlResult::title),
            new Column<>("depth", CrawlResult::depth),
            new Column<>("inlinks", CrawlResult::inlinks),
            new Column<>("outlinks", CrawlResult::outlinks),
            new Column<>("referrer", CrawlResult::referrer),
            new Column<>("redirect_to", CrawlResult::redirectTo),
            new Column<>("error", CrawlCsv::errorText));

    /** Broken links: one line per source page and broken target. */
    public static final List<Column<BrokenLink>> BROKEN_LINKS = List.of(
            new Column<>("source_url", BrokenLink::sourceUrl),
            new Column<>("link_url", BrokenLink::linkUrl),
            new Column<>("status", l -> l.status() > 0 ? Integer.toString(l.status()) : ""),
            new Column<>("error", l -> l.error() == null ? ""
                    : l.error().name() + ": " + l.errorMessage()),
            new Column<>("anchor_text", BrokenLink::anchorText),
            new Column<>("link_type", BrokenLink::linkType));

    private static String errorText(CrawlResult r) {
        return r.error() == null ? "" : r.error().name() + ": " + r.errorMessage();
    }
}
