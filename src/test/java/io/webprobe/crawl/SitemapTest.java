package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.JdkHttpProbe;
import io.webprobe.testsupport.LocalHttpServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sitemaps: robots.txt Sitemap lines, index files, gzip, seeding and orphans. */
class SitemapTest {
    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    private CrawlSummary crawl(CrawlPlan plan, RecordingCrawlListener events) throws Exception {
        try (CrawlJob job = TestJobs.job(plan, events)) {
            job.start();
            return events.awaitFinish();
        }
    }

    private String urlset(String... paths) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (String p : paths) {
            sb.append("<url><loc>").append(server.url(p)).append("</loc></url>");
        }
        return sb.append("</urlset>").toString();
    }

    private static byte[] gzip(String s) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private void site() throws Exception {
        server.route("/", html("<a href=\"/linked\">linked</a>"));
        server.route("/linked", html("ok"));
        server.route("/orphan", html("nobody links here"));
        server.route("/old-orphan", html("nor here"));
        server.route("/robots.txt", ex -> LocalHttpServer.send(ex, 200, "text/plain",
                "User-agent: *\nDisallow:\nSitemap: " + server.url("/sitemap-index.xml") + "\n"));
        server.route("/sitemap-index.xml", ex -> LocalHttpServer.send(ex, 200, "application/xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                        + "<sitemap><loc>" + server.url("/pages.xml") + "</loc></sitemap>"
                        + "<sitemap><loc>" + server.url("/more.xml.gz") + "</loc></sitemap>"
                        + "</sitemapindex>"));
        server.route("/pages.xml", ex -> LocalHttpServer.send(ex, 200, "application/xml",
                urlset("/", "/linked", "/orphan")));
        byte[] gz = gzip(urlset("/old-orphan", "/missing-page"));
        server.route("/more.xml.gz", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/gzip");
            ex.sendResponseHeaders(200, gz.length);
            ex.getResponseBody().write(gz);
        });
    }

    @Test
    void sitemapUrlsAreCrawledAndThoseNoPageLinksToAreOrphans() throws Exception {
        site();
        var events = new RecordingCrawlListener();
        CrawlSummary summary = crawl(CrawlPlan.of(URI.create(server.url("/")), "t").withSitemaps(true),
                events);

        assertThat(server.hits("/orphan")).isEqualTo(1);
        assertThat(server.hits("/old-orphan")).isEqualTo(1);
        assertThat(summary.sitemapUrls()).isEqualTo(5);
        assertThat(summary.orphans()).containsExactly(server.url("/missing-page"),
                server.url("/old-orphan"), server.url("/orphan"));
        assertThat(events.results()).filteredOn(r -> r.url().equals(server.url("/orphan")))
                .singleElement().satisfies(r -> {
                    assertThat(r.referrer()).isEqualTo("(sitemap)");
                    assertThat(r.inlinks()).isZero();
                });
        assertThat(events.results()).filteredOn(r -> r.url().equals(server.url("/missing-page")))
                .singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(404));
    }

    @Test
    void aStoppedCrawlReportsNoOrphansSinceUncrawledPagesMayLinkToThem() throws Exception {
        site();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(1);
        server.route("/linked", LocalHttpServer.blockUntil(release, arrived,
                "<a href=\"/orphan\">really linked</a>"));
        var events = new RecordingCrawlListener();
        try (CrawlJob job = TestJobs.job(
                CrawlPlan.of(URI.create(server.url("/")), "t").withSitemaps(true), events)) {
            job.start();
            assertThat(arrived.await(ManualTicker.STUCK.toSeconds(),
                    java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            org.awaitility.Awaitility.await().atMost(ManualTicker.STUCK)
                    .until(() -> server.hits("/old-orphan") == 1);
            job.stop();
            release.countDown();
            CrawlSummary summary = events.awaitFinish();

            assertThat(summary.stopped()).isTrue();
            assertThat(summary.orphans()).isEmpty(); // /orphan is linked from the unfinished page
        }
    }

    @Test
    void withoutTheOptionSitemapsAreNotRead() throws Exception {
        site();
        var events = new RecordingCrawlListener();
        CrawlSummary summary = crawl(CrawlPlan.of(URI.create(server.url("/")), "t"), events);
        assertThat(server.hits("/sitemap-index.xml")).isZero();
        assertThat(server.hits("/orphan")).isZero();
        assertThat(summary.orphans()).isEmpty();
    }

    @Test
    void aListCheckReadsNoSitemapAndReportsNoOrphans() throws Exception {
        site();
        var events = new RecordingCrawlListener();
        // "Use sitemaps" stays ticked when the user switches to List: a list checks its URLs
        CrawlPlan plan = CrawlPlan.ofList(java.util.List.of(URI.create(server.url("/linked")),
                URI.create(server.url("/missing-page"))), "t").withSitemaps(true);
        CrawlSummary summary = crawl(plan, events);

        assertThat(server.hits("/sitemap-index.xml")).isZero();
        assertThat(server.hits("/orphan")).isZero();
        assertThat(summary.sitemapUrls()).isZero();
        assertThat(summary.orphans()).isEmpty();
        assertThat(events.stored()).extracting(CrawlResult::url).containsExactlyInAnyOrder(
                server.url("/linked"), server.url("/missing-page"));
        assertThat(plan.useSitemaps()).isFalse(); // so the workspace counts no orphans
    }

    @Test
    void fallsBackToSitemapXmlWhenRobotsNamesNone() throws Exception {
        server.route("/", html("home"));
        server.route("/lonely", html("orphan"));
        server.route("/sitemap.xml", ex -> LocalHttpServer.send(ex, 200, "application/xml",
                urlset("/", "/lonely")));
        var events = new RecordingCrawlListener();
        CrawlSummary summary = crawl(CrawlPlan.of(URI.create(server.url("/")), "t").withSitemaps(true),
                events);
        assertThat(summary.orphans()).containsExactly(server.url("/lonely"));
    }

    @Test
    void aSitemapUrlIsRequestedAsABrowserWritesIt() throws Exception {
        // sitemaps often list a page with its letters as they are (café, a space) rather than
        // percent-encoded: a browser sends /caf%C3%A9 and /my%20page; Webprobe sent the UTF-8
        // bytes of "é" raw on the request line (a 404 on servers that read them as Latin-1) and
        // dropped the URL with a space without a word
        server.route("/", html("home"));
        server.route("/caf%C3%A9", html("café"));
        server.route("/my%20page", html("a page"));
        server.route("/sitemap.xml", ex -> LocalHttpServer.send(ex, 200, "application/xml",
                urlset("/", "/café", "/my page")));
        var events = new RecordingCrawlListener();
        CrawlSummary summary = crawl(CrawlPlan.of(URI.create(server.url("/")), "t")
                .withSitemaps(true), events);

        assertThat(server.hits("/caf%C3%A9")).isEqualTo(1);
        assertThat(server.hits("/my%20page")).isEqualTo(1);
        assertThat(summary.orphans()).containsExactlyInAnyOrder(server.url("/caf%C3%A9"),
                server.url("/my%20page"));
        assertThat(events.results()).filteredOn(r -> r.status() != 200).isEmpty();
    }

    /**
     * A gzipped sitemap is read up to the size the crawl reads of one (60 MB; 1 MB here), as
     * it comes and as it is once undone: the parser undid it to its end, however large. Seen:
     * a 1 MB file of 1 GB of spaces took a worker 9 s (a 60 MB one, minutes), which Stop could
     * not end, and the crawl could not end before it. Here 2 MB of spaces, then a URL: the URL
     * lies beyond what is read.
     */
    @Test
    void aGzippedSitemapIsReadNoFurtherUndoneThanItsSizeLimit() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns="
                    + "\"http://www.sitemaps.org/schemas/sitemap/0.9\">")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 2; i++) {
                gz.write(spaces);
            }
            gz.write(("<url><loc>" + server.url("/beyond") + "</loc></url></urlset>")
                    .getBytes(StandardCharsets.UTF_8));
        }
        byte[] bomb = out.toByteArray();
        server.route("/bomb.xml.gz", LocalHttpServer.bytes("application/gzip", bomb));
        server.route("/small.xml.gz", LocalHttpServer.bytes("application/x-gzip",
                gzip(urlset("/listed"))));
        try (io.webprobe.http.Http1Probe probe =
                new io.webprobe.http.Http1Probe("t", java.time.Duration.ofSeconds(5))) {
            SitemapReader reader = new SitemapReader(probe, java.time.Duration.ofSeconds(30),
                    1 << 20);
            java.util.List<io.webprobe.http.WebUrl> urls = reader.read(java.util.List.of(
                    server.url("/small.xml.gz"), server.url("/bomb.xml.gz")), 100, true);

            assertThat(urls).extracting(io.webprobe.http.WebUrl::requestUrl)
                    .containsExactly(server.url("/listed"));
            assertThat(reader.problems()).singleElement().asString()
                    .startsWith("The sitemap " + server.url("/bomb.xml.gz") + " could not be read");
        }
    }

    /**
     * A sitemap.xml.gz sent with Content-Encoding: gzip (Apache's AddEncoding x-gzip .gz) is
     * undone on its way, and still labelled application/x-gzip: its XML is read. The parser
     * took the label, tried to undo it again, and called it no sitemap.
     */
    @Test
    void aGzippedSitemapUndoneOnItsWayIsRead() throws Exception {
        server.route("/undone.xml.gz", LocalHttpServer.bytes("application/x-gzip",
                urlset("/listed").getBytes(StandardCharsets.UTF_8)));
        try (io.webprobe.http.Http1Probe probe =
                new io.webprobe.http.Http1Probe("t", java.time.Duration.ofSeconds(5))) {
            SitemapReader reader = new SitemapReader(probe, java.time.Duration.ofSeconds(30));
            java.util.List<io.webprobe.http.WebUrl> urls = reader.read(java.util.List.of(
                    server.url("/undone.xml.gz")), 100, true);

            assertThat(reader.problems()).isEmpty();
            assertThat(urls).extracting(io.webprobe.http.WebUrl::requestUrl)
                    .containsExactly(server.url("/listed"));
        }
    }
}
