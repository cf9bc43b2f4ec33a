package io.webprobe.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.ErrorKind;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HostLookupsTest {

    @Test
    void aSlowNameIsCutAtTheTimeoutAndTheOthersAreResolvedMeanwhile() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try {
            Map<String, HostLookups.Outcome> found = HostLookups.resolve(
                    // the timeout also bounds 127.0.0.1's lookup, on a thread of its own:
                    // 0.2 s was a bound on how soon a loaded machine runs that thread
                    List.of("slow.invalid", "127.0.0.1", "slow.invalid"), Duration.ofSeconds(2),
                    h -> {
                        if (h.equals("slow.invalid")) {
                            try {
                                never.await(); // a resolver that does not answer
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        return HostLookups.lookUp(h);
                    }).get(30, TimeUnit.SECONDS);

            assertThat(found).containsOnlyKeys("slow.invalid", "127.0.0.1");
            assertThat(found.get("slow.invalid").failure().kind()).isEqualTo(ErrorKind.DNS);
            assertThat(found.get("slow.invalid").failure().message())
                    .isEqualTo("The host name did not resolve within 2 s");
            assertThat(found.get("127.0.0.1").failure()).isNull();
            assertThat(found.get("127.0.0.1").addresses())
                    .containsExactly(InetAddress.getByName("127.0.0.1"));
        } finally {
            never.countDown();
        }
    }

    @Test
    void aNameThatDoesNotResolveIsADnsFailure() throws Exception {
        Map<String, HostLookups.Outcome> found = HostLookups.resolve(
                List.of("nonexistent-host.invalid"), Duration.ofSeconds(10)).get(30, TimeUnit.SECONDS);
        assertThat(found.get("nonexistent-host.invalid").failure().kind()).isEqualTo(ErrorKind.DNS);
    }

    @Test
    void theEventLoopsKnowEveryAddressBeforeTheirClockStarts() throws Exception {
        PingPlan plan = PingPlan.of(List.of(java.net.URI.create("http://127.0.0.1:1/"),
                java.net.URI.create("http://nonexistent-host.invalid/"),
                java.net.URI.create("http://127.0.0.1:99999/")), "Webprobe/test");
        NioTargets targets = new NioTargets(plan);
        assertThat(targets.unusable(1)).as("not looked up yet").isNull();

        targets.resolveAll(Duration.ofSeconds(10)).get(30, TimeUnit.SECONDS);

        assertThat(targets.unusable(0)).isNull();
        assertThat(targets.unusable(1).kind()).isEqualTo(ErrorKind.DNS);
        assertThat(targets.unusable(2).kind()).isEqualTo(ErrorKind.INVALID_URL);
    }
}
