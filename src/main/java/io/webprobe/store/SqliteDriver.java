package io.webprobe.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite driver's native library. The first connection of a process unpacks and loads it
 * (tens of milliseconds, more on a slow disk); the desktop app calls {@link #preload()} on a
 * background thread at start, so the first crawl file is not opened behind a stalled window.
 */
public final class SqliteDriver {
    private static final Logger log = LoggerFactory.getLogger(SqliteDriver.class);

    private SqliteDriver() {}

    /** Loads the native library now (idempotent; a failure shows later, when a file opens). */
    public static void preload() {
        try {
            org.sqlite.SQLiteJDBCLoader.initialize();
        } catch (Exception e) {
            log.info("The SQLite library could not be loaded ahead: {}", e.toString());
        }
    }
}
