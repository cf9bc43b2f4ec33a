package io.webprobe.http;

import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one HTTP/1.x response parser, incremental, used by every HTTP/1.1 engine: the ping event
 * loops feed it whatever a non-blocking read returned, the blocking {@link Http1Connection}
 * whatever a read returned. It follows the status line, the header fields that frame the body
 * (RFC 9112 section 6) and the body, in pieces of any size. The framing rules:
 * <ul>
 *   <li>interim 1xx responses are skipped; a 101 nobody asked for is an error;
 *   <li>a response to HEAD, a 204 and a 304 have no body, whatever their headers say;
 *   <li>Transfer-Encoding whose last coding is {@code chunked} frames the body in chunks
 *       (extensions and trailer fields are read and ignored); a Content-Length beside it is
 *       ignored and the connection is not reused; another final coding runs to the close;
 *   <li>Content-Length must be digits only ({@code -1}, {@code +5}, {@code 5a} are errors);
 *       repeated values (in one field or several) must agree, else it is an error;
 *   <li>with neither, the body runs until the server closes the connection;
 *   <li>HTTP/1.0 responses close the connection unless they say keep-alive; any response with
 *       {@code Connection: close} too.
 * </ul>
 * Malformed responses throw {@link ProtocolException} with a plain sentence; an end of stream
 * before the response is complete throws an {@link EOFException} saying where it broke.
 *
 * <p>By default body bytes are only counted and only the framing fields are looked at, with no
 * allocation on the usual path (lines that arrive whole are parsed where they lie; a line split
 * between reads is copied into a buffer kept for the next response). On request it also keeps
 * every header field and, when a {@link FetchRequest.BodyPolicy} says so, the body (in memory
 * up to {@link ResponseBody#IN_MEMORY}, beyond in a temporary file: {@link BodyBuffer}).
 *
 * <p>Not thread-safe: one parser per connection, used by one thread at a time.
 */
public final class Http1ResponseParser {
    /**
     * Most bytes a response's head may take: its status line and header fields with their line
     * ends, any one line as long as it fits, and as many fields as fit (the trailer fields
     * after a chunked body have as much again). The only limit on the head, as in the readers
     * users compare us with, none of which counts fields: Chrome takes 256 KB of headers, curl
     * 100 KB per header line and 300 KB in all (since 8.3.0), Go's client 10 MB and
     * java.net.http 384 KB. Chrome's figure, the smallest, so a head a browser reads is read
     * here too: a 60 KB Content-Security-Policy or cookie, or 1,000 fields, is no error. What a
     * parser holds stays bounded by it (a line split between reads is copied, at most this
     * long; fields kept on request are at most this many bytes of text).
     */
    public static final int MAX_HEAD = 256 * 1024;
    /** Longest chunk-size line accepted (a size in hex, perhaps extensions). */
    public static final int MAX_CHUNK_LINE = 16 * 1024;
    /** The sentence of a response whose head is over {@link #MAX_HEAD}. */
    public static final String HEADERS_TOO_LARGE = ErrorClassifier.headersTooLarge(MAX_HEAD);
    /** A line buffer grown beyond this for one large response is let go at the next. */
    private static final int KEPT_LINE_BUFFER = 16 * 1024;

    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CONNECTION = ascii("connection");
    private static final byte[] CONTENT_TYPE = ascii("content-type");
    private static final byte[] CHUNKED = ascii("chunked");
    private static final byte[] CLOSE = ascii("close");
    private static final byte[] KEEP_ALIVE = ascii("keep-alive");

    private enum State { STATUS, HEADERS, LENGTH_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS,
        CLOSE_BODY, DONE }

    private State state = State.DONE;
    private boolean headRequest;
    private long maxBody;
    private boolean keepHeaders;
    private FetchRequest.BodyPolicy bodyPolicy;
    private int status;
    private long contentLength;
    private String badContentLength;
    private boolean transferEncoding;
    private boolean chunked;
    private boolean close;
    private boolean keepAliveHeader;
    private boolean http10;
    /** Bytes of the head (or trailer section) read so far, in lines complete. */
    private int headBytes;
    private long remaining;
    private long bodyBytes;
    private boolean truncated;
    private boolean anyByte;
    private String contentType = "";
    /** The fields of the head being read, kept on request. */
    private final ResponseHeaders.Builder fields = new ResponseHeaders.Builder();
    /** Whether the last field line was kept in {@link #fields}: a folded line continues it. */
    private boolean lastKept;
    /** The kept fields of the head read, once asked for; null before. */
    private ResponseHeaders headers;
    /** The kept body, or null when the body is not kept (or was handed over). */
    private BodyBuffer body;
    /** A line split between reads: lineBuf[0..lineLen). */
    private byte[] lineBuf = new byte[256];
    private int lineLen;

    /**
     * Prepares for the response to a new request; body bytes are counted, not kept, and only the
     * framing fields are read.
     *
     * @param head whether the request was HEAD (the response has no body)
     * @param maxBodyBytes body bytes to read at most; a longer body is cut short (truncated,
     *     and the connection must not be reused)
     */
    public void reset(boolean head, long maxBodyBytes) {
        reset(head, maxBodyBytes, false, null);
    }

    /**
     * Prepares for the response to a new request.
     *
     * @param head whether the request was HEAD (the response has no body)
     * @param maxBodyBytes body bytes to read at most (see {@link #reset(boolean, long)})
     * @param keepHeaderFields whether to keep every header field ({@link #headers()})
     * @param keepBody decides from the status and Content-Type whether to keep the body
     *     ({@link #body()}); null keeps none. Needs {@code keepHeaderFields} for the type.
     */
    public void reset(boolean head, long maxBodyBytes, boolean keepHeaderFields,
            FetchRequest.BodyPolicy keepBody) {
        headRequest = head;
        maxBody = maxBodyBytes;
        keepHeaders = keepHeaderFields;
        bodyPolicy = keepBody;
        state = State.STATUS;
        status = 0;
        bodyBytes = 0;
        truncated = false;
        anyByte = false;
        lineLen = 0;
        if (lineBuf.length > KEPT_LINE_BUFFER) {
            lineBuf = new byte[256]; // one response's large head is not held for the next
        }
        discardBody();
        resetHead();
    }

    private void resetHead() {
        contentLength = -1;
        badContentLength = null;
        transferEncoding = false;
        chunked = false;
        close = false;
        keepAliveHeader = false;
        http10 = false;
        headBytes = 0;
        contentType = "";
        fields.clear();
        headers = null;
    }

    /**
     * Consumes response bytes {@code b[off..off+len)} and stops at the end of the response.
     *
     * @return how many bytes were consumed (fewer than {@code len} only when the response
     *     ended before them)
     * @throws ProtocolException when the response is malformed (the message says how)
     */
    public int feed(byte[] b, int off, int len) throws IOException {
        int p = off;
        int end = off + len;
        if (len > 0) {
            anyByte = true;
        }
        while (p < end && state != State.DONE) {
            switch (state) {
                case LENGTH_BODY, CHUNK_DATA -> {
                    int n = take(b, p, Math.min(remaining, end - p));
                    p += n;
                    remaining -= n;
                    if (remaining == 0) {
                        state = state == State.LENGTH_BODY ? State.DONE : State.CHUNK_END;
                    }
                }
                case CLOSE_BODY -> p += take(b, p, end - p);
                default -> p = line(b, p, end);
            }
        }
        return p - off;
    }

    /** Counts (and keeps) up to {@code available} body bytes, stopping at the cap. */
    private int take(byte[] b, int from, long available) {
        long room = maxBody - bodyBytes;
        if (room <= 0) {
            truncated = true;
            close = true; // the rest is still on the wire
            state = State.DONE;
            return 0;
        }
        int n = (int) Math.min(available, room);
        if (body != null) {
            body.write(b, from, n);
            truncated |= body.cut();
        }
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
        int length = lineLen + nl + 1 - p; // with its line end
        if (length > room()) {
            throw tooLong();
        }
        if (state == State.STATUS || state == State.HEADERS || state == State.TRAILERS) {
            headBytes += length;
        }
        if (lineLen == 0) {
            onLine(b, p, stripCr(b, p, nl));
        } else {
            copy(b, p, nl - p);
            int n = lineLen;
            lineLen = 0;
            onLine(lineBuf, 0, stripCr(lineBuf, 0, n));
        }
        return nl + 1;
    }

    /** How many more bytes the line being read may take. */
    private int room() {
        return switch (state) {
            case STATUS, HEADERS, TRAILERS -> MAX_HEAD - headBytes;
            default -> MAX_CHUNK_LINE;
        };
    }

    /** How a failure of a chunked body begins, in words a site's owner knows. */
    static final String MALFORMED_BODY = "The server's response body is malformed: ";
    /** How the failure of a first line that is not HTTP/1.x begins (the line follows). */
    static final String NOT_HTTP = "The server did not answer with HTTP/1.x: ";
    /** How the failure of an HTTP/1.x status line without a status begins (the line follows). */
    static final String BAD_STATUS_LINE = "Invalid HTTP status line: ";
    /** The failure of a 101 answer to a request that asked for no upgrade. */
    static final String SWITCHED_PROTOCOLS =
            "The server switched protocols (101) though no upgrade was asked for";

    /** The failure of a line beyond {@link #room()}, in words a site's owner knows. */
    private ProtocolException tooLong() {
        return new ProtocolException(switch (state) {
            case STATUS, HEADERS -> HEADERS_TOO_LARGE;
            case TRAILERS -> "The trailer fields at the end of the server's response are too"
                    + " large (over " + MAX_HEAD / 1024 + " KB)";
            default -> MALFORMED_BODY + "a chunk size line is over "
                    + MAX_CHUNK_LINE / 1024 + " KB";
        });
    }

    private static int stripCr(byte[] b, int from, int to) {
        return to > from && b[to - 1] == '\r' ? to - 1 : to;
    }

    /** Keeps a part of a line split between reads, within {@link #room()}. */
    private void append(byte[] b, int from, int n) throws IOException {
        if (lineLen + n > room()) {
            throw tooLong();
        }
        copy(b, from, n);
    }

    /** Keeps a part of a line split between reads (its length checked already). */
    private void copy(byte[] b, int from, int n) {
        if (lineLen + n > lineBuf.length) {
            lineBuf = Arrays.copyOf(lineBuf,
                    Math.min(MAX_HEAD, Math.max(lineLen + n, lineBuf.length * 2)));
        }
        System.arraycopy(b, from, lineBuf, lineLen, n);
        lineLen += n;
    }

    /** One complete line b[from..to), without CR LF. */
    private void onLine(byte[] b, int from, int to) throws IOException {
        switch (state) {
            case STATUS -> statusLine(b, from, to);
            case HEADERS -> {
                if (from == to) {
                    endOfHead();
                } else {
                    header(b, from, to);
                }
            }
            case CHUNK_SIZE -> chunkSize(b, from, to);
            case CHUNK_END -> {
                if (from != to) {
                    throw new ProtocolException(MALFORMED_BODY + "a chunk is longer than its"
                            + " size says");
                }
                state = State.CHUNK_SIZE;
            }
            case TRAILERS -> {
                if (from == to) {
                    state = State.DONE; // trailer fields are ignored
                }
            }
            default -> throw new IllegalStateException("no line expected in " + state);
        }
    }

    /** {@code HTTP/1.x SP 3DIGIT [SP reason]}. */
    private void statusLine(byte[] b, int from, int to) throws IOException {
        if (to - from < 5 || !AsciiBytes.startsWith(b, from, to, "HTTP/")) {
            throw new ProtocolException(NOT_HTTP + text(b, from, to));
        }
        if (to - from < 8 || !AsciiBytes.startsWith(b, from, to, "HTTP/1.") || !isDigit(b[from + 7])) {
            throw new ProtocolException(NOT_HTTP + text(b, from, to));
        }
        int c = from + 8;
        if (to - c < 4 || b[c] != ' ' || (to - c > 4 && b[c + 4] != ' ')) {
            throw new ProtocolException(BAD_STATUS_LINE + text(b, from, to));
        }
        int code = 0;
        for (int i = c + 1; i < c + 4; i++) {
            if (!isDigit(b[i])) {
                throw new ProtocolException(BAD_STATUS_LINE + text(b, from, to));
            }
            code = code * 10 + (b[i] - '0');
        }
        if (code < 100) {
            throw new ProtocolException(BAD_STATUS_LINE + text(b, from, to));
        }
        status = code;
        http10 = b[from + 7] == '0';
        state = State.HEADERS;
        lastKept = false;
    }

    private void header(byte[] b, int from, int to) {
        if (isSpace(b[from])) {
            // an obsolete folded continuation line (obs-fold): nothing that frames the body;
            // a field kept goes on after one space, as RFC 9112 5.2 asks of a user agent and
            // as Chrome and java.net.http read it (Location: /a CRLF TAB b is "/a b")
            if (keepHeaders && lastKept) {
                int v = skipSpaces(b, from, to);
                fields.continueLast(b, v, trimEnd(b, v, to));
            }
            return;
        }
        lastKept = false;
        int colon = indexOf(b, from, to, (byte) ':');
        if (colon == to || colon == from) {
            return; // tolerate junk lines, as browsers do
        }
        int nameEnd = trimEnd(b, from, colon);
        int v = skipSpaces(b, colon + 1, to);
        int vEnd = trimEnd(b, v, to);
        if (nameIs(b, from, nameEnd, CONTENT_LENGTH)) {
            contentLength(b, v, vEnd);
        } else if (nameIs(b, from, nameEnd, TRANSFER_ENCODING)) {
            transferEncoding = true;
            chunked = lastTokenIs(b, v, vEnd, CHUNKED); // the last field's last coding decides
        } else if (nameIs(b, from, nameEnd, CONNECTION)) {
            close |= contains(b, v, vEnd, CLOSE);
            keepAliveHeader |= contains(b, v, vEnd, KEEP_ALIVE);
        } else if (keepHeaders && nameIs(b, from, nameEnd, CONTENT_TYPE) && contentType.isEmpty()) {
            contentType = new String(b, v, vEnd - v, StandardCharsets.ISO_8859_1);
        }
        if (keepHeaders) {
            lastKept = fields.add(b, from, nameEnd, v, vEnd);
        }
    }

    /** One Content-Length field: a comma-separated list of equal digit strings. */
    private void contentLength(byte[] b, int from, int to) {
        int p = from;
        do {
            int comma = indexOf(b, p, to, (byte) ',');
            int s = skipSpaces(b, p, comma);
            long n = digits(b, s, trimEnd(b, s, comma), 10);
            if (n < 0) {
                badContentLength = badContentLength != null ? badContentLength
                        : "Invalid Content-Length: " + (from == to ? "(empty)" : text(b, from, to));
            } else if (contentLength >= 0 && n != contentLength) {
                badContentLength = badContentLength != null ? badContentLength
                        : "The response has two different Content-Length values ("
                                + contentLength + " and " + n + ")";
            } else {
                contentLength = n;
            }
            p = comma + 1;
        } while (p <= to);
    }

    /**
     * The length a Content-Length value gives, by the codec's one rule (above: a
     * comma-separated list of equal digit strings, RFC 9110 8.6; no sign, no other text), for
     * the engines that do not frame their responses with this parser.
     *
     * @return the length, or -1 when the value is empty, not such a list, or lists different
     *     lengths (the caller decides whether that is unknown or the server's error)
     */
    public static long contentLength(String value) {
        Http1ResponseParser one = new Http1ResponseParser();
        one.contentLength = -1;
        byte[] b = value.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        one.contentLength(b, 0, b.length);
        return one.badContentLength != null ? -1 : one.contentLength;
    }

    /**
     * What is wrong with a response's Content-Length fields (each value as received), in the
     * sentence this parser fails such a response with; null when they agree on one length.
     */
    static String contentLengthProblem(java.util.List<String> values) {
        Http1ResponseParser one = new Http1ResponseParser();
        one.contentLength = -1;
        for (String value : values) {
            byte[] b = value.getBytes(StandardCharsets.ISO_8859_1);
            one.contentLength(b, 0, b.length);
        }
        return one.badContentLength;
    }

    private void endOfHead() throws IOException {
        if (status >= 100 && status < 200) {
            if (status == 101) {
                throw new ProtocolException(SWITCHED_PROTOCOLS);
            }
            resetHead(); // an interim response; the real one follows
            state = State.STATUS;
            return;
        }
        if (http10 && !keepAliveHeader) {
            close = true;
        }
        if (headRequest || status == 204 || status == 304) {
            state = State.DONE;
            return;
        }
        if (bodyPolicy != null && bodyPolicy.keep(status, contentType)) {
            long expected = !transferEncoding && contentLength >= 0 ? contentLength : -1;
            body = new BodyBuffer(expected < 0 ? -1 : Math.min(expected, maxBody));
        }
        if (transferEncoding) {
            if (contentLength >= 0 || badContentLength != null) {
                close = true; // both framings: a smuggling risk, never reuse the connection
            }
            if (chunked) {
                state = State.CHUNK_SIZE;
            } else {
                close = true; // an unknown final coding runs to the close
                state = State.CLOSE_BODY;
            }
        } else if (badContentLength != null) {
            throw new ProtocolException(badContentLength);
        } else if (contentLength >= 0) {
            remaining = contentLength;
            state = remaining == 0 ? State.DONE : State.LENGTH_BODY;
        } else {
            close = true; // the body ends when the server closes the connection
            state = State.CLOSE_BODY;
        }
    }

    private void chunkSize(byte[] b, int from, int to) throws IOException {
        int end = indexOf(b, from, to, (byte) ';'); // chunk extensions are ignored
        int s = skipSpaces(b, from, end);
        long size = digits(b, s, trimEnd(b, s, end), 16);
        if (size < 0) {
            // "Invalid chunk size: zz" was the parser's word, not one a site's owner knows
            throw new ProtocolException(MALFORMED_BODY + "'" + text(b, from, to) + "' is not "
                    + "a chunk size (Transfer-Encoding: chunked)");
        }
        if (size == 0) {
            headBytes = 0;
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
    public void endOfStream() throws EOFException {
        switch (state) {
            case DONE -> { }
            case CLOSE_BODY -> state = State.DONE;
            case LENGTH_BODY, CHUNK_DATA -> throw new ErrorClassifier.ServerClosedException(
                    ErrorClassifier.CLOSED_IN_BODY);
            default -> throw new ErrorClassifier.ServerClosedException(anyByte
                    ? "The server closed the connection in the middle of the response"
                    : "The server closed the connection without answering");
        }
    }

    /** Whether the whole response has been read. */
    public boolean complete() {
        return state == State.DONE;
    }

    /** Whether any byte of the response has arrived. */
    public boolean anyByte() {
        return anyByte;
    }

    /** The final status code (0 before the status line). */
    public int status() {
        return status;
    }

    /**
     * The version the final status line gave: {@link HttpVersion#HTTP_1_0} for
     * {@code HTTP/1.0}, else {@link HttpVersion#HTTP_1_1} (also before the status line).
     */
    public HttpVersion version() {
        return http10 ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
    }

    /** Body bytes received so far. */
    public long bodyBytes() {
        return bodyBytes;
    }

    /** Whether the body was cut at the cap (or, when kept, where it could no longer be kept). */
    public boolean truncated() {
        return truncated;
    }

    /** Whether the connection must be closed after this response. */
    public boolean closeAfter() {
        return close;
    }

    /**
     * The final response's header fields, names in lower case (kept only on request; a field
     * whose name holds a character HTTP does not allow is not: nothing a browser reads).
     */
    public ResponseHeaders headers() {
        if (headers == null) {
            headers = fields.build();
        }
        return headers;
    }

    /** The first value of a kept header field, or "" (kept only on request). */
    public String header(String lowerCaseName) {
        return headers().first(lowerCaseName);
    }

    /** The Content-Type field, or "" (read only when header fields are kept). */
    public String contentType() {
        return contentType;
    }

    /**
     * The body as received (still content-encoded), or null when it was not kept. Hands it
     * over: the caller closes it, and a second call gives null.
     */
    public ResponseBody body() {
        if (body == null) {
            return null;
        }
        ResponseBody b = body.finish();
        body = null;
        return b;
    }

    /** Drops a body collected and not handed over (a response that failed half-way). */
    public void discardBody() {
        if (body != null) {
            body.discard();
            body = null;
        }
    }

    // ---- byte helpers ----

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t';
    }

    /** The first index of b[from..to) past its leading spaces and tabs (HTTP's OWS), or to. */
    private static int skipSpaces(byte[] b, int from, int to) {
        while (from < to && isSpace(b[from])) {
            from++;
        }
        return from;
    }

    /** The end of b[from..to) before its trailing spaces and tabs, at least from. */
    private static int trimEnd(byte[] b, int from, int to) {
        while (to > from && isSpace(b[to - 1])) {
            to--;
        }
        return to;
    }

    /** The index of the first {@code c} in b[from..to), or to. */
    private static int indexOf(byte[] b, int from, int to, byte c) {
        while (from < to && b[from] != c) {
            from++;
        }
        return from;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
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

    private static boolean nameIs(byte[] b, int from, int to, byte[] lower) {
        if (to - from != lower.length) {
            return false;
        }
        for (int i = 0; i < lower.length; i++) {
            byte c = b[from + i];
            if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != lower[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the comma-separated list b[from..to) has {@code lower} as a token (any case). */
    private static boolean contains(byte[] b, int from, int to, byte[] lower) {
        int p = from;
        while (p < to) {
            int comma = indexOf(b, p, to, (byte) ',');
            int s = skipSpaces(b, p, comma);
            if (nameIs(b, s, trimEnd(b, s, comma), lower)) {
                return true;
            }
            p = comma + 1;
        }
        return false;
    }

    /** Whether the last token of the comma-separated list b[from..to) is {@code lower}. */
    private static boolean lastTokenIs(byte[] b, int from, int to, byte[] lower) {
        int s = to;
        while (s > from && b[s - 1] != ',') {
            s--;
        }
        s = skipSpaces(b, s, to);
        int semi = indexOf(b, s, to, (byte) ';'); // transfer-coding parameters
        return nameIs(b, s, trimEnd(b, s, semi), lower);
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
