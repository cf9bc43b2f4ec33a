package io.webprobe.export;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.crawl.CrawlResult;
import io.webprobe.crawl.RedirectChains;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The column layouts of the crawl exports, shared by the GUI and the CLI. */
public final class CrawlCsv {
    private CrawlCsv() {}

    /**
     * Pages: one line per crawled URL, with the redirect chains found among {@code all}.
     *
     * @param all every result of the crawl (chains are followed through them)
     */
    public static List<Column<CrawlResult>> pages(List<CrawlResult> all) {
        Map<String, String> chains = RedirectChains.of(all);
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
            new Column<>("link_type", BrokenLink::linkType));

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

    /**
     * The results of the orphan URLs, in the orphans' order.
     *
     * @param all every result of the crawl
     * @param orphanUrls the summary's orphans
     */
    public static List<CrawlResult> orphanRows(List<CrawlResult> all, List<String> orphanUrls) {
        Map<String, CrawlResult> byUrl = new java.util.HashMap<>();
        for (CrawlResult r : all) {
            byUrl.put(r.url(), r);
        }
        List<CrawlResult> out = new ArrayList<>(orphanUrls.size());
        for (String url : orphanUrls) {
            CrawlResult r = byUrl.get(url);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    private static String errorText(CrawlResult r) {
        return r.error() == null ? "" : r.error().name() + ": " + r.errorMessage();
    }
}
