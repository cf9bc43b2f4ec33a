package io.webprobe.ping;

import io.webprobe.http.ErrorKind;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Locale;

/**
 * One unit of concurrency of the event-loop engine: a non-blocking HTTP/1.1 connection that
 * carries one request after another. Its state machine:
 *
 * <pre>
 *   next ──claim──▶ (WAITING until the intended start, open loop) ──▶ begin
 *   begin ──▶ CONNECTING (new socket, or the endpoint changed) ──▶ WRITING ──▶ READING
 *   READING ──complete──▶ record, next     any failure ──▶ record, next (on the next turn)
 *   next ──nothing left to claim──▶ RETIRED
 * </pre>
 *
 * The socket stays open between requests unless keep-alive is off or the response says so; a
 * reused socket that the server has closed before the first byte of the answer is replaced
 * once, transparently, as {@code Http1Probe} does. Failures get the {@link ErrorKind} and
 * message the blocking probe would give.
 *
 * <p>Not thread-safe: owned by one {@link NioLoop} and used only on its thread.
 */
final class NioConnection {
    private static final long MAX_BODY_BYTES = 64L * 1024 * 1024;

    private enum State { IDLE, WAITING, CONNECTING, WRITING, READING, RETIRED }

    private final NioLoop loop;
    private final PingRun run;
    private final Http1ResponseParser parser = new Http1ResponseParser();
    /** The request being written (direct: the kernel reads it without a copy). */
    private final ByteBuffer out;
    private final boolean headRequest;
    private final boolean keepAlive;
    private final long timeoutNanos;

    private State state = State.IDLE;
    private SocketChannel channel;
    private SelectionKey key;
    private int interest;
    private int endpoint = -1;
    /** Requests completed on the current socket. */
    private int served;

    // the request in flight
    private long seq;
    private int target;
    private long intended;
    private long send;
    private long deadline;
    private boolean retried;

    NioConnection(NioLoop loop, PingRun run, int maxHeadBytes) {
        this.loop = loop;
        this.run = run;
        this.out = ByteBuffer.allocateDirect(maxHeadBytes);
        this.headRequest = run.plan().method().equals("HEAD");
        this.keepAlive = run.plan().keepAlive();
        this.timeoutNanos = run.plan().timeout().toNanos();
    }

    /** Claims the next request: sends it, waits for its intended start, or retires. */
    void next() {
        long i = run.claim();
        if (i < 0) {
            closeChannel();
            state = State.RETIRED;
            loop.retired();
            return;
        }
        seq = i;
        target = (int) (i % run.targets().size());
        intended = run.intendedStart(i);
        if (intended >= 0 && intended - System.nanoTime() > 0) {
            state = State.WAITING;
            loop.await(this);
        } else {
            begin();
        }
    }

    /** Sends the claimed request now. */
    void begin() {
        send = System.nanoTime();
        deadline = send + timeoutNanos;
        retried = false;
        loop.noteDeadline(deadline);
        loop.requestStarted();
        InetSocketAddress address = loop.address(target);
        if (address == null) {
            fail(ErrorKind.DNS, "Host name could not be resolved");
            return;
        }
        out.clear();
        out.put(loop.head(target)).flip();
        parser.reset(headRequest, MAX_BODY_BYTES);
        if (channel != null && endpoint != loop.endpoint(target)) {
            closeChannel();
        }
        if (channel == null) {
            connect(address);
        } else {
            write();
        }
    }

    long intended() {
        return intended;
    }

    long deadline() {
        return deadline;
    }

    boolean inFlight() {
        return state == State.CONNECTING || state == State.WRITING || state == State.READING;
    }

    /** The selector reports the socket ready. */
    void onReady(SelectionKey k) {
        if (k != key || !k.isValid()) {
            return; // an event for a socket this connection has already closed
        }
        switch (state) {
            case CONNECTING -> finishConnect();
            case WRITING -> write();
            case READING -> read();
            // An idle kept-alive socket became readable: the server closed it (or sent junk).
            default -> closeChannel();
        }
    }

    /** The deadline has passed: fails the request in flight. */
    void expire() {
        if (state == State.CONNECTING) {
            fail(ErrorKind.CONNECT_TIMEOUT, "Timed out while connecting");
        } else {
            fail(ErrorKind.TIMEOUT, "No complete response within the timeout");
        }
    }

