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
 * The URLs a piece of CSS refers to: {@code url(...)} (quoted or not),
 * {@code @import "..."} and the strings of an {@code image-set(...)}. Comments are left out
 * (an unterminated one runs to the end, as browsers read it). {@code data:} URLs are left to the caller (they are skipped like any
 * non-HTTP scheme). A stylesheet of any size is read as a stream, in pieces that end after a
 * {@code }} (no URL spans one), so it never needs more than about {@value #PIECE} characters of
 * memory at once. Stateless.
 */
final class CssUrls {
    /**
     * A CSS escape: a backslash and up to six hex digits with the one white space that may
     * end them, or a backslash and any other character (a newline too: a line continued in a
     * string). Runs without one are matched possessively, so a long {@code data:} URL is one
     * step of the regex, not one per character.
     */
    private static final String ESCAPE = "\\\\(?:[0-9a-fA-F]{1,6}\\s?|[\\s\\S])";
    private static final String DOUBLE_QUOTED =
            "\"([^\"\\\\]*+(?:" + ESCAPE + "[^\"\\\\]*+)*+)\"";
    private static final String SINGLE_QUOTED =
            "'([^'\\\\]*+(?:" + ESCAPE + "[^'\\\\]*+)*+)'";
    private static final String UNQUOTED =
            "([^)\\s'\"\\\\]*+(?:" + ESCAPE + "[^)\\s'\"\\\\]*+)*+)";
    private static final Pattern URL = Pattern.compile("url\\(\\s*(?:" + DOUBLE_QUOTED + "|"
            + SINGLE_QUOTED + "|" + UNQUOTED + ")\\s*\\)", Pattern.CASE_INSENSITIVE);
    /** No space is needed after the at-keyword: minifiers write {@code @import"a.css"}. */
    private static final Pattern IMPORT = Pattern.compile(
            "@import\\s*(?:" + DOUBLE_QUOTED + "|" + SINGLE_QUOTED + ")",
            Pattern.CASE_INSENSITIVE);
    /** Where an {@code image-set()}'s arguments start: its strings are URLs. */
    private static final Pattern IMAGE_SET = Pattern.compile(
            "(?<![\\w-])(?:-webkit-)?image-set\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern STRING = Pattern.compile(DOUBLE_QUOTED + "|" + SINGLE_QUOTED);
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
        imageSets(text, out);
    }

    /**
     * The strings of each {@code image-set()} (its {@code url()}s are found as any other):
     * those among its own arguments, not those of a function in it ({@code type("image/avif")}).
     */
    private static void imageSets(String text, Consumer<String> out) {
        Matcher set = IMAGE_SET.matcher(text);
        Matcher string = STRING.matcher(text);
        int from = 0;
        while (from < text.length() && set.find(from)) {
            int depth = 0;
            int i = set.end();
            for (; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\'') {
                    if (!string.region(i, text.length()).lookingAt()) {
                        break; // an unclosed string: the rest is no image-set
                    }
                    if (depth == 0) {
                        emit(string, out);
                    }
                    i = string.end() - 1;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && depth-- == 0) {
                    break;
                }
            }
            from = i + 1;
        }
    }

    private static void collect(Matcher m, Consumer<String> out) {
        while (m.find()) {
            emit(m, out);
        }
    }

    /** The URL a match's first group that matched holds, unless it is empty. */
    private static void emit(Matcher m, Consumer<String> out) {
        for (int g = 1; g <= m.groupCount(); g++) {
            String v = m.group(g);
            if (v != null) {
                String url = io.webprobe.http.WebUrl.trim(unescape(v)); // not strip(): U+3000
                if (!url.isEmpty()) {
                    out.accept(url);
                }
                return;
            }
        }
    }

    /**
     * The text of a CSS string or URL with its escapes read (CSS Syntax, "consume an escaped
     * code point"): {@code \\29 } is ')', {@code \\'} is '\'', a backslash before a newline
     * continues the line, and a code point of 0, a surrogate or past U+10FFFF is U+FFFD.
     */
    static String unescape(String v) {
        int slash = v.indexOf('\\');
        if (slash < 0) {
            return v;
        }
        StringBuilder out = new StringBuilder(v.length()).append(v, 0, slash);
        for (int i = slash; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '\\' || i + 1 == v.length()) {
                if (c != '\\') {
                    out.append(c); // a backslash that ends the text is dropped
                }
                continue;
            }
            char next = v.charAt(++i);
            if (next == '\n' || next == '\r' || next == '\f') {
                if (next == '\r' && i + 1 < v.length() && v.charAt(i + 1) == '\n') {
                    i++;
                }
                continue; // a line continued
            }
            int end = i;
            while (end < v.length() && end - i < 6 && isHexDigit(v.charAt(end))) {
                end++;
            }
            if (end == i) {
                out.append(next);
                continue;
            }
            int cp = Integer.parseInt(v, i, end, 16);
            boolean valid = cp != 0 && cp <= Character.MAX_CODE_POINT
                    && !(cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
            out.appendCodePoint(valid ? cp : 0xFFFD);
            i = end - 1;
            if (end < v.length() && " \t\n\r\f".indexOf(v.charAt(end)) >= 0) {
                i++; // the one white space that ends the hex digits
                if (v.charAt(end) == '\r' && end + 1 < v.length() && v.charAt(end + 1) == '\n') {
                    i++;
                }
            }
        }
        return out.toString();
    }

    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
