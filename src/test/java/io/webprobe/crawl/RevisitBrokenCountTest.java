package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.store.CrawlReader;
import io.webprobe.store.CrawlStore;
import io.webprobe.testsupport.LocalHttpServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A URL asked again once a cookie was set has its first answer replaced: the crawl's count of
 * broken URLs (the summary's, the progress line's) takes back the first answer's.
 */
class RevisitBrokenCountTest {
    @TempDir
    Path dir;
    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    /** "/a" answers 403 without the session cookie that "/login" sets before it sends there. */
    @Test
    void aUrlBrokenUntilACookieWasSetIsNotCountedBroken() throws Exception {
        server.route("/", LocalHttpServer.html("<a href=/a>a</a> <a href=/login>in</a>"));
        server.route("/a", ex -> {
            String cookie = ex.getRequestHeaders().getFirst("Cookie");
            boolean in = cookie != null && cookie.contains("session=ok");
            LocalHttpServer.send(ex, in ? 200 : 403, "text/html", in ? "inside" : "no");
        });
        server.route("/login", ex -> {
            ex.getResponseHeaders().add("Set-Cookie", "session=ok; Path=/");
            ex.getResponseHeaders().add("Location", "/a");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t").withThreads(1);
        try (CrawlStore store = CrawlStore.createTemporary(plan);
                CrawlJob job = CrawlJob.builder(plan,
                        CrawlProbes.forPlan(plan, Duration.ofSeconds(5)), store.sink()).build()) {
            job.start();
            CrawlSummary summary = job.completion().get(60, TimeUnit.SECONDS);

            assertThat(server.hits("/a")).as("asked again with the cookie").isEqualTo(2);
            long stored;
            try (CrawlReader reader = store.reader()) {
                stored = reader.counts().broken();
            }
            assertThat(stored).isZero();
            assertThat(summary.broken()).isEqualTo(stored);
            assertThat(job.progress().broken()).isEqualTo(stored);
        }
    }

    /**
     * The same, the crawl stopped while "/a" was asked again and then resumed: the resumed run
     * counts on from the file's counts, which hold "/a"'s first answer as broken, and its new
     * answer takes that back (the resumed run's summary said 1 broken URL where the file had
     * none, or 2 where it had 1).
     */
    @Test
    void aRevisitLeftByAStopTakesBackItsBrokenCountWhenResumed() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.route("/", LocalHttpServer.html("<a href=/a>a</a> <a href=/login>in</a>"));
        server.route("/a", ex -> {
            String cookie = ex.getRequestHeaders().getFirst("Cookie");
            boolean in = cookie != null && cookie.contains("session=ok");
            if (in && arrived.getCount() > 0) { // the first run's revisit: stopped meanwhile
                arrived.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            LocalHttpServer.send(ex, in ? 200 : 403, "text/html", in ? "inside" : "no");
        });
        server.route("/login", ex -> {
            ex.getResponseHeaders().add("Set-Cookie", "session=ok; Path=/");
            ex.getResponseHeaders().add("Location", "/a");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t").withThreads(1);
        try (CrawlStore store = CrawlStore.create(dir.resolve("r.webprobe"), plan)) {
            try (CrawlJob job = CrawlJob.builder(plan,
                    CrawlProbes.forPlan(plan, Duration.ofSeconds(5)), store.sink()).build()) {
                job.start();
                assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
                job.stop(); // the revisit in flight is left to fetch, its answer not written
                try {
                    assertThat(job.completion().get(30, TimeUnit.SECONDS).stopped()).isTrue();
                } finally {
                    release.countDown();
                }
            }
            store.sink().flush().get(30, TimeUnit.SECONDS);
            ResumeState state = store.resumeState();

            try (CrawlJob resumed = CrawlJob.builder(plan,
                    CrawlProbes.forPlan(plan, Duration.ofSeconds(5)), store.sink())
                    .resume(state).build()) {
                resumed.start();
                CrawlSummary summary = resumed.completion().get(60, TimeUnit.SECONDS);
                assertThat(summary.stopped()).isFalse();
                store.sink().flush().get(30, TimeUnit.SECONDS);
                long stored;
                try (CrawlReader reader = store.reader()) {
                    stored = reader.counts().broken();
                }
                assertThat(server.hits("/a")).as("asked again on the resume").isEqualTo(3);
                assertThat(summary.broken()).as("the resumed run's count").isEqualTo(stored);
                assertThat(resumed.progress().broken()).isEqualTo(stored);
            }
        }
    }
}
