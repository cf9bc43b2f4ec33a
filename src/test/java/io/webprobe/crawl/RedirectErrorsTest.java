package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static io.webprobe.testsupport.LocalHttpServer.redirect;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.ErrorKind;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.testsupport.LocalHttpServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Redirect loops, over-long chains and redirects to non-HTTP URLs are errors. */
class RedirectErrorsTest {
    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    private RecordingCrawlListener crawl() throws Exception {
        var events = new RecordingCrawlListener();
        // one thread: hops are fetched in chain order, so the test knows who sees the problem
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t").withThreads(1);
        try (CrawlJob job = new CrawlJob(plan, new JdkHttpProbe("t", Duration.ofSeconds(5)), events)) {
            job.start();
            events.awaitFinish();
        }
        return events;
    }

    private static Map<String, CrawlResult> byUrl(RecordingCrawlListener e) {
        return e.results().stream().collect(Collectors.toMap(CrawlResult::url, Function.identity()));
    }

    @Test
    void aLoopIsAnErrorOnTheHopThatClosesItAndItsLinkIsBroken() throws Exception {
        server.route("/", html("<a href=\"/a\">a</a>"));
        server.route("/a", redirect(301, "/b"));
        server.route("/b", redirect(302, "/a"));
        var events = crawl();
        CrawlResult b = byUrl(events).get(server.url("/b"));
        assertThat(b.status()).isEqualTo(302);
        assertThat(b.error()).isEqualTo(ErrorKind.REDIRECT_LOOP);
        assertThat(b.errorMessage()).isEqualTo("Redirect loop: " + server.url("/a") + " → "
                + server.url("/b") + " → " + server.url("/a"));
        assertThat(b.isBroken()).isTrue();
        assertThat(events.broken).singleElement().satisfies(l -> {
            assertThat(l.sourceUrl()).isEqualTo(server.url("/a"));
            assertThat(l.linkUrl()).isEqualTo(server.url("/b"));
            assertThat(l.linkType()).isEqualTo("redirect");
            assertThat(l.error()).isEqualTo(ErrorKind.REDIRECT_LOOP);
        });
        assertThat(server.hits("/a")).isEqualTo(1); // deduplicated: fetched once each
    }

    @Test
    void moreThanTenHopsIsTooManyRedirects() throws Exception {
        server.route("/", html("<a href=\"/r0\">start</a>"));
        for (int i = 0; i < 12; i++) {
            server.route("/r" + i, redirect(301, "/r" + (i + 1)));
        }
        server.route("/r12", html("end"));
        var events = crawl();
        Map<String, CrawlResult> rows = byUrl(events);
        assertThat(rows.get(server.url("/r9")).error()).isNull(); // hop 10: still allowed
        CrawlResult tooFar = rows.get(server.url("/r10"));
        assertThat(tooFar.error()).isEqualTo(ErrorKind.TOO_MANY_REDIRECTS);
        assertThat(tooFar.errorMessage()).startsWith("More than 10 redirects: " + server.url("/r0"));
        assertThat(events.broken).extracting(BrokenLink::linkUrl).contains(server.url("/r10"));
    }

    @Test
    void aRedirectToAnotherSchemeIsRefusedWithAReason() throws Exception {
        server.route("/", html("<a href=\"/mail\">m</a><a href=\"/bad\">b</a>"));
        server.route("/mail", redirect(302, "mailto:someone@example.invalid"));
        server.route("/bad", redirect(302, "http://"));
        var events = crawl();
        Map<String, CrawlResult> rows = byUrl(events);
        assertThat(rows.get(server.url("/mail")).error()).isEqualTo(ErrorKind.INVALID_URL);
        assertThat(rows.get(server.url("/mail")).errorMessage())
                .isEqualTo("Redirects to mailto:someone@example.invalid, which is not an http(s) URL; not followed");
        assertThat(rows.get(server.url("/bad")).error()).isEqualTo(ErrorKind.INVALID_URL);
        assertThat(events.broken).extracting(BrokenLink::linkUrl)
                .containsExactlyInAnyOrder(server.url("/mail"), server.url("/bad"));
    }
}
