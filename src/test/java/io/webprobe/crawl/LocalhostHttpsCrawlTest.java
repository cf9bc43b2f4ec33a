package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.testsupport.RawServer;
import io.webprobe.testsupport.SelfSignedCertificate;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A development server listening on ::1 only, crawled at {@code https://localhost:PORT/}:
 * java.net.http (the https client) connects to the system's first address, 127.0.0.1, which
 * refuses, so the crawl failed at its start where a browser, trying ::1 next, loads the site.
 * Its requests now reach ::1 as over plain http.
 */
class LocalhostHttpsCrawlTest {
    @TempDir
    Path dir;

    @Test
    void anHttpsSiteOnTheIpv6LoopbackOnlyIsCrawledAtLocalhost() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir, "localhost",
                "dns:localhost");
        var six = RawServer.onIpv6LoopbackOnly((socket, srv) -> {
            for (String head; (head = srv.readHead(socket)) != null; ) {
                String path = head.substring(4, head.indexOf(' ', 4));
                String body = path.equals("/") ? "<a href=\"/sub\">sub</a>"
                        : path.equals("/sub") ? "sub" : null;
                socket.getOutputStream().write((body == null
                        ? "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
                        : "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
                                + body.length() + "\r\n\r\n" + body)
                        .getBytes(StandardCharsets.US_ASCII));
            }
        }, cert.serverContext());
        Assumptions.assumeTrue(six.isPresent(), "no IPv6 loopback here");
        try (RawServer server = six.get()) {
            String root = "https://localhost:" + server.port() + "/";

            Map<String, CrawlResult> rows = TestJobs.resultsByUrl(CrawlPlan.of(URI.create(root),
                    "t").toBuilder().caCertFile(cert.pem().toString()).build());

            assertThat(rows.get(root).status()).isEqualTo(200);
            assertThat(rows.get(root + "sub").status()).isEqualTo(200);
        }
    }
}
