package io.webprobe.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.ErrorKind;
import io.webprobe.http.Http1Probe;
import io.webprobe.http.TlsTrust;
import io.webprobe.testsupport.RawServer;
import io.webprobe.testsupport.SelfSignedCertificate;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host name with an underscore ({@code a_b.localhost}), which browsers load: java.net.URI
 * gives no host for it, and every ping of one was an invalid URL. Both engines now reach it
 * on loopback ({@code *.localhost} is loopback, RFC 6761), over http and https, with the name
 * in the Host header as written and the certificate's name still checked.
 */
class UnderscoreHostPingTest {
    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";

    @TempDir
    Path dir;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private PingSnapshot run(String url, TlsTrust trust, PingJob.Engine engine)
            throws Exception {
        PingPlan plan = PingPlan.of(List.of(URI.create(url)), "Webprobe/test").withTls(trust)
                .withCount(10).withConcurrency(2);
        PingJob job = new PingJob(plan, engine,
                new Http1Probe("Webprobe/test", Duration.ofSeconds(2), trust), PingListener.NONE);
        toClose.add(job);
        job.start();
        return job.completion().get(60, TimeUnit.SECONDS);
    }

    private RawServer server(RawServer s) {
        toClose.add(s);
        return s;
    }

    @Test
    void bothEnginesGet200sFromAnUnderscoreHostAndSendItsNameAsTheHostHeader()
            throws Exception {
        RawServer server = server(RawServer.answering(OK));
        String url = "http://a_b.localhost:" + server.port() + "/x";
        for (PingJob.Engine engine : PingJob.Engine.values()) {
            PingSnapshot s = run(url, TlsTrust.defaults(), engine);
            assertThat(s.results()).as("%s", engine).singleElement()
                    .satisfies(r -> assertThat(r.statusCountsText()).isEqualTo("200×10"));
        }
        assertThat(server.requests()).isNotEmpty().allSatisfy(head -> assertThat(head)
                .startsWith("GET /x HTTP/1.1\r\n")
                .contains("\r\nHost: a_b.localhost:" + server.port() + "\r\n"));
    }

    /**
     * The bug: with --http2 (java.net.http, which refuses such a host) every request to an
     * underscore host was an invalid URL, http:// ones too, which --http2 does not concern.
     * They go over HTTP/1.1, as the crawl's do.
     */
    @Test
    void http2PingOfAnUnderscoreHostGoesOverHttp1InsteadOfFailing() throws Exception {
        RawServer server = server(RawServer.answering(OK));
        PingPlan plan = PingPlan.of(List.of(URI.create("http://a_b.localhost:" + server.port()
                + "/x")), "Webprobe/test").withCount(4).withConcurrency(2).withHttp2(true);
        PingJob job = new PingJob(plan, PingListener.NONE);
        toClose.add(job);
        job.start();

        PingSnapshot s = job.completion().get(60, TimeUnit.SECONDS);

        assertThat(s.results()).singleElement()
                .satisfies(r -> assertThat(r.statusCountsText()).isEqualTo("200×4"));
    }

    @Test
    void httpsToAnUnderscoreHostChecksTheCertificatesNameOnBothEngines() throws Exception {
        SelfSignedCertificate mine = SelfSignedCertificate.forDnsNames(dir, "mine",
                "a_b.localhost", "*.w_x.localhost");
        SelfSignedCertificate other = SelfSignedCertificate.forDnsNames(dir, "other",
                "c_d.localhost");
        RawServer server = server(RawServer.answeringTls(OK, mine.serverContext()));
        RawServer wrongName = server(RawServer.answeringTls(OK, other.serverContext()));
        TlsTrust trustMine = TlsTrust.fromPemFile(mine.pem());
        // "other" is trusted too: only its name is wrong
        TlsTrust trustBoth = TlsTrust.fromPemFile(other.pem());
        Map<String, String> expected = Map.of(
                "https://a_b.localhost:" + server.port() + "/", "200×10",
                "https://q.w_x.localhost:" + server.port() + "/", "200×10",
                // a wildcard stands for one whole label, not two
                "https://p.q.w_x.localhost:" + server.port() + "/", "");
        for (PingJob.Engine engine : PingJob.Engine.values()) {
            for (var e : expected.entrySet()) {
                PingSnapshot s = run(e.getKey(), trustMine, engine);
                PingResult r = s.results().get(0);
                assertThat(r.statusCountsText()).as("%s %s", engine, e.getKey())
                        .isEqualTo(e.getValue());
                if (e.getValue().isEmpty()) {
                    assertThat(r.errorCounts()).isEqualTo(Map.of(ErrorKind.TLS_HOSTNAME, 10L));
                }
            }
            PingSnapshot s = run("https://a_b.localhost:" + wrongName.port() + "/", trustBoth,
                    engine);
            assertThat(s.results().get(0).errorCounts()).as("%s", engine)
                    .isEqualTo(Map.of(ErrorKind.TLS_HOSTNAME, 10L));
            PingSnapshot insecure = run("https://a_b.localhost:" + wrongName.port() + "/",
                    TlsTrust.insecure(), engine);
            assertThat(insecure.results().get(0).statusCountsText()).as("%s", engine)
                    .isEqualTo("200×10");
        }
    }

    /**
     * Found in review: the first request to an underscore host after the HTTP/2 clients were
     * closed (a run being stopped) made a new HTTP/1.1 client that was never closed, and
     * its request ran until its timeout.
     */
    @Test
    void anUnderscoreHostAskedAfterCloseIsCancelledWithoutANewClient() {
        Http2Clients probe = new Http2Clients("t", Duration.ofSeconds(10),
                io.webprobe.http.TlsTrust.defaults(), 1);
        probe.close();

        io.webprobe.http.FetchResponse r = probe.fetch(new io.webprobe.http.FetchRequest(
                java.net.URI.create("http://a_b.localhost:1/"), "GET", Duration.ofSeconds(30),
                1_000, io.webprobe.http.FetchRequest.BodyPolicy.NEVER));

        assertThat(r.error()).isEqualTo(io.webprobe.http.ErrorClassifier.cancelled().kind());
    }
}
