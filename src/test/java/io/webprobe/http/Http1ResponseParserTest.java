package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The framing rules of the one HTTP/1.1 codec, tested once, table-driven: every engine (the
 * ping event loops, {@code Http1Connection}) reads responses through this parser. Every
 * response is parsed whole, split in two at every byte boundary, and fed one byte at a
 * time: the outcome must always be the expected one. In the table, {@code \r\n} stands for CR
 * LF; "eof" means the server closes the connection after the bytes shown.
 */
class Http1ResponseParserTest {
    private static final long CAP = 64L * 1024 * 1024;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        # name                    | method | then | response                                                                                      | outcome
        content length            | GET    | open | HTTP/1.1 200 OK\\r\\nContent-Length: 5\\r\\nContent-Type: text/plain\\r\\n\\r\\nhello          | 200 body=5 keep
        header names any case     | GET    | open | HTTP/1.1 200 OK\\r\\ncontent-LENGTH:3\\r\\n\\r\\nabc                                            | 200 body=3 keep
        zero length               | GET    | open | HTTP/1.1 200 OK\\r\\nContent-Length: 0\\r\\n\\r\\n                                              | 200 body=0 keep
        bare LF line ends         | GET    | open | HTTP/1.1 404 Not Found\\nContent-Length: 2\\n\\nno                                              | 404 body=2 keep
        chunked                   | GET    | open | HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n4\\r\\nWiki\\r\\n5\\r\\npedia\\r\\n0\\r\\n\\r\\n | 200 body=9 keep
        chunk extensions          | GET    | open | HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n4;a=b;c\\r\\nWiki\\r\\nA ; x=y\\r\\n0123456789\\r\\n0;last\\r\\n\\r\\n | 200 body=14 keep
        chunked with trailers     | GET    | open | HTTP/1.1 200 OK\\r\\nTransfer-Encoding: gzip, chunked\\r\\n\\r\\n1a\\r\\nabcdefghijklmnopqrstuvwxyz\\r\\n0\\r\\nExpires: never\\r\\nX-Sum: 1\\r\\n\\r\\n | 200 body=26 keep
        chunked beats length      | GET    | open | HTTP/1.1 200 OK\\r\\nContent-Length: 99\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n2\\r\\nok\\r\\n0\\r\\n\\r\\n | 200 body=2 close
        chunked, bad length too   | GET    | open | HTTP/1.1 200 OK\\r\\nContent-Length: -1\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n2\\r\\nok\\r\\n0\\r\\n\\r\\n | 200 body=2 close
        chunked not last coding   | GET    | eof  | HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked, gzip\\r\\n\\r\\nabcd              | 200 body=4 close
        chunk size leading zeros  | GET    | open | HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n0003\\r\\nabc\\r\\n000\\r\\n\\r\\n | 200 body=3 keep
        chunk longer than size    | GET    | open | HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n2\\r\\nabc\\r\\n0\\r\\n\\r\\n | error: The server's response body is malformed: a chunk is longer than its size says
        HEAD with chunked         | HEAD   | open | HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n                            | 200 body=0 keep
        length repeated, equal    | GET    | open | HTTP/1.1 200 OK\\r\\nContent-Length: 2\\r\\nContent-Length: 2, 2\\r\\n\\r\\nhi        | 200 body=2 keep
        length fields differ      | GET    | open | HTTP/1.1 200 OK\\r\\nContent-Length: 5\\r\\nContent-Length: 6\\r\\n\\r\\nhello!       | error: The response has two different Content-Length values (5 and 6)
        length list differs       | GET    | open | HTTP/1.1 200 OK\\r\\nContent-Length: 5, 6\\r\\n\\r\\nhello!                           | error: The response has two different Content-Length values (5 and 6)
        length minus one          | GET    | open | HTTP/1.1 200 OK\\r\\nContent-Length: -1\\r\\n\\r\\n                                   | error: Invalid Content-Length: -1
        length with plus sign     | GET    | open | HTTP/1.1 200 OK\\r\\nContent-Length: +5\\r\\n\\r\\nhello                              | error: Invalid Content-Length: +5
        length empty              | GET    | open | HTTP/1.1 200 OK\\r\\nContent-Length:\\r\\n\\r\\n                                      | error: Invalid Content-Length: (empty)
        length too large          | GET    | open | HTTP/1.1 200 OK\\r\\nContent-Length: 1234567890123456\\r\\n\\r\\n                     | error: Invalid Content-Length: 1234567890123456
        two interim responses     | GET    | open | HTTP/1.1 100 Continue\\r\\n\\r\\nHTTP/1.1 103 Early Hints\\r\\nLink: </a.css>\\r\\nContent-Length: 9\\r\\n\\r\\nHTTP/1.1 200 OK\\r\\nContent-Length: 1\\r\\n\\r\\nx | 200 body=1 keep
        101 not asked for         | GET    | open | HTTP/1.1 101 Switching Protocols\\r\\nUpgrade: h2c\\r\\n\\r\\n                  | error: The server switched protocols (101) though no upgrade was asked for
        status without reason     | GET    | open | HTTP/1.1 200\\r\\nContent-Length: 0\\r\\n\\r\\n                                          | 200 body=0 keep
        obsolete folded header    | GET    | open | HTTP/1.1 200 OK\\r\\nX-Long: a\\r\\n  b\\r\\nContent-Length: 1\\r\\n\\r\\nx           | 200 body=1 keep
        HEAD has no body          | HEAD   | open | HTTP/1.1 200 OK\\r\\nContent-Length: 1000\\r\\n\\r\\n                                           | 200 body=0 keep
        204 has no body           | GET    | open | HTTP/1.1 204 No Content\\r\\n\\r\\n                                                             | 204 body=0 keep
        304 has no body           | GET    | open | HTTP/1.1 304 Not Modified\\r\\nContent-Length: 640\\r\\nETag: x\\r\\n\\r\\n                     | 304 body=0 keep
        interim 100 skipped       | GET    | open | HTTP/1.1 100 Continue\\r\\n\\r\\nHTTP/1.1 201 Created\\r\\nContent-Length: 1\\r\\n\\r\\nx       | 201 body=1 keep
        connection close          | GET    | open | HTTP/1.1 200 OK\\r\\nConnection: Close\\r\\nContent-Length: 2\\r\\n\\r\\nhi                    | 200 body=2 close
        body to end of stream     | GET    | eof  | HTTP/1.1 200 OK\\r\\nContent-Type: text/html\\r\\n\\r\\n<html>                                 | 200 body=6 close
        body to close unfinished  | GET    | open | HTTP/1.1 200 OK\\r\\n\\r\\n<html>                                                                | incomplete
        HTTP/1.0 closes           | GET    | open | HTTP/1.0 200 OK\\r\\nContent-Length: 2\\r\\n\\r\\nhi                                            | 200 body=2 close
        HTTP/1.0 keep-alive       | GET    | open | HTTP/1.0 200 OK\\r\\nConnection: Keep-Alive\\r\\nContent-Length: 2\\r\\n\\r\\nhi                | 200 body=2 keep
        HTTP/1.0 read to close    | GET    | eof  | HTTP/1.0 200 OK\\r\\n\\r\\nabc                                                                   | 200 body=3 close
        junk header line          | GET    | open | HTTP/1.1 200 OK\\r\\nno colon here\\r\\n: empty name\\r\\nContent-Length: 1\\r\\n\\r\\nx          | 200 body=1 keep
        bytes after the response  | GET    | open | HTTP/1.1 200 OK\\r\\nContent-Length: 1\\r\\n\\r\\nxEXTRA                                        | 200 body=1 keep extra=5
        not HTTP                  | GET    | open | SSH-2.0-OpenSSH_9.2\\r\\n                                                                         | error: The server did not answer with HTTP/1.x: SSH-2.0-OpenSSH_9.2
        HTTP/2 preface            | GET    | open | HTTP/2 200\\r\\n\\r\\n                                                                           | error: The server did not answer with HTTP/1.x: HTTP/2 200
        status not a number       | GET    | open | HTTP/1.1 2x0 OK\\r\\n\\r\\n                                                                      | error: Invalid HTTP status line: HTTP/1.1 2x0 OK
        status line too short     | GET    | open | HTTP/1.1 20\\r\\n\\r\\n                                                                          | error: Invalid HTTP status line: HTTP/1.1 20
        status line without code  | GET    | open | HTTP/1.1\\r\\n\\r\\n                                                                             | error: Invalid HTTP status line: HTTP/1.1
        status of four digits     | GET    | open | HTTP/1.1 2000 OK\\r\\n\\r\\n                                                                     | error: Invalid HTTP status line: HTTP/1.1 2000 OK
        status under 100          | GET    | open | HTTP/1.1 099 Odd\\r\\n\\r\\n                                                                     | error: Invalid HTTP status line: HTTP/1.1 099 Odd
        version HTTP/1.x only     | GET    | open | HTTP/1.x 200 OK\\r\\n\\r\\n                                                                      | error: The server did not answer with HTTP/1.x: HTTP/1.x 200 OK
        bad content length        | GET    | open | HTTP/1.1 200 OK\\r\\nContent-Length: 12a\\r\\n\\r\\n                                           | error: Invalid Content-Length: 12a
        bad chunk size            | GET    | open | HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\nzz\\r\\n                          | error: The server's response body is malformed: 'zz' is not a chunk size (Transfer-Encoding: chunked)
        closed before answering   | GET    | eof  | ""                                                                                            | error: The server closed the connection without answering
        closed in the head        | GET    | eof  | HTTP/1.1 200 OK\\r\\nContent-Len                                                                 | error: The server closed the connection in the middle of the response
        closed in the body        | GET    | eof  | HTTP/1.1 200 OK\\r\\nContent-Length: 10\\r\\n\\r\\nabc                                          | error: The server closed the connection in the middle of the body
        closed in a chunk         | GET    | eof  | HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n5\\r\\nab                           | error: The server closed the connection in the middle of the body
        closed before last chunk  | GET    | eof  | HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n2\\r\\nab\\r\\n                     | error: The server closed the connection in the middle of the response
        """)
    void parsesTheSameWhereverTheBytesAreSplit(String name, String method, String then, String response,
            String outcome) {
        byte[] raw = unescape(response).getBytes(StandardCharsets.ISO_8859_1);
        boolean head = method.equals("HEAD");
        boolean eof = then.equals("eof");
        assertThat(parse(head, raw, eof, List.of(raw.length))).as("whole").isEqualTo(outcome);
        for (int cut = 0; cut <= raw.length; cut++) {
            assertThat(parse(head, raw, eof, List.of(cut, raw.length))).as("split at %d", cut)
                    .isEqualTo(outcome);
        }
        List<Integer> bytes = new ArrayList<>();
        for (int i = 1; i <= raw.length; i++) {
            bytes.add(i);
        }
        assertThat(parse(head, raw, eof, bytes)).as("byte by byte").isEqualTo(outcome);
    }

    @Test
    void aBodyLongerThanTheCapIsTruncatedAndTheConnectionClosed() throws IOException {
        byte[] raw = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789abcdef"
                .getBytes(StandardCharsets.ISO_8859_1);
        Http1ResponseParser p = new Http1ResponseParser();
        p.reset(false, 10);
        p.feed(raw, 0, raw.length);
        assertThat(p.complete()).isTrue();
        assertThat(p.truncated()).isTrue();
        assertThat(p.bodyBytes()).isEqualTo(10);
        assertThat(p.closeAfter()).isTrue();
    }

    /** Reads are split as a socket might split them: whole, in three, and in 1,000-byte reads. */
    private static List<List<Integer>> splits(int length) {
        List<Integer> small = new ArrayList<>();
        for (int end = 1000; end < length; end += 1000) {
            small.add(end);
        }
        small.add(length);
        return List.of(List.of(length), List.of(100, length / 2, length), small);
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aSixtyKilobyteHeaderLineIsReadAsBrowsersAndCurlReadIt() throws IOException {
        // a long Content-Security-Policy or Set-Cookie: curl takes 100 KB a line, Chrome 256 KB
        String value = "a".repeat(60 * 1024);
        byte[] raw = latin1("HTTP/1.1 200 OK\r\nX-Big: " + value
                + "\r\nContent-Length: 2\r\n\r\nok");
        for (List<Integer> ends : splits(raw.length)) {
            assertThat(parse(false, raw, false, ends)).isEqualTo("200 body=2 keep");
        }
        Http1ResponseParser p = new Http1ResponseParser();
        p.reset(false, CAP, true, null);
        p.feed(raw, 0, 30_000);
        p.feed(raw, 30_000, raw.length - 30_000);
        assertThat(p.headers()).contains(new Header("x-big", value));
    }

    /**
     * A field folded onto further lines (obs-fold) is kept with a space in place of each fold,
     * as RFC 9112 5.2 asks and as java.net.http and Chrome read it: a folded Location was cut
     * at its first line, and the crawl went to another URL over http than over https.
     */
    @Test
    void aFoldedFieldGoesOnAfterOneSpace() throws IOException {
        byte[] raw = latin1("HTTP/1.1 301 Moved\r\nLocation: /fol\r\n\t d \r\n  e\r\n"
                + "Bad Name: x\r\n y\r\nContent-Length: 0\r\n\r\n");
        for (int split = 1; split < raw.length; split++) { // a read may end anywhere
            Http1ResponseParser p = new Http1ResponseParser();
            p.reset(false, CAP, true, null);
            p.feed(raw, 0, split);
            p.feed(raw, split, raw.length - split);
            assertThat(p.complete()).isTrue();
            // the line after a field not kept continues nothing
            assertThat(p.headers()).containsExactly(new Header("location", "/fol d e"),
                    new Header("content-length", "0"));
            assertThat(p.header("location")).isEqualTo("/fol d e");
        }
    }

    @Test
    void aHeadOfExactlyTheLimitIsRead() {
        String start = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nX-Fill: ";
        String end = "\r\n\r\n";
        int fill = Http1ResponseParser.MAX_HEAD - start.length() - end.length();
        byte[] atLimit = latin1(start + "f".repeat(fill) + end);
        byte[] overLimit = latin1(start + "f".repeat(fill + 1) + end);
        for (List<Integer> ends : splits(atLimit.length)) {
            assertThat(parse(false, atLimit, false, ends)).isEqualTo("200 body=0 keep");
        }
        for (List<Integer> ends : splits(overLimit.length)) {
            assertThat(parse(false, overLimit, false, ends))
                    .isEqualTo("error: The server's response headers are too large (over 256 KB)");
        }
    }

    @Test
    void headersOverTheLimitInAllAreRefusedInPlainWords() {
        // five 60 KB lines, each under the limit, 300 KB in all
        byte[] many = latin1("HTTP/1.1 200 OK\r\n"
                + ("X-Big: " + "b".repeat(60 * 1024) + "\r\n").repeat(5) + "\r\n");
        byte[] oneLine = latin1("HTTP/1.1 200 OK\r\nX-Big: " + "c".repeat(300 * 1024) + "\r\n");
        for (byte[] raw : List.of(many, oneLine)) {
            for (List<Integer> ends : splits(raw.length)) {
                assertThat(parse(false, raw, false, ends)).isEqualTo(
                        "error: " + Http1ResponseParser.HEADERS_TOO_LARGE);
            }
        }
        assertThat(Http1ResponseParser.HEADERS_TOO_LARGE)
                .isEqualTo("The server's response headers are too large (over 256 KB)");
    }

    @Test
    void eachInterimResponseHasAHeadOfItsOwn() {
        String hints = "HTTP/1.1 103 Early Hints\r\nLink: " + "l".repeat(200 * 1024) + "\r\n\r\n";
        byte[] raw = latin1(hints + "HTTP/1.1 200 OK\r\nX-Big: " + "h".repeat(200 * 1024)
                + "\r\nContent-Length: 0\r\n\r\n");
        assertThat(parse(false, raw, false, List.of(raw.length))).isEqualTo("200 body=0 keep");
    }

    @Test
    void tooLongAChunkSizeLineOrTrailerIsRefused() {
        byte[] chunkLine = latin1("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1;"
                + "x".repeat(Http1ResponseParser.MAX_CHUNK_LINE) + "\r\na\r\n0\r\n\r\n");
        byte[] trailers = latin1("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "1\r\na\r\n0\r\nX-T: " + "t".repeat(Http1ResponseParser.MAX_HEAD) + "\r\n\r\n");
        for (List<Integer> ends : splits(chunkLine.length)) {
            assertThat(parse(false, chunkLine, false, ends)).isEqualTo("error: The server's "
                    + "response body is malformed: a chunk size line is over 16 KB");
        }
        for (List<Integer> ends : splits(trailers.length)) {
            assertThat(parse(false, trailers, false, ends)).isEqualTo("error: The trailer "
                    + "fields at the end of the server's response are too large (over 256 KB)");
        }
    }

    /**
     * The head is limited by its size, not by how many fields make it up (a limit of 200 fields
     * refused what curl, hey, java.net.http and browsers read): 5,000 fields are read, and
     * kept when asked; fields of three bytes are refused only once the head is over the limit.
     */
    @Test
    void manyHeaderFieldsAreReadAndOnlyTheHeadsSizeIsLimited() throws IOException {
        byte[] many = latin1("HTTP/1.1 200 OK\r\n" + "X-A: b\r\n".repeat(5_000)
                + "Content-Length: 0\r\n\r\n");
        String start = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n";
        int room = Http1ResponseParser.MAX_HEAD - start.length() - 2; // for fields of 5 bytes
        String tiny = start + "a:b\r\n".repeat(room / 5 - 1) + "a:b" + "c".repeat(room % 5);
        byte[] atLimit = latin1(tiny + "\r\n\r\n");
        byte[] overLimit = latin1(tiny + "c\r\n\r\n");

        assertThat(parse(false, many, false, List.of(many.length))).isEqualTo("200 body=0 keep");
        Http1ResponseParser kept = new Http1ResponseParser();
        kept.reset(false, CAP, true, null);
        kept.feed(many, 0, many.length);
        assertThat(kept.headers()).hasSize(5_001);
        assertThat(atLimit.length).isEqualTo(Http1ResponseParser.MAX_HEAD);
        assertThat(parse(false, atLimit, false, List.of(atLimit.length)))
                .isEqualTo("200 body=0 keep");
        assertThat(parse(false, overLimit, false, List.of(overLimit.length)))
                .isEqualTo("error: " + Http1ResponseParser.HEADERS_TOO_LARGE);
    }

    /**
     * A head at the limit made of ~52,000 fields of three bytes, kept: held as one text of
     * about the head's own bytes, not an object per field (which took ~120 bytes a field, ~6 MB
     * for this head, once per response a crawl holds).
     */
    @Test
    void keptFieldsOfAHeadAtTheLimitTakeAboutItsOwnBytes() throws IOException {
        String start = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n";
        int fields = (Http1ResponseParser.MAX_HEAD - start.length() - 2) / 5;
        byte[] raw = latin1(start + "A:b\r\n".repeat(fields) + "\r\n");
        Http1ResponseParser p = new Http1ResponseParser();
        p.reset(false, CAP, true, null);
        p.feed(raw, 0, raw.length);
        assertThat(p.complete()).isTrue();
        ResponseHeaders kept = p.headers();
        assertThat(kept).hasSize(fields + 1);
        assertThat(kept.get(fields)).isEqualTo(new Header("a", "b"));
        assertThat(kept.text()).startsWith("content-length: 0\na: b\n");
        assertThat(kept.heldBytes()).isLessThan(2L * Http1ResponseParser.MAX_HEAD);
        assertThat(p.header("content-length")).isEqualTo("0");
        assertThat(p.headers()).isSameAs(kept);

        p.reset(false, CAP, true, null); // the next response on the connection has its own
        byte[] next = latin1("HTTP/1.1 204 No Content\r\nX-Next: 1\r\n\r\n");
        p.feed(next, 0, next.length);
        assertThat(p.headers()).containsExactly(new Header("x-next", "1"));
        assertThat(kept).hasSize(fields + 1);
    }

    @Test
    void manyTrailerFieldsAreReadToo() {
        byte[] raw = latin1("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "1\r\na\r\n0\r\n" + "X-T: t\r\n".repeat(1_000) + "\r\n");
        assertThat(parse(false, raw, false, List.of(raw.length))).isEqualTo("200 body=1 keep");
    }

    @Test
    void oneParserServesResponseAfterResponse() throws IOException {
        Http1ResponseParser p = new Http1ResponseParser();
        byte[] split = "HTTP/1.1 200 OK\r\nContent-Le".getBytes(StandardCharsets.ISO_8859_1);
        p.reset(false, CAP);
        p.feed(split, 0, split.length); // an abandoned response leaves a partial line behind
        for (int i = 0; i < 3; i++) {
            byte[] raw = ("HTTP/1.1 20" + i + " OK\r\nContent-Length: " + i + "\r\n\r\n" + "x".repeat(i))
                    .getBytes(StandardCharsets.ISO_8859_1);
            p.reset(false, CAP);
            assertThat(p.anyByte()).isFalse();
            assertThat(p.feed(raw, 0, raw.length)).isEqualTo(raw.length);
            assertThat(p.complete()).isTrue();
            assertThat(p.status()).isEqualTo(200 + i);
            assertThat(p.bodyBytes()).isEqualTo(i);
        }
    }

    @Test
    void theVersionIsTheFinalStatusLinesAndNotCarriedToTheNextResponse() throws IOException {
        Http1ResponseParser p = new Http1ResponseParser();
        assertThat(p.version()).isEqualTo(HttpVersion.HTTP_1_1);
        String[][] cases = {
            {"HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", "HTTP_1_0"},
            {"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", "HTTP_1_1"},
            {"HTTP/1.0 304 Not Modified\r\n\r\n", "HTTP_1_0"},
            {"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n",
                "HTTP_1_0"},
            {"HTTP/1.0 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
                "HTTP_1_1"},
            {"HTTP/1.2 200 OK\r\nContent-Length: 0\r\n\r\n", "HTTP_1_1"},
        };
        for (String[] c : cases) { // one parser, response after response
            byte[] raw = c[0].getBytes(StandardCharsets.ISO_8859_1);
            p.reset(false, CAP);
            p.feed(raw, 0, raw.length);
            assertThat(p.complete()).as(c[0]).isTrue();
            assertThat(p.version()).as(c[0]).isEqualTo(HttpVersion.valueOf(c[1]));
        }
    }

    @Test
    void keepsEveryHeaderFieldAndTheBodyWhenAskedWhateverTheSplit() throws IOException {
        byte[] raw = ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Robots-Tag: noindex\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n3\r\n<p>\r\n4\r\nhey!\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        for (int cut = 0; cut <= raw.length; cut++) {
            Http1ResponseParser p = new Http1ResponseParser();
            p.reset(false, CAP, true, FetchRequest.BodyPolicy.HTML);
            p.feed(raw, 0, cut);
            p.feed(raw, cut, raw.length - cut);
            assertThat(p.complete()).isTrue();
            assertThat(p.contentType()).isEqualTo("text/html");
            assertThat(p.header("x-robots-tag")).isEqualTo("noindex");
            assertThat(p.headers()).extracting(Header::name)
                    .containsExactly("content-type", "x-robots-tag", "transfer-encoding");
            assertThat(new String(p.body().bytes(), StandardCharsets.ISO_8859_1)).isEqualTo("<p>hey!");
        }
        Http1ResponseParser notKept = new Http1ResponseParser();
        notKept.reset(false, CAP, true, FetchRequest.BodyPolicy.NEVER);
        notKept.feed(raw, 0, raw.length);
        assertThat(notKept.body()).isNull();
        assertThat(notKept.bodyBytes()).isEqualTo(7);
    }

    /** Feeds raw in pieces ending at the given offsets; describes the outcome. */
    private static String parse(boolean head, byte[] raw, boolean eof, List<Integer> ends) {
        Http1ResponseParser p = new Http1ResponseParser();
        p.reset(head, CAP);
        int consumed = 0;
        int from = 0;
        try {
            for (int end : ends) {
                consumed += p.feed(raw, from, end - from);
                from = end;
                if (p.complete()) {
                    break;
                }
            }
            if (!p.complete() && eof) {
                p.endOfStream();
            }
            if (!p.complete()) {
                return "incomplete";
            }
        } catch (IOException e) {
            return "error: " + e.getMessage();
        }
        int extra = raw.length - consumed;
        return p.status() + " body=" + p.bodyBytes() + (p.closeAfter() ? " close" : " keep")
                + (extra > 0 ? " extra=" + extra : "");
    }

    /** The rule the other engines read a Content-Length value by is the framing's own. */
    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            5        | 5
            " 7 "    | 7
            "5, 5"   | 5
            0        | 0
            +5       | -1
            -1       | -1
            "5, 6"   | -1
            abc      | -1
            0x10     | -1
            ""       | -1
            """)
    void aContentLengthValueIsReadAsTheFramingReadsIt(String value, long length) {
        assertThat(Http1ResponseParser.contentLength(value)).isEqualTo(length);
    }

    private static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n");
    }
}
