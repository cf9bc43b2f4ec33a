package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.bytes;
import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.testsupport.LocalHttpServer;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pages in a legacy encoding (windows-1252, Shift_JIS...), crawled from a real loopback server:
 * their text is decoded as a browser decodes it (the WHATWG Encoding Standard's labels), and
 * their links are requested as a browser requests them (the query of a link on such a page is
 * encoded in the page's encoding; the path is always UTF-8).
 */
class LegacyEncodingPagesTest {
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final Charset SJIS = Charset.forName("Shift_JIS");

    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }


    private Map<String, CrawlResult> crawl() throws Exception {
        return TestJobs.resultsByUrl(CrawlPlan.of(URI.create(server.url("/")), "Webprobe/test"));
    }

    @Test
    void latin1AndAsciiPagesAreReadAsWindows1252AsBrowsersReadThem() throws Exception {
        // "iso-8859-1", "latin1" and "us-ascii" are labels of windows-1252 in the Encoding
        // Standard: 0x93 and 0x94 are curly quotes there, not C1 controls
        String page = "<title>\u201cQuoted\u201d</title><a href=\"/\u201cq\u201d.html\">q</a>";
        server.route("/", html("<a href=\"/meta\">m</a><a href=\"/header\">h</a>"
                + "<a href=\"/ascii\">a</a>"));
        server.route("/meta", bytes("text/html",
                ("<meta charset=\"ISO-8859-1\">" + page).getBytes(CP1252)));
        server.route("/header", bytes("text/html; charset=latin1", page.getBytes(CP1252)));
        server.route("/ascii", bytes("text/html; charset=us-ascii", page.getBytes(CP1252)));
        server.route("/%E2%80%9Cq%E2%80%9D.html", html("<title>Q</title>"));

        Map<String, CrawlResult> rows = crawl();

        for (String p : new String[] {"/meta", "/header", "/ascii"}) {
            assertThat(rows.get(server.url(p)).title()).as(p).isEqualTo("\u201cQuoted\u201d");
        }
        assertThat(rows.get(server.url("/%E2%80%9Cq%E2%80%9D.html")).status()).isEqualTo(200);
        assertThat(server.allHits().keySet()).noneMatch(k -> k.contains("%C2%93"));
    }

    @Test
    void theStandardsEncodingsTheJdkLacksAreReadAndTheirQueriesSentInThem() throws Exception {
        // iso-8859-10 (Nordic), iso-8859-14 (Celtic), x-user-defined: labels every browser
        // knows; unknown here they fell back to UTF-8 or windows-1252 and read the wrong text
        server.route("/", html("<a href=\"/nordic\">n</a><a href=\"/celtic\">c</a>"
                + "<a href=\"/user\">u</a>"));
        byte[] nordic = "<title>Tromsx</title><a href=\"/n?q=x\">n</a>"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        nordic[12] = (byte) 0xF8; // ø
        nordic[35] = (byte) 0xBB; // ŧ
        server.route("/nordic", bytes("text/html; charset=latin6", nordic));
        byte[] celtic = "<meta charset=iso-8859-14><title>xales</title>"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        celtic[33] = (byte) 0xD0; // Ŵ
        server.route("/celtic", bytes("text/html", celtic));
        byte[] user = "<title>x</title>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        user[7] = (byte) 0x80;
        server.route("/user", bytes("text/html; charset=x-user-defined", user));

        Map<String, CrawlResult> rows = crawl();

        assertThat(rows.get(server.url("/nordic")).title()).isEqualTo("Troms\u00f8");
        assertThat(server.hits("/n?q=%BB")).isEqualTo(1);
        assertThat(rows.get(server.url("/celtic")).title()).isEqualTo("\u0174ales");
        assertThat(rows.get(server.url("/user")).title()).isEqualTo("\uF780");
    }

    @Test
    void aLinksQueryIsEncodedInItsPagesEncodingAndItsPathInUtf8() throws Exception {
        server.route("/", html("<a href=\"/cp1252\">c</a><a href=\"/sjis\">s</a>"));
        server.route("/cp1252", bytes("text/html; charset=windows-1252",
                ("<a href=\"caf\u00e9.html?q=caf\u00e9\">c</a>"
                        // not in windows-1252: sent as the HTML character reference...
                        + "<a href=\"/s?q=&#256;\">a</a>"
                        // ...but a style's url() is always UTF-8, whatever the page's encoding
                        + "<div style=\"background:url('/bg?q=\u00e9')\"></div>"
                        + "<meta http-equiv=refresh content=\"5; url=/r?q=\u00e9\">")
                        .getBytes(CP1252)));
        server.route("/sjis", bytes("text/html",
                ("<meta charset=\"Shift_JIS\"><a href=\"/\u65e5\u672c?q=\u6771\u4eac\">j</a>")
                        .getBytes(SJIS)));

        Map<String, CrawlResult> rows = crawl();

        assertThat(server.hits("/caf%C3%A9.html?q=caf%E9")).isEqualTo(1);
        assertThat(server.hits("/s?q=%26%23256%3B")).isEqualTo(1);
        assertThat(server.hits("/bg?q=%C3%A9")).isEqualTo(1);
        assertThat(server.hits("/r?q=%E9")).isEqualTo(1);
        assertThat(server.hits("/%E6%97%A5%E6%9C%AC?q=%93%8C%8B%9E")).isEqualTo(1);
        assertThat(rows).containsKey(server.url("/caf%C3%A9.html?q=caf%E9"));
        assertThat(rows).containsKey(server.url("/%E6%97%A5%E6%9C%AC?q=%93%8C%8B%9E"));
    }
}
