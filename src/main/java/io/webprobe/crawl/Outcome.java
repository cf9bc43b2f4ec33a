package io.webprobe.crawl;

import java.util.Locale;

/** The kind of result a URL had, as the CSV's {@code outcome} column names it. */
public enum Outcome {
    /** A 1xx/2xx response. */
    OK,
    /** A 3xx response (or a page whose meta refresh sends the browser elsewhere). */
    REDIRECT,
    /** A 4xx or 5xx response. */
    BROKEN,
    /** Not fetched on purpose (robots.txt, rate limits, bot walls). */
    BLOCKED,
    /** Not fetched because a limit or trap guard said so. */
    SKIPPED,
    /** No HTTP response: DNS, connection, TLS, timeout... */
    ERROR;

    /** Lower-case name, as written in CSV files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
