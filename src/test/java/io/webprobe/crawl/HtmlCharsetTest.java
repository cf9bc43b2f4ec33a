package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.Encodings;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class HtmlCharsetTest {
    private static final String[] PAGES = {
        "<meta charset=\"windows-1251\"><title>x</title>",
        "<META CHARSET='ISO-8859-2'>",
        "<meta charset=koi8-r>",
        "<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">",
        "<meta content='text/html;charset=euc-jp' http-equiv='content-type'>",
        "<meta name=viewport content=\"width=device-width\"><meta charset=\"gb2312\">",
        "<!-- <meta charset=\"windows-1252\"> --><p>no declaration</p>",
        "<p>no declaration at all</p>",
        "<meta charset=\"no-such-charset\"><p>x</p>",
        "<metadata charset=\"windows-1252\"><p>x</p>",
    };

    @Test
    void findsTheCharsetJsoupFindsWithoutParsingNamedAsBrowsersNameIt() throws Exception {
        for (String page : PAGES) {
            byte[] bytes = page.getBytes(StandardCharsets.US_ASCII);
            Charset jsoup = Jsoup.parse(new ByteArrayInputStream(bytes), null, "").charset();
            assertThat(HtmlCharset.of(bytes, 0, null)).as(page)
                    .isEqualTo(Encodings.forLabel(jsoup.name()));
        }
    }

    @Test
    void aLabelNamesTheEncodingBrowsersDecodeWith() {
        // the Encoding Standard's supersets: what a browser shows for these bytes
        assertThat(declared("iso-8859-1")).isEqualTo(Charset.forName("windows-1252"));
        assertThat(declared("US-ASCII")).isEqualTo(Charset.forName("windows-1252"));
        assertThat(declared("latin1")).isEqualTo(Charset.forName("windows-1252"));
        assertThat(declared("iso-8859-9")).isEqualTo(Charset.forName("windows-1254"));
        assertThat(declared("gb2312")).isEqualTo(Charset.forName("GBK"));
        assertThat(declared("Shift_JIS")).isEqualTo(Charset.forName("windows-31j"));
        assertThat(declared("euc-kr")).isEqualTo(Charset.forName("x-windows-949"));
        // labels the JVM does not know, named as the standard names them
        assertThat(declared("iso-8859-8-i")).isEqualTo(Charset.forName("ISO-8859-8"));
        assertThat(declared("gb_2312")).isEqualTo(Charset.forName("GBK"));
        assertThat(declared("x-cp1251")).isEqualTo(Charset.forName("windows-1251"));
        assertThat(declared("macintosh")).isEqualTo(Charset.forName("x-MacRoman"));
        assertThat(declared("iso88591")).isEqualTo(Charset.forName("windows-1252"));
        assertThat(declared("iso885915")).isEqualTo(Charset.forName("ISO-8859-15"));
        // the HTML standard's prescan reads a meta's x-user-defined as windows-1252; a header's
        // stays x-user-defined (0x80-0xFF as U+F780-U+F7FF)
        assertThat(declared("x-user-defined")).isEqualTo(Charset.forName("windows-1252"));
        assertThat(HtmlCharset.of(new byte[] {'x'}, 0, Encodings.forLabel("x-user-defined"))
                .decode(java.nio.ByteBuffer.wrap(new byte[] {(byte) 0xE9})).toString())
                .isEqualTo("\uF7E9");
        assertThat(declared("latin6").decode(java.nio.ByteBuffer.wrap(new byte[] {(byte) 0xBD}))
                .toString()).isEqualTo("\u2015");
        assertThat(declared("iso-8859-14").decode(java.nio.ByteBuffer.wrap(
                new byte[] {(byte) 0xD0})).toString()).isEqualTo("\u0174");
        // the others are themselves
        assertThat(declared("iso-8859-2")).isEqualTo(Charset.forName("ISO-8859-2"));
        assertThat(declared("koi8-r")).isEqualTo(Charset.forName("KOI8-R"));
        assertThat(declared("euc-jp")).isEqualTo(Charset.forName("EUC-JP"));
    }

    private static Charset declared(String label) {
        byte[] page = ("<meta charset=\"" + label + "\">").getBytes(StandardCharsets.US_ASCII);
        return HtmlCharset.of(page, 0, null);
    }

    @Test
    void aDeclaredUtf16IsReadAsUtf8AsBrowsersDo() {
        // jsoup would decode these ASCII bytes as UTF-16 and read nothing but garbage
        byte[] bytes = "<meta charset=\"utf-16\"><p>x</p>".getBytes(StandardCharsets.US_ASCII);
        assertThat(HtmlCharset.of(bytes, 0, null)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aByteOrderMarkWinsThenTheHeaderThenTheMeta() {
        byte[] meta = "<meta charset=windows-1251>".getBytes(StandardCharsets.US_ASCII);
        assertThat(HtmlCharset.of(meta, 0, StandardCharsets.ISO_8859_1))
                .isEqualTo(StandardCharsets.ISO_8859_1);
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, 'x'};
        assertThat(HtmlCharset.bomLength(bom)).isEqualTo(3);
        assertThat(HtmlCharset.of(bom, 3, StandardCharsets.ISO_8859_1))
                .isEqualTo(StandardCharsets.UTF_8);
        byte[] le = {(byte) 0xff, (byte) 0xfe, 'x', 0};
        assertThat(HtmlCharset.of(le, HtmlCharset.bomLength(le), null))
                .isEqualTo(StandardCharsets.UTF_16LE);
        byte[] late = ("<p>" + "x".repeat(HtmlCharset.PROBE_BYTES) + "<meta charset=koi8-r>")
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(HtmlCharset.of(late, 0, null)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aPageThatDeclaresNothingIsUtf8WhenItsBytesAreAndWindows1252Otherwise() {
        Charset cp1252 = Charset.forName("windows-1252");
        String text = "<title>Caf\u00e9 na\u00efve \u201cquoted\u201d \u20ac</title>";
        assertThat(HtmlCharset.of(text.getBytes(cp1252), 0, null)).isEqualTo(cp1252);
        assertThat(HtmlCharset.of(text.getBytes(StandardCharsets.UTF_8), 0, null))
                .isEqualTo(StandardCharsets.UTF_8);
        // a charset this JVM does not know declares nothing
        byte[] bogus = ("<meta charset=\"bogus-charset\">" + text).getBytes(cp1252);
        assertThat(HtmlCharset.of(bogus, 0, null)).isEqualTo(cp1252);
        // a declaration, in the header or the page, is taken as it is
        assertThat(HtmlCharset.of(text.getBytes(cp1252), 0, StandardCharsets.UTF_8))
                .isEqualTo(StandardCharsets.UTF_8);
        byte[] declared = ("<meta charset=\"iso-8859-15\">" + text).getBytes(cp1252);
        assertThat(HtmlCharset.of(declared, 0, null)).isEqualTo(Charset.forName("ISO-8859-15"));
    }

    @Test
    void tellsUtf8FromOtherBytes() {
        assertThat(HtmlCharset.isUtf8(new byte[0])).isTrue();
        assertThat(HtmlCharset.isUtf8("plain ascii".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(HtmlCharset.isUtf8("日本語 é 😀".getBytes(StandardCharsets.UTF_8))).isTrue();
        // cut at the download cap in the middle of a character
        byte[] emoji = "ab😀".getBytes(StandardCharsets.UTF_8);
        assertThat(HtmlCharset.isUtf8(java.util.Arrays.copyOf(emoji, emoji.length - 1))).isTrue();
        assertThat(HtmlCharset.isUtf8(bytes(0x43, 0x61, 0x66, 0xe9, 0x21))).isFalse(); // "Café!", 1252
        assertThat(HtmlCharset.isUtf8(bytes(0xe9, 0x20, 0x20))).isFalse();
        assertThat(HtmlCharset.isUtf8(bytes(0x80))).isFalse(); // a continuation alone
        assertThat(HtmlCharset.isUtf8(bytes(0xc0, 0xaf))).isFalse(); // overlong "/"
        assertThat(HtmlCharset.isUtf8(bytes(0xe0, 0x80, 0xaf))).isFalse(); // overlong
        assertThat(HtmlCharset.isUtf8(bytes(0xed, 0xa0, 0x80))).isFalse(); // a surrogate
        assertThat(HtmlCharset.isUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).isFalse(); // > U+10FFFF
        assertThat(HtmlCharset.isUtf8(bytes(0xf5, 0x80, 0x80, 0x80))).isFalse();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void collapsingSpacesGivesWhatTheRegularExpressionGave() {
        Random random = new Random(42);
        char[] alphabet = {'a', 'b', ' ', ' ', '\t', '\n', '\r', '\f', '\u000B', '\u00a0',
            '\u2003', 'é'};
        for (int n = 0; n < 5_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                b.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String s = b.toString();
            assertThat(LinkExtractor.collapseSpaces(s)).as("[%s]", s)
                    .isEqualTo(s.replaceAll("\\s+", " ").strip());
        }
    }
}
