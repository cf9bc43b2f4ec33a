package io.webprobe.ui.crawl.details;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.store.CrawlStore;
import io.webprobe.testsupport.FxQueueByHand;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.StoredCrawls;
import io.webprobe.ui.crawl.session.ReaderLane;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bug: between a row's selection and its details' first read (up to ~2 s on a busy
 * machine) the pane said "Select a URL to see its details." though a URL was selected. It
 * says their details are loading now, naming the URL when the table knows it, and never asks
 * for a selection while one is made. The lane is held by a read of the test's own, so the
 * details' read waits as long as the test says.
 */
class DetailsLoadingTest {
    private static final String SELECT = "Select a URL to see its details.";

    @TempDir
    Path dir;

    private final LocalHttpServer server = new LocalHttpServer();
    private final FxQueueByHand fx = new FxQueueByHand();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void aSelectedUrlSaysItsDetailsAreLoadingUntilTheyAreRead() throws Exception {
        server.route("/", LocalHttpServer.html("<a href=/a>a</a> <a href=/b>b</a>"));
        server.route("/a", LocalHttpServer.html("a"));
        server.route("/b", LocalHttpServer.html("b"));
        Path file = StoredCrawls.crawlInto(dir.resolve("c.webprobe"), CrawlPlan.of(
                URI.create(server.url("/")), "Webprobe/test").withRespectRobots(false));
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY);
                ReaderLane lane = new ReaderLane(store, "test-details-", fx::post)) {
            long a = lane.call(q -> q.urls().idOf(server.url("/a"))).get(10, TimeUnit.SECONDS);
            long b = lane.call(q -> q.urls().idOf(server.url("/b"))).get(10, TimeUnit.SECONDS);
            assertThat(a).isPositive();
            assertThat(b).isPositive();
            DetailsModel model = new DetailsModel(() -> 0L);
            model.attach(lane);
            List<String> headings = new ArrayList<>();
            model.headingProperty().addListener((o, was, now) -> headings.add(now));
            assertThat(model.headingProperty().get()).isEqualTo(SELECT);

            // a row selected whose URL the table's line does not hold yet
            CountDownLatch release = HeldLane.hold(lane);
            model.show(a);
            assertThat(model.loadingProperty().get()).isTrue();
            assertThat(model.headingProperty().get()).isEqualTo("Loading…");
            release.countDown();
            fx.settle(() -> !model.loadingProperty().get());
            assertThat(model.headingProperty().get()).startsWith(server.url("/a") + "  ·  200");

            // another row, its URL known: named while its details are read, the last one's
            // name not left over a selection of another
            release = HeldLane.hold(lane);
            model.show(b, server.url("/b"));
            assertThat(model.headingProperty().get())
                    .isEqualTo("Loading details of " + server.url("/b") + "…");
            release.countDown();
            fx.settle(() -> !model.loadingProperty().get());
            assertThat(model.headingProperty().get()).startsWith(server.url("/b") + "  ·  200");

            // a URL known by its text (a broken link chosen): its id looked up first
            release = HeldLane.hold(lane);
            model.showUrl(server.url("/a"));
            assertThat(model.headingProperty().get())
                    .isEqualTo("Loading details of " + server.url("/a") + "…");
            release.countDown();
            fx.settle(() -> !model.loadingProperty().get());
            assertThat(model.headingProperty().get()).startsWith(server.url("/a") + "  ·  200");

            assertThat(headings).as("never asked to select while a URL was selected")
                    .doesNotContain(SELECT);
            model.show(0);
            assertThat(model.headingProperty().get()).isEqualTo(SELECT);
        }
    }

    /**
     * A broken link whose href is no URL, shown and read, read again (a re-check or a crawl's
     * rows changing call {@code refresh}): its heading stays while the pages are read anew. It
     * flipped to "Loading details of …" and back at every refresh.
     */
    @Test
    void anHrefThatIsNoUrlReadAgainKeepsItsHeading() throws Exception {
        server.route("/", LocalHttpServer.html("<a href=\"http://\">empty</a>"));
        Path file = StoredCrawls.crawlInto(dir.resolve("c.webprobe"), CrawlPlan.of(
                URI.create(server.url("/")), "Webprobe/test").withRespectRobots(false));
        var link = new io.webprobe.crawl.BrokenLink(server.url("/"), "http://", 0,
                io.webprobe.http.ErrorKind.INVALID_URL, "", "empty", "a", "", "");
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY);
                ReaderLane lane = new ReaderLane(store, "test-details-", fx::post)) {
            DetailsModel model = new DetailsModel(() -> 0L);
            model.attach(lane);
            model.showNotAUrl(link);
            fx.settle(() -> !model.loadingProperty().get());
            String shown = model.headingProperty().get();
            assertThat(shown).startsWith("http://  ·  ");
            CountDownLatch release = HeldLane.hold(lane);
            model.refresh();
            assertThat(model.headingProperty().get()).as("while read again").isEqualTo(shown);
            release.countDown();
            fx.settle(() -> !model.loadingProperty().get());
            assertThat(model.headingProperty().get()).isEqualTo(shown);
        }
    }
}
