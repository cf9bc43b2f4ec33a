package io.webprobe.http;

/**
 * Why a request produced no HTTP response. Shared by the crawler and the ping tester so both
 * report failures in the same words; {@link #label()} is what tables show; CSV files and the
 * crawl file keep {@link #name()}.
 */
public enum ErrorKind {
    /** The host name could not be resolved. */
    DNS("DNS lookup failed"),
    /** The host answered the connection attempt with a refusal (nothing listens on the port). */
    REFUSED("Connection refused"),
    /** Another failure while connecting (no route, network unreachable). */
    CONNECT("Connect failed"),
    /** The TCP connection was not established within the connect timeout. */
    CONNECT_TIMEOUT("Connect timeout"),
    /** The response (headers and body) did not complete within the request timeout. */
    TIMEOUT("Timeout"),
    /** The TLS handshake failed (no common protocol or cipher, not TLS on that port, an alert). */
    TLS("TLS handshake failed"),
    /** The server's certificate is not trusted: self-signed, unknown authority, expired. */
    TLS_CERTIFICATE("Untrusted certificate"),
    /** The server's certificate is trusted but issued for another host name. */
    TLS_HOSTNAME("Certificate name mismatch"),
    /** The peer reset the connection mid-exchange (a TCP reset). */
    RESET("Connection reset"),
    /**
     * The server closed the connection (cleanly, no reset) before its answer was complete:
     * without answering, or in the middle of the body.
     */
    CLOSED("Connection closed"),
    /** More redirects than allowed. */
    TOO_MANY_REDIRECTS("Too many redirects"),
    /** A redirect chain came back to a URL it had already visited. */
    REDIRECT_LOOP("Redirect loop"),
    /** The URL cannot be requested: bad syntax, unsupported scheme, missing host. */
    INVALID_URL("Invalid URL"),
    /** Any other I/O failure. */
    IO("I/O error"),
    /** The job was stopped before this request finished. */
    CANCELLED("Cancelled");

    private final String label;

    ErrorKind(String label) {
        this.label = label;
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
}
