package io.webprobe.export;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.crawl.CrawlResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The column layouts of the crawl exports, shared by the GUI and the CLI. */
public final class CrawlCsv {
    private CrawlCsv() {}

    /**
     * Pages: one line per crawled URL.
     *
     * @param chains the redirect chain of each URL that redirects, by URL
     */
    public static List<Column<CrawlResult>> pages(Map<String, String> chains) {
        List<Column<CrawlResult>> columns = new ArrayList<>(BASE_PAGE_COLUMNS);
        columns.add(new Column<>("redirect_chain", r -> chains.getOrDefault(r.url(), "")));
        columns.add(new Column<>("canonical", r -> r.page().canonical()));
        columns.add(new Column<>("meta_description", r -> r.page().metaDescription()));
        columns.add(new Column<>("h1", r -> r.page().h1()));
        columns.add(new Column<>("word_count", r -> r.page().wordCount()));
        columns.add(new Column<>("meta_robots", r -> r.page().robotsText()));
        columns.add(new Column<>("indexable", r -> r.indexable()));
        columns.add(new Column<>("outcome", r -> r.outcome().label()));
        columns.add(new Column<>("blocked_reason",
                r -> r.skipped() == null ? "" : r.errorMessage()));
        columns.add(new Column<>("truncated", CrawlResult::truncated));
        columns.add(new Column<>("retries", CrawlResult::retryNote));
        return columns;
    }

    /** The columns of issue 2, in their order. */
    private static final List<Column<CrawlResult>> BASE_PAGE_COLUMNS = List.of(
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
            new Column<>("link_type", BrokenLink::linkType),
            new Column<>("final_url", BrokenLink::finalUrl),
            new Column<>("redirect_chain", BrokenLink::redirectChain));

    /**
     * Orphans: sitemap URLs no crawled page links to, one line each, with what fetching them
     * gave (use {@link #orphanRows} to pick the rows).
     */
    public static final List<Column<CrawlResult>> ORPHANS = List.of(
            new Column<>("url", CrawlResult::url),
            new Column<>("status", r -> r.status() > 0 ? Integer.toString(r.status()) : ""),
            new Column<>("content_type", CrawlResult::contentType),
            new Column<>("title", CrawlResult::title),
            new Column<>("indexable", CrawlResult::indexable),
            new Column<>("outcome", r -> r.outcome().label()));

    private static String errorText(CrawlResult r) {
        return r.error() == null ? "" : r.error().name() + ": " + r.errorMessage();
    }
}
