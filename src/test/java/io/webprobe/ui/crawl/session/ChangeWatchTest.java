package io.webprobe.ui.crawl.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlState;
import io.webprobe.store.CrawlStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeWatchTest {
    @TempDir
    Path dir;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    /** The FX thread's stand-in: one thread, as the watch wants. */
    private final ExecutorService fx = Executors.newSingleThreadExecutor();

    @AfterEach
    void tearDown() throws Exception {
        timer.shutdownNow();
        fx.shutdown();
        assertThat(fx.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    /**
     * A window opened a crawl another Webprobe was crawling, and that Webprobe was killed
     * before the watch first read the file: the file changes no more, and the watch's first
     * look finds no holder. It still says the file was released (the window then offers
     * Resume), rather than taking "no holder" as the way it always was.
     */
    @Test
    void aHolderKnownAtOpeningAndGoneByTheFirstLookIsAReleaseAllTheSame() throws Exception {
        Path file = dir.resolve("crawl.webprobe");
        try (CrawlStore made = CrawlStore.create(file,
                CrawlPlan.of(URI.create("http://127.0.0.1:9/"), "test"))) {
            made.sink().state(CrawlState.STOPPED, Duration.ofSeconds(3));
        }
        CompletableFuture<ChangeWatch.Change> seen = new CompletableFuture<>();
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY)) {
            OpenCrawl crawl = new OpenCrawl(store, fx);
            ChangeWatch watch = fx.submit(() -> new ChangeWatch(crawl.countsLane(), timer, fx,
                    Duration.ofMillis(10), true, () -> false, seen::complete)).get();
            ChangeWatch.Change change = seen.get(10, TimeUnit.SECONDS);
            assertThat(change.released()).isTrue();
            assertThat(change.held()).isFalse();
            assertThat(change.info().state()).isEqualTo(CrawlState.STOPPED);
            fx.submit(watch::close).get();
            crawl.close(Runnable::run);
        }
    }
}
