package io.webprobe;

/**
 * How the user starts Webprobe, for the advice in messages: {@code ./run.sh} from a clone,
 * {@code webprobe} when installed. The launcher that starts the JVM says which with
 * {@code -Dwebprobe.command=...} (run.sh and the jpackage launcher both do).
 */
public final class CommandName {
    public static final String PROPERTY = "webprobe.command";

    private CommandName() {}

    /** {@code ./run.sh} or {@code webprobe} (the default). */
    public static String get() {
        String c = System.getProperty(PROPERTY);
        return c == null || c.isBlank() ? "webprobe" : c.strip();
    }
}
