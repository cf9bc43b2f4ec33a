package io.webprobe.ping;

import io.webprobe.http.UrlSyntax;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event-loop engine, wrk's design: {@code min(concurrency, processors)} platform threads
 * ({@code ping-loop-N}), each a {@link NioLoop} with its own selector and an equal share of
 * the connections ({@link NioConnection}, one per unit of concurrency). Requests are encoded
 * once per target; a loop spends no thread switch and almost no allocation per request, so
 * the client leaves the CPU to the server it measures.
 *
 * <p>Used for plain {@code http://} targets when redirects are not followed (see
 * {@link #supports}). Listeners are called on the loop threads; the last loop to end runs the
 * completion callback. {@link #stop()} wakes every loop, which then closes its sockets and
 * selector and ends. Thread-safe.
 */
final class NioEngine implements PingEngine {
    private static final Logger log = LoggerFactory.getLogger(NioEngine.class);

    /**
     * A target as the loops need it. Immutable (the head array is never written).
     *
     * @param host the host name to resolve
     * @param port the TCP port
     * @param endpoint equal for targets that may share a connection (same host and port)
     * @param head the encoded request line and headers
     */
    record Target(String host, int port, int endpoint, byte[] head) {}

    private final AtomicInteger liveLoops = new AtomicInteger();
    private final List<NioLoop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Runnable onDone;
    /** Guarded by this: whether start() ran, and whether stop() ran before it. */
    private boolean started;
    private boolean stoppedEarly;

    /**
     * Opens the loops' selectors and prepares the connections; no thread starts yet.
     *
     * @param run the shared run state
     * @param onDone called once, on the last loop thread, when every loop has ended
     * @throws IOException when a selector cannot be opened (none is left open then)
     */
    NioEngine(PingRun run, Runnable onDone) throws IOException {
        this.onDone = onDone;
        PingPlan plan = run.plan();
        List<Target> targets = encode(plan);
        int n = Math.min(plan.concurrency(), Runtime.getRuntime().availableProcessors());
        for (int k = 0; k < n; k++) {
            int share = plan.concurrency() / n + (k < plan.concurrency() % n ? 1 : 0);
            NioLoop loop;
            try {
                loop = new NioLoop(run, targets, share, this::loopEnded);
            } catch (IOException e) {
                loops.forEach(NioLoop::closeUnstarted);
                throw e;
            }
            loops.add(loop);
            Thread t = new Thread(loop, "ping-loop-" + (k + 1));
            t.setDaemon(true);
            t.setUncaughtExceptionHandler(
                    (th, e) -> log.error("Uncaught failure in {}", th.getName(), e));
            threads.add(t);
        }
    }

    /** Whether this engine can run the plan: plain http targets, redirects not followed. */
    static boolean supports(PingPlan plan) {
        if (plan.followRedirects()) {
            return false;
        }
        for (URI u : plan.targets()) {
            if (UrlSyntax.problem(u) != null || !"http".equalsIgnoreCase(u.getScheme())) {
                return false;
            }
        }
        return true;
    }

    private static List<Target> encode(PingPlan plan) {
        Map<String, Integer> endpoints = new HashMap<>();
        List<Target> out = new ArrayList<>();
        for (URI u : plan.targets()) {
            int port = u.getPort() >= 0 ? u.getPort() : 80;
            String host = u.getHost();
            int endpoint = endpoints.computeIfAbsent(host.toLowerCase(Locale.ROOT) + ":" + port,
                    k -> endpoints.size());
            out.add(new Target(host, port, endpoint, Http1RequestHead.encode(u, plan.method(),
                    plan.headers(), plan.keepAlive(), plan.userAgent())));
        }
        return List.copyOf(out);
    }

    @Override
    public synchronized void start() {
        if (stoppedEarly) {
            return; // closed before it started: the job finishes itself
        }
        started = true;
        liveLoops.set(threads.size());
        for (Thread t : threads) {
            t.start();
        }
    }

    @Override
    public synchronized void stop() {
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
        for (Thread t : threads) {
            long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
            if (left > 0) {
                t.join(left);
            }
        }
        return threads.stream().noneMatch(Thread::isAlive);
    }

    private void loopEnded() {
        if (liveLoops.decrementAndGet() == 0) {
            onDone.run();
        }
    }
}
