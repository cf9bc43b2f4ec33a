package io.webprobe.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlProbes;
import io.webprobe.testsupport.LocalHttpServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A URL asked again once a cookie was set (a session check that sends the browser back) has
 * its row replaced while the crawl runs. The window reads a running crawl's file by what
 * finished since its last read (the table in crawl order appends those rows, the overview
 * adds their counts): the row asked again must not come twice.
 */
class RevisitedRowTest {
    @TempDir
    Path dir;
    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void aRowAskedAgainAfterACookieIsNotReadTwiceByTheLiveReads() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // "/" sets a session cookie and sends the browser to a check that sends it back
        server.route("/", ex -> {
            String cookie = ex.getRequestHeaders().getFirst("Cookie");
            if (cookie == null || !cookie.contains("session=ok")) {
                ex.getResponseHeaders().add("Set-Cookie", "session=ok; Path=/");
                ex.getResponseHeaders().add("Location", "/?check=1");
                ex.sendResponseHeaders(302, -1);
                ex.close();
                return;
            }
            arrived.countDown(); // asked again: the window reads the file meanwhile
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LocalHttpServer.send(ex, 200, "text/html", "<title>Home</title>");
        });
        server.route("/?check=1", ex -> {
            ex.getResponseHeaders().add("Location", "/");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t").withThreads(1);
        try (CrawlStore store = CrawlStore.create(dir.resolve("r.webprobe"), plan);
                CrawlJob job = CrawlJob.builder(plan,
                        CrawlProbes.forPlan(plan, Duration.ofSeconds(5)), store.sink()).build();
                CrawlReader reader = store.reader()) {
            job.start();
            assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
            store.sink().flush().get(30, TimeUnit.SECONDS);
            UrlQuery query = new UrlQuery(reader);
            OverviewCounts overview = new OverviewCounts(reader);
            UrlQuery.Ids before = query.idsAfter(0, UrlQuery.Request.ALL);
            UrlQuery.Request ok = new UrlQuery.Request(UrlFilter.STATUS_2XX, "", UrlField.SEQ,
                    false);
            UrlQuery.Ids okBefore = query.idsAfter(0, ok);
            assertThat(okBefore.ids()).isEmpty();
            OverviewCounts.Snapshot earlier = overview.counts(null, false);
            assertThat(before.ids()).hasSize(2); // "/" (302) and "/?check=1"

            release.countDown();
            job.completion().get(30, TimeUnit.SECONDS);
            store.sink().flush().get(30, TimeUnit.SECONDS);
            long[] after = query.idsAfter(before.lastSeq(), UrlQuery.Request.ALL).ids();
            long[] shown = java.util.stream.LongStream.concat(Arrays.stream(before.ids()),
                    Arrays.stream(after)).toArray();
            OverviewCounts.Snapshot added = overview.counts(earlier, false);
            OverviewCounts.Snapshot afresh = overview.counts(null, false);

            assertThat(shown).as("each row once").doesNotHaveDuplicates().hasSize(2);
            // the 2xx view in crawl order: "/" joined it, its place kept, so it is read whole
            UrlQuery.Ids okAfter = query.idsAfter(okBefore.lastSeq(), okBefore.revisits(), ok);
            assertThat(okAfter.whole()).isTrue();
            assertThat(okAfter.ids()).containsExactly(before.ids()[0]);
            assertThat(added.counts()).isEqualTo(afresh.counts());
        }
    }
}
