package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the web-platform-tests table does not cover: the request form, the key, IDNA. */
class WebUrlTest {
    private static final WebUrl PAGE = parse("http://example.com/dir/page.html?q=1#top");

    private static WebUrl parse(String s) {
        try {
            return WebUrl.parse(s);
        } catch (WebUrlException e) {
            throw new AssertionError(s + ": " + e.getMessage(), e);
        }
    }

    @Test
    void hasEveryComponent() {
        WebUrl url = parse("HTTPS://us%65r:p%40ss@Example.COM:8443/a/./b/../c?x=1&y#frag");
        assertEquals("https", url.scheme());
        assertThat(url.isHttps()).isTrue();
        assertEquals("us%65r", url.username());
        assertEquals("p%40ss", url.password());
        assertEquals("example.com", url.host());
        assertEquals(8443, url.port());
        assertEquals(8443, url.effectivePort());
        assertEquals("/a/c", url.path());
        assertEquals("x=1&y", url.query());
        assertEquals("frag", url.fragment());
        assertEquals("https://us%65r:p%40ss@example.com:8443/a/c?x=1&y#frag", url.href());
        assertEquals(url.href(), url.toString());
    }

    @Test
    void absentPartsAreEmptyOrNullAndTheDefaultPortIsMinusOne() {
        WebUrl url = parse("http://example.com");
        assertEquals("", url.username());
        assertEquals("", url.password());
        assertEquals(-1, url.port());
        assertEquals(80, url.effectivePort());
        assertEquals(443, parse("https://example.com:443/").effectivePort());
        assertEquals("/", url.path());
        assertNull(url.query());
        assertNull(url.fragment());
        assertEquals("", parse("http://h/?#").query());
        assertEquals("", parse("http://h/?#").fragment());
    }

    @Test
    void withoutFragmentDropsOnlyTheFragment() throws Exception {
        WebUrl url = PAGE.withoutFragment();
        assertEquals("http://example.com/dir/page.html?q=1", url.href());
        assertEquals("q=1", url.query());
        assertNull(url.fragment());
        assertSame(url, url.withoutFragment());
        assertEquals("http://example.com/dir/page.html?q=1#a",
                WebUrl.parse("#a", url).href(), "still a base");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiterString = "->", quoteCharacter = '\'', textBlock = """
            other.html          -> http://example.com/dir/other.html
            ?p=2                -> http://example.com/dir/page.html?p=2
            '#x'                -> http://example.com/dir/page.html?q=1#x
            ''                  -> http://example.com/dir/page.html?q=1
            //cdn.example.net   -> http://cdn.example.net/
            https:x             -> https://x/
            a//b/./c/../d       -> http://example.com/dir/a//b/d
            ..%2f..%2Fx         -> http://example.com/dir/..%2f..%2Fx
            .%2E/x              -> http://example.com/x
            '/a b/"q"/<t>/`{}`' -> http://example.com/a%20b/%22q%22/%3Ct%3E/%60%7B%7D%60
            '?a b"c#d e'        -> http://example.com/dir/page.html?a%20b%22c#d%20e
            ?it's               -> http://example.com/dir/page.html?it%27s
            """)
    void resolvesAgainstABase(String href, String expected) throws Exception {
        assertEquals(expected, WebUrl.parse(href, PAGE).href());
    }

