package io.webprobe.ui.crawl.table;

import io.webprobe.store.UrlField;
import io.webprobe.store.UrlQuery;
import java.util.function.Function;

/**
 * One column the URL table can show.
 *
 * @param key a stable name, for remembering the layout ("url", "status"…)
 * @param title the header
 * @param csvHeader the header when exported (as the command line's CSV names it)
 * @param width the default width
 * @param shown whether it is shown until the user chooses otherwise
 * @param sort the field it sorts by, or null when it cannot be sorted
 * @param kind how cells show the value
 * @param value the cell's value (text or a number), null for an empty cell
 * @param tooltip what the header's tooltip says
 * @param answerOnly whether the table leaves the cell blank for a URL that got no answer (a
 *     refused connection has no size, and no response time: 0 was shown, in red), where
 *     {@link #csv} keeps what the crawl's CSV writes
 * @param inTable the cell's value where the table says it in other words than the CSV (the
 *     Error column's "Connection refused" for the CSV's "REFUSED: Connection refused"); null:
 *     {@code value}
 */
public record UrlColumn(String key, String title, String csvHeader, double width,
        boolean shown, UrlField sort, Kind kind, Function<UrlQuery.Row, Object> value,
        String tooltip, boolean answerOnly, Function<UrlQuery.Row, Object> inTable) {

    public UrlColumn(String key, String title, String csvHeader, double width, boolean shown,
            UrlField sort, Kind kind, Function<UrlQuery.Row, Object> value, String tooltip) {
        this(key, title, csvHeader, width, shown, sort, kind, value, tooltip, false, null);
    }

    /** The same column, blank in the table for a URL that got no answer. */
    UrlColumn blankWithoutAnswer() {
        return new UrlColumn(key, title, csvHeader, width, shown, sort, kind, value, tooltip,
                true, inTable);
    }

    /** The same column, the table showing {@code people} where the CSV writes its value. */
    UrlColumn showing(Function<UrlQuery.Row, Object> people) {
        return new UrlColumn(key, title, csvHeader, width, shown, sort, kind, value, tooltip,
                answerOnly, people);
    }

    /** The cell's value as the table shows it (null: blank). */
    public Object cell(UrlQuery.Row row) {
        return answerOnly && row.result().status() == 0 && row.result().error() != null ? null
                : (inTable != null ? inTable : value).apply(row);
    }

    /** How a cell shows its value. */
    public enum Kind {
        /** Text, left-aligned. */
        TEXT,
        /** Text whose whole value is also the cell's tooltip (long texts). */
        LONG_TEXT,
        /**
         * A URL: one of the crawled site too wide for its column shows the end of its path
         * ("…/section-12/page-12440.html"), where a site's URLs differ; another site's is cut
         * short in the middle, keeping its host and its end. The whole URL is the tooltip.
         */
        URL,
        /** A whole number with thousands separators, right-aligned. */
        NUMBER,
        /** A size in bytes, right-aligned, marked "(cut)" for a page cut at the download cap. */
        SIZE
    }

    /** The cell text as exported to CSV (numbers without separators; "" when empty). */
    public String csv(UrlQuery.Row row) {
        Object v = value.apply(row);
        return v == null ? "" : v.toString();
    }
}
