package io.webprobe.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.TlsTrust;
import io.webprobe.testsupport.RawServer;
import io.webprobe.testsupport.SelfSignedCertificate;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A development server listening on ::1 only, pinged with {@code --http2} at
 * {@code https://localhost:PORT/}: java.net.http connects to the system's first address,
 * 127.0.0.1, which refuses, so every request failed "connection refused" where the same
 * ping without --http2 (our HTTP/1.1 client, which tries ::1 next as a browser does) got
 * 200s. It now goes over HTTP/1.1 to ::1, as the crawl does, and its Protocol says so.
 */
class LocalhostHttp2PingTest {
    @TempDir
    Path dir;

    @Test
    void anHttp2PingOfAnHttpsServerOnTheIpv6LoopbackOnlyGoesOverHttp1There() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir, "localhost",
                "dns:localhost");
        var six = RawServer.onIpv6LoopbackOnly((socket, srv) -> {
            while (srv.readHead(socket) != null) {
                socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nsix"
                        .getBytes(StandardCharsets.US_ASCII));
            }
        }, cert.serverContext());
        Assumptions.assumeTrue(six.isPresent(), "no IPv6 loopback here");
        try (RawServer server = six.get()) {
            PingPlan plan = PingPlan.of(List.of(URI.create("https://localhost:" + server.port()
                    + "/")), "Webprobe/test").withTls(TlsTrust.fromPemFile(cert.pem()))
                    .withHttp2(true).withCount(20).withConcurrency(2);
            try (PingJob job = new PingJob(plan, PingListener.NONE)) {
                job.start();

                PingSnapshot s = job.completion().get(60, TimeUnit.SECONDS);

                assertThat(s.results()).singleElement().satisfies(r -> {
                    assertThat(r.statusCountsText()).isEqualTo("200×20");
                    assertThat(r.errorCounts()).isEmpty();
                    assertThat(r.protocol()).isEqualTo("HTTP/1.1");
                });
                // the opening request before the clock found ::1
                assertThat(job.requestsBeforeClock()).isPositive();
            }
        }
    }
}
