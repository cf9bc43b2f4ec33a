package io.webprobe.export;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.crawl.CrawlResult;
import io.webprobe.crawl.Outcome;
import io.webprobe.crawl.RedirectChains;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The column layouts of the crawl exports, shared by the GUI and the CLI. */
public final class CrawlCsv {
    private CrawlCsv() {}

    /**
     * Pages: one line per crawled URL.
     *
     * A URL whose redirects fail in themselves (a loop, too many) is an error row, as the URL
     * table and the broken links say: outcome {@code error}, the chain's failure in
     * {@code error}; its status stays the 3xx it answered.
     *
     * @param chains the redirect chain of each URL that redirects, by URL
     */
    public static List<Column<CrawlResult>> pages(Map<String, RedirectChains.Summary> chains) {
        // the columns of issue 2, in their order
        List<Column<CrawlResult>> columns = new ArrayList<>(List.of(
                new Column<>("url", CrawlResult::url),
                new Column<>("status", r -> r.status() > 0 ? Integer.toString(r.status()) : ""),
                new Column<>("content_type", CrawlResult::contentType),
                // empty when not known (never asked, or no answer), as the URL table is blank
                new Column<>("size_bytes", r -> r.sizeKnown() ? r.sizeBytes() : null),
                new Column<>("response_ms", r -> r.requested() ? r.responseMillis() : null),
                new Column<>("title", CrawlResult::title),
                new Column<>("depth", CrawlResult::depth),
                new Column<>("inlinks", CrawlResult::inlinks),
                new Column<>("outlinks", CrawlResult::outlinks),
                new Column<>("referrer", CrawlResult::referrer),
                new Column<>("redirect_to", CrawlResult::redirectTo),
                new Column<>("error", r -> {
                    RedirectChains.Summary f = failing(chains, r);
                    return f != null ? errorText(f.failure(), f.problem()) : errorText(r);
                })));
        columns.add(new Column<>("redirect_chain", r -> {
            RedirectChains.Summary c = chains.get(r.url());
            return c == null ? "" : c.text();
        }));
        columns.add(new Column<>("canonical", r -> r.page().canonical()));
        columns.add(new Column<>("meta_description", r -> r.page().metaDescription()));
        columns.add(new Column<>("h1", r -> r.page().h1()));
        columns.add(new Column<>("word_count", r -> r.page().wordCount()));
        columns.add(new Column<>("meta_robots", r -> r.page().robotsText()));
        columns.add(new Column<>("indexable", r -> r.indexable()));
        columns.add(new Column<>("outcome", r -> failing(chains, r) != null
                ? Outcome.ERROR.label() : r.outcome().label()));
        columns.add(new Column<>("blocked_reason",
                r -> r.skipped() == null ? "" : r.errorMessage()));
        columns.add(new Column<>("truncated", CrawlResult::truncated));
        columns.add(new Column<>("retries", CrawlResult::retryNote));
        return columns;
    }

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
     * {@link #BROKEN_LINKS} of a crawl that checked anchors: the same columns, then
     * {@code problem} ({@code missing anchor #x} on a missing anchor's line, whose status is
     * its page's own; empty on a broken link's). A crawl without anchor checks keeps the file
     * as it was.
     */
    public static final List<Column<BrokenLink>> BROKEN_LINKS_AND_ANCHORS = withProblem();

    private static List<Column<BrokenLink>> withProblem() {
        List<Column<BrokenLink>> columns = new ArrayList<>(BROKEN_LINKS);
        columns.add(new Column<>("problem", BrokenLink::problem));
        return List.copyOf(columns);
    }

    /**
     * Orphans: sitemap URLs no crawled page links to, one line each, with what fetching them
     * gave (use {@link #orphanRows} to pick the rows).
     */
    public static final List<Column<CrawlResult>> ORPHANS = orphans(Map.of());

    /** {@link #ORPHANS}, with a redirect loop's outcome {@code error} as in the pages CSV. */
    public static List<Column<CrawlResult>> orphans(Map<String, RedirectChains.Summary> chains) {
        return List.of(
                new Column<>("url", CrawlResult::url),
                new Column<>("status", r -> r.status() > 0 ? Integer.toString(r.status()) : ""),
                new Column<>("content_type", CrawlResult::contentType),
                new Column<>("title", CrawlResult::title),
                new Column<>("indexable", CrawlResult::indexable),
                new Column<>("outcome", r -> failing(chains, r) != null
                        ? Outcome.ERROR.label() : r.outcome().label()));
    }

    /**
     * "KIND: message" for a failure; for a page that answered but whose links could not be
     * read (its outcome stays ok), the sentence alone, no kind; else "".
     */
    private static String errorText(CrawlResult r) {
        if (r.error() == null) {
            return r.skipped() == null ? r.errorMessage() : "";
        }
        return errorText(r.error(), r.errorMessage());
    }

    private static String errorText(io.webprobe.http.ErrorKind kind, String message) {
        return kind.name() + ": " + message;
    }

    /** The URL's chain when it fails in itself (a loop, too many redirects), else null. */
    private static RedirectChains.Summary failing(Map<String, RedirectChains.Summary> chains,
            CrawlResult r) {
        RedirectChains.Summary c = r.error() == null ? chains.get(r.url()) : null;
        return c != null && c.failure() != null ? c : null;
    }
}
