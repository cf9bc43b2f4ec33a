package io.webprobe.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webprobe.http.ErrorKind;
import io.webprobe.http.Http1Probe;
import io.webprobe.http.TlsTrust;
import io.webprobe.testsupport.Http2TestServer;
import io.webprobe.testsupport.RawServer;
import io.webprobe.testsupport.SelfSignedCertificate;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ping's HTTP/2 opt-in against a real HTTP/2 server: the requests go over HTTP/2 and share
 * connections, a server without HTTP/2 is pinged over HTTP/1.1 and each result says which
 * protocol answered, failures keep their classes.
 */
class Http2PingTest {
    @TempDir
    static Path dir;
    static SelfSignedCertificate cert;
    static Http2TestServer h2;
    static Http2TestServer h1;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    /** The last job {@link #run} ran. */
    private PingJob job;

    @BeforeAll
    static void servers() throws Exception {
        cert = SelfSignedCertificate.create(dir, "loopback", "ip:127.0.0.1");
        h2 = Http2TestServer.offeringHttp2(cert.serverContext());
        h1 = Http2TestServer.http1Only(cert.serverContext());
        // A run waits 2 s at most for its opening request (WorkerWarmUp.OPENING_WAIT_MILLIS)
        // before its own requests open connections of their own. The process's first TLS and
        // HTTP/2 connection loads and links the classes of both ends, which on a loaded
        // machine took longer (a test run first counted 9 connections, not 1): done once
        // here, untimed, so that a test's opening waits for a connection only.
        try (Http2Clients warm = new Http2Clients("t", Duration.ofSeconds(60),
                TlsTrust.fromPemFile(cert.pem()), 1)) {
            for (Http2TestServer server : List.of(h2, h1)) {
                assertThat(warm.fetch(new io.webprobe.http.FetchRequest(
                        URI.create(server.url("/jvm-warm-up")), "GET", Duration.ofSeconds(60),
                        1_000, io.webprobe.http.FetchRequest.BodyPolicy.NEVER)).status())
                        .isEqualTo(200);
            }
        }
    }

