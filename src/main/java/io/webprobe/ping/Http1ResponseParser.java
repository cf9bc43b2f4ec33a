package io.webprobe.ping;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An incremental HTTP/1.x response parser for the event-loop engine. It is fed whatever a
 * non-blocking read returned, in pieces of any size, and follows the status line, the header
 * fields that frame the body (RFC 9112 section 6: Transfer-Encoding, Content-Length,
 * Connection) and the body, counting body bytes without keeping them. Interim 1xx responses
 * (other than 101) are skipped; HEAD, 204 and 304 responses have no body; a body with neither
 * length nor chunking runs to the end of the connection. The rules and the error messages are
 * those of the blocking {@code Http1Connection}.
 *
 * <p>No allocation on the usual path: lines that arrive whole are parsed where they lie; only a
 * line split between reads is copied (into a buffer kept for the next response).
 *
 * <p>Not thread-safe: one parser per connection, used by its loop thread.
 */
final class Http1ResponseParser {
    /** Longest status line or header line accepted. */
    static final int MAX_LINE = 16 * 1024;
    static final int MAX_HEADERS = 200;

    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CONNECTION = ascii("connection");
    private static final byte[] CHUNKED = ascii("chunked");
    private static final byte[] CLOSE = ascii("close");
    private static final byte[] KEEP_ALIVE = ascii("keep-alive");

    private enum State { STATUS, HEADERS, LENGTH_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS,
        CLOSE_BODY, DONE }

    private State state = State.DONE;
    private boolean headRequest;
    private long maxBody;
    private int status;
    private long contentLength;
    private boolean chunked;
    private boolean close;
    private boolean keepAliveHeader;
    private boolean http10;
    private int headers;
    private long remaining;
    private long bodyBytes;
    private boolean truncated;
    private boolean anyByte;
    /** A line split between reads: lineBuf[0..lineLen). */
    private byte[] lineBuf = new byte[256];
    private int lineLen;

    /**
     * Prepares for the response to a new request.
     *
     * @param head whether the request was HEAD (the response has no body)
     * @param maxBodyBytes body bytes to read at most; a longer body is cut short (truncated,
     *     and the connection must not be reused)
     */
    void reset(boolean head, long maxBodyBytes) {
        headRequest = head;
        maxBody = maxBodyBytes;
        state = State.STATUS;
        status = 0;
        bodyBytes = 0;
        truncated = false;
        anyByte = false;
        lineLen = 0;
        resetHead();
    }

    private void resetHead() {
        contentLength = -1;
        chunked = false;
        close = false;
        keepAliveHeader = false;
        http10 = false;
        headers = 0;
    }

    /**
     * Consumes response bytes {@code b[off..off+len)} and stops at the end of the response.
     *
     * @return how many bytes were consumed (fewer than {@code len} only when the response
     *     ended before them)
     * @throws IOException when the response is malformed (the message says how)
     */
    int feed(byte[] b, int off, int len) throws IOException {
        int p = off;
        int end = off + len;
        if (len > 0) {
            anyByte = true;
        }
        while (p < end && state != State.DONE) {
            switch (state) {
                case LENGTH_BODY, CHUNK_DATA -> {
                    int n = take(Math.min(remaining, end - p));
                    p += n;
                    remaining -= n;
                    if (remaining == 0) {
                        state = state == State.LENGTH_BODY ? State.DONE : State.CHUNK_END;
                    }
                }
                case CLOSE_BODY -> p += take(end - p);
                default -> p = line(b, p, end);
            }
        }
        return p - off;
    }

    /** Counts up to {@code available} body bytes, stopping at the cap; returns how many. */
    private int take(long available) {
        long room = maxBody - bodyBytes;
        if (room <= 0) {
            truncated = true;
            close = true; // the rest is still on the wire
            state = State.DONE;
            return 0;
        }
        int n = (int) Math.min(available, room);
        bodyBytes += n;
        return n;
    }

