package io.webprobe.ui.crawl.table;

import io.webprobe.crawl.CrawlResult;
import io.webprobe.store.UrlField;
import io.webprobe.store.UrlQuery;
import io.webprobe.ui.crawl.table.UrlColumn.Kind;
import java.util.List;
import java.util.Optional;

/**
 * Every column the crawl engine fills, in their default order: the first eight shown, URL to
 * Depth, narrow enough together to fit the table of the default 1,200 px window (twelve were
 * shown, and Title was behind the sideways scroll at 1,300 px; then at 1,200 Depth was, the
 * URLs cut at 270 px beside a Reason column 130 px wide and mostly empty: Reason, Type and
 * Title are narrower, their cut texts whole in the tooltip), the URL column taking any room
 * left (wider windows show longer URLs): its own width is only its least, 160 px, so that the
 * eight fit a 1,024 px window too (at 270 Depth was behind the sideways scroll there; under
 * Openbox the other seven take 602 px there, their headers' least widths being more than
 * their own, and the URLs get 179 px); and at the window's least width, 960 px, whose table
 * has 733 px beside the rows' scroll bar: the seven took 604 there, Depth behind the sideways
 * scroll, so Status, Reason, Type, Size and Title gave 45 px (559, the URLs at 160 and 14 px
 * to spare; the cut texts of Status, Reason and Title are whole in their tooltips). The rest
 * (inlinks, outlinks, referrer, redirect target, which the details pane also shows…) are
 * offered by the column chooser, and a table showing them scrolls sideways. One list for the
 * table, its layout memory and the export of visible columns.
 */
public final class UrlColumns {
    private UrlColumns() {}

    /** Every column. */
    public static final List<UrlColumn> ALL = List.of(
            col("url", "URL", "url", 160, true, UrlField.URL, Kind.URL, r -> r.url(),
                    "The URL as requested"),
            rowCol("status", "Status", "status", 65, true, UrlField.STATUS, Kind.LONG_TEXT,
                    UrlQuery.Row::statusText,
                    "HTTP status, or why there was none (a redirect loop, too many redirects)"),
            rowCol("reason", "Reason", "reason", 65, true, UrlField.REASON, Kind.LONG_TEXT,
                    UrlQuery.Row::reason,
                    "Why a URL was blocked, skipped or failed (a broken status in words)"),
            col("type", "Type", "content_type", 80, true, UrlField.CONTENT_TYPE, Kind.LONG_TEXT,
                    CrawlResult::contentType, "Media type"),
            col("size", "Size", "size_bytes", 70, true, UrlField.SIZE, Kind.SIZE,
                    r -> r.sizeKnown() ? r.sizeBytes() : null, "Bytes downloaded")
                    .blankWithoutAnswer(),
            col("time", "Time (ms)", "response_ms", 85, true, UrlField.RESPONSE_MS, Kind.NUMBER,
                    r -> r.requested() ? r.responseMillis() : null,
                    "Time to the end of the response, ms (blank for a request that got no "
                            + "answer; the CSV has the time until it failed)")
                    .blankWithoutAnswer(),
            col("title", "Title", "title", 120, true, UrlField.TITLE, Kind.LONG_TEXT,
                    CrawlResult::title, "The page's title"),
            col("depth", "Depth", "depth", 55, true, UrlField.DEPTH, Kind.NUMBER,
                    CrawlResult::depth, "Links from the start page"),
            col("inlinks", "Inlinks", "inlinks", 70, false, UrlField.INLINKS, Kind.NUMBER,
                    CrawlResult::inlinks, "Links to this URL from crawled pages"),
            col("outlinks", "Outlinks", "outlinks", 75, false, UrlField.OUTLINKS, Kind.NUMBER,
                    CrawlResult::outlinks, "Distinct URLs this page links to"),
            col("referrer", "Referrer", "referrer", 260, false, UrlField.REFERRER, Kind.URL,
                    CrawlResult::referrer, "The page that first linked here"),
            col("redirect", "Redirect to", "redirect_to", 220, false, UrlField.REDIRECT_TO,
                    Kind.URL, CrawlResult::redirectTo, "Where a redirect points"),
            new UrlColumn("chain", "Redirect chain", "redirect_chain", 320, false, null,
                    Kind.LONG_TEXT, UrlQuery.Row::redirectChain, "Every hop of a redirect"),
            col("canonical", "Canonical", "canonical", 240, false, UrlField.CANONICAL,
                    Kind.URL, r -> r.page().canonical(), "The page's canonical URL"),
            col("description", "Meta description", "meta_description", 260, false,
                    UrlField.META_DESCRIPTION, Kind.LONG_TEXT, r -> r.page().metaDescription(),
                    "The page's meta description"),
            col("h1", "H1", "h1", 200, false, UrlField.H1, Kind.LONG_TEXT, r -> r.page().h1(),
                    "The page's first H1"),
            col("words", "Words", "word_count", 65, false, UrlField.WORD_COUNT, Kind.NUMBER,
                    r -> r.page().wordCount(), "Words of visible text"),
            col("robots", "Meta robots", "meta_robots", 150, false, UrlField.META_ROBOTS,
                    Kind.TEXT, r -> r.page().robotsText(), "Robots directives (meta and header)"),
            col("indexable", "Indexable", "indexable", 75, false, UrlField.INDEXABLE, Kind.TEXT,
                    r -> r.indexable() ? "Yes" : "No",
                    "An HTML page answering 200, not noindex, canonical to itself"),
            col("outcome", "Outcome", "outcome", 80, false, UrlField.OUTCOME, Kind.TEXT,
                    r -> r.outcome().label(), "ok, redirect, broken, error, blocked or skipped"),
            // the CSV's code ("REFUSED: Connection refused", as the crawl's CSV writes it),
            // the table's words ("Connection refused")
            col("error", "Error", "error", 220, false, UrlField.REASON, Kind.LONG_TEXT,
                    r -> r.error() == null ? "" : r.error().name() + ": " + r.errorMessage(),
                    "Why the request failed").showing(row -> errorInWords(row.result())),
            col("cut", "Cut", "truncated", 50, false, UrlField.TRUNCATED, Kind.TEXT,
                    r -> r.truncated() ? "Yes" : "", "Cut at the download cap"),
            col("retries", "Retries", "retries", 180, false, UrlField.RETRIES, Kind.TEXT,
                    CrawlResult::retryNote, "Asked again after a 429, a 503 or no answer "
                            + "(\"503, OK after 2 retries\")"),
            col("external", "External", "external", 70, false, UrlField.EXTERNAL, Kind.TEXT,
                    r -> r.external() ? "Yes" : "", "Outside the site: checked, not crawled"));

