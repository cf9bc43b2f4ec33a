package io.webprobe.ping;

import io.webprobe.http.FetchRequest;
import io.webprobe.http.FetchResponse;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.Urls;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * What a run on the workers ({@link PingJob.Engine#WORKERS}: HTTP/2, or redirects followed)
 * does before its clock starts, so that its figures are the server's and not the client's
 * start-up: it <em>opens</em> each server's connections (one request on each {@link
 * Http2Clients} client, together), then <em>warms</em> the client up with requests to each
 * server that answered, as h2load's {@code --warm-up-time} does. None is counted. Every
 * target is warmed, http and https alike: there is no server inside the process for these
 * clients, as there is for the event loops ({@link LocalWarmUp}).
 *
 * <p>Why the warm-up: the client's code runs slowly until the JIT has compiled it. Measured on
 * loopback nginx, a cold client took ~1.3 ms a request for its first ~750 requests (~0.3 ms
 * after), and an open-loop run at 2,000 req/s fell up to 230 ms behind in its first second:
 * p90 130-140 ms over 3 s against 1.2 ms once warmed by 2,000 requests. Cold, a 50-request run
 * with {@code --http2} on an http URL had p99 219 ms (9 ms on the event loops), and a
 * 100-request https run following redirects p99 519 ms (49 ms on the event loops).
 *
 * <p>Bounds: the opening waits {@link #OPENING_WAIT_MILLIS} at most (or the timeout, if
 * shorter) for a server, so a stuck one does not hold the others back. The warm-up lasts
 * {@link #WARM_MILLIS} at most (each of its requests times out when that time is up); sends at
 * most {@link #WARM_REQUESTS} requests to a server, never more than the run itself will send it,
 * in an open loop no more than the run's rate would send in that time, and when a count bounds
 * the run ({@code -n}) at most {@link #WARM_PER_CONNECTION} per unit of its concurrency, so
 * that the warm-up is a few requests per connection, not as many again as the run (a run of
 * 500 requests at concurrency 10 gets 50, not 500); keeps at most the run's concurrency in
 * flight, shared among the servers; and stops for a server at its first failure or error
 * status, and for all when the run stops. Requests are counted as they are sent, so the count
 * includes an opening request that was not waited for. A plan without {@link
 * PingPlan#clientWarmUp} (the user set {@code --warmup}) sends none of them.
 */
final class WorkerWarmUp {
    /** How long the run waits at most for a server's connection to open before it starts. */
    static final long OPENING_WAIT_MILLIS = 2_000;
    /** How long the warm-up lasts at most. */
    static final long WARM_MILLIS = 1_000;
    /** Warm-up requests to one server at most. */
    static final int WARM_REQUESTS = 2_000;
    /**
     * Warm-up requests per unit of a server's share of the concurrency at most, when a count
     * bounds the run: what the user counted should not be doubled.
     */
    static final int WARM_PER_CONNECTION = 5;

    private final PingPlan plan;
    private final HttpProbe probe;
    private final Executor workers;
    private final BooleanSupplier stopping;
    private final Function<URI, FetchRequest> request;
    private final long warmMillis;
    private final LongAdder sent = new LongAdder();

    /**
     * @param workers runs the requests (the engine's own threads)
     * @param stopping whether the run is being stopped
     * @param request the run's request for a URL
     */
    WorkerWarmUp(PingPlan plan, HttpProbe probe, Executor workers, BooleanSupplier stopping,
            Function<URI, FetchRequest> request) {
        this(plan, probe, workers, stopping, request, WARM_MILLIS);
    }

    /** @param warmMillis how long the warm-up lasts at most (tests) */
    WorkerWarmUp(PingPlan plan, HttpProbe probe, Executor workers, BooleanSupplier stopping,
            Function<URI, FetchRequest> request, long warmMillis) {
        this.warmMillis = warmMillis;
        this.plan = plan;
        this.probe = probe;
        this.workers = workers;
        this.stopping = stopping;
        this.request = request;
    }

    /**
     * Opens and warms up; returns at once, the work on the workers.
     *
     * @return completes, never exceptionally, with the requests sent
     */
    CompletableFuture<Long> run() {
        return run(plan.targets());
    }

    /**
     * As {@link #run()}, on some of the plan's targets (those that can be set up).
     *
     * @param targets the URLs to open and warm up
     */
    CompletableFuture<Long> run(List<URI> targets) {
        Map<String, List<URI>> servers = servers(targets);
        if (servers.isEmpty() || !plan.clientWarmUp()) {
            return CompletableFuture.completedFuture(0L);
        }
        List<CompletableFuture<Void>> work = new ArrayList<>();
        try {
            long wait = Math.min(OPENING_WAIT_MILLIS, plan.timeout().toMillis());
            int clients = Http2Clients.count(plan.concurrency());
            // the servers warm up together: the run's concurrency shared among them
            int loops = Math.max(1, plan.concurrency() / servers.size());
            for (List<URI> urls : servers.values()) {
                List<CompletableFuture<Boolean>> opened = new ArrayList<>();
                for (int c = 0; c < clients; c++) { // in flight together: one on each client
                    opened.add(CompletableFuture.supplyAsync(
                                    () -> answered(urls.get(0), plan.timeout()), workers)
                            .completeOnTimeout(false, wait, TimeUnit.MILLISECONDS));
                }
                long budget = Math.min(Math.min(WARM_REQUESTS, planned(urls.size())),
                        perConnection(loops));
                work.add(CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new))
                        .thenCompose(v -> opened.stream().allMatch(CompletableFuture::join)
                                ? warm(urls, budget, loops)
                                : CompletableFuture.completedFuture(null)));
            }
        } catch (RejectedExecutionException stopped) {
            // stopped before the start: the run starts and ends at once
        }
        return CompletableFuture.allOf(work.toArray(CompletableFuture[]::new))
                .handle((v, e) -> sent.sum());
    }

    /** The targets by server (scheme, host and port), in the order first named. */
    static Map<String, List<URI>> servers(List<URI> targets) {
        Map<String, List<URI>> servers = new LinkedHashMap<>();
        for (URI u : targets) {
            servers.computeIfAbsent(u.getScheme().toLowerCase(java.util.Locale.ROOT) + "://"
                    + Urls.hostAndPort(u), k -> new ArrayList<>()).add(u);
        }
        return servers;
    }

    /**
     * The warm-up requests a server with this many of the run's URLs may get: what the run will
     * send it at most, and in an open loop what the run's rate sends it in the warm-up's time.
     */
    long planned(int urlsOnServer) {
        double total = plan.totalRequests() >= 0 ? plan.totalRequests() : Double.MAX_VALUE;
        if (plan.mode() == PingMode.RATE) {
            double seconds = Math.min(plan.duration().toNanos(),
                    TimeUnit.MILLISECONDS.toNanos(warmMillis)) / 1e9;
            total = Math.min(total, plan.rate() * seconds);
        }
        if (total == Double.MAX_VALUE) {
            return Long.MAX_VALUE; // closed loop for a duration: no bound but the warm-up's own
        }
        return (long) Math.ceil(total * urlsOnServer / plan.targets().size());
    }

    /**
     * The warm-up requests a server warmed by {@code loops} loops may get for its connections:
     * {@link #WARM_PER_CONNECTION} each when a count bounds the run, else no bound of this kind
     * (a run for a duration is bounded by the warm-up's time, an open loop by its rate too).
     */
    long perConnection(int loops) {
        return plan.totalRequests() >= 0 ? (long) WARM_PER_CONNECTION * loops : Long.MAX_VALUE;
    }

    /** The server's URLs in turn, by {@code loops} at once, until the budget or time is out. */
    private CompletableFuture<Void> warm(List<URI> urls, long budget, int loops) {
        if (budget <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(warmMillis);
        AtomicLong next = new AtomicLong();
        List<CompletableFuture<Void>> running = new ArrayList<>();
        try {
            for (int w = 0; w < Math.min(loops, budget); w++) {
                running.add(CompletableFuture.runAsync(() -> {
                    for (long i; (i = next.getAndIncrement()) < budget
                            && !stopping.getAsBoolean()
                            && !Thread.currentThread().isInterrupted(); ) {
                        long left = until - System.nanoTime();
                        // at the end of the time, a request still waiting gives up
                        if (left <= 0 || !answered(urls.get((int) (i % urls.size())),
                                Duration.ofNanos(Math.min(left, plan.timeout().toNanos())))) {
                            next.set(budget); // time is up, or the server is in trouble
                        }
                    }
                }, workers));
            }
        } catch (RejectedExecutionException stopped) {
            // stopped: the loops started end by themselves
        }
        return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new));
    }

    /** Sends one request, not counted in the run; whether it got a success answer in time. */
    private boolean answered(URI uri, Duration timeout) {
        sent.increment(); // before: an opening not waited for reached the server all the same
        FetchResponse a = probe.fetch(request.apply(uri).withTimeout(timeout));
        return a.error() == null && plan.success().contains(a.status());
    }
}
