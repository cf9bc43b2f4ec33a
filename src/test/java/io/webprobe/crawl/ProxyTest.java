package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.ErrorKind;
import io.webprobe.http.FetchRequest;
import io.webprobe.http.FetchResponse;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.TlsTrust;
import io.webprobe.testsupport.RawServer;
import io.webprobe.testsupport.SelfSignedCertificate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawl through an HTTP proxy sends a URL's bytes as it sends them without one, as a
 * browser does: a "%" not followed by two hex digits ({@code /a%zz}) stays as it is. Before,
 * a proxy set for the JVM sent every request through java.net.http, which can send only what
 * a {@link URI} holds, {@code /a%25zz}: another URL to the server.
 */
class ProxyTest {
    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
            + "Content-Length: 2\r\n\r\nok";

    @TempDir
    Path dir;

    private static FetchRequest get(String url, String target) {
        return new FetchRequest(URI.create(url), "GET", Duration.ofSeconds(10), 1 << 20,
                FetchRequest.BodyPolicy.HTML, List.of(), true).withTarget(target);
    }

    private static HttpProbe probe(String start, TlsTrust trust, RawServer proxy) {
        CrawlPlan plan = CrawlPlan.of(URI.create(start), "Webprobe/test");
        return CrawlProbes.forPlan(plan, Duration.ofSeconds(5), trust, proxy == null ? null
                : ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port())));
    }

    private static String firstLine(String head) {
        return head.substring(0, head.indexOf("\r\n"));
    }

    @Test
    void aStrayPercentGoesToAnHttpProxyAsItGoesStraightToTheServer() throws Exception {
        try (RawServer origin = RawServer.answering(OK);
                RawServer proxy = RawServer.answering(OK);
                HttpProbe direct = probe(origin.url("/"), TlsTrust.defaults(), null);
                HttpProbe proxied = probe(origin.url("/"), TlsTrust.defaults(), proxy)) {
            String url = origin.url("/a%25zz?q=1%25"); // as the URI holds it
            assertThat(direct.fetch(get(url, "/a%zz?q=1%")).status()).isEqualTo(200);
            assertThat(proxied.fetch(get(url, "/a%zz?q=1%")).status()).isEqualTo(200);

            assertThat(origin.requests()).extracting(ProxyTest::firstLine)
                    .containsExactly("GET /a%zz?q=1% HTTP/1.1");
            // the proxy is asked for the same bytes, after the scheme and host (absolute form)
            assertThat(proxy.requests()).extracting(ProxyTest::firstLine)
                    .containsExactly("GET http://127.0.0.1:" + origin.port()
                            + "/a%zz?q=1% HTTP/1.1");
            assertThat(proxy.requests()).singleElement().satisfies(h -> assertThat(h)
                    .contains("\r\nHost: 127.0.0.1:" + origin.port() + "\r\n"));
        }
    }

    @Test
    void aStrayPercentGoesThroughAnHttpsTunnelAsItGoesStraightToTheServer() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir, "loopback",
                "ip:127.0.0.1");
        TlsTrust trust = TlsTrust.fromPemFile(cert.pem());
        try (RawServer origin = RawServer.answeringTls(OK, cert.serverContext());
                RawServer proxy = new RawServer((s, srv) -> tunnel(s, srv, origin.port()));
                HttpProbe proxied = probe(origin.url("/"), trust, proxy)) {
            FetchResponse r = proxied.fetch(get(origin.url("/a%25zz"), "/a%zz"));

            assertThat(r.error()).isNull();
            assertThat(r.status()).isEqualTo(200);
            assertThat(proxy.requests()).extracting(ProxyTest::firstLine)
                    .containsExactly("CONNECT 127.0.0.1:" + origin.port() + " HTTP/1.1");
            assertThat(origin.requests()).extracting(ProxyTest::firstLine)
                    .containsExactly("GET /a%zz HTTP/1.1");
        }
    }

    @Test
    void aTunnelTheProxyRefusesIsAConnectionThatFailedWithTheProxysStatus() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir, "loopback",
                "ip:127.0.0.1");
        TlsTrust trust = TlsTrust.fromPemFile(cert.pem());
        try (RawServer origin = RawServer.answeringTls(OK, cert.serverContext());
                RawServer proxy = RawServer.answeringOnce("HTTP/1.1 407 Proxy Authentication "
                        + "Required\r\nContent-Length: 0\r\n\r\n");
                HttpProbe proxied = probe(origin.url("/"), trust, proxy)) {
            FetchResponse r = proxied.fetch(get(origin.url("/a%25zz"), "/a%zz"));

            assertThat(r.error()).isEqualTo(ErrorKind.CONNECT);
            assertThat(r.errorMessage()).isEqualTo("Could not connect: the proxy 127.0.0.1:"
                    + proxy.port() + " answered HTTP 407 when asked for a tunnel to 127.0.0.1:"
                    + origin.port());
            assertThat(origin.connections()).isZero();
        }
    }

    @Test
    void aRefusedTunnelToAHostWhoseNameReadsResetIsStillAConnectionThatFailed() throws Exception {
        // the sentence names the host: its letters are not read as the kind of failure
        try (RawServer proxy = RawServer.answeringOnce("HTTP/1.1 407 Proxy Authentication "
                        + "Required\r\nContent-Length: 0\r\n\r\n");
                HttpProbe proxied = probe("https://preset.localhost/", TlsTrust.defaults(),
                        proxy)) {
            FetchResponse r = proxied.fetch(get("https://preset.localhost/a%25zz", "/a%zz"));

            assertThat(r.error()).isEqualTo(ErrorKind.CONNECT);
            assertThat(r.errorMessage()).isEqualTo("Could not connect: the proxy 127.0.0.1:"
                    + proxy.port() + " answered HTTP 407 when asked for a tunnel to "
                    + "preset.localhost:443");
        }
    }

    /**
     * A host name java.net.http refuses ({@code a_b.localhost}) is requested through the proxy
     * as without one, by the crawl's own client: never through java.net.http, whose sentence
     * for it ({@code JdkHttpProbe.unsupportedHost}) said such a host "cannot be requested…
     * through a proxy".
     */
    @Test
    void anUnderscoreHostIsRequestedThroughTheProxyHttpAndHttps() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.forDnsNames(dir, "site",
                "a_b.localhost");
        TlsTrust trust = TlsTrust.fromPemFile(cert.pem());
        try (RawServer proxy = RawServer.answering(OK);
                RawServer origin = RawServer.answeringTls(OK, cert.serverContext());
                RawServer tunnelling = new RawServer((s, srv) -> tunnel(s, srv, origin.port()))) {
            String plain = "http://a_b.localhost:" + proxy.port() + "/x";
            try (HttpProbe proxied = probe(plain, trust, proxy)) {
                FetchResponse r = proxied.fetch(get(plain, "/x"));

                assertThat(r.error()).isNull();
                assertThat(r.status()).isEqualTo(200);
            }
            assertThat(proxy.requests()).extracting(ProxyTest::firstLine)
                    .containsExactly("GET " + plain + " HTTP/1.1");

            String secure = "https://a_b.localhost:" + origin.port() + "/y";
            try (HttpProbe proxied = probe(secure, trust, tunnelling)) {
                FetchResponse r = proxied.fetch(get(secure, "/y"));

                assertThat(r.error()).as(r.errorMessage()).isNull();
                assertThat(r.status()).isEqualTo(200);
            }
            assertThat(tunnelling.requests()).extracting(ProxyTest::firstLine)
                    .containsExactly("CONNECT a_b.localhost:" + origin.port() + " HTTP/1.1");
            assertThat(origin.requests()).extracting(ProxyTest::firstLine)
                    .containsExactly("GET /y HTTP/1.1");
        }
    }

    /** A proxy's tunnel: "200" to the CONNECT, then the bytes both ways to the server. */
    private static void tunnel(Socket client, RawServer self, int serverPort) throws IOException {
        if (self.readHead(client) == null) {
            return;
        }
        client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        try (Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort)) {
            Thread back = Thread.ofPlatform().daemon().name("tunnel-back").start(() -> {
                try {
                    server.getInputStream().transferTo(client.getOutputStream());
                } catch (IOException e) {
                    // one side closed: the tunnel ends
                }
            });
            client.getInputStream().transferTo(server.getOutputStream());
            server.close();
            try {
                back.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
