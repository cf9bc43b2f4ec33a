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
 * "gb2312" GBK, "euc-kr" windows-949, "shift_jis" windows-31j and "big5" Big5-HKSCS. The
 * standard's labels the JVM does not know ("iso-8859-8-i", "gb_2312", "macintosh") name the
 * JVM's charset of their encoding, and those of an encoding the JVM lacks (iso-8859-10,
 * iso-8859-14, x-user-defined) name Webprobe's own charset of it. Stateless.
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

    /**
     * The standard's labels the JVM does not know by that name, lower case, to the JVM's
     * name of their encoding (iso-8859-8-i on Hebrew pages, gb_2312 on Chinese ones, macintosh
     * on old Mac ones...).
     */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("x-unicode20utf8", "UTF-8"),
            Map.entry("x-cp1250", "windows-1250"),
            Map.entry("x-cp1251", "windows-1251"),
            Map.entry("x-cp1252", "windows-1252"),
            Map.entry("x-cp1253", "windows-1253"),
            Map.entry("x-cp1254", "windows-1254"),
            Map.entry("x-cp1255", "windows-1255"),
            Map.entry("x-cp1256", "windows-1256"),
            Map.entry("x-cp1257", "windows-1257"),
            Map.entry("x-cp1258", "windows-1258"),
            Map.entry("iso-8859-8-i", "ISO-8859-8"),
            Map.entry("csiso88598i", "ISO-8859-8"),
            Map.entry("logical", "ISO-8859-8"),
            Map.entry("visual", "ISO-8859-8"),
            Map.entry("chinese", "GBK"),
            Map.entry("csgb2312", "GBK"),
            Map.entry("gb_2312", "GBK"),
            Map.entry("gb_2312-80", "GBK"),
            Map.entry("iso-ir-58", "GBK"),
            Map.entry("x-gbk", "GBK"),
            Map.entry("cn-big5", "Big5-HKSCS"),
            Map.entry("x-x-big5", "Big5-HKSCS"),
            Map.entry("csksc56011987", "x-windows-949"),
            Map.entry("iso-ir-149", "x-windows-949"),
            Map.entry("korean", "x-windows-949"),
            Map.entry("ks_c_5601-1989", "x-windows-949"),
            Map.entry("dos-874", "x-windows-874"),
            Map.entry("koi", "KOI8-R"),
            Map.entry("koi8-ru", "KOI8-U"),
            Map.entry("csmacintosh", "x-MacRoman"),
            Map.entry("mac", "x-MacRoman"),
            Map.entry("macintosh", "x-MacRoman"),
            Map.entry("x-mac-roman", "x-MacRoman"),
            Map.entry("x-mac-cyrillic", "x-MacCyrillic"),
            Map.entry("x-mac-ukrainian", "x-MacCyrillic"));

    /**
     * The standard's single-byte encodings the JVM lacks, by each of their labels: Nordic and
     * Celtic Latin, and x-user-defined ({@link SingleByteCharset}).
     */
    private static final Map<String, Charset> OWN = Map.ofEntries(
            Map.entry("csisolatin6", SingleByteCharset.ISO_8859_10),
            Map.entry("iso-8859-10", SingleByteCharset.ISO_8859_10),
            Map.entry("iso-ir-157", SingleByteCharset.ISO_8859_10),
            Map.entry("iso8859-10", SingleByteCharset.ISO_8859_10),
            Map.entry("iso885910", SingleByteCharset.ISO_8859_10),
            Map.entry("l6", SingleByteCharset.ISO_8859_10),
            Map.entry("latin6", SingleByteCharset.ISO_8859_10),
            Map.entry("iso-8859-14", SingleByteCharset.ISO_8859_14),
            Map.entry("iso8859-14", SingleByteCharset.ISO_8859_14),
            Map.entry("iso885914", SingleByteCharset.ISO_8859_14),
            Map.entry("x-user-defined", SingleByteCharset.X_USER_DEFINED));

    private Encodings() {}

    /** Whether a charset is the standard's x-user-defined (which an HTML meta cannot name). */
    public static boolean isUserDefined(Charset cs) {
        return cs == SingleByteCharset.X_USER_DEFINED;
    }

    /** The charset a label names, as a browser decodes it; null when the JVM knows no such. */
    public static Charset forLabel(String label) {
        String name = label.strip().toLowerCase(Locale.ROOT);
        Charset own = OWN.get(name);
        if (own != null) {
            return own;
        }
        name = LABELS.getOrDefault(name, name);
        if (name.startsWith("iso8859") && name.length() > 7 && name.charAt(7) != '-') {
            name = "iso-8859-" + name.substring(7); // iso88592, iso885915: the standard's too
        }
        Charset cs;
        try {
            cs = Charset.forName(name);
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