    /** Consumes up to and including the next LF (or everything, keeping a partial line). */
    private int line(byte[] b, int p, int end) throws IOException {
        int nl = p;
        while (nl < end && b[nl] != '\n') {
            nl++;
        }
        if (nl == end) {
            append(b, p, end - p);
            return end;
        }
        if (lineLen == 0) {
            onLine(b, p, stripCr(b, p, nl));
        } else {
            append(b, p, nl - p);
            int n = lineLen;
            lineLen = 0;
            onLine(lineBuf, 0, stripCr(lineBuf, 0, n));
        }
        return nl + 1;
    }

    private static int stripCr(byte[] b, int from, int to) {
        return to > from && b[to - 1] == '\r' ? to - 1 : to;
    }

    private void append(byte[] b, int from, int n) throws IOException {
        if (lineLen + n > MAX_LINE) {
            throw new IOException("A response line is longer than " + MAX_LINE + " bytes");
        }
        if (lineLen + n > lineBuf.length) {
            lineBuf = Arrays.copyOf(lineBuf, Math.min(MAX_LINE, Math.max(lineLen + n, lineBuf.length * 2)));
        }
        System.arraycopy(b, from, lineBuf, lineLen, n);
        lineLen += n;
    }

    /** One complete line b[from..to), without CR LF. */
    private void onLine(byte[] b, int from, int to) throws IOException {
        if (to - from > MAX_LINE) {
            throw new IOException("A response line is longer than " + MAX_LINE + " bytes");
        }
        switch (state) {
            case STATUS -> statusLine(b, from, to);
            case HEADERS -> {
                if (from == to) {
                    endOfHead();
                } else if (++headers > MAX_HEADERS + 1) {
                    throw new IOException("The response has more than " + MAX_HEADERS + " headers");
                } else {
                    header(b, from, to);
                }
            }
            case CHUNK_SIZE -> chunkSize(b, from, to);
            case CHUNK_END -> state = State.CHUNK_SIZE; // the CRLF after a chunk's data
            case TRAILERS -> {
                if (from == to) {
                    state = State.DONE; // trailer fields are ignored
                }
            }
            default -> throw new IllegalStateException("no line expected in " + state);
        }
    }