    @AfterAll
    static void stopServers() throws Exception {
        h2.close();
        h1.close();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private static PingPlan plan(TlsTrust trust, String... urls) {
        List<URI> targets = new ArrayList<>();
        for (String u : urls) {
            targets.add(URI.create(u));
        }
        return PingPlan.of(targets, "Webprobe/test").withTls(trust);
    }

    private PingSnapshot run(PingPlan plan) throws Exception {
        job = new PingJob(plan, PingListener.NONE);
        toClose.add(job);
        job.start();
        return job.completion().get(60, TimeUnit.SECONDS);
    }

    @Test
    void askedForHttp2TheRequestsGoOverItSharingAFewConnections() throws Exception {
        TlsTrust trust = TlsTrust.fromPemFile(cert.pem());
        int connectionsBefore = h2.connections();
        Map<String, Long> before = h2.requestsByProtocol();
        PingPlan plan = plan(trust, h2.url("/a"), h2.url("/b")).withHttp2(true)
                .withCount(100).withConcurrency(8);
        assertThat(PingJob.Engine.forPlan(plan)).isEqualTo(PingJob.Engine.WORKERS);

        PingSnapshot s = run(plan);

        assertThat(s.results()).allSatisfy(r -> {
            assertThat(r.statusCountsText()).isEqualTo("200×100");
            assertThat(r.protocol()).isEqualTo("HTTP/2");
            assertThat(r.http2Responses()).isEqualTo(100);
            assertThat(r.bytes()).isEqualTo(100 * Http2TestServer.bodyBytes());
        });
        // + the opening and warm-up ones, at most as many as the run's own
        assertThat(job.requestsBeforeClock()).isBetween(1L, 1L + 200);
        // the run's 200 all reached the server, and no request before the clock went
        // uncounted; a warm-up request cut when the warm-up's time ran out is counted but may
        // not have been written yet (a busy machine), so the counted ones are an upper bound
        assertThat(h2.requestsByProtocol().getOrDefault("HTTP/2.0", 0L)
                - before.getOrDefault("HTTP/2.0", 0L))
                .isBetween(200L, job.requestsBeforeClock() + 200);
        assertThat(h2.requestsByProtocol().getOrDefault("HTTP/1.1", 0L))
                .isEqualTo(before.getOrDefault("HTTP/1.1", 0L));
        // 200 requests, 8 at a time, multiplexed over one HTTP/2 connection
        assertThat(h2.connections() - connectionsBefore).isEqualTo(1);
    }

    @Test
    void eachServersConnectionIsOpenedBeforeTheClockStartsAndTheWorkersShareIt()
            throws Exception {
        TlsTrust trust = TlsTrust.fromPemFile(cert.pem());
        int before = h2.connections();

        PingSnapshot s = run(plan(trust, h2.url("/first"), h2.url("/second")).withHttp2(true)
                .withCount(40).withConcurrency(8));

        assertThat(s.results()).allSatisfy(r -> assertThat(r.statusCountsText())
                .isEqualTo("200×40"));
        assertThat(s.sent()).isEqualTo(80);
        // one request to open the server's connection and some to warm the client up, not
        // counted (at most those: one cut at the warm-up's end may never have been written);
        // then the run's 80
        assertThat(h2.requests("/first") + h2.requests("/second"))
                .isBetween(80L, job.requestsBeforeClock() + 80);
        // java.net.http opens a connection for each request made before one to the server
        // exists: without the opening request, the eight first requests opened eight
        assertThat(h2.connections() - before).isEqualTo(1);
    }

    @Test
    void aRunStoppedOrClosedWhileItOpensItsConnectionsEndsAtOnceHavingCountedNothing()
            throws Exception {
        for (boolean close : new boolean[] {false, true}) {
            String path = "/opening-" + close;
            CountDownLatch arrived = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            h2.hold(path, arrived, release);
            AtomicInteger requests = new AtomicInteger();
            AtomicInteger finished = new AtomicInteger();
            PingJob job = new PingJob(plan(TlsTrust.fromPemFile(cert.pem()), h2.url(path))
                    .withHttp2(true).withCount(5), new PingListener() {
                        @Override
                        public void onRequest(RequestRecord r) {
                            requests.incrementAndGet();
                        }

                        @Override
                        public void onFinished(PingSnapshot last) {
                            finished.incrementAndGet();
                        }
                    });
            toClose.add(job);
            try {
                job.start();
                assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue(); // the opening request
                if (close) {
                    job.close();
                } else {
                    job.stop();
                }
                PingSnapshot s = job.completion().get(60, TimeUnit.SECONDS);

                assertThat(s.sent()).as("close %s", close).isZero();
                assertThat(requests).hasValue(0);
                assertThat(finished).hasValue(1);
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void aServerWhoseConnectionDoesNotOpenDoesNotHoldTheOthersFiguresBack() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        h2.hold("/stuck", arrived, release);
        PingJob job = new PingJob(plan(TlsTrust.fromPemFile(cert.pem()), h2.url("/stuck"),
                h1.url("/fine")).withHttp2(true).withCount(5).withConcurrency(4)
                .withTimeout(Duration.ofSeconds(60)), PingListener.NONE);
        toClose.add(job);
        try {
            job.start();
            // the opening request to /stuck is held for as long as the test runs, the run's
            // timeout is a minute: the run starts without it (and /stuck's own requests,
            // on a connection of their own, are answered)
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> job.latest().results().stream()
                            .anyMatch(r -> r.url().equals(h1.url("/fine")) && r.ok() == 5));
            assertThat(arrived.getCount()).isZero();
        } finally {
            release.countDown();
        }
        assertThat(job.completion().get(60, TimeUnit.SECONDS).results())
                .extracting(PingResult::statusCountsText).containsExactly("200×5", "200×5");
    }

    @Test
    void aRunAboveAServersStreamLimitSpreadsOverMoreConnections() throws Exception {
        TlsTrust trust = TlsTrust.fromPemFile(cert.pem());
        int before = h2.connections();

        // Jetty allows 128 streams a connection; one client would fail the rest
        PingSnapshot s = run(plan(trust, h2.url("/many")).withHttp2(true).withCount(700)
                .withConcurrency(140));

        assertThat(s.results()).singleElement().satisfies(r -> {
            assertThat(r.statusCountsText()).isEqualTo("200×700");
            assertThat(r.protocol()).isEqualTo("HTTP/2");
        });
        assertThat(h2.connections() - before).isEqualTo(Http2Clients.count(140)).isEqualTo(2);
        // the same request head as the HTTP/1.1 ping: the server sends the same bytes
        assertThat(h2.lastHeader("accept")).isEqualTo("*/*");
        assertThat(h2.lastHeader("accept-encoding")).isEmpty();
    }

    @Test
    void aRequestWhoseConnectionClosesBeforeAnyAnswerIsSentOnceMoreOnANewOne() throws Exception {
        TlsTrust trust = TlsTrust.fromPemFile(cert.pem());
        h2.drop("/goaway", 4, false);
        int before = h2.connections();
        List<io.webprobe.http.FetchResponse> answers = new ArrayList<>();

        try (Http2Clients probe = new Http2Clients("t", Duration.ofSeconds(10), trust, 1)) {
            for (int i = 0; i < 10; i++) {
                answers.add(probe.fetch(new io.webprobe.http.FetchRequest(
                        URI.create(h2.url("/goaway")), "GET", Duration.ofSeconds(30), 1_000,
                        io.webprobe.http.FetchRequest.BodyPolicy.NEVER)));
            }
        }

        assertThat(answers).allSatisfy(r -> {
            assertThat(r.error()).isNull();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.http2()).isTrue();
        });
        assertThat(h2.requests("/goaway")).isEqualTo(10 + 1); // the 4th twice
        assertThat(h2.connections() - before).isEqualTo(2);
    }

    /**
     * A request a GOAWAY says was not processed (its stream above the last-stream-id) is sent
     * again on a new connection as often as it takes within its timeout: nginx's
     * keepalive_requests over HTTP/2 dropped one twice now and then (java.net.http resends it
     * once, the probe did once more), and it failed, where Go's client asks again.
     */
    @Test
    void aRequestAGoAwayLeftUnprocessedIsSentAgainUntilItIsAnswered() throws Exception {
        TlsTrust trust = TlsTrust.fromPemFile(cert.pem());
        h2.goAwayUnprocessed("/unprocessed", 5);
        int before = h2.connections();

        io.webprobe.http.FetchResponse r;
        try (Http2Clients probe = new Http2Clients("t", Duration.ofSeconds(10), trust, 1)) {
            r = probe.fetch(new io.webprobe.http.FetchRequest(
                    URI.create(h2.url("/unprocessed")), "GET", Duration.ofSeconds(30), 1_000,
                    io.webprobe.http.FetchRequest.BodyPolicy.NEVER));
        }

        assertThat(r.error()).isNull();
        assertThat(r.status()).isEqualTo(200);
        assertThat(h2.requests("/unprocessed")).isEqualTo(6);
        assertThat(h2.connections() - before).isEqualTo(6);
    }

    @Test
    void aRequestDroppedTwiceOrAfterItsAnswerBeganIsAFailureAndNotSentAgain() throws Exception {
        TlsTrust trust = TlsTrust.fromPemFile(cert.pem());
        // the server's opening request goes to /always and fails: no warm-up, so each path
        // sees the run's requests only
        h2.drop("/always", 0, false);
        h2.drop("/cut", 2, true);

        PingSnapshot s = run(plan(trust, h2.url("/always"), h2.url("/cut")).withHttp2(true)
                .withCount(2).withConcurrency(1));

        assertThat(s.results()).allSatisfy(r -> assertThat(r.failed()).isGreaterThan(0));
        assertThat(s.results().get(0).errorCounts()).containsOnly(Map.entry(ErrorKind.CLOSED, 2L));
        // the opening request and the run's two, each sent twice and no more; a try can
        // also go out on the connection the server just closed, before java.net.http has
        // noticed (a loaded machine's run saw 5): it never reaches the server, and the probe's
        // one resend (JdkHttpProbe.resendDropped) is then the only one the server sees. So
        // each of the three reached it once or twice, never more
        assertThat(h2.requests("/always")).isBetween(1L + 2, 2L * (1 + 2));
        assertThat(s.results().get(1).failed()).isEqualTo(1);
        assertThat(h2.requests("/cut")).isEqualTo(2); // the cut answer was not asked again
    }

    @Test
    void withoutTheOptInTheSameServerIsPingedOverHttp1OnTheEventLoops() throws Exception {
        PingPlan plan = plan(TlsTrust.fromPemFile(cert.pem()), h2.url("/")).withCount(20)
                .withConcurrency(2);
        assertThat(PingJob.Engine.forPlan(plan)).isEqualTo(PingJob.Engine.EVENT_LOOPS);

        PingSnapshot s = run(plan);

        assertThat(s.results()).singleElement().satisfies(r -> {
            assertThat(r.statusCountsText()).isEqualTo("200×20");
            assertThat(r.protocol()).isEqualTo("HTTP/1.1");
        });
    }

    @Test
    void aServerWithoutHttp2IsPingedOverHttp1AndTheResultSaysSo() throws Exception {
        PingSnapshot s = run(plan(TlsTrust.fromPemFile(cert.pem()), h1.url("/"), h2.url("/"))
                .withHttp2(true).withCount(20).withConcurrency(4));

        assertThat(s.results()).extracting(r -> r.url() + " " + r.statusCountsText() + " "
                + r.protocol()).containsExactly(h1.url("/") + " 200×20 HTTP/1.1",
                        h2.url("/") + " 200×20 HTTP/2");
    }

    @Test
    void anHttpUrlStaysOnHttp1OnOurOwnClientAsWithoutTheOptIn() throws Exception {
        // an HTTP/1.0 server: java.net.http reported every answer that was not HTTP/2 as
        // HTTP/1.1 (the Ping tab said "HTTP/1.1" for Python's http.server), ours says what came
        try (RawServer raw = new RawServer((socket, srv) -> {
            for (String head; (head = srv.readHead(socket)) != null; ) {
                socket.getOutputStream().write("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\n"
                        .concat("Content-Length: 2\r\n\r\nok")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        })) {
            PingSnapshot s = run(plan(TlsTrust.defaults(), raw.url("/")).withHttp2(true)
                    .withCount(5));
            assertThat(s.results()).singleElement().satisfies(r -> {
                assertThat(r.statusCountsText()).isEqualTo("200×5");
                assertThat(r.protocol()).isEqualTo("HTTP/1.0");
            });
            assertThat(raw.requests()).isNotEmpty()
                    .noneMatch(h -> h.toLowerCase(java.util.Locale.ROOT).contains("upgrade"));
        }
    }

    @Test
    void anUntrustedCertificateFailsInItsOwnClassAndTheProtocolIsLeftBlank() throws Exception {
        PingSnapshot s = run(plan(TlsTrust.defaults(), h2.url("/")).withHttp2(true)
                .withCount(3));

        assertThat(s.results()).singleElement().satisfies(r -> {
            assertThat(r.errorCounts()).containsOnlyKeys(ErrorKind.TLS_CERTIFICATE);
            assertThat(r.protocol()).isEmpty();
        });
        assertThat(s.certificateFailure()).isEqualTo(ErrorKind.TLS_CERTIFICATE);
    }

    @Test
    void http2NeedsKeepAliveAndTheWorkers() {
        PingPlan base = plan(TlsTrust.defaults(), "https://127.0.0.1/");
        assertThatThrownBy(() -> base.withKeepAlive(false).withHttp2(true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HTTP/2 keeps its connections open, so it cannot be used without "
                        + "keep-alive");
        assertThatThrownBy(() -> base.withHeaders(List.of(io.webprobe.http.Header.parse(
                "Host: other.example"))).withHttp2(true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HTTP/2 sets the Host and Connection headers itself, so they cannot "
                        + "be given with it");
        PingPlan http2 = base.withHttp2(true);
        assertThatThrownBy(() -> new PingJob(http2, PingJob.Engine.EVENT_LOOPS,
                new Http1Probe("t", Duration.ofSeconds(1), http2.tls()), PingListener.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PingJob.probeFor(http2)).isInstanceOf(Http2Clients.class);
        assertThat(PingJob.probeFor(base)).isInstanceOf(Http1Probe.class);
    }

    /**
     * A URL typed with a stray "%" went through java.net.http with --http2, which sends only
     * what a URI holds: the server was asked /a%25zz, another URL (a 404 here), without a
     * word. It goes over HTTP/1.1 as typed, as the crawl sends it, and a note says so once;
     * the other URL of the run still goes over HTTP/2.
     */
    @Test
    void aUrlHttp2CannotSendAsTypedGoesOverHttp1AsTypedAndANoteSaysSo() throws Exception {
        TlsTrust trust = TlsTrust.fromPemFile(cert.pem());
        try (RawServer raw = new RawServer((socket, srv) -> {
            for (String head; (head = srv.readHead(socket)) != null; ) {
                socket.getOutputStream().write((head.startsWith("GET /a%zz ")
                        ? "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                        : "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }, cert.serverContext())) {
            URI stray = URI.create(raw.url("/a%25zz"));
            PingPlan plan = plan(trust, stray.toString(), h2.url("/typed-plain"))
                    .withRequestTargets(Map.of(stray, "/a%zz")).withHttp2(true)
                    .withCount(5).withConcurrency(2);

            PingSnapshot s = run(plan);

            assertThat(s.results().get(0).statusCountsText()).isEqualTo("200×5");
            assertThat(s.results().get(0).protocol()).isEqualTo("HTTP/1.1");
            assertThat(s.results().get(1).protocol()).isEqualTo("HTTP/2");
            assertThat(raw.requests()).isNotEmpty().allMatch(h -> h.startsWith("GET /a%zz "));
            assertThat(plan.overHttp1Note()).isEqualTo(raw.url("/a%zz") + " is pinged over "
                    + "HTTP/1.1, not HTTP/2: Java's HTTP/2 client cannot send its path as typed"
                    + " (/a%zz would go as /a%25zz, another URL to the server).");
            assertThat(plan.withHttp2(false).overHttp1Note()).isNull();
        }
    }

    /**
     * An https URL whose host java.net.http refuses (an underscore) went over HTTP/1.1 with
     * --http2 without a word, where a stray "%" got a note: the note names it too, with why.
     */
    @Test
    void anUnderscoreHostGoesOverHttp1AndTheNoteSaysWhy() throws Exception {
        SelfSignedCertificate named = SelfSignedCertificate.forDnsNames(dir, "underscore",
                "a_b.localhost");
        try (RawServer raw = RawServer.answeringTls(
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", named.serverContext())) {
            String url = "https://a_b.localhost:" + raw.port() + "/";
            PingPlan plan = plan(TlsTrust.fromPemFile(named.pem()), url).withHttp2(true)
                    .withCount(5).withConcurrency(2);

            PingSnapshot s = run(plan);

            assertThat(s.results().get(0).statusCountsText()).isEqualTo("200×5");
            assertThat(s.results().get(0).protocol()).isEqualTo("HTTP/1.1");
            assertThat(plan.overHttp1Note()).isEqualTo(url + " is pinged over HTTP/1.1, not "
                    + "HTTP/2: Java's HTTP/2 client refuses an underscore in a host name "
                    + "(a_b.localhost), which browsers accept.");
            assertThat(plan.withHttp2(false).overHttp1Note()).isNull();
        }
    }

    /** Both reasons in one run: a sentence for each, the hosts' first. */
    @Test
    void theNoteGivesEachReasonItsSentence() {
        URI stray = URI.create("https://127.0.0.1:9/a%25zz");
        URI a = URI.create("https://a_b.localhost:9/");
        URI b = URI.create("https://c_d.localhost:9/x");
        URI plain = URI.create("http://e_f.localhost:9/");
        PingPlan plan = plan(TlsTrust.defaults(), stray.toString(), a.toString(), b.toString(),
                plain.toString()).withRequestTargets(Map.of(stray, "/a%zz")).withHttp2(true);

        assertThat(plan.overHttp1Note()).isEqualTo("https://a_b.localhost:9/ and 1 other URL "
                + "are pinged over HTTP/1.1, not HTTP/2: Java's HTTP/2 client refuses an "
                + "underscore in a host name (a_b.localhost), which browsers accept. "
                + "https://127.0.0.1:9/a%zz is pinged over HTTP/1.1, not HTTP/2: Java's HTTP/2 "
                + "client cannot send its path as typed (/a%zz would go as /a%25zz, another "
                + "URL to the server).");
    }
}
