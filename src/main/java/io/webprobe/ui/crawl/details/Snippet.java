package io.webprobe.ui.crawl.details;

/**
 * How a page could look in a search engine's results: its title and description shortened
 * the way result pages shorten them (by length; the exact pixel widths differ by engine).
 *
 * @param title the title, at most {@link #TITLE_CHARS} characters, "…" when cut; the URL when
 *     the page has no title
 * @param url the URL as shown
 * @param description the meta description, at most {@link #DESCRIPTION_CHARS}, "…" when cut
 */
public record Snippet(String title, String url, String description) {
    public static final int TITLE_CHARS = 60;
    public static final int DESCRIPTION_CHARS = 160;

    /** The snippet of a page. */
    public static Snippet of(String url, String title, String description) {
        String t = title == null || title.isBlank() ? url : title.strip();
        return new Snippet(cut(t, TITLE_CHARS), url, cut(description == null ? ""
                : description.strip(), DESCRIPTION_CHARS));
    }

    /** The text, cut at a word boundary before {@code max} characters with "…" when longer. */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = s.lastIndexOf(' ', max - 1);
        if (end < max / 2) {
            end = max - 1;
        }
        return s.substring(0, end).stripTrailing() + "…";
    }
}