    private void statusLine(byte[] b, int from, int to) throws IOException {
        int n = to - from;
        if (n < 7 || !startsWith(b, from, to, "HTTP/1.")) {
            throw new IOException("The server did not answer with HTTP/1.x: " + text(b, from, to));
        }
        int sp = from;
        while (sp < to && b[sp] != ' ') {
            sp++;
        }
        if (sp == to || to < sp + 4) {
            throw new IOException("Invalid HTTP status line: " + text(b, from, to));
        }
        int code = 0;
        for (int i = sp + 1; i < sp + 4; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw new IOException("Invalid HTTP status line: " + text(b, from, to));
            }
            code = code * 10 + d;
        }
        status = code;
        http10 = startsWith(b, from, to, "HTTP/1.0");
        state = State.HEADERS;
    }

    private void header(byte[] b, int from, int to) throws IOException {
        int colon = from;
        while (colon < to && b[colon] != ':') {
            colon++;
        }
        if (colon == to || colon == from) {
            return; // tolerate junk lines, as browsers do
        }
        int nameEnd = colon;
        while (nameEnd > from && isSpace(b[nameEnd - 1])) {
            nameEnd--;
        }
        int v = colon + 1;
        int vEnd = to;
        while (v < vEnd && isSpace(b[v])) {
            v++;
        }
        while (vEnd > v && isSpace(b[vEnd - 1])) {
            vEnd--;
        }
        if (nameIs(b, from, nameEnd, CONTENT_LENGTH)) {
            contentLength = digits(b, v, vEnd, 10);
            if (contentLength < 0) {
                throw new IOException("Invalid Content-Length: " + text(b, v, vEnd));
            }
        } else if (nameIs(b, from, nameEnd, TRANSFER_ENCODING)) {
            chunked = contains(b, v, vEnd, CHUNKED);
        } else if (nameIs(b, from, nameEnd, CONNECTION)) {
            close |= contains(b, v, vEnd, CLOSE);
            keepAliveHeader |= contains(b, v, vEnd, KEEP_ALIVE);
        }
    }

    private void endOfHead() {
        if (status >= 100 && status < 200 && status != 101) {
            resetHead(); // an interim response; the real one follows
            state = State.STATUS;
            return;
        }
        if (http10 && !keepAliveHeader) {
            close = true;
        }
        if (headRequest || status == 204 || status == 304) {
            state = State.DONE;
        } else if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (contentLength >= 0) {
            remaining = contentLength;
            state = remaining == 0 ? State.DONE : State.LENGTH_BODY;
        } else {
            close = true; // the body ends when the server closes the connection
            state = State.CLOSE_BODY;
        }
    }

    private void chunkSize(byte[] b, int from, int to) throws IOException {
        int end = from;
        while (end < to && b[end] != ';') {
            end++; // chunk extensions are ignored
        }
        int s = from;
        while (s < end && isSpace(b[s])) {
            s++;
        }
        int e = end;
        while (e > s && isSpace(b[e - 1])) {
            e--;
        }
        long size = digits(b, s, e, 16);
        if (size < 0) {
            throw new IOException("Invalid chunk size: " + text(b, from, to));
        }
        if (size == 0) {
            state = State.TRAILERS;
        } else {
            remaining = size;
            state = State.CHUNK_DATA;
        }
    }

    /**
     * The connection reached end of stream. Completes a body that runs to the close; anything
     * else unfinished is an error.
     *
     * @throws EOFException when the response is incomplete (the message says where it broke)
     */
    void endOfStream() throws EOFException {
        switch (state) {
            case DONE -> { }
            case CLOSE_BODY -> state = State.DONE;
            case LENGTH_BODY, CHUNK_DATA -> throw new EOFException(
                    "The server closed the connection in the middle of the body");
            default -> throw new EOFException(anyByte
                    ? "The server closed the connection in the middle of the response"
                    : "The server closed the connection without answering");
        }
    }

    /** Whether the whole response has been read. */
    boolean complete() {
        return state == State.DONE;
    }

    /** Whether any byte of the response has arrived. */
    boolean anyByte() {
        return anyByte;
    }

    /** The final status code (0 before the status line). */
    int status() {
        return status;
    }

    /** Body bytes received so far. */
    long bodyBytes() {
        return bodyBytes;
    }

    /** Whether the body was cut at the cap. */
    boolean truncated() {
        return truncated;
    }

    /** Whether the connection must be closed after this response. */
    boolean closeAfter() {
        return close;
    }

    // ---- byte helpers ----

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t';
    }

    /** Non-negative number in the given radix (at most 15 digits), or -1 if not one. */
    private static long digits(byte[] b, int from, int to, int radix) {
        if (from == to || to - from > 15) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = Character.digit(b[i], radix);
            if (d < 0) {
                return -1;
            }
            v = v * radix + d;
        }
        return v;
    }

    private static boolean nameIs(byte[] b, int from, int to, byte[] lowerName) {
        if (to - from != lowerName.length) {
            return false;
        }
        for (int i = 0; i < lowerName.length; i++) {
            if (lower(b[from + i]) != lowerName[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] b, int from, int to, byte[] lowerNeedle) {
        outer:
        for (int i = from; i <= to - lowerNeedle.length; i++) {
            for (int j = 0; j < lowerNeedle.length; j++) {
                if (lower(b[i + j]) != lowerNeedle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte lower(byte c) {
        return c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
    }

    private static boolean startsWith(byte[] b, int from, int to, String prefix) {
        if (to - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** For error messages: the text, cut at 80 characters. */
    private static String text(byte[] b, int from, int to) {
        String t = new String(b, from, Math.min(to - from, 81), StandardCharsets.ISO_8859_1);
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
