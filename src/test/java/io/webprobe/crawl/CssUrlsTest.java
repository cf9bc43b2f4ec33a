package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The URLs of CSS, from a style attribute to a stylesheet of megabytes read piece by piece:
 * the same wherever the pieces end, comments left out.
 */
class CssUrlsTest {
    @Test
    void urlsAndImportsButNotWhatIsInComments() {
        assertThat(CssUrls.urls("""
                @import "a.css"; @import 'b.css';
                /* url(no.png) */ .x { background: url( "c.png" ) url('d.png') url(e.png) }
                /*/ still a comment url(no2.png) */ .y{b:url(f.png)}/**/.z{b:url(g.png)}
                .data { b: url(data:image/png;base64,AAAA) } .empty { b: url() }
                """)).containsExactly("c.png", "d.png", "e.png", "f.png", "g.png",
                        "data:image/png;base64,AAAA", "a.css", "b.css");
        assertThat(CssUrls.urls("color: red")).isEmpty();
        // an unterminated comment runs to the end, as a browser reads it
        assertThat(CssUrls.urls(".a{b:url(a.png)} /* .b{b:url(b.png)}")).containsExactly("a.png");
    }

    /**
     * CSS escapes are read as a browser reads them (CSS Syntax, "consume an escaped code
     * point"): {@code url("a\\29 b.png")} asks for {@code a)b.png}, where the backslash was
     * taken for a path's '/' and the space kept ({@code a/29%20b.png}).
     */
    @Test
    void escapesAreDecodedAsABrowserDecodesThem() {
        assertThat(CssUrls.urls("""
                .a { background: url("esc\\29 aped.png") }
                .b { background: url('it\\'s.png') url("say\\"hi\\".png") }
                .c { background: url(sp\\ ace.png) url(paren\\).png) url(\\41 B.png) }
                .d { background: url("line\\
                continued.png") url("big\\10FFFF.png") url("zero\\0.png") }
                @import "imp\\6F rt.css";
                """)).containsExactly("esc)aped.png", "it's.png", "say\"hi\".png",
                        "sp ace.png", "paren).png", "AB.png", "linecontinued.png",
                        "big\uDBFF\uDFFF.png", "zero\uFFFD.png", "import.css");
    }

    /**
     * A minifier writes {@code @import"a.css";} (esbuild does): CSS needs no space after the
     * at-keyword, and browsers load it; it was missed, the space being required.
     */
    @Test
    void anImportWithNoSpaceBeforeItsStringIsAnImport() {
        assertThat(CssUrls.urls("@import\"a.css\";@import'b.css' screen;.x{color:red}"))
                .containsExactly("a.css", "b.css");
    }

    /**
     * In {@code image-set()} (and {@code -webkit-image-set()}) a string is a URL, as a
     * {@code url()} is (CSS Images 4; every current browser): it was missed. The string of a
     * {@code type()} in it is a MIME type, no URL.
     */
    @Test
    void theStringsOfAnImageSetAreUrls() {
        assertThat(CssUrls.urls("""
                .a { background-image: image-set("a.avif" type("image/avif") 1x, 'a.jpg' 2x); }
                .b { background: -webkit-image-set(url(b1.png) 1x, "b2.png" 2x) }
                .c { content: "c.png" } .d { background: IMAGE-SET( "d\\2e png" 1x ) }
                """)).containsExactlyInAnyOrder("a.avif", "a.jpg", "b1.png", "b2.png",
                        "d.png");
    }

    /**
     * Only CSS's whitespace (and the URL parser's C0 controls and space) is trimmed: an
     * ideographic space (U+3000) at a URL's end is part of it, as a browser requests it.
     */
    @Test
    void aUnicodeSpaceAtAUrlsEndIsKept() {
        assertThat(CssUrls.urls(".a { background: url(\"wide\u3000\") url( \tpad.png\n ) }"))
                .containsExactly("wide\u3000", "pad.png");
    }

    /** A reader that hands out at most {@code most} characters per read. */
    private static Reader trickling(String s, int most) {
        return new StringReader(s) {
            @Override
            public int read(char[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, most));
            }
        };
    }

    @Test
    void aStylesheetOfMegabytesIsReadInPiecesWithTheSameUrlsWhereverTheyEnd() {
        StringBuilder css = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; css.length() < 12 * CssUrls.PIECE; i++) {
            css.append(".r").append(i).append(" { background: url(/img/").append(i)
                    .append(".png) }\n");
            expected.add("/img/" + i + ".png");
            if (i % 997 == 0) {
                // a comment that spans pieces, with what would be a URL in it
                css.append("/* ").append("x url(/no.png) ".repeat(20_000)).append("*/\n");
            }
            if (i % 1499 == 0) {
                // a rule with no '}' for long: a data URL of 300K characters
                css.append(".d").append(i).append(" { background: url(data:image/png;base64,")
                        .append("A".repeat(300_000)).append(") }\n");
                expected.add("data:image/png;base64," + "A".repeat(300_000));
            }
        }
        for (int most : new int[] {7, 4096, 100_000}) {
            List<String> found = new ArrayList<>();
            CssUrls.urls(trickling(css.toString(), most), found::add);
            assertThat(found).as("reads of %d characters", most).isEqualTo(expected);
        }
    }

    @Test
    void aUrlLongerThanTheLongestPieceIsLostButNotWhatFollows() {
        String css = ".a{b:url(/a.png)} .big { b: url(data:x," + "A".repeat(5 * CssUrls.PIECE)
                + ") } .c{b:url(/c.png)} @import 'd.css';";
        List<String> found = new ArrayList<>();
        CssUrls.urls(new StringReader(css), found::add);
        assertThat(found).containsExactly("/a.png", "/c.png", "d.css");
    }
}
