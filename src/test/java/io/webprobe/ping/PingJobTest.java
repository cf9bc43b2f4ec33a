package io.webprobe.ping;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.webprobe.http.ErrorKind;
import io.webprobe.http.Header;
import io.webprobe.http.Http1Probe;
import io.webprobe.http.StatusSet;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.RefusedPort;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PingJobTest {
    private final LocalHttpServer server = new LocalHttpServer();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        server.close();
    }

    private PingJob job(PingPlan plan, PingListener listener) {
        PingJob job = new PingJob(plan, new Http1Probe("Webprobe/test", Duration.ofSeconds(2)),
                listener);
        toClose.add(job);
        return job;
    }

    private PingSnapshot run(PingPlan plan) throws Exception {
        PingJob job = job(plan, PingListener.NONE);
        job.start();
        return job.completion().get(60, TimeUnit.SECONDS);
    }

    private PingPlan plan(String... paths) {
        List<URI> targets = new ArrayList<>();
        for (String p : paths) {
            targets.add(URI.create(p.startsWith("http") ? p : server.url(p)));
        }
        return PingPlan.of(targets, "Webprobe/test");
    }

    @Test
    void knownServerDelayIsAFloorUnderEveryFigure() throws Exception {
        server.route("/slow50", LocalHttpServer.delayed(Duration.ofMillis(50), "ok"));
        PingSnapshot s = run(plan("/slow50").withConcurrency(5).withCount(40).withWarmup(2));

        PingResult r = s.results().get(0);
        assertThat(r.sent()).isEqualTo(40);
        assertThat(r.ok()).isEqualTo(40);
        assertThat(r.statusCountsText()).isEqualTo("200×40");
        // The server's 50 ms are in every response; how much more depends on how busy the
        // machine is, so the upper bound only catches a unit mistake (µs read as ms...).
        assertThat(r.minMillis()).isGreaterThanOrEqualTo(50.0);
        assertThat(r.p50Millis()).isBetween(r.minMillis(), 1_000.0);
        assertThat(r.p99Millis()).isBetween(r.p50Millis(), r.maxMillis());
        assertThat(s.warmups()).isEqualTo(2);
        assertThat(s.finished()).isTrue();
        assertThat(s.progress()).isEqualTo(1.0);
    }

    @Test
    void rateModeShowsAServerStallInTheHighPercentiles() throws Exception {
        // The server stalls every request for one second once 50 have arrived (half a second
        // in), like a GC pause. Measured from the intended start, the stall must show in p99
        // and max: the requests due during it are sent in its last half second's wake.
        AtomicLong arrivals = new AtomicLong();
        AtomicLong stallEnd = new AtomicLong();
        server.route("/", ex -> {
            long n = arrivals.incrementAndGet();
            if (n == 50) {
                stallEnd.set(System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
            }
            for (long left; (left = stallEnd.get() - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(left);
            }
            LocalHttpServer.send(ex, 200, "text/plain", "ok");
        });
        PingSnapshot open = run(plan("/").withConcurrency(10).withRate(100, Duration.ofSeconds(2)));
        PingResult r = open.results().get(0);

        // every request the 2 s schedule had is sent or, when the connections were all still
        // waiting as the time ran out (a busy machine after the stall), counted as not sent
        assertThat(r.sent() + open.notSent()).isEqualTo(200);
        assertThat(r.sent()).isGreaterThan(50); // the stall began at the 50th
        assertThat(r.maxMillis()).isGreaterThan(900);
        assertThat(r.p99Millis()).isGreaterThan(500);
        assertThat(r.p95Millis()).isGreaterThan(200);
        assertThat(r.serviceP50Millis()).isLessThan(r.p50Millis() + 0.001);
        assertThat(open.late()).isPositive();
        assertThat(open.targetRate()).isEqualTo(100.0);
        // never above the rate asked for; below it when the machine is busy
        assertThat(open.requestsPerSecond()).isBetween(1.0, 101.0);
        assertThat(plan("/").withRate(1, Duration.ofSeconds(1)).closedLoop()).isFalse();
        assertThat(plan("/").withCount(1).closedLoop()).isTrue();
    }

    /**
     * A started run of 10 req/s for 100 ms on this clock (one request, due at the start), once
     * its engine has sent and had the answer: the run waits for its duration's end.
     */
    private PingJob openLoopPastItsLastRequest(PingJob.Engine engine, AtomicLong clock)
            throws Exception {
        server.route("/", html("ok"));
        PingJob job = new PingJob(plan("/").withRate(10, Duration.ofMillis(100))
                .withClientWarmUp(false), engine,
                new Http1Probe("Webprobe/test", Duration.ofSeconds(2)), PingListener.NONE,
                clock::get);
        toClose.add(job);
        job.start();
        // at once, then every 20 ms (by default Awaitility waited 100 ms before its first look)
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20)).until(job::engineEnded);
        return job;
    }

    @ParameterizedTest
    @EnumSource(PingJob.Engine.class)
    void anOpenLoopForADurationLastsItsDurationAfterItsLastRequest(PingJob.Engine engine)
            throws Exception {
        // "--rate 0.5 -d 3s" reported "in 2.01 s": its last request was due at 2 s, and the
        // run ended with that answer; wrk2 and oha run for the duration. Here 10 req/s for
        // 100 ms (one request, due at the start) against a clock that stands still
        AtomicLong clock = new AtomicLong(TimeUnit.SECONDS.toNanos(1_000));
        PingJob job = openLoopPastItsLastRequest(engine, clock);

        assertThat(job.completion()).isNotDone(); // 100 ms to go
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
        PingSnapshot s = job.completion().get(30, TimeUnit.SECONDS);
        assertThat(s.elapsed()).isEqualTo(Duration.ofMillis(100));
        assertThat(s.sent()).isEqualTo(1);
        assertThat(s.notSent()).isZero();
        assertThat(s.requestsPerSecond()).isEqualTo(10.0);
    }

    @ParameterizedTest
    @EnumSource(PingJob.Engine.class)
    void aStopWhileAnOpenLoopWaitsForItsEndEndsTheRunAtOnce(PingJob.Engine engine)
            throws Exception {
        AtomicLong clock = new AtomicLong(TimeUnit.SECONDS.toNanos(1_000));
        PingJob job = openLoopPastItsLastRequest(engine, clock);
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(40));
        job.stop();

        PingSnapshot s = job.completion().get(30, TimeUnit.SECONDS);
        assertThat(s.stopped()).isTrue();
        assertThat(s.elapsed()).isEqualTo(Duration.ofMillis(40));
        assertThat(s.sent()).isEqualTo(1);
    }

    @Test
    void theRequestsNotSentAreCountedForTheUrlThatFellBehind() throws Exception {
        server.route("/fast", LocalHttpServer.html("ok"));
        server.route("/slow", LocalHttpServer.delayed(Duration.ofMillis(700), "ok"));
        // one connection each (2 URLs, concurrency 2): 20 requests each in 1 s, which the
        // slow URL's one connection cannot send at 700 ms an answer
        PingSnapshot open = run(plan("/fast", "/slow").withConcurrency(2)
                .withRate(40, Duration.ofSeconds(1)));
        PingResult fast = open.results().get(0);
        PingResult slow = open.results().get(1);

        assertThat(slow.notSent()).isGreaterThan(10);
        assertThat(fast.sent() + fast.notSent()).isEqualTo(20);
        assertThat(slow.sent() + slow.notSent()).isEqualTo(20);
        assertThat(fast.notSent() + slow.notSent()).isEqualTo(open.notSent());
    }

    @Test
    void percentilesMatchASortedArrayOfTheSameSamples() {
        TargetStats stats = new TargetStats(URI.create("http://127.0.0.1/"), "http://127.0.0.1/", false);
        java.util.Random rnd = new java.util.Random(7);
        long[] samples = new long[20_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 200 + (long) Math.exp(rnd.nextGaussian() * 1.2 + 8); // µs, long tail
            stats.record(200, null, true, samples[i], samples[i], 10, 0, false);
        }
        PingResult r = stats.result(1.0, 1.0);
        java.util.Arrays.sort(samples);
        for (double[] p : new double[][] {
                {50, r.p50Millis()}, {90, r.p90Millis()}, {95, r.p95Millis()}, {99, r.p99Millis()}}) {
            long ref = samples[(int) Math.ceil(p[0] / 100 * samples.length) - 1];
            assertThat(p[1] * 1000).as("p%s", p[0]).isCloseTo(ref, within(ref * 0.001 + 1));
        }
        assertThat(r.minMillis() * 1000).isCloseTo(samples[0], within(samples[0] * 0.001 + 1));
        assertThat(r.maxMillis() * 1000)
                .isCloseTo(samples[samples.length - 1], within(samples[samples.length - 1] * 0.001 + 1));
        double mean = java.util.Arrays.stream(samples).average().orElseThrow();
        assertThat(r.meanMillis() * 1000).isCloseTo(mean, within(mean * 0.001));
        assertThat(r.sent()).isEqualTo(20_000);
        assertThat(r.bytes()).isEqualTo(200_000);
    }

    @Test
    void closedPortIsRefused() throws Exception {
        RefusedPort closed = RefusedPort.onLoopback();
        toClose.add(closed);
        int port = closed.port();
        PingResult r = run(plan("http://127.0.0.1:" + port + "/").withCount(3)).results().get(0);
        assertThat(r.errorCounts()).containsEntry(ErrorKind.REFUSED, 3L);
        assertThat(r.failed()).isEqualTo(3);
        assertThat(r.hasLatency()).isFalse();
    }

    @Test
    void serverThatNeverAnswersTimesOut() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.route("/hang", LocalHttpServer.blockUntil(release, new CountDownLatch(1), "late"));
        try {
            PingResult r = run(plan("/hang").withCount(2).withTimeout(Duration.ofMillis(200)))
                    .results().get(0);
            assertThat(r.errorCounts()).containsEntry(ErrorKind.TIMEOUT, 2L);
        } finally {
            release.countDown();
        }
    }

    @Test
    void unknownHostIsADnsError() throws Exception {
        PingResult r = run(plan("http://no-such-host.invalid/").withCount(1)).results().get(0);
        assertThat(r.errorCounts()).containsEntry(ErrorKind.DNS, 1L);
    }

    @Test
    void redirectLoopsLongChainsAndBadLocationsAreNamedWhenFollowing() throws Exception {
        server.route("/a", LocalHttpServer.redirect(302, "/b"));
        server.route("/b", LocalHttpServer.redirect(302, "/a"));
        server.route("/hop1", LocalHttpServer.redirect(301, "/hop2"));
        server.route("/hop2", LocalHttpServer.redirect(301, "/end"));
        server.route("/end", html("end"));
        int n = io.webprobe.http.HttpProbe.MAX_REDIRECTS;
        for (int k = 0; k < n + 1; k++) {
            server.route("/chain" + k, LocalHttpServer.redirect(302, "/chain" + (k + 1)));
            // as many as browsers follow (20): followed to the end
            server.route("/many" + k, LocalHttpServer.redirect(302, "/many" + (k + 1)));
        }
        server.route("/chain" + (n + 1), html("too far"));
        server.route("/many" + n, html("as far as a browser goes"));
        server.route("/bad", LocalHttpServer.redirect(302, "http://[bad"));
        PingSnapshot s = run(plan("/a", "/hop1", "/chain0", "/bad", "/many0").withCount(2)
                .withFollowRedirects(true));
        assertThat(s.results().get(0).errorCounts()).containsEntry(ErrorKind.REDIRECT_LOOP, 2L);
        assertThat(s.results().get(1).statusCountsText()).isEqualTo("200×2");
        assertThat(s.results().get(1).redirects()).isEqualTo(4);
        assertThat(s.results().get(2).errorCounts())
                .containsEntry(ErrorKind.TOO_MANY_REDIRECTS, 2L);
        assertThat(s.results().get(3).errorCounts()).containsEntry(ErrorKind.INVALID_URL, 2L);
        assertThat(n).isEqualTo(20);
        assertThat(s.results().get(4).statusCountsText()).isEqualTo("200×2");
        assertThat(s.results().get(4).redirects()).isEqualTo(2L * n);

        PingSnapshot notFollowing = run(plan("/hop1").withCount(2));
        assertThat(notFollowing.results().get(0).statusCountsText()).isEqualTo("301×2");
    }

    @Test
    void aRedirectWhoseBodyIsNotTheGzipItClaimsIsFollowedOrCountedAsIs() throws Exception {
        server.route("/moved", ex -> {
            byte[] junk = "not gzip at all".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Location", "/here");
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            ex.sendResponseHeaders(302, junk.length);
            ex.getResponseBody().write(junk);
        });
        server.route("/here", html("here"));

        for (boolean keepAlive : new boolean[] {true, false}) {
            PingSnapshot following = run(plan("/moved").withCount(3).withKeepAlive(keepAlive)
                    .withFollowRedirects(true));
            assertThat(following.results().get(0).statusCountsText()).as("keep-alive %s",
                    keepAlive).isEqualTo("200×3");
            assertThat(following.results().get(0).errorCounts()).isEmpty();

            PingSnapshot asIs = run(plan("/moved").withCount(3).withKeepAlive(keepAlive));
            assertThat(asIs.results().get(0).statusCountsText()).isEqualTo("302×3");
            assertThat(asIs.results().get(0).errorCounts()).isEmpty();
        }
    }

    @Test
    void aRunFollowingRedirectsWarmsItsClientUpOnTheTargetsBeforeTheClock() throws Exception {
        // cold, a 100-request https run following redirects had p99 519 ms (49 ms without)
        server.route("/from", LocalHttpServer.redirect(302, "/to"));
        server.route("/to", html("to"));
        PingJob job = job(plan("/from").withCount(20).withConcurrency(2)
                .withFollowRedirects(true), PingListener.NONE);
        job.start();
        PingSnapshot s = job.completion().get(60, TimeUnit.SECONDS);

        assertThat(s.results().get(0).statusCountsText()).isEqualTo("200×20");
        assertThat(s.sent()).isEqualTo(20);
        // an opening request, then at most as many as the run sends, none of them counted
        long before = job.requestsBeforeClock();
        assertThat(before).isBetween(1L, 1L + 20);
        assertThat((long) server.hits("/from")).isBetween(20L, 20 + before);
        assertThat(server.hits("/to")).isEqualTo(20); // the warm-up does not follow
    }

    @Test
    void connectionClosedWithoutAnswerIsAClosedConnectionNotAReset() throws Exception {
        try (ServerSocket rude = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!rude.isClosed()) {
                    try (Socket s = rude.accept()) {
                        s.getInputStream().read();
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            PingResult r = run(plan("http://127.0.0.1:" + rude.getLocalPort() + "/").withCount(2))
                    .results().get(0);
            assertThat(r.errorCounts()).containsEntry(ErrorKind.CLOSED, 2L);
        }
    }

    @Test
    void httpsToAServerThatAnswersInPlainTextIsATlsError() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!plain.isClosed()) {
                    try (Socket s = plain.accept()) {
                        s.getOutputStream().write(
                                "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(
                                        java.nio.charset.StandardCharsets.US_ASCII));
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            PingResult r = run(plan("https://127.0.0.1:" + plain.getLocalPort() + "/").withCount(1))
                    .results().get(0);
            assertThat(r.errorCounts()).containsEntry(ErrorKind.TLS, 1L);
        }
    }

    @Test
    void statusOutsideTheSuccessSetCountsAsFailed() throws Exception {
        server.route("/503", LocalHttpServer.status(503));
        server.route("/ok", html("ok"));
        PingSnapshot s = run(plan("/503", "/ok").withCount(5).withSuccess(StatusSet.parse("200-299")));
        assertThat(s.results().get(0).failed()).isEqualTo(5);
        assertThat(s.results().get(0).statusCountsText()).isEqualTo("503×5");
        assertThat(s.results().get(0).errorRatePercent()).isEqualTo(100.0);
        assertThat(s.results().get(1).ok()).isEqualTo(5);
        assertThat(s.failed()).isEqualTo(5);
    }

    @Test
    void sendsHeadersHeadAndConnectionCloseWhenKeepAliveIsOff() throws Exception {
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        server.route("/h", ex -> {
            seen.add(ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("X-Probe")
                    + " " + ex.getRequestHeaders().getFirst("Connection"));
            LocalHttpServer.send(ex, 200, "text/plain", "ok");
        });
        run(plan("/h").withCount(3).withMethod("HEAD").withKeepAlive(false)
                .withHeaders(List.of(Header.parse("X-Probe: yes"))));
        assertThat(seen).containsOnly("HEAD yes close").hasSize(3);
    }

    @Test
    void everyRequestReachesTheListenerAndWarmupsAreFlagged() throws Exception {
        server.route("/", html("ok"));
        ConcurrentLinkedQueue<RequestRecord> records = new ConcurrentLinkedQueue<>();
        PingJob job = job(plan("/", "/x").withCount(7).withWarmup(3).withConcurrency(4),
                new PingListener() {
                    @Override
                    public void onRequest(RequestRecord r) {
                        records.add(r);
                    }
                });
        job.start();
        PingSnapshot s = job.completion().get(30, TimeUnit.SECONDS);
        assertThat(records).hasSize(20);
        assertThat(records.stream().filter(RequestRecord::warmup)).hasSize(6);
        assertThat(records.stream().map(RequestRecord::seq).distinct()).hasSize(20);
        assertThat(s.results().get(0).sent()).isEqualTo(7);
        assertThat(s.results().get(1).statusCountsText()).isEqualTo("404×7");
    }

    @Test
    void theListenerIsToldTheRunEndedBeforeItsCompletionCompletes() throws Exception {
        server.route("/", html("ok"));
        java.util.concurrent.atomic.AtomicReference<PingJob> self =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Boolean> doneWhenTold =
                new java.util.concurrent.atomic.AtomicReference<>();
        PingJob job = job(plan("/").withCount(3), new PingListener() {
            @Override
            public void onFinished(PingSnapshot last) {
                doneWhenTold.set(self.get().completion().isDone());
            }
        });
        self.set(job);
        job.start();
        job.completion().get(30, TimeUnit.SECONDS);
        // whoever waits on the completion may count on the listener having been told
        assertThat(doneWhenTold).hasValue(false);
    }

    @Test
    void durationModeRunsUntilTheDeadlineAndStopEndsEarly() throws Exception {
        server.route("/", html("ok"));
        PingSnapshot timed = run(plan("/").withDuration(Duration.ofMillis(500)).withConcurrency(2));
        assertThat(timed.sent()).isPositive();
        assertThat(timed.elapsed()).isBetween(Duration.ofMillis(500), Duration.ofSeconds(20));

        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(1);
        server.route("/hang", LocalHttpServer.blockUntil(release, arrived, "x"));
        try {
            PingJob job = job(plan("/hang").withDuration(Duration.ofMinutes(5)).withConcurrency(3),
                    PingListener.NONE);
            job.start();
            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
            job.stop();
            PingSnapshot stopped = job.completion().get(10, TimeUnit.SECONDS);
            assertThat(stopped.stopped()).isTrue();
            // the request held in flight is abandoned: not answered or failed, not in sent
            assertThat(stopped.sent()).isZero();
            assertThat(stopped.abandoned()).isBetween(1L, 3L);
            assertThat(stopped.failed()).isZero();
            job.close();
            assertThat(Thread.getAllStackTraces().keySet().stream()
                    .filter(Thread::isAlive)
                    .map(Thread::getName)
                    .filter(n -> n.startsWith("ping-worker-") || n.startsWith("ping-stats-")))
                    .isEmpty();
        } finally {
            release.countDown();
        }
    }

    @Test
    void latencyBinsCoverEveryResponse() throws Exception {
        server.route("/", html("ok"));
        PingJob job = job(plan("/").withCount(200).withConcurrency(4), PingListener.NONE);
        job.start();
        job.completion().get(30, TimeUnit.SECONDS);
        List<LatencyBin> bins = job.latencyBins(server.url("/"), 20);
        assertThat(bins).hasSize(20);
        assertThat(bins.stream().mapToLong(LatencyBin::count).sum()).isEqualTo(200);
        assertThat(job.latencyBins("http://other/", 20)).isEmpty();
    }

    @Test
    void targetsThatCannotBeSetUpGetTheirErrorClassAndTheOthersAreMeasured() throws Exception {
        server.route("/", html("ok"));
        for (PingJob.Engine engine : PingJob.Engine.values()) {
            PingPlan plan = plan("http://127.0.0.1:99999/", "/", "http://no-such-host.invalid/",
                    "http://127.0.0.1:0/").withCount(3).withConcurrency(2)
                    .withFollowRedirects(engine == PingJob.Engine.WORKERS);
            PingSnapshot s = run(plan);
            assertThat(s.failure()).isNull();
            // known before the clock: one failure each says why, and they are not requested
            assertThat(s.results().get(0).errorCounts()).as("%s", engine)
                    .isEqualTo(java.util.Map.of(ErrorKind.INVALID_URL, 1L));
            assertThat(s.results().get(1).statusCountsText()).isEqualTo("200×3");
            assertThat(s.results().get(2).errorCounts()).isEqualTo(java.util.Map.of(ErrorKind.DNS, 1L));
            assertThat(s.results().get(3).ok()).isZero();
            assertThat(s.results().get(3).failed()).isEqualTo(1);
            assertThat(s.progress()).isEqualTo(1.0);
            // their one failure over the run's time is no rate (tables and CSV leave it empty)
            for (int t : new int[] {0, 2, 3}) {
                assertThat(s.results().get(t).hasRate()).as("%s, URL %d", engine, t).isFalse();
            }
            assertThat(s.results().get(1).hasRate()).isTrue();
            assertThat(s.results().get(1).requestsPerSecond()).isPositive();
            // the run's figures count only what was sent: the 3 requests to "/" (the three
            // failures of the URLs not requested doubled its req/s and said 3 failed)
            assertThat(s.notRequested()).as("%s", engine).isEqualTo(3);
            assertThat(s.sent()).as("%s", engine).isEqualTo(3);
            assertThat(s.requestsSent()).as("%s", engine).isEqualTo(3);
            assertThat(s.failed()).as("%s", engine).isZero();
            assertThat(s.requestsPerSecond()).as("%s", engine).isCloseTo(
                    s.results().get(1).requestsPerSecond(), org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void aHostThatDoesNotResolveIsAskedOnceInADurationRunAndTheOthersAreMeasured()
            throws Exception {
        server.route("/", html("ok"));
        for (PingJob.Engine engine : PingJob.Engine.values()) {
            for (int warmup : new int[] {0, 2}) {
                ConcurrentLinkedQueue<RequestRecord> records = new ConcurrentLinkedQueue<>();
                PingPlan plan = plan("/", "http://nonexistent-host.invalid/",
                        "http://127.0.0.1:99999/").withDuration(Duration.ofMillis(300))
                        .withConcurrency(4).withWarmup(warmup)
                        .withFollowRedirects(engine == PingJob.Engine.WORKERS);
                PingJob job = new PingJob(plan, engine,
                        new Http1Probe("Webprobe/test", Duration.ofSeconds(2)), new PingListener() {
                            @Override
                            public void onRequest(RequestRecord r) {
                                records.add(r);
                            }
                        });
                toClose.add(job);
                job.start();
                PingSnapshot s = job.completion().get(60, TimeUnit.SECONDS);

                String as = engine + ", --warmup " + warmup;
                assertThat(s.failure()).isNull();
                assertThat(s.results().get(0).ok()).as(as).isPositive();
                PingResult dns = s.results().get(1);
                assertThat(dns.sent()).as(as).isEqualTo(1);
                assertThat(dns.errorCounts()).as(as).isEqualTo(java.util.Map.of(ErrorKind.DNS, 1L));
                assertThat(s.results().get(2).errorCounts()).as(as)
                        .isEqualTo(java.util.Map.of(ErrorKind.INVALID_URL, 1L));
                // the two URLs not requested have their one failure each in their rows, not
                // in the run's figures: those count what was sent
                assertThat(s.sent()).as(as).isEqualTo(s.results().get(0).sent());
                assertThat(s.failed()).as(as).isEqualTo(s.results().get(0).failed());
                assertThat(records).filteredOn(r -> r.url().contains("invalid"))
                        .singleElement()
                        .satisfies(r -> assertThat(r.warmup()).isFalse())
                        .satisfies(r -> assertThat(r.error()).isEqualTo(ErrorKind.DNS));
                assertThat(job.notRequested()).containsExactly(
                        "http://nonexistent-host.invalid/: Host name could not be resolved, so it"
                                + " was not requested; its row counts that as one failed request.",
                        "http://127.0.0.1:99999/: The port 99999 is out of range (1 to 65535), so"
                                + " it was not requested; its row counts that as one failed request.");
            }
        }
    }

    @Test
    void anOpenLoopOwesNothingToATargetThatCannotBeSetUp() throws Exception {
        server.route("/", html("ok"));
        PingSnapshot s = run(plan("/", "http://nonexistent-host.invalid/")
                .withRate(100, Duration.ofMillis(300)).withConcurrency(4));
        assertThat(s.results().get(1).sent()).isEqualTo(1);
        assertThat(s.results().get(1).notSent()).isZero();
        assertThat(s.results().get(0).ok()).isPositive();
        // the run's figures are of the requests sent, all to "/"
        assertThat(s.sent()).isEqualTo(s.results().get(0).sent());
    }

    @Test
    void aRefusedConnectionIsNotRetriedFasterThanThePaceInADurationRun() throws Exception {
        RefusedPort closed = RefusedPort.onLoopback();
        toClose.add(closed);
        int port = closed.port();
        server.route("/", html("ok"));
        for (PingJob.Engine engine : PingJob.Engine.values()) {
            long millis = 400;
            PingSnapshot s = run(plan("http://127.0.0.1:" + port + "/", "/")
                    .withDuration(Duration.ofMillis(millis)).withConcurrency(2)
                    .withFollowRedirects(engine == PingJob.Engine.WORKERS));
            PingResult refused = s.results().get(0);
            assertThat(refused.errorCounts().keySet()).as("%s", engine)
                    .containsExactly(ErrorKind.REFUSED);
            // one connection, one attempt per pace at most: not one every few microseconds
            long most = millis / TimeUnit.NANOSECONDS.toMillis(PingRun.PACE_NANOS) + 1;
            assertThat(refused.sent()).as("%s", engine).isBetween(1L, most);
            assertThat(s.results().get(1).ok()).as("%s", engine).isPositive();
        }
    }

    @Test
    void anEngineFailureEndsTheRunWithOneSentence() throws Exception {
        server.route("/", html("ok"));
        for (PingJob.Engine engine : PingJob.Engine.values()) {
            PingJob job = new PingJob(plan("/").withCount(50).withConcurrency(2)
                    .withFollowRedirects(engine == PingJob.Engine.WORKERS), engine,
                    new Http1Probe("t", Duration.ofSeconds(2)), new PingListener() {
                        @Override
                        public void onRequest(RequestRecord r) {
                            throw new IllegalStateException("a bug in a listener");
                        }
                    });
            toClose.add(job);
            job.start();
            PingSnapshot s = job.completion().get(30, TimeUnit.SECONDS);
            assertThat(s.failure()).as("%s", engine).isEqualTo("The ping stopped because of an"
                    + " internal error; the details are in Webprobe's log ("
                    + io.webprobe.UserDirs.current().logFile() + ").");
            assertThat(s.finished()).isTrue();
        }
    }
}
