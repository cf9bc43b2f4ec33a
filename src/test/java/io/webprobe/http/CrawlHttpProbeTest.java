package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.testsupport.Http2TestServer;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.RawServer;
import io.webprobe.testsupport.SelfSignedCertificate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crawler's probe: plain http through the blocking client, as the JDK's client would. */
class CrawlHttpProbeTest {
    private final LocalHttpServer server = new LocalHttpServer();
    private final CrawlHttpProbe probe = new CrawlHttpProbe(
            new Http1Probe("Webprobe/test", Duration.ofSeconds(5)),
            () -> new JdkHttpProbe("Webprobe/test", Duration.ofSeconds(5)));

    @AfterEach
    void tearDown() {
        probe.close();
        server.close();
    }

    @TempDir
    Path dir;

    private static FetchRequest get(String url, List<Header> headers) {
        return new FetchRequest(URI.create(url), "GET", Duration.ofSeconds(30), 1 << 20,
                FetchRequest.BodyPolicy.HTML, headers, true);
    }

    @Test
    void plainHttpSendsTheSameAcceptHeadersAsTheJdkClientAndDecodesGzip() throws Exception {
        Map<String, String> seen = new ConcurrentHashMap<>();
        byte[] page = "<title>zipped</title>".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(zipped)) {
            z.write(page);
        }
        server.route("/", ex -> {
            seen.put("accept", ex.getRequestHeaders().getFirst("Accept"));
            seen.put("encoding", ex.getRequestHeaders().getFirst("Accept-Encoding"));
            seen.put("agent", ex.getRequestHeaders().getFirst("User-Agent"));
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            ex.sendResponseHeaders(200, zipped.size());
            ex.getResponseBody().write(zipped.toByteArray());
            ex.close();
        });
        FetchResponse r = probe.fetch(get(server.url("/"), List.of()));

