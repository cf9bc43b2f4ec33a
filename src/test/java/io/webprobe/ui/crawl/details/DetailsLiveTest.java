package io.webprobe.ui.crawl.details;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.UrlDetails;
import io.webprobe.testsupport.FxQueueByHand;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.ui.crawl.session.ReaderLane;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bug: the details pane of a URL selected while a crawl ran stayed as it was when
 * selected (its inlinks, its links' statuses), where Screaming Frog's follows the crawl. Each
 * tick asks for it again, read on the lane when due, and changed in place: rows appended, a
 * link whose target was fetched since replaced where it is, nothing cleared and read anew
 * (no "loading", no list emptied: the tables keep their selection and scroll).
 */
class DetailsLiveTest {
    @TempDir
    Path dir;

    private final LocalHttpServer server = new LocalHttpServer();
    private final FxQueueByHand fx = new FxQueueByHand();
    /** The clock pacing the reads: moved by the test, so a read is due when it says. */
    private final AtomicLong clock = new AtomicLong();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void aUrlShownWhileACrawlRunsIsReadAgainAndChangedInPlace() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(1);
        server.route("/", LocalHttpServer.html("<a href=/a>a</a> <a href=/b>b</a>"));
        server.route("/a", LocalHttpServer.blockUntil(release, arrived,
                "<html><body><a href=/b>b again</a></body></html>"));
        server.route("/b", LocalHttpServer.html("b"));
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "Webprobe/test")
                .withThreads(2).withRespectRobots(false);
        try (CrawlStore store = CrawlStore.create(dir.resolve("c.webprobe"), plan);
                // a lane each: on one lane a read of a kind replaces the other's waiting
                ReaderLane lane = new ReaderLane(store, "test-details-", fx::post);
                ReaderLane other = new ReaderLane(store, "test-details-", fx::post);
                CrawlJob job = CrawlJob.builder(plan, new JdkHttpProbe("Webprobe/test",
                        Duration.ofSeconds(5)), store.sink()).build()) {
            job.start();
            // "/" and "/b" crawled, "/a" held on its way
            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> job.progress().crawled() >= 2);
            store.sink().flush().get(10, TimeUnit.SECONDS);

            DetailsModel page = new DetailsModel(clock::get); // "/": its links' statuses
            DetailsModel target = new DetailsModel(clock::get); // "/b": the pages linking to it
            page.attach(lane);
            target.attach(other);
            page.showUrl(server.url("/"));
            target.showUrl(server.url("/b"));
            fx.settle(() -> !page.loadingProperty().get() && !target.loadingProperty().get()
                    && page.outlinks().size() == 2 && target.inlinks().size() == 1);
            UrlDetails.Outlink toB = page.outlinks().get(1);
            UrlDetails.Inlink fromHome = target.inlinks().get(0);
            assertThat(page.outlinks().get(0).status()).doesNotStartWith("200");
            assertThat(toB.status()).startsWith("200");

            List<String> changes = new ArrayList<>();
            page.outlinks().addListener(record("outlinks", changes));
            target.inlinks().addListener(record("inlinks", changes));
            List<Boolean> loading = new ArrayList<>();
            page.loadingProperty().addListener((o, was, now) -> loading.add(now));
            target.loadingProperty().addListener((o, was, now) -> loading.add(now));

            release.countDown(); // "/a" answers: its link to "/b" is written, its status known
            job.completion().get(30, TimeUnit.SECONDS);
            store.sink().flush().get(10, TimeUnit.SECONDS);
            clock.addAndGet(Duration.ofSeconds(1).toNanos()); // a tick, the next read due
            page.crawlGrew();
            target.crawlGrew();
            fx.settle(() -> page.outlinks().get(0).status().startsWith("200")
                    && target.inlinks().size() == 2);

            assertThat(target.inlinks().get(1).sourceUrl()).isEqualTo(server.url("/a"));
            assertThat(target.inlinksTextProperty().get()).isEqualTo("Inlinks (2)");
            // in place: the rows that did not change are the same rows, nothing read anew
            assertThat(page.outlinks().get(1)).isSameAs(toB);
            assertThat(target.inlinks().get(0)).isSameAs(fromHome);
            assertThat(changes).containsExactlyInAnyOrder("outlinks replaced 0",
                    "inlinks added 1");
            assertThat(loading).as("no loading shown for a read again").isEmpty();
        }
    }

    private static <T> ListChangeListener<T> record(String name, List<String> changes) {
        return c -> {
            while (c.next()) {
                changes.add(name + (c.wasReplaced() ? " replaced " : c.wasAdded() ? " added "
                        : " removed ") + c.getFrom());
            }
        };
    }
}
