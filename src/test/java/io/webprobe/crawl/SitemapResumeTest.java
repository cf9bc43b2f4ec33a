package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.JdkHttpProbe;
import io.webprobe.store.CrawlStore;
import io.webprobe.testsupport.LocalHttpServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sitemap crawl stopped while its sitemaps were read: its file does not say they were read,
 * and its resume reads them (the start page, whose worker reads them before its visit is
 * written, is left to fetch as any page in flight at a stop is, and read them after).
 */
class SitemapResumeTest {
    @TempDir
    Path dir;
    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void aCrawlStoppedWhileItsSitemapsWereReadReadsThemWhenResumed() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger asked = new AtomicInteger();
        server.route("/", html("<a href=\"/linked\">linked</a>"));
        server.route("/linked", html("ok"));
        server.route("/orphan", html("nobody links here"));
        server.route("/robots.txt", ex -> LocalHttpServer.send(ex, 200, "text/plain",
                "User-agent: *\nDisallow:\nSitemap: " + server.url("/pages.xml") + "\n"));
        server.route("/pages.xml", ex -> {
            if (asked.getAndIncrement() == 0) { // the first crawl's read: stopped meanwhile
                arrived.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            LocalHttpServer.send(ex, 200, "application/xml", "<?xml version=\"1.0\"?>"
                    + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                    + "<url><loc>" + server.url("/orphan") + "</loc></url></urlset>");
        });
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t").withSitemaps(true);
        try (CrawlStore store = CrawlStore.create(dir.resolve("s.webprobe"), plan)) {
            try (CrawlJob job = CrawlJob.builder(plan, probe(), store.sink()).build()) {
                job.start();
                assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
                job.stop();
                release.countDown();
                assertThat(job.completion().get(30, TimeUnit.SECONDS).stopped()).isTrue();
            }
            store.sink().flush().get(30, TimeUnit.SECONDS);
            ResumeState state = store.resumeState();
            assertThat(state.sitemapsRead()).isFalse();

            try (CrawlJob resumed = CrawlJob.builder(plan, probe(), store.sink())
                    .resume(state).build()) {
                resumed.start();
                CrawlSummary summary = resumed.completion().get(30, TimeUnit.SECONDS);

                assertThat(summary.stopped()).isFalse();
                assertThat(server.hits("/orphan")).isEqualTo(1);
                assertThat(summary.sitemapUrls()).isEqualTo(1);
                assertThat(summary.orphans()).containsExactly(server.url("/orphan"));
            }
        }
    }

    private static JdkHttpProbe probe() {
        return new JdkHttpProbe("t", Duration.ofSeconds(5));
    }
}
