package io.webprobe.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback port that refuses every connection for as long as the test holds it: a client
 * socket bound to it and never listening, so the system answers a connection with a reset and
 * no other process can bind it meanwhile.
 *
 * <p>Binding a server socket to port 0, closing it and using its number is not the same: the
 * suite runs in two processes at once, and the other one's server can be given that number
 * between the close and the test's connection (a CI run's ping of "nothing listens here"
 * reached another test's HTTPS server that way). Hold this instead, and close it at the end.
 */
public final class RefusedPort implements AutoCloseable {
    private static final InetAddress IPV6_LOOPBACK = ipv6Loopback();
    /** Holds nothing. */
    static final RefusedPort NONE = new RefusedPort(List.of(), 0);

    private final List<Socket> held;
    private final int port;

    private RefusedPort(List<Socket> held) {
        this(held, held.get(0).getLocalPort());
    }

    private RefusedPort(List<Socket> held, int port) {
        this.held = held;
        this.port = port;
    }

    /** Ports held until the test process ends (see {@link #heldForTheRun}). */
    private static final List<RefusedPort> FOR_THE_RUN =
            java.util.Collections.synchronizedList(new ArrayList<>());

    /**
     * A port on 127.0.0.1 that refuses until the test process ends, for a test with nowhere to
     * close it: a few held ports cost nothing, and the list keeps them from being collected.
     */
    public static int heldForTheRun() {
        RefusedPort p = onLoopback();
        FOR_THE_RUN.add(p);
        return p.port();
    }

    /** A port on 127.0.0.1 that refuses. */
    public static RefusedPort onLoopback() {
        try {
            return new RefusedPort(List.of(bound(InetAddress.getLoopbackAddress(), 0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A port that refuses on 127.0.0.1 and, where this machine has IPv6, on ::1 too: what
     * {@code http://localhost:PORT/} must meet when nothing listens, whichever loopback address
     * a client tries.
     */
    public static RefusedPort forLocalhost() {
        for (int attempt = 0; attempt < 20; attempt++) {
            RefusedPort v4 = onLoopback();
            List<Socket> both = new ArrayList<>(v4.held);
            try {
                both.add(bound(IPV6_LOOPBACK, v4.port));
                return new RefusedPort(List.copyOf(both));
            } catch (BindException e) {
                v4.close();
                if (!inUse(e)) {
                    return onLoopback(); // no IPv6 here: ::1 cannot be connected to either
                }
                // ::1 has that port in use: another number
            } catch (IOException e) {
                v4.close();
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no port free on both 127.0.0.1 and ::1");
    }

    /**
     * The port on 127.0.0.1 a server of this test just closed. Its closed connections may
     * still hold the port (TIME_WAIT), beside which only a socket with SO_REUSEADDR can bind;
     * held so, it still refuses every connection, the system still gives it to no other
     * socket binding port 0 or connecting out, and only a bind naming the number explicitly
     * (none but {@link LocalHttpServer#upAt}) could share it.
     *
     * @throws UncheckedIOException when something else listens there already
     */
    static RefusedPort afterServerAt(int port) {
        Socket s = new Socket();
        try {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // never connected
            }
            throw new UncheckedIOException(e);
        }
        return new RefusedPort(List.of(s));
    }

    /** The port number. */
    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT} + path. */
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        for (Socket s : held) {
            try {
                s.close();
            } catch (IOException e) {
                // nothing was ever sent on it
            }
        }
    }

    private static Socket bound(InetAddress address, int port) throws IOException {
        Socket s = new Socket();
        s.setReuseAddress(false); // a server binding the same address and port is refused
        try {
            s.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private static boolean inUse(BindException e) {
        return e.getMessage() != null && e.getMessage().contains("in use");
    }

    private static InetAddress ipv6Loopback() {
        try {
            return InetAddress.getByName("::1");
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
