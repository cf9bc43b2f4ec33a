package io.webprobe.ui.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static io.webprobe.ui.crawl.VmHarness.done;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.ui.crawl.table.UrlItem;
import io.webprobe.ui.crawl.table.UrlItems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bug: once a crawl ended, the URL table kept the values its lines had been read with
 * while it ran (style.css with 12 inlinks where the file, the Inlinks tab and the CSV said 19;
 * a redirect loop's "302" with no reason), whatever the search, filter or order, because the
 * end read the table's ids again but not its lines. The end now has every line read again.
 *
 * <p>While a crawl runs, the lines on screen are read again at most once a second, on a tick.
 * The crawl's last tick (posted as the job ends, after the file holds its last results) marks
 * them stale only when a second has passed since the tick before that did: most crawls end
 * within that second, and then only the end itself can have the lines read again. The test
 * makes that so every time by holding the view model's clock from one such read to the end.
 */
class CrawlEndRereadTest {
    @TempDir
    Path crawlsDir;

    private final LocalHttpServer server = new LocalHttpServer();
    private final CountDownLatch pages = new CountDownLatch(1);
    private VmHarness h;

    @AfterEach
    void tearDown() throws Exception {
        pages.countDown();
        if (h != null) {
            h.thawClock();
            h.close();
        }
        server.close();
    }

    @Test
    void aLineReadWhileTheCrawlRanShowsTheFileOnceItEnds() throws Exception {
        server.route("/", html("<a href='/style.css'>css</a><a href='/p1'>1</a>"
                + "<a href='/p2'>2</a><a href='/p3'>3</a><a href='/loop-a'>loop</a>"));
        server.route("/style.css", LocalHttpServer.respond(200, "text/css", "body{}"));
        for (String p : List.of("/p1", "/p2", "/p3")) {
            server.route(p, LocalHttpServer.blockUntil(pages, new CountDownLatch(1),
                    "<title>" + p + "</title><a href='/style.css'>css</a>"));
        }
        // a loop that closes only once the held pages go on: /loop-a → /loop-b → /loop-a
        server.route("/loop-a", LocalHttpServer.redirect(302, "/loop-b"));
        server.route("/loop-b", ex -> {
            try {
                pages.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LocalHttpServer.redirect(302, "/loop-a").handle(ex);
        });
        h = new VmHarness(crawlsDir);
        AtomicBoolean holdClockAtNextRead = new AtomicBoolean();
        CountDownLatch clockHeld = new CountDownLatch(1);
        h.run(() -> h.vm.table().setOnRowsStale(() -> {
            // as the table view does with the rows on screen (here all of them): read at once
            UrlItems items = h.vm.table().items();
            items.refresh(0, items.size());
            if (holdClockAtNextRead.compareAndSet(true, false)) {
                h.freezeClock();
                clockHeld.countDown();
            }
        }));
        assertThat(h.start(server.url("/"))).isTrue();

        // while the pages are held, the table shows style.css with the one inlink of "/" and
        // /loop-a as a 302 (its chain not closed yet)
        String css = server.url("/style.css");
        String loop = server.url("/loop-a");
        await().atMost(VmHarness.CRAWL_WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> line(css) != null && line(css).row().result().inlinks() == 1
                        && line(loop) != null);
        // the next tick that reads the lines again is the last before the end
        holdClockAtNextRead.set(true);
        assertThat(clockHeld.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(readLine(css).row().result().inlinks()).isEqualTo(1);
        assertThat(readLine(loop).row().statusText()).isEqualTo("302");
        assertThat(readLine(loop).row().reason()).isEmpty();

        pages.countDown();
        await().atMost(VmHarness.CRAWL_WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> h.on(() -> !h.vm.runningProperty().get()));
        h.thawClock(); // the end has been shown: the reads it started may go on
        h.awaitCrawlEnd();

        assertThat(h.on(() -> h.vm.table().countProperty().get())).isEqualTo(7);
        assertThat(readLine(css).row().result().inlinks()).isEqualTo(4);
        assertThat(readLine(loop).row().statusText()).isEqualTo("Redirect loop");
        assertThat(readLine(loop).row().reason()).isNotEmpty();
    }

    /** The table's line of this URL if it is read, asking for every line's read. */
    private UrlItem line(String url) throws Exception {
        return h.on(() -> {
            UrlItems items = h.vm.table().items();
            for (int i = 0; i < items.size(); i++) {
                UrlItem line = items.get(i);
                if (line.row() != null && line.url().equals(url)) {
                    return line;
                }
            }
            return null;
        });
    }

    /**
     * The table's line of this URL once the reads it asks for now (if its line is stale) are
     * done: the table's lane runs reads in order, so one more read through it comes after.
     */
    private UrlItem readLine(String url) throws Exception {
        UrlItem line = line(url);
        assertThat(line).isNotNull();
        h.run(() -> { }); // the batched read of the lines asked for is on the lane
        CompletableFuture<Object> after = new CompletableFuture<>();
        h.run(() -> h.vm.rowsOf(new long[] {line.id()}, after::complete));
        done(after);
        return line;
    }
}
