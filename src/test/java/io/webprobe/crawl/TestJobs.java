package io.webprobe.crawl;

import io.webprobe.http.HttpProbe;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.StoreException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** Crawl jobs for tests: each on a temporary crawl file that the job closes (and deletes). */
final class TestJobs {
    private TestJobs() {}

    /** A job with the probe a user's crawl of this plan gets ({@link CrawlProbes}). */
    static CrawlJob job(CrawlPlan plan, CrawlListener listener) {
        try {
            return builder(plan, CrawlProbes.forPlan(plan, Duration.ofSeconds(5)), listener)
                    .build();
        } catch (io.webprobe.http.TlsTrust.TrustException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Crawls the plan to its end; its results by URL. */
    static java.util.Map<String, CrawlResult> resultsByUrl(CrawlPlan plan) throws Exception {
        var events = new RecordingCrawlListener();
        try (CrawlJob job = job(plan, events)) {
            job.start();
            events.awaitFinish();
        }
        return events.results().stream().collect(java.util.stream.Collectors.toMap(
                CrawlResult::url, java.util.function.Function.identity()));
    }

    /** A builder whose sink is a temporary crawl file, read back by a recording listener. */
    static CrawlJobBuilder builder(CrawlPlan plan, HttpProbe probe, CrawlListener listener) {
        CrawlStore store;
        try {
            store = CrawlStore.createTemporary(plan);
            if (listener instanceof RecordingCrawlListener r) {
                r.attach(store);
            }
            return CrawlJob.builder(plan, probe, store.sink()).listener(listener).closing(store);
        } catch (StoreException e) {
            throw new UncheckedIOException(new java.io.IOException(e.getMessage(), e));
        }
    }
}