    /**
     * The short texts shown by default, Status, Reason and Type: each as wide as the widest of
     * its texts on the rows shown so far, out of the room the URLs and titles have beyond their
     * least widths (at 1,600 px Status and Reason read "Conne…", "DNS lo…" and "Host na…"
     * beside 490 px of URLs and 280 of titles), up to {@link #FIT_TO_TEXT_MOST} (a reason may
     * be a sentence: whole in its tooltip). Their own widths are their least.
     */
    public static final java.util.Set<String> FIT_TO_TEXT = java.util.Set.of(
            "status", "reason", "type");

    /**
     * The most a column of {@link #FIT_TO_TEXT} widens to its text: "Connection refused",
     * "Host name could not be resolved" (209 px) and "application/javascript" whole, not a
     * reason's sentence ("The site's certificate is not trusted (self-signed or…").
     */
    public static final double FIT_TO_TEXT_MOST = 240;

    /**
     * The least widths the titles and then the URLs give way to for the reasons on the rows
     * shown ({@code FillColumn#lend}) when the spare room is not enough for them: at the
     * window's least width, 960 px, the room left beside the eight default columns at their
     * own widths is 0 to 14 px, and "Blocked by robots.txt" (140-147 px), "Internal Server
     * Error" and "Connection refused" read "Blocked…", "Internal…" and "Connec…" in a 65 px
     * Reason column. The titles give way first, as far as their header (52-56 px): the rows
     * with reasons have none, and a title is whole in its tooltip and the details pane; that
     * was enough for those three under Openbox. Then the URLs, to 140 px, where a URL of the
     * site still shows the end of its path ("…/mysql.html"), what tells its rows apart; a
     * longer reason ("Deeper than the depth limit") is cut there, whole in its tooltip. The
     * Status column gives way before either: an error reads in a word ("Refused"). Another
     * filter or search fits them to its own rows' texts again. The types borrow as the reasons
     * do: at 960 px every application/* type read "applicati…" in the Type column's 80 px
     * ("application/javascript" needs 150); a type longer than the room lent
     * ("application/vnd.openxmlformats-…") is whole in its tooltip.
     */
    public static final double TITLE_LENDING_LEAST = 0;

    /** The columns whose texts the titles and URLs give way to ({@link #TITLE_LENDING_LEAST}). */
    public static final java.util.Set<String> BORROWING = java.util.Set.of("reason", "type");

    /** See {@link #TITLE_LENDING_LEAST}. */
    public static final double URL_LENDING_LEAST = 140;

    /**
     * Why a request failed, as people read it: its kind's label, and its message when that
     * says more ("Connect timeout: no answer in 15 s"); "" for none.
     */
    static String errorInWords(CrawlResult r) {
        if (r.error() == null) {
            return "";
        }
        String label = r.error().label();
        String message = r.errorMessage() == null ? "" : io.webprobe.Words.inLine(r.errorMessage());
        return message.isEmpty() || message.equalsIgnoreCase(label) ? label
                : label + ": " + message;
    }

    /** The column with this key. */
    public static Optional<UrlColumn> byKey(String key) {
        return ALL.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    private static UrlColumn rowCol(String key, String title, String csv, double width,
            boolean shown, UrlField sort, Kind kind,
            java.util.function.Function<UrlQuery.Row, Object> value, String tip) {
        return new UrlColumn(key, title, csv, width, shown, sort, kind, value, tip);
    }

    private static UrlColumn col(String key, String title, String csv, double width,
            boolean shown, UrlField sort, Kind kind,
            java.util.function.Function<CrawlResult, Object> value, String tip) {
        return new UrlColumn(key, title, csv, width, shown, sort, kind,
                row -> value.apply(row.result()), tip);
    }
}
