package io.webprobe.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.ErrorClassifier;
import io.webprobe.http.ErrorKind;
import io.webprobe.http.FetchRequest;
import io.webprobe.http.FetchResponse;
import io.webprobe.http.Http1Probe;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.http.TlsTrust;
import io.webprobe.testsupport.RawServer;
import io.webprobe.testsupport.SelfSignedCertificate;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https on loopback with certificates made in the test: the event loops and the blocking
 * engine succeed with a trusted or insecure setup, keep their TLS sessions alive, and tell an
 * untrusted certificate, a certificate for another name and a failed handshake apart, in the
 * same words {@link JdkHttpProbe} (the crawl's client) uses.
 */
class TlsPingTest {
    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";

    @TempDir
    static Path dir;
    /** Valid for 127.0.0.1 and localhost. */
    static SelfSignedCertificate loopback;
    /** Valid for other.example only. */
    static SelfSignedCertificate elsewhere;
    static RawServer server;
    static RawServer wrongName;

    /**
     * The probes' connect timeout and the requests' deadline: no test here is about either,
     * and the first TLS handshakes of a process on a loaded machine took longer than the 2 s
     * and 5 s these were (a test run first met CONNECT_TIMEOUT where it checks for
     * TLS_CERTIFICATE).
     */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    static void certificates() throws Exception {
        loopback = SelfSignedCertificate.create(dir, "loopback", "ip:127.0.0.1,dns:localhost");
        elsewhere = SelfSignedCertificate.create(dir, "elsewhere", "dns:other.example");
        server = RawServer.answeringTls(OK, loopback.serverContext());
        wrongName = RawServer.answeringTls(OK, elsewhere.serverContext());
    }

    @AfterAll
    static void stopServers() throws Exception {
        server.close();
        wrongName.close();
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

    private PingSnapshot run(PingPlan plan, PingJob.Engine engine, PingListener listener)
            throws Exception {
        PingJob job = new PingJob(plan, engine, new Http1Probe("Webprobe/test",
                PATIENCE, plan.tls()), listener);
        toClose.add(job);
        job.start();
        PingSnapshot s = job.completion().get(60, TimeUnit.SECONDS);
        beforeClock = job.requestsBeforeClock();
        return s;
    }

    /** The last run's requests before its clock (the workers' warm-up), not counted in it. */
    private long beforeClock;

    private static TlsTrust cacert(SelfSignedCertificate c) throws Exception {
        return TlsTrust.fromPemFile(c.pem());
    }

    @Test
    void insecureAndCacertBothReachASelfSignedServerOnBothEngines() throws Exception {
        for (PingJob.Engine engine : PingJob.Engine.values()) {
            for (TlsTrust trust : List.of(TlsTrust.insecure(), cacert(loopback))) {
                PingSnapshot s = run(plan(trust, server.url("/a"), server.url("/b"))
                        .withCount(20).withConcurrency(4), engine, PingListener.NONE);
                assertThat(s.results()).as("%s, %s", engine, trust).allSatisfy(r -> {
                    assertThat(r.statusCountsText()).isEqualTo("200×20");
                    assertThat(r.bytes()).isEqualTo(100);
                });
            }
        }
    }

    /**
     * Java's PKIX does not check a trust anchor's own dates, and a self-signed certificate
     * given with --cacert is its own anchor: it was accepted expired (curl refuses it).
     */
    @Test
    void anExpiredCertificateTrustedWithCacertIsRefusedAsExpiredOnBothEngines()
            throws Exception {
        SelfSignedCertificate expired = SelfSignedCertificate.create(dir, "expired",
                "ip:127.0.0.1,dns:localhost", "-10d");
        try (RawServer old = RawServer.answeringTls(OK, expired.serverContext())) {
            for (PingJob.Engine engine : PingJob.Engine.values()) {
                for (String host : List.of("127.0.0.1", "localhost")) {
                    List<RequestRecord> log = new java.util.concurrent.CopyOnWriteArrayList<>();
                    PingSnapshot s = run(plan(cacert(expired), old.url("/")
                            .replace("127.0.0.1", host)).withCount(3).withConcurrency(1),
                            engine, new PingListener() {
                                @Override
                                public void onRequest(RequestRecord r) {
                                    log.add(r);
                                }
                            });
                    assertThat(s.results().get(0).errorCounts()).as("%s %s", engine, host)
                            .isEqualTo(java.util.Map.of(ErrorKind.TLS_CERTIFICATE, 3L));
                    assertThat(log).as("%s %s", engine, host).extracting(RequestRecord::errorMessage)
                            .containsOnly("The site's certificate has expired");
                }
            }
            // the crawl's https client (java.net.http) trusts through the same TlsTrust
            try (HttpProbe jdk = new JdkHttpProbe("t", PATIENCE, cacert(expired))) {
                FetchResponse r = jdk.fetch(new FetchRequest(URI.create(old.url("/")), "GET",
                        PATIENCE, 1000, FetchRequest.BodyPolicy.NEVER));
                assertThat(r.error()).isEqualTo(ErrorKind.TLS_CERTIFICATE);
                assertThat(r.errorMessage()).isEqualTo("The site's certificate has expired");
            }
        }
    }

    @Test
    void keepAliveReusesTlsConnectionsAndNoKeepAliveHandshakesPerRequest() throws Exception {
        try (RawServer counted = RawServer.answeringTls(OK, loopback.serverContext())) {
            PingSnapshot kept = run(plan(cacert(loopback), counted.url("/")).withCount(200)
                    .withConcurrency(4), PingJob.Engine.EVENT_LOOPS, PingListener.NONE);
            assertThat(kept.results().get(0).statusCountsText()).isEqualTo("200×200");
            assertThat(counted.connections()).isBetween(1, 4); // one handshake per connection
            int before = counted.connections();

            PingSnapshot fresh = run(plan(cacert(loopback), counted.url("/")).withCount(10)
                    .withConcurrency(2).withKeepAlive(false), PingJob.Engine.EVENT_LOOPS,
                    PingListener.NONE);
            assertThat(fresh.results().get(0).statusCountsText()).isEqualTo("200×10");
            assertThat(counted.connections() - before).isEqualTo(10);
        }
    }

    @Test
    void anHttp10AnswerOverTlsIsLabelledHttp10AndEachClosedConnectionReplacedOnBothEngines()
            throws Exception {
        // one answer per connection, then the server closes it (close_notify, then FIN)
        try (RawServer sized = RawServer.answeringOnce(
                        "HTTP/1.0 200 OK\r\nContent-Length: 5\r\n\r\nhello", loopback.serverContext());
                RawServer toClose = RawServer.answeringOnce(
                        "HTTP/1.0 200 OK\r\n\r\nhello", loopback.serverContext())) {
            for (PingJob.Engine engine : PingJob.Engine.values()) {
                int[] before = {sized.connections(), toClose.connections()};
                PingSnapshot s = run(plan(cacert(loopback), sized.url("/"), toClose.url("/"))
                        .withCount(10).withConcurrency(2), engine, PingListener.NONE);
                assertThat(s.results()).as("%s", engine).allSatisfy(r -> {
                    assertThat(r.statusCountsText()).isEqualTo("200×10");
                    assertThat(r.errorCounts()).isEmpty();
                    assertThat(r.bytes()).isEqualTo(50);
                    assertThat(r.protocol()).isEqualTo("HTTP/1.0");
                });
                // a connection per answer: the run's 10, and any of the warm-up's before it
                assertThat((long) sized.connections() - before[0]).as("%s", engine)
                        .isBetween(10L, 10 + beforeClock);
                assertThat((long) toClose.connections() - before[1]).as("%s", engine)
                        .isBetween(10L, 10 + beforeClock);
            }
        }
    }

    @Test
    void theFirstConnectionToAnEndpointHandshakesAloneSoTheOthersCanResumeItsSession()
            throws Exception {
        java.util.concurrent.atomic.AtomicInteger order = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger openAtFirstHandshake =
                new java.util.concurrent.atomic.AtomicInteger(-1);
        byte[] ok = OK.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        try (RawServer counted = new RawServer((socket, srv) -> {
            if (order.incrementAndGet() == 1) {
                ((javax.net.ssl.SSLSocket) socket).startHandshake();
                openAtFirstHandshake.set(srv.connections());
            }
            while (srv.readHead(socket) != null) {
                socket.getOutputStream().write(ok);
            }
        }, loopback.serverContext())) {
            // on a clock that stands still: the others wait for the first answer, which this
            // server sends after it looked, not for the 50 ms after the handshake, which its
            // thread, slow to look on a busy machine, once let pass (2 connections seen)
            PingPlan plan = plan(cacert(loopback), counted.url("/")).withCount(40)
                    .withConcurrency(4);
            PingJob job = new PingJob(plan, PingJob.Engine.EVENT_LOOPS, new Http1Probe(
                    "Webprobe/test", PATIENCE, plan.tls()), PingListener.NONE, () -> 1L);
            toClose.add(job);
            job.start();
            PingSnapshot s = job.completion().get(60, TimeUnit.SECONDS);
            assertThat(s.results().get(0).statusCountsText()).isEqualTo("200×40");
            // when the first handshake was done, nobody else had connected yet
            assertThat(openAtFirstHandshake.get()).isEqualTo(1);
            assertThat(counted.connections()).isBetween(2, 4);
        }
    }

    @Test
    void laterConnectionsResumeTheFirstOnesTlsSessionOnBothEngines() throws Exception {
        byte[] ok = OK.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.Set<String> sessions = java.util.concurrent.ConcurrentHashMap.newKeySet();
        // TLS 1.2, where a resumed connection carries the session id of the one it resumes
        try (RawServer counted = new RawServer((socket, srv) -> {
            SSLSocket s = (SSLSocket) socket;
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            s.startHandshake();
            sessions.add(java.util.HexFormat.of().formatHex(s.getSession().getId()));
            while (srv.readHead(s) != null) {
                s.getOutputStream().write(ok);
            }
        }, loopback.serverContext())) {
            // the event loops: the first connection handshakes alone, the others resume it
            // (a trust of its own each run: no session left from an earlier one)
            PingSnapshot kept = run(plan(cacert(loopback), counted.url("/")).withCount(40)
                    .withConcurrency(4), PingJob.Engine.EVENT_LOOPS, PingListener.NONE);
            assertThat(kept.results().get(0).statusCountsText()).isEqualTo("200×40");
            assertThat(counted.connections()).isGreaterThan(1);
            assertThat(sessions).as("one full handshake, the others resumed").hasSize(1);
            // a connection per request on either engine: the workers start together (no
            // session to resume yet), every later connection resumes
            for (PingJob.Engine engine : PingJob.Engine.values()) {
                sessions.clear();
                int before = counted.connections();
                PingSnapshot fresh = run(plan(cacert(loopback), counted.url("/")).withCount(40)
                        .withConcurrency(4).withKeepAlive(false), engine, PingListener.NONE);
                assertThat(fresh.results().get(0).statusCountsText()).isEqualTo("200×40");
                assertThat((long) counted.connections() - before).as("%s", engine)
                        .isBetween(40L, 40 + beforeClock); // and the warm-up's
                assertThat(sessions).as("%s: full handshakes", engine).hasSizeBetween(1, 4);
            }
        }
    }

    @Test
    void failuresAreClassifiedAlikeByTheEventLoopsTheBlockingProbeAndTheCrawlClient()
            throws Exception {
        String untrusted = server.url("/");
        String mismatch = wrongName.url("/");
        // a plain HTTP server answers the TLS hello with an HTTP error at once
        try (RawServer plain = new RawServer((socket, srv) -> socket.getOutputStream().write(
                "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(
                        java.nio.charset.StandardCharsets.ISO_8859_1)))) {
            String notTls = "https://127.0.0.1:" + plain.port() + "/";
            Map<String, ErrorKind> expected = Map.of(
                    untrusted, ErrorKind.TLS_CERTIFICATE,
                    mismatch, ErrorKind.TLS_HOSTNAME,
                    notTls, ErrorKind.TLS);
            // defaults do not know the loopback certificate; the cacert of "elsewhere" trusts
            // its chain but not its name
            TlsTrust trust = cacert(elsewhere);
            PingPlan plan = plan(trust, untrusted, mismatch, notTls).withCount(2);
            for (PingJob.Engine engine : PingJob.Engine.values()) {
                ConcurrentLinkedQueue<RequestRecord> log = new ConcurrentLinkedQueue<>();
                PingSnapshot s = run(plan, engine, new PingListener() {
                    @Override
                    public void onRequest(RequestRecord r) {
                        log.add(r);
                    }
                });
                for (PingResult r : s.results()) {
                    assertThat(r.errorCounts()).as("%s %s", engine, r.url())
                            .isEqualTo(Map.of(expected.get(r.url()), 2L));
                }
                assertThat(log.stream().sorted(Comparator.comparingLong(RequestRecord::seq))
                        .limit(3).map(RequestRecord::errorMessage).toList()).containsExactly(
                        "The site's certificate is not trusted (self-signed or from an unknown"
                                + " authority)",
                        "The site's certificate is not issued for 127.0.0.1",
                        "The TLS handshake failed: the server did not answer in TLS (is the"
                                + " port serving plain http?)");
            }
            try (HttpProbe jdk = new JdkHttpProbe("t", PATIENCE, trust)) {
                for (Map.Entry<String, ErrorKind> e : expected.entrySet()) {
                    FetchResponse r = jdk.fetch(new FetchRequest(URI.create(e.getKey()), "GET",
                            PATIENCE, 1000, FetchRequest.BodyPolicy.NEVER));
                    assertThat(r.error()).as(e.getKey()).isEqualTo(e.getValue());
                }
            }
        }
    }

    /**
     * A server that asks for a client certificate, with TLS layered by hand so that the socket
     * outlives a failed handshake: the server sends its alert and then closes as web servers
     * do, reading what the client still sends (its request, in TLS 1.3), so the client reads
     * the alert rather than a reset.
     */
    private static RawServer.Handler wantingAClientCertificate(SSLContext serverTls, byte[] ok,
            String... protocols) {
        return (socket, srv) -> {
            SSLSocket s = (SSLSocket) serverTls.getSocketFactory().createSocket(socket,
                    null, socket.getPort(), false);
            s.setUseClientMode(false);
            s.setNeedClientAuth(true);
            if (protocols.length > 0) {
                s.setEnabledProtocols(protocols);
            }
            try {
                s.startHandshake();
                while (srv.readHead(s) != null) {
                    s.getOutputStream().write(ok);
                }
            } catch (javax.net.ssl.SSLException e) {
                socket.shutdownOutput();
                socket.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            }
        };
    }

    @Test
    void aFailedHandshakeReadsTheSameOnBothEnginesWhicheverTlsLibraryMetIt() throws Exception {
        byte[] ok = OK.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        SSLContext serverTls = loopback.serverContext();
        try (RawServer closing = new RawServer((socket, srv) -> {
                    socket.getInputStream().read(new byte[16]);
                    socket.close();
                });
                RawServer wantsClientCertificate = new RawServer(
                        wantingAClientCertificate(serverTls, ok));
                // the same over TLS 1.2, where BoringSSL names only "handshake failure"
                RawServer wantsClientCertificateOverTls12 = new RawServer(
                        wantingAClientCertificate(serverTls, ok, "TLSv1.2"));
                RawServer noSuiteInCommon = new RawServer((socket, srv) -> {
                    SSLSocket s = (SSLSocket) socket;
                    // a suite that needs an RSA key, and the certificate's key is not RSA
                    s.setEnabledCipherSuites(new String[] {"TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"});
                    s.setEnabledProtocols(new String[] {"TLSv1.2"});
                    s.startHandshake();
                }, loopback.serverContext())) {
            Map<String, String> expected = Map.of(
                    "https://127.0.0.1:" + closing.port() + "/",
                    "The TLS handshake failed: the server closed the connection during the"
                            + " handshake",
                    "https://127.0.0.1:" + wantsClientCertificate.port() + "/",
                    "The TLS handshake failed: the server asks"
                            + " for a client certificate, which Webprobe does not send",
                    "https://127.0.0.1:" + wantsClientCertificateOverTls12.port() + "/",
                    "The TLS handshake failed: the server asks"
                            + " for a client certificate, which Webprobe does not send",
                    noSuiteInCommon.url("/"),
                    "The TLS handshake failed: the server refused it (handshake failure)");
            PingPlan plan = plan(cacert(loopback), expected.keySet().toArray(String[]::new))
                    .withCount(2);
            for (PingJob.Engine engine : PingJob.Engine.values()) {
                ConcurrentLinkedQueue<RequestRecord> log = new ConcurrentLinkedQueue<>();
                run(plan, engine, new PingListener() {
                    @Override
                    public void onRequest(RequestRecord r) {
                        log.add(r);
                    }
                });
                assertThat(log).as("%s", engine).hasSize(8).allSatisfy(r ->
                        assertThat(r.errorMessage()).as("%s %s", engine, r.url())
                                .isEqualTo(expected.get(r.url())));
            }
        }
    }

    @Test
    void theCrawlClientTrustsWhatItIsToldPerClient() throws Exception {
        FetchRequest get = new FetchRequest(URI.create(server.url("/")), "GET",
                PATIENCE, 1000, FetchRequest.BodyPolicy.NEVER);
        try (HttpProbe insecure = new JdkHttpProbe("t", PATIENCE, TlsTrust.insecure());
                HttpProbe trusting = new JdkHttpProbe("t", PATIENCE, cacert(loopback));
                HttpProbe defaults = new JdkHttpProbe("t", PATIENCE)) {
            assertThat(insecure.fetch(get).status()).isEqualTo(200);
            assertThat(trusting.fetch(get).status()).isEqualTo(200);
            FetchResponse refused = defaults.fetch(get);
            assertThat(refused.error()).isEqualTo(ErrorKind.TLS_CERTIFICATE);
            // the insecure client did not switch checking off for the others
            assertThat(insecure.fetch(new FetchRequest(URI.create(wrongName.url("/")), "GET",
                    PATIENCE, 1000, FetchRequest.BodyPolicy.NEVER)).status()).isEqualTo(200);
            assertThat(defaults.fetch(get).error()).isEqualTo(ErrorKind.TLS_CERTIFICATE);
        }
        assertThat(ErrorClassifier.trustAdvice(ErrorKind.TLS_CERTIFICATE)).isEqualTo(
                "The site's certificate is not trusted (self-signed or from an unknown authority)."
                        + " Use --cacert FILE to trust it, or --insecure to skip the check.");
        assertThat(ErrorClassifier.trustAdvice(ErrorKind.DNS)).isNull();
    }

    @Test
    void aBadCertificateFileIsRefusedInOneSentence() throws Exception {
        Path notPem = dir.resolve("not.pem");
        java.nio.file.Files.writeString(notPem, "hello");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> TlsTrust.fromPemFile(dir.resolve("missing.pem"))))
                .isInstanceOf(TlsTrust.TrustException.class)
                .hasMessage("Could not read the certificate file " + dir.resolve("missing.pem")
                        + ": no such file.");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> TlsTrust.fromPemFile(notPem)))
                .isInstanceOf(TlsTrust.TrustException.class)
                .hasMessageContaining("-----BEGIN CERTIFICATE-----");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> TlsTrust.fromPemFile(dir)))
                .isInstanceOf(TlsTrust.TrustException.class)
                .hasMessage("Could not read the certificate file " + dir
                        + ": it is a folder, not a file.");
    }

    /** Keeps the TLS helpers honest: the test server really speaks TLS. */
    @Test
    void theServerContextIsTls() throws Exception {
        SSLContext c = loopback.serverContext();
        assertThat(c.getProtocol()).isEqualTo("TLS");
    }
}
