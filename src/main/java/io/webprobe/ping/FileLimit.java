package io.webprobe.ping;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Whether this process may open as many files as a run's connections take: a low limit
 * ({@code ulimit -n 128}) otherwise shows up in the middle of the run. Checked before the run
 * starts; a run that runs out all the same ends with one sentence ({@link PingRun}).
 *
 * <p>What a connection of the event loops takes: its socket; with {@code --no-keepalive} a
 * second one for a moment (a closed socket's descriptor is let go at the loop's next poll,
 * after the next connection of the same slot is open); over https with the native TLS two more,
 * the pipe Conscrypt's native glue opens for every engine ({@link
 * io.webprobe.http.TlsTrust#filesPerEngine()}).
 */
public final class FileLimit {
    /** Descriptors kept for what the run opens besides its connections (selectors, logs, CSV). */
    static final int SPARE = 32;

    private FileLimit() {}

    /**
     * One sentence saying the limit is too low for the plan's connections, or null when it is
     * high enough or cannot be known here (not a Unix system).
     *
     * @param option how the user sets the connections, e.g. "--concurrency"
     */
    public static String problem(PingPlan plan, String option) {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return problem(plan.concurrency(), filesPerConnection(plan), https(plan), option,
                    unix.getMaxFileDescriptorCount(), unix.getOpenFileDescriptorCount());
        }
        return null;
    }

    /** Open files one connection of the plan's engine may hold at once. */
    static int filesPerConnection(PingPlan plan) {
        if (PingJob.Engine.forPlan(plan) != PingJob.Engine.EVENT_LOOPS) {
            return 1; // blocking sockets (the JDK's TLS), closed before the next one opens
        }
        int files = plan.keepAlive() ? 1 : 2;
        return https(plan) ? files + plan.tls().filesPerEngine() : files;
    }

    private static boolean https(PingPlan plan) {
        return plan.targets().stream().anyMatch(u -> "https".equalsIgnoreCase(u.getScheme()));
    }

    /**
     * @param perConnection open files each connection takes
     * @param https whether the connections are https ones (said in the sentence)
     * @param max the limit (ulimit -n), or ≤ 0 when not known
     * @param open descriptors open now, or < 0 when not known
     */
    static String problem(int connections, int perConnection, boolean https, String option,
            long max, long open) {
        long needed = (long) connections * perConnection + SPARE;
        if (max <= 0 || open < 0 || open + needed <= max) {
            return null;
        }
        String each = perConnection == 1 ? "one for each connection"
                : String.format(Locale.ROOT, "%d for each %sconnection", perConnection,
                        https ? "https " : "");
        long fits = (max - open - SPARE) / perConnection;
        String remedy = fits >= 1
                ? String.format(Locale.ROOT, "use %s %,d or less, or raise the limit.", option,
                        fits)
                : "raise the limit.";
        return String.format(Locale.ROOT, "%s %,d needs %,d more open files (%s and %d for "
                + "the run itself), but this system lets Webprobe have %,d (ulimit -n) and %,d "
                + "are open already; %s", option, connections, needed, each, SPARE, max, open,
                remedy);
    }
}
