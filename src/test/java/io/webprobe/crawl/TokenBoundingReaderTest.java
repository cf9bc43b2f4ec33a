package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.Test;

/**
 * What jsoup gets of a large page: the page itself, except that no token it must build whole
 * (a text run, a tag, a value, a comment, a script) is longer than the bounds, and what the
 * page says (links, title, words) is what it says unbounded.
 */
class TokenBoundingReaderTest {
    private static final String PAGE = "http://site.test/page.html";
    private static final int PIECE = TokenBoundingReader.TEXT_PIECE;

    private static String bounded(String html) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Reader r = new TokenBoundingReader(new StringReader(html))) {
            char[] buf = new char[1000]; // smaller than the reader's: reads end mid-way
            for (int n; (n = r.read(buf)) >= 0; ) {
                out.append(buf, 0, n);
            }
        }
        return out.toString();
    }

    @Test
    void aPageWithoutLongTokensPassesThroughUnchanged() throws IOException {
        List<String> pages = List.of(
                "<!doctype html><html><head><title>T &amp; U</title></head><body>x</body></html>",
                "<p>a < b and c > d, <b>bold</b> &lt;tag&gt;</p><br/><img src=x alt='a > b'>",
                "<a href=\"/x?a=1&b=2\" title='it\"s'>l</a><a href=/y data-x=a=b>m</a>",
                "<!--c--><!----><!--><!---><!-- a -- b --!><p>after</p><!-x><!>",
                "<?xml x?></ x></><div / id=a/ ></div><input value=\"a'b>c\"/>",
                "<script>if (a < b && c > d) x = \"</scr\" + \"ipt>\";</script><p>p</p>",
                "<style>a{background:url(/x.png)}</style><textarea><a href=/no></textarea>",
                "<title>a</titl</title><xmp><p></xmp><iframe><a></iframe><noscript><a></noscript>",
                "<SCRIPT>x</SCRIPT ><script>y</script/>z<plaintext><a href=/no></plaintext>",
                "<p>\u0000nul\u0000</p><svg><title>t</title><a href=/s>s</a></svg>",
                "<script>unfinished </scr");
        for (String page : pages) {
            assertThat(bounded(page)).as(page).isEqualTo(page);
        }
    }

    /** The longest text node, attribute value, comment and script in jsoup's document. */
    private record Longest(int text, int value, int comment, int data) {
        static Longest of(Document doc) {
            int[] m = new int[4];
            NodeTraversor.traverse((node, depth) -> {
                if (node instanceof TextNode t) {
                    m[0] = Math.max(m[0], t.getWholeText().length());
                } else if (node instanceof Comment c) {
                    m[2] = Math.max(m[2], c.getData().length());
                } else if (node instanceof DataNode d) {
                    m[3] = Math.max(m[3], d.getWholeData().length());
                }
                if (node instanceof Element el) {
                    el.attributes().forEach(a -> m[1] = Math.max(m[1], a.getValue().length()));
                }
            }, doc);
            return new Longest(m[0], m[1], m[2], m[3]);
        }
    }

    private static LinkExtractor.Page findings(String html) {
        return new LinkExtractor().extractWhole(html.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8, PAGE);
    }

    private static List<String> links(LinkExtractor.Page p) {
        return p.links().stream().map(l -> l.requestUrl() + " " + l.type()).toList();
    }

    @Test
    void longTextIsCutIntoPiecesThatChangeNeitherItsWordsNorItsLinks() throws IOException {
        String words = "lorem ipsum dolor sit amet ".repeat(20_000); // 540,000 characters
        String html = "<html><head><title>T</title></head><body><pre>" + words
                + "<a href=/after>after</a></pre><p>" + words + "</p></body></html>";

        String out = bounded(html);
        Longest longest = Longest.of(Jsoup.parse(out));

        // a piece ends at the first whitespace after its 64K characters
        assertThat(longest.text()).isBetween(PIECE, PIECE + 6);
        assertThat(links(findings(out))).isEqualTo(links(findings(html)))
                .containsExactly("http://site.test/after a");
        assertThat(findings(out).info()).isEqualTo(findings(html).info());
        assertThat(findings(out).info().wordCount()).isEqualTo(2 * 100_000 + 1);
    }

    @Test
    void aWordOrAWhitespaceRunOfMegabytesKeepsItsStartAndStaysOneWordOrSpace()
            throws IOException {
        for (String run : List.of("a", "\u0000", "é", " ", "\n")) {
            String html = "<body><p>x " + run.repeat(1_000_000) + " y</p><a href=/after>z</a>";
            String out = bounded(html);
            assertThat(out.length()).as(run).isLessThan(PIECE + 100);
            assertThat(Longest.of(Jsoup.parse(out)).text()).as(run).isLessThanOrEqualTo(PIECE + 10);
            assertThat(links(findings(out))).as(run).containsExactly("http://site.test/after a");
            assertThat(findings(out).info().wordCount()).as(run)
                    .isEqualTo(findings(html).info().wordCount());
        }
    }

    @Test
    void aValueATagACommentAndAScriptKeepTheirStartAndEndAsThePageEndsThem()
            throws IOException {
        String big = "b".repeat(1_000_000);
        String spaced = "b b-->".repeat(100_000);
        String html = "<html><head><title>T" + big + "</title>"
                + "<script>var s = '</scr" + big + "'; if (a < b) {}</script>"
                + "<style>.a{background:url(/first.png)}" + spaced + "</style></head><body>"
                + "<a title=\"" + big + "\" href=\"/a\">a</a>"
                + "<a title='" + big + "' href='/b'>b</a>"
                + "<a title=" + big + " href=/c>c</a>"
                + "<a " + "x=y ".repeat(100_000) + "href=/lost>d</a>"
                + "<img src=\"/img.png\" " + "z ".repeat(100_000) + "alt=\"a > b\">"
                + "<!--" + "c - c > c -- c --! c ".repeat(50_000) + "<a href=/in-comment>no</a>-->"
                + "<!--" + big + "--!><a href=/e>e</a>"
                + "<p>" + big + "</p><a href=/last>last</a></body></html>";

        String out = bounded(html);
        Document doc = Jsoup.parse(out);
        Longest longest = Longest.of(doc);

        assertThat(longest.value()).isEqualTo(TokenBoundingReader.VALUE_CAP);
        assertThat(longest.comment()).isLessThanOrEqualTo(PIECE + 2);
        assertThat(longest.data()).isLessThanOrEqualTo(TokenBoundingReader.RAW_CAP);
        assertThat(doc.title()).hasSize(TokenBoundingReader.RAW_CAP).startsWith("Tbbb");
        assertThat(links(findings(out))).containsExactly(
                "http://site.test/first.png css",
                "http://site.test/a a", "http://site.test/b a", "http://site.test/c a",
                "http://site.test/img.png img",
                "http://site.test/e a", "http://site.test/last a");
        assertThat(doc.select("a[href=/lost]")).isEmpty(); // past its tag's first 64K
        assertThat(doc.select("img").attr("alt")).isEmpty();
    }

    /** Markup that must leave this reader where the tokenizer is: text, after each. */
    private static final List<String> MARKUP = List.of(
            "<p>para</p>", "<a href=/l1>one</a>", "<a href='/l2' title='x > y'>two</a>",
            "<a href=\"/l3\" title=\"it's > \">three</a>", "<div class=a/b data-x=c=d>t</div>",
            "<img src=/i1 alt=\"a<b\">", "<br/>", "<hr / >", "<a href=/l4 / >four</a>",
            "<!-- c <a href=/no1> -- --!x -->", "<!---->", "<!-->", "<!--->", "<!-x>",
            "<!DOCTYPE html>", "<?pi x?>", "</>", "</ x>", "a < b", "c <= d", "<3 ",
            "<script>if (a<b) document.write('<a href=/no2>x</a></scr'+'ipt>');</script>",
            "<style>a{b:url(/css1.png)} </styl </style>", "<title>t < x</title>",
            "<textarea><a href=/no3></textarea>", "<xmp><a href=/no4></xmp>",
            "<iframe src=/f1><a href=/no5></iframe>", "<noscript><a href=/ns1>n</a></noscript>",
            "<SCRIPT type=x>y</SCRIPT >", "<svg><a href=/s1>s</a></svg>",
            "<table><tr><td>cell</td></tr></table>", "<select><option>o</option></select>",
            "&amp; &lt; &#60;", "<b>bold <i>it</i></b>", "<h1>head <a href=/h1a>line</a></h1>",
            "<a href=/l5 title=>five</a>", "<a href=/l6 title=\"\"/>six</a>");

    /**
     * Random pages of that markup with long text between (runs of words, one long word):
     * whatever came before, the reader is in text where the page is, so it cuts the text
     * there, and the page's links, title and words come out as they do unbounded.
     */
    @Test
    void afterAnyMarkupTheReaderIsInTextWhereThePageIs() throws IOException {
        java.util.Random random = new java.util.Random(20261204);
        String words = "w ".repeat(150_000);
        String word = "x".repeat(150_000);
        for (int page = 0; page < 30; page++) {
            StringBuilder html = new StringBuilder("<html><head><title>T</title></head><body>");
            for (int i = 0; i < 40; i++) {
                html.append(MARKUP.get(random.nextInt(MARKUP.size())));
                if (i % 10 == 9) {
                    html.append(random.nextBoolean() ? words : word).append(' ');
                }
            }
            String original = html.toString();
            String out = bounded(original);
            LinkExtractor.Page whole = findings(original);
            LinkExtractor.Page cut = findings(out);
            assertThat(links(cut)).as(original.replace(words, "WORDS").replace(word, "WORD"))
                    .isEqualTo(links(whole));
            assertThat(cut.title()).isEqualTo(whole.title());
            assertThat(cut.info()).isEqualTo(whole.info());
            assertThat(Longest.of(Jsoup.parse(out)).text()).isLessThanOrEqualTo(PIECE + 10);
        }
    }
}