        assertThat(r.status()).isEqualTo(200);
        assertThat(new String(r.body().bytes(), StandardCharsets.UTF_8)).isEqualTo("<title>zipped</title>");
        assertThat(seen).containsEntry("accept", CrawlHttpProbe.ACCEPT)
                .containsEntry("encoding", ContentDecoding.ACCEPTED)
                .containsEntry("agent", "Webprobe/test");
    }

    @Test
    void thePlainHttpPathNeverMakesTheTlsClient() {
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        server.route("/", LocalHttpServer.html("<p>plain</p>"));
        try (CrawlHttpProbe lazy = new CrawlHttpProbe(
                new Http1Probe("Webprobe/test", Duration.ofSeconds(5)), () -> {
                    made.incrementAndGet();
                    return new JdkHttpProbe("Webprobe/test", Duration.ofSeconds(5));
                })) {
            assertThat(lazy.fetch(get(server.url("/"), List.of())).status()).isEqualTo(200);
            assertThat(made).hasValue(0);
            // an https URL makes it once (the answer itself does not matter here)
            lazy.fetch(get("https://127.0.0.1:1/", List.of()));
            lazy.fetch(get("https://127.0.0.1:1/", List.of()));
            assertThat(made).hasValue(1);
        }
    }

    @Test
    void plainHttpKeepsTheCookiesAServerSetsAndSendsThemBackToThatServerOnly() throws Exception {
        Map<String, String> sent = new ConcurrentHashMap<>();
        server.route("/gate", ex -> {
            ex.getResponseHeaders().add("Set-Cookie", "consent=yes; Path=/");
            ex.getResponseHeaders().add("Set-Cookie", "session=42; Path=/");
            LocalHttpServer.html("<p>ok</p>").handle(ex);
        });
        server.route("/page", ex -> {
            String c = ex.getRequestHeaders().getFirst("Cookie");
            sent.put("page", c == null ? "" : c);
            LocalHttpServer.html("<p>page</p>").handle(ex);
        });
        try (LocalHttpServer other = new LocalHttpServer(java.net.InetAddress.getByName(
                "127.0.0.2"))) {
            other.route("/", ex -> {
                String c = ex.getRequestHeaders().getFirst("Cookie");
                sent.put("other", c == null ? "" : c);
                LocalHttpServer.html("<p>other</p>").handle(ex);
            });
            try (CrawlHttpProbe jarred = new CrawlHttpProbe(
                    new Http1Probe("Webprobe/test", Duration.ofSeconds(5)),
                    JdkHttpProbe.newCookieJar(),
                    () -> new JdkHttpProbe("Webprobe/test", Duration.ofSeconds(5)))) {
                jarred.fetch(get(server.url("/gate"), List.of()));
                jarred.fetch(get(server.url("/page"), List.of()));
                jarred.fetch(get(other.url("/"), List.of()));
            }
        }
        assertThat(sent.get("page")).contains("consent=yes").contains("session=42");
        assertThat(sent.get("other")).isEmpty();
    }

    @Test
    void theRequestsOwnAcceptHeaderReplacesTheDefault() {
        List<Header> out = CrawlHttpProbe.withDefaults(List.of(new Header("accept", "text/xml"),
                new Header("X-Test", "1")));
        assertThat(out).extracting(Header::name)
                .containsExactly("Accept-Encoding", "accept", "X-Test");
    }

    @Test
    void closingEndsARequestBlockedOnASlowAnswerAtOnce() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.route("/slow", LocalHttpServer.blockUntil(release, arrived, "late"));
        try {
            CompletableFuture<FetchResponse> pending = CompletableFuture.supplyAsync(
                    () -> probe.fetch(get(server.url("/slow"), List.of())));
            assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
            probe.close();
            FetchResponse r = pending.get(20, TimeUnit.SECONDS);   // the request's own: 30 s
            assertThat(r.error()).isEqualTo(ErrorKind.CANCELLED);
        } finally {
            release.countDown();
        }
    }

    /**
     * An https request whose request target its URI cannot hold (a stray "%": the URI has
     * /a%25zz, a browser sends /a%zz) went through java.net.http as /a%25zz, another URL to
     * the server. It goes through the HTTP/1.1 client as the browser's bytes, over TLS with
     * the same trust and the cookies the site set over java.net.http; a request the URI says
     * as it is still goes over java.net.http, HTTP/2 where the server offers it.
     */
    @Test
    void anHttpsTargetItsUriCannotHoldIsSentAsTheBrowserSendsItNormalOnesOverHttp2()
            throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir, "loopback",
                "ip:127.0.0.1");
        TlsTrust trust = TlsTrust.fromPemFile(cert.pem());
        java.net.CookieManager jar = JdkHttpProbe.newCookieJar();
        String ok = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 2\r\n\r\nok";
        try (RawServer raw = new RawServer((socket, srv) -> {
            for (String head; (head = srv.readHead(socket)) != null; ) {
                socket.getOutputStream().write((head.startsWith("GET /gate ")
                        ? "HTTP/1.1 200 OK\r\nSet-Cookie: session=42; Path=/; Secure\r\n"
                                + "Content-Length: 0\r\n\r\n"
                        : ok).getBytes(StandardCharsets.ISO_8859_1));
            }
        }, cert.serverContext());
                Http2TestServer h2 = Http2TestServer.offeringHttp2(cert.serverContext());
                CrawlHttpProbe tls = new CrawlHttpProbe(
                        new Http1Probe("Webprobe/test", Duration.ofSeconds(5), trust),
                        jar,
                        () -> new JdkHttpProbe("Webprobe/test", Duration.ofSeconds(5), trust,
                                jar))) {
            // wired as CrawlProbes wires it: one jar for both clients
            assertThat(tls.fetch(get(raw.url("/gate"), List.of())).status()).isEqualTo(200);
            FetchResponse stray = tls.fetch(get(raw.url("/a%25zz"), List.of())
                    .withTarget("/a%zz"));
            FetchResponse end = tls.fetch(get(raw.url("/100%25"), List.of())
                    .withTarget("/100%"));
            FetchResponse normal = tls.fetch(get(h2.url("/plain"), List.of()));

            assertThat(stray.status()).isEqualTo(200);
            assertThat(end.status()).isEqualTo(200);
            assertThat(raw.requests()).extracting(h -> h.substring(0, h.indexOf("\r\n")))
                    .containsExactly("GET /gate HTTP/1.1", "GET /a%zz HTTP/1.1",
                            "GET /100% HTTP/1.1");
            assertThat(raw.requests()).filteredOn(h -> !h.startsWith("GET /gate "))
                    .hasSize(2).allSatisfy(h -> assertThat(h).contains("\r\nCookie: session=42\r\n")
                            .contains("\r\nAccept: " + CrawlHttpProbe.ACCEPT + "\r\n"));
            assertThat(normal.status()).isEqualTo(200);
            assertThat(h2.requestsByProtocol()).isEqualTo(Map.of("HTTP/2.0", 1L));
        }
    }

    /** A target the URI says as it is is no reason to leave java.net.http. */
    @Test
    void aTargetEqualToTheUrisOwnIsNotBeyondIt() {
        FetchRequest r = get("https://127.0.0.1:1/a%25zz?q=1", List.of());
        assertThat(r.withTarget("/a%25zz?q=1").targetBeyondUri()).isFalse();
        assertThat(r.withTarget(null).targetBeyondUri()).isFalse();
        assertThat(r.withTarget("/a%zz?q=1").targetBeyondUri()).isTrue();
        assertThat(FetchRequest.uriTarget(URI.create("https://h"))).isEqualTo("/");
    }

    /**
     * README said an https crawl's requests go to the system's first address only: a dev
     * server listening on ::1 only was reached at http://localhost:PORT/ but refused at
     * https://localhost:PORT/, since java.net.http does not try the next address. A request
     * refused there goes through the HTTP/1.1 client, which tries ::1, with the cookie jar;
     * a refusal at every address is reported as before.
     */
    @Test
    void anHttpsRequestRefusedAtTheFirstAddressReachesTheNextAsABrowserDoes() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir, "localhost",
                "dns:localhost");
        TlsTrust trust = TlsTrust.fromPemFile(cert.pem());
        java.net.CookieManager jar = JdkHttpProbe.newCookieJar();
        java.util.Optional<RawServer> six = RawServer.onIpv6LoopbackOnly((socket, srv) -> {
            for (String head; (head = srv.readHead(socket)) != null; ) {
                socket.getOutputStream().write((head.startsWith("GET /gate ")
                        ? "HTTP/1.1 200 OK\r\nSet-Cookie: s=1; Path=/\r\n"
                                + "Content-Length: 0\r\n\r\n"
                        : "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 3"
                                + "\r\n\r\nsix")
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
        }, cert.serverContext());
        org.junit.jupiter.api.Assumptions.assumeTrue(six.isPresent(), "no IPv6 loopback here");
        try (RawServer raw = six.get();
                io.webprobe.testsupport.RefusedPort nowhere =
                        io.webprobe.testsupport.RefusedPort.forLocalhost();
                CrawlHttpProbe tls = new CrawlHttpProbe(
                        new Http1Probe("Webprobe/test", Duration.ofSeconds(5), trust), jar,
                        () -> new JdkHttpProbe("Webprobe/test", Duration.ofSeconds(5), trust,
                                jar))) {
            String site = "https://localhost:" + raw.port();

            FetchResponse gate = tls.fetch(get(site + "/gate", List.of()));
            FetchResponse page = tls.fetch(get(site + "/page", List.of()));
            FetchResponse refused = tls.fetch(get("https://localhost:" + nowhere.port() + "/",
                    List.of()));

            assertThat(gate.status()).isEqualTo(200);
            assertThat(page.status()).isEqualTo(200);
            assertThat(new String(page.body().bytes(), StandardCharsets.UTF_8)).isEqualTo("six");
            assertThat(raw.requests()).extracting(h -> h.substring(0, h.indexOf("\r\n")))
                    .containsExactly("GET /gate HTTP/1.1", "GET /page HTTP/1.1");
            assertThat(raw.requests()).last().asString().contains("\r\nCookie: s=1\r\n");
            assertThat(refused.error()).isEqualTo(ErrorKind.REFUSED);
        }
    }
}
