package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.testsupport.LocalHttpServer;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a browser loads besides src and href is checked too, crawled from a real loopback
 * server: an SVG sprite ({@code <use href>}, {@code xlink:href}), an SVG {@code <image>}, the
 * legacy {@code background} of a body or table, an {@code <input type=image>}; what it never
 * loads (a quotation's cite, a form's action) is not.
 */
class ResourcesBrowsersLoadTest {
    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void spritesBackgroundsAndImageButtonsAreCheckedAndTheirBrokenOnesNamed() throws Exception {
        server.route("/", html("<body background=\"/bg.png\"><svg>"
                + "<use xlink:href=\"/icons.svg#home\"></use><use href=\"#local\"></use>"
                + "<image href=\"/gone.png\"/></svg>"
                + "<table><tr><td background=\"/cell-gone.png\">x</td></tr></table>"
                + "<form action=\"/search\"><input type=image src=\"/go-gone.png\"></form>"
                + "<blockquote cite=\"/source\">q</blockquote></body>"));
        server.route("/icons.svg", ex -> LocalHttpServer.send(ex, 200, "image/svg+xml", "<svg/>"));
        server.route("/bg.png", ex -> LocalHttpServer.send(ex, 200, "image/png", "P"));
        var events = new RecordingCrawlListener();
        try (CrawlJob job = TestJobs.job(CrawlPlan.of(URI.create(server.url("/")), "t"),
                events)) {
            job.start();
            events.awaitFinish();
        }

        assertThat(server.hits("/icons.svg")).isEqualTo(1);
        assertThat(server.hits("/bg.png")).isEqualTo(1);
        assertThat(server.hits("/search")).isZero();
        assertThat(server.hits("/source")).isZero();
        assertThat(events.broken).extracting(l -> l.linkUrl() + " (" + l.linkType() + ")")
                .containsExactlyInAnyOrder(
                        server.url("/gone.png") + " (image)",
                        server.url("/cell-gone.png") + " (background)",
                        server.url("/go-gone.png") + " (input)");
    }
}
