package io.webprobe.ping;

import io.webprobe.http.ClientCertificateRequests;
import io.webprobe.http.TlsTrust;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * TLS over one non-blocking socket of the event-loop engine: an {@link SSLEngine} with its two
 * network buffers. The connection drives it from its loop thread: {@link #handshake} until it
 * returns 0, then {@link #write} for the request and {@link #read} for the answer, exactly as it
 * drives a plain socket. Handshake tasks (certificate checks) run inline on the loop thread;
 * they happen once per connection, so keep-alive makes their cost vanish.
 *
 * <p>Not thread-safe: owned by one {@link NioConnection}.
 */
final class TlsLayer {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SSLEngine engine;
    /** Bytes read from the socket and not yet unwrapped (write mode). */
    private ByteBuffer netIn;
    /** Encrypted bytes not yet written to the socket (read mode). */
    private final ByteBuffer netOut;
    /** Decrypted bytes of a handshake-time unwrap (normally none). */
    private final ByteBuffer scratch;
    private boolean closed;
    /** The handshake status the last unwrap left (read without asking the engine again). */
    private HandshakeStatus afterLastUnwrap = HandshakeStatus.NOT_HANDSHAKING;

    /**
     * A layer over a new engine, its handshake begun. A TLS library that fails to make or start
     * an engine (a native one's unchecked exceptions) fails this connection, not the loop.
     *
     * @throws SSLException when the engine cannot be made or started
     */
    static TlsLayer start(java.util.function.Supplier<SSLEngine> engines) throws SSLException {
        SSLEngine engine;
        try {
            engine = engines.get();
        } catch (RuntimeException e) {
            throw libraryFailure(e);
        }
        try {
            return new TlsLayer(engine);
        } catch (SSLException | RuntimeException e) {
            release(engine);
            throw e instanceof SSLException s ? s : libraryFailure((RuntimeException) e);
        }
    }

    TlsLayer(SSLEngine engine) throws SSLException {
        this.engine = engine;
        int packet = engine.getSession().getPacketBufferSize();
        this.netIn = ByteBuffer.allocate(packet);
        this.netOut = ByteBuffer.allocate(packet);
        this.netOut.flip();
        this.scratch = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        engine.beginHandshake();
    }

    /**
     * Advances the handshake as far as the socket allows.
     *
     * @return 0 when the handshake is complete, else the interest ({@link SelectionKey#OP_READ}
     *     or {@link SelectionKey#OP_WRITE}) to wait for
     * @throws SSLException when the handshake fails (the certificate, the protocol, an alert)
     */
    int handshake(SocketChannel ch) throws IOException {
        try {
            return handshakeSteps(ch);
        } catch (SSLException e) {
            // a client certificate asked for: said so
            throw ClientCertificateRequests.handshakeFailure(engine, e);
        }
    }

    private int handshakeSteps(SocketChannel ch) throws IOException {
        while (true) {
            if (netOut.hasRemaining()) {
                ch.write(netOut);
                if (netOut.hasRemaining()) {
                    return SelectionKey.OP_WRITE;
                }
            }
            switch (engine.getHandshakeStatus()) {
                case NEED_WRAP -> wrap(EMPTY);
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    scratch.clear();
                    if (!unwrap(scratch)) {
                        int n = ch.read(netIn);
                        if (n < 0) {
                            throw new SSLHandshakeException("Remote host terminated the handshake");
                        }
                        if (n == 0) {
                            return SelectionKey.OP_READ;
                        }
                    }
                }
                case NEED_TASK -> runTasks();
                default -> {
                    return 0; // NOT_HANDSHAKING (FINISHED is only ever a result's status)
                }
            }
        }
    }

    /**
     * Encrypts and writes {@code app} (read mode).
     *
     * @return true when everything is on the wire, false when the socket is full (wait for
     *     {@link SelectionKey#OP_WRITE} and call again)
     */
    boolean write(SocketChannel ch, ByteBuffer app) throws IOException {
        while (true) {
            if (netOut.hasRemaining()) {
                ch.write(netOut);
                if (netOut.hasRemaining()) {
                    return false;
                }
            }
            if (!app.hasRemaining()) {
                return true;
            }
            wrap(app);
        }
    }

    /**
     * Reads from the socket and decrypts into {@code app} (write mode) as far as both allow.
     *
     * @return the bytes decrypted (0: wait for {@link SelectionKey#OP_READ}), or -1 at the end
     *     of the stream (the socket's, or the server's close_notify) when nothing was decrypted
     */
    int read(SocketChannel ch, ByteBuffer app) throws IOException {
        int start = app.position();
        while (true) {
            while (app.hasRemaining() && unwrap(app)) {
                if (closed) {
                    int got = app.position() - start;
                    return got > 0 ? got : -1;
                }
                afterUnwrap(ch);
            }
            int got = app.position() - start;
            if (got > 0 || !app.hasRemaining()) {
                return got;
            }
            int n = ch.read(netIn);
            if (n < 0) {
                return -1;
            }
            if (n == 0) {
                return 0;
            }
        }
    }

    /** Post-handshake messages (key update, renegotiation): answered on the spot. */
    private void afterUnwrap(SocketChannel ch) throws IOException {
        HandshakeStatus hs = afterLastUnwrap;
        if (hs == HandshakeStatus.NOT_HANDSHAKING || hs == HandshakeStatus.FINISHED) {
            return; // application data, the normal case: no call into the engine
        }
        hs = engine.getHandshakeStatus();
        if (hs == HandshakeStatus.NEED_TASK) {
            runTasks();
            hs = engine.getHandshakeStatus();
        }
        if (hs == HandshakeStatus.NEED_WRAP) {
            wrap(EMPTY);
            ch.write(netOut); // best effort: a key update answer is a few bytes
        }
    }

    /**
     * Unwraps one record from netIn into {@code dst}.
     *
     * @return false when netIn holds no complete record (read more first)
     */
    private boolean unwrap(ByteBuffer dst) throws IOException {
        if (netIn.position() == 0) {
            return false;
        }
        netIn.flip();
        SSLEngineResult r;
        try {
            r = engine.unwrap(netIn, dst);
        } catch (RuntimeException e) {
            throw libraryFailure(e);
        } finally {
            netIn.compact();
        }
        afterLastUnwrap = r.getHandshakeStatus();
        switch (r.getStatus()) {
            case OK -> {
                return true;
            }
            case CLOSED -> {
                closed = true;
                return true;
            }
            case BUFFER_UNDERFLOW -> {
                if (!netIn.hasRemaining()) {
                    // a record larger than the session said: make room
                    ByteBuffer bigger = ByteBuffer.allocate(netIn.capacity() * 2);
                    netIn.flip();
                    bigger.put(netIn);
                    netIn = bigger;
                }
                return false;
            }
            default -> { // BUFFER_OVERFLOW: the caller's buffer is full
                return false;
            }
        }
    }

    private void wrap(ByteBuffer src) throws IOException {
        netOut.compact();
        SSLEngineResult r;
        try {
            r = engine.wrap(src, netOut);
        } catch (RuntimeException e) {
            throw libraryFailure(e);
        } finally {
            netOut.flip();
        }
        if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
            throw new SSLException("The TLS session was closed");
        }
        if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            throw new SSLException("A TLS record did not fit the session's packet size");
        }
    }

    /**
     * An engine that fails unchecked (a TLS library's own bug, native or not) fails this
     * connection's request like any TLS error: one URL's result, not the end of the run.
     */
    private static SSLException libraryFailure(RuntimeException e) {
        return new SSLException("the TLS library failed on this connection", e);
    }

    private void runTasks() {
        for (Runnable task; (task = engine.getDelegatedTask()) != null; ) {
            task.run();
        }
    }

    /**
     * Ends the engine; the caller closes the socket.
     *
     * @param goodbye whether to tell the server first (close_notify, without waiting): not
     *     in the middle of a handshake
     */
    void close(SocketChannel ch, boolean goodbye) {
        try {
            engine.closeOutbound();
            if (goodbye) {
                wrap(EMPTY);
                ch.write(netOut);
            }
        } catch (IOException | RuntimeException ignored) {
            // closing anyway
        }
        release(engine);
    }

    /** Frees a native engine's memory; a library failing at it leaves it to the collector. */
    private static void release(SSLEngine engine) {
        try {
            TlsTrust.release(engine);
        } catch (RuntimeException ignored) {
            // the engine's memory goes when the collector finds it
        }
    }
}
