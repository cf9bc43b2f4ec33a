package io.webprobe.ping;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The event-loop engine ({@link PingJob.Engine#EVENT_LOOPS}), wrk's design:
 * {@code min(concurrency, processors)} platform threads ({@code ping-loop-N}), each a
 * {@link NioLoop} with its own selector and an equal share of the connections
 * ({@link NioConnection}, one per unit of concurrency), plain or TLS. Requests are encoded once
 * per target ({@link NioTargets}); a loop spends no thread switch and almost no allocation per
 * request, so the client leaves the CPU to the server it measures.
 *
 * <p>Listeners are called on the loop threads; the last loop to end runs the completion
 * callback (the thread calling {@link #start()} does, when the engine was stopped before).
 * {@link #stop()} wakes every loop, which then closes its sockets and selector and ends. A loop
 * that fails unexpectedly fails the run and stops the others. Thread-safe.
 */
final class NioEngine implements PingEngine {
    private final AtomicInteger liveLoops = new AtomicInteger();
    private final List<NioLoop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final PingRun run;
    private final Runnable onDone;
    /** Guarded by this: whether start() ran, and whether stop() ran before it. */
    private boolean started;
    private boolean stoppedEarly;
    /** Guarded by this: the warm-up before the clock, once {@link #prepare} ran. */
    private LocalWarmUp warmUp;
    /** Guarded by this: the targets' host lookups before the clock, once {@link #prepare} ran. */
    private CompletableFuture<Void> lookups;
    private final NioTargets targets;

    /**
     * Opens the loops' selectors and prepares the connections; no thread starts yet.
     *
     * @param run the shared run state
     * @param onDone called once, on the last loop thread, when every loop has ended (or from
     *     {@link #start()} when stopped before it)
     * @throws IOException when a selector cannot be opened (none is left open then)
     */
    NioEngine(PingRun run, Runnable onDone) throws IOException {
        this(run, onDone, "ping-loop-");
    }

    /** @param threadName the loop threads' name, before their number */
    NioEngine(PingRun run, Runnable onDone, String threadName) throws IOException {
        this.run = run;
        this.onDone = onDone;
        PingPlan plan = run.plan();
        NioTargets targets = new NioTargets(plan);
        this.targets = targets;
        int n = Math.min(plan.concurrency(), Runtime.getRuntime().availableProcessors());
        int slot = 0;
        for (int k = 0; k < n; k++) {
            int share = plan.concurrency() / n + (k < plan.concurrency() % n ? 1 : 0);
            NioLoop loop;
            try {
                loop = new NioLoop(run, targets, slot, share, this::loopEnded, this::loopFailed);
                slot += share;
            } catch (IOException e) {
                loops.forEach(NioLoop::closeUnstarted);
                throw e;
            }
            loops.add(loop);
            Thread t = new Thread(loop, threadName + (k + 1));
            t.setDaemon(true);
            threads.add(t);
        }
    }

    /**
     * Warms the loops' code up against a server inside this process ({@link LocalWarmUp}), so
     * the first requests measure the targets; the targets get none of it. Meanwhile resolves
     * the targets' host names ({@link NioTargets#resolveAll}, within the run's timeout), so no
     * loop waits for DNS on the clock; a target that cannot be set up is then not requested in
     * the run ({@link PingRun#skip}): one failure says why.
     */
    @Override
    public CompletableFuture<Long> prepare() {
        LocalWarmUp w = new LocalWarmUp(run.plan());
        CompletableFuture<Void> resolving = new CompletableFuture<>();
        synchronized (this) {
            warmUp = w;
            lookups = resolving;
            if (stoppedEarly) {
                w.stop();
                resolving.complete(null);
            }
        }
        targets.resolveAll(run.plan().timeout()).whenComplete((v, e) -> resolving.complete(null));
        return CompletableFuture.allOf(w.start(), resolving).handle((v, e) -> {
            for (int t = 0; t < run.targets().size(); t++) {
                io.webprobe.http.ErrorClassifier.Classified why = targets.unusable(t);
                if (why != null) {
                    run.skip(t, why);
                }
            }
            return 0L;
        });
    }

    @Override
    public void start() {
        synchronized (this) {
            if (!stoppedEarly) {
                started = true;
                liveLoops.set(threads.size());
                for (Thread t : threads) {
                    t.start();
                }
                return;
            }
        }
        // stopped before it started (during the warm-up): the run ends now, nothing counted
        onDone.run();
    }

    @Override
    public synchronized void stop() {
        if (warmUp != null) {
            warmUp.stop();
        }
        if (lookups != null) {
            lookups.complete(null); // a slow name is not waited for
        }
        if (!started) {
            stoppedEarly = true;
            loops.forEach(NioLoop::closeUnstarted);
            return;
        }
        for (NioLoop loop : loops) {
            loop.wakeup();
        }
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        LocalWarmUp w;
        synchronized (this) {
            w = warmUp;
        }
        if (w != null && !w.await(Duration.ofNanos(Math.max(0, end - System.nanoTime())))) {
            return false;
        }
        for (Thread t : threads) {
            long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
            if (left > 0) {
                t.join(left);
            }
        }
        return threads.stream().noneMatch(Thread::isAlive);
    }

    private void loopFailed(Throwable t) {
        run.fail(t);
        stop();
    }

    private void loopEnded() {
        if (liveLoops.decrementAndGet() == 0) {
            onDone.run();
        }
    }
}
