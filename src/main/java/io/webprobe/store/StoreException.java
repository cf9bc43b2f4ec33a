package io.webprobe.store;

/**
 * A crawl file could not be created, opened or read. The message is one plain sentence for the
 * user, naming the file and what to do; the cause (if any) is for the log.
 */
public final class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
