package io.webprobe.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrawlScopeTest {
    private static final CrawlScope SCOPE = CrawlScope.DEFAULT
            .withInclude(List.of(Pattern.compile("/docs/")))
            .withExclude(List.of(Pattern.compile("\\.pdf$"), Pattern.compile("/private/")))
            .withMaxUrlLength(60);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            http://s.test/docs/a.html                              | true  | none
            http://s.test/docs/a.pdf                               | true  | EXCLUDED
            http://s.test/docs/private/x                           | true  | EXCLUDED
            http://s.test/blog/x                                   | true  | NOT_INCLUDED
            http://s.test/blog/x                                   | false | none
            http://other.test/file.pdf                             | false | EXCLUDED
            http://s.test/docs/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | true | URL_TOO_LONG
            http://s.test/docs/a/b/a/b/a/b                         | true  | REPEATED_SEGMENTS
            http://s.test/docs/a/b/a/b                             | true  | none
            """)
    void decidesPerUrl(String url, boolean internal, SkipReason expected) {
        assertEquals(expected, SCOPE.check(URI.create(url), url, internal));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            www.example.test   | false | www.example.test  | false
            www.example.test   | true  | example.test      | true
            www.example.test   | true  | blog.example.test | true
            www.example.test   | true  | a.b.example.test  | true
            www.example.test   | true  | badexample.test   | false
            example.test       | true  | cdn.example.test  | true
            """)
    void subdomainsOfTheStartDomainAreInScopeWhenAskedFor(String start, boolean subdomains,
            String host, boolean expected) {
        CrawlScope scope = CrawlScope.DEFAULT.withSubdomains(subdomains);
        assertEquals(expected, scope.hostInScope(host, CrawlScope.domainOf(start)));
    }

    @Test
    void rejectsNonsenseLimits() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CrawlScope.DEFAULT.withMaxQueryVariants(0));
    }

    /**
     * A pattern is refused as never matching only when every branch is anchored at a path:
     * {@code ^/docs|/blog} matches /blog anywhere in a URL, and a | inside a group or a class
     * is not a branch of the whole pattern.
     */
    @Test
    void onlyAPatternWhoseEveryBranchIsAnchoredAtAPathNeverMatches() {
        assertEquals("can never match: patterns are matched against the whole URL, so write "
                + "'^https?://[^/]+/docs' to match from the start of the path, or '/docs' to "
                + "match it anywhere in the URL", CrawlScope.neverMatches("^/docs"));
        assertEquals("can never match: patterns are matched against the whole URL, so write "
                + "'^https?://[^/]+/a|^https?://[^/]+\\/b' to match from the start of the path, "
                + "or '/a|\\/b' to match it anywhere in the URL",
                CrawlScope.neverMatches("^/a|^\\/b"));
        assertEquals(null, CrawlScope.neverMatches("^/docs|/blog"));
        assertEquals(null, CrawlScope.neverMatches("/blog|^/docs"));
        assertEquals(null, CrawlScope.neverMatches("/docs"));
        assertEquals(null, CrawlScope.neverMatches("^https://site/docs"));
        org.assertj.core.api.Assertions.assertThat(CrawlScope.neverMatches("^/(a|b)")).isNotNull();
        org.assertj.core.api.Assertions.assertThat(CrawlScope.neverMatches("^/[|]x")).isNotNull();
        org.assertj.core.api.Assertions.assertThat(CrawlScope.neverMatches("^/\\|x")).isNotNull();
        for (String pattern : List.of("^/docs|/blog", "/blog|^/docs")) {
            assertEquals(true, Pattern.compile(pattern).matcher("https://site/blog").find());
        }
    }

    /**
     * An href that is no URL is matched as written, its scheme in lower case as every URL's
     * is: ^mailto: leaves out MAILTO: links too.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            MAILTO:Jane@@Example.test        | mailto:Jane@@Example.test
            File:///C:/Users/Me/page.html    | file:///C:/Users/Me/page.html
            HTTP://exa mple.test/A           | http://exa mple.test/A
            web+Foo:x                        | web+foo:x
            /a b:c                           | /a b:c
            a b:c                            | a b:c
            1a:b                             | 1a:b
            é:x                              | é:x
            :x                               | :x
            """)
    void anHrefThatIsNoUrlIsMatchedWithItsSchemeInLowerCase(String href, String matched) {
        assertEquals(matched, CrawlScope.hrefAsMatched(href));
        CrawlScope mail = CrawlScope.DEFAULT.withExclude(List.of(Pattern.compile("^mailto:")));
        assertEquals(matched.startsWith("mailto:"), mail.excludes(matched));
    }

    /**
     * The summary says the hrefs that are no URL an exclude pattern left out apart from the
     * URLs, told by their key in the crawl file's skips (a resume reads nothing else).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://example.test/a?b=1        | false
            https://example.test/            | false
            http://127.0.0.1:8081/%C3%A9     | false
            file:///usr/share/doc/a.html     | true
            mailto:jane@@example.test        | true
            http://exa mple.test/            | true
            http://                          | true
            a b:c                            | true
            """)
    void aCountedKeyIsAnHrefWhenItIsNoWebUrl(String key, boolean href) {
        assertEquals(href, CrawlScope.isHrefKey(key));
    }

    /**
     * Compare asks whether another crawl's patterns leave out each URL of a broken link's
     * redirects: the Location a redirect sent that is no URL ({@code http://[bad/}) was never
     * requested, so it is neither left out nor a failure of the whole comparison (it threw).
     */
    @Test
    void aRedirectsLocationThatIsNoUrlIsNeitherLeftOutNorAFailure() {
        assertEquals(false, SCOPE.excludesUrl("http://[bad/private/"));
        assertEquals(true, SCOPE.excludesUrl("http://s.test/private/x"));
        BrokenLink toBad = new BrokenLink("http://s.test/", "http://s.test/a", 301,
                io.webprobe.http.ErrorKind.INVALID_URL, "", "", "a", "http://[bad/",
                "http://s.test/a [301] → http://[bad/");
        assertEquals(List.of("http://s.test/a"), toBad.requestedUrls());
        BrokenLink loop = new BrokenLink("http://s.test/", "http://s.test/a", 302,
                io.webprobe.http.ErrorKind.REDIRECT_LOOP, "", "", "a", "",
                "http://s.test/a [302] → http://s.test/b [302] → http://s.test/a (loop)");
        assertEquals(List.of("http://s.test/a", "http://s.test/b", "http://s.test/a"),
                loop.requestedUrls());
    }
}
