package io.webprobe.ui.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.ping.PingPlan;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Ping tab's status line at a run's end says that it went straight to its URLs when Java
 * has a proxy set for them, as the command line's note does (ADR 0034); nothing without one.
 */
class PingProxyStatusTest {
    @Test
    void theEndOfARunSaysItWentStraightToTheUrlsPastTheProxySetForJava() {
        PingPlan plan = PingPlan.of(List.of(URI.create("http://127.0.0.1:8080/"),
                URI.create("http://127.0.0.1:8081/")), "t");

        assertThat(PingStatusText.direct(plan,
                ProxySelector.of(new InetSocketAddress("127.0.0.1", 3128))))
                .isEqualTo(" · The ping connects straight to its URLs, not through the proxy "
                        + "127.0.0.1:3128 set for Java, which a crawl goes through: the times are "
                        + "the servers' own, and a server reached only through the proxy fails "
                        + "to connect");
        assertThat(PingStatusText.direct(plan, ProxySelector.of(null))).isEmpty();
    }
}
