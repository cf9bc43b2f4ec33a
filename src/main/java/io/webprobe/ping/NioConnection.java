package io.webprobe.ping;

import io.webprobe.http.ErrorClassifier;
import io.webprobe.http.Http1ResponseParser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One unit of concurrency of the event-loop engine: a non-blocking HTTP/1.1 connection, plain
 * or TLS ({@link TlsLayer}), that carries one request after another. Its state machine:
 *
 * <pre>
 *   next ──claim──▶ (WAITING until the intended start, open loop) ──▶ begin
 *   begin ──▶ (GATED, https: until the endpoint's first handshake ended, see NioTargets)
 *         ──▶ CONNECTING (new socket, or the endpoint changed) ──▶ (HANDSHAKING, https)
 *         ──▶ WRITING ──▶ READING
 *   READING ──complete──▶ record, next     any failure ──▶ record, next (on the next turn)
 *   a connect refused at once (closed loop for a duration) ──▶ record, (WAITING, paced) ──▶ next
 *   next ──nothing left to claim──▶ RETIRED
 * </pre>
 *
 * The socket (and its TLS session) stays open between requests unless keep-alive is off or the
 * response says so; a reused socket that the server has closed before the first byte of the
 * answer is replaced once, transparently, as {@code Http1Probe} does. Responses are read by the
 * shared {@link Http1ResponseParser}; failures get their kind and sentence from the shared
 * {@link ErrorClassifier}, so both engines report alike.
 *
 * <p>Not thread-safe: owned by one {@link NioLoop} and used only on its thread.
 */
final class NioConnection {

    private enum State { IDLE, WAITING, GATED, CONNECTING, HANDSHAKING, WRITING, READING, RETIRED }

    private final NioLoop loop;
    private final PingRun run;
    private final NioTargets targets;
    private final Http1ResponseParser parser = new Http1ResponseParser();
    /** The request being written (direct: the kernel reads it without a copy). */
    private final ByteBuffer out;
    private final boolean headRequest;
    private final boolean keepAlive;
    private final long timeoutNanos;
    /** How long an address may take to connect ({@link PingPlan#connectTimeoutInUse}). */
    private final long connectNanos;

    private State state = State.IDLE;
    private SocketChannel channel;
    private TlsLayer tls;
    /** Which of the endpoint's addresses is being connected to, and the first refusal. */
    private int firstAddress;
    private int attempt;
    private SocketException firstRefusal;
    private SelectionKey key;
    private int interest;
    private int endpoint = -1;
    /** Requests completed on the current socket. */
    private int served;

    // the request in flight
    private long seq;
    private int target;
    private final int slot;
    private long intended;
    private long send;
    private long deadline;
    /** While {@link State#CONNECTING}: when the address tried gives up, if before the deadline. */
    private long connectDeadline;
    private boolean retried;
    /** This connection makes its endpoint's first TLS handshake. */
    private boolean pioneer;
    /** WAITING after a failure ({@link PingRun#pauseAfter}), not for an intended start. */
    private boolean paced;

    /**
     * @param slot this connection's number in the run (0 to concurrency - 1), which keeps it to
     *     one URL when the run has no more URLs than connections ({@link PingRun#claim(int)})
     */
    NioConnection(NioLoop loop, PingRun run, NioTargets targets, int slot) {
        this.slot = slot;
        this.loop = loop;
        this.run = run;
        this.targets = targets;
        this.out = ByteBuffer.allocateDirect(targets.maxHeadBytes());
        this.headRequest = run.plan().method().equals("HEAD");
        this.keepAlive = run.plan().keepAlive();
        this.timeoutNanos = run.plan().timeout().toNanos();
        this.connectNanos = run.plan().connectTimeoutInUse().toNanos();
    }

    /** Claims the next request: sends it, waits for its intended start, or retires. */
    void next() {
        long i = run.claim(slot);
        if (i < 0) {
            closeChannel();
            state = State.RETIRED;
            loop.retired();
            return;
        }
        seq = i;
        target = run.targetIndex(i);
        intended = run.intendedStart(i);
        if (intended >= 0 && intended - run.now() > 0) {
            state = State.WAITING;
            loop.await(this);
        } else {
            begin();
        }
    }

    /** Sends the claimed request now. */
    void begin() {
        send = run.now();
        run.sending(seq, intended, send);
        deadline = send + timeoutNanos;
        retried = false;
        loop.noteDeadline(deadline);
        loop.requestStarted();
        ErrorClassifier.Classified problem = targets.setupProblem(target);
        if (problem != null) {
            fail(problem);
            return;
        }
        if (targets.address(target) == null) {
            ErrorClassifier.Classified why = targets.unusable(target);
            fail(why != null ? why : ErrorClassifier.dnsFailure());
            return;
        }
        out.clear();
        out.put(targets.head(target)).flip();
        parser.reset(headRequest, PingPlan.MAX_BODY_BYTES);
        if (channel != null && endpoint != targets.endpoint(target)) {
            closeChannel();
        }
        if (channel == null) {
            openOrWait();
        } else {
            write();
        }
    }

    private void openOrWait() {
        if (targets.tls(target)) {
            NioTargets.Gate gate = targets.handshakeGate(target, run.now());
            if (gate == NioTargets.Gate.WAIT) {
                state = State.GATED;
                loop.gate(this);
                return;
            }
            pioneer = gate == NioTargets.Gate.PIONEER;
        }
        connect();
    }

    /** The time {@link #intended()} has come: the paced connection claims, else it sends. */
    void due() {
        if (paced) {
            paced = false;
            state = State.IDLE;
            next();
        } else {
            begin();
        }
    }

    /** Whether this connection waits for its endpoint's first handshake. */
    boolean gated() {
        return state == State.GATED;
    }

    /** The loop checks a gated connection: it goes on once the gate is open. */
    void retryGate() {
        if (state == State.GATED) {
            openOrWait();
        }
    }

    long intended() {
        return intended;
    }

    /** When the request in flight fails: its deadline, or sooner while its connection opens. */
    long deadline() {
        return state == State.CONNECTING && connectDeadline - deadline < 0 ? connectDeadline
                : deadline;
    }

    boolean inFlight() {
        return state == State.GATED || state == State.CONNECTING || state == State.HANDSHAKING
                || state == State.WRITING || state == State.READING;
    }

    /** The selector reports the socket ready. */
    void onReady(SelectionKey k) {
        if (k != key || !k.isValid()) {
            return; // an event for a socket this connection has already closed
        }
        switch (state) {
            case CONNECTING -> finishConnect();
            case HANDSHAKING -> handshake();
            case WRITING -> write();
            case READING -> read();
            // An idle kept-alive socket became readable: the server closed it (or sent junk).
            default -> closeChannel();
        }
    }

    /** The deadline has passed: fails the request in flight. */
    void expire() {
        fail(state == State.CONNECTING ? ErrorClassifier.connectTimeout()
                : ErrorClassifier.timedOut(run.plan().timeout()));
    }

    /** Closes the socket without recording anything (the run was stopped). */
    void abandon() {
        endPioneer();
        closeChannel();
        state = State.RETIRED;
    }

    /** A new socket to the endpoint's preferred address (the next ones if it refuses). */
    private void connect() {
        attempt = 0;
        firstAddress = targets.preferred(target);
        firstRefusal = null;
        open(targets.address(target, firstAddress, 0));
    }

    private void open(InetSocketAddress address) {
        state = State.CONNECTING;
        connectDeadline = run.now() + connectNanos;
        loop.noteDeadline(deadline());
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            endpoint = targets.endpoint(target);
            served = 0;
            boolean connected = channel.connect(address);
            interest = connected ? 0 : SelectionKey.OP_CONNECT;
            key = channel.register(loop.selector(), interest, this);
            if (connected) {
                connected();
            }
        } catch (SocketException e) {
            refused(e);
        } catch (IOException e) {
            fail(ErrorClassifier.classify(e));
        }
    }

    private void finishConnect() {
        try {
            if (!channel.finishConnect()) {
                return;
            }
        } catch (SocketException e) {
            refused(e);
            return;
        } catch (IOException e) {
            fail(ErrorClassifier.classify(e));
            return;
        }
        connected();
    }

    /**
     * The address refused the connection or cannot be reached (no IPv6 here): the endpoint's
     * next address, as a browser does ({@code localhost} is 127.0.0.1 and ::1); the first
     * address's failure when none is left.
     */
    private void refused(SocketException e) {
        if (firstRefusal == null) {
            firstRefusal = e;
        }
        InetSocketAddress next = run.stopping() ? null
                : targets.address(target, firstAddress, attempt + 1);
        if (next == null) {
            fail(ErrorClassifier.classify(firstRefusal));
            return;
        }
        closeChannel();
        attempt++;
        open(next);
    }

    private void connected() {
        targets.connected(target, firstAddress + attempt);
        if (!targets.tls(target)) {
            write();
            return;
        }
        try {
            // made only now: a native engine holds two more open files (TlsTrust), which a
            // socket that never connects need not take
            tls = TlsLayer.start(() -> targets.newTlsEngine(target));
        } catch (IOException e) {
            fail(ErrorClassifier.classify(e));
            return;
        }
        state = State.HANDSHAKING;
        handshake();
    }

    private void handshake() {
        int wait;
        try {
            wait = tls.handshake(channel);
        } catch (IOException | RuntimeException e) {
            fail(ErrorClassifier.classify(e));
            return;
        }
        if (wait != 0) {
            interest(wait);
        } else {
            if (pioneer) {
                targets.handshakeDone(target, run.now());
            }
            write();
        }
    }

    private void write() {
        boolean all;
        try {
            if (tls == null) {
                channel.write(out);
                all = !out.hasRemaining();
            } else {
                all = tls.write(channel, out);
            }
        } catch (IOException e) {
            failIo(e);
            return;
        }
        if (!all) {
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
                n = tls == null ? channel.read(buf) : tls.read(channel, buf);
            } catch (IOException e) {
                failIo(e);
                return;
            }
            if (n < 0) {
                try {
                    parser.endOfStream();
                } catch (IOException e) {
                    failIo(e);
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
                fail(ErrorClassifier.classify(e));
                return;
            }
            if (parser.complete()) {
                // Bytes after the response were not asked for: do not trust the socket again.
                complete(used < n);
                return;
            }
            if (n < buf.capacity() && tls == null) {
                return; // the kernel had no more; wait for the next event
            }
        }
    }

    private void complete(boolean mustClose) {
        // The first answer is in: on TLS 1.3 the session ticket came before it, so the
        // connections waiting at the gate can now resume this session.
        endPioneer();
        long done = run.now();
        served++;
        if (mustClose || !keepAlive || parser.closeAfter()) {
            closeChannel();
        }
        state = State.IDLE;
        loop.requestEnded();
        run.record(loop.ring(), seq, intended, send, done, parser.status(), null, "",
                parser.bodyBytes(), 0, parser.version());
        next();
    }

    /**
     * The socket failed after it was connected. A reused socket that breaks before any byte of
     * the answer was most likely closed by the server while idle: retry once on a new one.
     */
    private void failIo(IOException e) {
        if (served > 0 && !retried && !parser.anyByte() && !run.stopping()
                && run.now() - deadline < 0) {
            closeChannel();
            retried = true;
            out.rewind();
            parser.reset(headRequest, PingPlan.MAX_BODY_BYTES);
            connect();
            return;
        }
        fail(ErrorClassifier.classify(e));
    }

    private void endPioneer() {
        if (pioneer) {
            pioneer = false;
            targets.handshakeEnded(target);
        }
    }

    /** Records a failed request; the next one starts on the loop's next turn. */
    private void fail(ErrorClassifier.Classified failure) {
        endPioneer();
        long done = run.now();
        closeChannel();
        state = State.IDLE;
        loop.requestEnded();
        run.record(loop.ring(), seq, intended, send, done, 0, failure.kind(), failure.message(),
                0, 0);
        long until = run.pauseAfter(seq, failure.kind(), send, done, 0);
        if (until != Long.MIN_VALUE && until - done > 0) {
            // failed at once (refused...): not again before `until`, or the run would count
            // a request every few microseconds that reached no server
            paced = true;
            intended = until;
            state = State.WAITING;
            loop.await(this);
            return;
        }
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
            if (tls != null) {
                tls.close(channel, state != State.CONNECTING && state != State.HANDSHAKING);
            }
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing; nothing to report
            }
            channel = null;
            tls = null;
            key = null;
            interest = 0;
            endpoint = -1;
        }
    }
}
