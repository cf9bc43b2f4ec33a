package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.testsupport.RawServer;
import io.webprobe.testsupport.SelfSignedCertificate;
import java.net.URI;
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
    Path dir;

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
        SSLContext tls = SelfSignedCertificate.create(dir, "loopback", "ip:127.0.0.1")
                .serverContext();
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
}
