package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.bytes;
import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.testsupport.LocalHttpServer;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pages that leave out what they should declare, crawled from a real loopback server: read as
 * a browser reads them.
 */
class UndeclaredPagesTest {
    private static final Charset CP1252 = Charset.forName("windows-1252");

    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }


    private Map<String, CrawlResult> crawl() throws Exception {
        return TestJobs.resultsByUrl(CrawlPlan.of(URI.create(server.url("/")), "Webprobe/test"));
    }

    @Test
    void aPageWithoutACharsetIsUtf8WhenItsBytesAreAndWindows1252Otherwise() throws Exception {
        String page = "<html><head><title>Caf\u00e9 na\u00efve</title></head>"
                + "<body><h1>\u201cNa\u00efve\u201d \u20ac</h1></body></html>";
        server.route("/", html("<a href=\"/latin\">l</a><a href=\"/utf8\">u</a>"
                + "<a href=\"/bogus\">b</a><a href=\"/bogus-meta\">m</a>"));
        server.route("/latin", bytes("text/html", page.getBytes(CP1252)));
        server.route("/utf8", bytes("text/html", page.getBytes(StandardCharsets.UTF_8)));
        // a charset nobody knows declares nothing, in the header or in the page
        server.route("/bogus", bytes("text/html; charset=bogus-charset", page.getBytes(CP1252)));
        server.route("/bogus-meta", bytes("text/html",
                ("<meta charset=\"bogus-charset\">" + page).getBytes(CP1252)));

        Map<String, CrawlResult> rows = crawl();

        for (String p : new String[] {"/latin", "/utf8", "/bogus", "/bogus-meta"}) {
            CrawlResult row = rows.get(server.url(p));
            assertThat(row.title()).as(p).isEqualTo("Caf\u00e9 na\u00efve");
            assertThat(row.page().h1()).as(p).isEqualTo("\u201cNa\u00efve\u201d \u20ac");
        }
    }

    @Test
    void aPageWithoutAContentTypeIsHtmlWhenItLooksLikeHtml() throws Exception {
        server.route("/", html("<a href=\"/notype\">n</a><a href=\"/text\">t</a>"
                + "<a href=\"/data\">d</a><a href=\"/nosniff\">s</a>"));
        byte[] page = ("\n<!DOCTYPE html><html><head><title>No type</title></head>"
                + "<body><h1>Here</h1><a href=\"/child\">child</a></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        server.route("/notype", bytes(null, page));
        server.route("/child", html("<title>Child</title>"));
        // a type the server gave is never second-guessed; nor is a body that is not HTML
        server.route("/text", bytes("text/plain", ("<html><title>Text</title>"
                + "<a href=\"/from-text\">x</a></html>").getBytes(StandardCharsets.UTF_8)));
        server.route("/data", bytes(null, "just some words".getBytes(StandardCharsets.UTF_8)));
        server.route("/nosniff", ex -> {
            ex.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
            bytes(null, page).handle(ex);
        });

        Map<String, CrawlResult> rows = crawl();

        CrawlResult notype = rows.get(server.url("/notype"));
        assertThat(notype.contentType()).isEqualTo("text/html");
        assertThat(notype.title()).isEqualTo("No type");
        assertThat(notype.page().h1()).isEqualTo("Here");
        assertThat(notype.outlinks()).isEqualTo(1);
        assertThat(notype.indexable()).isTrue();
        assertThat(rows.get(server.url("/child")).title()).isEqualTo("Child");

        CrawlResult text = rows.get(server.url("/text"));
        assertThat(text.contentType()).isEqualTo("text/plain");
        assertThat(text.title()).isEmpty();
        assertThat(rows.get(server.url("/data")).contentType()).isEmpty();
        assertThat(rows.get(server.url("/data")).indexable()).isFalse();
        assertThat(rows.get(server.url("/nosniff")).title()).isEmpty();
        assertThat(server.hits("/from-text")).isZero();
    }
}
