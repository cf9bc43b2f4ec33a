package io.webprobe.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;

/**
 * A single-byte encoding of the WHATWG Encoding Standard that the JDK lacks: bytes 0x00-0x7F
 * are ASCII, each byte 0x80-0xFF one character of a table. {@link #ISO_8859_10} (Nordic),
 * {@link #ISO_8859_14} (Celtic), whose tables are the standard's {@code index-iso-8859-10.txt}
 * and {@code index-iso-8859-14.txt} (the same as unicode.org's 8859-10.TXT and 8859-14.TXT;
 * 0x80-0x9F are the C1 controls), and {@link #X_USER_DEFINED}, whose 0x80-0xFF are U+F780 to
 * U+F7FF. Decoding never fails (every byte has a character); encoding fails on a character
 * outside the table, as the JDK's single-byte encoders do. Immutable.
 */
final class SingleByteCharset extends Charset {
    /** ISO-8859-10 from 0xA0 (0x80-0x9F are U+0080-U+009F). */
    private static final String LATIN_6 =
            "\u00A0\u0104\u0112\u0122\u012A\u0128\u0136\u00A7\u013B\u0110\u0160\u0166"
            + "\u017D\u00AD\u016A\u014A\u00B0\u0105\u0113\u0123\u012B\u0129\u0137\u00B7"
            + "\u013C\u0111\u0161\u0167\u017E\u2015\u016B\u014B\u0100\u00C1\u00C2\u00C3"
            + "\u00C4\u00C5\u00C6\u012E\u010C\u00C9\u0118\u00CB\u0116\u00CD\u00CE\u00CF"
            + "\u00D0\u0145\u014C\u00D3\u00D4\u00D5\u00D6\u0168\u00D8\u0172\u00DA\u00DB"
            + "\u00DC\u00DD\u00DE\u00DF\u0101\u00E1\u00E2\u00E3\u00E4\u00E5\u00E6\u012F"
            + "\u010D\u00E9\u0119\u00EB\u0117\u00ED\u00EE\u00EF\u00F0\u0146\u014D\u00F3"
            + "\u00F4\u00F5\u00F6\u0169\u00F8\u0173\u00FA\u00FB\u00FC\u00FD\u00FE\u0138";
    /** ISO-8859-14 from 0xA0 (0x80-0x9F are U+0080-U+009F). */
    private static final String LATIN_8 =
            "\u00A0\u1E02\u1E03\u00A3\u010A\u010B\u1E0A\u00A7\u1E80\u00A9\u1E82\u1E0B"
            + "\u1EF2\u00AD\u00AE\u0178\u1E1E\u1E1F\u0120\u0121\u1E40\u1E41\u00B6\u1E56"
            + "\u1E81\u1E57\u1E83\u1E60\u1EF3\u1E84\u1E85\u1E61\u00C0\u00C1\u00C2\u00C3"
            + "\u00C4\u00C5\u00C6\u00C7\u00C8\u00C9\u00CA\u00CB\u00CC\u00CD\u00CE\u00CF"
            + "\u0174\u00D1\u00D2\u00D3\u00D4\u00D5\u00D6\u1E6A\u00D8\u00D9\u00DA\u00DB"
            + "\u00DC\u00DD\u0176\u00DF\u00E0\u00E1\u00E2\u00E3\u00E4\u00E5\u00E6\u00E7"
            + "\u00E8\u00E9\u00EA\u00EB\u00EC\u00ED\u00EE\u00EF\u0175\u00F1\u00F2\u00F3"
            + "\u00F4\u00F5\u00F6\u1E6B\u00F8\u00F9\u00FA\u00FB\u00FC\u00FD\u0177\u00FF";

    static final SingleByteCharset ISO_8859_10 = new SingleByteCharset("ISO-8859-10",
            c1(LATIN_6));
    static final SingleByteCharset ISO_8859_14 = new SingleByteCharset("ISO-8859-14",
            c1(LATIN_8));
    static final SingleByteCharset X_USER_DEFINED = new SingleByteCharset("x-user-defined",
            userDefined());

    /** The characters of bytes 0x80-0xFF. */
    private final char[] high;
    /** A character's byte, for characters up to U+FFFF; 0 for none (0 is ASCII's NUL). */
    private final byte[] low = new byte[0x10000];

    /** The labels are {@link Encodings}' to know: this charset has no aliases. */
    private SingleByteCharset(String name, char[] high) {
        super(name, null);
        this.high = high;
        for (int c = 0; c < 0x80; c++) {
            low[c] = (byte) c;
        }
        for (int i = 0; i < high.length; i++) {
            low[high[i]] = (byte) (0x80 + i);
        }
    }

    private static char[] c1(String fromA0) {
        char[] high = new char[128];
        for (int i = 0; i < 32; i++) {
            high[i] = (char) (0x80 + i);
        }
        fromA0.getChars(0, 96, high, 32);
        return high;
    }

    private static char[] userDefined() {
        char[] high = new char[128];
        for (int i = 0; i < 128; i++) {
            high[i] = (char) (0xF780 + i);
        }
        return high;
    }

    @Override
    public boolean contains(Charset cs) {
        return cs == this || "US-ASCII".equals(cs.name());
    }

    @Override
    public CharsetDecoder newDecoder() {
        return new CharsetDecoder(this, 1f, 1f) {
            @Override
            protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
                while (in.hasRemaining()) {
                    if (!out.hasRemaining()) {
                        return CoderResult.OVERFLOW;
                    }
                    int b = in.get() & 0xff;
                    out.put(b < 0x80 ? (char) b : high[b - 0x80]);
                }
                return CoderResult.UNDERFLOW;
            }
        };
    }

    @Override
    public CharsetEncoder newEncoder() {
        return new CharsetEncoder(this, 1f, 1f) {
            @Override
            protected CoderResult encodeLoop(CharBuffer in, ByteBuffer out) {
                while (in.hasRemaining()) {
                    char c = in.get(in.position());
                    if (c >= 0x80 && low[c] == 0) {
                        return unmapped(in, c);
                    }
                    if (!out.hasRemaining()) {
                        return CoderResult.OVERFLOW;
                    }
                    in.get();
                    out.put(low[c]);
                }
                return CoderResult.UNDERFLOW;
            }

            /** A character outside the table: a whole surrogate pair's two, a lone one bad. */
            private static CoderResult unmapped(CharBuffer in, char c) {
                if (Character.isHighSurrogate(c)) {
                    if (in.remaining() < 2) {
                        return CoderResult.UNDERFLOW; // its pair may come in the next buffer
                    }
                    return Character.isLowSurrogate(in.get(in.position() + 1))
                            ? CoderResult.unmappableForLength(2)
                            : CoderResult.malformedForLength(1);
                }
                return Character.isLowSurrogate(c) ? CoderResult.malformedForLength(1)
                        : CoderResult.unmappableForLength(1);
            }
        };
    }
}
