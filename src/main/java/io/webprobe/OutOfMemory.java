package io.webprobe;

import java.util.Locale;

/**
 * What Webprobe says when it runs out of memory, wherever that happens (a crawl, a ping run,
 * the window, the command line): that it did, how much it had, and how to give it more. One
 * wording, so the advice is the same everywhere.
 */
public final class OutOfMemory {
    /** The sentence for this process's heap, composed ahead: there may be no memory later. */
    public static final String SENTENCE = sentence(Runtime.getRuntime().maxMemory());

    private OutOfMemory() {}

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
