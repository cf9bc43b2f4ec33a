package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.JdkHttpProbe;
import io.webprobe.testsupport.LocalHttpServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** nofollow pages, X-Robots-Tag and rel=nofollow links against a loopback site. */
class NofollowTest {
    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    private RecordingCrawlListener crawl(CrawlPlan plan) throws Exception {
        var events = new RecordingCrawlListener();
        try (CrawlJob job = TestJobs.job(plan, events)) {
            job.start();
            events.awaitFinish();
        }
        return events;
    }

    private void site() {
        server.route("/", html("<a href=\"/meta\">m</a><a href=\"/header\">h</a>"
                + "<a rel=\"nofollow ugc\" href=\"/gone\">user link</a>"));
        server.route("/meta", html("<meta name=robots content=\"noindex, nofollow\">"
                + "<a href=\"/from-meta\">x</a>"));
        server.route("/header", ex -> {
            ex.getResponseHeaders().add("X-Robots-Tag", "nofollow");
            LocalHttpServer.send(ex, 200, "text/html", "<a href=\"/from-header\">y</a>");
        });
        server.route("/from-meta", html("ok"));
        server.route("/from-header", html("ok"));
    }

    /**
     * Googlebot's own noindex (a googlebot meta tag, an X-Robots-Tag line for it) makes a page
     * not indexable, as Screaming Frog reports it; its nofollow binds Google's crawler, not
     * this one, so the page's links are still crawled.
     */
    @Test
    void aNoindexForGooglebotMakesThePageNotIndexableButItsNofollowBindsOnlyGoogle()
            throws Exception {
        server.route("/", html("<a href=\"/g-meta\">m</a><a href=\"/g-header\">h</a>"
                + "<a href=\"/bing\">b</a>"));
        server.route("/g-meta", html("<meta name=robots content=\"index\">"
                + "<meta name=\"Googlebot\" content=\"NoIndex, nofollow\">"
                + "<a href=\"/from-meta\">x</a>"));
        server.route("/g-header", ex -> {
            ex.getResponseHeaders().add("X-Robots-Tag", "googlebot: noindex, nofollow");
            LocalHttpServer.send(ex, 200, "text/html", "<a href=\"/from-header\">y</a>");
        });
        server.route("/bing", ex -> {
            ex.getResponseHeaders().add("X-Robots-Tag", "bingbot: noindex");
            LocalHttpServer.send(ex, 200, "text/html", "<title>Bing</title>");
        });
        server.route("/from-meta", html("ok"));
        server.route("/from-header", html("ok"));
        var events = crawl(CrawlPlan.of(URI.create(server.url("/")), "t"));
        Map<String, CrawlResult> rows = events.results().stream()
                .collect(Collectors.toMap(CrawlResult::url, Function.identity()));

        CrawlResult meta = rows.get(server.url("/g-meta"));
        assertThat(meta.page().metaRobots()).isEqualTo("index | googlebot: noindex, nofollow");
        assertThat(meta.notIndexable()).isEqualTo(CrawlResult.NotIndexable.NOINDEX);
        assertThat(rows.get(server.url("/g-header")).notIndexable())
                .isEqualTo(CrawlResult.NotIndexable.NOINDEX);
        assertThat(rows.get(server.url("/bing")).indexable()).isTrue();
        assertThat(server.hits("/from-meta")).isEqualTo(1);
        assertThat(server.hits("/from-header")).isEqualTo(1);
    }

    /** Robots meta tags add up, as search engines read them: one saying nofollow is enough. */
    @Test
    void aNofollowInASecondRobotsTagIsObeyed() throws Exception {
        server.route("/", html("<meta name=robots content=\"index\">"
                + "<meta name=\"ROBOTS\" content=\"NoFollow\"><a href=\"/next\">next</a>"));
        server.route("/next", html("ok"));
        var events = crawl(CrawlPlan.of(URI.create(server.url("/")), "t"));

        assertThat(server.hits("/next")).isZero();
        CrawlResult home = events.results().stream()
                .filter(r -> r.url().equals(server.url("/"))).findFirst().orElseThrow();
        assertThat(home.page().metaRobots()).isEqualTo("index, nofollow");
        assertThat(home.page().nofollow()).isTrue();
    }

    @Test
    void linksOfNofollowPagesAreNotFollowedAndTheDirectivesAreRecorded() throws Exception {
        site();
        var events = crawl(CrawlPlan.of(URI.create(server.url("/")), "t"));
        Map<String, CrawlResult> rows = events.results().stream()
                .collect(Collectors.toMap(CrawlResult::url, Function.identity()));

        assertThat(server.hits("/from-meta")).isZero();
        assertThat(server.hits("/from-header")).isZero();
        CrawlResult meta = rows.get(server.url("/meta"));
        assertThat(meta.page().metaRobots()).isEqualTo("noindex, nofollow");
        assertThat(meta.indexable()).isFalse();
        assertThat(meta.outlinks()).isEqualTo(1);
        assertThat(rows.get(server.url("/header")).page().robotsText())
                .isEqualTo("X-Robots-Tag: nofollow");
        assertThat(rows.get(server.url("/")).indexable()).isTrue();
        // a rel=nofollow link is still checked, and its type says nofollow
        assertThat(events.broken).singleElement().satisfies(b -> {
            assertThat(b.linkUrl()).isEqualTo(server.url("/gone"));
            assertThat(b.linkType()).isEqualTo("a nofollow");
        });
    }

    @Test
    void followNofollowFollowsThemAnyway() throws Exception {
        site();
        crawl(CrawlPlan.of(URI.create(server.url("/")), "t").withFollowNofollow(true));
        assertThat(server.hits("/from-meta")).isEqualTo(1);
        assertThat(server.hits("/from-header")).isEqualTo(1);
    }
}
