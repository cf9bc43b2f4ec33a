package io.webprobe;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * What Webprobe says when it runs out of memory, wherever that happens (a crawl, a ping run,
 * the window, the command line): that it did, how much it had, and how to give it more. One
 * wording, so the advice is the same everywhere.
 */
public final class OutOfMemory {
    /**
     * The heap this process may use, in bytes: the limit it was started with (-Xmx, in
     * WEBPROBE_JAVA_OPTS say), or the JVM's own choice without one. Read once, ahead.
     */
    public static final long HEAP_LIMIT = heapLimit();

    /** The sentence for this process's heap, composed ahead: there may be no memory later. */
    public static final String SENTENCE = sentence(HEAP_LIMIT);

    private OutOfMemory() {}

    /**
     * The JVM's MaxHeapSize, the -Xmx it was given; else {@code Runtime.maxMemory()}, which can
     * be less: under the serial collector it leaves out a survivor space, and the sentence said
     * "it may use 155 MB" for -Xmx160m, a figure the user never set.
     */
    private static long heapLimit() {
        try {
            long set = Long.parseLong(ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption("MaxHeapSize").getValue());
            if (set > 0) {
                return set;
            }
        } catch (RuntimeException | LinkageError e) {
            // not a HotSpot JVM, or a runtime without jdk.management: Java's own figure
        }
        return Runtime.getRuntime().maxMemory();
    }

    /** "Webprobe ran out of memory (it may use 256 MB); give it more with ...". */
    public static String sentence(long maxHeapBytes) {
        return "Webprobe ran out of memory" + limit(maxHeapBytes) + "; " + remedy(maxHeapBytes)
                + ".";
    }

    /**
     * As {@link #sentence}, for a crawl stopped at one URL: "Webprobe ran out of memory on URL
     * (it may use 256 MB), so the crawl stopped there; give it more with ...".
     */
    public static String crawlStoppedOn(String url, long maxHeapBytes) {
        return "Webprobe ran out of memory on " + url + limit(maxHeapBytes)
                + ", so the crawl stopped there; " + remedy(maxHeapBytes) + ".";
    }

    private static String limit(long maxHeapBytes) {
        return maxHeapBytes <= 0 || maxHeapBytes == Long.MAX_VALUE ? ""
                : String.format(Locale.ROOT, " (it may use %,d MB)",
                        Math.round(maxHeapBytes / (1024.0 * 1024.0)));
    }

    /** "give it more with WEBPROBE_JAVA_OPTS, for example WEBPROBE_JAVA_OPTS=-Xmx2g". */
    static String remedy(long maxHeapBytes) {
        long gigabytes = 2;
        if (maxHeapBytes > 0 && maxHeapBytes != Long.MAX_VALUE) {
            // twice what it had, in whole gigabytes, and never less than 2
            gigabytes = Math.max(2, (2 * maxHeapBytes + (1L << 30) - 1) >> 30);
        }
        return "give it more with WEBPROBE_JAVA_OPTS, for example WEBPROBE_JAVA_OPTS=-Xmx"
                + gigabytes + "g";
    }
}
