package io.webprobe.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.webprobe.http.UrlSyntax;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link TargetList#parse} as a table. In the input column "|" stands for LF and "~" for CRLF;
 * the expected columns are space-separated lists ("" for none).
 */
class TargetListTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = ';', textBlock = """
            # input                                              ; urls                                   ; problem lines
            'http://a.test/'                                     ; http://a.test/                         ; ''
            'http://a.test/|http://b.test/x?q=1'                 ; http://a.test/ http://b.test/x?q=1     ; ''
            '|   |http://a.test/|  |'                            ; http://a.test/                         ; ''
            '# a comment|  # an indented comment|http://a.test/' ; http://a.test/                         ; ''
            'http://a.test/~http://b.test/~'                     ; http://a.test/ http://b.test/          ; ''
            'http://a.test/~~# c~nope~http://b.test/'            ; http://a.test/ http://b.test/          ; 4
            '  http://a.test/  |	https://b.test/	'           ; http://a.test/ https://b.test/         ; ''
            'http://a.test/|http://b.test/|http://a.test/'       ; http://a.test/ http://b.test/          ; ''
            'http://b.test/|http://a.test/|http://b.test/'       ; http://b.test/ http://a.test/          ; ''
            'htp://a.test|http://a.test/|ftp://x.test/|#|not a url' ; http://a.test/                      ; 1 3 5
            'a.test|a.test:8080/x|http://a.test/'                ; http://a.test/ http://a.test:8080/x    ; ''
            'nope|nope'                                          ; ''                                     ; 1 2
            ''                                                   ; ''                                     ; ''
            '# only a comment|'                                  ; ''                                     ; ''
            '\uFEFFhttp://a.test/|http://b.test/'                 ; http://a.test/ http://b.test/          ; ''
            'http://a.test/x  # the home page|http://b.test/#top'  ; http://a.test/x http://b.test/#top     ; ''
            """)
    void parsesOneUrlPerLineSkippingCommentsBlanksAndDuplicates(String input, String urls,
            String problemLines) {
        TargetList list = TargetList.parse(decode(input));

        assertEquals(words(urls).stream().map(URI::create).toList(), list.urls());
        assertEquals(words(problemLines).stream().map(Integer::valueOf).toList(),
                list.problems().stream().map(TargetList.Problem::line).toList());
    }

    /**
     * A file with a NUL byte and no URL is no text list (the CLI refuses it, the Ping tab keeps
     * its list); with URLs, its NUL lines are bad lines, said as not text.
     */
    @Test
    void aFileOfNulBytesWithoutUrlsIsNotTextAndANulLineIsABadLine() {
        byte[] program = {0x7f, 'E', 'L', 'F', 0, '\n', 'h', 't', 't', 'p', ':', '/', '/', 'a',
            '.', 't', 'e', 's', 't', '/', 0, 'x', '\n'};
        assertThat(TargetList.notText(program, TargetList.parse(program))).isTrue();
        byte[] words = "not a url\nnor this\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(TargetList.notText(words, TargetList.parse(words))).isFalse();

        byte[] list = "http://a.test/\n\0\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        TargetList parsed = TargetList.parse(list);
        assertThat(TargetList.notText(list, parsed)).isFalse();
        assertEquals(List.of(URI.create("http://a.test/")), parsed.urls());
        assertEquals(List.of(new TargetList.Problem(2, "\0",
                "This is not a web address: it holds characters that are not text.")),
                parsed.problems());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = ';', textBlock = """
            # line          ; why (the message UrlSyntax gives)
            htp://x.test/   ; 'The address starts with htp:// instead of http:// or https://; did you mean http://x.test/?'
            ftp://x.test/   ; 'Only http:// and https:// addresses can be checked; ftp://x.test/ is not one.'
            not a url       ; This is not a web address: it has spaces and does not start with a host name such as example.com or with http://.
            http://         ; The address has no host name after http://.
            http://x:99999/ ; 'Port 99999 is out of range: ports go from 1 to 65535.'
            """)
    void badLineIsReportedWithItsNumberTextAndReason(String line, String reason) throws Exception {
        TargetList list = TargetList.parse("# header\r\nhttp://ok.test/\r\n\r\n" + line + "\r\n");

        assertEquals(List.of(URI.create("http://ok.test/")), list.urls());
        assertEquals(List.of(new TargetList.Problem(4, line, reason)), list.problems());
        assertEquals("line 4: " + reason, list.problems().get(0).toString());
        // the same words the URL field of the Crawl tab shows
        String direct = assertThrows(UrlSyntax.InvalidUrlException.class,
                () -> UrlSyntax.parseUserUrl(line)).getMessage();
        assertEquals(direct, reason);
    }

    @Test
    void lineNumbersCountBlankAndCommentLinesWithMixedLineEnds() {
        String text = "\n# one\r\n\r\nbad-a\rhttp://a.test/\nbad-b\r\n   \nbad-c";

        TargetList list = TargetList.parse(text);

        assertEquals(List.of(4, 6, 8),
                list.problems().stream().map(TargetList.Problem::line).toList());
        assertEquals(List.of("bad-a", "bad-b", "bad-c"),
                list.problems().stream().map(TargetList.Problem::text).toList());
        assertEquals(List.of(URI.create("http://a.test/")), list.urls());
    }

    @Test
    void resultIsImmutable() {
        TargetList list = TargetList.parse("http://a.test/\nnope");

        assertThrows(UnsupportedOperationException.class,
                () -> list.urls().add(URI.create("http://b.test/")));
        assertThrows(UnsupportedOperationException.class, () -> list.problems().clear());
        assertThat(list.urls()).hasSize(1);
    }

    private static String decode(String cell) {
        return cell == null ? "" : cell.replace("~", "\r\n").replace("|", "\n");
    }

    private static List<String> words(String cell) {
        return cell == null || cell.isBlank() ? List.of()
                : Arrays.asList(cell.strip().split("\\s+"));
    }

    @Test
    void repeatedUrlsAreCountedAsTheyAreLeftOut() {
        TargetList list = TargetList.parse("http://a.test/\nhttp://b.test/\nhttp://a.test/\n"
                + "HTTP://A.test:80/\n");

        assertEquals(2, list.urls().size());
        assertEquals(2, list.duplicates());
    }

    @Test
    void aUrlTypedWithAStrayPercentKeepsItsPathAsTypedForTheRequest() {
        TargetList l = TargetList.parse("127.0.0.1/100%\nhttp://127.0.0.1/a%zz?x=5%#f%\n"
                + "http://127.0.0.1/fine%20\nhttp://127.0.0.1/100%25");
        assertThat(l.urls()).containsExactly(URI.create("http://127.0.0.1/100%25"),
                URI.create("http://127.0.0.1/a%25zz?x=5%25#f%25"),
                URI.create("http://127.0.0.1/fine%20"));
        assertThat(l.duplicates()).isEqualTo(1); // /100%25 is the same URL as /100%
        assertThat(l.requestTargets()).containsOnly(
                java.util.Map.entry(URI.create("http://127.0.0.1/100%25"), "/100%"),
                java.util.Map.entry(URI.create("http://127.0.0.1/a%25zz?x=5%25#f%25"),
                        "/a%zz?x=5%"));
    }

    @Test
    void aLineWithBytesThatAreNotUtf8IsABadLineNotAnotherUrl() {
        byte[] latin1 = {'h', 't', 't', 'p', ':', '/', '/', 'x', '.', 't', 'e', 's', 't', '/',
            'c', 'a', 'f', (byte) 0xE9, '\n', 'h', 't', 't', 'p', ':', '/', '/', 'y', '.', 't',
            'e', 's', 't', '/', '\n'};
        TargetList l = TargetList.parse(latin1);
        assertThat(l.urls()).containsExactly(URI.create("http://y.test/"));
        assertThat(l.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.reason()).isEqualTo(TargetList.NOT_UTF8);
        });
    }

    /**
     * The bug: a list saved as UTF-16 with its byte-order mark (Windows PowerShell's
     * {@code > urls.txt}, Notepad's "Unicode") was read as UTF-8, its NUL bytes made it
     * "not a text list of URLs", and no URL in it was pinged. As a text editor does, the mark
     * says the encoding.
     */
    @Test
    void aListInUtf16WithItsByteOrderMarkIsReadAsText() {
        String list = "\uFEFFhttp://x.test/caf\u00E9\r\n# note\r\nhttp://y.test/\r\n";
        for (java.nio.charset.Charset utf16 : java.util.List.of(
                java.nio.charset.StandardCharsets.UTF_16LE,
                java.nio.charset.StandardCharsets.UTF_16BE)) {
            byte[] bytes = list.getBytes(utf16);
            TargetList l = TargetList.parse(bytes);
            // the URLs of the same text read from UTF-8, the accent and all
            assertThat(l.urls()).as(utf16.name()).hasSize(2)
                    .isEqualTo(TargetList.parse(list).urls());
            assertThat(l.problems()).as(utf16.name()).isEmpty();
            assertThat(TargetList.notText(bytes, l)).as(utf16.name()).isFalse();
            // one with no URL is a text of other things, not a program
            byte[] words = "\uFEFFnot a url\r\n".getBytes(utf16);
            assertThat(TargetList.notText(words, TargetList.parse(words))).as(utf16.name())
                    .isFalse();
        }
    }

    /**
     * The bug: two URLs pasted on one line were one URL, "http://a.test/%20http://b.test/",
     * pinged in their place (a 404 from the first server, the second never asked); the line is
     * named with why, as any line that is not a URL.
     */
    @Test
    void aLineOfSeveralAddressesIsNamedNotPingedAsOne() {
        TargetList list = TargetList.parse("http://a.test/ https://b.test/x\n"
                + "http://c.test/\thttp://d.test/ HTTP://e.test/\nhttp://f.test/?next=http://g/");

        assertThat(list.urls()).containsExactly(URI.create("http://f.test/?next=http://g/"));
        assertThat(list.problems()).extracting(TargetList.Problem::toString).containsExactly(
                "line 1: This line holds 2 addresses; put each URL on a line of its own.",
                "line 2: This line holds 3 addresses; put each URL on a line of its own.");
    }
}
