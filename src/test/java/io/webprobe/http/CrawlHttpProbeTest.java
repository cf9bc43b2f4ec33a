package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.testsupport.LocalHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
}
