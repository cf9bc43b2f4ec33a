package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static io.webprobe.testsupport.LocalHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.webprobe.http.JdkHttpProbe;
import io.webprobe.testsupport.LocalHttpServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A page's canonical, from its HTML ({@code <link rel=canonical>}) or from its {@code Link}
 * response header (RFC 8288, as Google and Screaming Frog read it): the canonical column, the
 * indexability it decides, and the link to it, checked as every link is.
 */
class CanonicalTest {
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
    void aCanonicalInTheLinkHeaderIsTheCanonicalOfThePage(boolean javaNetHttp)
            throws Exception {
        server.route("/", html("<a href=\"/dir/page\">p</a><a href=\"/doc.pdf\">d</a>"
                + "<a href=\"/both\">b</a><a href=\"/self\">s</a><a href=\"/mail\">m</a>"));
        // a canonical of another scheme is none of ours (it failed the page as an internal
        // error before)
        server.route("/mail", respond(200, "text/html", "<title>Mail</title>",
                "Link", "<mailto:web@example.test>; rel=canonical"));
        // relative to the page, after a link of another relation
        server.route("/dir/page", respond(200, "text/html", "<title>Page</title>",
                "Link", "</style.css>; rel=preload; as=style, <canon-target>; rel=\"canonical\""));
        server.route("/dir/canon-target", html("<title>Target</title>"));
        // absolute, on a document that is no HTML page, given in a second Link field
        server.route("/doc.pdf", respond(200, "application/pdf", "%PDF-1.4",
                "Link", "</style.css>; rel=preload",
                "Link", "<" + server.url("/gone") + ">; rel=canonical"));
        // the HTML names one, the header another: the column shows the HTML's, both are checked
        server.route("/both", respond(200, "text/html",
                "<title>Both</title><link rel=canonical href=\"/html-canon\">",
                "Link", "</header-canon>; rel=canonical"));
        server.route("/html-canon", html("<title>HTML canon</title>"));
        server.route("/self", respond(200, "text/html", "<title>Self</title>",
                "Link", "</self>; rel=canonical"));

        RecordingCrawlListener events = crawl(javaNetHttp);

        Map<String, CrawlResult> rows = byPath(events);
        assertThat(rows.get("/dir/page").page().canonical())
                .isEqualTo(server.url("/dir/canon-target"));
        assertThat(rows.get("/dir/page").indexable()).isFalse();
        assertThat(rows.get("/dir/canon-target").status()).isEqualTo(200);
        assertThat(rows.get("/doc.pdf").page().canonical()).isEqualTo(server.url("/gone"));
        assertThat(rows.get("/both").page().canonical()).isEqualTo(server.url("/html-canon"));
        assertThat(rows.get("/both").indexable()).isFalse();
        assertThat(rows.get("/self").page().canonical()).isEqualTo(server.url("/self"));
        assertThat(rows.get("/self").indexable()).isTrue();
        assertThat(rows.get("/mail").error()).isNull();
        assertThat(rows.get("/mail").title()).isEqualTo("Mail");
        assertThat(rows.get("/mail").page().canonical()).isEmpty();
        assertThat(server.hits("/html-canon")).isEqualTo(1);
        assertThat(events.broken).extracting(BrokenLink::sourceUrl, BrokenLink::linkUrl,
                BrokenLink::linkType).containsExactlyInAnyOrder(
                        tuple(server.url("/doc.pdf"), server.url("/gone"), "canonical-header"),
                        tuple(server.url("/both"), server.url("/header-canon"),
                                "canonical-header"));
    }
}
