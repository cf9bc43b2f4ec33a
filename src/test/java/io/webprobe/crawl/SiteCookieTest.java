package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.Header;
import io.webprobe.testsupport.LocalHttpServer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A Cookie header given for the site (-H) and the cookies the site sets go as one header. */
class SiteCookieTest {
    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void aGivenCookieAndTheSitesOwnGoInOneCookieHeader() throws Exception {
        Map<String, List<String>> seen = new ConcurrentHashMap<>();
        server.route("/", ex -> {
            seen.put("/", List.copyOf(ex.getRequestHeaders().getOrDefault("Cookie", List.of())));
            ex.getResponseHeaders().add("Set-Cookie", "sid=1; Path=/");
            html("<a href=\"/next\">next</a>").handle(ex);
        });
        server.route("/next", ex -> {
            seen.put("/next",
                    List.copyOf(ex.getRequestHeaders().getOrDefault("Cookie", List.of())));
            html("ok").handle(ex);
        });
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t").withThreads(1)
                .withSiteHeaders(SiteHeaders.of(List.of(new Header("Cookie", "a=b"))));
        var events = new RecordingCrawlListener();
        try (CrawlJob job = TestJobs.job(plan, events)) {
            job.start();
            events.awaitFinish();
        }

        assertThat(seen.get("/")).containsExactly("a=b");
        // RFC 6265: one Cookie header; the jar's cookies first, then the given ones, as
        // java.net.http (the https client) joins them
        assertThat(seen.get("/next")).containsExactly("sid=1; a=b");
    }
}
