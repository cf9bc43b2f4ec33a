package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static io.webprobe.testsupport.LocalHttpServer.respond;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Answers a browser does not show as they claim to be: a body labelled gzip that is not, a
 * Refresh header (a redirect, as a meta refresh is), a 3xx that says the page moved but not
 * where to.
 */
class ResponseQuirksTest {
    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    private RecordingCrawlListener crawl(boolean javaNetHttp) throws Exception {
        var events = new RecordingCrawlListener();
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t").withRespectRobots(false);
        try (CrawlJob job = javaNetHttp
                ? TestJobs.builder(plan, new JdkHttpProbe("t", Duration.ofSeconds(5)), events)
                        .build()
                : TestJobs.job(plan, events)) {
            job.start();
            events.awaitFinish();
        }
        return events;
    }

    private Map<String, CrawlResult> byPath(RecordingCrawlListener events) {
        return events.stored().stream().collect(Collectors.toMap(
                r -> r.url().substring(server.url("").length()), Function.identity()));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aBodyLabelledGzipThatIsNotIsAnErrorAsBrowsersFailIt(boolean javaNetHttp)
            throws Exception {
        server.route("/", html("<a href=\"/fake-gzip\">x</a>"));
        server.route("/fake-gzip", respond(200, "text/html", "<title>plain</title>",
                "Content-Encoding", "gzip"));

        RecordingCrawlListener events = crawl(javaNetHttp);

        CrawlResult fake = byPath(events).get("/fake-gzip");
        assertThat(fake.status()).isEqualTo(200);
        assertThat(fake.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(fake.error()).isEqualTo(ErrorKind.IO);
        assertThat(fake.reason()).isEqualTo("The server says the body is compressed "
                + "(Content-Encoding: gzip), but it is not valid gzip data, so browsers cannot "
                + "show it (a content decoding error)");
        assertThat(fake.truncated()).isFalse();
        assertThat(events.broken).extracting(BrokenLink::linkUrl)
                .containsExactly(server.url("/fake-gzip"));
    }

    /**
     * A gzip body whose compressed stream ends early (its last bytes missing, the download
     * itself complete) is shown by browsers as far as it decodes: the page is ok, and not
     * truncated, which says a page was cut at --max-size.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aGzipBodyThatEndsEarlyIsOkAndNotTruncated(boolean javaNetHttp) throws Exception {
        byte[] page = ("<title>Short</title><p>" + "words ".repeat(2000))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(zipped)) {
            gz.write(page);
        }
        byte[] cut = java.util.Arrays.copyOf(zipped.toByteArray(), zipped.size() - 12);
        server.route("/", html("<a href=\"/short-gzip\">x</a>"));
        server.route("/short-gzip", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            ex.sendResponseHeaders(200, cut.length);
            try (var out = ex.getResponseBody()) {
                out.write(cut);
            }
        });

        RecordingCrawlListener events = crawl(javaNetHttp);

        CrawlResult shortGzip = byPath(events).get("/short-gzip");
        assertThat(shortGzip.outcome()).isEqualTo(Outcome.OK);
        assertThat(shortGzip.title()).isEqualTo("Short");
        assertThat(shortGzip.truncated()).isFalse();
    }

    /**
     * A redirect whose body is labelled gzip but is not: browsers follow the Location without
     * reading the body, so the redirect is recorded and followed, not an error.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aRedirectWithABodyThatIsNotItsGzipIsFollowedAsBrowsersFollowIt(boolean javaNetHttp)
            throws Exception {
        server.route("/", html("<a href=\"/moved\">m</a>"));
        server.route("/moved", respond(302, "text/html", "<a href=\"/target\">moved</a>",
                "Location", "/target", "Content-Encoding", "gzip"));
        server.route("/target", html("<title>T</title>"));

        RecordingCrawlListener events = crawl(javaNetHttp);
        Map<String, CrawlResult> rows = byPath(events);

        CrawlResult moved = rows.get("/moved");
        assertThat(moved.status()).isEqualTo(302);
        assertThat(moved.outcome()).isEqualTo(Outcome.REDIRECT);
        assertThat(moved.error()).isNull();
        assertThat(moved.redirectTo()).isEqualTo(server.url("/target"));
        assertThat(rows.get("/target").status()).isEqualTo(200);
        assertThat(server.hits("/target")).isEqualTo(1);
        assertThat(events.broken).isEmpty();
    }

    @Test
    void aRefreshHeaderIsARedirectAsAMetaRefreshIs() throws Exception {
        server.route("/", html("<a href=\"/refreshing\">r</a><a href=\"/both\">b</a>"
                + "<a href=\"/reload\">l</a>"));
        server.route("/refreshing", respond(200, "text/plain", "wait", "Refresh",
                "0; url=/target"));
        // the header comes first, so the page's own meta refresh is not followed
        server.route("/both", respond(200, "text/html",
                "<meta http-equiv=refresh content=\"0; url=/from-meta\">", "Refresh",
                "1;URL='/from-header'"));
        server.route("/reload", respond(200, "text/html", "<title>r</title>", "Refresh", "30"));
        server.route("/target", html("<title>T</title>"));
        server.route("/from-header", html("<title>H</title>"));
        server.route("/from-meta", html("<title>M</title>"));

        Map<String, CrawlResult> rows = byPath(crawl(false));

        assertThat(rows.get("/refreshing").redirectTo()).isEqualTo(server.url("/target"));
        assertThat(rows.get("/refreshing").outcome()).isEqualTo(Outcome.REDIRECT);
        assertThat(rows.get("/target").status()).isEqualTo(200);
        assertThat(rows.get("/both").redirectTo()).isEqualTo(server.url("/from-header"));
        assertThat(rows).containsKey("/from-header").doesNotContainKey("/from-meta");
        assertThat(rows.get("/reload").outcome()).isEqualTo(Outcome.OK); // a reload stays
        assertThat(server.hits("/from-meta")).isZero();
    }

    /**
     * A Refresh header or meta refresh to something that is not a URL leaves the browser on
     * the page (the page is fine), and is a broken link of that page, as a malformed href is.
     */
    @Test
    void aRefreshToAMalformedUrlIsABrokenLinkOfThePageAsAMalformedHrefIs() throws Exception {
        server.route("/", html("<a href=\"/bad-header\">h</a><a href=\"/bad-meta\">m</a>"));
        server.route("/bad-header", respond(200, "text/plain", "wait", "Refresh",
                "0; url=http://127.0.0.1:99999/header"));
        server.route("/bad-meta", html(
                "<meta http-equiv=refresh content=\"0; url=http://127.0.0.1:99999/meta\">"));

        RecordingCrawlListener events = crawl(false);
        Map<String, CrawlResult> rows = byPath(events);

        assertThat(rows.get("/bad-header").outcome()).isEqualTo(Outcome.OK);
        assertThat(rows.get("/bad-header").redirectTo()).isEmpty();
        assertThat(rows.get("/bad-meta").outcome()).isEqualTo(Outcome.OK);
        assertThat(events.broken).extracting(b -> b.sourceUrl().substring(
                server.url("").length()) + " " + b.linkUrl() + " " + b.linkType())
                .containsExactlyInAnyOrder(
                        "/bad-header http://127.0.0.1:99999/header refresh-header",
                        "/bad-meta http://127.0.0.1:99999/meta meta-refresh");
        assertThat(events.broken).allSatisfy(b -> assertThat(b.errorMessage())
                .contains("port is out of range"));
    }

    @Test
    void aRedirectWithoutALocationIsBrokenWithAPlainReason() throws Exception {
        server.route("/", html("<a href=\"/nowhere\">n</a><a href=\"/choices\">c</a>"));
        server.route("/nowhere", respond(302, "text/html", "moved"));
        server.route("/choices", respond(300, "text/html", "<a href=\"/\">one</a>"));

        RecordingCrawlListener events = crawl(false);
        Map<String, CrawlResult> rows = byPath(events);

        CrawlResult nowhere = rows.get("/nowhere");
        assertThat(nowhere.status()).isEqualTo(302);
        assertThat(nowhere.redirectTo()).isEmpty();
        assertThat(nowhere.isBroken()).isTrue();
        assertThat(nowhere.reason()).isEqualTo("Redirect without a Location: the server says "
                + "the page moved but not where to, so a browser shows this answer instead");
        assertThat(rows.get("/choices").isBroken()).isFalse();
        assertThat(events.broken).extracting(BrokenLink::linkUrl)
                .containsExactly(server.url("/nowhere"));
    }
}
