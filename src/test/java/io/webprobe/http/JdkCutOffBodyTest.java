package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.testsupport.RawServer;
import io.webprobe.testsupport.SelfSignedCertificate;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A response whose headers arrived and whose body then broke off (the server closed the
 * connection), read over java.net.http: said as the crawl's own HTTP/1.1 client says it (in
 * the middle of the body), never "without answering", over https (a loopback TLS server with a
 * self-signed certificate) and plain http alike.
 */
class JdkCutOffBodyTest {
    @TempDir
    static Path dir;
    private static SSLContext tls;

    /** A loopback TLS server's context, its certificate made once for the class. */
    private static SSLContext tls() throws Exception {
        if (tls == null) {
            tls = SelfSignedCertificate.create(dir, "loopback", "ip:127.0.0.1").serverContext();
        }
        return tls;
    }

    private static final String LENGTH_CUT = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
            + "Content-Length: 200\r\n\r\n<html>only a part";
    private static final String CHUNK_CUT = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n40\r\n<html>only a part";

    private FetchResponse fetch(RawServer server) {
        try (JdkHttpProbe probe = new JdkHttpProbe("t", Duration.ofSeconds(5),
                TlsTrust.insecure())) {
            return probe.fetch(new FetchRequest(URI.create(server.url("/")), "GET",
                    Duration.ofSeconds(10), 1_000_000, (status, type) -> true));
        }
    }

    @Test
    void aBodyCutOffAfterTheHeadersIsSaidAsTheHttp1ClientSaysIt() throws Exception {
        SSLContext tls = tls();
        for (String response : List.of(LENGTH_CUT, CHUNK_CUT)) {
            for (SSLContext context : java.util.Arrays.asList(tls, null)) {
                try (RawServer server = RawServer.answeringOnce(response, context)) {
                    FetchResponse r = fetch(server);
                    String what = (context == null ? "http, " : "https, ")
                            + (response == LENGTH_CUT ? "Content-Length" : "chunked");
                    assertThat(r.error()).as(what).isEqualTo(ErrorKind.CLOSED);
                    assertThat(r.errorMessage()).as(what)
                            .isEqualTo("The server closed the connection in the middle of the body");
                }
            }
        }
    }

    /**
     * A head cut off after a part of it: java.net.http put its parser's state around the
     * failure ("parsing HTTP/1.1 header, receiving [Content-Ty], parser state [HEADER]"),
     * which was shown as an I/O error in those words, a reset or a close alike.
     */
    @Test
    void aHeadCutOffIsAClosedOrResetConnectionInPlainWords() throws Exception {
        String part = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Le";
        for (SSLContext context : java.util.Arrays.asList(tls(), null)) {
            String over = context == null ? "http" : "https";
            try (RawServer closing = RawServer.answeringOnce(part, context)) {
                FetchResponse r = fetch(closing);
                assertThat(r.error()).as(over).isEqualTo(ErrorKind.CLOSED);
                assertThat(r.errorMessage()).as(over).isEqualTo(
                        "The server closed the connection in the middle of the response");
            }
            try (RawServer resetting = new RawServer((s, server) -> {
                if (server.readHead(s) != null) {
                    s.getOutputStream().write(part.getBytes(StandardCharsets.ISO_8859_1));
                    s.getOutputStream().flush();
                    s.setSoLinger(true, 0); // the close sends a reset
                }
            }, context)) {
                FetchResponse r = fetch(resetting);
                // over TLS java.net.http may meet the reset as a write's broken pipe: a
                // dropped connection either way, never the parser's words
                assertThat(r.error()).as(over).isIn(ErrorKind.RESET, ErrorKind.CLOSED);
                assertThat(r.errorMessage()).as(over).isIn("The server reset the connection",
                        "The server closed the connection in the middle of the response");
            }
        }
    }

    /**
     * An answer that is not HTTP, over java.net.http (https), is said as the crawl's own
     * HTTP/1.1 client says it for plain http: no character codes, no client's words, and two
     * Content-Length values that differ fail as they do there (java.net.http read the first).
     */
    @Test
    void anAnswerThatIsNotHttpIsSaidAsTheHttp1ClientSaysIt() throws Exception {
        java.util.Map<String, String> answers = new java.util.LinkedHashMap<>();
        answers.put("hello world\r\n",
                "The server did not answer with HTTP/1.x: hello world");
        answers.put("HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\n",
                "The server switched protocols (101) though no upgrade was asked for");
        answers.put("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n",
                "The server's response body is malformed: 'z' cannot begin a chunk size"
                        + " (Transfer-Encoding: chunked)");
        answers.put("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\nokxyz",
                "The response has two different Content-Length values (2 and 5)");
        for (var answer : answers.entrySet()) {
            try (RawServer server = RawServer.answeringOnce(answer.getKey(), tls())) {
                FetchResponse r = fetch(server);
                assertThat(r.error()).as(answer.getValue()).isEqualTo(ErrorKind.IO);
                assertThat(r.errorMessage()).isEqualTo(answer.getValue());
            }
        }
    }
}
