package io.webprobe.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.ErrorKind;
import io.webprobe.http.FetchRequest;
import io.webprobe.http.FetchResponse;
import io.webprobe.http.HttpProbe;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a run on the workers (HTTP/2, or redirects followed) sends before its clock: each
 * server's opening request, http and https alike, then a warm-up
 * bounded by the run's own size, a few requests per connection when a count bounds the run,
 * {@link WorkerWarmUp#WARM_REQUESTS} and time, stopped by a
 * failure or by the run stopping. Against a probe that answers at once and counts, so every
 * bound is exact (the time bound is set long, or to nothing).
 */
class WorkerWarmUpTest {
    private static final long LONG = TimeUnit.MINUTES.toMillis(5);

    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void tearDown() {
        workers.shutdownNow();
    }

    /** Answers every request with {@code answer(uri, n)} (n: requests to it so far, from 1). */
    private static final class CountingProbe implements HttpProbe {
        final Map<String, AtomicLong> byUrl = new ConcurrentHashMap<>();
        final java.util.Queue<Duration> timeouts = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final java.util.function.BiFunction<URI, Long, FetchResponse> answer;

        CountingProbe(java.util.function.BiFunction<URI, Long, FetchResponse> answer) {
            this.answer = answer;
        }

        CountingProbe() {
            this((uri, n) -> ok(uri, 200));
        }

        @Override
        public FetchResponse fetch(FetchRequest request) {
            timeouts.add(request.timeout());
            long n = byUrl.computeIfAbsent(request.uri().toString(), k -> new AtomicLong())
                    .incrementAndGet();
            return answer.apply(request.uri(), n);
        }

        long requests(String url) {
            AtomicLong n = byUrl.get(url);
            return n == null ? 0 : n.get();
        }

        long total() {
            return byUrl.values().stream().mapToLong(AtomicLong::get).sum();
        }

        @Override
        public void close() {}
    }

    private static FetchResponse ok(URI uri, int status) {
        return new FetchResponse(uri, status, "text/plain", null, 5, null, false, 0, null, "", "");
    }

    private static PingPlan plan(String... urls) {
        List<URI> targets = new ArrayList<>();
        for (String u : urls) {
            targets.add(URI.create(u));
        }
        return PingPlan.of(targets, "t").withHttp2(true);
    }

    /** Tasks given to the workers: the opening requests, then the warm-up loops. */
    private final AtomicLong tasks = new AtomicLong();

    private long open(PingPlan plan, HttpProbe probe, long warmMillis,
            java.util.function.BooleanSupplier stopping) throws Exception {
        Function<URI, FetchRequest> request = uri -> new FetchRequest(uri, "GET",
                plan.timeout(), 0, FetchRequest.BodyPolicy.NEVER);
        java.util.concurrent.Executor counted = task -> {
            tasks.incrementAndGet();
            workers.execute(task);
        };
        return new WorkerWarmUp(plan, probe, counted, stopping, request, warmMillis).run()
                .get(1, TimeUnit.MINUTES);
    }

    @Test
    void aCountedRunIsWarmedUpWithAtMostAsManyRequestsAsItSends() throws Exception {
        CountingProbe probe = new CountingProbe();

        long sent = open(plan("https://a.test/").withCount(3).withConcurrency(2), probe, LONG,
                () -> false);

        assertThat(sent).isEqualTo(1 + 3); // the opening request, then the run's own three
        assertThat(probe.requests("https://a.test/")).isEqualTo(sent);
    }

    @Test
    void aLargeCountedRunIsWarmedUpWithAFewRequestsPerConnectionNotAsManyAgain()
            throws Exception {
        CountingProbe probe = new CountingProbe();

        // -n 500 on two servers at concurrency 10: 5 connections each
        long sent = open(plan("https://a.test/", "https://b.test/").withCount(500)
                .withConcurrency(10), probe, LONG, () -> false);

        assertThat(probe.requests("https://a.test/"))
                .isEqualTo(1 + 5 * WorkerWarmUp.WARM_PER_CONNECTION);
        assertThat(probe.requests("https://b.test/"))
                .isEqualTo(1 + 5 * WorkerWarmUp.WARM_PER_CONNECTION);
        assertThat(sent).isEqualTo(probe.total()).isLessThan(100);
    }

    @Test
    void aPlanWithoutTheClientsWarmUpSendsNothingBeforeTheClock() throws Exception {
        CountingProbe probe = new CountingProbe();

        long sent = open(plan("https://a.test/", "http://b.test/").withCount(10)
                .withClientWarmUp(false), probe, LONG, () -> false);

        assertThat(sent).isZero();
        assertThat(probe.total()).isZero();
        assertThat(tasks).hasValue(0);
    }

    @Test
    void theWarmUpStopsAtItsCapForALongRunAndGoesOverEachOfTheServersUrls() throws Exception {
        CountingProbe probe = new CountingProbe();

        long sent = open(plan("https://a.test/1", "https://a.test/2")
                .withDuration(Duration.ofMinutes(1)).withConcurrency(8), probe, LONG, () -> false);

        assertThat(sent).isEqualTo(1 + WorkerWarmUp.WARM_REQUESTS);
        assertThat(probe.requests("https://a.test/1")).isEqualTo(1 + WorkerWarmUp.WARM_REQUESTS / 2);
        assertThat(probe.requests("https://a.test/2")).isEqualTo(WorkerWarmUp.WARM_REQUESTS / 2);
    }

    @Test
    void eachServerGetsItsShareOfAnOpenLoopRunHttpOrHttps() throws Exception {
        CountingProbe probe = new CountingProbe();
        // 100 req/s for 3 s: 300 requests over three URLs, two of them on a.test
        PingPlan plan = plan("https://a.test/1", "https://a.test/2", "https://b.test:8443/",
                "http://c.test/").withRate(100, Duration.ofSeconds(3));

        long sent = open(plan, probe, LONG, () -> false);

        assertThat(probe.requests("https://a.test/1") + probe.requests("https://a.test/2"))
                .isEqualTo(1 + 150);
        assertThat(probe.requests("https://b.test:8443/")).isEqualTo(1 + 75);
        assertThat(probe.requests("http://c.test/")).isEqualTo(1 + 75);
        assertThat(sent).isEqualTo(probe.total());
    }

    @Test
    void anOpenLoopRunIsWarmedUpWithNoMoreThanItsRateSendsInTheWarmUpsTime() throws Exception {
        // 5 req/s for 2 s, with a count it will not reach: ten requests, not a thousand
        CountingProbe probe = new CountingProbe();
        long sent = open(plan("https://a.test/").withRateAndCount(5, Duration.ofSeconds(2), 1_000)
                .withConcurrency(50), probe, LONG, () -> false);
        assertThat(sent).isEqualTo(1 + 10);

        // a long run at 100 req/s: what that rate sends in the warm-up's second, shared
        PingPlan longRun = plan("https://a.test/", "https://b.test/")
                .withRate(100, Duration.ofMinutes(10));
        WorkerWarmUp opening = new WorkerWarmUp(longRun, probe, workers, () -> false,
                uri -> null);
        assertThat(opening.planned(1)).isEqualTo(50);
        assertThat(opening.planned(2)).isEqualTo(100);
    }

    @Test
    void theServersShareTheRunsConcurrencyAndNoWarmUpRequestOutlivesTheWarmUp()
            throws Exception {
        CountingProbe probe = new CountingProbe();
        PingPlan plan = plan("https://a.test/", "https://b.test/", "https://c.test/",
                "https://d.test/").withCount(100).withConcurrency(8)
                .withTimeout(Duration.ofMinutes(10));
        long warmMillis = TimeUnit.MINUTES.toMillis(2);

        long sent = open(plan, probe, warmMillis, () -> false);

        // a counted run: WARM_PER_CONNECTION on each of a server's two connections
        assertThat(sent).isEqualTo(4 * (1 + 2 * WorkerWarmUp.WARM_PER_CONNECTION));
        // an opening request on each server, then 8 / 4 warm-up loops each: 8 in flight
        assertThat(tasks).hasValue(4 + 4 * 2);
        // openings wait the run's timeout; warm-up requests give up when the warm-up's time is
        assertThat(probe.timeouts).filteredOn(t -> t.equals(Duration.ofMinutes(10))).hasSize(4);
        assertThat(probe.timeouts).filteredOn(t -> !t.equals(Duration.ofMinutes(10)))
                .hasSize(4 * 2 * WorkerWarmUp.WARM_PER_CONNECTION).allSatisfy(t -> assertThat(t)
                        .isLessThanOrEqualTo(Duration.ofMillis(warmMillis)).isPositive());
    }

    @Test
    void aServerWhoseOpeningFailsIsNotWarmedUpAndOneThatFailsMidWayIsLeftAlone()
            throws Exception {
        CountingProbe probe = new CountingProbe((uri, n) -> {
            if (uri.getHost().equals("refused.test")) {
                return FetchResponse.failed(uri, ErrorKind.REFUSED, "Connection refused", 0);
            }
            return ok(uri, n <= 10 ? 200 : 503); // overloaded after ten
        });

        long sent = open(plan("https://refused.test/", "https://busy.test/")
                .withDuration(Duration.ofMinutes(1)).withConcurrency(4), probe, LONG,
                () -> false);

        assertThat(probe.requests("https://refused.test/")).isEqualTo(1);
        // the eleventh answer stops it; the workers' requests already under way end
        assertThat(probe.requests("https://busy.test/")).isBetween(11L, 11L + 4);
        assertThat(sent).isEqualTo(probe.total());
    }

    @Test
    void noWarmUpTimeOrARunStoppingLeavesOnlyTheOpening() throws Exception {
        CountingProbe probe = new CountingProbe();
        assertThat(open(plan("https://a.test/").withCount(500), probe, 0, () -> false))
                .isEqualTo(1);

        AtomicBoolean stopping = new AtomicBoolean();
        CountingProbe stopsAfterOpening = new CountingProbe((uri, n) -> {
            stopping.set(true);
            return ok(uri, 200);
        });
        assertThat(open(plan("https://a.test/").withCount(500), stopsAfterOpening, LONG,
                stopping::get)).isEqualTo(1);
    }

    @Test
    void anHttpServerAndARunFollowingRedirectsAreWarmedUpAsAnHttp2OneIs() throws Exception {
        // a cold java.net.http client on http, or a cold client following redirects, put
        // 200-500 ms into the first requests' figures
        CountingProbe probe = new CountingProbe();
        assertThat(open(plan("http://a.test/").withCount(5), probe, LONG, () -> false))
                .isEqualTo(1 + 5);

        CountingProbe following = new CountingProbe();
        PingPlan redirects = PingPlan.of(List.of(URI.create("https://b.test/"),
                URI.create("http://b.test/")), "t").withFollowRedirects(true).withCount(4);
        assertThat(open(redirects, following, LONG, () -> false)).isEqualTo(2 * (1 + 4));
        assertThat(following.requests("http://b.test/")).isEqualTo(1 + 4);
    }
}
