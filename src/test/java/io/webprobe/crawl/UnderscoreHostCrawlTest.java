package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.RawServer;
import io.webprobe.testsupport.SelfSignedCertificate;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site reached by a host name with an underscore ({@code a_b.localhost}, loopback as every
 * {@code *.localhost} name), which browsers load: java.net.URI gives no host for it, and the
 * crawl reported its start URL as an invalid URL. It is now crawled over http and https (the
 * crawl's own HTTP/1.1 client), its links followed, its name sent as the Host header.
 */
class UnderscoreHostCrawlTest {
    private final LocalHttpServer site = new LocalHttpServer();
    private final Queue<String> hostHeaders = new ConcurrentLinkedQueue<>();

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        site.close();
    }

    private static Map<String, CrawlResult> crawl(CrawlPlan plan) throws Exception {
        var events = new RecordingCrawlListener();
        try (CrawlJob job = TestJobs.job(plan, events)) {
            job.start();
            events.awaitFinish();
        }
        return events.stored().stream()
                .collect(Collectors.toMap(CrawlResult::url, Function.identity()));
    }

    @Test
    void aSiteReachedByAnUnderscoreNameIsCrawledAndItsLinksFollowed() throws Exception {
        String root = "http://a_b.localhost:" + site.port() + "/";
        site.route("/", ex -> {
            hostHeaders.add(ex.getRequestHeaders().getFirst("Host"));
            html("<a href=\"/sub\">sub</a><a href=\"" + root + "abs\">abs</a>").handle(ex);
        });
        site.route("/sub", html("<a href=\"deeper\">deeper</a>"));
        site.route("/abs", html("abs"));
        site.route("/deeper", html("deeper"));

        Map<String, CrawlResult> rows = crawl(CrawlPlan.of(URI.create(root), "t"));

        for (String path : new String[] {"", "sub", "abs", "deeper"}) {
            assertThat(rows.get(root + path)).as(path).isNotNull()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(200));
        }
        assertThat(hostHeaders).containsExactly("a_b.localhost:" + site.port());
    }

    @Test
    void anHttpsSiteReachedByAnUnderscoreNameIsCrawledWithItsCertificateChecked()
            throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.forDnsNames(dir, "site",
                "a_b.localhost");
        try (RawServer server = new RawServer((socket, srv) -> {
            String head;
            while ((head = srv.readHead(socket)) != null) {
                String path = head.substring(4, head.indexOf(' ', 4));
                String body = path.equals("/") ? "<a href=\"/sub\">sub</a>"
                        : path.equals("/sub") ? "sub" : null;
                String response = body == null
                        ? "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
                        : "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
                                + body.length() + "\r\n\r\n" + body;
                socket.getOutputStream().write(response.getBytes(StandardCharsets.US_ASCII));
            }
        }, cert.serverContext())) {
            String root = "https://a_b.localhost:" + server.port() + "/";

            Map<String, CrawlResult> rows = crawl(CrawlPlan.of(URI.create(root), "t")
                    .toBuilder().caCertFile(cert.pem().toString()).build());

            assertThat(rows.get(root).status()).isEqualTo(200);
            assertThat(rows.get(root + "sub").status()).isEqualTo(200);
            assertThat(server.requests()).filteredOn(h -> h.startsWith("GET / "))
                    .singleElement().asString()
                    .contains("\r\nHost: a_b.localhost:" + server.port() + "\r\n");
        }
    }

    /** The certificate's name is still checked: one trusted, but for another name, is refused. */
    @Test
    void anHttpsSiteByAnUnderscoreNameWithACertificateForAnotherNameIsRefused() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.forDnsNames(dir, "other",
                "other.localhost");
        try (RawServer server = new RawServer((socket, srv) -> {
            while (srv.readHead(socket) != null) {
                socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
            }
        }, cert.serverContext())) {
            String root = "https://a_b.localhost:" + server.port() + "/";
            var events = new RecordingCrawlListener();
            try (CrawlJob job = TestJobs.job(CrawlPlan.of(URI.create(root), "t").toBuilder()
                    .caCertFile(cert.pem().toString()).respectRobots(false).build(), events)) {
                job.start();
                CrawlSummary summary = events.awaitFinish();

                assertThat(summary.startFailure()).contains("a_b.localhost")
                        .containsIgnoringCase("certificate");
                assertThat(server.requests()).isEmpty(); // no request went over it
            }
        }
    }
}
