package io.webprobe.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback, port chosen by the OS, serving routes the test registers.
 * It counts requests per path (method and path, query included) so tests can check that
 * nothing was fetched twice. Unknown paths answer 404.
 */
public final class LocalHttpServer implements AutoCloseable {

    /** Handles one request. */
    @FunctionalInterface
    public interface Route {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    public LocalHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newFixedThreadPool(16);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** http://127.0.0.1:PORT + path. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
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

    private void dispatch(HttpExchange ex) throws IOException {
        String key = ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
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

    public static Route status(int code) {
        return ex -> send(ex, code, "text/html", "<html><title>" + code + "</title></html>");
    }

    public static Route redirect(int code, String location) {
        return ex -> {
            ex.getResponseHeaders().add("Location", location);
            ex.sendResponseHeaders(code, -1);
        };
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
    }
}
