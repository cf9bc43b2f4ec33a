package io.webprobe.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.webprobe.http.TlsTrust;
import io.webprobe.testsupport.Http2TestServer;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.RawServer;
import io.webprobe.testsupport.SelfSignedCertificate;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run stopped while requests are in flight (the server holds them on a latch) tells every
 * request once: answered, failed, abandoned at the stop, or (an open loop) not sent. The
 * requests put on the wire, as the server counted their arrivals, are those answered or failed
 * ({@link PingResult#sent}) and those abandoned; an open loop's requests due before the stop
 * are those and the ones not sent. Abandoned requests are no failures. Each mode (a count, a
 * duration, a rate) on both engines, over http and https, and HTTP/2 on the workers.
 */
class AbandonedAtStopTest {
    private static final byte[] OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
            .getBytes(StandardCharsets.ISO_8859_1);
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @TempDir
    static Path dir;
    static SelfSignedCertificate cert;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    /** Requests that reached the server. */
    private final AtomicInteger arrivals = new AtomicInteger();

    @BeforeAll
    static void certificate() throws Exception {
        cert = SelfSignedCertificate.create(dir, "loopback", "ip:127.0.0.1,dns:localhost");
    }

    @AfterEach
    void tearDown() throws Exception {
        release.countDown();
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
    }

    static Stream<Arguments> enginesAndSchemes() {
        List<Arguments> out = new ArrayList<>();
        for (PingJob.Engine engine : PingJob.Engine.values()) {
            out.add(Arguments.of(engine, false));
            out.add(Arguments.of(engine, true));
        }
        return out.stream();
    }

    /**
     * A server (https when {@code tls}) answering its first {@code answered} requests at once
     * and holding the others until the test ends, {@code held} counting them down.
     */
    private URI holdingServer(boolean tls, int answered, CountDownLatch held) throws Exception {
        if (!tls) {
            LocalHttpServer s = new LocalHttpServer();
            toClose.add(s);
            s.route("/", ex -> {
                arrive(answered, held);
                LocalHttpServer.send(ex, 200, "text/plain", "ok");
            });
            return URI.create(s.url("/"));
        }
        RawServer s = new RawServer((socket, server) -> {
            while (server.readHead(socket) != null) {
                arrive(answered, held);
                socket.getOutputStream().write(OK);
            }
        }, cert.serverContext());
        toClose.add(s);
        return URI.create(s.url("/"));
    }

    private void arrive(int answered, CountDownLatch held) {
        if (arrivals.incrementAndGet() > answered) {
            held.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static PingPlan plan(List<URI> targets) throws Exception {
        // no request to the targets but the counted ones; no timeout while the test holds them
        return PingPlan.of(targets, "Webprobe/test").withTls(TlsTrust.fromPemFile(cert.pem()))
                .withClientWarmUp(false).withTimeout(Duration.ofSeconds(60));
    }

    private PingJob job(PingPlan plan, PingJob.Engine engine, LongSupplier clock) {
        return job(plan, engine, clock, PingListener.NONE);
    }

    private PingJob job(PingPlan plan, PingJob.Engine engine, LongSupplier clock,
            PingListener listener) {
        PingJob job = new PingJob(plan, engine, PingJob.probeFor(plan), listener, clock);
        toClose.add(job);
        return job;
    }

    /** A listener keeping every request it is told of (the per-request log's records). */
    private static PingListener keeping(Queue<RequestRecord> records) {
        return new PingListener() {
            @Override
            public void onRequest(RequestRecord record) {
                records.add(record);
            }
        };
    }

    /**
     * The records a run's listener was told of, against its final snapshot: one for each
     * request put on the wire, each number once; as many abandoned ones as each URL's
     * abandoned count, with no status, time or error; the others as many as its sent.
     */
    private static List<RequestRecord> assertOneRecordPerRequest(PingSnapshot s,
            Queue<RequestRecord> records) {
        List<RequestRecord> all = List.copyOf(records);
        assertThat(all).extracting(RequestRecord::seq).doesNotHaveDuplicates();
        for (PingResult r : s.results()) {
            List<RequestRecord> mine = all.stream().filter(x -> x.url().equals(r.url()))
                    .toList();
            assertThat(mine.stream().filter(RequestRecord::abandoned).count()).as(r.url())
                    .isEqualTo(r.abandoned());
            assertThat(mine.stream().filter(x -> !x.abandoned()).count()).as(r.url())
                    .isEqualTo(r.sent());
        }
        List<RequestRecord> abandoned = all.stream().filter(RequestRecord::abandoned).toList();
        for (RequestRecord a : abandoned) {
            assertThat(a.status()).isZero();
            assertThat(a.error()).isNull();
            assertThat(a.warmup()).isFalse();
            assertThat(a.startEpochMillis()).isPositive();
        }
        return abandoned;
    }

    /**
     * The per-request records of a stopped run: a line for each request abandoned in flight,
     * after the answered ones, so the log's lines add up to the requests put on the wire.
     */
    @ParameterizedTest
    @MethodSource("enginesAndSchemes")
    void aStoppedRunTellsItsListenerOfEveryAbandonedRequest(PingJob.Engine engine, boolean tls)
            throws Exception {
        CountDownLatch held = new CountDownLatch(3);
        Queue<RequestRecord> records = new ConcurrentLinkedQueue<>();
        PingPlan plan = plan(List.of(holdingServer(tls, 5, held))).withConcurrency(3)
                .withDuration(Duration.ofMinutes(5));
        long before = System.currentTimeMillis();
        PingJob job = job(plan, engine, System::nanoTime, keeping(records));
        job.start();
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        job.stop();
        PingSnapshot s = job.completion().get(30, TimeUnit.SECONDS);

        assertThat(s.abandoned()).isEqualTo(3);
        assertThat(records).hasSize(arrivals.get());
        List<RequestRecord> abandoned = assertOneRecordPerRequest(s, records);
        assertThat(abandoned).hasSize(3);
        // told last, in the order of their numbers
        assertThat(List.copyOf(records).subList(5, 8)).isEqualTo(abandoned);
        assertThat(abandoned).extracting(RequestRecord::seq).isSorted();
        long after = System.currentTimeMillis();
        assertThat(abandoned).allSatisfy(a -> assertThat(a.startEpochMillis())
                .isBetween(before, after));
    }

    /**
     * An open loop's abandoned requests keep their intended starts: at 10 req/s, requests 1 to
     * 3 (due at 100, 200 and 300 ms) were held, request 0 answered; the 2 not sent have no
     * line, as no request that was not put on the wire has.
     */
    @Test
    void aStoppedRateLogsItsAbandonedRequestsAtTheirIntendedStarts() throws Exception {
        CountDownLatch held = new CountDownLatch(3);
        Queue<RequestRecord> records = new ConcurrentLinkedQueue<>();
        AtomicLong clock = new AtomicLong(TimeUnit.SECONDS.toNanos(1_000));
        PingPlan plan = plan(List.of(holdingServer(false, 1, held))).withConcurrency(3)
                .withRate(10, Duration.ofSeconds(60));
        PingJob job = job(plan, PingJob.Engine.EVENT_LOOPS, clock::get, keeping(records));
        job.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> job.latest().sent() == 1);
        clock.addAndGet(350 * MS);
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        clock.addAndGet(200 * MS);
        job.stop();
        PingSnapshot s = job.completion().get(30, TimeUnit.SECONDS);

        assertThat(s.notSent()).isEqualTo(2);
        List<RequestRecord> abandoned = assertOneRecordPerRequest(s, records);
        assertThat(abandoned).extracting(RequestRecord::seq).containsExactly(1L, 2L, 3L);
        assertThat(abandoned).extracting(RequestRecord::intendedOffsetMillis)
                .containsExactly(100.0, 200.0, 300.0);
        assertThat(records).hasSize(4);
    }

    /** HTTP/2 on the workers: each URL's one held request has its line, with its URL. */
    @Test
    void aStoppedHttp2RunTellsItsListenerOfEveryAbandonedRequest() throws Exception {
        Http2TestServer h2 = Http2TestServer.offeringHttp2(cert.serverContext());
        toClose.add(h2);
        CountDownLatch held = new CountDownLatch(3);
        List<URI> targets = new ArrayList<>();
        for (String path : List.of("/a", "/b", "/c")) {
            h2.hold(path, held, release);
            targets.add(URI.create(h2.url(path)));
        }
        Queue<RequestRecord> records = new ConcurrentLinkedQueue<>();
        PingPlan plan = plan(targets).withHttp2(true).withConcurrency(3)
                .withDuration(Duration.ofMinutes(5));
        PingJob job = job(plan, PingJob.Engine.WORKERS, System::nanoTime, keeping(records));
        job.start();
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        job.stop();
        PingSnapshot s = job.completion().get(30, TimeUnit.SECONDS);

        List<RequestRecord> abandoned = assertOneRecordPerRequest(s, records);
        assertThat(abandoned).extracting(RequestRecord::url)
                .containsExactlyInAnyOrderElementsOf(targets.stream().map(URI::toString)
                        .toList());
        assertThat(records).hasSize(3);
    }

    /**
     * Three connections; the server answers 5 requests, then holds one on each connection, and
     * the run is stopped: 5 answered, 3 abandoned, the 8 that reached the server.
     */
    private void closedLoopStoppedWithThreeInFlight(UnaryOperator<PingPlan> mode,
            PingJob.Engine engine, boolean tls) throws Exception {
        CountDownLatch held = new CountDownLatch(3);
        PingPlan plan = mode.apply(plan(List.of(holdingServer(tls, 5, held)))).withConcurrency(3);
        PingJob job = job(plan, engine, System::nanoTime);
        job.start();
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        job.stop();
        PingSnapshot s = job.completion().get(30, TimeUnit.SECONDS);

        assertThat(s.stopped()).isTrue();
        PingResult r = s.results().get(0);
        assertThat(r.sent()).isEqualTo(5);
        assertThat(r.abandoned()).isEqualTo(3);
        assertThat(r.sent() + r.abandoned()).isEqualTo(arrivals.get());
        assertNoFailure(s);
    }

    /** Abandoned requests are no failures: nothing failed, nothing in flight, no share. */
    private static void assertNoFailure(PingSnapshot s) {
        for (PingResult r : s.results()) {
            assertThat(r.ok()).as(r.url()).isEqualTo(r.sent());
            assertThat(r.failed()).as(r.url()).isZero();
            assertThat(r.errorCounts()).as(r.url()).isEmpty();
            assertThat(r.inFlight()).as(r.url()).isZero();
            assertThat(r.errorRatePercent()).as(r.url()).isZero();
        }
        assertThat(s.failed()).isZero();
        assertThat(s.failedShare()).isEmpty();
        assertThat(s.abandoned()).isEqualTo(
                s.results().stream().mapToLong(PingResult::abandoned).sum());
    }

    @ParameterizedTest
    @MethodSource("enginesAndSchemes")
    void aStoppedCountTellsEveryRequestPutOnTheWire(PingJob.Engine engine, boolean tls)
            throws Exception {
        closedLoopStoppedWithThreeInFlight(p -> p.withCount(100), engine, tls);
    }

    @ParameterizedTest
    @MethodSource("enginesAndSchemes")
    void aStoppedDurationTellsEveryRequestPutOnTheWire(PingJob.Engine engine, boolean tls)
            throws Exception {
        closedLoopStoppedWithThreeInFlight(p -> p.withDuration(Duration.ofMinutes(5)), engine,
                tls);
    }

    /**
     * 10 req/s on three connections against a clock the test moves: request 0 is answered;
     * at +350 ms requests 1 to 3 are sent and held, and request 4 (due at +400 ms) waits with
     * no connection free; stopped at +550 ms, 6 requests were due (0 to 500 ms): 1 answered,
     * 3 abandoned, 2 not sent.
     */
    @ParameterizedTest
    @MethodSource("enginesAndSchemes")
    void aStoppedRateTellsEveryRequestDue(PingJob.Engine engine, boolean tls) throws Exception {
        CountDownLatch held = new CountDownLatch(3);
        AtomicLong clock = new AtomicLong(TimeUnit.SECONDS.toNanos(1_000));
        PingPlan plan = plan(List.of(holdingServer(tls, 1, held))).withConcurrency(3)
                .withRate(10, Duration.ofSeconds(60));
        PingJob job = job(plan, engine, clock::get);
        job.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> job.latest().sent() == 1);
        clock.addAndGet(350 * MS);
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        clock.addAndGet(200 * MS);
        job.stop();
        PingSnapshot s = job.completion().get(30, TimeUnit.SECONDS);

        PingResult r = s.results().get(0);
        assertThat(r.sent()).isEqualTo(1);
        assertThat(r.abandoned()).isEqualTo(3);
        assertThat(r.sent() + r.abandoned()).isEqualTo(arrivals.get());
        assertThat(r.notSent()).isEqualTo(2);
        assertThat(r.sent() + r.abandoned() + r.notSent()).isEqualTo(6);
        assertThat(s.notSent()).isEqualTo(2);
        assertNoFailure(s);
    }

    /**
     * HTTP/2 (the workers over java.net.http, one connection multiplexing the three URLs):
     * each URL's first request is held; stopped, each is abandoned.
     */
    @Test
    void aStoppedHttp2RunTellsEveryRequestPutOnTheWire() throws Exception {
        Http2TestServer h2 = Http2TestServer.offeringHttp2(cert.serverContext());
        toClose.add(h2);
        CountDownLatch held = new CountDownLatch(3);
        List<String> paths = List.of("/a", "/b", "/c");
        List<URI> targets = new ArrayList<>();
        for (String path : paths) {
            h2.hold(path, held, release);
            targets.add(URI.create(h2.url(path)));
        }
        PingPlan plan = plan(targets).withHttp2(true).withConcurrency(3)
                .withDuration(Duration.ofMinutes(5));
        PingJob job = job(plan, PingJob.Engine.WORKERS, System::nanoTime);
        job.start();
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        job.stop();
        PingSnapshot s = job.completion().get(30, TimeUnit.SECONDS);

        assertThat(s.stopped()).isTrue();
        for (int t = 0; t < paths.size(); t++) {
            PingResult r = s.results().get(t);
            assertThat(r.sent()).as(r.url()).isZero();
            assertThat(r.abandoned()).as(r.url()).isEqualTo(1);
            assertThat(r.sent() + r.abandoned()).as(r.url()).isEqualTo(h2.requests(paths.get(t)));
        }
        assertThat(s.abandoned()).isEqualTo(3);
        assertNoFailure(s);
    }
}
