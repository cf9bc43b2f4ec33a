package io.webprobe.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server on loopback whose answers the test writes byte for byte, for what
 * {@code com.sun.net.httpserver} will not do (HTTP/1.0, bodies to the close, junk, closing an
 * idle keep-alive connection). One thread per connection; it records the request heads and
 * counts connections.
 */
public final class RawServer implements AutoCloseable {

    /** Serves one accepted connection; returning closes it. */
    @FunctionalInterface
    public interface Handler {
        void serve(Socket socket, RawServer server) throws IOException;
    }

    private final ServerSocket listener;
    private final Handler handler;
    private final String scheme;
    private final AtomicInteger connections = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> requests = new ConcurrentLinkedQueue<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /** The port held refused on 127.0.0.1 for a server on ::1 only. */
    private final RefusedPort twin;

    public RawServer(Handler handler) throws IOException {
        this(handler, null);
    }

    /**
     * A TLS server when {@code tls} is given (each accepted connection is then one TLS
     * handshake, so {@link #connections()} counts handshakes too).
     */
    public RawServer(Handler handler, javax.net.ssl.SSLContext tls) throws IOException {
        this(handler, tls, InetAddress.getLoopbackAddress(), 0, RefusedPort.NONE);
    }

    private RawServer(Handler handler, javax.net.ssl.SSLContext tls, InetAddress address,
            int port, RefusedPort twin) throws IOException {
        this.listener = tls == null
                ? new ServerSocket(port, 50, address)
                : tls.getServerSocketFactory().createServerSocket(port, 50, address);
        this.handler = handler;
        this.scheme = tls == null ? "http" : "https";
        this.twin = twin;
        Thread.ofPlatform().daemon().name("raw-accept").start(this::acceptLoop);
    }

    /**
     * A server listening on ::1 only, where 127.0.0.1 refuses at its port (held until the
     * server closes), as {@link LocalHttpServer#onIpv6LoopbackOnly()}: what a browser reaches
     * at {@code https://localhost:PORT/} only by trying ::1 after 127.0.0.1.
     *
     * @return empty when this machine has no IPv6 loopback
     */
    public static java.util.Optional<RawServer> onIpv6LoopbackOnly(Handler handler,
            javax.net.ssl.SSLContext tls) throws IOException {
        InetAddress v6 = InetAddress.getByName("::1");
        while (true) {
            RefusedPort v4 = RefusedPort.onLoopback();
            try {
                return java.util.Optional.of(new RawServer(handler, tls, v6, v4.port(), v4));
            } catch (java.net.BindException b) {
                v4.close();
                if (b.getMessage() == null || !b.getMessage().contains("in use")) {
                    return java.util.Optional.empty();
                }
                // ::1 has that port in use: another one
            } catch (java.net.SocketException e) {
                v4.close();
                return java.util.Optional.empty(); // no IPv6 here
            }
        }
    }

    /** Answers every request on a connection with the same bytes, over TLS. */
    public static RawServer answeringTls(String response, javax.net.ssl.SSLContext tls)
            throws IOException {
        byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
        return new RawServer((s, server) -> {
            while (server.readHead(s) != null) {
                s.getOutputStream().write(bytes);
            }
        }, tls);
    }

    /** Answers every request on a connection with the same bytes; keeps the connection. */
    public static RawServer answering(String response) throws IOException {
        byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
        return new RawServer((s, server) -> {
            while (server.readHead(s) != null) {
                s.getOutputStream().write(bytes);
            }
        });
    }

    /** Answers the first request on a connection with these bytes, then closes it. */
    public static RawServer answeringOnce(String response) throws IOException {
        return answeringOnce(response, null);
    }

    /** The same over TLS when {@code tls} is given. */
    public static RawServer answeringOnce(String response, javax.net.ssl.SSLContext tls)
            throws IOException {
        byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
        return new RawServer((s, server) -> {
            if (server.readHead(s) != null) {
                s.getOutputStream().write(bytes);
            }
        }, tls);
    }

    public String url(String path) {
        return scheme + "://127.0.0.1:" + listener.getLocalPort() + path;
    }

    public int port() {
        return listener.getLocalPort();
    }

    public int connections() {
        return connections.get();
    }

    public ConcurrentLinkedQueue<String> requests() {
        return requests;
    }

    /** Reads one request head (up to the empty line); null at end of stream. */
    public String readHead(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int c; (c = in.read()) >= 0; ) {
            head.write(c);
            matched = c == "\r\n\r\n".charAt(matched) ? matched + 1 : c == '\r' ? 1 : 0;
            if (matched == 4) {
                String h = head.toString(StandardCharsets.ISO_8859_1);
                requests.add(h);
                return h;
            }
        }
        return null;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                return;
            }
            connections.incrementAndGet();
            open.add(s);
            Thread.ofPlatform().daemon().name("raw-conn").start(() -> {
                try (s) {
                    handler.serve(s, this);
                } catch (IOException e) {
                    // the client went away
                } finally {
                    open.remove(s);
                }
            });
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        twin.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
