package io.webprobe.store;

/**
 * A crawl file could not be created, opened or read. The message is one plain sentence for the
 * user, naming the file and what to do; the cause (if any) is for the log.
 */
public final class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Whether the file was refused because another running process writes it. */
    private boolean heldElsewhere;

    public StoreException(String message) {
        super(message);
    }

    /** A refusal to write a file another running Webprobe has open (it may still be read). */
    static StoreException heldElsewhere(String message) {
        StoreException e = new StoreException(message);
        e.heldElsewhere = true;
        return e;
    }

    /** Whether the file was refused because another running Webprobe has it open. */
    public boolean heldElsewhere() {
        return heldElsewhere;
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
