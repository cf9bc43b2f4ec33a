package io.webprobe.http;

/**
 * The HTTP version a response came over, as its status line (HTTP/1.x) or the negotiated
 * protocol (HTTP/2) says. {@link #label()} is what tables and CSV files show.
 */
public enum HttpVersion {
    /** An {@code HTTP/1.0} status line. */
    HTTP_1_0("HTTP/1.0"),
    /** An {@code HTTP/1.1} status line (or a later 1.x, which is read as 1.1). */
    HTTP_1_1("HTTP/1.1"),
    /** HTTP/2, negotiated by ALPN. */
    HTTP_2("HTTP/2");

    private final String label;

    HttpVersion(String label) {
        this.label = label;
    }

    /** "HTTP/1.0", "HTTP/1.1" or "HTTP/2". */
    public String label() {
        return label;
    }
}
