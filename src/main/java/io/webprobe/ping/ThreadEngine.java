package io.webprobe.ping;

import io.webprobe.http.ErrorClassifier;
import io.webprobe.http.ErrorKind;
import io.webprobe.http.FetchRequest;
import io.webprobe.http.FetchResponse;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.SignInReach;
import io.webprobe.http.Urls;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The blocking engine ({@link PingJob.Engine#WORKERS}): one virtual worker thread
 * ({@code ping-worker-N}) per unit of concurrency, each calling the job's {@link HttpProbe} and
 * waiting for the answer. Used when redirects are followed (it needs the probe's per-hop
 * responses), for HTTP/2 (java.net.http's), and by tests as the reference the event loops are
 * compared with.
 *
 * <p>In a closed loop a worker sends its next request as soon as the previous one ends; in
 * {@link PingMode#RATE} it parks until the request's intended start. Workers record through
 * {@link PingRun#record} into one shared {@link RecordRing}; the last one to end runs the
 * completion callback. A worker that fails unexpectedly fails the run ({@link PingRun#fail})
 * and stops the others. Thread-safe.
 */
final class ThreadEngine implements PingEngine {

    private final PingRun run;
    private final PingPlan plan;
    private final HttpProbe probe;
    private final Runnable onDone;
    private final RecordRing ring;
    private final AtomicInteger liveWorkers = new AtomicInteger();
    /** Guarded by this: the targets' host lookups, once {@link #prepare} ran; stop() ran. */
    private CompletableFuture<Map<String, HostLookups.Outcome>> lookups;
    private boolean stopped;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("ping-worker-", 1).factory());

    /**
     * @param run the shared run state
     * @param probe the HTTP backend (the job closes it)
     * @param onDone called once, on the last worker, when every worker has ended
     */
    ThreadEngine(PingRun run, HttpProbe probe, Runnable onDone) {
        this.run = run;
        this.plan = run.plan();
        this.probe = probe;
        this.onDone = onDone;
        this.ring = run.newRing(true);
    }

    @Override
    public void start() {
        run.recordSkipped(ring);
        int n = plan.concurrency();
        liveWorkers.set(n);
        for (int i = 0; i < n; i++) {
            int slot = i;
            try {
                workers.execute(() -> workerLoop(slot));
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                // stopped while starting (an early worker failed): the ones never started end
                // here, so the last of them still reports the end once
                for (int left = n - i; left > 0; left--) {
                    if (liveWorkers.decrementAndGet() == 0) {
                        onDone.run();
                    }
                }
                return;
            }
        }
    }

    /**
     * Resolves the targets' host names, in parallel, within the run's timeout ({@link
     * HostLookups}): a target that cannot be set up (a name that does not resolve, a port out
     * of range) is not requested in the run ({@link PingRun#skip}; one failure says why), and
     * the probe finds the others' addresses in the JDK's cache. Then opens the connections and
     * warms the client up on the other targets: {@link WorkerWarmUp}.
     */
    @Override
    public CompletableFuture<Long> prepare() {
        List<URI> targets = run.targets();
        List<String> hosts = new ArrayList<>();
        for (URI u : targets) {
            if (HostLookups.problem(u) == null) {
                hosts.add(Urls.host(u));
            }
        }
        CompletableFuture<Map<String, HostLookups.Outcome>> resolving = new CompletableFuture<>();
        synchronized (this) {
            lookups = resolving;
            if (stopped) {
                resolving.complete(Map.of());
            }
        }
        HostLookups.resolve(hosts, plan.timeout()).thenAccept(resolving::complete);
        return resolving.thenCompose(found -> {
            List<URI> live = new ArrayList<>();
            for (int t = 0; t < targets.size(); t++) {
                URI u = targets.get(t);
                ErrorClassifier.Classified why = HostLookups.problem(u);
                if (why == null) {
                    HostLookups.Outcome o = found.get(Urls.host(u));
                    why = o == null ? null : o.failure();
                }
                if (why != null) {
                    run.skip(t, why);
                } else {
                    live.add(u);
                }
            }
            return new WorkerWarmUp(plan, probe, workers, run::stopping,
                    u -> request(u, plan.requestTargets().get(u), true)).run(live);
        }).exceptionally(e -> 0L);
    }

    @Override
    public void stop() {
        synchronized (this) {
            stopped = true;
            if (lookups != null) {
                lookups.complete(Map.of()); // a slow name is not waited for
            }
        }
        probe.close();
        workers.shutdownNow();
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void workerLoop(int slot) {
        try {
            for (long i; (i = run.claim(slot)) >= 0; ) {
                long intended = run.intendedStart(i);
                if (intended >= 0 && !waitUntil(intended)) {
                    return;
                }
                long pause = execute(i, intended);
                if (pause != Long.MIN_VALUE && !waitUntil(pause)) {
                    return; // refused at once: not again before then (PingRun.pauseAfter)
                }
            }
        } catch (Throwable t) {
            run.fail(t);
            stop();
        } finally {
            if (liveWorkers.decrementAndGet() == 0) {
                workers.shutdown(); // idle workers end now; close() is only needed to stop early
                onDone.run();
            }
        }
    }

    /** Parks until the given nanoTime; false when stopped meanwhile. */
    private boolean waitUntil(long deadline) {
        while (!run.stopping()) {
            long left = deadline - run.now();
            if (left <= 0) {
                return true;
            }
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) {
                return false;
            }
        }
        return false;
    }

    /** @return when this worker may claim its next request ({@link PingRun#pauseAfter}) */
    private long execute(long i, long intended) {
        URI first = run.targets().get(run.targetIndex(i));
        URI uri = first;
        long send = run.now();
        run.sending(i, intended, send);
        int hops = 0;
        FetchResponse r;
        Set<String> visited = null;
        while (true) {
            // the URL as typed for the first request (a stray "%"), the Location's URI after
            r = probe.fetch(request(uri, hops == 0 ? plan.requestTargets().get(uri) : null,
                    hops == 0 || SignInReach.reaches(first, uri)));
            if (!plan.followRedirects() || !r.isRedirect() || run.stopping()) {
                break;
            }
            if (visited == null) {
                visited = new HashSet<>();
                visited.add(Urls.key(uri));
            }
            if (r.location() == null || r.location().isBlank()) {
                break; // a 3xx without a Location (300, say): reported as it is
            }
            URI next = redirectTarget(uri, r.location());
            if (next == null) {
                r = FetchResponse.failed(uri, ErrorKind.INVALID_URL, "The redirect's Location ("
                        + io.webprobe.http.UrlSyntax.shortened(r.location()) + ") is not an "
                        + "http or https address that can be followed", r.elapsedMillis());
                break;
            }
            hops++;
            boolean loop = !visited.add(Urls.key(next));
            if (loop) {
                r = FetchResponse.failed(uri, ErrorKind.REDIRECT_LOOP,
                        "Redirect loop back to " + next, r.elapsedMillis());
                break;
            }
            if (hops > HttpProbe.MAX_REDIRECTS) {
                r = FetchResponse.failed(uri, ErrorKind.TOO_MANY_REDIRECTS,
                        "More than " + HttpProbe.MAX_REDIRECTS + " redirects", r.elapsedMillis());
                break;
            }
            uri = next;
        }
        // a HEAD response's size is its announced length; the ping counts bytes received
        long bytes = plan.method().equals("HEAD") ? 0 : r.sizeBytes();
        long done = run.now();
        run.record(ring, i, intended, send, done, r.status(), r.error(),
                r.errorMessage(), bytes, hops, r.version());
        return run.pauseAfter(i, r.error(), send, done, hops);
    }

    /**
     * @param withHeaders whether the user's headers go too: to the URL given and to the hops of
     *     its redirects that stay on its origin ({@link SignInReach}), never to another host,
     *     port or down to http, as curl does: they may hold a password or a token
     */
    private FetchRequest request(URI uri, String target, boolean withHeaders) {
        return new FetchRequest(uri, plan.method(), plan.timeout(), PingPlan.MAX_BODY_BYTES,
                FetchRequest.BodyPolicy.NEVER, withHeaders ? plan.headers() : List.of(),
                plan.keepAlive())
                .withTarget(target);
    }

    private static URI redirectTarget(URI from, String location) {
        try {
            URI next = Urls.resolve(from, location);
            String scheme = next.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && !Urls.host(next).isEmpty() ? next : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
