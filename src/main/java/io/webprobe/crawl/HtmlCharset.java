package io.webprobe.crawl;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The charset a page is decoded with, found as jsoup finds it but without parsing anything: a
 * byte order mark, else the charset the response header gave, else a {@code <meta charset>}
 * or {@code <meta http-equiv=Content-Type content="...; charset=...">} in the first 5 KB
 * (outside comments), else UTF-8. A declared UTF-16 is read as UTF-8, as the HTML standard
 * says (a page that could declare it in ASCII is not UTF-16). Stateless.
 */
final class HtmlCharset {
    static final int PROBE_BYTES = 5 * 1024;

    private HtmlCharset() {}

    /** The length of a byte order mark at the start: 3 (UTF-8), 2 (UTF-16) or 0. */
    static int bomLength(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb
                && (b[2] & 0xff) == 0xbf) {
            return 3;
        }
        if (b.length >= 2 && ((b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff
                || (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe)) {
            return 2;
        }
        return 0;
    }

    static Charset of(byte[] b, int bom, Charset header) {
        if (bom == 3) {
            return StandardCharsets.UTF_8;
        }
        if (bom == 2) {
            return (b[0] & 0xff) == 0xfe ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
        }
        if (header != null) {
            return header;
        }
        Charset declared = declared(b);
        return declared != null ? declared : StandardCharsets.UTF_8;
    }

    /** The charset a {@code <meta>} in the first 5 KB declares, or null. */
    static Charset declared(byte[] b) {
        int end = Math.min(b.length, PROBE_BYTES);
        int i = 0;
        while (i < end) {
            int lt = indexOf(b, (byte) '<', i, end);
            if (lt < 0) {
                return null;
            }
            if (startsWith(b, lt, end, "<!--")) {
                int close = indexOf(b, "-->", lt + 4, end);
                if (close < 0) {
                    return null;
                }
                i = close + 3;
                continue;
            }
            int gt = indexOf(b, (byte) '>', lt, end);
            if (gt < 0) {
                return null;
            }
            if (startsWithIgnoreCase(b, lt + 1, gt, "meta")
                    && lt + 5 < gt && isSpace(b[lt + 5])) {
                Charset cs = charsetIn(b, lt + 5, gt);
                if (cs != null) {
                    return cs;
                }
            }
            i = gt + 1;
        }
        return null;
    }

    /** The value after "charset" (then "=" and an optional quote) in a meta tag's bytes. */
    private static Charset charsetIn(byte[] b, int from, int to) {
        for (int i = from; i + 7 <= to; i++) {
            if (!startsWithIgnoreCase(b, i, to, "charset")) {
                continue;
            }
            int j = i + 7;
            while (j < to && isSpace(b[j])) {
                j++;
            }
            if (j >= to || b[j] != '=') {
                continue;
            }
            j++;
            while (j < to && (isSpace(b[j]) || b[j] == '"' || b[j] == '\'')) {
                j++;
            }
            int start = j;
            while (j < to && isNameByte(b[j])) {
                j++;
            }
            if (j > start) {
                return named(new String(b, start, j - start, StandardCharsets.US_ASCII));
            }
        }
        return null;
    }

    private static Charset named(String name) {
        try {
            if (!Charset.isSupported(name)) {
                return null;
            }
            Charset cs = Charset.forName(name);
            String n = cs.name().toUpperCase(Locale.ROOT);
            return n.startsWith("UTF-16") ? StandardCharsets.UTF_8 : cs;
        } catch (IllegalArgumentException e) {
            return null; // an illegal name
        }
    }

    private static boolean isNameByte(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '_' || c == '.' || c == ':';
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/';
    }

    private static int indexOf(byte[] b, byte c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] b, String s, int from, int to) {
        for (int i = from; i + s.length() <= to; i++) {
            if (startsWith(b, i, to, s)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] b, int at, int to, String s) {
        if (at + s.length() > to) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (b[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithIgnoreCase(byte[] b, int at, int to, String lower) {
        if (at + lower.length() > to) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            int c = b[at + k];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
