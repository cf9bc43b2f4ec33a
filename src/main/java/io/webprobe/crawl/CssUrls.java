package io.webprobe.crawl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URLs a piece of CSS refers to: {@code url(...)} (quoted or not) and
 * {@code @import "..."}. Comments are removed first. {@code data:} URLs are left to the caller
 * (they are skipped like any non-HTTP scheme). Stateless.
 */
final class CssUrls {
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern URL = Pattern.compile(
            "url\\(\\s*(?:\"([^\"]*)\"|'([^']*)'|([^)\\s'\"]*))\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMPORT = Pattern.compile(
            "@import\\s+(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);

    private CssUrls() {}

    static List<String> urls(String css) {
        if (css.isEmpty() || css.indexOf('(') < 0 && css.indexOf('@') < 0) {
            return List.of();
        }
        String text = COMMENT.matcher(css).replaceAll(" ");
        List<String> out = new ArrayList<>();
        collect(URL.matcher(text), out);
        collect(IMPORT.matcher(text), out);
        return out;
    }

    private static void collect(Matcher m, List<String> out) {
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                String v = m.group(g);
                if (v != null) {
                    if (!v.isBlank()) {
                        out.add(v.strip());
                    }
                    break;
                }
            }
        }
    }
}
