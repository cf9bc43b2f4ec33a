package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;

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
    void findsTheCharsetJsoupFindsWithoutParsing() throws Exception {
        for (String page : PAGES) {
            byte[] bytes = page.getBytes(StandardCharsets.US_ASCII);
            Charset jsoup = Jsoup.parse(new ByteArrayInputStream(bytes), null, "").charset();
            assertThat(HtmlCharset.of(bytes, 0, null)).as(page).isEqualTo(jsoup);
        }
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
