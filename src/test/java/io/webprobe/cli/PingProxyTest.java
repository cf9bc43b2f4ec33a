package io.webprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.webprobe.http.FetchRequest;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.http.TlsTrust;
import io.webprobe.ping.PingJob;
import io.webprobe.ping.PingPlan;
import io.webprobe.testsupport.RawServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A ping goes straight to its URLs whatever proxy is set for Java, by every engine, and says
 * so (ADR 0034). Before, its event loops went direct without a word, and a --http2 ping
 * (java.net.http, which takes the JVM's proxy) went through the proxy: the same URLs measured
 * two ways.
 */
class PingProxyTest {
    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    private static ProxySelector at(RawServer proxy) {
        return ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port()));
    }

    @Test
    void aPingWithAProxySetSaysInOneLineThatItGoesStraightToTheUrls() throws Exception {
        try (RawServer origin = RawServer.answering(OK);
                RawServer proxy = RawServer.answering(OK)) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            picocli.CommandLine cl = new picocli.CommandLine(
                    new PingCommand(PingJob::new, at(proxy)));
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));

            int code = cl.execute(origin.url("/"), "-n", "3", "-c", "1", "--quiet");

            assertEquals(0, code, err.toString());
            assertThat(err.toString()).isEqualTo("webprobe: note: The ping connects straight "
                    + "to its URL, not through the proxy 127.0.0.1:" + proxy.port() + " set for "
                    + "Java, which a crawl goes through: the times are the servers' own, and a "
                    + "server reached only through the proxy fails to connect.\n");
            assertThat(proxy.connections()).isZero();
            assertThat(origin.requests()).hasSize(3);
            // no proxy, or one that leaves the URL out (Java's own leave loopback out): no note
            PingPlan plan = PingPlan.of(List.of(URI.create(origin.url("/"))), "t");
            assertThat(plan.directNote(ProxySelector.of(null))).isNull();
            assertThat(plan.directNote(null)).isNull();
        }
    }

    /**
     * The bug: java.net.http (--http2's client), given no proxy of its own, took the JVM's,
     * where the event loops and the HTTP/1.1 client go straight to the server. Over plain http
     * here (the same client and selector as https, without a TLS server to set up).
     */
    @Test
    void theHttp2ClientGoesStraightToTheServerAsTheEventLoopsDo() throws Exception {
        try (RawServer origin = RawServer.answering(OK);
                RawServer proxy = RawServer.answering(OK)) {
            ProxySelector before = ProxySelector.getDefault();
            HttpProbe probe;
            ProxySelector.setDefault(at(proxy)); // as -Dhttp.proxyHost would
            try { // java.net.http reads it as it is built
                probe = JdkHttpProbe.forPing("t", Duration.ofSeconds(10), TlsTrust.defaults());
            } finally {
                ProxySelector.setDefault(before);
            }
            try (probe) {
                assertThat(probe.fetch(new FetchRequest(URI.create(origin.url("/")), "GET",
                        Duration.ofSeconds(10), 1_000, FetchRequest.BodyPolicy.NEVER)).status())
                        .isEqualTo(200);
            }
            assertThat(proxy.connections()).isZero();
            assertThat(origin.requests()).hasSize(1);
        }
    }
}
