package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.testsupport.LocalHttpServer;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The site's stylesheets are read for links: fonts, background images and imported
 * stylesheets are checked, linked from the stylesheet (type {@code css-url}), resolved against
 * the stylesheet's own URL; other hosts' stylesheets are checked, not read.
 */
class StylesheetLinksTest {
    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    private static LocalHttpServer.Route css(String body) {
        return ex -> LocalHttpServer.send(ex, 200, "text/css; charset=utf-8", body);
    }

    @Test
    void fontsImagesAndImportsOfAStylesheetAreCheckedAndItsBrokenOnesNamed() throws Exception {
        try (LocalHttpServer other = new LocalHttpServer()) {
            other.route("/theme.css", css("body { background: url(/never-read.png) }"));
            server.route("/", html("<link rel=stylesheet href=\"/css/site.css\">"
                    + "<link rel=stylesheet href=\"" + other.url("/theme.css") + "\">"));
            server.route("/css/site.css", css("""
                    @charset "utf-8";
                    @import "print.css";
                    @import url("missing-import.css");
                    /* url(commented-out.png) */
                    @font-face { src: url('../fonts/a.woff2') format("woff2"); }
                    .hero { background: url(../img/hero.png) }
                    .gone { background-image: url( "../img/gone.png" ) }
                    .inline { background: url(data:image/png;base64,iVBORw0KGgo=) }
                    """));
            server.route("/css/print.css", css(".p { background: url(/img/print-gone.png) }"));
            server.route("/fonts/a.woff2", ex -> LocalHttpServer.send(ex, 200, "font/woff2", "F"));
            server.route("/img/hero.png", ex -> LocalHttpServer.send(ex, 200, "image/png", "P"));
            var events = new RecordingCrawlListener();
            try (CrawlJob job = TestJobs.job(CrawlPlan.of(URI.create(server.url("/")), "t"),
                    events)) {
                job.start();
                events.awaitFinish();
            }

            assertThat(server.hits("/fonts/a.woff2")).isEqualTo(1);
            assertThat(server.hits("/img/hero.png")).isEqualTo(1);
            assertThat(server.hits("/css/print.css")).isEqualTo(1);
            assertThat(server.hits("/commented-out.png")).isZero();
            assertThat(other.hits("/theme.css")).isEqualTo(1);
            assertThat(other.hits("/never-read.png")).isZero(); // another host's CSS: checked only
            assertThat(events.broken).extracting(l -> l.sourceUrl() + " -> " + l.linkUrl()
                    + " (" + l.linkType() + ", " + l.status() + ")")
                    .containsExactlyInAnyOrder(
                            server.url("/css/site.css") + " -> "
                                    + server.url("/css/missing-import.css") + " (css-url, 404)",
                            server.url("/css/site.css") + " -> " + server.url("/img/gone.png")
                                    + " (css-url, 404)",
                            server.url("/css/print.css") + " -> "
                                    + server.url("/img/print-gone.png") + " (css-url, 404)");
            List<CrawlResult> stored = events.stored();
            assertThat(stored).filteredOn(r -> r.url().equals(server.url("/css/site.css")))
                    .singleElement().satisfies(r -> assertThat(r.outlinks()).isEqualTo(5));
            assertThat(stored).filteredOn(r -> r.url().equals(server.url("/fonts/a.woff2")))
                    .singleElement().satisfies(r -> {
                        assertThat(r.referrer()).isEqualTo(server.url("/css/site.css"));
                        assertThat(r.inlinks()).isEqualTo(1);
                    });
        }
    }

    /** A stylesheet of megabytes (kept in a temporary file) is read as a stream to its end. */
    @Test
    void aStylesheetOfMegabytesIsReadToItsEnd() throws Exception {
        String rules = ".r { background: url(/img/same.png) } /* url(/no.png) */\n".repeat(100_000);
        server.route("/", html("<link rel=stylesheet href=\"/big.css\">"));
        server.route("/big.css", css(rules + ".last { background: url(/img/last.png) }"));
        server.route("/img/same.png", ex -> LocalHttpServer.send(ex, 200, "image/png", "P"));
        server.route("/img/last.png", ex -> LocalHttpServer.send(ex, 200, "image/png", "P"));
        var events = new RecordingCrawlListener();
        try (CrawlJob job = TestJobs.job(CrawlPlan.of(URI.create(server.url("/")), "t")
                .withMaxBodyBytes(60L << 20), events)) {
            job.start();
            events.awaitFinish();
        }

        assertThat(rules.length()).isGreaterThan(2 * io.webprobe.http.ResponseBody.IN_MEMORY);
        assertThat(server.hits("/img/same.png")).isEqualTo(1);
        assertThat(server.hits("/img/last.png")).isEqualTo(1);
        assertThat(server.hits("/no.png")).isZero();
        assertThat(events.stored()).filteredOn(r -> r.url().equals(server.url("/big.css")))
                .singleElement().satisfies(r -> assertThat(r.outlinks()).isEqualTo(2));
    }
}
