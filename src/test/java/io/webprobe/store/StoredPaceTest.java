package io.webprobe.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlListener;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlState;
import io.webprobe.crawl.CrawlSummary;
import io.webprobe.crawl.Politeness;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.TestSite;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawl file keeps its per-host pace exactly and as it was asked (a rate limit of 300
 * requests/s is a gap of 3,333,333 ns and "300", not 3 ms), and a file written before it
 * did (its gap in whole ms only) still opens and resumes at that gap.
 */
class StoredPaceTest {
    @TempDir
    Path dir;

    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    private static Politeness rate(long delayMillis, double maxRequestsPerSecond) {
        return Politeness.DEFAULT.withRate(Duration.ofMillis(delayMillis), maxRequestsPerSecond);
    }

    @Test
    void aRateLimitIsKeptExactlyAndAsItWasGiven() throws Exception {
        for (Politeness asked : new Politeness[] {rate(0, 300), rate(0, 500), rate(0, 0.001),
                rate(1_200, 2), rate(7, 0)}) {
            Path file = dir.resolve("pace-" + asked.maxRequestsPerSecond() + "-"
                    + asked.delay().toNanos() + ".webprobe");
            CrawlPlan plan = CrawlPlan.of(URI.create("http://127.0.0.1:8080/"), "t")
                    .withPoliteness(asked);
            try (CrawlStore store = CrawlStore.create(file, plan)) {
                store.sink().state(CrawlState.STOPPED, Duration.ZERO);
            }
            try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY)) {
                assertThat(store.plan().politeness()).isEqualTo(asked);
            }
        }
        assertThat(rate(0, 300).delay()).isEqualTo(Duration.ofNanos(3_333_333));
    }

    @Test
    void theMetaTableHoldsTheGapInNanosecondsTheRateAndTheWholeMillisecondsForOlderVersions() {
        Map<String, String> meta = PlanCodec.encode(CrawlPlan.of(
                URI.create("http://127.0.0.1:8080/"), "t").withPoliteness(rate(0, 300)));
        assertThat(meta).containsEntry("plan.delay_ns", "3333333")
                .containsEntry("plan.max_rps", "300.0")
                .containsEntry("plan.delay_ms", "3");
    }

    @Test
    void aFileFromBeforeTheExactGapOpensAndResumesAtItsWholeMillisecondGap() throws Exception {
        TestSite site = new TestSite(server, 20);
        Path file = dir.resolve("old.webprobe");
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.route("/page/10.html", LocalHttpServer.blockUntil(release, arrived,
                "<a href=\"11.html\">next</a>"));
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t").withThreads(2)
                .withPoliteness(rate(0, 300));
        try (CrawlStore store = CrawlStore.create(file, plan)) {
            CrawlJob job = CrawlJob.builder(plan, new JdkHttpProbe("t", Duration.ofSeconds(5)),
                    store.sink()).build();
            job.start();
            assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
            job.stop();
            job.close();
            release.countDown();
            store.sink().flush().get(30, TimeUnit.SECONDS);
        }
        // as a version before plan.delay_ns and plan.max_rps wrote it: 1/300 s cut to 3 ms
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM meta WHERE key IN ('plan.delay_ns', 'plan.max_rps')");
            s.executeUpdate("UPDATE meta SET value = '3' WHERE key = 'plan.delay_ms'");
        }

        CompletableFuture<CrawlSummary> done = new CompletableFuture<>();
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            assertThat(store.info().resumable()).isTrue();
            assertThat(store.plan().politeness()).isEqualTo(rate(3, 0));
            try (CrawlJob job = CrawlJob.builder(store.plan(),
                    new JdkHttpProbe("t", Duration.ofSeconds(5)), store.sink())
                    .resume(store.resumeState())
                    .listener(new CrawlListener() {
                        @Override
                        public void onFinished(CrawlSummary s) {
                            done.complete(s);
                        }
                    }).build()) {
                assertThat(job.plan().politeness().delay()).isEqualTo(Duration.ofMillis(3));
                job.start();
                CrawlSummary summary = done.get(60, TimeUnit.SECONDS);
                assertThat(summary.stopped()).isFalse();
                assertThat(summary.crawled()).isEqualTo(site.paths().size());
            }
        }
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY)) {
            assertThat(store.info().state()).isEqualTo(CrawlState.FINISHED);
            assertThat(store.plan().politeness()).isEqualTo(rate(3, 0));
        }
    }
}
