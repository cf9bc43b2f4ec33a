package io.webprobe.store;

/**
 * A crawl file could not be created, opened or read. The message is one plain sentence for the
 * user, naming the file and what to do; the cause (if any) is for the log.
 */
public final class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The id of the other running process that has the file open, or 0. */
    private long holder;
    /** Why, as the end of a sentence ("permission was denied"), or null. */
    private String reason;

    public StoreException(String message) {
        super(message);
    }

    /**
     * A refusal of a file the other running Webprobe {@code pid} has open: to write it, or to
     * read it while its crawl goes on there (a window may still follow it).
     */
    static StoreException heldElsewhere(String message, long pid) {
        StoreException e = new StoreException(message);
        e.holder = pid;
        return e;
    }

    /** Whether the file was refused because another running Webprobe has it open. */
    public boolean heldElsewhere() {
        return holder != 0;
    }

    /** The process id of the other running Webprobe that has the file open, or 0. */
    public long holder() {
        return holder;
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
