package io.webprobe.http;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A lean HTTP/1.1 client over blocking sockets, for the ping tester: no per-request object
 * churn beyond the request line, idle connections kept per host (keep-alive, unless the request
 * asks otherwise), precise control over what is measured, and a deadline covering connect,
 * headers and body. Supports http and https (TLS with SNI and host name verification), chunked
 * and fixed-length bodies, HEAD, and never follows redirects.
 *
 * <p>Thread-safe: each call uses a connection no other thread holds. {@link #close()} closes
 * every connection, idle or busy, which makes blocked calls return at once (as
 * {@link ErrorKind#CANCELLED} when closed on purpose).
 */
public final class Http1Probe implements HttpProbe {
    private final String userAgent;
    private final Duration connectTimeout;
    private final SSLSocketFactory tls;
    private final Map<String, ConcurrentLinkedDeque<Http1Connection>> idle = new ConcurrentHashMap<>();
    private final Set<Http1Connection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public Http1Probe(String userAgent, Duration connectTimeout) {
        this(userAgent, connectTimeout, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /** With a specific TLS socket factory (tests trust their own certificate this way). */
    public Http1Probe(String userAgent, Duration connectTimeout, SSLSocketFactory tls) {
        this.userAgent = userAgent;
        this.connectTimeout = connectTimeout;
        this.tls = tls;
    }

    @Override
    public FetchResponse fetch(FetchRequest request) {
        URI uri = request.uri();
        long start = System.nanoTime();
        String problem = UrlSyntax.problem(uri);
        if (problem != null) {
            return FetchResponse.failed(uri, ErrorKind.INVALID_URL, problem, 0);
        }
        long deadline = start + request.timeout().toNanos();
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        String host = uri.getHost();
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        String key = (https ? "https://" : "http://") + host.toLowerCase(Locale.ROOT) + ":" + port;
        byte[] head = requestHead(request, uri, host, port, https);
        boolean isHead = request.method().equals("HEAD");

        for (int attempt = 0; ; attempt++) {
            Http1Connection conn = null;
            boolean reused = false;
            try {
                conn = attempt == 0 ? pooled(key) : null;
                reused = conn != null;
                if (conn == null) {
                    conn = connect(host, port, https, key, deadline);
                }
                conn.send(head, deadline);
                Http1Connection.Response r =
                        conn.read(isHead, request.maxBodyBytes(), request.keepBody(),
                                new Http1Connection.Response());
                boolean reusable = request.keepAlive() && !r.close && !closed;
                release(conn, reusable);
                return new FetchResponse(uri, r.status, r.contentType, r.location, r.size,
                        r.body, r.truncated, millisSince(start), null, "", r.robotsTag);
            } catch (IOException e) {
                if (conn != null) {
                    release(conn, false);
                }
                // A pooled connection the server has quietly closed fails before any answer:
                // retry once on a fresh connection (GET and HEAD are idempotent).
                if (reused && isStale(e) && System.nanoTime() < deadline && !closed) {
                    continue;
                }
                return failure(uri, e, start);
            }
        }
    }

    private static boolean isStale(IOException e) {
        return e instanceof EOFException || e instanceof SocketException;
    }

    private FetchResponse failure(URI uri, IOException e, long start) {
        long ms = millisSince(start);
        if (closed) {
            return FetchResponse.failed(uri, ErrorKind.CANCELLED, "Stopped before it finished", ms);
        }
        ErrorKind kind;
        String message;
        if (e instanceof UnknownHostException) {
            kind = ErrorKind.DNS;
            message = "Host name could not be resolved";
        } else if (e instanceof ConnectTimeout) {
            kind = ErrorKind.CONNECT_TIMEOUT;
            message = "Timed out while connecting";
        } else if (e instanceof SocketTimeoutException) {
            kind = ErrorKind.TIMEOUT;
            message = "No complete response within the timeout";
        } else if (e instanceof ConnectException ce) {
            boolean refused = String.valueOf(ce.getMessage()).toLowerCase(Locale.ROOT).contains("refused");
            kind = refused ? ErrorKind.REFUSED : ErrorKind.CONNECT;
            message = refused ? "Connection refused" : "Could not connect: " + ce.getMessage();
        } else if (e instanceof NoRouteToHostException) {
            kind = ErrorKind.CONNECT;
            message = "No route to host";
        } else if (e instanceof SSLException) {
            kind = ErrorKind.TLS;
            message = "TLS failure: " + e.getMessage();
        } else if (e instanceof EOFException || e instanceof SocketException) {
            kind = ErrorKind.RESET;
            message = e instanceof EOFException ? e.getMessage()
                    : "Connection reset by the server";
        } else {
            kind = ErrorKind.IO;
            message = String.valueOf(e.getMessage());
        }
        return FetchResponse.failed(uri, kind, message, ms);
    }

    private Http1Connection pooled(String key) {
        ConcurrentLinkedDeque<Http1Connection> q = idle.get(key);
        if (q == null) {
            return null;
        }
        for (Http1Connection c; (c = q.pollFirst()) != null; ) {
            if (c.isOpen()) {
                return c;
            }
            open.remove(c);
        }
        return null;
    }

    private void release(Http1Connection conn, boolean reusable) {
        if (reusable && conn.isOpen()) {
            idle.computeIfAbsent(conn.poolKey(), k -> new ConcurrentLinkedDeque<>()).addFirst(conn);
            if (closed) {
                closeAll();
            }
        } else {
            open.remove(conn);
            conn.close();
        }
    }

    private Http1Connection connect(String host, int port, boolean https, String key,
            long deadline) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        int timeout = (int) Math.max(1, Math.min(left, connectTimeout.toMillis()));
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            try {
                socket.connect(new InetSocketAddress(address, port), timeout);
            } catch (SocketTimeoutException e) {
                throw new ConnectTimeout();
            }
            if (https) {
                SSLSocket ssl = (SSLSocket) tls.createSocket(socket, host, port, true);
                SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                if (!isIpLiteral(host)) {
                    params.setServerNames(List.of(new SNIHostName(host)));
                }
                params.setApplicationProtocols(new String[] {"http/1.1"});
                ssl.setSSLParameters(params);
                ssl.setSoTimeout(timeout);
                ssl.startHandshake();
                socket = ssl;
            }
            Http1Connection conn = new Http1Connection(socket, key);
            open.add(conn);
            if (closed) {
                conn.close();
                throw new SocketException("closed");
            }
            return conn;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    private byte[] requestHead(FetchRequest request, URI uri, String host, int port,
            boolean https) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path = path + "?" + uri.getRawQuery();
        }
        boolean defaultPort = port == (https ? 443 : 80);
        StringBuilder sb = new StringBuilder(160);
        sb.append(request.method()).append(' ').append(path).append(" HTTP/1.1\r\n");
        appendUnlessOverridden(sb, request, "Host",
                // URI.getHost() keeps the brackets of an IPv6 literal ("[::1]")
                host + (defaultPort ? "" : ":" + port));
        appendUnlessOverridden(sb, request, "User-Agent", userAgent);
        appendUnlessOverridden(sb, request, "Accept", "*/*");
        if (!request.keepAlive()) {
            sb.append("Connection: close\r\n");
        }
        for (Header h : request.headers()) {
            if (!request.keepAlive() && h.is("Connection")) {
                continue;
            }
            sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendUnlessOverridden(StringBuilder sb, FetchRequest request, String name,
            String value) {
        for (Header h : request.headers()) {
            if (h.is(name)) {
                return;
            }
        }
        sb.append(name).append(": ").append(value).append("\r\n");
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Closes every connection, including those in use; calls in progress end at once. */
    @Override
    public void close() {
        closed = true;
        closeAll();
    }

    private void closeAll() {
        for (Http1Connection c : open) {
            c.close();
        }
        open.clear();
        idle.clear();
    }

    /** The connect phase timed out (distinct from a read timeout). */
    private static final class ConnectTimeout extends SocketTimeoutException {
        private static final long serialVersionUID = 1L;

        ConnectTimeout() {
            super("connect timed out");
        }
    }
}
