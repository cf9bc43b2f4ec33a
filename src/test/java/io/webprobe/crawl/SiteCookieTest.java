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

    /**
     * A cookie-setting redirect to a URL still queued asks it once: its one request carries
     * the cookie already. Only a URL fetched before the cookie was set is asked again.
     */
    @Test
    void aCookieRedirectToAQueuedUrlDoesNotAskItTwice() throws Exception {
        Map<String, List<String>> seen = new ConcurrentHashMap<>();
        server.route("/", html("<a href=\"/seen\">s</a><a href=\"/gate\">g</a>"
                + "<a href=\"/page\">p</a><a href=\"/gate2\">g2</a>"));
        server.route("/gate", ex -> {
            ex.getResponseHeaders().add("Set-Cookie", "c=1; Path=/");
            LocalHttpServer.redirect(302, "/page").handle(ex);
        });
        server.route("/gate2", ex -> {
            ex.getResponseHeaders().add("Set-Cookie", "d=2; Path=/");
            LocalHttpServer.redirect(302, "/seen").handle(ex);
        });
        for (String path : new String[] {"/page", "/seen"}) {
            server.route(path, ex -> {
                seen.merge(path, List.of(String.valueOf(
                        ex.getRequestHeaders().getFirst("Cookie"))), (x, y) -> {
                            List<String> all = new java.util.ArrayList<>(x);
                            all.addAll(y);
                            return all;
                        });
                html("ok").handle(ex);
            });
        }
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t").withThreads(1);
        var events = new RecordingCrawlListener();
        try (CrawlJob job = TestJobs.job(plan, events)) {
            job.start();
            events.awaitFinish();
        }

        // /page was still queued when /gate set its cookie: asked once, with it
        assertThat(seen.get("/page")).containsExactly("c=1");
        // /seen was fetched before /gate2 set its cookie: asked again, with it
        assertThat(seen.get("/seen")).containsExactly("null", "c=1; d=2");
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
