package io.webprobe.crawl;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URLs a piece of CSS refers to: {@code url(...)} (quoted or not) and
 * {@code @import "..."}. Comments are left out (an unterminated one runs to the end, as
 * browsers read it). {@code data:} URLs are left to the caller (they are skipped like any
 * non-HTTP scheme). A stylesheet of any size is read as a stream, in pieces that end after a
 * {@code }} (no URL spans one), so it never needs more than about {@value #PIECE} characters of
 * memory at once. Stateless.
 */
final class CssUrls {
    private static final Pattern URL = Pattern.compile(
            "url\\(\\s*(?:\"([^\"]*)\"|'([^']*)'|([^)\\s'\"]*))\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMPORT = Pattern.compile(
            "@import\\s+(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);
    /** Characters of CSS (comments left out) read for URLs at once. */
    static final int PIECE = 256 * 1024;
    /**
     * A piece with no '}' is read as it is past this: a URL that spans its end is lost (a
     * {@code data:} URL of megabytes, say, which is not checked anyway).
     */
    private static final int MAX_PIECE = 4 * PIECE;

    private CssUrls() {}

    static List<String> urls(String css) {
        if (css.isEmpty() || css.indexOf('(') < 0 && css.indexOf('@') < 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        urls(new StringReader(css), out::add);
        return out;
    }

    /**
     * Hands each URL of a stylesheet read from {@code css}, piece by piece, to {@code out}
     * (in the order of a piece's {@code url()}s, then its {@code @import}s).
     */
    static void urls(Reader css, Consumer<String> out) {
        StringBuilder clean = new StringBuilder();
        char[] buf = new char[16 * 1024];
        boolean inComment = false;
        char prev = 0;
        int afterBrace = 0; // where a piece may end: after the last '}' so far
        try {
            for (int n; (n = css.read(buf)) >= 0; ) {
                for (int i = 0; i < n; i++) {
                    char c = buf[i];
                    if (inComment) {
                        if (prev == '*' && c == '/') {
                            inComment = false;
                            clean.append(' '); // a comment separates, as a space
                            c = 0;
                        }
                    } else if (prev == '/' && c == '*') {
                        clean.setLength(clean.length() - 1); // the '/' opened a comment
                        inComment = true;
                        c = 0; // "/*/" does not end it
                    } else {
                        clean.append(c);
                        if (c == '}') {
                            afterBrace = clean.length();
                        }
                    }
                    prev = c;
                }
                if (clean.length() >= PIECE) {
                    int cut = afterBrace;
                    if (cut == 0 && clean.length() >= MAX_PIECE) {
                        cut = clean.length() - 1; // a '/' at the end may open a comment
                    }
                    if (cut > 0) {
                        collect(clean.substring(0, cut), out);
                        clean.delete(0, cut);
                        afterBrace = 0;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        collect(clean.toString(), out);
    }

    private static void collect(String text, Consumer<String> out) {
        collect(URL.matcher(text), out);
        collect(IMPORT.matcher(text), out);
    }

    private static void collect(Matcher m, Consumer<String> out) {
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                String v = m.group(g);
                if (v != null) {
                    if (!v.isBlank()) {
                        out.accept(v.strip());
                    }
                    break;
                }
            }
        }
    }
}
