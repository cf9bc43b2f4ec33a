package io.webprobe.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.webprobe.http.ResponseBody;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkExtractorTest {
    private static final String PAGE = "http://site.test/dir/page.html";
    private final LinkExtractor extractor = new LinkExtractor();

    private LinkExtractor.Page extract(String html) {
        return extractor.extract(ResponseBody.of(html.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8, PAGE);
    }

    /** "url type" pairs, in document order. */
    private String links(String html) {
        return extract(html).links().stream().map(l -> l.uri() + " " + l.type())
                .collect(Collectors.joining(" | "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '§', textBlock = """
            <a href="x.html">x</a>                            § http://site.test/dir/x.html a
            <area href="/map">                                § http://site.test/map area
            <img src="i.png" srcset="i2.png 2x, /i,3.png 3x"> § http://site.test/dir/i.png img | http://site.test/dir/i2.png srcset | http://site.test/i,3.png srcset
            <picture><source srcset="p.webp 1x"></picture>   § http://site.test/dir/p.webp srcset
            <script src="s.js"></script>                      § http://site.test/dir/s.js script
            <link rel="stylesheet" href="c.css">             § http://site.test/dir/c.css css
            <link rel="icon" href="/favicon.ico">             § http://site.test/favicon.ico icon
            <link rel="canonical" href="/canon">              § http://site.test/canon canonical
            <link rel="alternate" hreflang="de" href="/de/">  § http://site.test/de/ alternate
            <link rel="dns-prefetch" href="//cdn.test">       § ''
            <link rel="preconnect" href="https://cdn.test">   § ''
            <iframe src="f.html"></iframe>                    § http://site.test/dir/f.html iframe
            <frameset><frame src="fr.html"></frameset>        § http://site.test/dir/fr.html frame
            <video src="v.mp4" poster="v.jpg"><track src="t.vtt"></video> § http://site.test/dir/v.mp4 video | http://site.test/dir/v.jpg poster | http://site.test/dir/t.vtt track
            <audio src="a.mp3"></audio>                       § http://site.test/dir/a.mp3 audio
            <object data="o.swf"></object>                    § http://site.test/dir/o.swf object
            <embed src="e.swf">                               § http://site.test/dir/e.swf embed
            <div style="background: url('bg.png')"></div>    § http://site.test/dir/bg.png css
            <style>a{background:url(/s.png)} @import "imp.css"; /* url(no.png) */</style> § http://site.test/s.png css | http://site.test/dir/imp.css css
            <!-- <a href="commented.html">no</a> -->          § ''
            <a href="mailto:a@b.test">m</a><a href="tel:1">t</a><a href="javascript:void(0)">j</a><a href="data:text/plain,x">d</a><a href="ftp://f.test/">f</a> § ''
            <a href="  spaced.html  ">s</a>                   § http://site.test/dir/spaced.html a
            <a href="a b.html">s</a>                          § http://site.test/dir/a%20b.html a
            <a href="caf\u00e9.html">c</a>                    § http://site.test/dir/caf%C3%A9.html a
            <a href="x.html?a=1&amp;b=2">e</a>                § http://site.test/dir/x.html?a=1&b=2 a
            <a href="list?f[name]=x">b</a>                    § http://site.test/dir/list?f[name]=x a
            <a href="x.html#frag">1</a><a href="x.html">2</a> § http://site.test/dir/x.html a
            <a href="http://b\u00fccher.test/">i</a>          § http://xn--bcher-kva.test/ a
            <a href="http://My_Site.test:8080/p">u</a>        § http://my_site.test:8080/p a
            <base href="/other/"><a href="y.html">y</a>       § http://site.test/other/y.html a
            <base target="_blank"><a href="y.html">y</a>      § http://site.test/dir/y.html a
            <body background="b.png"><table background="t.png"><tr><th background="h.png"><td background="d.png"> § http://site.test/dir/b.png background | http://site.test/dir/t.png background | http://site.test/dir/h.png background | http://site.test/dir/d.png background
            <input type="IMAGE" src="go.png"><input type="text" src="no.png"> § http://site.test/dir/go.png input
            <svg><use xlink:href="/sprite.svg#i"></use><use href="/s2.svg#j" xlink:href="/old.svg#j"></use></svg> § http://site.test/sprite.svg use | http://site.test/s2.svg use
            <svg><use href="#inline"></use><image href="pic.png"/><image xlink:href="old.png"/></svg> § http://site.test/dir/pic.png image | http://site.test/dir/old.png image
            <blockquote cite="/c"></blockquote><form action="/f"></form><img longdesc="/l"> § ''
            <svg><a xlink:href="/old-link.html"><text>o</text></a><a href="/new.html" xlink:href="/no.html"><text>n</text></a></svg> § http://site.test/old-link.html a | http://site.test/new.html a
            <a xlink:href="/html-a-ignores-it.html">h</a>     § ''
            <link rel="preload" as="image" href="/fallback.png" imagesrcset="/p1.png 1x, /p2.png 2x"> § http://site.test/fallback.png link | http://site.test/p1.png srcset | http://site.test/p2.png srcset
            """)
    void findsEveryUrlBearingElement(String html, String expected) {
        String decoded = html.replace("\\u00e9", "é").replace("\\u00fc", "ü");
        assertEquals(expected, links(decoded));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '§', textBlock = """
            http://           § Malformed URL: no host name
            https:            § Malformed URL: no host name
            http://exa[mple.test/ § Malformed URL: the host name contains "["
            http://x.test:99999/ § Malformed URL: the port is out of range
            http://x.test:8o/ § Malformed URL: the port is not a number
            http://1.2.3.256/ § Malformed URL: the host is not a valid IPv4 address
            http://a!b.test/  § Malformed URL: the host name a!b.test cannot be requested
            http://exa mple.test/ § Malformed URL: the host name contains a space
            mailto:info.example.test § Malformed email address: no @ in info.example.test
            MailTo:a@b@c      § Malformed email address: more than one @ in a@b@c
            file:///C:/me/page.html § A file: link: browsers do not open it from a web page
            FILE:page.html    § A file: link: browsers do not open it from a web page
            """)
    void reportsMalformedHrefsAsInvalid(String href, String reason) {
        LinkExtractor.Page page = extract("<a href=\"" + href + "\">bad</a>");
        assertEquals(List.of(), page.links());
        assertEquals(1, page.invalid().size());
        assertEquals(href, page.invalid().get(0).href());
        assertEquals(reason, page.invalid().get(0).reason());
        assertEquals("bad", page.invalid().get(0).anchorText());
        assertEquals("a", page.invalid().get(0).type());
    }

    /**
     * A file: URL of a {@code <link>} fails as the browser uses it: one that loads a resource
     * (the HTML standard's external resources) is not loaded, one naming a page is not opened.
     * The link's type is as before: link, or its own (css, icon, alternate).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '§', textBlock = """
            preload                   § link § load
            MODULEPRELOAD             § link § load
            prefetch                  § link § load
            manifest                  § link § load
            ' next  prefetch'         § link § load
            mask-icon                 § link § load
            stylesheet                § css  § load
            'shortcut icon'           § icon § load
            next                      § link § open
            prev                      § link § open
            author                    § link § open
            license                   § link § open
            help                      § link § open
            preloaded                 § link § open
            alternate                 § alternate § open
            """)
    void aFileUrlOfALinkElementFailsAsTheBrowserUsesItsRel(String rel, String type,
            String fails) {
        LinkExtractor.Page page = extract("<link rel=\"" + rel + "\" href=\"file:///C:/x\">");
        assertEquals(List.of(), page.links());
        assertEquals(1, page.invalid().size());
        assertEquals(fails.equals("load") ? "A file: URL: browsers do not load it from a web page"
                : "A file: link: browsers do not open it from a web page",
                page.invalid().get(0).reason());
        assertEquals(type, page.invalid().get(0).type());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '§', textBlock = """
            5; url=/next                 § http://site.test/next
            0;URL='next.html'            § http://site.test/dir/next.html
            3, url="http://o.test/x"     § http://o.test/x
            0; /plain                    § http://site.test/plain
            5 url=/spaced                § http://site.test/spaced
            .5;url = 'q.html' junk       § http://site.test/dir/q.html
            0; url="/unclosed            § http://site.test/unclosed
            0; uri.html                  § http://site.test/dir/uri.html
            0; url=/a b                  § http://site.test/a%20b
            """)
    void metaRefreshIsThePagesRedirect(String content, String expected) {
        LinkExtractor.Page page = extract("<meta http-equiv=\"Refresh\" content=\""
                + content.replace("\"", "&quot;") + "\">");
        assertEquals(URI.create(expected), page.refresh().uri());
        assertEquals("meta-refresh", page.refresh().type());
    }

    // The false broken links of issue 10: requested as a browser requests them.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '§', textBlock = """
            <a href="/docs//page.html">e</a>                  § http://site.test/docs//page.html a
            <a href="/long/pa&#10;ge.html">n</a>              § http://site.test/long/page.html a
            <a href="/tab/pa&#9;ge.html">t</a>                § http://site.test/tab/page.html a
            <img src="images\\photo.jpg">                     § http://site.test/dir/images/photo.jpg img
            <a href="http:\\\\other.test\\x">b</a>               § http://other.test/x a
            <a href="/~user/">1</a><a href="/%7euser/">2</a>  § http://site.test/~user/ a
            <a href="/a%2Fb">1</a><a href="/a/b">2</a>        § http://site.test/a%2Fb a | http://site.test/a/b a
            <a href="HTTP://Site.TEST:80/x">u</a>             § http://site.test/x a
            <a href="http:ok-colon">c</a>                     § http://site.test/dir/ok-colon a
            <a href="http:/ok-one-slash">s</a>                § http://site.test/ok-one-slash a
            <a href="HTTP:/ok-upper">u</a>                    § http://site.test/ok-upper a
            <a href="HTTPS:/ok">h</a>                         § https://ok/ a
            <a href="https:ok.test/x">h</a>                   § https://ok.test/x a
            <a href="http:">e</a>                             § http://site.test/dir/page.html a
            <a href="https;//x.test/">t</a>                   § http://site.test/dir/https;//x.test/ a
            <a href="http//x.test/">t</a>                     § http://site.test/dir/http//x.test/ a
            """)
    void resolvesLinksAsABrowserDoes(String html, String expected) {
        assertEquals(expected, links(html));
    }

    /**
     * A link's URI is made when the crawl asks (once, for a URL it does not know) and not
     * kept: kept, a page of 200,000 new links held 200,000 URIs (~55 MB) while its links were
     * read (docs/benchmarks.md, "Hostile heads and pages").
     */
    @Test
    void aLinkMakesItsUriWhenAskedAndKeepsNone() {
        LinkExtractor.Link link = extract("<a href=\"/a?b=c\">a</a>").links().get(0);
        assertEquals(URI.create("http://site.test/a?b=c"), link.uri());
        org.assertj.core.api.Assertions.assertThat(link.uri()).isEqualTo(link.uri())
                .isNotSameAs(link.uri());
    }

    @Test
    void metaRefreshWithoutUrlIsNotALink() {
        assertNull(extract("<meta http-equiv=refresh content=\"30\">").refresh());
    }

    /** What a browser ignores: no delay first, or the delay not followed by ; , or a space. */
    @ParameterizedTest(name = "content={0}")
    @CsvSource(delimiter = '§', textBlock = """
            /no-delay.html
            https://other.test/
            -1; url=/negative
            5x; url=/glued
            ''
            """)
    void aRefreshABrowserIgnoresIsNotARedirect(String content) {
        assertNull(extract("<meta http-equiv=refresh content=\"" + content + "\">").refresh());
        assertEquals(List.of(), extract("<meta http-equiv=refresh content=\"" + content + "\">")
                .links());
    }

    @Test
    void anHrefLosesOnlyTheSpacesAndControlsABrowserStripsFromIt() {
        // a browser strips C0 controls and ASCII spaces around a URL, not U+3000 (an
        // ideographic space typed by mistake) nor U+2003: it requests them, encoded
        assertEquals("http://site.test/dir/x.html%E3%80%80 a"
                + " | http://site.test/dir/%E2%80%83y%E2%80%83 a | http://site.test/dir/z a"
                + " | http://site.test/dir/%E3%80%80 a",
                links("<a href=\"x.html\u3000\">x</a><a href=\"\u2003y\u2003\">y</a>"
                        + "<a href=\" \tz\n\">z</a><a href=\"\u3000\">w</a>"
                        + "<a href=\" \n\">self</a>"));
    }

    @Test
    void imageLinkTakesTheAltTextAsAnchorAndTitleIsTrimmed() {
        LinkExtractor.Page page = extract(
                "<title>  Hello  </title><a href=\"/x\"><img src=\"/i.png\" alt=\" Logo \"></a>");
        assertEquals("Hello", page.title());
        assertEquals("Logo", page.links().get(0).anchorText());
    }

    @Test
    void decodesTitlesInTheDeclaredCharset() {
        byte[] latin1 = "<meta charset=iso-8859-1><title>Caf\u00e9</title>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("Café", extractor.extract(ResponseBody.of(latin1), null, PAGE).title());
        byte[] cp1252 = "<title>\u201cq\u201d</title>".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertEquals("“q”", extractor.extract(ResponseBody.of(cp1252), java.nio.charset.Charset.forName("windows-1252"), PAGE).title());
    }

    @Test
    void readsCanonicalDescriptionH1WordsAndRobots() {
        LinkExtractor.Page page = extract("""
                <html><head><link rel="canonical" href="/canon">
                <meta name="description" content="  A   page ">
                <meta name="ROBOTS" content="NoIndex, Follow"></head>
                <body><h1> First  heading </h1><h1>Second</h1>
                <p>one two three</p><script>var not = "words";</script></body></html>
                """);
        PageInfo info = page.info();
        assertEquals("http://site.test/canon", info.canonical());
        assertEquals("A page", info.metaDescription());
        assertEquals("First heading", info.h1());
        assertEquals(6, info.wordCount()); // both headings and the paragraph; not the script
        assertEquals("noindex, follow", info.metaRobots());
        assertEquals(true, info.noindex());
        assertEquals(false, info.nofollow());
        assertEquals(new PageInfo("", "", "", 1, "", ""), extract("<p>x</p>").info());
    }

    @Test
    void wordsRunOnAcrossInlineElementsAndStopAtBlocksAsTheTextReads() {
        String[][] cases = {
            {"<p>foo<b>bar</b> baz</p>", "2"},
            {"<div>one</div><div>two</div>", "2"},
            {"<p>line<br>break</p>", "2"},
            {"<li>a</li><li>b</li><li>c</li>", "3"},
            {"<p>no&nbsp;break here</p>", "3"},
            {"<p>  </p><style>.x{}</style><p>only</p>", "1"},
            {"<table><tr><td>x</td><td>y</td></tr></table>", "2"},
        };
        for (String[] c : cases) {
            org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(c[0]);
            int expected = doc.body().text().split("\\s+").length;
            assertEquals(Integer.parseInt(c[1]), extract(c[0]).info().wordCount(), c[0]);
            assertEquals(expected, extract(c[0]).info().wordCount(), "as text() reads " + c[0]);
        }
    }

    @Test
    void anEmptyResourceUrlIsNoRequestAsInABrowser() {
        // img, script, link, iframe, video, embed, input type=image with src="" (or only
        // spaces) fetch nothing in a browser (an error event, or about:blank for a frame), so
        // they are no link of the page to itself; a real one beside them still is
        assertEquals("http://site.test/dir/x.png img", links("<img src=\"\"><img src=\"  \">"
                + "<script src=\"\"></script><link rel=stylesheet href=\"\">"
                + "<iframe src=\"\"></iframe><video src=\"\"></video><embed src=\"\">"
                + "<input type=image src=\"\"><img src=\"x.png\">"));
    }
}
