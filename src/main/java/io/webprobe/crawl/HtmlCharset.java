package io.webprobe.crawl;

import io.webprobe.http.AsciiBytes;
import io.webprobe.http.Encodings;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The charset a page is decoded with, found as jsoup finds it but without parsing anything: a
 * byte order mark, else the charset the response header gave, else a {@code <meta charset>}
 * or {@code <meta http-equiv=Content-Type content="...; charset=...">} in the first 5 KB
 * (outside comments), each named as a browser reads its name ({@link Encodings#forLabel}:
 * "iso-8859-1" is windows-1252). A declared UTF-16 is read as UTF-8, as the HTML standard says
 * (a page that could declare it in ASCII is not UTF-16), and a declared x-user-defined as
 * windows-1252 (its prescan's rule; a header's x-user-defined stays). A charset this JVM does
 * not know ({@code bogus-charset}) declares nothing.
 *
 * <p>A page that declares nothing is read as browsers read it (the HTML standard's encoding
 * sniffing, whose fallback is windows-1252 for most of the world): as UTF-8 when its bytes are
 * valid UTF-8 (plain ASCII is), else as windows-1252, so an old Latin-1 page shows "Café"
 * rather than "Caf�". Stateless.
 */
final class HtmlCharset {
    static final int PROBE_BYTES = 5 * 1024;
    /** What a page that declares no charset and is not UTF-8 is read as. */
    static final Charset FALLBACK = Charset.forName("windows-1252");

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
        if (declared != null) {
            return declared;
        }
        return isUtf8(b) ? StandardCharsets.UTF_8 : FALLBACK;
    }

    /**
     * Whether the bytes are well-formed UTF-8 (no overlong forms, surrogates or code points
     * above U+10FFFF). A sequence cut off by the end of the bytes counts as well-formed: the
     * body may have been cut at the download cap in the middle of a character.
     */
    static boolean isUtf8(byte[] b) {
        int i = 0;
        int n = b.length;
        while (i < n) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int more;
            int min;
            if (c >= 0xc2 && c <= 0xdf) {
                more = 1;
                min = 0x80;
            } else if (c >= 0xe0 && c <= 0xef) {
                more = 2;
                min = 0x800;
            } else if (c >= 0xf0 && c <= 0xf4) {
                more = 3;
                min = 0x10000;
            } else {
                return false; // a continuation byte alone, an overlong lead, or beyond U+10FFFF
            }
            int cp = c & (0x3f >> more);
            int j = i + 1;
            for (; j <= i + more && j < n; j++) {
                int cont = b[j] & 0xff;
                if ((cont & 0xc0) != 0x80) {
                    return false;
                }
                cp = cp << 6 | (cont & 0x3f);
            }
            if (j < i + more + 1) {
                return true; // cut off by the end of the bytes
            }
            if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
                return false;
            }
            i = j;
        }
        return true;
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
            if (AsciiBytes.startsWith(b, lt, end, "<!--")) {
                int close = AsciiBytes.indexOf(b, "-->", lt + 4, end);
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

    /**
     * The charset a meta names, as the HTML standard's prescan takes it: UTF-16 is UTF-8 and
     * x-user-defined windows-1252 (only a Content-Type header can give x-user-defined).
     */
    private static Charset named(String name) {
        Charset cs = Encodings.forLabel(name);
        if (cs == null) {
            return null;
        }
        return cs.name().toUpperCase(Locale.ROOT).startsWith("UTF-16") ? StandardCharsets.UTF_8
                : Encodings.isUserDefined(cs) ? FALLBACK : cs;
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
