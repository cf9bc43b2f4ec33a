package io.webprobe.crawl;

import java.util.Locale;

/**
 * What an HTML page says about itself, for SEO columns. Immutable.
 *
 * @param canonical the resolved {@code <link rel=canonical>} URL, else the one of the
 *     response's {@code Link} header, or ""
 * @param metaDescription the {@code <meta name=description>} content, or ""
 * @param h1 the text of the first {@code <h1>}, or ""
 * @param wordCount words of visible body text
 * @param metaRobots the {@code <meta name=robots>} content, lower case, or "", followed by the
 *     {@code <meta name=googlebot>} content as a line {@code "googlebot: …"} (after " | " when
 *     both are there), as an X-Robots-Tag line names its crawler
 * @param robotsHeader the X-Robots-Tag response header, lower case, or ""
 */
public record PageInfo(
        String canonical,
        String metaDescription,
        String h1,
        int wordCount,
        String metaRobots,
        String robotsHeader) {

    /** The crawler whose directives count for indexability, besides everyone's and ours. */
    static final String GOOGLEBOT = "googlebot";

    /** For responses that are not HTML pages. */
    public static final PageInfo NONE = new PageInfo("", "", "", 0, "", "");

    /** A copy carrying the response's X-Robots-Tag header. */
    public PageInfo withRobotsHeader(String header) {
        return new PageInfo(canonical, metaDescription, h1, wordCount, metaRobots,
                header.strip().toLowerCase(Locale.ROOT));
    }

    /** A copy naming this canonical URL. */
    public PageInfo withCanonical(String url) {
        return new PageInfo(url, metaDescription, h1, wordCount, metaRobots, robotsHeader);
    }

    /** Both sources of robots directives, for the meta_robots column. */
    public String robotsText() {
        if (robotsHeader.isEmpty()) {
            return metaRobots;
        }
        String header = "X-Robots-Tag: " + robotsHeader;
        return metaRobots.isEmpty() ? header : metaRobots + " | " + header;
    }

    /**
     * Whether the robots directives forbid indexing ("noindex" or "none"): those for every
     * crawler, and those for Googlebot ({@code <meta name=googlebot>}, an X-Robots-Tag line
     * {@code googlebot: noindex}), as Screaming Frog reports them: a page Google may not index
     * is not indexable, whatever other engines do. Those naming another crawler do not count.
     */
    public boolean noindex() {
        return hasDirective("noindex", true) || hasDirective("none", true);
    }

    /**
     * Whether the robots directives forbid the crawl to follow links ("nofollow" or "none"):
     * those for every crawler and for Webprobe; one for Googlebot binds Google's crawler only.
     */
    public boolean nofollow() {
        return hasDirective("nofollow", false) || hasDirective("none", false);
    }

    private boolean hasDirective(String d, boolean googlebotCounts) {
        return hasDirective(metaRobots, d, googlebotCounts)
                || hasDirective(robotsHeader, d, googlebotCounts);
    }

    /**
     * Whether lines of directives ("|" between lines) hold {@code d}. A line may start with a
     * user agent ("googlebot: noindex"), which binds only that crawler. Directives with values
     * (unavailable_after: ...) are not agents.
     */
    private static boolean hasDirective(String lines, String d, boolean googlebotCounts) {
        for (String line : lines.split("\\|")) {
            String l = line.strip();
            int colon = l.indexOf(':');
            if (colon > 0) {
                String head = l.substring(0, colon).strip();
                if (!VALUED.contains(head) && AGENT.matcher(head).matches()) {
                    boolean binding = head.equals("webprobe")
                            || googlebotCounts && head.equals(GOOGLEBOT);
                    if (binding && inList(l.substring(colon + 1), d)) {
                        return true;
                    }
                    continue;
                }
            }
            if (inList(l, d)) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern AGENT =
            java.util.regex.Pattern.compile("[a-z0-9_.-]+");
    private static final java.util.regex.Pattern LIST_SEPARATOR =
            java.util.regex.Pattern.compile("[,\\s]+");
    private static final java.util.Set<String> VALUED = java.util.Set.of(
            "unavailable_after", "max-snippet", "max-image-preview", "max-video-preview");

    private static boolean inList(String directives, String d) {
        for (String part : LIST_SEPARATOR.split(directives.toLowerCase(Locale.ROOT))) {
            if (part.equals(d)) {
                return true;
            }
        }
        return false;
    }
}
