package io.webprobe.crawl;

import java.util.Locale;

/** Where a crawl stands, as its crawl file records it. */
public enum CrawlState {
    /** Workers are fetching (or the process running it was killed: see the file's lock). */
    RUNNING,
    /** Paused by the user; resumable. */
    PAUSED,
    /** Stopped before the end; resumable. */
    STOPPED,
    /** Ran to its end: nothing was left to fetch. */
    FINISHED;

    /** Lower-case name, as stored. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state a label names. */
    public static CrawlState of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }

    /** Whether a crawl in this state has URLs left that a resume would fetch. */
    public boolean resumable() {
        return this != FINISHED;
    }
}