    @Test
    void refusesOtherSchemesAndRelativeLinksWithoutBase() {
        var mailto = assertThrows(WebUrlException.class, () -> WebUrl.parse("MailTo:a@b", PAGE));
        assertEquals(WebUrlException.Problem.NOT_HTTP, mailto.problem());
        assertEquals("mailto", mailto.detail());
        var relative = assertThrows(WebUrlException.class, () -> WebUrl.parse("a.html"));
        assertEquals(WebUrlException.Problem.MISSING_SCHEME, relative.problem());
        var ws = assertThrows(WebUrlException.class, () -> WebUrl.parse("wss://h/", PAGE));
        assertEquals(WebUrlException.Problem.NOT_HTTP, ws.problem());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "->", textBlock = """
            http://h/p[1]|^x           -> http://h/p%5B1%5D%7C%5Ex
            http://h/?a[]=1&b={x}|\\^` -> http://h/?a[]=1&b=%7Bx%7D%7C%5C%5E%60
            http://h/100%.html?p=5%    -> http://h/100%25.html?p=5%25
            http://h/a%2fb%zz          -> http://h/a%2fb%25zz
            http://h/#a#b[c]           -> http://h/#a%23b[c]
            http://[::1]:81/[x]        -> http://[::1]:81/%5Bx%5D
            """)
    void toUriEscapesOnlyWhatUriCannotHold(String input, String uri) {
        URI u = parse(input).toUri();
        assertEquals(uri, u.toString());
        assertThat(u.getHost()).isNotNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "->", textBlock = """
            http://h/a%zz              -> http://h/a%zz
            http://h/100%.html?p=5%    -> http://h/100%.html?p=5%
            http://h/a%2fb%zz%         -> http://h/a%2fb%zz%
            http://h/%%41              -> http://h/%%41
            http://h/a%25zz            -> http://h/a%25zz
            http://h/p[1]|^x%zz        -> http://h/p[1]|^x%zz
            http://h/a%zz#f%           -> http://h/a%zz#f%
            http://h/a|b^c             -> http://h/a|b^c
            http://h/p?q=`{}|^\\       -> http://h/p?q=`{}|^\\
            http://h/#a#b[c]           -> http://h/#a#b[c]
            http://[::1]:81/[x]?[y]    -> http://[::1]:81/[x]?[y]
            http://h/a"b<c>            -> http://h/a%22b%3Cc%3E
            """)
    void requestUrlIsTheBrowsersSerialisationWhatUriRefusesIncluded(String input,
            String requestUrl) {
        WebUrl url = parse(input);
        assertEquals(requestUrl, url.requestUrl());
        assertEquals(url.toUri(), Urls.toUri(url.requestUrl()), "the URI from the request form");
    }

    @Test
    void requestUrlIsTheHrefItself() {
        WebUrl url = parse("http://h/p|x?q={1}");
        assertSame(url.href(), url.requestUrl());
    }

