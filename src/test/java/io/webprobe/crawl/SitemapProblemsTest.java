package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static io.webprobe.testsupport.LocalHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.testsupport.LocalHttpServer;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A sitemap that cannot be read is named in one sentence, not read silently as empty. */
class SitemapProblemsTest {
    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    private CrawlSummary crawl() throws Exception {
        var events = new RecordingCrawlListener();
        try (CrawlJob job = TestJobs.job(
                CrawlPlan.of(URI.create(server.url("/")), "t").withSitemaps(true), events)) {
            job.start();
            return events.awaitFinish();
        }
    }

    @Test
    void aSitemapWithADoctypeIsRefusedInOneSentence() throws Exception {
        server.route("/", html("home"));
        server.route("/robots.txt", respond(200, "text/plain",
                "Sitemap: " + server.url("/sitemap.xml") + "\nSitemap: " + server.url("/gone.xml")
                        + "\n"));
        server.route("/sitemap.xml", respond(200, "application/xml", """
                <?xml version="1.0"?>
                <!DOCTYPE urlset [<!ENTITY site "http://127.0.0.1/">]>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <url><loc>&site;page</loc></url></urlset>
                """));

        CrawlSummary summary = crawl();

        assertThat(summary.warnings()).containsExactly(
                "The sitemap " + server.url("/sitemap.xml") + " could not be read: it has a "
                        + "DOCTYPE declaration, which Webprobe does not read in XML for safety "
                        + "(entities), so its URLs were not crawled.",
                "The sitemap " + server.url("/gone.xml") + " could not be read: it answered "
                        + "HTTP 404.");
        assertThat(summary.sitemapUrls()).isZero();
    }

    @Test
    void aRawAmpersandIsNamedWithItsLineAsSearchEnginesRefuseTheSitemapToo() throws Exception {
        // invalid XML, common in hand-made sitemaps: crawler-commons (lenient or not) and
        // browsers' XML parsers stop at it, so its URLs are not crawled, but the sentence says
        // what to fix and where; a sitemap broken otherwise keeps the general sentence
        server.route("/", html("home"));
        server.route("/robots.txt", respond(200, "text/plain",
                "Sitemap: " + server.url("/amp.xml") + "\nSitemap: " + server.url("/cut.xml")
                        + "\n"));
        server.route("/amp.xml", respond(200, "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <!-- a & in a comment is fine --><url><loc><![CDATA[/c?a=1&b=2]]></loc></url>
                <url><loc>%s?a=1&amp;b=2</loc></url>
                <url><loc>%s?a=1&b=2</loc></url>
                </urlset>
                """.formatted(server.url("/p"), server.url("/q"))));
        server.route("/cut.xml", respond(200, "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <url><loc>%s?a=1&b=2</loc>
                """.formatted(server.url("/r")).replace("&", "&amp;")));

        CrawlSummary summary = crawl();

        assertThat(summary.warnings()).containsExactly(
                "The sitemap " + server.url("/amp.xml") + " could not be read: line 5 has an &"
                        + " not written as &amp;, as XML requires, so its URLs were not crawled.",
                "The sitemap " + server.url("/cut.xml") + " could not be read: it is not a "
                        + "valid XML or text sitemap, so its URLs were not crawled.");
        assertThat(summary.sitemapUrls()).isZero();
    }

    @Test
    void anHtmlEntityIsNamedWithItsLineAsXmlDefinesOnlyFive() throws Exception {
        // &nbsp; or &eacute; copied from a page: XML defines only &amp; &lt; &gt; &quot;
        // &apos;, so the sitemap is not well-formed, and the sentence names the entity, its
        // line and what to write instead; numeric references and the five are fine
        server.route("/", html("home"));
        server.route("/robots.txt", respond(200, "text/plain",
                "Sitemap: " + server.url("/nbsp.xml") + "\n"));
        server.route("/nbsp.xml", respond(200, "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <url><loc>%s?a=&lt;&#160;&#xA0;&apos;</loc></url>
                <url><loc>%s</loc><!-- &nbsp; in a comment is fine --></url>
                <url><loc>%s?q=caf&eacute;&nbsp;au&nbsp;lait</loc></url>
                </urlset>
                """.formatted(server.url("/p"), server.url("/q"), server.url("/r"))));

        CrawlSummary summary = crawl();

        assertThat(summary.warnings()).containsExactly(
                "The sitemap " + server.url("/nbsp.xml") + " could not be read: line 5 has "
                        + "&eacute;, which XML does not define (write the character itself or "
                        + "&#233;), so its URLs were not crawled.");
        assertThat(summary.sitemapUrls()).isZero();
    }

    @Test
    void aMissingDefaultSitemapIsNotWorthAWord() throws Exception {
        server.route("/", html("home"));

        assertThat(crawl().warnings()).isEmpty();
        assertThat(server.hits("/sitemap.xml")).isEqualTo(1);
    }
}
