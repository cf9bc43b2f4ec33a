package io.webprobe.ping;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Whether this process may open as many connections as a run needs: each is a file
 * descriptor, and a low limit ({@code ulimit -n 128}) otherwise shows as hundreds of failed
 * requests that look like the server's fault. Checked before the run starts.
 */
public final class FileLimit {
    /** Descriptors kept for what else the process has open (jars, logs, the crawl file). */
    static final int SPARE = 32;

    private FileLimit() {}

    /**
     * One sentence saying the limit is too low for {@code connections}, or null when it is
     * high enough or cannot be known here (not a Unix system).
     *
     * @param option how the user sets the connections, e.g. "--concurrency"
     */
    public static String problem(int connections, String option) {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return problem(connections, option, unix.getMaxFileDescriptorCount(),
                    unix.getOpenFileDescriptorCount());
        }
        return null;
    }

    static String problem(int connections, String option, long max, long open) {
        if (max <= 0 || open < 0 || open + connections + SPARE <= max) {
            return null;
        }
        return String.format(Locale.ROOT, "%s %,d needs %,d open files, but this system lets "
                + "Webprobe have %,d (ulimit -n) and %,d are in use; lower %s or raise the "
                + "limit.", option, connections, connections, max, open, option);
    }
}
