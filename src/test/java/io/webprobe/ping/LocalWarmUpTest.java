package io.webprobe.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.testsupport.LocalHttpServer;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The event loops' warm-up before the clock: its requests go to a server inside the process,
 * in the run's method and keep-alive setting, never to the run's targets, and it leaves no
 * thread behind.
 */
class LocalWarmUpTest {
    private final LocalHttpServer target = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        target.close();
    }

    private static PingPlan plan(String url) {
        return PingPlan.of(List.of(URI.create(url)), "Webprobe/test");
    }

    private static boolean warmUpThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith("ping-warmup")
                        && !t.getName().equals("ping-warmup-server")); // virtual, ending
    }

    @Test
    void everyWarmUpRequestIsAnsweredInsideTheProcessWhateverTheRunsSettings() throws Exception {
        target.route("/", LocalHttpServer.html("target"));
        for (PingPlan p : new PingPlan[] {
            plan(target.url("/")),
            plan(target.url("/")).withMethod("HEAD"),
            plan(target.url("/")).withKeepAlive(false).withConcurrency(2),
        }) {
            long answered = new LocalWarmUp(p, java.time.Duration.ofMinutes(1)).start()
                    .get(2, TimeUnit.MINUTES);

            assertThat(answered).as("%s %s", p.method(), p.keepAlive())
                    .isEqualTo(LocalWarmUp.REQUESTS);
        }
        assertThat(target.totalRequests()).isZero();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> !warmUpThreadsAlive());
    }

    @Test
    void anHttpsRunAlsoWarmsItsHandshakesUpOverTlsInsideTheProcess() throws Exception {
        // a port nobody answers on: the targets are never asked, verified or not
        for (PingPlan p : new PingPlan[] {
            plan("https://127.0.0.1:9/"),
            plan("https://127.0.0.1:9/").withTls(io.webprobe.http.TlsTrust.insecure()),
        }) {
            long answered = warmUp(p, new LocalWarmUp.TlsWarmth());

            assertThat(answered).as("verifies: %s", p.tls().verifies()).isEqualTo(
                    LocalWarmUp.REQUESTS + LocalWarmUp.TLS_PASSES * LocalWarmUp.TLS_REQUESTS);
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> !warmUpThreadsAlive());
    }

    /** A warm-up without a bound, with {@code tls} as what the process has warmed of TLS. */
    private static long warmUp(PingPlan p, LocalWarmUp.TlsWarmth tls) throws Exception {
        return new LocalWarmUp(p, java.time.Duration.ofMinutes(1), LocalWarmUp.REQUESTS, tls)
                .start().get(2, TimeUnit.MINUTES);
    }

    /**
     * The TLS passes warm the process's handshake code, which stays warm: a later https run
     * with the same kind of trust skips them and starts sooner (each run repeated them, up to
     * the warm-up's 1 s on a busy machine); one with the other kind has them. What a warm-up
     * cut short did not send is sent by the next.
     */
    @Test
    void theTlsPassesAreSentOncePerProcessForEachKindOfTrust() throws Exception {
        PingPlan checked = plan("https://127.0.0.1:9/");
        PingPlan unchecked = checked.withTls(io.webprobe.http.TlsTrust.insecure());
        int tls = LocalWarmUp.TLS_PASSES * LocalWarmUp.TLS_REQUESTS;
        LocalWarmUp.TlsWarmth process = new LocalWarmUp.TlsWarmth();

        assertThat(warmUp(checked, process)).isEqualTo(LocalWarmUp.REQUESTS + tls);
        assertThat(warmUp(checked, process)).isEqualTo(LocalWarmUp.REQUESTS);
        assertThat(warmUp(unchecked, process)).isEqualTo(LocalWarmUp.REQUESTS + tls);
        assertThat(warmUp(unchecked, process)).isEqualTo(LocalWarmUp.REQUESTS);

        LocalWarmUp.TlsWarmth cutShort = new LocalWarmUp.TlsWarmth();
        cutShort.answered(true).set(tls - 5);
        assertThat(warmUp(checked, cutShort)).isEqualTo(LocalWarmUp.REQUESTS + 5);
        assertThat(warmUp(checked, cutShort)).isEqualTo(LocalWarmUp.REQUESTS);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> !warmUpThreadsAlive());
    }

    @Test
    void aWarmUpStoppedBeforeOrWhileItRunsEndsAtOnce() throws Exception {
        LocalWarmUp early = new LocalWarmUp(plan("http://127.0.0.1:9/"));
        early.stop();
        assertThat(early.start().get(30, TimeUnit.SECONDS)).isZero();

        // ten million requests in ten minutes at most: only the stop can end it soon
        LocalWarmUp running = new LocalWarmUp(plan("http://127.0.0.1:9/"),
                java.time.Duration.ofMinutes(10), 10_000_000);
        var done = running.start();
        running.stop();
        assertThat(done.get(30, TimeUnit.SECONDS)).isBetween(0L, 10_000_000L - 1);
        assertThat(running.await(java.time.Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void aRunStoppedWhileItWarmsUpEndsAtOnce() throws Exception {
        target.route("/", LocalHttpServer.html("target"));
        try (PingJob job = new PingJob(plan(target.url("/"))
                .withDuration(java.time.Duration.ofMinutes(10)), PingListener.NONE)) {
            job.start();
            job.stop(); // while the warm-up runs, or just after

            PingSnapshot s = job.completion().get(30, TimeUnit.SECONDS); // not ten minutes

            assertThat(s.stopped()).isTrue();
        }
    }

    @Test
    void aRunsTargetSeesOnlyTheRequestsAskedFor() throws Exception {
        target.route("/", LocalHttpServer.html("target"));
        try (PingJob job = new PingJob(plan(target.url("/")).withCount(7), PingListener.NONE)) {
            assertThat(job.usesEventLoops()).isTrue();
            job.start();
            PingSnapshot s = job.completion().get(60, TimeUnit.SECONDS);

            assertThat(s.sent()).isEqualTo(7);
            assertThat(job.requestsBeforeClock()).isZero();
        }
        assertThat(target.hits("/")).isEqualTo(7);
    }
}
