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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CrawlJob#site()}: where the crawl settled on its site, the start URL or where its own
 * redirects led (the Now fetching list shows the URLs there by their path), in a crawl and in
 * its resume, which does not fetch the start URL again.
 */
class CrawlSiteTest {
    @TempDir
    Path dir;

    @Test
    void theSiteIsWhereTheStartUrlRedirectedInTheCrawlAndInItsResume() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (LocalHttpServer start = new LocalHttpServer();
                LocalHttpServer site = new LocalHttpServer()) {
            start.route("/", LocalHttpServer.redirect(301, site.url("/")));
            site.route("/", html("<a href=\"/slow\">slow</a>"));
            site.route("/slow", LocalHttpServer.blockUntil(release, arrived, "slow"));
            CrawlPlan plan = CrawlPlan.of(URI.create(start.url("/")), "t");
            Path file = dir.resolve("c.webprobe");
            try (CrawlStore store = CrawlStore.create(file, plan)) {
                try (CrawlJob job = CrawlJob.builder(plan, probe(), store.sink()).build()) {
                    assertThat(job.site()).as("before it starts").isNull();
                    job.start();
                    assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
                    assertThat(job.site()).isEqualTo(URI.create(site.url("/")));
                    job.stop();
                    release.countDown();
                    assertThat(job.completion().get(10, TimeUnit.SECONDS).stopped()).isTrue();
                }
                store.sink().flush().get(10, TimeUnit.SECONDS);

                ResumeState state = store.resumeState();
                assertThat(state.startChainEnd()).isEqualTo(site.url("/"));
                try (CrawlJob resumed = CrawlJob.builder(plan, probe(), store.sink())
                        .resume(state).build()) {
                    resumed.start();
                    assertThat(resumed.site()).isEqualTo(URI.create(site.url("/")));
                    resumed.completion().get(10, TimeUnit.SECONDS);
                }
            }
            assertThat(start.hits("/")).as("the resume does not ask the start URL again")
                    .isEqualTo(1);
        }
    }

    @Test
    void aStartUrlThatDoesNotRedirectIsTheSite() throws Exception {
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.route("/", html("home"));
            CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t");
            try (CrawlStore store = CrawlStore.create(dir.resolve("d.webprobe"), plan);
                    CrawlJob job = CrawlJob.builder(plan, probe(), store.sink()).build()) {
                job.start();
                job.completion().get(10, TimeUnit.SECONDS);
                assertThat(job.site()).isEqualTo(URI.create(server.url("/")));
            }
        }
    }

    private static JdkHttpProbe probe() {
        return new JdkHttpProbe("t", Duration.ofSeconds(5));
    }
}
