package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.JdkHttpProbe;
import io.webprobe.http.UrlSyntax;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.RawServer;
import io.webprobe.testsupport.SelfSignedCertificate;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Links are requested as a browser requests them, against a loopback server that routes by
 * the exact bytes of the request target (as many servers do): none of these working links may
 * come out broken, and two spellings of one URL are fetched once.
 */
class BrowserUrlsCrawlTest {
    @TempDir
    static Path certDir;
    private static SelfSignedCertificate cert;

    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void workingLinksWrittenAsPagesWriteThemAreNotBroken() throws Exception {
        server.route("/", html("""
                <a href="/docs//page.html">empty segment</a>
                <a href="/lo&#10;ng/pa&#9;ge.html">wrapped by a CMS</a>
                <img src="images\\photo.jpg">
                <a href="/~user/">1</a><a href="/%%7euser/">2</a>
                <a href="list?f[name]=x">PHP array</a>
                <a href="HTTP://127.0.0.1:%d/Case">upper case scheme</a>
                <a href="http:ok-colon">relative with a scheme</a>
                <a href="HTTP:/ok-one-slash">one slash</a>
                <a href="http://127.0.0.1:99999/">bad port</a>
                """.formatted(server.port())));
        server.route("/docs//page.html", html("ok"));
        server.route("/long/page.html", html("ok"));
        server.route("/images/photo.jpg", html("ok"));
        server.route("/~user/", html("ok"));
        server.route("/list?f[name]=x", html("ok"));
        server.route("/Case", html("ok"));
        server.route("/ok-colon", html("ok"));
        server.route("/ok-one-slash", html("ok"));

        var events = new RecordingCrawlListener();
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t");
        try (CrawlJob job = TestJobs.job(plan, events)) {
            job.start();
            events.awaitFinish();
        }

        assertThat(events.broken).singleElement().satisfies(b -> {
            assertThat(b.linkUrl()).isEqualTo("http://127.0.0.1:99999/");
            assertThat(b.errorMessage()).contains("port is out of range");
        });
        for (String path : new String[] {"/docs//page.html", "/long/page.html",
            "/images/photo.jpg", "/~user/", "/list?f[name]=x", "/Case", "/ok-colon",
            "/ok-one-slash"}) {
            assertThat(server.hits(path)).as(path).isEqualTo(1);
        }
        assertThat(server.hits("/%7euser/")).isZero();
        assertThat(server.allHits().keySet()).doesNotContain("/docs/page.html", "/lo%0Ang");
    }