    /** Closes the socket without recording anything (the run was stopped). */
    void abandon() {
        closeChannel();
        state = State.RETIRED;
    }

    private void connect(InetSocketAddress address) {
        state = State.CONNECTING;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            endpoint = loop.endpoint(target);
            served = 0;
            boolean connected = channel.connect(address);
            interest = connected ? 0 : SelectionKey.OP_CONNECT;
            key = channel.register(loop.selector(), interest, this);
            if (connected) {
                write();
            }
        } catch (IOException e) {
            failConnect(e);
        }
    }

    private void finishConnect() {
        try {
            if (!channel.finishConnect()) {
                return;
            }
        } catch (IOException e) {
            failConnect(e);
            return;
        }
        write();
    }

    private void write() {
        try {
            channel.write(out);
        } catch (IOException e) {
            failIo("Connection reset by the server");
            return;
        }
        if (out.hasRemaining()) {
            state = State.WRITING;
            interest(SelectionKey.OP_WRITE);
        } else {
            state = State.READING;
            interest(SelectionKey.OP_READ);
        }
    }

    private void read() {
        ByteBuffer buf = loop.readBuffer();
        while (true) {
            buf.clear();
            int n;
            try {
                n = channel.read(buf);
            } catch (IOException e) {
                failIo("Connection reset by the server");
                return;
            }
            if (n < 0) {
                try {
                    parser.endOfStream();
                } catch (EOFException e) {
                    failIo(e.getMessage());
                    return;
                }
                complete(true);
                return;
            }
            if (n == 0) {
                return;
            }
            int used;
            try {
                used = parser.feed(buf.array(), buf.arrayOffset(), n);
            } catch (IOException e) {
                fail(ErrorKind.IO, String.valueOf(e.getMessage()));
                return;
            }
            if (parser.complete()) {
                // Bytes after the response were not asked for: do not trust the socket again.
                complete(used < n);
                return;
            }
            if (n < buf.capacity()) {
                return; // the kernel had no more; wait for the next event
            }
        }
    }

    private void complete(boolean mustClose) {
        long done = System.nanoTime();
        served++;
        if (mustClose || !keepAlive || parser.closeAfter()) {
            closeChannel();
        }
        state = State.IDLE;
        loop.requestEnded();
        run.record(seq, intended, send, done, parser.status(), null, "", parser.bodyBytes(), 0);
        next();
    }

    /**
     * The socket failed after it was connected. A reused socket that breaks before any byte of
     * the answer was most likely closed by the server while idle: retry once on a new one.
     */
    private void failIo(String message) {
        if (served > 0 && !retried && !parser.anyByte() && !run.stopping()
                && System.nanoTime() - deadline < 0) {
            closeChannel();
            retried = true;
            out.rewind();
            parser.reset(headRequest, MAX_BODY_BYTES);
            connect(loop.address(target));
            return;
        }
        fail(ErrorKind.RESET, message);
    }

    private void failConnect(IOException e) {
        String msg = String.valueOf(e.getMessage());
        if (e instanceof ConnectException) {
            boolean refused = msg.toLowerCase(Locale.ROOT).contains("refused");
            fail(refused ? ErrorKind.REFUSED : ErrorKind.CONNECT,
                    refused ? "Connection refused" : "Could not connect: " + msg);
        } else if (e instanceof NoRouteToHostException) {
            fail(ErrorKind.CONNECT, "No route to host");
        } else if (e instanceof SocketException) {
            fail(ErrorKind.CONNECT, "Could not connect: " + msg);
        } else {
            fail(ErrorKind.IO, msg);
        }
    }

    /** Records a failed request; the next one starts on the loop's next turn. */
    private void fail(ErrorKind kind, String message) {
        long done = System.nanoTime();
        closeChannel();
        state = State.IDLE;
        loop.requestEnded();
        run.record(seq, intended, send, done, 0, kind, message, 0, 0);
        loop.schedule(this);
    }

    private void interest(int ops) {
        if (ops != interest) {
            interest = ops;
            key.interestOps(ops);
        }
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing; nothing to report
            }
            channel = null;
            key = null;
            interest = 0;
            endpoint = -1;
        }
    }
}
