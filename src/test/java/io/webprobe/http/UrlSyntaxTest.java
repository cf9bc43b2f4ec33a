package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlSyntaxTest {
    /** A second sentence starts after ". " or "! " or "? " followed by an upper-case letter. */
    private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?]\\s+\\p{Lu}");
    /** Words of parsers and stack traces, which a user should never read. */
    private static final String[] PARSER_WORDS = {
        "authority", "scheme name", "Expected", "Exception", "java.", "index ", "null",
        "Illegal character", "URISyntax",
    };

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            example.com                         | http://example.com/
            example.com/docs                    | http://example.com/docs
            www.example.com/a?q=1#top           | http://www.example.com/a?q=1#top
            127.0.0.1:8080                      | http://127.0.0.1:8080/
            localhost:8080/docs                 | http://localhost:8080/docs
            localhost                           | http://localhost/
            LOCALHOST/x                         | http://localhost/x
            '[::1]:8080/'                       | http://[::1]:8080/
            '[::1]'                             | http://[::1]/
            example.com:80/x                    | http://example.com/x
            bücher.example                      | http://xn--bcher-kva.example/
            http://example.com                  | http://example.com/
            https://example.com/                | https://example.com/
            '  https://example.com/a?q=1  '     | https://example.com/a?q=1
            HTTPS://Example.com/                | https://example.com/
            http://127.0.0.1:8080/x#frag        | http://127.0.0.1:8080/x#frag
            https://example.com/a b             | https://example.com/a%20b
            https://bücher.example/             | https://xn--bcher-kva.example/
            http:example.com                    | http://example.com/
            'http:\\\\example.com\\docs'         | http://example.com/docs
            https://example.com:443/            | https://example.com/
            http://0x7f.1:8080/                 | http://127.0.0.1:8080/
            a_b.localhost:8080                  | http://a_b.localhost:8080/
            //example.com/docs                  | http://example.com/docs
            //127.0.0.1:8080                    | http://127.0.0.1:8080/
            https://My_Site.example.test/       | https://my_site.example.test/
            """)
    void acceptsWhatAnAddressBarAccepts(String input, String expected) throws Exception {
        assertEquals(URI.create(expected), UrlSyntax.parseUserUrl(input));
    }

    @Test
    void acceptsNewlinesAndTabsPastedIntoTheField() throws Exception {
        assertEquals(URI.create("http://example.com/docs/page.html"),
                UrlSyntax.parseUserUrl("\thttp://example.com/docs/\npage.html\r\n"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            ''                       | Enter an address to start, for example https://example.com/.
            '   '                    | Enter an address to start, for example https://example.com/.
            http://                  | The address has no host name after http://.
            https://                 | The address has no host name after https://.
            http:                    | The address has no host name after http://.
            http://user@/x           | The address has no host name after http://.
            http://user:pw@example.com:8080/ | The address has a user name or password in it (before the @); Webprobe does not take those from an address: remove them, and sign in with --user on the command line (the app asks when the site does).
            http://user@example.com/ | The address has a user name or password in it (before the @); Webprobe does not take those from an address: remove them, and sign in with --user on the command line (the app asks when the site does).
            http://127.0.0.1:99999/  | Port 99999 is out of range: ports go from 1 to 65535.
            localhost:65536          | Port 65536 is out of range: ports go from 1 to 65535.
            http://127.0.0.1:0/      | Port 0 is out of range: ports go from 1 to 65535.
            http://example.com:80a/  | The port "80a" is not a number: ports go from 1 to 65535.
            example.com:http         | The port "http" is not a number: ports go from 1 to 65535.
            http://127.0.0.1:18095 /a b | The address has a space after the port 18095; remove it (a space in a path is written %20).
            htp://x                  | The address starts with htp:// instead of http:// or https://; did you mean http://x?
            htps://example.com/a     | The address starts with htps:// instead of http:// or https://; did you mean https://example.com/a?
            htp:/127.0.0.1:8901      | The address starts with htp:/ instead of http:// or https://; did you mean http://127.0.0.1:8901?
            http//x                  | The address has no colon after http; did you mean http://x?
            'htp:/bad url'           | The address starts with htp:/ instead of http:// or https://; did you mean http://badurl?
            'htp://[bad'             | The address starts with htp:// instead of http:// or https://.
            'http//:99999'           | The address has no colon after http (http://).
            'https:////'             | The address has 4 slashes after https: (https:// has two).
            https//example.com       | The address has no colon after https; did you mean https://example.com?
            https:///path            | The address has 3 slashes after https:; did you mean https://path?
            mailto:a@b               | Only http:// and https:// addresses can be checked; mailto:a@b is not one.
            ftp://x                  | Only http:// and https:// addresses can be checked; ftp://x is not one.
            javascript:alert(1)      | Only http:// and https:// addresses can be checked; javascript:alert(1) is not one.
            'http://exa mple.com/'   | The address contains a space; did you mean http://example.com/?
            'example .com'           | The address contains a space; did you mean http://example.com?
            'not a url'              | This is not a web address: it has spaces and does not start with a host name such as example.com or with http://.
            nope                     | This is not a web address: it needs a host name such as example.com, or to start with http:// or https://.
            a@example.com            | This is not a web address: it needs a host name such as example.com, or to start with http:// or https://.
            file:///srv/site/a.html  | Files on this computer (file://) cannot be checked: serve their folder with a local web server and give its address, such as http://localhost:8000/.
            FILE://localhost/x.html  | Files on this computer (file://) cannot be checked: serve their folder with a local web server and give its address, such as http://localhost:8000/.
            /                        | That is a file or folder on this computer, not a web address: serve it with a local web server and give its address, such as http://localhost:8000/.
            /tmp                     | That is a file or folder on this computer, not a web address: serve it with a local web server and give its address, such as http://localhost:8000/.
            .                        | That is a file or folder on this computer, not a web address: serve it with a local web server and give its address, such as http://localhost:8000/.
            /no/such/webprobe/page   | This is not a web address: it needs a host name such as example.com, or to start with http:// or https://.
            //no/such/webprobe/page  | This is not a web address: it needs a host name such as example.com, or to start with http:// or https://.
            http://exa[mple.com/     | The host name exa[mple.com contains "[", which no host name can have.
            http://a!b.example/      | The host name a!b.example cannot be used: host names have only letters, digits, hyphens, underscores and dots.
            http://256.1.1.1/        | The host 256.1.1.1 is not a valid IP address: that is four numbers from 0 to 255, such as 192.168.0.1.
            http://[::1/             | The host [::1 is not a valid IPv6 address.
            'http://[1:2]/'          | The host [1:2] is not a valid IPv6 address.
            """)
    void refusesWithOnePlainSentence(String input, String message) {
        var e = assertThrows(UrlSyntax.InvalidUrlException.class,
                () -> UrlSyntax.parseUserUrl(input));
        assertEquals(message, e.getMessage());
        assertPlainSentence(e.getMessage());
    }

    /** A NUL or another control character is no part of what anyone types or lists. */
    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "http://127.0.0.1/a\u0000b", "\u0000http://127.0.0.1/",
        "http://127.0.0.1/\u007f", "http://127.0.0.1/\u0085x", "http://127.0.0.1/\u001b[31m"})
    void refusesControlCharactersAsNoText(String input) {
        var e = assertThrows(UrlSyntax.InvalidUrlException.class,
                () -> UrlSyntax.parseUserUrl(input));
        assertEquals("This is not a web address: it holds characters that are not text.",
                e.getMessage());
    }

    @Test
    void refusesNullLikeEmptyInput() {
        var e = assertThrows(UrlSyntax.InvalidUrlException.class,
                () -> UrlSyntax.parseUserUrl(null));
        assertThat(e.getMessage()).startsWith("Enter an address");
    }

    @Test
    void aLongAddressIsShortenedInTheMessage() {
        String path = "a".repeat(2_500) + "b".repeat(2_482) + "/end";
        String input = "ftp://example.com/" + path;
        assertEquals(5_004, input.length());

        var e = assertThrows(UrlSyntax.InvalidUrlException.class,
                () -> UrlSyntax.parseUserUrl(input));

        String shown = input.substring(0, 60) + "…" + input.substring(input.length() - 39);
        assertEquals("Only http:// and https:// addresses can be checked; " + shown
                + " is not one.", e.getMessage());
        assertPlainSentence(e.getMessage());
    }

    @Test
    void aLongPortOrSuggestionIsShortenedToo() {
        var port = assertThrows(UrlSyntax.InvalidUrlException.class,
                () -> UrlSyntax.parseUserUrl("http://h:" + "9".repeat(5_000) + "/"));
        assertThat(port.getMessage()).hasSizeLessThan(200).contains("…");
        var typo = assertThrows(UrlSyntax.InvalidUrlException.class,
                () -> UrlSyntax.parseUserUrl("htp://example.com/" + "x".repeat(5_000)));
        assertThat(typo.getMessage()).hasSizeLessThan(200).contains("did you mean http://example.com/");
    }

    @Test
    void aLongValidAddressIsAccepted() throws Exception {
        String url = "http://example.com/" + "a".repeat(5_000);
        assertEquals(URI.create(url), UrlSyntax.parseUserUrl(url));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 99, 100, 101, 5_000})
    void shortenedKeepsShortTextAndCutsLongTextTo100Characters(int length) {
        String s = "x".repeat(length);
        String out = UrlSyntax.shortened(s);
        if (length <= 100) {
            assertEquals(s, out);
        } else {
            assertEquals(100, out.length());
            assertEquals('…', out.charAt(60));
        }
    }

    @Test
    void shortenedShowsControlCharactersInsteadOfSendingThem() {
        assertEquals("\\x1b[31mred\\x07 \\x00\\x09\\x7f\\x85\\x9f é",
                UrlSyntax.shortened("\u001b[31mred\u0007 \u0000\t\u007f\u0085\u009f é"));
        assertEquals("http://a.example/", UrlSyntax.shortened("http://a.example/"));
    }

    @Test
    void shortenedNeverSplitsACharacterOutsideTheBasicPlane() {
        String s = "😀".repeat(200);
        String out = UrlSyntax.shortened(s);
        assertThat(out.codePoints()).allMatch(cp -> cp == 0x1F600 || cp == '…');
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            htp   | http
            htttp | http
            hhtp  | http
            thtp  | http
            htps  | https
            httsp | https
            ftp   |
            ws    |
            file  |
            """)
    void typoOfHttpFindsOneSlip(String scheme, String meant) {
        assertEquals(meant, UrlSyntax.typoOfHttp(scheme));
    }

    private static void assertPlainSentence(String msg) {
        assertThat(msg).as("message").isNotBlank().doesNotContain("\n", "\r", "\t");
        for (String word : PARSER_WORDS) {
            assertThat(msg).as("no parser words").doesNotContain(word);
        }
        assertThat(Character.isUpperCase(msg.charAt(0))).as("starts upper case: %s", msg).isTrue();
        assertThat(msg).as("ends like a sentence").matches(".*[.?]$");
        assertThat(SENTENCE_BREAK.matcher(msg).find()).as("one sentence: %s", msg).isFalse();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            http://s/%25zz           | http://s/%zz
            http://s/100%25          | http://s/100%
            http://s/a%25zz?q=50%25  | http://s/a%zz?q=50%
            http://s/%2541           | http://s/%2541
            http://s/%41%20b         | http://s/%41%20b
            """)
    void aUrlIsShownWithItsStrayPercentsAsTyped(String request, String shown) {
        org.junit.jupiter.api.Assertions.assertEquals(shown, UrlSyntax.asBrowserShows(request));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            http://s/caf%C3%A9/na%C3%AFve.html      | http://s/café/naïve.html
            http://s/%E4%B8%AD%E6%96%87.html        | http://s/中文.html
            http://s/%e4%b8%ad?q=%C3%A9#%C3%A9      | http://s/中?q=é#é
            http://s/%F0%9F%98%80                   | http://s/😀
            http://s/a%20b%2Fc%41                   | http://s/a%20b%2Fc%41
            http://s/%C3%A9%25zz                    | http://s/é%zz
            http://s/%E9t%E9                        | http://s/%E9t%E9
            http://s/%C3                            | http://s/%C3
            http://s/%C3%A                          | http://s/%C3%A
            http://s/%C0%AF                         | http://s/%C0%AF
            http://s/%ED%A0%80                      | http://s/%ED%A0%80
            http://s/a%E2%80%AEb                    | http://s/a%E2%80%AEb
            http://s/a%C2%A0b                       | http://s/a%C2%A0b
            http://s/a%E2%88%95b                    | http://s/a%E2%88%95b
            http://s/a%EF%BC%8Fb                    | http://s/a%EF%BC%8Fb
            http://xn--caf-dma.example/             | http://café.example/
            """)
    void aUrlIsShownToPeopleWithItsLettersDecoded(String url, String shown) {
        org.junit.jupiter.api.Assertions.assertEquals(shown, UrlSyntax.forPeople(url));
    }

    /**
     * An internationalised host as browsers show it: in its letters when each label keeps to
     * one script or a usual mix (UTS #39's moderately restrictive profile, Firefox's default;
     * cases from Firefox's test_idn_urls.js), else in its ASCII form, as a spoof may hide there.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            http://xn--mller-kva.example/a%C3%A9          | http://müller.example/aé
            http://u:p@xn--mnchen-3ya.de:8080/?q=1#x      | http://u:p@münchen.de:8080/?q=1#x
            https://xn--hxa3ahjw4a.gr/                    | https://πλάτων.gr/
            https://xn--lsa83dealbred.xn--p1ai/           | https://толсто́й.рф/
            https://xn--80aealotwbjpid2k.xn--p1ai/        | https://правительство.рф/
            https://xn--08j4gylj12hz80b0uhfup.jp/         | https://乾燥肌・石けん.jp/
            https://www.xn--wgv71a119e.jp                 | https://www.日本語.jp
            https://xn--war-and--b9g3b7b3h.example/       | https://xn--war-and--b9g3b7b3h.example/
            https://xn--paypl-7ve.com/                    | https://xn--paypl-7ve.com/
            https://xn--80ak6aa92e.com/                   | https://xn--80ak6aa92e.com/
            https://xn--80ak6aa92e.xn--p1ai/              | https://аррӏе.рф/
            https://xn--f9dt7l.example/                   | https://xn--f9dt7l.example/
            https://xn--iny-zx5a.example/                 | https://xn--iny-zx5a.example/
            https://xn--gruzere-ogea.example/             | https://xn--gruzere-ogea.example/
            https://xn--google-yri.com/                   | https://xn--google-yri.com/
            https://xn--google-rvh.com/                   | https://xn--google-rvh.com/
            https://xn--nave-mza04z.com/                  | https://xn--nave-mza04z.com/
            https://xn--nave-6pa.com/                     | https://naïve.com/
            https://xn--5-h3d7c.com/                      | https://5াব.com/
            https://xn--qck1c2d4a9266lkmzb.com/           | https://xn--qck1c2d4a9266lkmzb.com/
            https://xn--mller-kva.xn--iny-zx5a.de/        | https://xn--mller-kva.xn--iny-zx5a.de/
            https://xn--zz.example/                       | https://xn--zz.example/
            https://xn--.example/                         | https://xn--.example/
            https://s/xn--mller-kva                       | https://s/xn--mller-kva
            """)
    void anInternationalHostIsShownInItsLettersUnlessItCouldMislead(String url, String shown) {
        org.junit.jupiter.api.Assertions.assertEquals(shown, UrlSyntax.forPeople(url));
    }
}
