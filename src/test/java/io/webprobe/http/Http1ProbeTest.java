package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.RefusedPort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Http1Probe} against {@link LocalHttpServer} and against raw sockets that send exactly
 * the bytes a test scripts, so framing (chunks, trailers, bodiless responses, read-to-close),
 * connection reuse and deadlines can be checked byte for byte.
 */
class Http1ProbeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final FetchRequest.BodyPolicy KEEP = (status, type) -> true;

    private final LocalHttpServer server = new LocalHttpServer();
    private final Http1Probe probe = new Http1Probe("Webprobe/test", Duration.ofSeconds(2));
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void tearDown() throws Exception {
        release.countDown();
        probe.close();
        for (AutoCloseable c : toClose) {
            c.close();
        }
        server.close();
    }

    private static FetchRequest get(String url) {
        return new FetchRequest(URI.create(url), "GET", TIMEOUT, 1 << 20, KEEP, List.of(), true);
    }

    private RawServer raw(Script script) throws IOException {
        RawServer s = new RawServer(script);
        toClose.add(s);
        return s;
    }

    private static String body(FetchResponse r) {
        return r.body() == null ? null : new String(r.body().bytes(), StandardCharsets.UTF_8);
    }

    private static void assertOk(FetchResponse r, int status) {
        assertNull(r.error(), () -> "unexpected failure: " + r.errorMessage());
        assertEquals(status, r.status());
    }

    // == addresses ==

    @Test
    void aLargeHeaderIsReadAndAHeadOverTheLimitFailsInPlainWords() throws IOException {
        String value = "v".repeat(60 * 1024);
        RawServer s = raw(c -> {
            for (String head; (head = c.readHead()) != null; ) {
                String big = head.startsWith("GET /huge ") ? "h".repeat(300 * 1024) : value;
                c.write("HTTP/1.1 200 OK\r\nContent-Security-Policy: " + big
                        + "\r\nContent-Length: 2\r\n\r\nok");
            }
        });

        FetchResponse large = probe.fetch(get(s.url("/large")));
        assertOk(large, 200);
        assertEquals(value, large.header("content-security-policy"));
        FetchResponse huge = probe.fetch(get(s.url("/huge")));
        assertEquals(ErrorKind.IO, huge.error());
        assertEquals("The server's response headers are too large (over 256 KB)",
                huge.errorMessage());
    }

    /**
     * Found by an exploratory pass: 201 header fields were "I/O error" (a count limit of 200),
     * where curl, hey and java.net.http read them; the head is limited by its size alone, as
     * Chrome, curl and Go's client limit it, however many fields make it up.
     */
    @Test
    void manyHeaderFieldsAreReadAndOnlyTheirSizeIsLimited() throws IOException {
        String fields = "X-Field: f\r\n".repeat(1_000);
        String tiny = "a:b\r\n".repeat(Http1ResponseParser.MAX_HEAD / 5 + 1);
        RawServer s = raw(c -> {
            for (String head; (head = c.readHead()) != null; ) {
                c.write("HTTP/1.1 200 OK\r\n" + (head.startsWith("GET /tiny ") ? tiny : fields)
                        + "Content-Length: 2\r\n\r\nok");
            }
        });

        FetchResponse many = probe.fetch(get(s.url("/many")));
        FetchResponse overSize = probe.fetch(get(s.url("/tiny")));

        assertOk(many, 200);
        assertThat(many.headers()).filteredOn(h -> h.name().equals("x-field")).hasSize(1_000);
        // held as one text of about the head's bytes, not an object per field
        assertThat(many.headers()).isInstanceOfSatisfying(ResponseHeaders.class,
                h -> assertThat(h.heldBytes()).isLessThan(2L * fields.length()));
        assertEquals("ok", body(many));
        assertEquals(ErrorKind.IO, overSize.error());
        assertEquals(Http1ResponseParser.HEADERS_TOO_LARGE, overSize.errorMessage());
    }

    @Test
    void localhostReachesAServerListeningOnTheIPv6LoopbackOnly() throws Exception {
        // held refused on 127.0.0.1, which the system resolves localhost to first
        java.util.Optional<LocalHttpServer> ipv6 = LocalHttpServer.onIpv6LoopbackOnly();
        org.junit.jupiter.api.Assumptions.assumeTrue(ipv6.isPresent(), "no IPv6 loopback here");
        LocalHttpServer six = ipv6.get();
        toClose.add(six);
        six.route("/hello", LocalHttpServer.html("<p>six</p>"));

        FetchResponse r = probe.fetch(get("http://localhost:" + six.port() + "/hello"));

        assertOk(r, 200);
        assertEquals("<p>six</p>", body(r));
    }

    // == the request line ==

    @Test
    void aRequestsTargetIsSentAsGivenAndOnlyVisibleAsciiStartingWithASlashIsTaken()
            throws Exception {
        RawServer s = raw(c -> {
            while (c.readHead() != null) {
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            }
        });

        assertOk(probe.fetch(get(s.url("/a%25zz?q=1")).withTarget("/a%zz?q=1")), 200);
        assertOk(probe.fetch(get(s.url("/a%25zz"))), 200);

        assertEquals(List.of("/a%zz?q=1", "/a%25zz"), s.paths());
        for (String bad : new String[] {"a", "/a b", "/a\r\nX: y", "/é"}) {
            assertThrows(IllegalArgumentException.class,
                    () -> get(s.url("/")).withTarget(bad), bad);
        }
    }

    // == body framing ==

    @Test
    void fixedLengthBodyIsReadWithItsContentType() {
        server.route("/hello", LocalHttpServer.html("<p>hello</p>"));

        FetchResponse r = probe.fetch(get(server.url("/hello")));

        assertOk(r, 200);
        assertEquals("<p>hello</p>", body(r));
        assertEquals(12, r.sizeBytes());
        assertEquals("text/html; charset=utf-8", r.contentType());
        assertThat(r.truncated()).isFalse();
        assertEquals(HttpVersion.HTTP_1_1, r.version());
    }

    @Test
    void bodyIsCountedButNotKeptWhenThePolicySaysNo() {
        server.route("/hello", LocalHttpServer.html("<p>hello</p>"));

        FetchResponse r = probe.fetch(new FetchRequest(URI.create(server.url("/hello")), "GET",
                TIMEOUT, 1 << 20, FetchRequest.BodyPolicy.NEVER));

        assertOk(r, 200);
        assertNull(r.body());
        assertEquals(12, r.sizeBytes());
    }

    @Test
    void chunkedBodyWithExtensionsAndTrailerIsDecodedAndTheConnectionStaysUsable()
            throws Exception {
        RawServer s = raw(c -> {
            while (c.readHead() != null) {
                c.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n"
                        + "5;name=value\r\nhello\r\n"
                        + "7 ; quoted=\"a;b\"\r\n, world\r\n"
                        + "1\r\n!\r\n"
                        + "0;last\r\nX-Checksum: abc\r\nX-More: 1\r\n\r\n");
            }
        });

        FetchResponse first = probe.fetch(get(s.url("/one")));
        FetchResponse second = probe.fetch(get(s.url("/two")));

        assertOk(first, 200);
        assertEquals("hello, world!", body(first));
        assertEquals(13, first.sizeBytes());
        // the trailer was consumed: the next response on the same connection parses cleanly
        assertOk(second, 200);
        assertEquals("hello, world!", body(second));
        assertEquals(1, s.accepted.get());
        assertThat(s.paths()).containsExactly("/one", "/two");
    }

    @Test
    void headResponseHasNoBodyEvenWithAContentLength() throws Exception {
        RawServer s = raw(c -> {
            for (String head; (head = c.readHead()) != null; ) {
                if (head.startsWith("HEAD ")) {
                    c.write("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n");
                } else {
                    c.write("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc");
                }
            }
        });

        FetchResponse head = probe.fetch(new FetchRequest(URI.create(s.url("/h")), "HEAD",
                TIMEOUT, 1 << 20, KEEP, List.of(), true));
        FetchResponse next = probe.fetch(get(s.url("/g")));

        assertOk(head, 200);
        assertEquals(5000, head.sizeBytes()); // the HttpProbe contract: HEAD's announced length
        assertThat(head.body() == null ? 0 : head.body().length()).isZero();
        assertOk(next, 200);
        assertEquals("abc", body(next));
        assertEquals(1, s.accepted.get());
        assertThat(s.heads.poll()).startsWith("HEAD /h HTTP/1.1\r\n");
    }

    @Test
    void noContentResponseEndsAtItsHeadersWhileTheServerKeepsTheConnectionOpen()
            throws Exception {
        RawServer s = raw(c -> {
            for (String head; (head = c.readHead()) != null; ) {
                if (head.startsWith("GET /empty ")) {
                    c.write("HTTP/1.1 204 No Content\r\nX-Note: none\r\n\r\n");
                } else {
                    c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                }
            }
        });

        FetchResponse empty = probe.fetch(get(s.url("/empty")));
        FetchResponse next = probe.fetch(get(s.url("/next")));

        assertOk(empty, 204);
        assertEquals(0, empty.sizeBytes());
        assertOk(next, 200);
        assertEquals("ok", body(next));
        assertEquals(1, s.accepted.get());
    }

    @Test
    void http10ResponseWithoutLengthIsReadToCloseAndItsConnectionNotReused() throws Exception {
        RawServer s = raw(c -> {
            if (c.readHead() != null) {
                c.write("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n");
                c.write("all of this, ");
                c.write("until the server closes");
            }
        });

        FetchResponse first = probe.fetch(get(s.url("/a")));
        FetchResponse second = probe.fetch(get(s.url("/b")));

        assertOk(first, 200);
        assertEquals("all of this, until the server closes", body(first));
        assertEquals(HttpVersion.HTTP_1_0, first.version());
        assertOk(second, 200);
        assertEquals(HttpVersion.HTTP_1_0, second.version());
        assertEquals(2, s.accepted.get());
    }

    @Test
    void bodyOverTheCapIsTruncatedAndItsConnectionIsNotReused() throws Exception {
        String big = "x".repeat(200_000);
        RawServer s = raw(c -> {
            for (String head; (head = c.readHead()) != null; ) {
                if (head.startsWith("GET /big ")) {
                    c.write("HTTP/1.1 200 OK\r\nContent-Length: " + big.length() + "\r\n\r\n");
                    c.write(big);
                } else {
                    c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                }
            }
        });

        FetchResponse r = probe.fetch(new FetchRequest(URI.create(s.url("/big")), "GET",
                TIMEOUT, 1000, KEEP, List.of(), true));
        FetchResponse next = probe.fetch(get(s.url("/small")));

        assertOk(r, 200);
        assertThat(r.truncated()).isTrue();
        assertEquals(1000, r.sizeBytes());
        assertEquals(1000, r.body().length());
        assertOk(next, 200);
        assertEquals("ok", body(next));
        assertEquals(2, s.accepted.get());
    }

    /**
     * A body past what is kept in memory (with --max-size 60MB a page was one 60 MB array,
     * grown by doubling: eight of them ran a 160 MB heap out) goes on in a temporary file,
     * sized, chunked or gzip-encoded alike, and reads back byte for byte.
     */
    @Test
    void aBodyLargerThanWhatIsKeptInMemoryIsKeptInATemporaryFile() throws IOException {
        byte[] page = new byte[ResponseBody.IN_MEMORY + 1_234_567];
        new java.util.Random(7).nextBytes(page);
        byte[] zipped = ContentDecodingTest.gzip(page);
        server.route("/sized", ex -> {
            ex.sendResponseHeaders(200, page.length);
            ex.getResponseBody().write(page);
        });
        server.route("/chunked", ex -> {
            ex.sendResponseHeaders(200, 0);
            ex.getResponseBody().write(page);
        });
        server.route("/zipped", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            ex.sendResponseHeaders(200, zipped.length);
            ex.getResponseBody().write(zipped);
        });

        for (String path : List.of("/sized", "/chunked", "/zipped")) {
            FetchResponse r = probe.fetch(new FetchRequest(URI.create(server.url(path)), "GET",
                    TIMEOUT, 60L << 20, KEEP, List.of(), true));
            assertOk(r, 200);
            assertThat(r.truncated()).as(path).isFalse();
            assertThat(r.body().inMemory()).as(path).isFalse();
            assertThat(r.body().length()).as(path).isEqualTo(page.length);
            assertThat(r.body().bytes()).as(path).isEqualTo(page);
            r.release();
        }
    }

    /**
     * Codings in two Content-Encoding fields are one list (RFC 9110), as Chrome reads them: a
     * body gzipped twice, once by the application and once by a proxy that added its own
     * field, is undone twice. Only the first field was read: the body stayed gzip.
     */
    @Test
    void codingsInTwoFieldsAreUndoneInTurn() throws IOException {
        byte[] page = "<a href=/x>x</a>".getBytes(StandardCharsets.US_ASCII);
        String twice = new String(ContentDecodingTest.gzip(ContentDecodingTest.gzip(page)),
                StandardCharsets.ISO_8859_1);
        RawServer s = raw(c -> {
            c.readHead();
            c.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                    + "Content-Encoding: gzip\r\nContent-Length: " + twice.length()
                    + "\r\nConnection: close\r\n\r\n" + twice);
        });

        FetchResponse r = probe.fetch(get(s.url("/twice")));

        assertOk(r, 200);
        assertThat(r.body().bytes()).isEqualTo(page);
        r.release();
    }

    // == connections ==

    @Test
    void keepAliveReusesOneConnectionForSequentialRequests() throws Exception {
        RawServer s = raw(c -> {
            while (c.readHead() != null) {
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            }
        });

        for (int i = 0; i < 5; i++) {
            assertOk(probe.fetch(get(s.url("/" + i))), 200);
        }

        assertEquals(1, s.accepted.get());
        assertThat(s.paths()).containsExactly("/0", "/1", "/2", "/3", "/4");
        assertThat(s.heads).allSatisfy(h -> assertThat(h.toLowerCase()).doesNotContain("connection: close"));
    }

    @Test
    void withoutKeepAliveEachRequestSaysConnectionCloseAndGetsItsOwnConnection()
            throws Exception {
        RawServer s = raw(c -> {
            while (c.readHead() != null) {
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            }
        });

        for (int i = 0; i < 3; i++) {
            FetchResponse r = probe.fetch(new FetchRequest(URI.create(s.url("/" + i)), "GET",
                    TIMEOUT, 1 << 20, KEEP, List.of(new Header("Connection", "keep-alive")), false));
            assertOk(r, 200);
        }

        assertEquals(3, s.accepted.get());
        assertThat(s.heads).hasSize(3).allSatisfy(h -> {
            assertThat(h).contains("\r\nConnection: close\r\n");
            // the caller's own Connection header cannot contradict it
            assertThat(h).doesNotContainIgnoringCase("keep-alive");
        });
    }

    @Test
    void serverThatSaysConnectionCloseGetsANewConnectionNextTime() throws Exception {
        RawServer s = raw(c -> {
            while (c.readHead() != null) {
                c.write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok");
            }
        });

        assertOk(probe.fetch(get(s.url("/1"))), 200);
        assertOk(probe.fetch(get(s.url("/2"))), 200);

        assertEquals(2, s.accepted.get());
    }

    @Test
    void pooledConnectionClosedByTheServerIsRetriedOnceOnANewOne() throws Exception {
        BlockingQueue<Integer> closedAfter = new LinkedBlockingQueue<>();
        RawServer s = raw(c -> {
            // answers one request as if keeping the connection, then closes it quietly
            if (c.readHead() != null) {
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            }
            c.close();
            closedAfter.add(1);
        });

        FetchResponse first = probe.fetch(get(s.url("/first")));
        assertThat(closedAfter.poll(5, TimeUnit.SECONDS)).isNotNull();
        FetchResponse second = probe.fetch(get(s.url("/second")));

        assertOk(first, 200);
        assertOk(second, 200);
        assertEquals("ok", body(second));
        assertEquals(2, s.accepted.get());
        assertThat(s.paths()).containsExactly("/first", "/second");
    }

    @Test
    void staleConnectionIsRetriedOnlyOnce() throws Exception {
        BlockingQueue<Integer> closedAfter = new LinkedBlockingQueue<>();
        AtomicInteger connections = new AtomicInteger();
        RawServer s = raw(c -> {
            boolean first = connections.incrementAndGet() == 1;
            if (c.readHead() != null && first) {
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            }
            c.close(); // later connections: closed without an answer
            closedAfter.add(1);
        });

        assertOk(probe.fetch(get(s.url("/first"))), 200);
        assertThat(closedAfter.poll(5, TimeUnit.SECONDS)).isNotNull();
        FetchResponse r = probe.fetch(get(s.url("/second")));

        assertEquals(ErrorKind.CLOSED, r.error());
        assertEquals(2, s.accepted.get());
    }

    @Test
    void freshConnectionClosedWithoutAnAnswerIsAFailureNotARetryLoop() throws Exception {
        RawServer s = raw(c -> {
            c.readHead();
            c.close();
        });

        FetchResponse r = probe.fetch(get(s.url("/")));

        assertEquals(ErrorKind.CLOSED, r.error());
        assertEquals(0, r.status());
        assertEquals(1, s.accepted.get());
    }

    // == redirects, headers ==

    @Test
    void redirectIsReturnedAsIsWithItsLocation() {
        server.route("/old", LocalHttpServer.redirect(301, "/new"));
        server.route("/new", LocalHttpServer.html("new"));

        FetchResponse r = probe.fetch(get(server.url("/old")));

        assertOk(r, 301);
        assertEquals("/new", r.location());
        assertThat(r.isRedirect()).isTrue();
        assertEquals(0, server.hits("/new"));
    }

    @Test
    void extraHeadersAreSentAndCanReplaceTheUserAgent() throws Exception {
        RawServer s = raw(c -> {
            while (c.readHead() != null) {
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
            }
        });

        assertOk(probe.fetch(get(s.url("/plain?x=1"))), 200);
        assertOk(probe.fetch(new FetchRequest(URI.create(s.url("/custom")), "GET", TIMEOUT,
                1 << 20, KEEP, List.of(new Header("X-Probe", "yes"),
                        new Header("user-agent", "Custom/1.0")), true)), 200);

        String plain = s.heads.poll(5, TimeUnit.SECONDS);
        String custom = s.heads.poll(5, TimeUnit.SECONDS);
        assertThat(plain).startsWith("GET /plain?x=1 HTTP/1.1\r\n")
                .contains("\r\nHost: 127.0.0.1:" + s.port() + "\r\n")
                .contains("\r\nUser-Agent: Webprobe/test\r\n");
        assertThat(custom).startsWith("GET /custom HTTP/1.1\r\n")
                .contains("\r\nX-Probe: yes\r\n")
                .contains("\r\nuser-agent: Custom/1.0\r\n")
                .doesNotContain("Webprobe/test");
        assertEquals(1, custom.toLowerCase().split("\r\nuser-agent:", -1).length - 1);
    }

    // == deadlines, cancellation, failures ==

    @Test
    @Timeout(60)
    void bodyThatStopsAfterOneByteTimesOutWithinTheDeadline() throws Exception {
        RawServer s = raw(c -> {
            if (c.readHead() != null) {
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nx");
                awaitQuietly(release);
            }
        });
        Duration timeout = Duration.ofMillis(300);

        long t0 = System.nanoTime();
        FetchResponse r = probe.fetch(new FetchRequest(URI.create(s.url("/")), "GET", timeout,
                1 << 20, KEEP, List.of(), true));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

        assertEquals(ErrorKind.TIMEOUT, r.error());
        // not before the deadline; that it ends at all is the test's own @Timeout (a fetch that
        // waited on the stalled body would never return): no bound on how fast this machine is
        assertThat(ms).isGreaterThanOrEqualTo(280L);
    }

    @Test
    @Timeout(60)
    void tricklingBodyTimesOutAtTheOverallDeadlineNotPerRead() throws Exception {
        ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
        toClose.add(drip::shutdownNow);
        RawServer s = raw(c -> {
            if (c.readHead() != null) {
                // a body that would take ~2 days at this pace: a per-read timeout never ends it
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 10000000\r\n\r\n");
                CountDownLatch broken = new CountDownLatch(1);
                // one byte every 20 ms: each read succeeds well within any per-read timeout
                drip.scheduleAtFixedRate(() -> {
                    try {
                        c.write("x");
                    } catch (IOException e) {
                        broken.countDown();
                        throw new IllegalStateException("client gone");
                    }
                }, 0, 20, TimeUnit.MILLISECONDS);
                awaitQuietly(broken);
            }
        });
        Duration timeout = Duration.ofMillis(400);

        long t0 = System.nanoTime();
        FetchResponse r = probe.fetch(new FetchRequest(URI.create(s.url("/")), "GET", timeout,
                1 << 20, KEEP, List.of(), true));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

        assertEquals(ErrorKind.TIMEOUT, r.error());
        assertThat(ms).isGreaterThanOrEqualTo(380L); // and it returned: the overall deadline held
    }

    @Test
    void closeFromAnotherThreadMakesABlockedFetchReturnCancelled() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        RawServer s = raw(c -> {
            if (c.readHead() != null) {
                arrived.countDown();
                awaitQuietly(release);
            }
        });
        CompletableFuture<FetchResponse> pending = CompletableFuture.supplyAsync(
                () -> probe.fetch(new FetchRequest(URI.create(s.url("/")), "GET",
                        Duration.ofSeconds(30), 1 << 20, KEEP, List.of(), true)));
        assertThat(arrived.await(5, TimeUnit.SECONDS)).as("request reached the server").isTrue();

        probe.close();

        FetchResponse r = pending.get(5, TimeUnit.SECONDS);
        assertEquals(ErrorKind.CANCELLED, r.error());
        assertEquals(0, r.status());
        // closed for good: a later call is cancelled too
        assertEquals(ErrorKind.CANCELLED, probe.fetch(get(s.url("/later"))).error());
    }

    @Test
    void closedPortIsRefused() throws Exception {
        RefusedPort closed = RefusedPort.forLocalhost();
        toClose.add(closed);
        int port = closed.port();

        FetchResponse r = probe.fetch(get("http://127.0.0.1:" + port + "/"));
        // localhost: 127.0.0.1 and ::1 both tried, the first refusal reported
        FetchResponse local = probe.fetch(get("http://localhost:" + port + "/"));

        assertEquals(ErrorKind.REFUSED, r.error());
        assertEquals("Connection refused", r.errorMessage());
        assertEquals(ErrorKind.REFUSED, local.error());
        assertEquals("Connection refused", local.errorMessage());
    }

    @Test
    void unknownHostIsADnsFailure() {
        FetchResponse r = probe.fetch(get("http://no-such-host.invalid/"));

        assertEquals(ErrorKind.DNS, r.error());
    }

    @Test
    void nonHttpAnswerIsAnIoFailureWithThePlainReason() throws Exception {
        RawServer s = raw(c -> {
            if (c.readHead() != null) {
                c.write("SSH-2.0-OpenSSH_9.6\r\n");
                awaitQuietly(release);
            }
        });

        FetchResponse r = probe.fetch(get(s.url("/")));

        assertEquals(ErrorKind.IO, r.error());
        assertThat(r.errorMessage()).startsWith("The server did not answer with HTTP/1.x");
    }

    // == a scriptable raw HTTP server ==

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the raw server does on one accepted connection. */
    @FunctionalInterface
    interface Script {
        void talk(Conn c) throws IOException;
    }

    /** One accepted connection seen from the server side. */
    static final class Conn {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final BlockingQueue<String> heads;

        Conn(Socket socket, BlockingQueue<String> heads) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
            this.heads = heads;
        }

        /** Reads one request head (through the blank line); null when the client closed. */
        String readHead() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int matched = 0;
            for (int c; (c = in.read()) >= 0; ) {
                b.write(c);
                matched = c == "\r\n\r\n".charAt(matched) ? matched + 1 : c == '\r' ? 1 : 0;
                if (matched == 4) {
                    String head = b.toString(StandardCharsets.ISO_8859_1);
                    heads.add(head);
                    return head;
                }
            }
            return null;
        }

        void write(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        void close() throws IOException {
            socket.close();
        }
    }

    /** Accepts connections on loopback and runs the script on each, counting them. */
    static final class RawServer implements AutoCloseable {
        final AtomicInteger accepted = new AtomicInteger();
        final BlockingQueue<String> heads = new LinkedBlockingQueue<>();
        private final ServerSocket listener;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "raw-server");
            t.setDaemon(true);
            return t;
        });

        RawServer(Script script) throws IOException {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            threads.execute(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket s = listener.accept();
                        accepted.incrementAndGet();
                        sockets.add(s);
                        threads.execute(() -> {
                            try (s) {
                                script.talk(new Conn(s, heads));
                            } catch (IOException | RuntimeException e) {
                                // the client went away; the test checks what it saw
                            }
                        });
                    } catch (IOException e) {
                        return; // closed
                    }
                }
            });
        }

        int port() {
            return listener.getLocalPort();
        }

        String url(String path) {
            return "http://127.0.0.1:" + port() + path;
        }

        /** The request targets received so far, in order. */
        List<String> paths() {
            return heads.stream().map(h -> h.substring(h.indexOf(' ') + 1, h.indexOf(" HTTP/")))
                    .toList();
        }

        @Override
        public void close() throws IOException {
            listener.close();
            for (Socket s : sockets) {
                s.close();
            }
            threads.shutdownNow();
        }
    }
}
