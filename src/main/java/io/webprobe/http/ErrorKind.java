package io.webprobe.http;

/**
 * Why a request produced no HTTP response. Shared by the crawler and the ping tester so both
 * report failures in the same words; {@link #label()} is what tables show; CSV files and the
 * crawl file keep {@link #name()}.
 */
public enum ErrorKind {
    /** The host name could not be resolved. */
    DNS("DNS lookup failed", "DNS"),
    /** The host answered the connection attempt with a refusal (nothing listens on the port). */
    REFUSED("Connection refused", "Refused"),
    /** Another failure while connecting (no route, network unreachable). */
    CONNECT("Connect failed", "Connect"),
    /**
     * The TCP connection was not established within the connect timeout. In a word "No conn",
     * not "Timeout": a narrow Errors cell then told it from a response's {@link #TIMEOUT}.
     */
    CONNECT_TIMEOUT("Connect timeout", "No conn"),
    /** The response (headers and body) did not complete within the request timeout. */
    TIMEOUT("Timeout", "Timeout"),
    /** The TLS handshake failed (no common protocol or cipher, not TLS on that port, an alert). */
    TLS("TLS handshake failed", "TLS"),
    /** The server's certificate is not trusted: self-signed, unknown authority, expired. */
    TLS_CERTIFICATE("Untrusted certificate", "No trust"),
    /**
     * The server's certificate is trusted but issued for another host name. In a word
     * "Mismatch", the label's own: "Wrong name" (84 px) read "Wrong…" in the narrowest cell.
     */
    TLS_HOSTNAME("Certificate name mismatch", "Mismatch"),
    /** The peer reset the connection mid-exchange (a TCP reset). */
    RESET("Connection reset", "Reset"),
    /**
     * The server closed the connection (cleanly, no reset) before its answer was complete:
     * without answering, or in the middle of the body.
     */
    CLOSED("Connection closed", "Closed"),
    /** More redirects than allowed. */
    TOO_MANY_REDIRECTS("Too many redirects", "Redirects"),
    /** A redirect chain came back to a URL it had already visited. */
    REDIRECT_LOOP("Redirect loop", "Loop"),
    /** The URL cannot be requested: bad syntax, unsupported scheme, missing host. */
    INVALID_URL("Invalid URL", "Invalid"),
    /** Any other I/O failure. */
    IO("I/O error", "I/O"),
    /**
     * The job was stopped before this request finished. In a word "Stopped", as the Stop button
     * that did it says: "Cancelled" (64 px) read "Cance…" in the narrowest cell.
     */
    CANCELLED("Cancelled", "Stopped");

    private final String label;
    private final String word;

    ErrorKind(String label, String word) {
        this.label = label;
        this.word = word;
    }

    /**
     * Whether the connection was lost under the request ({@link #RESET}, {@link #CLOSED}): what
     * a client may send again on a new connection when no answer had begun.
     */
    public boolean dropped() {
        return this == RESET || this == CLOSED;
    }

    /** A short human-readable name, e.g. "Connection refused". */
    public String label() {
        return label;
    }

    /**
     * Its label in a word or two, e.g. "Refused", where the label has no room (the Ping
     * table's Errors cells at the window's least width, the label whole in their tooltip):
     * each kind's its own, and short: the narrowest cell's 65 px of GTK's 13 px font show
     * every word whole, the widest "Mismatch" (63 px) and "Redirects" (61 px); at 53 px
     * "Connect" (54 px), "Wrong name", "Redirects" and "Cancelled" were cut.
     */
    public String word() {
        return word;
    }
}
