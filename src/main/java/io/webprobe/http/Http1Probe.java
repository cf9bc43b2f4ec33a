package io.webprobe.http;

import static io.webprobe.http.ProbeFetch.millisSince;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * A lean HTTP/1.1 client over blocking sockets (the ping tester's engine when it follows
 * redirects): idle connections kept per host (keep-alive, unless the request asks otherwise), a
 * deadline covering connect, TLS handshake, headers and body, and the shared HTTP/1.1 codec
 * ({@link Http1RequestEncoder}, {@link Http1ResponseParser}, {@link ErrorClassifier}). https
 * uses the {@link TlsTrust} it is given (SNI, certificate and host name checks unless
 * insecure). Holds the {@link HttpProbe} contract; sends no Accept-Encoding of its own. Sends
 * the request's {@link FetchRequest#target()} when it has one (a browser's bytes a URI cannot
 * hold). Through an HTTP proxy when given a {@link ProxySelector} that names one for the URL
 * (plain http: the request line in absolute form, the same target bytes; https: a tunnel by
 * {@code CONNECT}, then TLS with the server as without a proxy).
 *
 * <p>Thread-safe: each call uses a connection no other thread holds. {@link #close()} closes
 * every connection, idle or busy, which makes blocked calls return at once (as
 * {@link ErrorKind#CANCELLED}).
 */
public final class Http1Probe implements HttpProbe {
    private static final String[] ALPN = {"http/1.1"};

    private final String userAgent;
    private final Duration connectTimeout;
    private final TlsTrust trust;
    /** Where a URL's requests go through, or null: straight to the server. */
    private final ProxySelector proxies;
    private final Map<String, ConcurrentLinkedDeque<Http1Connection>> idle = new ConcurrentHashMap<>();
    private final Set<Http1Connection> open = ConcurrentHashMap.newKeySet();
    private final Set<Socket> connecting = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** With the JDK's certificate authorities. */
    public Http1Probe(String userAgent, Duration connectTimeout) {
        this(userAgent, connectTimeout, TlsTrust.defaults());
    }

    /**
     * @param userAgent the default User-Agent header
     * @param connectTimeout the TCP connect timeout (the request's deadline applies too)
     * @param trust which server certificates https connections accept
     */
    public Http1Probe(String userAgent, Duration connectTimeout, TlsTrust trust) {
        this(userAgent, connectTimeout, trust, null);
    }

    /**
     * As above, through the HTTP proxy {@code proxies} names for each URL (none for a URL it
     * gives DIRECT, or a SOCKS proxy, which java.net.http does not use either).
     *
     * @param proxies null for none
     */
    public Http1Probe(String userAgent, Duration connectTimeout, TlsTrust trust,
            ProxySelector proxies) {
        this.userAgent = userAgent;
        this.connectTimeout = connectTimeout;
        this.trust = trust;
        this.proxies = proxies;
    }

    @Override
    public FetchResponse fetch(FetchRequest request) {
        URI uri = request.uri();
        long start = System.nanoTime();
        FetchResponse unsendable = ProbeFetch.unsendable(uri);
        if (unsendable != null) {
            return unsendable;
        }
        int port = Urls.port(uri);
        if (port < 1 || port > 65_535) {
            ErrorClassifier.Classified c = ErrorClassifier.invalidUrl(
                    "The port " + port + " is out of range (1 to 65535)");
            return FetchResponse.failed(uri, c.kind(), c.message(), 0);
        }
        long deadline = start + request.timeout().toNanos();
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        String host = Urls.host(uri);
        InetSocketAddress proxy = proxyFor(uri);
        String key = (https ? "https://" : "http://") + host + ":" + port
                + (proxy == null ? "" : " via " + proxy.getHostString() + ":" + proxy.getPort());
        // plain http to a proxy names the server in the request line; https tunnels through
        byte[] head = Http1RequestEncoder.encode(uri, request.target(), proxy != null && !https,
                request.method(), request.headers(), request.keepAlive(), userAgent);
        boolean isHead = request.method().equals("HEAD");

        for (int attempt = 0; ; attempt++) {
            Http1Connection conn = null;
            boolean reused = false;
            try {
                conn = attempt == 0 ? pooled(key) : null;
                reused = conn != null;
                if (conn == null) {
                    conn = connect(host, port, https, key, deadline, proxy);
                }
                conn.send(head, deadline);
                Http1ResponseParser r = conn.read(isHead, request.maxBodyBytes(), request.keepBody());
                FetchResponse response = response(uri, r, isHead, request, start);
                release(conn, request.keepAlive() && conn.reusable() && !closed);
                return response;
            } catch (IOException e) {
                if (conn != null) {
                    conn.discardBody();
                    release(conn, false);
                }
                // A pooled connection the server has quietly closed fails before any answer:
                // retry once on a fresh connection (GET and HEAD are idempotent).
                if (reused && isStale(e) && !conn.anyByte() && System.nanoTime() < deadline
                        && !closed) {
                    continue;
                }
                ErrorClassifier.Classified c = closed ? ErrorClassifier.cancelled()
                        : e instanceof SocketTimeoutException
                                && !(e instanceof ErrorClassifier.ConnectTimeout)
                                ? ErrorClassifier.timedOut(request.timeout())
                                : ErrorClassifier.classify(e);
                return FetchResponse.failed(uri, c.kind(), c.message(), millisSince(start));
            }
        }
    }

    private static FetchResponse response(URI uri, Http1ResponseParser r, boolean isHead,
            FetchRequest request, long start) {
        boolean truncated = r.truncated();
        ResponseBody body = r.body();
        List<String> codings = new ArrayList<>(1);
        for (Header h : r.headers()) {
            if (h.name().equals("content-encoding")) {
                codings.add(h.value());
            }
        }
        String encoding = ContentDecoding.contentEncoding(codings);
        String location = r.header("location");
        String undecodable = null;
        if (body != null && !encoding.isEmpty()) {
            ContentDecoding.Decoded d = ContentDecoding.decodeResponse(body, encoding,
                    request.maxBodyBytes(), r.status(), location);
            body = d.body();
            truncated |= d.truncated();
            undecodable = d.failure();
        }
        long size = r.bodyBytes();
        if (isHead) {
            size = announcedLength(r.header("content-length"));
        }
        return new FetchResponse(uri, r.status(), r.contentType(),
                location.isEmpty() ? null : location, size, body, truncated, millisSince(start),
                undecodable == null ? null : ErrorKind.IO, undecodable,
                String.join(" | ", r.headers().all("x-robots-tag")), r.headers(), r.version());
    }

    /**
     * A HEAD's announced Content-Length, read by the codec's rule; -1 (unknown) without one or
     * with one that is not a length.
     */
    static long announcedLength(String value) {
        return value == null || value.isEmpty() ? -1 : Http1ResponseParser.contentLength(value);
    }

    private static boolean isStale(IOException e) {
        return e instanceof EOFException || e instanceof SocketException || e instanceof SSLException;
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

    /** The HTTP proxy the selector names for a URI, or null (straight to the server). */
    private InetSocketAddress proxyFor(URI uri) {
        return httpProxy(proxies, uri);
    }

    /**
     * The HTTP proxy {@code proxies} names for a URI, or null: straight to the server (DIRECT,
     * a SOCKS proxy, which java.net.http does not use either, or no selector). The one reading
     * of a selector, for the requests this class sends and for the ping's note that its event
     * loops go straight to the servers (ADR 0034).
     */
    public static InetSocketAddress httpProxy(ProxySelector proxies, URI uri) {
        if (proxies == null) {
            return null;
        }
        List<Proxy> chosen;
        try {
            chosen = proxies.select(uri);
        } catch (IllegalArgumentException e) {
            // a host URI does not read (a_b.example): the selector's choice for another host
            chosen = proxies.select(URI.create(uri.getScheme() + "://host.invalid/"));
        }
        for (Proxy p : chosen) {
            if (p.type() == Proxy.Type.DIRECT) {
                return null;
            }
            if (p.type() == Proxy.Type.HTTP && p.address() instanceof InetSocketAddress a) {
                return a;
            }
        }
        return null;
    }

    private Http1Connection connect(String host, int port, boolean https, String key,
            long deadline, InetSocketAddress proxy) throws IOException {
        String to = proxy == null ? host : proxy.getHostString();
        int toPort = proxy == null ? port : proxy.getPort();
        List<InetAddress> addresses = HostAddresses.resolve(to);
        Socket socket = new Socket();
        Socket raw = socket;
        connecting.add(raw);   // close() ends a connect or handshake in progress too
        SocketException firstFailure = null;
        try {
            for (int i = 0; ; i++) {
                if (closed) {
                    throw new SocketException("closed");
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                int timeout = (int) Math.max(1, Math.min(left, connectTimeout.toMillis()));
                socket.setTcpNoDelay(true);
                try {
                    socket.connect(new InetSocketAddress(addresses.get(i), toPort), timeout);
                    break;
                } catch (SocketTimeoutException e) {
                    throw new ErrorClassifier.ConnectTimeout();
                } catch (SocketException e) {
                    // refused, unroutable, no IPv6 here: the next address, as a browser does;
                    // the first address's failure when none answers
                    if (closed || i + 1 == addresses.size() || deadline - System.nanoTime() <= 0) {
                        throw i == 0 ? e : firstFailure;
                    }
                    if (i == 0) {
                        firstFailure = e;
                    }
                    connecting.remove(raw);
                    socket.close();
                    socket = new Socket();
                    raw = socket;
                    connecting.add(raw);
                }
            }
            if (https && proxy != null) {
                tunnel(socket, host, port, proxy, deadline);
            }
            if (https) {
                long handshakeLeft = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                socket.setSoTimeout((int) Math.max(1, handshakeLeft));
                socket = trust.handshake(socket, host, port, ALPN);
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
        } finally {
            connecting.remove(raw);
        }
    }

    /**
     * Asks the proxy for a tunnel to the server (RFC 9110 9.3.6), and reads its answer: a 2xx
     * opens it; any other status is a connection that failed, said with the proxy's status.
     */
    private void tunnel(Socket socket, String host, int port, InetSocketAddress proxy,
            long deadline) throws IOException {
        String authority = (host.indexOf(':') >= 0 && !host.startsWith("[")
                ? "[" + host + "]" : host) + ":" + port;
        byte[] connect = ("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority
                + "\r\nUser-Agent: " + userAgent + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        // a connection of its own for the answer: no body follows a CONNECT's 2xx, and the
        // socket is then handed to TLS with nothing read past the answer's head
        Http1Connection head = new Http1Connection(socket, "");
        head.send(connect, deadline);
        Http1ResponseParser answer = head.read(true, 0, FetchRequest.BodyPolicy.NEVER);
        if (answer.status() < 200 || answer.status() > 299) {
            throw new ErrorClassifier.TunnelRefused("the proxy " + proxy.getHostString() + ":"
                    + proxy.getPort() + " answered HTTP " + answer.status()
                    + " when asked for a tunnel to " + authority);
        }
    }

    /** Closes every connection, including those in use; calls in progress end at once. */
    @Override
    public void close() {
        closed = true;
        closeAll();
    }

    private void closeAll() {
        for (Socket s : connecting) {
            try {
                s.close();
            } catch (IOException e) {
                // closing is all that was asked
            }
        }
        for (Http1Connection c : open) {
            c.close();
        }
        open.clear();
        idle.clear();
    }
}
