package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.ErrorKind;
import io.webprobe.http.FetchRequest;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.LocalHttpServer.Arrival;
import io.webprobe.testsupport.ShortTimeoutProbe;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How links to another host are checked, against real loopback servers: HEAD first, and GET
 * whenever the HEAD answer may be HEAD's own, so a server that mishandles HEAD does not make a
 * working link broken. The site's own pages are only ever asked with GET.
 */
class ExternalLinkCheckTest {
    private final LocalHttpServer site = new LocalHttpServer();
    private final LocalHttpServer other = new LocalHttpServer();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void tearDown() {
        release.countDown();
        site.close();
        other.close();
    }

    /** Answers HEAD with {@code headStatus} and GET with a page (200). */
    private static LocalHttpServer.Route headFails(int headStatus) {
        return ex -> {
            if (ex.getRequestMethod().equals("HEAD")) {
                LocalHttpServer.send(ex, headStatus, "text/html", "");
            } else {
                LocalHttpServer.send(ex, 200, "text/html; charset=utf-8", "<title>fine</title>");
            }
        };
    }

    private record Crawl(Map<String, CrawlResult> rows, RecordingCrawlListener events,
            CrawlSummary summary) {}

    private Crawl crawl(Duration timeout, String... externalPaths) throws Exception {
        return crawl(timeout, r -> false, externalPaths);
    }

    /** A crawl whose requests that {@code held} accepts have a timeout of 300 ms instead. */
    private Crawl crawl(Duration timeout, Predicate<FetchRequest> held, String... externalPaths)
            throws Exception {
        StringBuilder home = new StringBuilder("<title>Home</title><a href=\"/inner\">inner</a>");
        for (String p : externalPaths) {
            home.append("<a href=\"").append(other.url(p)).append("\">").append(p).append("</a>");
        }
        site.route("/", html(home.toString()));
        var events = new RecordingCrawlListener();
        CrawlPlan plan = CrawlPlan.of(URI.create(site.url("/")), "Webprobe/test")
                .withTimeout(timeout);
        ShortTimeoutProbe probe = new ShortTimeoutProbe(
                CrawlProbes.forPlan(plan, Duration.ofSeconds(5)), held, Duration.ofMillis(300));
        try (probe; CrawlJob job = TestJobs.builder(plan, probe, events).build()) {
            job.start();
            CrawlSummary summary = events.awaitFinish();
            return new Crawl(events.results().stream().collect(
                    Collectors.toMap(CrawlResult::url, Function.identity())), events, summary);
        }
    }

    @Test
    void anErrorStatusToHeadIsAskedAgainWithGetAndOnlyGetCounts() throws Exception {
        other.route("/h404", headFails(404));
        other.route("/h500", headFails(500));
        other.route("/h410", headFails(410));
        other.route("/gone", ex -> LocalHttpServer.send(ex, 404, "text/html", "<p>gone</p>"));
        other.route("/fine", html("<title>fine</title>"));
        site.route("/inner", headFails(404));

        Crawl crawl = crawl(Duration.ofSeconds(5), "/h404", "/h500", "/h410", "/gone", "/fine");

        for (String p : new String[] {"/h404", "/h500", "/h410"}) {
            CrawlResult row = crawl.rows().get(other.url(p));
            assertThat(row.status()).as(p).isEqualTo(200);
            assertThat(row.outcome()).as(p).isEqualTo(Outcome.OK);
            assertThat(other.arrivals(p)).as(p).extracting(Arrival::method)
                    .containsExactly("HEAD", "GET");
        }
        CrawlResult gone = crawl.rows().get(other.url("/gone"));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(other.arrivals("/gone")).extracting(Arrival::method)
                .containsExactly("HEAD", "GET");
        // a HEAD that answers well is enough
        assertThat(other.arrivals("/fine")).extracting(Arrival::method).containsExactly("HEAD");
        assertThat(crawl.events().broken).extracting(BrokenLink::linkUrl)
                .containsExactly(other.url("/gone"));
        assertThat(crawl.summary().broken()).isEqualTo(1);
        // the site's own pages are fetched with GET alone
        assertThat(site.arrivals()).extracting(Arrival::method).containsOnly("GET");
        assertThat(crawl.rows().get(site.url("/inner")).status()).isEqualTo(200);
    }

    @Test
    void aHeadLeftUnansweredIsAskedAgainWithGet() throws Exception {
        other.route("/hang", ex -> {
            if (ex.getRequestMethod().equals("HEAD")) {
                try {
                    release.await(30, TimeUnit.SECONDS); // until the test ends
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            LocalHttpServer.send(ex, 200, "text/html; charset=utf-8", "<title>fine</title>");
        });
        site.route("/inner", html("<title>inner</title>"));

        // the HEAD is held until the test ends and has a short timeout of its own, so it times
        // out whatever the load; every other request keeps the crawl's 5 s
        Crawl crawl = crawl(Duration.ofSeconds(5), r -> r.method().equals("HEAD")
                && r.uri().getPath().equals("/hang"), "/hang");

        CrawlResult hang = crawl.rows().get(other.url("/hang"));
        assertThat(hang.error()).isNull();
        assertThat(hang.status()).isEqualTo(200);
        assertThat(other.arrivals("/hang")).extracting(Arrival::method)
                .containsExactly("HEAD", "GET");
        assertThat(crawl.summary().broken()).isZero();
    }

    @Test
    void a429ToHeadIsNotAskedAgainAtOnce() throws Exception {
        // a wait beyond the cap: the URL is blocked as rate limited without being asked again
        other.route("/busy", ex -> {
            ex.getResponseHeaders().add("Retry-After", "3600");
            LocalHttpServer.send(ex, 429, "text/plain", "slow down");
        });
        site.route("/inner", html("<title>inner</title>"));

        Crawl crawl = crawl(Duration.ofSeconds(5), "/busy");

        CrawlResult busy = crawl.rows().get(other.url("/busy"));
        assertThat(busy.skipped()).isEqualTo(SkipReason.RATE_LIMITED);
        assertThat(other.arrivals("/busy")).extracting(Arrival::method).containsExactly("HEAD");
        assertThat(crawl.summary().broken()).isZero();
    }

    @Test
    void aFailedConnectionIsNotAskedAgainWithGet() {
        assertThat(Fetcher.askAgainWithGet(io.webprobe.http.FetchResponse.failed(
                URI.create("http://127.0.0.1:1/"), ErrorKind.REFUSED, "refused", 1))).isFalse();
        assertThat(Fetcher.askAgainWithGet(io.webprobe.http.FetchResponse.failed(
                URI.create("http://127.0.0.1:1/"), ErrorKind.TIMEOUT, "late", 1))).isTrue();
    }
}