    @Test
    void toUriKeepsTheBrowsersBytesOtherwise() {
        WebUrl url = parse("http://h/docs//a%2Fb/%7e/;p=1/'x'?q='x'&y=~#f");
        assertEquals(url.href(), url.toUri().toString());
        assertEquals("/docs//a%2Fb/%7e/;p=1/'x'", url.toUri().getRawPath());
        assertEquals("q=%27x%27&y=~", url.toUri().getRawQuery());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "->", textBlock = """
            http://h/~user/                  -> http://h/~user/
            http://h/%7euser/                -> http://h/~user/
            http://h/%7Euser/%41%62%2D%2e%5F -> http://h/~user/Ab-._
            http://h/a%2fb%3a%e6%97%a5       -> http://h/a%2Fb%3A%E6%97%A5
            http://H:80/a?x=%7e&y=%2f#f      -> http://h/a?x=~&y=%2F
            https://h:443/docs//page         -> https://h/docs//page
            http://h/p|[x]                   -> http://h/p%7C%5Bx%5D
            http://h/p%7c%5bx%5d             -> http://h/p%7C%5Bx%5D
            http://h/100%.html               -> http://h/100%25.html
            http://h/?q=a%20b+c              -> http://h/?q=a%20b+c
            """)
    void keyDecodesUnreservedEscapesAndUpperCasesTheRest(String url, String key) {
        assertEquals(key, parse(url).key());
        assertEquals(key, Urls.key(parse(url).toUri()), "the same key from the URI");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "->", textBlock = """
            http://faß.example/      -> http://xn--fa-hia.example/
            http://FASS.example/     -> http://fass.example/
            http://ὀδυσσεύς.example/ -> http://xn--pxac3bcak3d8526a.example/
            http://σος.example/      -> http://xn--0xagb.example/
            http://bücher.example/   -> http://xn--bcher-kva.example/
            http://BÜCHER.example/   -> http://xn--bcher-kva.example/
            http://xn--bcher-kva.ex/ -> http://xn--bcher-kva.ex/
            http://a.b.c./           -> http://a.b.c./
            http://a..b/             -> http://a..b/
            """)
    void convertsInternationalNamesAsBrowsersDo(String input, String href) {
        assertEquals(href, parse(input).href());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "->", textBlock = """
            http://xn--a.example/     -> INVALID_DOMAIN
            http://a\u00ADb\u200B.ex/ -> OK
            http://%41.com/           -> OK
            http://a%2F.com/          -> FORBIDDEN_HOST_CHARACTER
            http://a%00.com/          -> FORBIDDEN_HOST_CHARACTER
            http://1.2.3.08/          -> INVALID_IPV4
            http://[::1]x/            -> INVALID_IPV6
            http://[1::2::3]/         -> INVALID_IPV6
            """)
    void checksHosts(String input, String problem) {
        if (problem.equals("OK")) {
            assertThat(parse(input).host()).doesNotContain("%", "\u00AD", "\u200B");
            return;
        }
        var e = assertThrows(WebUrlException.class, () -> WebUrl.parse(input));
        assertEquals(WebUrlException.Problem.valueOf(problem), e.problem());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "->", textBlock = """
            http://[0:0:0:0:0:0:0:1]/    -> http://[::1]/
            http://[1:0:0:2:0:0:0:3]/    -> http://[1:0:0:2::3]/
            http://[1:0:0:2:0:0:3:4]/    -> http://[1::2:0:0:3:4]/
            http://[ABCD:0::0:EF]/       -> http://[abcd::ef]/
            http://[::ffff:192.168.0.1]/ -> http://[::ffff:c0a8:1]/
            http://[1:2:3:4:5:6:7:8]/    -> http://[1:2:3:4:5:6:7:8]/
            http://0300.0250.0.1/        -> http://192.168.0.1/
            http://3232235521/           -> http://192.168.0.1/
            http://0x7f.1/               -> http://127.0.0.1/
            http://0x/                   -> http://0.0.0.0/
            """)
    void normalisesIpAddresses(String input, String href) {
        assertEquals(href, parse(input).href());
    }

    @Test
    void unpairedSurrogatesAreEncodedAsReplacementCharacters() {
        assertEquals("http://h/a%EF%BF%BDb?%EF%BF%BD", parse("http://h/a\uD800b?\uDC00").href());
        assertEquals("http://h/%F0%9F%98%80", parse("http://h/\uD83D\uDE00").href());
    }

    @Test
    void equalWhenTheSerialisationsAreEqual() throws Exception {
        assertEquals(parse("HTTP://H:80/a/../b"), WebUrl.parse("/b", parse("http://h/x")));
        assertEquals(parse("http://h/b").hashCode(), parse("HTTP://H/./b").hashCode());
        assertThat(parse("http://h/b")).isNotEqualTo(parse("http://h/b#"));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '§', textBlock = """
            /caf\u00e9?q=caf\u00e9#caf\u00e9 § windows-1252 § /caf%C3%A9?q=caf%E9#caf%C3%A9
            ?q=\u0100\u20ac        § windows-1252 § /dir/page.html?q=%26%23256%3B%80
            ?q=\u65e5\u672c        § Shift_JIS    § /dir/page.html?q=%93%FA%96{
            ?q='\u00e9 x           § ISO-8859-2   § /dir/page.html?q=%27%E9%20x
            ?q=\u00e9              § UTF-16LE     § /dir/page.html?q=%C3%A9
            ?q=\u00e9              § UTF-8        § /dir/page.html?q=%C3%A9
            ?q=\u00e9              § ISO-2022-CN  § /dir/page.html?q=%C3%A9
            ?q=a\ud800b            § windows-1252 § /dir/page.html?q=a%26%2365533%3Bb
            """)
    void aQueryIsEncodedInTheEncodingOfTheDocumentItIsWrittenIn(String href, String encoding,
            String expected) throws Exception {
        // the second byte of \u672c in Shift_JIS is "{", which a query holds as it is
        assertEquals("http://example.com" + expected,
                WebUrl.parse(href, PAGE, java.nio.charset.Charset.forName(encoding)).href());
    }
}
