package io.webprobe.http;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;

/**
 * The WHATWG Encoding Standard's "get an encoding" as browsers apply it to a charset label (a
 * Content-Type's charset, a {@code <meta charset>}, a stylesheet's {@code @charset}): the
 * label names the JVM charset that decodes as the standard's encoding does. Where the JVM's
 * charset of that name decodes less, the standard's encoding is its superset and is taken
 * instead, as every browser does: "iso-8859-1", "latin1" and "us-ascii" are windows-1252 (0x93
 * is a curly quote, not a C1 control), "iso-8859-9" is windows-1254, "tis-620" windows-874,
 * "gb2312" GBK, "euc-kr" windows-949, "shift_jis" windows-31j and "big5" Big5-HKSCS.
 * Stateless.
 */
public final class Encodings {
    /** A JVM charset's canonical name, upper case, to the one the standard decodes as. */
    private static final Map<String, String> SUPERSETS = Map.of(
            "ISO-8859-1", "windows-1252",
            "US-ASCII", "windows-1252",
            "ISO-8859-9", "windows-1254",
            "TIS-620", "x-windows-874",
            "X-ISO-8859-11", "x-windows-874",
            "GB2312", "GBK",
            "EUC-KR", "x-windows-949",
            "SHIFT_JIS", "windows-31j",
            "BIG5", "Big5-HKSCS");

    private Encodings() {}

    /** The charset a label names, as a browser decodes it; null when the JVM knows no such. */
    public static Charset forLabel(String label) {
        Charset cs;
        try {
            cs = Charset.forName(label.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
        String superset = SUPERSETS.get(cs.name().toUpperCase(Locale.ROOT));
        if (superset != null && Charset.isSupported(superset)) {
            return Charset.forName(superset);
        }
        return cs;
    }

    /**
     * The encoding a page's links are encoded in (the standard's "get an output encoding"):
     * the page's, but UTF-8 for UTF-16, which a URL cannot hold, and for an encoding the JVM
     * only decodes (ISO-2022-CN, the standard's "replacement"). Null for UTF-8, which needs no
     * encoder.
     */
    public static Charset forUrls(Charset pageEncoding) {
        if (pageEncoding == null || pageEncoding.equals(StandardCharsets.UTF_8)
                || pageEncoding.name().toUpperCase(Locale.ROOT).startsWith("UTF-16")
                || !pageEncoding.canEncode()) {
            return null;
        }
        return pageEncoding;
    }
}
