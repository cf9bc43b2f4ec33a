package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Encoding Standard's single-byte encodings the JDK lacks, by every label it lists. */
class EncodingsTest {
    /**
     * Code points of bytes 0xA0-0xFF in the WHATWG Encoding Standard's index-iso-8859-10.txt and
     * index-iso-8859-14.txt (whatwg/encoding @062041a, public domain), pointers 32-127; 0x80-0x9F
     * are U+0080-U+009F in both.
     */
    private static final int[] LATIN_6 = {
        0x00A0, 0x0104, 0x0112, 0x0122, 0x012A, 0x0128, 0x0136, 0x00A7,
        0x013B, 0x0110, 0x0160, 0x0166, 0x017D, 0x00AD, 0x016A, 0x014A,
        0x00B0, 0x0105, 0x0113, 0x0123, 0x012B, 0x0129, 0x0137, 0x00B7,
        0x013C, 0x0111, 0x0161, 0x0167, 0x017E, 0x2015, 0x016B, 0x014B,
        0x0100, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x012E,
        0x010C, 0x00C9, 0x0118, 0x00CB, 0x0116, 0x00CD, 0x00CE, 0x00CF,
        0x00D0, 0x0145, 0x014C, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x0168,
        0x00D8, 0x0172, 0x00DA, 0x00DB, 0x00DC, 0x00DD, 0x00DE, 0x00DF,
        0x0101, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x012F,
        0x010D, 0x00E9, 0x0119, 0x00EB, 0x0117, 0x00ED, 0x00EE, 0x00EF,
        0x00F0, 0x0146, 0x014D, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x0169,
        0x00F8, 0x0173, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x00FE, 0x0138,
    };
    private static final int[] LATIN_8 = {
        0x00A0, 0x1E02, 0x1E03, 0x00A3, 0x010A, 0x010B, 0x1E0A, 0x00A7,
        0x1E80, 0x00A9, 0x1E82, 0x1E0B, 0x1EF2, 0x00AD, 0x00AE, 0x0178,
        0x1E1E, 0x1E1F, 0x0120, 0x0121, 0x1E40, 0x1E41, 0x00B6, 0x1E56,
        0x1E81, 0x1E57, 0x1E83, 0x1E60, 0x1EF3, 0x1E84, 0x1E85, 0x1E61,
        0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7,
        0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,
        0x0174, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x1E6A,
        0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x00DD, 0x0176, 0x00DF,
        0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7,
        0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,
        0x0175, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x1E6B,
        0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x0177, 0x00FF,
    };

    @ParameterizedTest
    @ValueSource(strings = {"csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10",
        "iso885910", "l6", "latin6", " LATIN6 "})
    void iso885910DecodesAndEncodesAsTheStandardsIndex(String label) throws Exception {
        assertMatchesIndex(Encodings.forLabel(label), withC1(LATIN_6));
    }

    @ParameterizedTest
    @ValueSource(strings = {"iso-8859-14", "iso8859-14", "iso885914", "ISO-8859-14"})
    void iso885914DecodesAndEncodesAsTheStandardsIndex(String label) throws Exception {
        assertMatchesIndex(Encodings.forLabel(label), withC1(LATIN_8));
    }

    @Test
    void xUserDefinedMapsTheHighBytesToUf780Onwards() throws Exception {
        int[] privateUse = new int[128];
        for (int i = 0; i < 128; i++) {
            privateUse[i] = 0xF780 + i;
        }
        Charset cs = Encodings.forLabel("x-user-defined");
        assertMatchesIndex(cs, privateUse);
        assertThat(new String(new byte[] {(byte) 0x80, (byte) 0x9F}, cs))
                .isEqualTo("\uF780\uF79F");
    }

    @Test
    void aCharacterOutsideTheTableIsNotEncoded() {
        Charset cs = Encodings.forLabel("latin6");
        assertThat(cs.newEncoder().canEncode('€')).isFalse();
        assertThat(cs.newEncoder().canEncode("a\uD83D\uDE00")).isFalse();
        assertThat(cs.newEncoder().canEncode("Ŧromsø")).isTrue();
        // what a link's query on such a page becomes: a browser's &#NNNN; for the euro sign
        assertThat(new String("€".getBytes(cs), StandardCharsets.US_ASCII)).isEqualTo("?");
    }

    /** A table from 0xA0 with the C1 controls before it: the table from 0x80. */
    private static int[] withC1(int[] fromA0) {
        int[] from80 = new int[128];
        for (int i = 0; i < 32; i++) {
            from80[i] = 0x80 + i;
        }
        System.arraycopy(fromA0, 0, from80, 32, 96);
        return from80;
    }

    /** Every byte decodes to ASCII or its table's character, and encodes back. */
    private static void assertMatchesIndex(Charset cs, int[] from80) throws Exception {
        assertThat(cs).isNotNull();
        byte[] all = new byte[256];
        for (int b = 0; b < 256; b++) {
            all[b] = (byte) b;
        }
        String decoded = cs.newDecoder().decode(ByteBuffer.wrap(all)).toString();
        assertThat(decoded).hasSize(256);
        for (int b = 0; b < 256; b++) {
            int expected = b < 0x80 ? b : from80[b - 0x80];
            assertThat((int) decoded.charAt(b)).as("byte 0x%02X", b).isEqualTo(expected);
        }
        ByteBuffer encoded = cs.newEncoder().encode(CharBuffer.wrap(decoded));
        byte[] back = new byte[encoded.remaining()];
        encoded.get(back);
        assertThat(back).isEqualTo(all);
    }

    @Test
    void aLabelOfNoEncodingIsNone() {
        assertThat(Encodings.forLabel("iso-8859-99")).isNull();
    }
}
