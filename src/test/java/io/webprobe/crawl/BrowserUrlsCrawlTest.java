package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.JdkHttpProbe;
import io.webprobe.testsupport.LocalHttpServer;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Links are requested as a browser requests them, against a loopback server that routes by
 * the exact bytes of the request target (as many servers do): none of these working links may
 * come out broken, and two spellings of one URL are fetched once.
 */
class BrowserUrlsCrawlTest {
    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void workingLinksWrittenAsPagesWriteThemAreNotBroken() throws Exception {
        server.route("/", html("""
                <a href="/docs//page.html">empty segment</a>
                <a href="/lo&#10;ng/pa&#9;ge.html">wrapped by a CMS</a>
                <img src="images\\photo.jpg">
                <a href="/~user/">1</a><a href="/%%7euser/">2</a>
                <a href="list?f[name]=x">PHP array</a>
                <a href="HTTP://127.0.0.1:%d/Case">upper case scheme</a>
                <a href="http://127.0.0.1:99999/">bad port</a>
                """.formatted(server.port())));
        server.route("/docs//page.html", html("ok"));
        server.route("/long/page.html", html("ok"));
        server.route("/images/photo.jpg", html("ok"));
        server.route("/~user/", html("ok"));
        server.route("/list?f[name]=x", html("ok"));
        server.route("/Case", html("ok"));

        var events = new RecordingCrawlListener();
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t");
        try (CrawlJob job = TestJobs.job(plan, events)) {
            job.start();
            events.awaitFinish();
        }

        assertThat(events.broken).singleElement().satisfies(b -> {
            assertThat(b.linkUrl()).isEqualTo("http://127.0.0.1:99999/");
            assertThat(b.errorMessage()).contains("port is out of range");
        });
        for (String path : new String[] {"/docs//page.html", "/long/page.html",
            "/images/photo.jpg", "/~user/", "/list?f[name]=x", "/Case"}) {
            assertThat(server.hits(path)).as(path).isEqualTo(1);
        }
        assertThat(server.hits("/%7euser/")).isZero();
        assertThat(server.allHits().keySet()).doesNotContain("/docs/page.html", "/lo%0Ang");
    }
}
