package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.ResponseBody;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pages above {@link LinkExtractor#STREAM_ABOVE} are streamed, with the same findings. */
class LargePageTest {
    private static final String PAGE = "http://site.test/dir/big.html";
    private final LinkExtractor extractor = new LinkExtractor();

    /** Every kind of link, nested the ways pages nest them, with targets unique to block i. */
    private static String block(int i) {
        return """
                <div class="row" style="background: url(/bg%1$d.png)">
                  <h2>Section %1$d</h2>
                  <p>Some words about item %1$d, and <a href="item%1$d.html">its <b>page</b></a>.</p>
                  <a href="/pic%1$d"><img src="/img/%1$d.png" alt=" Picture %1$d "></a>
                  <picture><source srcset="/s%1$d-1x.webp 1x, /s%1$d-2x.webp 2x"><img src="/p%1$d.jpg"></picture>
                  <ul><li><a href="?q=%1$d" rel="nofollow">query</a></li><li><a href="mailto:x@y">mail</a></li></ul>
                  <iframe src="/frame%1$d"></iframe><video src="/v%1$d.mp4" poster="/poster%1$d.jpg"></video>
                  <a href="http://">broken %1$d</a> <a href="https;//typo%1$d.test/">typo</a>
                  <table><tr><td>cell %1$d</td><td><a href="#top">top</a></td></tr></table>
                </div>
                """.formatted(i);
    }

    /** The blocks of every big page, made once (five pages are made of them). */
    private static final String BLOCKS = blocks();

    private static String blocks() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() <= LinkExtractor.STREAM_ABOVE + 1000; i++) {
            b.append(block(i));
        }
        return b.toString();
    }

    private static byte[] bigPage(String head, Charset cs) {
        return ("<!doctype html><html><head>" + head
                + "</head><body><h1> The  big page </h1><p>Intro text here.</p>" + BLOCKS
                + "<p>The end.</p></body></html>").getBytes(cs);
    }

    private static List<String> links(LinkExtractor.Page p) {
        return p.links().stream()
                .map(l -> l.requestUrl() + " " + l.type() + " [" + l.anchorText() + "]")
                .sorted().toList();
    }

    @Test
    void aStreamedPageFindsWhatTheWholeDocumentDoes() {
        byte[] html = bigPage("""
                <title> Big </title><base href="/base/">
                <link rel="canonical" href="/canon"><link rel="stylesheet" href="s.css">
                <meta name="description" content=" Many   rows "><meta name="robots" content="NOINDEX">
                <style>body { background: url(/head-bg.png) }</style>
                """, StandardCharsets.UTF_8);
        assertThat(html.length).isGreaterThan(LinkExtractor.STREAM_ABOVE);

        LinkExtractor.Page streamed = extractor.extract(ResponseBody.of(html), StandardCharsets.UTF_8, PAGE);
        LinkExtractor.Page whole = extractor.extractWhole(html, StandardCharsets.UTF_8, PAGE);

        assertThat(streamed.links()).hasSizeGreaterThan(10_000);
        assertThat(links(streamed)).isEqualTo(links(whole));
        assertThat(streamed.invalid()).hasSameElementsAs(whole.invalid()).isNotEmpty();
        assertThat(streamed.title()).isEqualTo("Big").isEqualTo(whole.title());
        assertThat(streamed.info()).isEqualTo(whole.info());
        assertThat(streamed.info().canonical()).isEqualTo("http://site.test/canon");
        assertThat(streamed.info().h1()).isEqualTo("The big page");
        assertThat(streamed.links().get(0).requestUrl()).startsWith("http://site.test/");
        assertThat(links(streamed)).contains("http://site.test/base/item7.html a [its page]",
                "http://site.test/pic7 a [Picture 7]", "http://site.test/bg7.png css []");
    }

    @Test
    void aStreamedPageIsDecodedInTheCharsetItDeclares() {
        Charset cp1251 = Charset.forName("windows-1251");
        byte[] html = bigPage("<meta charset=\"windows-1251\"><title>Привет</title>"
                + "<link rel=\"alternate\" href=\"/\u043c?q=\u043c\">", cp1251);
        LinkExtractor.Page page = extractor.extract(ResponseBody.of(html), null, PAGE);
        assertThat(page.title()).isEqualTo("Привет");
        // a link's query in the page's encoding, its path in UTF-8, as for a small page
        assertThat(links(page)).contains("http://site.test/%D0%BC?q=%EC alternate []");

        byte[] body = bigPage("<title>Café</title>", StandardCharsets.UTF_8);
        byte[] bom = new byte[body.length + 3];
        bom[0] = (byte) 0xef;
        bom[1] = (byte) 0xbb;
        bom[2] = (byte) 0xbf;
        System.arraycopy(body, 0, bom, 3, body.length);
        // the byte order mark wins over a header that says otherwise, as for a small page
        assertThat(extractor.extract(ResponseBody.of(bom), StandardCharsets.ISO_8859_1, PAGE).title())
                .isEqualTo("Café");
    }

    @Test
    void aStreamedPageThatDeclaresNoCharsetIsReadAsBrowsersReadIt() {
        Charset cp1252 = Charset.forName("windows-1252");
        byte[] latin = bigPage("<title>Caf\u00e9 na\u00efve</title>", cp1252);
        assertThat(extractor.extract(io.webprobe.http.ResponseBody.of(latin), null, PAGE).title())
                .isEqualTo("Caf\u00e9 na\u00efve");
        byte[] utf8 = bigPage("<title>Caf\u00e9 na\u00efve</title>", StandardCharsets.UTF_8);
        assertThat(extractor.extract(io.webprobe.http.ResponseBody.of(utf8), null, PAGE).title())
                .isEqualTo("Caf\u00e9 na\u00efve");
    }

    @Test
    void wordsAndFactsOfAStreamAreThoseOfTheWholeDocumentWhateverTheNesting() {
        String[] pages = {
            "<p>foo<b>bar</b> baz</p>",
            "<div>\n  <p>Some words, and <a href=x>its <b>page</b></a>.</p>\n</div>",
            "<p>a<b>b</b>c<i>d</i> e</p><div>f</div>g",
            "<ul><li>one<li>two<li>three</ul> after",
            "<h1>Head <a href=/h>line</a></h1><p>no&nbsp;break here</p>",
            "<table><tr><td>x</td><td>y<br>z</td></tr></table><style>.x{}</style>tail",
            "<div><div><span>deep</span>er</div>text</div><script>var x;</script>",
            "<frameset><frame src=/f1><frame src=/f2></frameset>",
            "<title>T</title><meta http-equiv=refresh content='0; url=/next'><p>moved</p>",
        };
        for (String html : pages) {
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            LinkExtractor.Page streamed = LargePage.extract(ResponseBody.of(bytes), StandardCharsets.UTF_8, PAGE);
            LinkExtractor.Page whole = extractor.extractWhole(bytes, StandardCharsets.UTF_8, PAGE);
            assertThat(streamed.info()).as(html).isEqualTo(whole.info());
            assertThat(streamed.title()).as(html).isEqualTo(whole.title());
            assertThat(links(streamed)).as(html).isEqualTo(links(whole));
            assertThat(streamed.refresh() == null).as(html).isEqualTo(whole.refresh() == null);
        }
    }

    /** The most of a page a streamed parse held at once: text characters and elements. */
    private record Held(long text, int elements) {}

    private static Held heldWhileParsing(byte[] html, LinkExtractor.Page[] result) {
        long[] text = {0};
        int[] elements = {0};
        int[] calls = {0};
        result[0] = LargePage.extract(ResponseBody.of(html), StandardCharsets.UTF_8, PAGE, doc -> {
            if (calls[0]++ % 128 != 0) {
                return;
            }
            long[] t = {0};
            int[] e = {0};
            org.jsoup.select.NodeTraversor.traverse((node, depth) -> {
                if (node instanceof org.jsoup.nodes.TextNode tn) {
                    t[0] += tn.getWholeText().length();
                } else if (node instanceof org.jsoup.nodes.Element) {
                    e[0]++;
                }
            }, doc);
            text[0] = Math.max(text[0], t[0]);
            elements[0] = Math.max(elements[0], e[0]);
        });
        return new Held(text[0], elements[0]);
    }

    /**
     * Pages no markup splits (a body of NUL bytes, a log in a pre, one long word) and pages
     * whose link or H1 is never closed around megabytes: what the parse holds at once stays
     * within a few of the bounds, not the page, and it finds what the whole document has
     * (the text of the unending link or H1 being its first 64K characters).
     */
    @Test
    void whatAStreamedPageHoldsIsBoundedWhateverThePageAndItsFindingsAreTheSame() {
        String dense = "word <b>bold</b> more <img src=/img.png alt=x> text<br>\n".repeat(60_000);
        String[] pages = {
            "<title>nul</title><p>" + "\u0000".repeat(3_000_000) + "</p><a href=/after>a</a>",
            "<title>pre</title><pre>" + "log line 42 ok\n".repeat(200_000) + "</pre><a href=/a>a</a>",
            "<title>word</title><p>" + "y".repeat(3_000_000) + " z</p><a href=/a>a</a>",
            "<title>link</title><p>intro</p><a href=/wrap>" + dense + "</a><a href=/a>a</a>",
            "<title>h1</title><h1>Head " + dense + "</h1><a href=/a>a</a>",
            "<title>both</title><h1><a href=/wrap>" + dense + "</a> tail</h1><p>x <a href=/a>a</a>",
        };
        long bound = LargePage.FOLD_AFTER + 4L * TokenBoundingReader.TEXT_PIECE;
        for (String page : pages) {
            byte[] html = ("<!doctype html><html><head></head><body>" + page + "</body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            String what = page.substring(0, 20);
            LinkExtractor.Page[] streamed = new LinkExtractor.Page[1];
            Held held = heldWhileParsing(html, streamed);
            LinkExtractor.Page whole = extractor.extractWhole(html, StandardCharsets.UTF_8, PAGE);

            assertThat(html.length).as(what).isGreaterThan(5 * (int) bound);
            assertThat(held.text()).as(what).isLessThan(bound);
            assertThat(held.elements()).as(what).isLessThan(20_000);
            assertThat(streamed[0].title()).as(what).isEqualTo(whole.title());
            assertThat(streamed[0].info().wordCount()).as(what)
                    .isEqualTo(whole.info().wordCount());
            assertThat(streamed[0].links()).as(what).extracting(l -> l.requestUrl() + " " + l.type())
                    .containsExactlyInAnyOrderElementsOf(whole.links().stream()
                            .map(l -> l.requestUrl() + " " + l.type()).toList());
            for (LinkExtractor.Link l : whole.links()) {
                String text = streamed[0].links().stream()
                        .filter(s -> s.key().equals(l.key())).findFirst().orElseThrow()
                        .anchorText();
                assertThat(l.anchorText()).as(what).startsWith(text);
                assertThat(text).as(what).hasSizeLessThanOrEqualTo(LargePage.TEXT_CAP);
            }
            String h1 = streamed[0].info().h1();
            assertThat(whole.info().h1()).as(what).startsWith(h1);
        }
    }
}
