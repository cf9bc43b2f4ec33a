package io.webprobe.store;

/**
 * A crawl file could not be created, opened or read. The message is one plain sentence for the
 * user, naming the file and what to do; the cause (if any) is for the log.
 */
public final class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Whether the file was refused because another running process writes it. */
    private boolean heldElsewhere;
    /** Why, as the end of a sentence ("permission was denied"), or null. */
    private String reason;

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

    /**
     * A refusal whose why ({@code reason}: "permission was denied", no full stop) another
     * sentence may say again, such as the one for a crawls folder that cannot be written.
     */
    static StoreException because(String message, String reason, Throwable cause) {
        StoreException e = new StoreException(message, cause);
        e.reason = reason;
        return e;
    }

    /** Why, as the end of a sentence ("permission was denied"), or null when not known. */
    public String reason() {
        return reason;
    }
}
