package io.webprobe.ui.crawl.details;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.store.CrawlStore;
import io.webprobe.testsupport.FxQueueByHand;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.ui.crawl.session.ReaderLane;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suspected trap: the details pane's paced re-read ({@code PacedRead} on the table lane)
 * asked for while a read runs on the lane might be dropped, leaving the pane on an older URL,
 * or an older moment of it, with no later read coming. Not so: each selection's read, and a
 * re-read asked for meanwhile, is of a kind of its own on the lane, a newer selection's
 * replaces only an older one's still waiting, and a tick that finds a re-read running is kept
 * for the next. The lane is held by a read of the test's own while A then B are selected, and
 * while ticks ask for B again; the pane ends on B, and a change written after its last read
 * is read at the next tick due.
 */
class DetailsPacedReadTest {
    @TempDir
    Path dir;

    private final LocalHttpServer server = new LocalHttpServer();
    private final FxQueueByHand fx = new FxQueueByHand();
    private final AtomicLong clock = new AtomicLong();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void theLastUrlSelectedIsShownAndAChangeAfterItsLastReadIsRead() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(1);
        server.route("/", LocalHttpServer.html("<a href=/a>a</a> <a href=/b>b</a> "
                + "<a href=/held>held</a>"));
        server.route("/a", LocalHttpServer.html("a"));
        server.route("/b", LocalHttpServer.html("b"));
        server.route("/held", LocalHttpServer.blockUntil(release, arrived,
                "<html><body><a href=/b>b again</a></body></html>"));
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "Webprobe/test")
                .withThreads(2).withRespectRobots(false);
        try (CrawlStore store = CrawlStore.create(dir.resolve("c.webprobe"), plan);
                ReaderLane lane = new ReaderLane(store, "test-details-", fx::post);
                CrawlJob job = CrawlJob.builder(plan, new JdkHttpProbe("Webprobe/test",
                        Duration.ofSeconds(5)), store.sink()).build()) {
            job.start();
            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> job.progress().crawled() >= 3);
            store.sink().flush().get(10, TimeUnit.SECONDS);
            long a = lane.call(q -> q.urls().idOf(server.url("/a"))).get(10, TimeUnit.SECONDS);
            long b = lane.call(q -> q.urls().idOf(server.url("/b"))).get(10, TimeUnit.SECONDS);
            DetailsModel model = new DetailsModel(clock::get);
            model.attach(lane);

            // A then B selected while A's read waits behind a held one
            CountDownLatch held = HeldLane.hold(lane);
            model.show(a, server.url("/a"));
            model.show(b, server.url("/b"));
            held.countDown();
            fx.settle(() -> !model.loadingProperty().get());
            assertThat(model.shownIdProperty().get()).isEqualTo(b);
            assertThat(model.headingProperty().get()).startsWith(server.url("/b") + "  ·  200");
            assertThat(model.inlinks()).hasSize(1);

            // B read again on a tick, the read waiting on the lane; ticks meanwhile, A and
            // B selected again meanwhile: B shown, and none of it lost
            clock.addAndGet(Duration.ofSeconds(1).toNanos());
            held = HeldLane.hold(lane);
            model.crawlGrew();
            clock.addAndGet(Duration.ofSeconds(1).toNanos());
            model.crawlGrew();
            model.show(a, server.url("/a"));
            model.show(b, server.url("/b"));
            held.countDown();
            fx.settle(() -> !model.loadingProperty().get());
            assertThat(model.shownIdProperty().get()).isEqualTo(b);
            assertThat(model.headingProperty().get()).startsWith(server.url("/b") + "  ·  200");

            // a re-read runs (held) when the crawl writes a new link to B: the next tick due
            // reads it
            clock.addAndGet(Duration.ofSeconds(1).toNanos());
            held = HeldLane.hold(lane);
            model.crawlGrew();
            held.countDown();
            lane.call(q -> 0).get(10, TimeUnit.SECONDS); // the re-read has run, before the link
            fx.settle(() -> true);
            assertThat(model.inlinks()).hasSize(1);
            release.countDown();
            job.completion().get(30, TimeUnit.SECONDS);
            store.sink().flush().get(10, TimeUnit.SECONDS);
            for (int tick = 0; tick < 3; tick++) { // a tick too soon, then one due
                model.crawlGrew();
                clock.addAndGet(Duration.ofMillis(600).toNanos());
            }
            fx.settle(() -> model.inlinks().size() == 2);
            assertThat(model.inlinksTextProperty().get()).isEqualTo("Inlinks (2)");
            assertThat(model.shownIdProperty().get()).isEqualTo(b);
        }
    }
}
