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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bug: once a crawl ended, the URL table kept the values its lines had been read with
 * while it ran (style.css with 12 inlinks where the file, the Inlinks tab and the CSV said 19;
 * a redirect loop's "302" with no reason), whatever the search, filter or order, because the
 * end read the table's ids again but not its lines. The end now has every line read again.
 */
class CrawlEndRereadTest {
    @TempDir
    Path crawlsDir;

    private final LocalHttpServer server = new LocalHttpServer();
    private final CountDownLatch pages = new CountDownLatch(1);
    private final CountDownLatch ticksBack = new CountDownLatch(1);
    private VmHarness h;

    @AfterEach
    void tearDown() throws Exception {
        pages.countDown();
        ticksBack.countDown();
        if (h != null) {
            h.close();
        }
        server.close();
    }

    @Test
    void aLineReadWhileTheCrawlRanShowsTheFileOnceItEnds() throws Exception {
        server.route("/", html("<a href='/style.css'>css</a><a href='/p1'>1</a>"
                + "<a href='/p2'>2</a><a href='/p3'>3</a>"));
        server.route("/style.css", LocalHttpServer.respond(200, "text/css", "body{}"));
        for (String p : List.of("/p1", "/p2", "/p3")) {
            server.route(p, LocalHttpServer.blockUntil(pages, new CountDownLatch(1),
                    "<title>" + p + "</title><a href='/style.css'>css</a>"));
        }
        h = new VmHarness(crawlsDir);
        assertThat(h.start(server.url("/"))).isTrue();

        // while the pages are held, the table shows style.css with the one inlink of "/"
        String css = server.url("/style.css");
        await().atMost(VmHarness.CRAWL_WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> line(css) != null);
        // no tick from here to the end (a tick marks the lines stale on its own): the table's
        // only news of the end is the end
        CountDownLatch blocked = new CountDownLatch(1);
        h.timer.execute(() -> {
            blocked.countDown();
            try {
                ticksBack.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
        h.run(() -> { }); // a tick posted before the block has run
        assertThat(readLine(css).row().result().inlinks()).isEqualTo(1);

        pages.countDown();
        h.awaitCrawlEnd();

        assertThat(h.on(() -> h.vm.table().countProperty().get())).isEqualTo(5);
        assertThat(readLine(css).row().result().inlinks()).isEqualTo(4);
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
