package io.webprobe.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback, port chosen by the OS, serving routes the test registers.
 * It counts requests per path (method and path, query included) so tests can check that
 * nothing was fetched twice, and logs every request's method, path and arrival time
 * ({@link System#nanoTime()}) so tests can check the spacing of requests. Unknown paths answer
 * 404.
 */
public final class LocalHttpServer implements AutoCloseable {

    /** Handles one request. */
    @FunctionalInterface
    public interface Route {
        void handle(HttpExchange exchange) throws IOException;
    }

    /**
     * One request as the server saw it.
     *
     * @param method the request method
     * @param path the path, with the query if any
     * @param nanos {@link System#nanoTime()} when the handler began, before any route ran
     */
    public record Arrival(String method, String path, long nanos) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    /** The port held refused on 127.0.0.1 for a server on ::1 only. */
    private final RefusedPort twin;

    public LocalHttpServer() {
        this(InetAddress.getLoopbackAddress());
    }

    /** A server on another loopback address (127.0.0.2...), to stand for another host. */
    public LocalHttpServer(InetAddress bind) {
        this(new InetSocketAddress(bind, 0));
    }

    /**
     * The site comes back up: a server on 127.0.0.1 at the port {@code down} held refused
     * since {@link #goDown()} (or {@link RefusedPort#onLoopback()}). The hold is let go just
     * before the bind, so no other server or connection can have taken the number meanwhile.
     *
     * @throws UncheckedIOException when the port was taken in that instant
     */
    public static LocalHttpServer upAt(RefusedPort down) {
        down.close();
        return new LocalHttpServer(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                down.port()));
    }

    private LocalHttpServer(InetSocketAddress address) {
        this(address, RefusedPort.NONE);
    }

    private LocalHttpServer(InetSocketAddress address, RefusedPort twin) {
        this.twin = twin;
        try {
            server = HttpServer.create(address, 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newFixedThreadPool(16);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    /**
     * A server listening on ::1 only, where 127.0.0.1 refuses at its port (held until the
     * server closes, so no server of the suite's other process can be there): what a browser
     * reaches at {@code http://localhost:PORT/} only by trying ::1 after 127.0.0.1.
     *
     * @return empty when this machine has no IPv6 loopback
     */
    public static Optional<LocalHttpServer> onIpv6LoopbackOnly() throws UnknownHostException {
        InetAddress v6 = InetAddress.getByName("::1");
        while (true) {
            RefusedPort v4 = RefusedPort.onLoopback();
            try {
                return Optional.of(new LocalHttpServer(new InetSocketAddress(v6, v4.port()), v4));
            } catch (UncheckedIOException e) {
                v4.close();
                if (!(e.getCause() instanceof BindException b) || b.getMessage() == null
                        || !b.getMessage().contains("in use")) {
                    return Optional.empty();
                }
                // ::1 has that port in use: another one
            }
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** http://ADDRESS:PORT + path (127.0.0.1 unless bound elsewhere). */
    public String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port()
                + path;
    }

    public LocalHttpServer route(String pathAndQuery, Route route) {
        routes.put(pathAndQuery, route);
        return this;
    }

    /** How many times a path (with query, if any) was requested, any method. */
    public int hits(String pathAndQuery) {
        AtomicInteger n = hits.get(pathAndQuery);
        return n == null ? 0 : n.get();
    }

    public Map<String, AtomicInteger> allHits() {
        return hits;
    }

    public int totalRequests() {
        return total.get();
    }

    /** Every request so far, in the order the handlers began. */
    public List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** The requests of one path (with query, if any), in the order the handlers began. */
    public List<Arrival> arrivals(String pathAndQuery) {
        return arrivals.stream().filter(a -> a.path().equals(pathAndQuery)).toList();
    }

    /**
     * Holds every request after the first {@code n} (counted from now) until the latch opens:
     * a crawl then stands still mid-way, for as long as the test needs (at most 60 s).
     */
    public void holdAfter(int n, CountDownLatch release) {
        heldAfter.set(total.get() + n);
        this.release = release;
    }

    private final AtomicInteger heldAfter = new AtomicInteger(Integer.MAX_VALUE);
    private volatile CountDownLatch release;

    private void dispatch(HttpExchange ex) throws IOException {
        if (total.get() >= heldAfter.get() && release != null) {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String key = ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
        arrivals.add(new Arrival(ex.getRequestMethod(), key, System.nanoTime()));
        hits.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        total.incrementAndGet();
        try (ex) {
            Route r = routes.get(key);
            if (r == null) {
                r = routes.get(ex.getRequestURI().getRawPath());
            }
            if (r == null) {
                send(ex, 404, "text/html", "<html><head><title>Not found</title></head></html>");
            } else {
                r.handle(ex);
            }
        }
    }

    // ---- ready-made routes ----

    public static Route html(String body) {
        return ex -> send(ex, 200, "text/html; charset=utf-8", body);
    }

    /** Answers 200 with these bytes and this Content-Type (none when null). */
    public static Route bytes(String contentType, byte[] body) {
        return ex -> {
            if (contentType != null) {
                ex.getResponseHeaders().add("Content-Type", contentType);
            }
            ex.sendResponseHeaders(200, body.length);
            try (java.io.OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        };
    }

    public static Route status(int code) {
        return ex -> send(ex, code, "text/html", "<html><title>" + code + "</title></html>");
    }

    public static Route redirect(int code, String location) {
        return ex -> {
            ex.getResponseHeaders().add("Location", location);
            ex.sendResponseHeaders(code, -1);
        };
    }

    /**
     * Answers with a status, a body and extra header fields given as name, value pairs, e.g.
     * {@code respond(429, "text/html", "", "Retry-After", "1")}.
     */
    public static Route respond(int code, String contentType, String body, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name, value pairs");
        }
        return ex -> {
            for (int i = 0; i < headers.length; i += 2) {
                ex.getResponseHeaders().add(headers[i], headers[i + 1]);
            }
            send(ex, code, contentType, body);
        };
    }

    /**
     * A scripted route: the n-th request to it (counting from 0) is answered by
     * {@code steps[n]}, and every request after the last step by the last step.
     */
    public static Route sequence(Route... steps) {
        if (steps.length == 0) {
            throw new IllegalArgumentException("a sequence needs at least one step");
        }
        AtomicInteger next = new AtomicInteger();
        return ex -> steps[Math.min(next.getAndIncrement(), steps.length - 1)].handle(ex);
    }

    /** Sends headers, then waits (at most 30 s) until the latch opens before the body. */
    public static Route blockUntil(CountDownLatch release, CountDownLatch arrived, String body) {
        return ex -> {
            arrived.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, 200, "text/html", body);
        };
    }

    /**
     * Answers after a fixed server-side delay: the server simulating a slow backend (the test
     * itself never waits on the clock).
     */
    public static Route delayed(java.time.Duration delay, String body) {
        return ex -> {
            long until = System.nanoTime() + delay.toNanos();
            for (long left; (left = until - System.nanoTime()) > 0; ) {
                java.util.concurrent.locks.LockSupport.parkNanos(left);
            }
            send(ex, 200, "text/plain", body);
        };
    }

    public static void send(HttpExchange ex, int code, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", contentType);
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(code, head ? -1 : bytes.length == 0 ? -1 : bytes.length);
        if (!head && bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        twin.close();
    }

    /**
     * The site goes down: closes the server and holds its port refused (a
     * {@link RefusedPort}) until the hold is closed or {@link #upAt} brings a server back
     * there. Closing the server alone and using the number let the suite's other process bind
     * it, or take it for a connection, while the test still expected a refusal there.
     */
    public RefusedPort goDown() {
        int port = port();
        close();
        return RefusedPort.afterServerAt(port);
    }
}