    /**
     * Over https too: java.net.http (the https client) can send only what a URI holds, so a
     * stray "%" went as %25 and such a link came out 404 here; those requests now go through
     * the crawl's own HTTP/1.1 client over TLS, and the others still through java.net.http.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aStrayPercentIsSentAndShownAsTheBrowserHasIt(boolean https) throws Exception {
        // answers by the exact bytes of the request target, as a server that takes the path
        // as it comes does; /a%25zz is another path to it, so it is not found
        Map<String, String> site = Map.of(
                "/", """
                        <a href="/a%zz">stray</a> <a href="/100%?p=5%">at the end</a>
                        <a href="/dir%zz/page.html">a folder</a> <a href="/go">moved</a>
                        <meta http-equiv="refresh" content="0; url=/refresh%zz">""",
                "/dir%zz/page.html", "<a href=\"next.html\">relative</a>",
                "/a%zz", "a", "/100%?p=5%", "100", "/dir%zz/next.html", "next", "/b%zz", "b",
                "/refresh%zz", "r");
        try (RawServer raw = new RawServer((socket, srv) -> {
            for (String head; (head = srv.readHead(socket)) != null; ) {
                String target = head.substring(4, head.indexOf(" HTTP/1.1\r\n"));
                String page = site.get(target);
                String answer = target.equals("/go")
                        ? "HTTP/1.1 301 Moved\r\nLocation: /b%zz\r\nContent-Length: 0\r\n\r\n"
                        : page == null ? "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
                        : "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
                                + page.length() + "\r\n\r\n" + page;
                socket.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
            }
        }, https ? cert().serverContext() : null)) {
            var events = https ? crawlTrusting(raw) : crawl(raw, false);

            assertThat(requestLines(raw))
                    .containsExactlyInAnyOrder("GET / HTTP/1.1", "GET /a%zz HTTP/1.1",
                            "GET /100%?p=5% HTTP/1.1", "GET /dir%zz/page.html HTTP/1.1",
                            "GET /go HTTP/1.1", "GET /b%zz HTTP/1.1",
                            "GET /refresh%zz HTTP/1.1", "GET /dir%zz/next.html HTTP/1.1");
            String site0 = raw.url("");
            assertThat(events.stored()).extracting(r -> r.url().substring(site0.length())
                    + " " + r.status() + " " + r.redirectTo().replace(site0, ""))
                    .containsExactlyInAnyOrder("/ 200 /refresh%zz", "/a%zz 200 ",
                            "/100%?p=5% 200 ", "/dir%zz/page.html 200 ", "/go 301 /b%zz",
                            "/b%zz 200 ", "/refresh%zz 200 ", "/dir%zz/next.html 200 ");
            assertThat(events.broken).isEmpty();
            if (https) { // the two without a stray "%" went through java.net.http
                assertThat(raw.requests()).filteredOn(h -> !h.startsWith("GET / ")
                        && !h.startsWith("GET /go ")).allMatch(BrowserUrlsCrawlTest::ours);
                assertThat(raw.requests()).filteredOn(h -> h.startsWith("GET / ")
                        || h.startsWith("GET /go ")).hasSize(2).noneMatch(
                                BrowserUrlsCrawlTest::ours);
            }
        }
    }

    /**
     * Found by a tester: a start URL typed with a stray "%" ({@code /100%.html}) was requested
     * as {@code /100%25.html} (its java.net.URI) and came out 404, while the same URL as a link
     * was asked as written. Typed start URLs and list URLs go by the browser's rule too: asked,
     * shown and deduplicated as the link to them.
     */
    @Test
    void aTypedStartOrListUrlWithAStrayPercentIsRequestedAsTheBrowserSendsIt() throws Exception {
        Map<String, String> site = Map.of(
                "/100%.html", "<a href=\"/100%.html\">itself</a> <a href=\"/a%zz\">a</a>",
                "/a%zz", "a", "/b%25zz", "typed escaped: another path");
        try (RawServer raw = new RawServer((socket, srv) -> {
            for (String head; (head = srv.readHead(socket)) != null; ) {
                String target = head.substring(4, head.indexOf(" HTTP/1.1\r\n"));
                String page = site.get(target);
                socket.getOutputStream().write((page == null
                        ? "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
                        : page(page)).getBytes(StandardCharsets.ISO_8859_1));
            }
        })) {
            String typed = raw.url("/100%.html");
            var events = new RecordingCrawlListener();
            CrawlPlan plan = CrawlPlan.builder(UrlSyntax.parseUserUrl(typed), "t")
                    .typedAs(typed).respectRobots(false).build();
            try (CrawlJob job = TestJobs.job(plan, events)) {
                job.start();
                events.awaitFinish();
            }

            assertThat(requestLines(raw)).containsExactlyInAnyOrder(
                    "GET /100%.html HTTP/1.1", "GET /a%zz HTTP/1.1");
            assertThat(events.stored()).extracting(r -> r.url() + " " + r.status())
                    .containsExactlyInAnyOrder(typed + " 200", raw.url("/a%zz") + " 200");

            raw.requests().clear();
            var list = io.webprobe.ping.TargetList.parse(typed + "\n" + raw.url("/b%25zz")
                    + "\n" + raw.url("/a%zz#part"));
            var listed = new RecordingCrawlListener();
            CrawlPlan listPlan = CrawlPlan.builder(list.urls().get(0), "t").list(list.urls())
                    .requestTargets(list.requestTargets()).respectRobots(false).build();
            try (CrawlJob job = TestJobs.job(listPlan, listed)) {
                job.start();
                listed.awaitFinish();
            }

            assertThat(requestLines(raw)).containsExactlyInAnyOrder("GET /100%.html HTTP/1.1",
                    "GET /b%25zz HTTP/1.1", "GET /a%zz HTTP/1.1");
            assertThat(listed.stored()).extracting(r -> r.url() + " " + r.status())
                    .containsExactlyInAnyOrder(typed + " 200", raw.url("/b%25zz") + " 200",
                            raw.url("/a%zz") + " 200");
        }
    }

