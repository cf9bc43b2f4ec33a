package io.webprobe.bench;

import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlListener;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlProbes;
import io.webprobe.crawl.CrawlSink;
import io.webprobe.crawl.CrawlState;
import io.webprobe.crawl.CrawlSummary;
import io.webprobe.crawl.SkipReason;
import io.webprobe.store.CrawlStore;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the crawl file costs: one crawl of URL, with the store ("store") or with a sink that
 * keeps nothing but the frontier's overflow ("discard"), printing the crawl's own pages/s (JVM
 * start left out; the store's creation and closing counted). bench/storecost.sh runs the two
 * in turn.
 *
 * <p>usage: StoreCost URL store|discard [threads [pages per second at most]]
 */
public final class StoreCost {
    private StoreCost() {}

    public static void main(String[] args) throws Exception {
        URI start = URI.create(args[0]);
        boolean store = args[1].equals("store");
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        CrawlPlan plan = CrawlPlan.of(start, "Webprobe/bench").withThreads(threads)
                .withCheckExternal(false);
        if (args.length > 3) { // a crawl held to a rate, as a site over a network would
            plan = plan.withPoliteness(io.webprobe.crawl.Politeness.DEFAULT.withDelay(
                    Duration.ofNanos((long) (1e9 / Double.parseDouble(args[3])))));
        }
        CompletableFuture<CrawlSummary> done = new CompletableFuture<>();
        CrawlListener listener = new CrawlListener() {
            @Override
            public void onFinished(CrawlSummary s) {
                done.complete(s);
            }
        };
        // both modes start equally warm (SQLite's library and the store's classes loaded): a
        // small crawl would otherwise time mostly the class loading the other mode did before
        CrawlStore.createTemporary(plan).close();
        long t0 = System.nanoTime();
        double cpu0 = processCpu();
        // the store's creation and its closing (the last checkpoint) are part of its cost
        CrawlStore file = store ? CrawlStore.createTemporary(plan) : null;
        CrawlSink sink = store ? file.sink() : new DiscardingSink();
        CrawlSummary s;
        double writer;
        try (CrawlJob job = CrawlJob.builder(plan, CrawlProbes.forPlan(plan), sink)
                .listener(listener).build()) {
            job.start();
            s = done.get();
            writer = writerCpu();
        } finally {
            if (file != null) {
                file.close();
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%s %d %.3f %.1f cpu %.2f s, writer %.2f s%n", args[1],
                s.crawled(), secs, s.crawled() / secs, processCpu() - cpu0, writer);
    }

    /** The process's CPU seconds so far. */
    private static double processCpu() {
        return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** CPU seconds of the store's writer thread (0 when there is none). */
    private static double writerCpu() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("store-writer")) {
                return threads.getThreadCpuTime(t.threadId()) / 1e9;
            }
        }
        return 0;
    }

    /** Keeps nothing but the frontier's spilled chunks (the crawl needs them back). */
    static final class DiscardingSink implements CrawlSink {
        private final Map<Long, byte[]> chunks = new ConcurrentHashMap<>();
        private final AtomicLong next = new AtomicLong();

        @Override
        public void started() { }

        @Override
        public void discovered(List<NewUrl> urls) { }

        @Override
        public void visited(Visit visit) { }

        @Override
        public void listedInSitemap(long id) { }

        @Override
        public void warning(String sentence) { }

        @Override
        public void sitemapsRead() { }

        @Override
        public void siteHost(String hostAndPort) { }

        @Override
        public void counted(String key, SkipReason why) { }

        @Override
        public void uncounted(String key) { }

        @Override
        public void planChanged(CrawlPlan plan) { }

        @Override
        public void rechecked(long id, io.webprobe.crawl.CrawlResult result,
                List<io.webprobe.http.Header> headers, String redirectKey) { }

        @Override
        public void state(CrawlState state, Duration elapsed) { }

        @Override
        public long spill(byte[] chunk) {
            long id = next.incrementAndGet();
            chunks.put(id, chunk);
            return id;
        }

        @Override
        public byte[] unspill(long chunk) {
            return chunks.remove(chunk);
        }

        @Override
        public CompletableFuture<Void> flush() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public Conclusion conclude() {
            return new Conclusion(0, 0, Map.of(), 0, List.of(), null);
        }

        @Override
        public String failure() {
            return null;
        }
    }
}
