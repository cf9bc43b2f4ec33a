package io.webprobe.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * An https server on loopback (Jetty) that offers HTTP/2 and HTTP/1.1 by ALPN, or HTTP/1.1
 * only, answering every path with 200 and a short body. Counts the requests by the protocol
 * they came over and the TCP connections clients opened.
 */
public final class Http2TestServer implements AutoCloseable {
    /** The body of every answer. */
    public static final String BODY = "hello over tls";

    private final Server server;
    private final ServerConnector connector;
    private final Map<String, AtomicLong> byProtocol = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> byPath = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.CountDownLatch[]> held =
            new ConcurrentHashMap<>();
    private final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    /** Paths whose n-th request (counted as in byPath) is dropped, and how. */
    private final Map<String, long[]> drops = new ConcurrentHashMap<>();
    /** Paths whose first requests are left unprocessed by a GOAWAY: how many are left. */
    private final Map<String, AtomicLong> goAways = new ConcurrentHashMap<>();

    private Http2TestServer(SSLContext tls, boolean offerHttp2) throws Exception {
        server = new Server();
        HttpConfiguration config = new HttpConfiguration();
        config.addCustomizer(new SecureRequestCustomizer(false)); // any name, as for an address
        HttpConnectionFactory http1 = new HttpConnectionFactory(config);
        ALPNServerConnectionFactory alpn = offerHttp2
                ? new ALPNServerConnectionFactory("h2", "http/1.1")
                : new ALPNServerConnectionFactory("http/1.1");
        alpn.setDefaultProtocol(http1.getProtocol());
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setSslContext(tls);
        SslConnectionFactory sslFactory = new SslConnectionFactory(ssl, alpn.getProtocol());
        ConnectionFactory[] factories = offerHttp2
                ? new ConnectionFactory[] {sslFactory, alpn,
                    new HTTP2ServerConnectionFactory(config), http1}
                : new ConnectionFactory[] {sslFactory, alpn, http1};
        connector = new ServerConnector(server, factories);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.addEventListener(new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                if (connection instanceof org.eclipse.jetty.io.ssl.SslConnection) {
                    connections.incrementAndGet();
                }
            }
        });
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                byProtocol.computeIfAbsent(request.getConnectionMetaData().getProtocol(),
                        k -> new AtomicLong()).incrementAndGet();
                String path = Request.getPathInContext(request);
                long nth = byPath.computeIfAbsent(path, k -> new AtomicLong()).incrementAndGet();
                AtomicLong goAway = goAways.get(path);
                if (goAway != null && goAway.getAndDecrement() > 0) {
                    goAwayUnprocessed(request);
                    return true; // never answered: the client asks elsewhere
                }
                long[] drop = drops.get(path);
                if (drop != null && (drop[0] == nth || drop[0] == 0)) {
                    dropConnection(request, response, callback, drop[1] == 1);
                    return true;
                }
                for (String name : List.of("accept", "accept-encoding", "user-agent")) {
                    String v = request.getHeaders().get(name);
                    lastHeaders.put(name, v == null ? "" : v);
                }
                java.util.concurrent.CountDownLatch[] hold = held.remove(path);
                if (hold != null) {
                    hold[0].countDown();
                    try {
                        hold[1].await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
                Content.Sink.write(response, true, BODY, callback);
                return true;
            }
        });
        server.start();
    }

    /** A server offering HTTP/2 and HTTP/1.1. */
    public static Http2TestServer offeringHttp2(SSLContext tls) throws Exception {
        return new Http2TestServer(tls, true);
    }

    /** A server offering HTTP/1.1 only. */
    public static Http2TestServer http1Only(SSLContext tls) throws Exception {
        return new Http2TestServer(tls, false);
    }

    /** https://127.0.0.1:port + path. */
    public String url(String path) {
        return "https://127.0.0.1:" + connector.getLocalPort() + path;
    }

    /** Requests answered, by the protocol they came over ("HTTP/2.0", "HTTP/1.1"). */
    public Map<String, Long> requestsByProtocol() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        byProtocol.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /**
     * Holds the next request for a path until {@code release} opens, counting {@code arrived}
     * down when it arrives; the ones after it are answered at once.
     */
    public void hold(String path, java.util.concurrent.CountDownLatch arrived,
            java.util.concurrent.CountDownLatch release) {
        held.put(path, new java.util.concurrent.CountDownLatch[] {arrived, release});
    }

    /**
     * Closes the TCP connection under the n-th request to a path (1 is the next one if none
     * came yet; 0: every one) without answering it, as a server ending a connection after its
     * request limit drops the streams that crossed its goodbye. Every request in flight on that
     * connection is lost with it.
     *
     * @param afterHead send the answer's head and part of its body before closing
     */
    public void drop(String path, long nth, boolean afterHead) {
        drops.put(path, new long[] {nth, afterHead ? 1 : 0});
    }

    /**
     * Ends the connection of each of the next {@code n} requests to a path with a GOAWAY that
     * says no stream on it was processed (last-stream-id 0, as a server going away before it
     * read them), and leaves the request unanswered: a client may send it again on a new
     * connection (RFC 9113 6.8). The connection stays open, idle, until the client closes it.
     */
    public void goAwayUnprocessed(String path, long n) {
        goAways.put(path, new AtomicLong(n));
    }

    private static void goAwayUnprocessed(Request request) {
        var connection = (org.eclipse.jetty.http2.HTTP2Connection)
                request.getConnectionMetaData().getConnection();
        connection.getSession().goAway(new org.eclipse.jetty.http2.frames.GoAwayFrame(0,
                org.eclipse.jetty.http2.ErrorCode.NO_ERROR.code, null), Callback.NOOP);
    }

    private static void dropConnection(Request request, Response response, Callback callback,
            boolean afterHead) {
        org.eclipse.jetty.io.EndPoint endPoint =
                request.getConnectionMetaData().getConnection().getEndPoint();
        if (!afterHead) {
            endPoint.close();
            callback.failed(new java.io.IOException("dropped by the test"));
            return;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 1000);
        response.write(false, java.nio.ByteBuffer.wrap("partial".getBytes(StandardCharsets.UTF_8)),
                Callback.from(() -> {
                    endPoint.close();
                    callback.failed(new java.io.IOException("dropped by the test"));
                }, callback::failed));
    }

    /** A header of the last request ("" when it had none): accept, accept-encoding, user-agent. */
    public String lastHeader(String name) {
        return lastHeaders.getOrDefault(name, "");
    }

    /** Requests answered for a path. */
    public long requests(String path) {
        AtomicLong n = byPath.get(path);
        return n == null ? 0 : n.get();
    }

    /** TLS connections clients opened. */
    public int connections() {
        return connections.get();
    }

    /** The body's length in bytes. */
    public static long bodyBytes() {
        return BODY.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