    /**
     * What java.net.URI refuses but WHATWG leaves as it is ({@code | ^} in the path,
     * {@code ` { } | ^} in the query, brackets in the path) is requested and shown as the
     * browser has it over plain http, not percent-encoded: a server that routes by the exact
     * bytes finds them; over https too.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void charactersUriRefusesAreSentAndShownAsTheBrowserHasThem(boolean https)
            throws Exception {
        Map<String, String> site = Map.of(
                "/", """
                        <a href="/dir/a|b^c">path</a> <a href="/dir/p?q=`{}|^">query</a>
                        <a href="/p[1]">brackets</a> <a href="/go">moved</a>
                        <a href="/dir/a%7cb%5Ec">the same path escaped: one URL, asked once</a>""",
                "/dir/a|b^c", "a", "/dir/p?q=`{}|^", "q", "/p[1]", "p", "/to|x", "x");
        try (RawServer raw = new RawServer((socket, srv) -> {
            for (String head; (head = srv.readHead(socket)) != null; ) {
                String target = head.substring(4, head.indexOf(" HTTP/1.1\r\n"));
                String answer = target.equals("/go")
                        ? "HTTP/1.1 301 Moved\r\nLocation: /to|x\r\nContent-Length: 0\r\n\r\n"
                        : site.containsKey(target) ? page(site.get(target))
                        : "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
                socket.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
            }
        }, https ? cert().serverContext() : null)) {
            var events = https ? crawlTrusting(raw) : crawl(raw, false);

            assertThat(requestLines(raw))
                    .containsExactlyInAnyOrder("GET / HTTP/1.1", "GET /dir/a|b^c HTTP/1.1",
                            "GET /dir/p?q=`{}|^ HTTP/1.1", "GET /p[1] HTTP/1.1",
                            "GET /go HTTP/1.1", "GET /to|x HTTP/1.1");
            String site0 = raw.url("");
            assertThat(events.stored()).extracting(r -> r.url().substring(site0.length())
                    + " " + r.status() + " " + r.redirectTo().replace(site0, ""))
                    .containsExactlyInAnyOrder("/ 200 ", "/dir/a|b^c 200 ",
                            "/dir/p?q=`{}|^ 200 ", "/p[1] 200 ", "/go 301 /to|x", "/to|x 200 ");
            assertThat(events.broken).isEmpty();
        }
    }

    /**
     * A Location with raw UTF-8 bytes is read as UTF-8, as browsers and curl read it (not as
     * Latin-1, which requested /ok-caf%C3%83%C2%A9), over plain http and through
     * java.net.http (the https client) alike; bytes that are not UTF-8 stay Latin-1.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aLocationWithRawUtf8IsFollowedAsBrowsersFollowIt(boolean javaNetHttp) throws Exception {
        try (RawServer raw = new RawServer((socket, srv) -> {
            for (String head; (head = srv.readHead(socket)) != null; ) {
                String target = head.substring(4, head.indexOf(" HTTP/1.1\r\n"));
                String answer = switch (target) {
                    case "/" -> page("<a href=\"/go\">go</a><a href=\"/latin\">latin</a>");
                    case "/go" -> "HTTP/1.1 302 Found\r\nLocation: /ok-caf\u00c3\u00a9\r\n"
                            + "Content-Length: 0\r\n\r\n";
                    case "/latin" -> "HTTP/1.1 302 Found\r\nLocation: /ok-caf\u00e9-1\r\n"
                            + "Content-Length: 0\r\n\r\n";
                    case "/ok-caf%C3%A9", "/ok-caf%C3%A9-1" -> page("ok");
                    default -> "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
                };
                socket.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
            }
        })) {
            var events = crawl(raw, javaNetHttp);

            assertThat(requestLines(raw))
                    .contains("GET /ok-caf%C3%A9 HTTP/1.1", "GET /ok-caf%C3%A9-1 HTTP/1.1");
            String site0 = raw.url("");
            assertThat(events.stored()).extracting(r -> r.url().substring(site0.length())
                    + " " + r.status() + " " + r.redirectTo().replace(site0, ""))
                    .contains("/go 302 /ok-caf%C3%A9", "/latin 302 /ok-caf%C3%A9-1");
            assertThat(events.broken).isEmpty();
        }
    }

    /**
     * A Refresh header with raw UTF-8 bytes is read as UTF-8, as a Location is (not as
     * Latin-1, which requested /ok-caf%C3%83%C2%A9), through both HTTP clients.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aRefreshHeaderWithRawUtf8IsFollowedAsBrowsersFollowIt(boolean javaNetHttp)
            throws Exception {
        try (RawServer raw = new RawServer((socket, srv) -> {
            for (String head; (head = srv.readHead(socket)) != null; ) {
                String target = head.substring(4, head.indexOf(" HTTP/1.1\r\n"));
                String answer = switch (target) {
                    case "/" -> page("<a href=\"/wait\">wait</a>");
                    case "/wait" -> "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                            + "Refresh: 0; url=/ok-caf\u00c3\u00a9\r\n"
                            + "Content-Length: 4\r\n\r\nwait";
                    case "/ok-caf%C3%A9" -> page("ok");
                    default -> "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
                };
                socket.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
            }
        })) {
            var events = crawl(raw, javaNetHttp);

            assertThat(requestLines(raw)).contains("GET /ok-caf%C3%A9 HTTP/1.1")
                    .doesNotContain("GET /ok-caf%C3%83%C2%A9 HTTP/1.1");
            String site0 = raw.url("");
            assertThat(events.stored()).extracting(r -> r.url().substring(site0.length())
                    + " " + r.status() + " " + r.redirectTo().replace(site0, ""))
                    .contains("/wait 200 /ok-caf%C3%A9", "/ok-caf%C3%A9 200 ");
            assertThat(events.broken).isEmpty();
        }
    }

    /**
     * A Location holding a tab is followed where a browser goes: the URL parser drops every
     * ASCII tab and newline before it reads a URL (WHATWG URL Standard, "basic URL parser"),
     * and a tab at either end is whitespace around the header's value (RFC 9110 5.5); a
     * Location folded onto a second line (obs-fold) is read with a space in place of the fold
     * (RFC 9112 5.2), which the URL then escapes. The same over http and https.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aLocationWithATabOrAFoldIsFollowedAsBrowsersFollowIt(boolean https) throws Exception {
        Map<String, String> moved = Map.of(
                "/tab", "/tar\tget", "/ends", "\t/ends-target\t", "/fold", "/fol\r\n\td",
                "/abs", "http\t://127.0.0.1\t:PORT/abs-tar\tget");
        Map<String, String> site = Map.of(
                "/", "<a href=\"/tab\">1</a><a href=\"/ends\">2</a><a href=\"/fold\">3</a>"
                        + "<a href=\"/abs\">4</a>",
                "/target", "t", "/ends-target", "e", "/fol%20d", "f", "/abs-target", "a");
        try (RawServer raw = new RawServer((socket, srv) -> {
            for (String head; (head = srv.readHead(socket)) != null; ) {
                String target = head.substring(4, head.indexOf(" HTTP/1.1\r\n"));
                String to = moved.get(target);
                String page = site.get(target);
                String answer = to != null ? "HTTP/1.1 301 Moved\r\nLocation: "
                        + to.replace("http", https ? "https" : "http")
                                .replace("PORT", Integer.toString(srv.port()))
                        + "\r\nContent-Length: 0\r\n\r\n"
                        : page == null ? "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
                        : page(page);
                socket.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
            }
        }, https ? cert().serverContext() : null)) {
            var events = https ? crawlTrusting(raw) : crawl(raw, false);

            String site0 = raw.url("");
            assertThat(events.stored()).extracting(r -> r.url().replace(site0, "") + " "
                    + r.status() + " " + r.redirectTo().replace(site0, ""))
                    .containsExactlyInAnyOrder("/ 200 ", "/tab 301 /target", "/target 200 ",
                            "/ends 301 /ends-target", "/ends-target 200 ",
                            "/fold 301 /fol%20d", "/fol%20d 200 ", "/abs 301 /abs-target",
                            "/abs-target 200 ");
            assertThat(events.broken).isEmpty();
        }
    }

    /** Crawls the raw server's site (no robots.txt, no sitemaps) to its end. */
    private static RecordingCrawlListener crawl(RawServer raw, boolean javaNetHttp)
            throws Exception {
        var events = new RecordingCrawlListener();
        CrawlPlan plan = CrawlPlan.of(URI.create(raw.url("/")), "t").withRespectRobots(false)
                .withSitemaps(false);
        try (CrawlJob job = javaNetHttp
                ? TestJobs.builder(plan, new JdkHttpProbe("t", Duration.ofSeconds(5)), events)
                        .build()
                : TestJobs.job(plan, events)) {
            job.start();
            events.awaitFinish();
        }
        return events;
    }

