package io.webprobe.http;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 connection: writes a request, reads the status line, headers and body with an
 * overall deadline enforced before every read (so a body that trickles a byte at a time still
 * times out). Used by one thread at a time; {@link #close()} may be called from any thread to
 * abort a blocked read.
 */
final class Http1Connection implements AutoCloseable {
    /** Longest status line or header line accepted. */
    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;

    /** What a response looked like, before and after its body. */
    static final class Response {
        int status;
        String contentType = "";
        String location;
        String robotsTag = "";
        long contentLength = -1;
        boolean chunked;
        boolean close;
        long size;
        byte[] body;
        boolean truncated;
        boolean anyByteRead;
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String poolKey;
    /** Read buffer: bytes buf[pos..lim) have arrived but are not consumed yet. */
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int lim;
    private long deadlineNanos;
    private int requests;

    Http1Connection(Socket socket, String poolKey) throws IOException {
        this.socket = socket;
        this.poolKey = poolKey;
        this.in = socket.getInputStream();
        this.out = new BufferedOutputStream(socket.getOutputStream(), 4 * 1024);
    }

    String poolKey() {
        return poolKey;
    }

    /** How many requests this connection has carried before the current one. */
    int requestsServed() {
        return requests;
    }

    void send(byte[] head, long deadline) throws IOException {
        this.deadlineNanos = deadline;
        requests++;
        out.write(head);
        out.flush();
    }

    /**
     * Reads one response.
     *
     * @param head true for a HEAD request (no body follows)
     * @param cap body bytes to read at most
     * @param keep decides from status and content type whether to keep the body
     */
    Response read(boolean head, long cap, FetchRequest.BodyPolicy keep, Response r)
            throws IOException {
        do {
            readHead(r);
        } while (r.status >= 100 && r.status < 200 && r.status != 101);
        boolean noBody = head || r.status == 204 || r.status == 304;
        if (!noBody) {
            readBody(r, cap, keep.keep(r.status, r.contentType));
        }
        return r;
    }

    private void readHead(Response r) throws IOException {
        String status = readLine(r);
        if (!status.startsWith("HTTP/1.")) {
            throw new IOException("The server did not answer with HTTP/1.x: " + abbreviate(status));
        }
        int sp = status.indexOf(' ');
        if (sp < 0 || status.length() < sp + 4) {
            throw new IOException("Invalid HTTP status line: " + abbreviate(status));
        }
        try {
            r.status = Integer.parseInt(status.substring(sp + 1, sp + 4));
        } catch (NumberFormatException e) {
            throw new IOException("Invalid HTTP status line: " + abbreviate(status));
        }
        boolean http10 = status.startsWith("HTTP/1.0");
        boolean keepAliveHeader = false;
        r.contentLength = -1;
        r.chunked = false;
        r.close = false;
        for (int n = 0; ; n++) {
            String line = readLine(r);
            if (line.isEmpty()) {
                break;
            }
            if (n > MAX_HEADERS) {
                throw new IOException("The response has more than " + MAX_HEADERS + " headers");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue; // tolerate junk lines, as browsers do
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (name) {
                case "content-type" -> r.contentType = value;
                case "location" -> r.location = value;
                case "x-robots-tag" ->
                        r.robotsTag = r.robotsTag.isEmpty() ? value : r.robotsTag + " | " + value;
                case "content-length" -> {
                    try {
                        r.contentLength = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new IOException("Invalid Content-Length: " + abbreviate(value));
                    }
                }
                case "transfer-encoding" ->
                        r.chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> {
                    String v = value.toLowerCase(Locale.ROOT);
                    r.close |= v.contains("close");
                    keepAliveHeader |= v.contains("keep-alive");
                }
                default -> { }
            }
        }
        if (http10 && !keepAliveHeader) {
            r.close = true;
        }
    }

    private void readBody(Response r, long cap, boolean keep) throws IOException {
        java.io.ByteArrayOutputStream kept = keep ? new java.io.ByteArrayOutputStream(
                (int) Math.min(Math.max(r.contentLength, 1024), Math.min(cap, 1 << 20))) : null;
        if (r.chunked) {
            while (true) {
                String sizeLine = readLine(r);
                int semi = sizeLine.indexOf(';');
                long chunk;
                try {
                    chunk = Long.parseLong((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine)
                            .strip(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("Invalid chunk size: " + abbreviate(sizeLine));
                }
                if (chunk == 0) {
                    while (!readLine(r).isEmpty()) {
                        // trailer fields are ignored
                    }
                    break;
                }
                if (!copy(r, chunk, cap, kept)) {
                    break;
                }
                readLine(r); // CRLF after the chunk
            }
        } else if (r.contentLength >= 0) {
            copy(r, r.contentLength, cap, kept);
        } else {
            copy(r, Long.MAX_VALUE, cap, kept); // until the server closes
            r.close = true;
        }
        if (kept != null) {
            r.body = kept.toByteArray();
        }
    }

    /** Reads n bytes (or to EOF when n is MAX_VALUE); false when the cap cut it short. */
    private boolean copy(Response r, long n, long cap, java.io.ByteArrayOutputStream kept)
            throws IOException {
        long left = n;
        while (left > 0) {
            long room = cap - r.size;
            if (room <= 0) {
                r.truncated = true;
                r.close = true; // the rest is still on the wire
                return false;
            }
            if (pos == lim && !fill()) {
                if (n == Long.MAX_VALUE) {
                    return true;
                }
                throw new EOFException("The server closed the connection in the middle of the body");
            }
            int got = (int) Math.min(Math.min(left, room), lim - pos);
            if (kept != null) {
                kept.write(buf, pos, got);
            }
            pos += got;
            r.size += got;
            left -= got;
        }
        return true;
    }

    private String readLine(Response r) throws IOException {
        StringBuilder sb = null;
        while (true) {
            if (pos == lim && !fill()) {
                throw new EOFException(r.anyByteRead
                        ? "The server closed the connection in the middle of the response"
                        : "The server closed the connection without answering");
            }
            r.anyByteRead = true;
            int start = pos;
            while (pos < lim && buf[pos] != '\n') {
                pos++;
            }
            int len = pos - start;
            if (sb == null && pos < lim) {
                pos++; // the LF
                if (len > 0 && buf[start + len - 1] == '\r') {
                    len--;
                }
                return new String(buf, start, len, StandardCharsets.ISO_8859_1);
            }
            if (sb == null) {
                sb = new StringBuilder(128);
            }
            sb.append(new String(buf, start, len, StandardCharsets.ISO_8859_1));
            if (sb.length() > MAX_LINE) {
                throw new IOException("A response line is longer than " + MAX_LINE + " bytes");
            }
            if (pos < lim) {
                pos++; // the LF
                int l = sb.length();
                if (l > 0 && sb.charAt(l - 1) == '\r') {
                    sb.setLength(l - 1);
                }
                return sb.toString();
            }
        }
    }

    /** Reads more bytes into the empty buffer; false at end of stream. */
    private boolean fill() throws IOException {
        armTimeout();
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        lim = n;
        return true;
    }

    /** Sets the socket's read timeout to what is left of the deadline. */
    private void armTimeout() throws IOException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("deadline");
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
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

    private static String abbreviate(String s) {
        String t = new String(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }
}
