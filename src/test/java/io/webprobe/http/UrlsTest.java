package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlsTest {
    // RFC 3986 section 5.4: every normal and abnormal example, against its base URI, as a
    // browser resolves them (WHATWG URL Standard): "//g" gets the path "/" every http URL has,
    // and "http:g" is relative to an http base (the "backward compatible" reading of RFC 3986
    // 5.4.2). The fragment is always dropped, so "#s" examples expect the URI without it.
    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            g:h           | g:h
            g             | http://a/b/c/g
            ./g           | http://a/b/c/g
            g/            | http://a/b/c/g/
            /g            | http://a/g
            //g           | http://g/
            ?y            | http://a/b/c/d;p?y
            g?y           | http://a/b/c/g?y
            '#s'          | http://a/b/c/d;p?q
            g#s           | http://a/b/c/g
            g?y#s         | http://a/b/c/g?y
            ;x            | http://a/b/c/;x
            g;x           | http://a/b/c/g;x
            g;x?y#s       | http://a/b/c/g;x?y
            ''            | http://a/b/c/d;p?q
            .             | http://a/b/c/
            ./            | http://a/b/c/
            ..            | http://a/b/
            ../           | http://a/b/
            ../g          | http://a/b/g
            ../..         | http://a/
            ../../        | http://a/
            ../../g       | http://a/g
            ../../../g    | http://a/g
            ../../../../g | http://a/g
            /../g         | http://a/g
            g.            | http://a/b/c/g.
            .g            | http://a/b/c/.g
            g..           | http://a/b/c/g..
            ..g           | http://a/b/c/..g
            ./../g        | http://a/b/g
            ./g/.         | http://a/b/c/g/
            g/./h         | http://a/b/c/g/h
            g/../h        | http://a/b/c/h
            g;x=1/./y     | http://a/b/c/g;x=1/y
            g;x=1/../y    | http://a/b/c/y
            g?y/./x       | http://a/b/c/g?y/./x
            g?y/../x      | http://a/b/c/g?y/../x
            g#s/./x       | http://a/b/c/g
            g#s/../x      | http://a/b/c/g
            http:g        | http://a/b/c/g
            """)
    void resolvesTheExamplesOfRfc3986(String href, String expected) throws Exception {
        assertEquals(URI.create(expected), Urls.resolve(URI.create("http://a/b/c/d;p?q"), href));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            /./g          | http://a/g
            /a/../g       | http://a/g
            /b/./c/../g   | http://a/b/g
            //g/./x/../y  | http://g/y
            """)
    void removesDotSegmentsFromRootAndProtocolRelativeLinks(String href, String expected)
            throws Exception {
        // RFC 3986 5.2.2: T.path = remove_dot_segments(R.path) when R.path starts with "/"
        assertEquals(URI.create(expected), Urls.resolve(URI.create("http://a/b/c/d;p?q"), href));
    }

    @ParameterizedTest(name = "\"{1}\" on {0} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            http://example.com/a/b.html  | c.html                       | http://example.com/a/c.html
            http://example.com/a/b.html  | /c.html                      | http://example.com/c.html
            http://example.com/a/b.html  | ../../../c.html              | http://example.com/c.html
            http://example.com/a/b.html  | ?q=1                         | http://example.com/a/b.html?q=1
            http://example.com/a/b.html?old=1 | ?q=1                    | http://example.com/a/b.html?q=1
            http://example.com/a/b.html  | #frag                        | http://example.com/a/b.html
            http://example.com/a/b.html#top | ''                        | http://example.com/a/b.html
            http://example.com/a/b.html  | '   '                        | http://example.com/a/b.html
            http://example.com/a/b.html  | '  c.html  '                 | http://example.com/a/c.html
            http://example.com/a/b.html  | https://other.org/x?y=1#z    | https://other.org/x?y=1
            http://example.com/a/b.html  | //cdn.example.net/x.js       | http://cdn.example.net/x.js
            https://example.com/a/b.html | //cdn.example.net/x.js       | https://cdn.example.net/x.js
            http://example.com           | a.html                       | http://example.com/a.html
            http://example.com           | ?q=1                         | http://example.com/?q=1
            http://example.com           | #frag                        | http://example.com/
            http://example.com           | ''                           | http://example.com/
            http://example.com:8080      | ../a.html                    | http://example.com:8080/a.html
            http://example.com?x=1       | #frag                        | http://example.com/?x=1
            http://example.com/a/b.html  | my page.html                 | http://example.com/a/my%20page.html
            http://example.com/a/b.html  | /search?q=a b                | http://example.com/search?q=a%20b
            http://example.com/a/b.html  | café.html                    | http://example.com/a/caf%C3%A9.html
            http://example.com/a/b.html  | /日本/                       | http://example.com/%E6%97%A5%E6%9C%AC/
            http://example.com/a/b.html  | /😀.html                     | http://example.com/%F0%9F%98%80.html
            http://example.com/a/b.html  | p?a=1&amp;b=2                | http://example.com/a/p?a=1&amp;b=2
            http://example.com/a/b.html  | p?a=&lt;x&gt;                | http://example.com/a/p?a=&lt;x&gt;
            http://example.com/a/b.html  | my%20page.html               | http://example.com/a/my%20page.html
            http://example.com/a/b.html  | my%2520page.html             | http://example.com/a/my%2520page.html
            http://example.com/a/b.html  | 100%.html                    | http://example.com/a/100%25.html
            http://example.com/a/b.html  | http://bücher.example/x      | http://xn--bcher-kva.example/x
            http://example.com/a/b.html  | http://例え.テスト/パス      | http://xn--r8jz45g.xn--zckzah/%E3%83%91%E3%82%B9
            http://example.com/a/b.html  | HTTP://EXAMPLE.COM/A         | http://example.com/A
            http://example.com/a/b.html  | /docs//page.html             | http://example.com/docs//page.html
            http://example.com/a/b.html  | '  /lo\\nng/pa\\tge.html  '   | http://example.com/long/page.html
            http://example.com/a/b.html  | images\\photo.jpg            | http://example.com/a/images/photo.jpg
            http://example.com/a/b.html  | \\\\cdn.example.net\\x.js     | http://cdn.example.net/x.js
            http://example.com/a/b.html  | /a%2Fb/x/%2e%2E/c            | http://example.com/a%2Fb/c
            http://example.com/a/b.html  | '/list?f[name]=x|y'          | http://example.com/list?f[name]=x%7Cy
            http://example.com/a/b.html  | '/p[1]|^'                    | http://example.com/p%5B1%5D%7C%5E
            http://example.com/a/b.html  | http://Example.COM:80/       | http://example.com/
            http://example.com/a/b.html  | http://example.com:/x        | http://example.com/x
            http://example.com/a/b.html  | https://example.com:443/x    | https://example.com/x
            http://example.com/a/b.html  | http://0x7f.1/               | http://127.0.0.1/
            http://example.com/a/b.html  | http://[0:0::1]:8080/        | http://[::1]:8080/
            http://example.com/a/b.html  | :foo                         | http://example.com/a/:foo
            http://example.com/a/b.html  | http:c.html                  | http://example.com/a/c.html
            http://example.com/a/b.html  | http://faß.example/          | http://xn--fa-hia.example/
            """)
    void resolvesLinksAsWrittenInPages(String base, String href, String expected)
            throws Exception {
        String written = href.replace("\\n", "\n").replace("\\t", "\t");
        assertEquals(expected, Urls.resolve(URI.create(base), written).toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://[broken/x           | the host is not a valid IPv6 address
            http://                    | no host name
            http://exa[mple.test/      | the host name contains "["
            http://h:99999/            | the port is out of range
            http://h:8o/               | the port is not a number
            http://256.256.256.256/    | the host is not a valid IPv4 address
            """)
    void refusesWhatABrowserRefusesWithAPlainReason(String href, String reason) {
        var e = assertThrows(java.net.URISyntaxException.class,
                () -> Urls.resolve(URI.create("http://example.com/"), href));
        assertEquals(reason, e.getReason());
        assertEquals(href, e.getInput());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mailto:a@example.com", "ftp://f.example/x", "javascript:void(0)"})
    void returnsLinksOfOtherSchemesAsWrittenForTheCallerToSkip(String href) throws Exception {
        assertEquals(URI.create(href), Urls.resolve(URI.create("http://example.com/"), href + "#f"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            HTTP://Example.COM/a                 | http://example.com/a
            http://example.com:80/a              | http://example.com/a
            https://example.com:443/a            | https://example.com/a
            https://example.com:80/a             | https://example.com:80/a
            http://example.com:8080/a            | http://example.com:8080/a
            http://example.com                   | http://example.com/
            http://example.com?q=1               | http://example.com/?q=1
            http://example.com/a/./b/../c        | http://example.com/a/c
            http://example.com/a/b/../../c/./d   | http://example.com/c/d
            http://example.com/a%2fb%3a          | http://example.com/a%2Fb%3A
            http://example.com/a%2Fb%3A          | http://example.com/a%2Fb%3A
            http://example.com/a?x=%2f&y=%e6     | http://example.com/a?x=%2F&y=%E6
            http://example.com/a#frag            | http://example.com/a
            http://example.com/a?q=1#frag        | http://example.com/a?q=1
            http://example.com/a?b=2&a=1         | http://example.com/a?b=2&a=1
            http://example.com/Case/Path         | http://example.com/Case/Path
            http://user@Example.com/a            | http://user@example.com/a
            http://example.com/%7euser/          | http://example.com/~user/
            http://example.com/%7Euser/%41%2d%5f | http://example.com/~user/A-_
            http://example.com/docs//page.html   | http://example.com/docs//page.html
            http://example.com/a%2fb             | http://example.com/a%2Fb
            http://example.com/?q=%7e%20         | http://example.com/?q=~%20
            http://EXAMPLE.com:8080/%e6          | http://example.com:8080/%E6
            """)
    void keyNormalisesOnlyWhatDoesNotChangeThePage(String url, String key) {
        assertEquals(key, Urls.key(URI.create(url)));
    }

    @Test
    void keyTellsApartWhatServersTellApart() {
        assertThat(Urls.key(URI.create("http://example.com/docs//page.html")))
                .isNotEqualTo(Urls.key(URI.create("http://example.com/docs/page.html")));
        assertThat(Urls.key(URI.create("http://example.com/a%2Fb")))
                .isNotEqualTo(Urls.key(URI.create("http://example.com/a/b")));
        assertThat(Urls.key(URI.create("https://example.com/")))
                .isNotEqualTo(Urls.key(URI.create("http://example.com/")));
    }

    @Test
    void keyIsTheSameForEveryFormOfOneUrl() throws Exception {
        URI base = URI.create("http://127.0.0.1:8080/dir/page.html");
        String[] forms = {
            "other.html",
            "./other.html",
            "/dir/other.html",
            "../dir/other.html",
            "other.html#section",
            "http://127.0.0.1:8080/dir/other.html",
            "HTTP://127.0.0.1:8080/dir/other.html",
            "//127.0.0.1:8080/dir/./other.html",
            "http://127.0.0.1:8080/dir/%6Fther.html",
            "\\dir\\other.html",
            "/dir/%2e/other.html",
            "/dir/sub/%2E%2e/other.html",
            "\t/dir/oth\ner.html ",
        };
        for (String href : forms) {
            assertThat(Urls.key(Urls.resolve(base, href)))
                    .as(href)
                    .isEqualTo("http://127.0.0.1:8080/dir/other.html");
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "->", nullValues = "null", textBlock = """
            http://h/a%zz                 -> /a%zz
            http://h:81/100%?p=5%         -> /100%?p=5%
            http://h?q=%zz                -> /?q=%zz
            http://h/a%zz#f               -> /a%zz
            http://h/a%25zz               -> null
            http://h/a%7Czz?q=1           -> null
            http://h/dir/a|b^c            -> /dir/a|b^c
            http://h/p?q=`{}|^            -> /p?q=`{}|^
            http://h/p[1]                 -> /p[1]
            http://h/list?f[name]=x       -> null
            http://[::1]:81/x             -> null
            http://h/a|b#{f}              -> /a|b
            http://h/a#{f}                -> null
            http://u%zz@h/a               -> null
            http://h/a#%zz                -> null
            """)
    void theRequestTargetIsTheBrowsersOnlyWhereTheUriCannotSayIt(String url, String target) {
        assertEquals(target, Urls.requestTarget(url));
    }

    @ParameterizedTest(name = "{1} on {0} -> {2}")
    @CsvSource(delimiterString = "|", textBlock = """
            http://h/dir%zz/page.html | next.html      | http://h/dir%zz/next.html
            http://h/dir/page.html    | /a%zz#f        | http://h/a%zz
            http://h/dir/page.html    | ../100%?p=5%   | http://h/100%?p=5%
            http://h/dir/page.html    | /a b%25        | http://h/a%20b%25
            http://h/dir/page.html    | mailto:x@y     | mailto:x@y
            """)
    void aRedirectsTargetResolvesAsABrowserResolvesItKeepingAStrayPercent(String base,
            String href, String expected) throws Exception {
        assertEquals(expected, Urls.resolveRequestUrl(base, href));
    }

    @Test
    void theUriOfARequestFormWritesAStrayPercentAs25() {
        assertEquals(URI.create("http://h/a%25zz?q=%41%25"), Urls.toUri("http://h/a%zz?q=%41%"));
        assertEquals(URI.create("http://h/a%25zz"), Urls.toUri("http://h/a%25zz"));
    }

    @Test
    void theUriOfARequestFormEscapesWhatUriRefusesAndNothingElse() {
        assertEquals(URI.create("http://h/a%7Cb%5E%5B1%5D?q=%60%7Bx%7D[y]%5C#f%23"),
                Urls.toUri("http://h/a|b^[1]?q=`{x}[y]\\#f#"));
        assertEquals(URI.create("http://[::1]:81/x"), Urls.toUri("http://[::1]:81/x"));
        // no browser serialisation holds a space: not a URL in the crawl's form
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Urls.toUri("http://h/a b"));
    }

    /** Both read what URI refuses with one rule: the fast path and the parser agree. */
    @ParameterizedTest
    @ValueSource(strings = {
        "http://h/a|b^[1]?q=`{x}[y]\\#f#g[h]",
        "http://[::1]:81/x[1]?y[2]#z[3]",
        "http://u:p@h/a%zz?q=%41%#%",
        "http://h/plain?q=1#f",
        "https://h:8443/a%7Cb/~c!$&'()*+,;=:@/",
    })
    void aRequestFormsUriIsTheOneItsParsedUrlMakes(String input) throws Exception {
        WebUrl url = WebUrl.parse(input);
        assertEquals(url.toUri(), Urls.toUri(url.requestUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://example.com/",
        "https://example.com:8443/a/b.html?x=1&y=2#frag",
        "http://example.com/a%20b/%E6%97%A5?q=%25#f",
        "/root/relative?q=1",
        "../up/one",
        "?only=query",
        "#only-fragment",
        "mailto:someone@example.com",
        "http://[::1]:8080/ipv6",
        "http://user:pw@example.com/a;p=1",
        "http://example.com/~user/a-b_c.d!$&'()*+,;=:@/",
    })
    void encodeIllegalLeavesValidUrlsUnchanged(String url) {
        assertEquals(url, Urls.encodeIllegal(url));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '\'', textBlock = """
            a b                        => a%20b
            'a\tb'                     => a%09b
            a"b<c>d                    => a%22b%3Cc%3Ed
            a{b}|c\\d^e`f              => a%7Bb%7D%7Cc%5Cd%5Ee%60f
            a#b#c                      => a#b%23c
            50%                        => 50%25
            %zz                        => %25zz
            é                          => %C3%A9
            😀                         => %F0%9F%98%80
            """)
    void encodeIllegalEscapesWhatMayNotAppearInAUri(String in, String expected) {
        assertEquals(expected, Urls.encodeIllegal(in));
    }

    /**
     * A host name with an underscore, which browsers accept: {@link URI} reads the authority as
     * registry-based (no host, port -1), and the host and port are read as a browser does.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://a_b.localhost:8080/x        | a_b.localhost         | 8080 | a_b.localhost:8080
            http://My_Site.Example.test/       | my_site.example.test  | 80   | my_site.example.test
            https://my_site.example.test/      | my_site.example.test  | 443  | my_site.example.test
            https://my_site.example.test:443/  | my_site.example.test  | 443  | my_site.example.test
            https://my_site.example.test:80/   | my_site.example.test  | 80   | my_site.example.test:80
            http://user@a_b.test:81/p?q        | a_b.test              | 81   | a_b.test:81
            http://_/                          | _                     | 80   | _
            http://Example.com:8080/           | example.com           | 8080 | example.com:8080
            'http://[::1]:8080/'               | '[::1]'               | 8080 | '[::1]:8080'
            """)
    void readsTheHostAndPortAsABrowserDoesWhenURIHasNoHost(String url, String host, int port,
            String hostAndPort) {
        URI uri = URI.create(url);
        assertEquals(List.of(host, port, hostAndPort),
                List.of(Urls.host(uri), Urls.port(uri), Urls.hostAndPort(uri)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://a!b.test/", "http://a~b.test/", "http://a_b.test:99999/",
            "mailto:a_b@example.com", "ftp://a_b.test/", "/relative/a_b"})
    void hasNoHostWhenNoRequestCanBeMadeToIt(String url) {
        URI uri = URI.create(url);
        assertEquals("", Urls.host(uri));
        assertEquals(Urls.host(uri), Urls.hostAndPort(uri));
        assertThat(UrlSyntax.problem(uri)).isNotNull();
    }

    @Test
    void anUnderscoreHostIsRequestable() {
        assertThat(UrlSyntax.problem(URI.create("http://a_b.localhost:8080/"))).isNull();
        assertThat(Urls.isRequestableHost("a_b.example")).isTrue();
        assertThat(Urls.isRequestableHost("[::1]")).isTrue();
        assertThat(Urls.isRequestableHost("a!b.example")).isFalse();
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            http://s/cs3.html       | http://s/%63s3.html       | true
            http://s/a~b            | http://s/a%7eb            | true
            HTTP://S:80/a           | http://s/a                | true
            http://s/a%2f           | http://s/a%2F             | true
            http://s/a#top          | http://s/a                | true
            http://s/a%2Fb          | http://s/a/b              | false
            http://s/a              | http://s/a/               | false
            http://s/a%zz           | http://s/a%zz             | true
            not a url               | http://s/                 | false
            """)
    void sameKeyFollowsTheDedupRule(String a, String b, boolean same) {
        assertEquals(same, Urls.sameKey(a, b));
    }
}
