package io.webprobe.ui.crawl.actions;

import io.webprobe.http.Urls;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "Exclude this path from the crawl": the folder a URL is in (or, for a page at the site's
 * root, the page itself) as an exclude pattern, matched against the path of every URL.
 *
 * @param path what is left out, as the menu names it ("/blog/2019/")
 * @param regex the exclude pattern, as the settings' exclude list holds it
 */
public record PathExclusion(String path, String regex) {

    /** The exclusion for a URL, empty for one without a path to exclude (the site's root). */
    public static Optional<PathExclusion> of(String url) {
        URI uri;
        try {
            uri = Urls.toUri(url); // a stray "%" as %25, the form the patterns match
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String path = uri.getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return Optional.empty();
        }
        int slash = path.lastIndexOf('/');
        String prefix = slash > 0 ? path.substring(0, slash + 1) : path;
        // the path only, after the scheme and host, so a query or another host never matches;
        // written to be read in Settings › Exclude URLs matching: "^https?://[^/?#]*/blog/2019/"
        return Optional.of(new PathExclusion(prefix, "^https?://[^/?#]*" + literal(prefix)));
    }

    /** Text as a pattern that matches it, each special character escaped on its own. */
    static String literal(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    public Pattern pattern() {
        return Pattern.compile(regex);
    }
}
