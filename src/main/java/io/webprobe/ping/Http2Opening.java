package io.webprobe.ping;

import io.webprobe.http.FetchRequest;
import io.webprobe.http.FetchResponse;
import io.webprobe.http.HttpProbe;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * What an HTTP/2 run does before its clock starts, so that its figures are the server's and not
 * java.net.http's start-up: it <em>opens</em> each https server's connections (one request on
 * each {@link Http2Clients} client, together), then <em>warms</em> the client up with requests
 * to each server that answered, as h2load's {@code --warm-up-time} does. None is counted.
 *
 * <p>Why the warm-up: the client's code runs slowly until the JIT has compiled it. Measured on
 * loopback nginx, a cold client took ~1.3 ms a request for its first ~750 requests (~0.3 ms
 * after), and an open-loop run at 2,000 req/s fell up to 230 ms behind in its first second:
 * p90 130-140 ms over 3 s against 1.2 ms once warmed by 2,000 requests.
 *
 * <p>Bounds: the opening waits {@link #OPENING_WAIT_MILLIS} at most (or the timeout, if
 * shorter) for a server, so a stuck one does not hold the others back; the warm-up lasts
 * {@link #WARM_MILLIS} at most, sends at most {@link #WARM_REQUESTS} requests to a server and
 * never more than the run itself will send it (a run of 10 requests gets at most 10 more), at
 * the run's concurrency, and stops for a server at its first failure or error status, and for
 * all when the run stops.
 */
final class Http2Opening {
    /** How long the run waits at most for a server's connection to open before it starts. */
    static final long OPENING_WAIT_MILLIS = 2_000;
    /** How long the warm-up lasts at most. */
    static final long WARM_MILLIS = 1_000;
    /** Warm-up requests to one server at most. */
    static final int WARM_REQUESTS = 2_000;

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
    Http2Opening(PingPlan plan, HttpProbe probe, Executor workers, BooleanSupplier stopping,
            Function<URI, FetchRequest> request) {
        this(plan, probe, workers, stopping, request, WARM_MILLIS);
    }

    /** @param warmMillis how long the warm-up lasts at most (tests) */
    Http2Opening(PingPlan plan, HttpProbe probe, Executor workers, BooleanSupplier stopping,
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
        Map<String, List<URI>> servers = servers(plan.targets());
        if (servers.isEmpty()) {
            return CompletableFuture.completedFuture(0L);
        }
        List<CompletableFuture<Void>> work = new ArrayList<>();
        try {
            long wait = Math.min(OPENING_WAIT_MILLIS, plan.timeout().toMillis());
            int clients = Http2Clients.count(plan.concurrency());
            for (List<URI> urls : servers.values()) {
                List<CompletableFuture<Boolean>> opened = new ArrayList<>();
                for (int c = 0; c < clients; c++) { // in flight together: one on each client
                    opened.add(CompletableFuture.supplyAsync(() -> answered(urls.get(0)), workers)
                            .completeOnTimeout(false, wait, TimeUnit.MILLISECONDS));
                }
                long budget = Math.min(WARM_REQUESTS, planned(urls.size()));
                work.add(CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new))
                        .thenCompose(v -> opened.stream().allMatch(CompletableFuture::join)
                                ? warm(urls, budget) : CompletableFuture.completedFuture(null)));
            }
        } catch (RejectedExecutionException stopped) {
            // stopped before the start: the run starts and ends at once
        }
        return CompletableFuture.allOf(work.toArray(CompletableFuture[]::new))
                .handle((v, e) -> sent.sum());
    }

    /** The https targets by server (host and port), in the order first named. */
    static Map<String, List<URI>> servers(List<URI> targets) {
        Map<String, List<URI>> servers = new LinkedHashMap<>();
        for (URI u : targets) {
            if ("https".equalsIgnoreCase(u.getScheme())) {
                String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
                servers.computeIfAbsent(host + ":" + (u.getPort() < 0 ? 443 : u.getPort()),
                        k -> new ArrayList<>()).add(u);
            }
        }
        return servers;
    }

    /** The requests the run will send to a server with this many of its URLs, at most. */
    long planned(int urlsOnServer) {
        long total = plan.totalRequests();
        if (total < 0 && plan.mode() == PingMode.RATE) {
            total = (long) Math.ceil(plan.rate() * plan.duration().toNanos() / 1e9);
        }
        if (total < 0) {
            return Long.MAX_VALUE; // closed loop for a duration: no bound but the warm-up's own
        }
        return (long) Math.ceil((double) total * urlsOnServer / plan.targets().size());
    }

    /** The server's URLs in turn, by the run's concurrency, until the budget or time is out. */
    private CompletableFuture<Void> warm(List<URI> urls, long budget) {
        if (budget <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(warmMillis);
        AtomicLong next = new AtomicLong();
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        try {
            for (int w = 0; w < Math.min(plan.concurrency(), budget); w++) {
                loops.add(CompletableFuture.runAsync(() -> {
                    for (long i; (i = next.getAndIncrement()) < budget
                            && System.nanoTime() - until < 0 && !stopping.getAsBoolean()
                            && !Thread.currentThread().isInterrupted(); ) {
                        if (!answered(urls.get((int) (i % urls.size())))) {
                            next.set(budget); // a server in trouble is not pressed further
                        }
                    }
                }, workers));
            }
        } catch (RejectedExecutionException stopped) {
            // stopped: the loops started end by themselves
        }
        return CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new));
    }

    /** Sends one uncounted request; whether it got a success answer. */
    private boolean answered(URI uri) {
        FetchResponse r = probe.fetch(request.apply(uri));
        sent.increment();
        return r.error() == null && plan.success().contains(r.status());
    }
}
