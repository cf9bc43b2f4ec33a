package io.webprobe.crawl;

import java.util.Locale;

/**
 * What an HTML page says about itself, for SEO columns. Immutable.
 *
 * @param canonical the resolved {@code <link rel=canonical>} URL, or ""
 * @param metaDescription the {@code <meta name=description>} content, or ""
 * @param h1 the text of the first {@code <h1>}, or ""
 * @param wordCount words of visible body text
 * @param metaRobots the {@code <meta name=robots>} content, lower case, or ""
 */
public record PageInfo(
        String canonical, String metaDescription, String h1, int wordCount, String metaRobots) {

    /** For responses that are not HTML pages. */
    public static final PageInfo NONE = new PageInfo("", "", "", 0, "");

    /** Whether the robots directives forbid indexing ("noindex" or "none"). */
    public boolean noindex() {
        return hasDirective("noindex") || hasDirective("none");
    }

    /** Whether the robots directives forbid following links ("nofollow" or "none"). */
    public boolean nofollow() {
        return hasDirective("nofollow") || hasDirective("none");
    }

    private boolean hasDirective(String d) {
        for (String part : metaRobots.toLowerCase(Locale.ROOT).split("[,\\s]+")) {
            if (part.equals(d)) {
                return true;
            }
        }
        return false;
    }
}
