package io.webprobe.http;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * One blocking HTTP/1.1 connection: writes a request, then reads the response through the
 * shared {@link Http1ResponseParser} with an overall deadline enforced before every read (so a
 * body that trickles a byte at a time still times out). Used by one thread at a time;
 * {@link #close()} may be called from any thread to abort a blocked read.
 */
final class Http1Connection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String poolKey;
    private final Http1ResponseParser parser = new Http1ResponseParser();
    private final byte[] buf = new byte[16 * 1024];
    private long deadlineNanos;
    /** Bytes came after the last response: the socket is not to be trusted again. */
    private boolean extraBytes;
    /** Whether any byte of the current request's answer has arrived. */
    private boolean answered;

    Http1Connection(Socket socket, String poolKey) throws IOException {
        this.socket = socket;
        this.poolKey = poolKey;
        this.in = socket.getInputStream();
        this.out = new BufferedOutputStream(socket.getOutputStream(), 4 * 1024);
    }

    String poolKey() {
        return poolKey;
    }

    void send(byte[] head, long deadline) throws IOException {
        this.deadlineNanos = deadline;
        answered = false;
        out.write(head);
        out.flush();
    }

    /**
     * Reads one response. The parser it returns holds the status, the header fields, the body
     * (if the policy kept it) and whether the connection may be reused; it is this connection's
     * and valid until the next call.
     *
     * @param head true for a HEAD request (no body follows)
     * @param cap body bytes to read at most
     * @param keep decides from status and content type whether to keep the body
     * @throws java.io.EOFException when the server closed the connection early
     * @throws java.net.ProtocolException when the response is malformed
     */
    Http1ResponseParser read(boolean head, long cap, FetchRequest.BodyPolicy keep)
            throws IOException {
        parser.reset(head, cap, true, keep);
        while (!parser.complete()) {
            armTimeout();
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                parser.endOfStream();
                break;
            }
            answered |= n > 0;
            int used = parser.feed(buf, 0, n);
            if (parser.complete() && used < n) {
                extraBytes = true; // not asked for: never reuse this socket
            }
        }
        return parser;
    }

    /** Whether another request may go over this connection after the last response. */
    boolean reusable() {
        return !extraBytes && !parser.closeAfter() && !socket.isClosed();
    }

    /** Whether any byte of the answer to the last request sent has arrived. */
    boolean anyByte() {
        return answered;
    }

    /** Sets the socket's read timeout to what is left of the deadline. */
    private void armTimeout() throws IOException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("deadline");
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
    }

    /** Drops a body the last response left half-read (its request failed). */
    void discardBody() {
        parser.discardBody();
    }

    boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing; nothing to report
        }
    }
}
