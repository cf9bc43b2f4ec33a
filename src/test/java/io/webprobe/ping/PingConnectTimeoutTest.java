package io.webprobe.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.ErrorKind;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ping's connect timeout ({@code --connect-timeout}), on both engines: a connection that
 * does not open within it fails as a connect timeout, however long the request's timeout. The
 * event loops gave it the whole request timeout (a minute here), the workers 10 s at most.
 */
class PingConnectTimeoutTest {
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
    }

    /**
     * A server whose accept queue is full, so that the kernel drops the SYNs of any further
     * connection, which then hangs: the queue filled here with connections of the test's own
     * until one of them hangs too.
     */
    private InetSocketAddress deafServer() throws Exception {
        ServerSocket deaf = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        toClose.add(deaf);
        InetSocketAddress at = new InetSocketAddress(deaf.getInetAddress(), deaf.getLocalPort());
        for (int i = 0; i < 16; i++) {
            Socket filler = new Socket();
            toClose.add(filler);
            try {
                filler.connect(at, 2_000);
            } catch (SocketTimeoutException queueFull) {
                return at;
            }
        }
        throw new AssertionError("the accept queue never filled");
    }

    @ParameterizedTest
    @EnumSource(PingJob.Engine.class)
    void aConnectionThatDoesNotOpenInTimeIsAConnectTimeout(PingJob.Engine engine)
            throws Exception {
        InetSocketAddress deaf = deafServer();
        PingPlan plan = PingPlan.of(List.of(URI.create("http://127.0.0.1:" + deaf.getPort()
                + "/")), "Webprobe/test").withClientWarmUp(false).withCount(3)
                .withConcurrency(3).withTimeout(Duration.ofMinutes(1))
                .withConnectTimeout(Duration.ofMillis(300));
        PingJob job = new PingJob(plan, engine, PingJob.probeFor(plan), PingListener.NONE);
        toClose.add(job);
        job.start();
        PingSnapshot s = job.completion().get(30, TimeUnit.SECONDS);

        assertThat(s.results().get(0).errorCounts()).as("%s", engine)
                .isEqualTo(Map.of(ErrorKind.CONNECT_TIMEOUT, 3L));
    }

    @Test
    void theConnectTimeoutInUseIsAtMostTheTimeout() {
        PingPlan plan = PingPlan.of(List.of(URI.create("http://127.0.0.1:1/")), "t");

        assertThat(plan.connectTimeoutInUse()).isEqualTo(Duration.ofSeconds(10));
        assertThat(plan.withTimeout(Duration.ofSeconds(2)).connectTimeoutInUse())
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(plan.withTimeout(Duration.ofSeconds(30)).connectTimeoutInUse())
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(plan.withTimeout(Duration.ofSeconds(30))
                .withConnectTimeout(Duration.ofSeconds(20)).connectTimeoutInUse())
                .isEqualTo(Duration.ofSeconds(20));
    }
}