    /** The request lines the raw server received ("GET /a HTTP/1.1"). */
    /** A certificate for 127.0.0.1, made once for the class. */
    private static SelfSignedCertificate cert() throws Exception {
        if (cert == null) {
            cert = SelfSignedCertificate.create(certDir, "loopback", "ip:127.0.0.1");
        }
        return cert;
    }

    /** Crawls the https site with the client a user's crawl gets, trusting {@link #cert()}. */
    private static RecordingCrawlListener crawlTrusting(RawServer raw) throws Exception {
        var events = new RecordingCrawlListener();
        CrawlPlan plan = CrawlPlan.of(URI.create(raw.url("/")), "t").toBuilder()
                .caCertFile(cert().pem().toString()).respectRobots(false).useSitemaps(false)
                .build();
        try (CrawlJob job = TestJobs.job(plan, events)) {
            job.start();
            events.awaitFinish();
        }
        return events;
    }

    /**
     * Whether a request head is the crawl's own HTTP/1.1 client's (Host, then User-Agent, as
     * its encoder writes them), not java.net.http's (which writes User-Agent after Accept).
     */
    private static boolean ours(String head) {
        String[] lines = head.split("\r\n");
        return lines[1].startsWith("Host: ") && lines[2].startsWith("User-Agent: ");
    }

    private static java.util.List<String> requestLines(RawServer raw) {
        return raw.requests().stream().map(h -> h.substring(0, h.indexOf("\r\n"))).toList();
    }

    private static String page(String html) {
        return "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
                + html.length() + "\r\n\r\n" + html;
    }
}
