package io.webprobe.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The percent-encode sets of the WHATWG URL Standard (section 1.3, "Percent-encoded bytes")
 * and the encoding and decoding the URL parser and the dedup key need. A set is a pair of
 * 64-bit masks over the ASCII code points; every code point above U+007E is in every set and
 * is written as the percent-encoded bytes of its UTF-8 form (an unpaired surrogate as U+FFFD,
 * as a browser does when it turns the string into a USVString), or of its form in a page's
 * legacy encoding for a query ({@link #appendEncoded(StringBuilder, String, Charset,
 * EncodeSet)}). Nothing here allocates per character. Stateless and thread-safe.
 */
final class PercentEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** A percent-encode set over the ASCII code points. */
    record EncodeSet(long low, long high) {
        boolean contains(char c) {
            if (c < 64) {
                return (low & (1L << c)) != 0;
            }
            return c >= 128 || (high & (1L << (c - 64))) != 0;
        }

        EncodeSet plus(String chars) {
            long lo = low;
            long hi = high;
            for (int i = 0; i < chars.length(); i++) {
                char c = chars.charAt(i);
                if (c < 64) {
                    lo |= 1L << c;
                } else {
                    hi |= 1L << (c - 64);
                }
            }
            return new EncodeSet(lo, hi);
        }
    }

    /** The C0 control percent-encode set: U+0000 to U+001F and everything above U+007E. */
    static final EncodeSet C0_CONTROL = new EncodeSet(0xFFFF_FFFFL, 1L << (0x7F - 64));
    /** The fragment percent-encode set. */
    static final EncodeSet FRAGMENT = C0_CONTROL.plus(" \"<>`");
    /** The query percent-encode set. */
    static final EncodeSet QUERY = C0_CONTROL.plus(" \"#<>");
    /** The special-query percent-encode set (http and https queries also encode "'"). */
    static final EncodeSet SPECIAL_QUERY = QUERY.plus("'");
    /** The path percent-encode set. */
    static final EncodeSet PATH = QUERY.plus("?`{}");
    /**
     * What no stored URL holds as it is, whatever its part: C0 controls, space, {@code " < >
     * ` { }} and everything above U+007E (text searched for in stored URLs is encoded by it).
     */
    static final EncodeSet NEVER_RAW = C0_CONTROL.plus(" \"<>`{}");
    /** The userinfo percent-encode set. */
    static final EncodeSet USERINFO = PATH.plus("/:;=@[\\]^|");

    private PercentEncoding() {}

    /**
     * Appends the code point at {@code i} of {@code s}, percent-encoded when it is in
     * {@code set}, and returns the index after it (one or two chars on).
     */
    static int appendEncoded(StringBuilder out, String s, int i, EncodeSet set) {
        char c = s.charAt(i);
        if (c < 0x80) {
            if (set.contains(c)) {
                appendByte(out, c);
            } else {
                out.append(c);
            }
            return i + 1;
        }
        int cp = c;
        int next = i + 1;
        if (Character.isHighSurrogate(c) && next < s.length()
                && Character.isLowSurrogate(s.charAt(next))) {
            cp = Character.toCodePoint(c, s.charAt(next));
            next++;
        } else if (Character.isSurrogate(c)) {
            cp = 0xFFFD;
        }
        appendUtf8(out, cp);
        return next;
    }

    /**
     * Appends {@code s} encoded in {@code encoding}, each byte as the ASCII character it is
     * unless that is in {@code set}, else as "%XX"; a code point the encoding lacks as the
     * percent-encoded HTML character reference ("%26%23256%3B" for U+0100 in windows-1252), an
     * unpaired surrogate as U+FFFD's: the standard's "percent-encode after encoding".
     */
    static void appendEncoded(StringBuilder out, String s, Charset encoding, EncodeSet set) {
        CharsetEncoder encoder = encoding.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer in = CharBuffer.wrap(s);
        ByteBuffer bytes = ByteBuffer.allocate(Math.max(16, s.length() * 4));
        while (true) {
            CoderResult r = encoder.encode(in, bytes, true);
            appendBytes(out, bytes, set);
            if (r.isError()) {
                int cp = r.isMalformed() ? 0xFFFD : Character.codePointAt(in, 0);
                out.append("%26%23").append(cp).append("%3B");
                in.position(in.position() + r.length());
            } else if (r.isUnderflow()) {
                while (encoder.flush(bytes).isOverflow()) {
                    appendBytes(out, bytes, set);
                }
                appendBytes(out, bytes, set);
                return;
            }
        }
    }

    /** Appends and clears the bytes written to {@code bytes}. */
    private static void appendBytes(StringBuilder out, ByteBuffer bytes, EncodeSet set) {
        bytes.flip();
        while (bytes.hasRemaining()) {
            int b = bytes.get() & 0xFF;
            if (b < 0x80 && !set.contains((char) b)) {
                out.append((char) b);
            } else {
                appendByte(out, b);
            }
        }
        bytes.clear();
    }

    /** Appends the UTF-8 bytes of a code point, each as "%XX". */
    private static void appendUtf8(StringBuilder out, int cp) {
        if (cp < 0x800) {
            appendByte(out, 0xC0 | (cp >> 6));
            appendByte(out, 0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            appendByte(out, 0xE0 | (cp >> 12));
            appendByte(out, 0x80 | ((cp >> 6) & 0x3F));
            appendByte(out, 0x80 | (cp & 0x3F));
        } else {
            appendByte(out, 0xF0 | (cp >> 18));
            appendByte(out, 0x80 | ((cp >> 12) & 0x3F));
            appendByte(out, 0x80 | ((cp >> 6) & 0x3F));
            appendByte(out, 0x80 | (cp & 0x3F));
        }
    }

    static void appendByte(StringBuilder out, int b) {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }

    static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static int hexValue(char c) {
        return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    }

    /** Whether {@code s} has a "%" followed by two hex digits at {@code i}. */
    static boolean isEscape(CharSequence s, int i) {
        return i + 2 < s.length() && s.charAt(i) == '%' && isHex(s.charAt(i + 1))
                && isHex(s.charAt(i + 2));
    }

    /**
     * Whether {@link java.net.URI} refuses the char at {@code i} of {@code s} where it stands
     * ({@link WebUrl#toUri()} escapes these; {@link Urls#toUri(String)} sees from them that it
     * must): {@code " < > \ ^ ` { | }}, a space, controls, non-ASCII, a "%" not followed by two
     * hex digits, a "#" (the caller passes over the one that starts the fragment), and "[" or
     * "]" unless {@code brackets}.
     *
     * @param brackets whether brackets may stand at {@code i}: around an IPv6 host, in the query
     *     and in the fragment
     */
    static boolean uriRefuses(String s, int i, boolean brackets) {
        char c = s.charAt(i);
        switch (c) {
            case '"', '<', '>', '\\', '^', '`', '{', '|', '}', ' ', '#':
                return true;
            case '%':
                return !isEscape(s, i);
            case '[', ']':
                return !brackets;
            default:
                return c < 0x20 || c >= 0x7F;
        }
    }

    /** Whether {@code s[from, to)} has a "%" not followed by two hex digits. */
    static boolean hasStrayPercent(String s, int from, int to) {
        for (int i = s.indexOf('%', from); i >= 0 && i < to; i = s.indexOf('%', i + 1)) {
            if (!isEscape(s, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code s} with every "%" not followed by two hex digits written "%25"; {@code s} itself
     * when it has none.
     */
    static String escapeStrayPercent(String s) {
        if (!hasStrayPercent(s, 0, s.length())) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c);
            if (c == '%' && !isEscape(s, i)) {
                sb.append("25");
            }
        }
        return sb.toString();
    }

    /**
     * Percent-decodes {@code s[from, to)} (its UTF-8 bytes, escapes as bytes) and decodes the
     * result as UTF-8, malformed sequences becoming U+FFFD ("UTF-8 decode without BOM").
     */
    static String decodeToString(String s, int from, int to) {
        byte[] bytes = new byte[(to - from) * 3];
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < to && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                bytes[n++] = (byte) (hexValue(s.charAt(i + 1)) << 4 | hexValue(s.charAt(i + 2)));
                i += 2;
                continue;
            }
            int cp = c;
            if (Character.isHighSurrogate(c) && i + 1 < to
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint(c, s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                cp = 0xFFFD;
            }
            if (cp < 0x80) {
                bytes[n++] = (byte) cp;
            } else if (cp < 0x800) {
                bytes[n++] = (byte) (0xC0 | (cp >> 6));
                bytes[n++] = (byte) (0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                bytes[n++] = (byte) (0xE0 | (cp >> 12));
                bytes[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                bytes[n++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                bytes[n++] = (byte) (0xF0 | (cp >> 18));
                bytes[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                bytes[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                bytes[n++] = (byte) (0x80 | (cp & 0x3F));
            }
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * RFC 3986 section 6.2.2 for comparison: escapes of unreserved characters
     * ({@code A-Z a-z 0-9 - . _ ~}) decoded, every other escape upper case. Returns {@code s}
     * itself when nothing changes.
     */
    static String normaliseEscapes(String s) {
        int i = s.indexOf('%');
        if (i < 0) {
            return s;
        }
        StringBuilder sb = null;
        int copied = 0;
        for (; i >= 0; i = s.indexOf('%', i + 1)) {
            if (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
                continue;
            }
            char hi = s.charAt(i + 1);
            char lo = s.charAt(i + 2);
            char decoded = (char) (hexValue(hi) << 4 | hexValue(lo));
            boolean unreserved = isUnreserved(decoded);
            if (!unreserved && !Character.isLowerCase(hi) && !Character.isLowerCase(lo)) {
                continue; // already canonical
            }
            if (sb == null) {
                sb = new StringBuilder(s.length());
            }
            sb.append(s, copied, i);
            if (unreserved) {
                sb.append(decoded);
            } else {
                sb.append('%').append(Character.toUpperCase(hi)).append(Character.toUpperCase(lo));
            }
            copied = i + 3;
            i += 2;
        }
        return sb == null ? s : sb.append(s, copied, s.length()).toString();
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
