package io.webprobe.crawl;

import io.webprobe.http.HttpProbe;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.StoreException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** Crawl jobs for tests: each on a temporary crawl file that the job closes (and deletes). */
final class TestJobs {
    private TestJobs() {}

    /** A job with the usual test probe. */
    static CrawlJob job(CrawlPlan plan, CrawlListener listener) {
        return builder(plan, new JdkHttpProbe("Webprobe/test", Duration.ofSeconds(5)), listener)
                .build();
    }

    /** A builder whose sink is a temporary crawl file, read back by a recording listener. */
    static CrawlJob.Builder builder(CrawlPlan plan, HttpProbe probe, CrawlListener listener) {
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
