package io.webprobe.cli;

import static io.webprobe.cli.CliRun.assertPlainError;
import static io.webprobe.cli.CliRun.run;
import static io.webprobe.testsupport.CsvFiles.readCsv;
import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.TestSite;
import io.webprobe.testsupport.RefusedPort;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrawlCommandTest {
    private final LocalHttpServer server = new LocalHttpServer();
    private final List<RefusedPort> held = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        server.close();
        held.forEach(RefusedPort::close);
    }

    /** A port refusing connections until the test ends (held: see {@link RefusedPort}). */
    private int closedPort() {
        RefusedPort closed = RefusedPort.onLoopback();
        held.add(closed);
        return closed.port();
    }

    private void smallSiteWithoutBrokenLinks() {
        server.route("/", html("<title>Home</title><a href=\"/a\">a</a><a href=\"b\">b</a>"));
        server.route("/a", html("<title>A</title><a href=\"/\">home</a>"));
        server.route("/b", html("<title>B</title><a href=\"/a#x\">a</a>"));
    }

    private static void assertOneSentenceWithoutStackTrace(String err) {
        assertThat(err.strip()).doesNotContain("\n");
        assertThat(err).doesNotContain("\tat ", "Exception", "Caused by");
    }

    /**
     * Debian's copy of the Python docs names each page's own file as its canonical: since the
     * file: check a crawl of it exits 1, and --exclude '^file:' leaves those broken links out
     * (as LinkChecker's --ignore-url does): exit 0 again, no row in the broken links' CSV.
     */
    @Test
    void anExcludePatternLeavesOutFileLinksAndTheCrawlExitsZero() throws Exception {
        server.route("/", html("<link rel=canonical href=\"file:///usr/share/doc/index.html\">"
                + "<title>Home</title><a href=\"/a\">a</a>"));
        server.route("/a", html("<link rel=canonical href=\"FILE:///usr/share/doc/a.html\">"
                + "<title>A</title><a href=\"/\">home</a>"));
        Path broken = dir.resolve("broken.csv");

        CliRun all = run("crawl", server.url("/"), "--quiet", "--broken-csv", broken.toString());
        assertEquals(1, all.exitCode(), all.out() + all.err());
        assertThat(readCsv(broken)).hasSize(3); // the header and the two canonicals

        Path db = dir.resolve("excluded.webprobe");
        CliRun r = run("crawl", server.url("/"), "--quiet", "--exclude", "^file:",
                "--broken-csv", broken.toString(), "--db", db.toString());
        CliRun again = run("crawl", "--resume", db.toString(), "--quiet");

        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertThat(readCsv(broken)).hasSize(1); // the header only
        // counted as lychee's "excluded" counts them, and kept in the crawl file; said for what
        // they are (they were "2 URLs"), by a resume too, which reads them back from the file
        String said = "\nNot crawled: 2 links that are not web addresses, matches an exclude "
                + "pattern.\n";
        assertThat(r.out()).contains(said);
        assertEquals(0, again.exitCode(), again.out() + again.err());
        assertThat(again.out()).contains(said);
    }

    /**
     * Found by a user: a start page read and crawled whose delayed meta refresh leads to a
     * 404 was called a start URL that could not be fetched (exit 2), and its link to itself
     * (href="#x") was listed as a broken link.
     */
    @Test
    void aStartPageWhoseMetaRefreshLeadsToA404IsCrawledAndTheRefreshIsItsBrokenLink()
            throws Exception {
        server.route("/", html("<html><head><meta http-equiv=\"refresh\" content=\"10; "
                + "url=/gone\"><title>Home</title></head><body><a href=\"#x\">x</a>"
                + "<a href=\"/ok\">ok</a></body></html>"));
        server.route("/ok", html("<title>OK</title>"));
        Path broken = dir.resolve("broken.csv");

        CliRun r = run("crawl", server.url("/"), "--quiet", "--broken-csv", broken.toString());

        assertEquals(1, r.exitCode(), r.err());
        assertThat(r.err()).isEmpty();
        assertThat(readCsv(broken).stream().skip(1).map(l -> l[0] + " -> " + l[1]))
                .containsExactly(server.url("/") + " -> " + server.url("/gone"));
    }

    /**
     * As LinkChecker reports them: a mailto: link whose address is malformed is a broken link
     * of its page, with what is wrong in the CSV's error and in the summary's line; a
     * well-formed one is not checked further (no mail is sent, no domain looked up).
     */
    @Test
    void aMalformedMailAddressIsABrokenLinkWithItsReasonInTheCsvAndTheSummary()
            throws Exception {
        server.route("/", html("<title>Home</title><a href=\"mailto:info@example.test\">ok</a>"
                + "<a href=\"mailto:info.example.test\">Write to us</a>"));
        Path broken = dir.resolve("broken.csv");

        CliRun r = run("crawl", server.url("/"), "--broken-csv", broken.toString());

        assertEquals(1, r.exitCode(), r.err());
        assertThat(r.out()).contains("0 broken URLs, 1 broken link.\nBroken links:\n"
                + "  mailto:info.example.test (malformed email address: no @ in "
                + "info.example.test) on " + server.url("/") + "\n");
        List<String[]> rows = readCsv(broken);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).containsExactly(server.url("/"), "mailto:info.example.test",
                "", "INVALID_URL: Malformed email address: no @ in info.example.test",
                "Write to us", "a", "", "");
    }

    /**
     * Found comparing with linkchecker and wget: a start URL redirecting to another host moved
     * the crawl there (as the README says), but the output only listed the other host's URLs
     * and never said why; linkchecker and wget stop at the redirect. One line says it now; a
     * redirect on the same host (http to https, a trailing slash) still says nothing.
     */
    @Test
    void aStartUrlRedirectingToAnotherHostSaysTheCrawlFollowedIt() throws Exception {
        try (LocalHttpServer moved = new LocalHttpServer()) {
            moved.route("/", html("<title>New</title><a href=\"/gone\">g</a>"));
            server.route("/", LocalHttpServer.redirect(301, moved.url("/")));
            server.route("/old", LocalHttpServer.redirect(301, "/home"));
            server.route("/home", html("<title>Home</title>"));

            CliRun r = run("crawl", server.url("/"));
            CliRun sameHost = run("crawl", server.url("/old"));

            assertEquals(1, r.exitCode(), r.err());
            assertThat(r.out()).contains("1 broken link.\nThe start URL " + server.url("/")
                    + " redirects to " + moved.url("/") + ", on another site: the crawl "
                    + "followed it and crawled that site.\nBroken links:\n  "
                    + moved.url("/gone") + " (HTTP 404) on " + moved.url("/") + "\n");
            assertEquals(0, sameHost.exitCode(), sameHost.err());
            assertThat(sameHost.out()).startsWith("Crawled 2 URLs in ")
                    .doesNotContain("redirects to");
        }
    }

    /** The broken-link lines show URLs as the app's tables do: letters, not %C3%A9. */
    @Test
    void brokenLinkLinesShowLettersOutsideAsciiAsLetters() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/caf%C3%A9-gone.html\">x</a>"));

        CliRun r = run("crawl", server.url("/"));

        assertEquals(1, r.exitCode(), r.err());
        assertThat(r.out()).contains(server.url("/café-gone.html") + " (HTTP 404) on "
                + server.url("/")).doesNotContain("%C3%A9");
    }

    @Test
    void theHelpSaysThatBlockedUrlsTakeAPlaceOfThePageLimitAsTheyDo() throws Exception {
        server.route("/robots.txt", LocalHttpServer.respond(200, "text/plain",
                "User-agent: *\nDisallow: /priv/\n"));
        server.route("/", html("<title>Home</title><a href=\"/priv/x\">x</a>"
                + "<a href=\"/a\">a</a><a href=\"/b\">b</a><a href=\"/c\">c</a>"));
        for (String p : List.of("/a", "/b", "/c")) {
            server.route(p, html("<title>" + p + "</title>"));
        }
        Path pages = dir.resolve("pages.csv");

        CliRun r = run("crawl", server.url("/"), "--quiet", "--threads", "1", "--max-pages",
                "3", "--csv", pages.toString());

        assertEquals(0, r.exitCode(), r.err());
        // the page limit counts the URLs of the site the crawl lists, blocked ones included
        assertThat(readCsv(pages).stream().skip(1).map(l -> l[0]))
                .containsExactlyInAnyOrder(server.url("/"), server.url("/priv/x"),
                        server.url("/a"));
        String help = run("crawl", "--help").out().replaceAll("\\s+", " ");
        assertThat(help).contains("--max-pages=P Take at most P URLs of the site, those "
                + "robots.txt blocks included (default: no limit).");
    }

    /**
     * The help as a new user reads it: the ranges --threads and --max-retries refuse beyond
     * were not named, --connect-timeout did not say it takes a unit as --timeout does, --user
     * did not say what a site asking for a token takes, and exit 0 did not say that --accept's
     * statuses never count.
     */
    @Test
    void theHelpNamesTheRangesUnitsAndOptionsTheCommandTakes() {
        String help = run("crawl", "--help").out().replaceAll("\\s+", " ");

        assertThat(help).contains("--threads=N Worker threads, 1 to 256 (default: 8; with "
                + "--resume, the number the crawl last ran with).",
                "--max-retries=N Ask again this often after a 429 or 503, 0 to 10,",
                "--connect-timeout=SECONDS Give up connecting after this, seconds or with a "
                        + "unit; at most --timeout (default: 10).",
                "A site asking for a token takes it with -H 'Authorization: Bearer TOKEN' "
                        + "instead.",
                "bot walls; nor do the statuses given to --accept)",
                "--accept=CODES Count these statuses as OK, not broken:");
        // the ranges said are the ones refused, and the unit is taken
        assertThat(run("crawl", server.url("/"), "--threads", "257").err())
                .isEqualTo("webprobe: --threads must be between 1 and 256.\n");
        assertThat(run("crawl", server.url("/"), "--max-retries", "11").err())
                .isEqualTo("webprobe: --max-retries must be between 0 and 10.\n");
        server.route("/", html("<title>Home</title>"));
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--connect-timeout", "2s")
                .exitCode());
    }

    @Test
    void theHelpDocumentsEveryExitCodeAStopCanEndWith() {
        CliRun help = run("crawl", "--help");

        assertEquals(0, help.exitCode());
        // SIGHUP (the terminal closed) ends a crawl as SIGTERM does, with 129
        for (String code : List.of("0", "1", "2", "129", "130", "143")) {
            assertThat(help.out()).containsPattern("(?m)^\\s+" + code + "\\s+\\S");
        }
    }

    /** Each CSV option says that - is standard output, as each takes it. */
    @Test
    void everyCsvOptionSaysItTakesStandardOutputAndDoes() throws Exception {
        String help = run("crawl", "--help").out().replaceAll("\\s+", " ");
        assertThat(help).contains("--csv=FILE Write every crawled URL here (- for standard "
                + "output", "--broken-csv=FILE Write every broken link with its source page "
                + "here (- for standard output)", "--orphans-csv=FILE Write the sitemap URLs no "
                + "page links to here (crawls made with --sitemaps; - for standard output)");
        assertThat(run("export", "--help").out().replaceAll("\\s+", " "))
                .contains("--broken-csv=FILE Write every broken link with its source page "
                        + "here (- for standard output)");
        server.route("/", html("<title>Home</title><a href=\"/gone\">gone</a>"));

        CliRun r = run("crawl", server.url("/"), "--quiet", "--broken-csv", "-");

        assertEquals(1, r.exitCode(), r.err());
        assertThat(r.out()).startsWith("source_url,link_url,status,");
        assertThat(r.err()).startsWith("Crawled 2 URLs");
    }

    @Test
    void brokenLinksExitOneAndBothCsvFilesHoldEveryRow() throws Exception {
        TestSite site = new TestSite(server, 60);
        Path pages = dir.resolve("pages.csv");
        Path broken = dir.resolve("broken.csv");

        CliRun r = run("crawl", server.url("/"), "--quiet", "--threads", "8",
                "--csv", pages.toString(), "--broken-csv", broken.toString());

        assertEquals(1, r.exitCode(), r.err());
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Crawled " + site.paths().size() + " URLs");

        List<String[]> pageRows = readCsv(pages);
        assertEquals("url", pageRows.get(0)[0]);
        List<String> crawledUrls = pageRows.subList(1, pageRows.size()).stream()
                .map(row -> row[0]).toList();
        assertThat(crawledUrls).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        site.paths().stream().map(server::url).toList());

        List<String[]> brokenRows = readCsv(broken);
        assertEquals("source_url", brokenRows.get(0)[0]);
        Map<String, List<String>> sourcesByLink = brokenRows.subList(1, brokenRows.size())
                .stream().collect(Collectors.groupingBy(row -> row[1],
                        Collectors.mapping(row -> row[0], Collectors.toList())));
        Map<String, List<String>> expected = site.brokenSources().entrySet().stream()
                .collect(Collectors.toMap(e -> server.url(e.getKey()), Map.Entry::getValue));
        assertThat(sourcesByLink.keySet()).isEqualTo(expected.keySet());
        expected.forEach((link, sources) ->
                assertThat(sourcesByLink.get(link)).as(link)
                        .containsExactlyInAnyOrderElementsOf(sources));
        assertThat(brokenRows.subList(1, brokenRows.size()))
                .allSatisfy(row -> assertEquals("404", row[2]));
    }

    @Test
    void aRedirectLoopIsAnErrorRowOfThePagesCsvAsTheSummaryCountsIt() throws Exception {
        server.route("/", LocalHttpServer.html("<a href=/loop1>l</a> <a href=/self>s</a>"
                + " <a href=/old>o</a>"));
        server.route("/loop1", LocalHttpServer.redirect(301, "/loop2"));
        server.route("/loop2", LocalHttpServer.redirect(302, "/loop1"));
        server.route("/self", LocalHttpServer.redirect(301, "/self"));
        server.route("/old", LocalHttpServer.redirect(301, "/"));
        Path pages = dir.resolve("pages.csv");

        CliRun r = run("crawl", server.url("/"), "--quiet", "--csv", pages.toString());

        assertEquals(1, r.exitCode(), r.err());
        assertThat(r.out()).contains("3 broken URLs");
        List<String[]> rows = readCsv(pages);
        List<String> header = List.of(rows.get(0));
        int status = header.indexOf("status");
        int outcome = header.indexOf("outcome");
        int error = header.indexOf("error");
        Map<String, String[]> byUrl = rows.subList(1, rows.size()).stream()
                .collect(Collectors.toMap(row -> row[0], row -> row));
        for (String loop : List.of("/loop1", "/loop2", "/self")) {
            String[] row = byUrl.get(server.url(loop));
            assertThat(row[outcome]).as(loop).isEqualTo("error");
            assertThat(row[error]).as(loop).startsWith("REDIRECT_LOOP: Redirect loop: ");
            assertThat(row[status]).as(loop).startsWith("30");
        }
        assertThat(byUrl.get(server.url("/old"))[outcome]).isEqualTo("redirect");
        assertThat(byUrl.get(server.url("/old"))[error]).isEmpty();
    }

    @Test
    void siteWithoutBrokenLinksExitsZero() throws Exception {
        smallSiteWithoutBrokenLinks();
        Path pages = dir.resolve("pages.csv");

        CliRun r = run("crawl", server.url("/"), "--quiet", "--csv", pages.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Crawled 3 URLs").contains("0 broken URLs, 0 broken links.");
        assertThat(readCsv(pages)).hasSize(4);
    }

    @Test
    void malformedUrlExitsTwoWithAPlainMessage() {
        CliRun r = run("crawl", "http://", "--quiet");

        assertEquals(2, r.exitCode());
        assertThat(r.err()).startsWith("webprobe: The address has no host name after http://.");
        assertOneSentenceWithoutStackTrace(r.err());
        assertThat(server.totalRequests()).isZero();
    }

    @Test
    void portOutOfRangeIsRefusedBeforeAnythingIsFetched() {
        CliRun r = run("crawl", "http://127.0.0.1:99999/", "--quiet");

        assertEquals(2, r.exitCode());
        assertEquals("webprobe: Port 99999 is out of range: ports go from 1 to 65535.",
                r.err().strip());
        assertThat(server.totalRequests()).isZero();
    }

    @Test
    void urlWithoutSchemeExitsTwoWithAHint() {
        CliRun r = run("crawl", "http//example.com", "--quiet");

        assertEquals(2, r.exitCode());
        assertThat(r.err()).startsWith("webprobe: ").contains("did you mean http://example.com?");
        assertOneSentenceWithoutStackTrace(r.err());
    }

    @Test
    void unreachableStartUrlExitsTwoWithOneSentence() throws Exception {
        String url = "http://127.0.0.1:" + closedPort() + "/";

        CliRun r = run("crawl", url, "--quiet");

        assertEquals(2, r.exitCode());
        assertEquals("webprobe: Could not fetch " + url + ": connection refused.",
                r.err().strip());
        assertOneSentenceWithoutStackTrace(r.err());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void orphansCsvHoldsTheSitemapUrlsNoPageLinksTo() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/a\">a</a>"));
        server.route("/a", html("<title>A</title>"));
        server.route("/lonely", html("<title>Lonely</title>"));
        server.route("/sitemap.xml", ex -> LocalHttpServer.send(ex, 200, "application/xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                        + "<url><loc>" + server.url("/") + "</loc></url>"
                        + "<url><loc>" + server.url("/a") + "</loc></url>"
                        + "<url><loc>" + server.url("/lonely") + "</loc></url></urlset>"));
        Path orphans = dir.resolve("orphans.csv");

        CliRun r = run("crawl", server.url("/"), "--quiet", "--sitemaps", "--orphans-csv",
                orphans.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertThat(r.out()).contains("Sitemaps list 3 URLs of the site; 1 of them no crawled "
                + "page links to (orphans):", server.url("/lonely"));
        List<String[]> rows = readCsv(orphans);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly(
                "url", "status", "content_type", "title", "indexable", "outcome");
        assertThat(rows.get(1)).containsExactly(
                server.url("/lonely"), "200", "text/html", "Lonely", "true", "ok");
    }

    @Test
    void orphansCsvWithoutSitemapsExitsTwoBeforeAnyRequest() {
        smallSiteWithoutBrokenLinks();

        CliRun r = run("crawl", server.url("/"), "--quiet", "--orphans-csv",
                dir.resolve("o.csv").toString());

        assertEquals(2, r.exitCode());
        assertThat(r.err()).startsWith("webprobe: --orphans-csv needs --sitemaps");
        assertOneSentenceWithoutStackTrace(r.err());
        assertThat(server.totalRequests()).isZero();
    }

    @Test
    void politenessOptionsOutOfRangeExitTwoWithTheOptionNamed() {
        smallSiteWithoutBrokenLinks();
        String[][] cases = {
            {"--max-per-host", "-1", "--max-per-host"},
            {"--max-per-host", "300", "--max-per-host"},
            {"--delay-ms", "-5", "--delay-ms"},
            {"--max-rps", "0", "--max-rps"},
            {"--max-retries", "11", "--max-retries"},
            {"--max-retry-after", "soon", "'soon' is not a duration"},
        };
        for (String[] c : cases) {
            CliRun r = run("crawl", server.url("/"), "--quiet", c[0], c[1]);

            assertEquals(2, r.exitCode(), c[0] + " " + c[1]);
            assertThat(r.err()).contains(c[2]);
            assertOneSentenceWithoutStackTrace(r.err());
        }
        assertThat(server.totalRequests()).isZero();
    }

    /** A sitemap listing a broken URL is said apart from the pages linking to it. */
    @Test
    void aBrokenUrlASitemapListsTooSaysSoApartFromItsPages() throws Exception {
        server.route("/robots.txt", ex -> LocalHttpServer.send(ex, 200, "text/plain",
                "User-agent: *\nDisallow:\nSitemap: " + server.url("/map.xml") + "\n"));
        server.route("/map.xml", ex -> LocalHttpServer.send(ex, 200, "application/xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                        + "<url><loc>" + server.url("/gone") + "</loc></url>"
                        + "<url><loc>" + server.url("/gone2") + "</loc></url></urlset>"));
        server.route("/", html("<title>Home</title><a href=\"/gone\">g</a><a href=\"/a\">a</a>"));
        server.route("/a", html("<title>A</title><a href=\"/gone\">g</a>"));

        CliRun r = run("crawl", server.url("/"), "--sitemaps", "--threads", "1");

        assertEquals(1, r.exitCode(), r.err());
        assertThat(r.out()).contains("Broken links:\n  " + server.url("/gone") + " (HTTP 404) on "
                + server.url("/") + " and 1 other page, and listed in a sitemap\n  "
                + server.url("/gone2") + " (HTTP 404) listed in a sitemap\n");
    }

    /**
     * A computer offline fails every link to another site with "DNS lookup failed": with
     * several other sites and none found, the summary says what that may mean. One other site
     * answering (a second server on loopback) shows the computer is online: nothing is said.
     */
    @Test
    void noOtherSiteFoundSaysTheComputerMayBeOffline() throws Exception {
        String dead = "<a href=\"http://a.invalid/\">a</a><a href=\"http://b.invalid/x\">b</a>"
                + "<a href=\"http://b.invalid/y\">b</a><a href=\"http://c.invalid/\">c</a>";
        server.route("/", html("<title>Home</title>" + dead));

        CliRun offline = run("crawl", server.url("/"), "--quiet");

        assertEquals(1, offline.exitCode(), offline.err());
        assertThat(offline.out()).contains("4 broken links.\nNote: the names of the 3 other "
                + "sites linked to could not be looked up, so their links count as broken; if "
                + "this computer is offline, crawl again once it is online, or with "
                + "--no-external.\n");
        try (LocalHttpServer other = new LocalHttpServer()) {
            other.route("/", html("<title>Other</title>"));
            server.route("/", html("<title>Home</title>" + dead + "<a href=\"" + other.url("/")
                    + "\">other</a>"));

            CliRun online = run("crawl", server.url("/"), "--quiet");

            assertEquals(1, online.exitCode(), online.err());
            assertThat(online.out()).contains("4 broken links.").doesNotContain("Note:");
            assertEquals(1, other.hits("/"));
        }
    }

    /**
     * URLs left out for one reason say their number once, as the window's status line does
     * ("Not crawled: 2 URLs (Deeper than the depth limit: 2)." said it twice); a label
     * starting with an acronym keeps it.
     */
    @Test
    void urlsNotCrawledForOneReasonSayTheirNumberOnce() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/a\">a</a><a href=\"/b\">b</a>"
                + "<a href=\"/" + "x".repeat(40) + "\">long</a>"));

        CliRun deep = run("crawl", server.url("/"), "--max-depth", "0");
        CliRun longUrl = run("crawl", server.url("/"), "--max-url-length", "40");

        assertThat(deep.out()).contains("\nNot crawled: 3 URLs, deeper than the depth limit.\n");
        assertThat(longUrl.out()).contains("\nNot crawled: 1 URL, URL longer than the limit "
                + "(likely a crawler trap).\n");
    }

    @Test
    void blockedUrlsAreSummarisedApartFromSkippedOnesAndExitZero() throws Exception {
        server.route("/robots.txt", ex -> LocalHttpServer.send(ex, 200, "text/plain",
                "User-agent: *\nDisallow: /private\n"));
        server.route("/", html("<title>Home</title><a href=\"/private\">p</a>"
                + "<a href=\"/limited\">l</a><a href=\"/a/b/a/b/a/b\">trap</a>"));
        server.route("/limited", ex -> {
            ex.getResponseHeaders().add("Retry-After", "3600");
            LocalHttpServer.send(ex, 429, "text/plain", "slow down");
        });

        CliRun r = run("crawl", server.url("/"), "--quiet");

        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertThat(r.out()).contains("0 broken URLs, 0 broken links.")
                .contains("Blocked (not counted as broken): 2 URLs (Blocked by robots.txt: 1; "
                        + "Rate limited: 1).")
                // one reason: its number said once, as the window's status line says it
                .contains("Not crawled: 1 URL, repeating path segments (likely a crawler "
                        + "trap).\n");
        assertEquals(1, server.hits("/limited"));
        assertEquals(0, server.hits("/private"));
    }

    @Test
    void maxSizeCutsEachPageAndUserAgentIsSent() throws Exception {
        var agents = new java.util.concurrent.ConcurrentLinkedQueue<String>();
        String big = "<title>Big</title>" + "x".repeat(4000) + "<a href=\"/after\">after</a>";
        server.route("/", ex -> {
            agents.add(ex.getRequestHeaders().getFirst("User-Agent"));
            LocalHttpServer.send(ex, 200, "text/html", big);
        });
        server.route("/after", html("<title>After</title>"));
        Path csv = dir.resolve("pages.csv");

        CliRun r = run("crawl", server.url("/"), "--quiet", "--max-size", "1KB",
                "--user-agent", "SiteCheck/2.0 (+https://example.test/bot)",
                "--connect-timeout", "2", "--csv", csv.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertThat(agents).containsExactly("SiteCheck/2.0 (+https://example.test/bot)");
        List<String[]> rows = readCsv(csv);
        assertThat(rows).hasSize(2); // header and the start page: the link lies past the cut
        assertThat(rows.get(1)[0]).isEqualTo(server.url("/"));
        assertThat(rows.get(1)[3]).isEqualTo("1024");
        int truncated = List.of(rows.get(0)).indexOf("truncated");
        assertThat(truncated).isPositive();
        assertThat(rows.get(1)[truncated]).isEqualTo("true");
        assertEquals(0, server.hits("/after"));
    }

    /**
     * The bug: an external URL checked with HEAD, whose server sent no Content-Length
     * (chunked, as a gzip'd answer is), had size_bytes 0, a size it never said; now empty, as
     * for any size not known. One that says its length keeps it.
     */
    @Test
    void anExternalHeadWithoutALengthHasNoSizeNotZero() throws Exception {
        try (var unsized = io.webprobe.testsupport.RawServer.answering("HTTP/1.1 200 OK\r\n"
                + "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n");
                var sized = io.webprobe.testsupport.RawServer.answering("HTTP/1.1 200 OK\r\n"
                        + "Content-Type: text/html\r\nContent-Length: 4242\r\n\r\n")) {
            server.route("/", html("<a href=\"" + unsized.url("/u") + "\">u</a><a href=\""
                    + sized.url("/s") + "\">s</a>"));
            Path csv = dir.resolve("pages.csv");

            CliRun r = run("crawl", server.url("/"), "--quiet", "--csv", csv.toString());

            assertEquals(0, r.exitCode(), r.err() + r.out());
            List<String[]> rows = readCsv(csv);
            int size = List.of(rows.get(0)).indexOf("size_bytes");
            Map<String, String> sizes = rows.stream().skip(1)
                    .collect(Collectors.toMap(l -> l[0], l -> l[size]));
            assertThat(sizes).containsEntry(unsized.url("/u"), "")
                    .containsEntry(sized.url("/s"), "4242");
            assertThat(unsized.requests()).allMatch(h -> h.startsWith("HEAD "));
        }
    }

    /**
     * The bug: a page sent with Content-Encoding: br (which Webprobe never asks for and cannot
     * decode) was recorded as ok, its body read as garbage and its links silently lost. It
     * keeps its status and outcome (a browser asking for br shows it: not broken), and its row
     * says why its links were not read; the body is not parsed.
     */
    @Test
    void aPageInACodingWebprobeCannotDecodeSaysItsLinksWereNotRead() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/packed\">p</a>"));
        server.route("/packed", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "br");
            // not br at all: were it read as it came, /after would be asked for
            LocalHttpServer.send(ex, 200, "text/html", "<a href=\"/after\">after</a>");
        });
        server.route("/after", html("<title>After</title>"));
        Path csv = dir.resolve("pages.csv");

        CliRun r = run("crawl", server.url("/"), "--quiet", "--csv", csv.toString());

        assertEquals(0, r.exitCode(), r.err() + r.out());
        assertThat(r.out()).contains("0 broken URLs, 0 broken links.");
        assertEquals(0, server.hits("/after"));
        List<String[]> rows = readCsv(csv);
        List<String> header = List.of(rows.get(0));
        String[] packed = rows.stream().filter(l -> l[0].equals(server.url("/packed")))
                .findFirst().orElseThrow();
        assertThat(packed[header.indexOf("status")]).isEqualTo("200");
        assertThat(packed[header.indexOf("outcome")]).isEqualTo("ok");
        assertThat(packed[header.indexOf("error")]).isEqualTo("The server sent this page "
                + "compressed as br, which Webprobe did not ask for and cannot decode, so its "
                + "links were not read");
    }

    /**
     * The bug: a page cut at --max-size had its links past the cut left unread, and only the
     * CSV's truncated column said so; the summary said nothing. It counts those pages (not a
     * big image, whose cut hides no link), and a resume of the finished crawl says it again.
     */
    @Test
    void theSummaryCountsThePagesCutAtMaxSize() throws Exception {
        String big = "<title>Big</title>" + "x".repeat(4000) + "<a href=\"/after\">after</a>";
        server.route("/", html("<title>Home</title><a href=\"/big\">b</a>"
                + "<img src=\"/photo.png\">"));
        server.route("/big", html(big));
        server.route("/photo.png", ex -> LocalHttpServer.send(ex, 200, "image/png",
                "p".repeat(4000)));
        server.route("/after", html("<title>After</title>"));
        Path db = dir.resolve("cut.webprobe");

        CliRun r = run("crawl", server.url("/"), "--quiet", "--max-size", "1.5KB",
                "--db", db.toString());
        CliRun again = run("crawl", "--resume", db.toString(), "--quiet");

        assertEquals(0, r.exitCode(), r.err());
        assertThat(r.out()).contains("\nCut at --max-size (1.5 KB): 1 page; links past the cut "
                + "were not read (raise --max-size to read them).\n");
        assertEquals(0, server.hits("/after"));
        assertEquals(0, again.exitCode(), again.err());
        assertThat(again.out()).contains("\nCut at --max-size (1.5 KB): 1 page;");
    }

    @Test
    void badSizeAndUserAgentExitTwo() {
        smallSiteWithoutBrokenLinks();

        CliRun size = run("crawl", server.url("/"), "--quiet", "--max-size", "lots");
        CliRun agent = run("crawl", server.url("/"), "--quiet", "--user-agent", "two\nlines");

        assertEquals(2, size.exitCode());
        assertThat(size.err()).contains("'lots' is not a size");
        assertOneSentenceWithoutStackTrace(size.err());
        assertEquals(2, agent.exitCode());
        assertThat(agent.err()).contains("--user-agent must be printable ASCII text");
        for (String blank : List.of("", "  ")) {
            CliRun none = run("crawl", server.url("/"), "--quiet", "--user-agent", blank);
            assertEquals(2, none.exitCode());
            assertThat(none.err()).startsWith("webprobe: --user-agent must not be empty; leave "
                    + "it out to send Webprobe's own.");
        }
        assertThat(server.totalRequests()).isZero();
    }

    @Test
    void zeroThreadsExitsTwo() {
        smallSiteWithoutBrokenLinks();

        CliRun r = run("crawl", server.url("/"), "--quiet", "--threads", "0");

        assertEquals(2, r.exitCode());
        assertThat(r.err()).startsWith("webprobe: --threads must be between 1 and 256.");
        assertOneSentenceWithoutStackTrace(r.err());
        assertThat(server.totalRequests()).isZero();
    }

    @Test
    void badTimeoutExitsTwo() {
        smallSiteWithoutBrokenLinks();

        CliRun r = run("crawl", server.url("/"), "--quiet", "--timeout", "abc");

        assertEquals(2, r.exitCode());
        assertThat(r.err()).contains("'abc' is not a duration").doesNotContain("\tat ");
        assertThat(server.totalRequests()).isZero();
    }

    @Test
    void aFailingStartUrlIsNamedAsItWasTyped() {
        // a stray "%" is sent as typed, as a browser sends it (a server that cannot read it,
        // as the JDK's cannot, says 400: see aStartUrlTypedWithAStrayPercentIsAskedAndShown…),
        // and the sentence names the URL the user gave
        CliRun r = run("crawl", server.url("/%zz"), "--quiet");

        assertEquals(2, r.exitCode());
        assertThat(r.err()).startsWith("webprobe: The start URL " + server.url("/%zz")
                + " answered HTTP 400.");
    }

    @Test
    void aStartUrlWhoseRedirectsEndBrokenIsNamedAsTypedWithWhereTheyEnded() throws Exception {
        server.route("/chain1", LocalHttpServer.redirect(301, "/chain2"));
        server.route("/chain2", LocalHttpServer.redirect(302, "/missing3"));
        int closed = closedPort();
        server.route("/away", LocalHttpServer.redirect(302, "http://127.0.0.1:" + closed + "/"));

        CliRun r = run("crawl", server.url("/chain1"), "--quiet");
        CliRun away = run("crawl", server.url("/away"), "--quiet");

        // not "The start URL …/missing3 answered HTTP 404.", a URL the user never typed
        assertPlainError(r, "The start URL " + server.url("/chain1") + " redirects to "
                + server.url("/missing3") + ", which answered HTTP 404.");
        assertEquals(2, away.exitCode(), away.err());
        assertThat(away.err()).startsWith("webprobe: The start URL " + server.url("/away")
                + " redirects to http://127.0.0.1:" + closed + "/, which could not be fetched: ");
        assertOneSentenceWithoutStackTrace(away.err());
    }

    @Test
    void aTimeoutOfZeroNamesTheOptionAndItsUnit() {
        smallSiteWithoutBrokenLinks();

        CliRun r = run("crawl", server.url("/"), "--quiet", "--timeout", "0");

        assertEquals(2, r.exitCode());
        assertThat(r.err()).isEqualTo("webprobe: --timeout must be at least 1 ms (0.001 s), "
                + "not 0.\n");
        assertThat(server.totalRequests()).isZero();
    }

    @Test
    void csvIntoAMissingFolderExitsTwoBeforeAnythingIsCrawled() {
        smallSiteWithoutBrokenLinks();
        Path target = dir.resolve("missing").resolve("pages.csv");

        CliRun r = run("crawl", server.url("/"), "--quiet", "--csv", target.toString());

        assertEquals(2, r.exitCode());
        assertThat(r.err()).isEqualTo("webprobe: --csv " + target + ": the folder "
                + target.getParent() + " does not exist.\n");
        assertThat(server.totalRequests()).isZero();
        assertThat(r.err().strip()).doesNotContain("\n");
        assertThat(r.err()).doesNotContain("\tat ", "Exception");
        assertThat(Files.exists(target.getParent())).isFalse();
    }

    @Test
    void quietPrintsNoProgressWhileTheSameCrawlWithoutItDoes() throws Exception {
        // Two crawls of one slow page run side by side; the loud one shows that progress
        // lines were due (terminal mode prints every 250 ms) while the quiet one printed none.
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(2);
        server.route("/", LocalHttpServer.blockUntil(release, arrived, "<title>slow</title>"));
        StringWriter loudErr = new StringWriter();
        StringWriter quietErr = new StringWriter();
        String previous = System.getProperty("webprobe.stderrTerminal");
        System.setProperty("webprobe.stderrTerminal", "true");
        try {
            CompletableFuture<Integer> loud = CompletableFuture.supplyAsync(
                    () -> runWithErr(loudErr, "crawl", server.url("/")));
            CompletableFuture<Integer> quiet = CompletableFuture.supplyAsync(
                    () -> runWithErr(quietErr, "crawl", server.url("/"), "--quiet"));
            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
            int before = progressLines(loudErr);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> progressLines(loudErr) >= before + 2);
            release.countDown();

            assertEquals(0, loud.get(20, TimeUnit.SECONDS));
            assertEquals(0, quiet.get(20, TimeUnit.SECONDS));
            assertThat(loudErr.toString()).contains("crawled · ");
            assertThat(quietErr.toString()).isEmpty();
        } finally {
            release.countDown();
            if (previous == null) {
                System.clearProperty("webprobe.stderrTerminal");
            } else {
                System.setProperty("webprobe.stderrTerminal", previous);
            }
        }
    }

    private static int runWithErr(StringWriter err, String... args) {
        return WebprobeCli.execute(new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true), args);
    }


    private static int progressLines(StringWriter err) {
        String s = err.toString();
        return (int) Stream.iterate(s.indexOf(" crawled · "), i -> i >= 0,
                i -> s.indexOf(" crawled · ", i + 1)).count();
    }

    @Test
    void aBrokenUrlThatOnlyTheSitemapListsIsABrokenLinkOfTheSitemap() throws Exception {
        server.route("/", html("<title>Home</title>"));
        server.route("/sitemap.xml", ex -> LocalHttpServer.send(ex, 200, "application/xml",
                "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>"
                        + server.url("/") + "</loc></url><url><loc>" + server.url("/gone")
                        + "</loc></url></urlset>"));
        Path broken = dir.resolve("broken.csv");

        CliRun r = run("crawl", server.url("/"), "--quiet", "--sitemaps", "--broken-csv",
                broken.toString());

        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertThat(r.out()).contains("1 broken URL, 1 broken link.");
        List<String[]> rows = readCsv(broken);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).startsWith("(sitemap)", server.url("/gone"), "404");
    }

    /** A sitemap crawl of a site without a sitemap says so, not "0 of them … (orphans)". */
    @Test
    void aSitemapCrawlOfASiteWithoutASitemapSaysNoneWasFound() throws Exception {
        server.route("/", html("<title>Home</title>"));

        CliRun r = run("crawl", server.url("/"), "--quiet", "--sitemaps");

        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertThat(r.out()).contains("No sitemap was found or could be read, or the sitemaps "
                + "list no URL of the site, so there are no orphans to report.")
                .doesNotContain("Sitemaps list");
    }

    /**
     * A sitemap that is there but cannot be read is not "not found": the closing line says
     * either may be, under the warning that named it.
     */
    @Test
    void aSitemapCrawlWhoseSitemapCannotBeReadDoesNotSayNoneWasFound() throws Exception {
        server.route("/", html("<title>Home</title>"));
        // a raw "&" in a loc: not XML
        server.route("/sitemap.xml", ex -> LocalHttpServer.send(ex, 200, "application/xml",
                "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>"
                        + server.url("/?a=1&b=2") + "</loc></url></urlset>"));

        CliRun r = run("crawl", server.url("/"), "--quiet", "--sitemaps");

        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertThat(r.err()).contains("The sitemap " + server.url("/sitemap.xml")
                + " could not be read: line 1 has an & not written as &amp;, as XML requires, "
                + "so its URLs were not crawled.");
        assertThat(r.out()).doesNotContain("No sitemap was found (")
                .contains("No sitemap was found or could be read");
    }

    /**
     * A failing gate says what failed, as lychee and wget --spider do: the first broken links
     * after the summary, each with what it answered and the page that holds it.
     */
    @Test
    void aCrawlWithBrokenLinksListsTheFirstOnesWithTheirPagesAfterTheSummary() throws Exception {
        StringBuilder links = new StringBuilder("<title>Home</title><a href=\"/go\">go</a>");
        for (int i = 0; i < 24; i++) {
            links.append("<a href=\"/missing/").append(i).append("\">m</a>");
        }
        server.route("/", html(links.toString()));
        server.route("/go", LocalHttpServer.redirect(301, "/gone"));

        CliRun r = run("crawl", server.url("/"), "--threads", "1", "--no-external");

        assertEquals(1, r.exitCode(), r.err());
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).startsWith("Crawled 27 URLs").endsWith("25 broken URLs, "
                + "25 broken links.");
        assertThat(lines[1]).isEqualTo("Broken links:");
        // in the order of the page's links, as the broken-links CSV has them
        assertThat(lines[2]).isEqualTo("  " + server.url("/go") + " (redirects to "
                + server.url("/gone") + ": HTTP 404) on " + server.url("/"));
        assertThat(lines[3]).isEqualTo("  " + server.url("/missing/0") + " (HTTP 404) on "
                + server.url("/"));
        assertThat(lines).hasSize(2 + BrokenLinkLines.SHOWN + 1);
        assertThat(lines[lines.length - 1]).isEqualTo(
                "  … and 5 more links to other URLs; --broken-csv FILE lists them all");

        // --quiet leaves the list out; with the pages CSV on standard output the list goes
        // with the summary, to stderr, and names the file the user gave
        CliRun quiet = run("crawl", server.url("/"), "--quiet", "--no-external");
        assertThat(quiet.out()).doesNotContain("Broken links");
        Path broken = dir.resolve("broken.csv");
        CliRun piped = run("crawl", server.url("/"), "--threads", "1", "--no-external",
                "--csv", "-", "--broken-csv", broken.toString());
        assertEquals(1, piped.exitCode(), piped.err());
        assertThat(piped.out()).doesNotContain("Broken links", "… and");
        assertThat(piped.err()).contains("\nBroken links:\n  " + server.url("/go"))
                .contains("  … and 5 more links to other URLs; " + broken + " lists them all");
    }

    /**
     * A broken URL that many pages link to (a stylesheet in the site's template) gets one line,
     * with how many other pages link to it, so the list names every broken URL up to its
     * limit: link by link, the first 20 lines named the stylesheet 20 times and hid the rest.
     */
    @Test
    void eachBrokenUrlIsListedOnceWithHowManyOtherPagesLinkToIt() throws Exception {
        String theme = "<link rel=\"stylesheet\" href=\"/theme.css\">";
        StringBuilder home = new StringBuilder("<title>Home</title>" + theme);
        for (int i = 0; i < 25; i++) {
            home.append("<a href=\"/p/").append(i).append("\">p</a>");
            server.route("/p/" + i, html("<title>P" + i + "</title>" + theme
                    + "<a href=\"/\">home</a>"));
        }
        server.route("/", html(home + "<a href=\"/gone\">gone</a>"));
        server.route("/p/7", html("<title>P7</title>" + theme + "<img src=\"/logo.png\">"));

        CliRun r = run("crawl", server.url("/"), "--threads", "1", "--no-external");

        assertEquals(1, r.exitCode(), r.err());
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).endsWith("3 broken URLs, 28 broken links.");
        assertThat(lines).containsExactly(lines[0], "Broken links:",
                "  " + server.url("/theme.css") + " (HTTP 404) on " + server.url("/")
                        + " and 25 other pages",
                "  " + server.url("/gone") + " (HTTP 404) on " + server.url("/"),
                "  " + server.url("/logo.png") + " (HTTP 404) on " + server.url("/p/7"),
                "  --broken-csv FILE lists the other pages");
    }

    /**
     * An internationalised host is shown in its letters, as browsers show it, in the lines for
     * people; the CSV keeps the URL as requested ({@code xn--mller-kva}), for machines.
     */
    @Test
    void anInternationalHostIsShownInItsLettersAndWrittenInTheCsvAsRequested() throws Exception {
        int port = java.net.URI.create(server.url("/")).getPort();
        String site = "http://xn--mller-kva.localhost:" + port; // a name under localhost
        server.route("/", html("<title>Home</title><a href=\"http://müller.localhost:" + port
                + "/gone\">g</a>"));
        Path broken = dir.resolve("broken.csv");

        CliRun r = run("crawl", site + "/", "--no-external", "--broken-csv", broken.toString());

        assertEquals(1, r.exitCode(), r.err());
        assertThat(r.out()).contains("Broken links:\n  http://müller.localhost:" + port
                + "/gone (HTTP 404) on http://müller.localhost:" + port + "/\n");
        assertThat(java.nio.file.Files.readString(broken))
                .contains(site + "/," + site + "/gone,404");
    }

    /** A loop is not an ordinary redirect: the line says so and names its URLs, as the CSV does. */
    @Test
    void aLinkIntoARedirectLoopIsListedAsALoop() throws Exception {
        int n = io.webprobe.http.HttpProbe.MAX_REDIRECTS;
        for (int i = 0; i < n + 2; i++) {
            server.route("/r" + i, LocalHttpServer.redirect(302, "/r" + (i + 1)));
        }
        server.route("/", html("<title>Home</title><a href=\"/loop1\">l</a>"
                + "<a href=\"/self\">s</a><a href=\"/r0\">r</a>"));
        server.route("/loop1", LocalHttpServer.redirect(302, "/loop2"));
        server.route("/loop2", LocalHttpServer.redirect(302, "/loop1"));
        server.route("/self", LocalHttpServer.redirect(301, "/self"));

        CliRun r = run("crawl", server.url("/"), "--threads", "1");

        assertEquals(1, r.exitCode(), r.err());
        assertThat(r.out()).contains("Broken links:\n"
                + "  " + server.url("/loop1") + " (redirect loop: " + server.url("/loop1")
                + " → " + server.url("/loop2") + " → " + server.url("/loop1") + ") on "
                + server.url("/") + "\n"
                + "  " + server.url("/self") + " (redirect loop: " + server.url("/self")
                + " → " + server.url("/self") + ") on " + server.url("/") + "\n"
                + "  " + server.url("/r0") + " (too many redirects: gave up at "
                + server.url("/r" + n) + ") on " + server.url("/") + "\n");
    }

    @Test
    void aBrokenLinkWithoutAnAnswerIsListedWithWhyAndASitemapsOneAsTheSitemaps()
            throws Exception {
        int closed = closedPort();
        String refused = "http://127.0.0.1:" + closed + "/x";
        server.route("/", html("<title>Home</title><a href=\"" + refused + "\">x</a>"));
        server.route("/sitemap.xml", ex -> LocalHttpServer.send(ex, 200, "application/xml",
                "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>"
                        + server.url("/gone") + "</loc></url></urlset>"));

        CliRun r = run("crawl", server.url("/"), "--threads", "1", "--sitemaps");

        assertEquals(1, r.exitCode(), r.err());
        assertThat(r.out()).contains("Broken links:\n  " + refused
                + " (Connection refused) on " + server.url("/") + "\n")
                .contains("  " + server.url("/gone") + " (HTTP 404) listed in a sitemap\n")
                .doesNotContain("… and");
    }

    /**
     * Found by a tester beside linkchecker: a link whose server answered what is not HTTP (a
     * Content-Length that is not a number) was listed as "(I/O error)", which says neither
     * what went wrong nor that it was the server's fault; the CSV had the reason. The line
     * now gives it, as the message for a start URL that fails so does.
     */
    @Test
    void aLinkWhoseServerAnswersBrokenHttpIsListedWithTheReason() throws Exception {
        String page = "<title>Home</title><a href=\"/x\">x</a>";
        try (io.webprobe.testsupport.RawServer site = new io.webprobe.testsupport.RawServer(
                (s, raw) -> {
                    for (String head; (head = raw.readHead(s)) != null; ) {
                        String answer = head.startsWith("GET / ")
                                ? "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                                        + "Content-Length: " + page.length() + "\r\n\r\n" + page
                                : head.startsWith("GET /robots.txt ")
                                ? "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
                                : "HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\nok";
                        s.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
                    }
                })) {
            CliRun r = run("crawl", site.url("/"), "--threads", "1");

            assertEquals(1, r.exitCode(), r.err());
            assertThat(r.out()).contains("Broken links:\n  " + site.url("/x")
                    + " (invalid Content-Length: abc) on " + site.url("/") + "\n");
        }
    }

    /**
     * Found by a tester: a start URL typed with a stray "%" was asked as {@code /100%25.html}
     * (404) where a browser, and the crawl for the same URL as a link, asks {@code /100%.html}.
     * It is asked as typed, and the CSV and the summary show it so.
     */
    @Test
    void aStartUrlTypedWithAStrayPercentIsAskedAndShownAsTyped() throws Exception {
        String page = "<title>Hundred</title>";
        try (io.webprobe.testsupport.RawServer site = new io.webprobe.testsupport.RawServer(
                (s, raw) -> {
                    for (String head; (head = raw.readHead(s)) != null; ) {
                        String answer = head.startsWith("GET /100%.html ")
                                ? "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                                        + "Content-Length: " + page.length() + "\r\n\r\n" + page
                                : "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
                        s.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
                    }
                })) {
            Path csv = dir.resolve("pages.csv");

            CliRun r = run("crawl", site.url("/100%.html"), "--ignore-robots", "--csv",
                    csv.toString());

            assertEquals(0, r.exitCode(), r.err() + r.out());
            assertThat(site.requests()).extracting(h -> h.substring(0, h.indexOf("\r\n")))
                    .containsExactly("GET /100%.html HTTP/1.1");
            assertThat(readCsv(csv).get(1)[0]).isEqualTo(site.url("/100%.html"));
            assertThat(r.out() + r.err()).doesNotContain("%25");
        }
    }

    /**
     * Found by a tester: {@code --exclude ''} (a CI script's unset variable) matched every URL,
     * so the crawl fetched the start page only and exited 0. A blank pattern is refused, for
     * --include too, before any request.
     */
    @Test
    void aBlankIncludeOrExcludePatternIsRefusedBeforeAnyRequest() {
        smallSiteWithoutBrokenLinks();
        for (String option : List.of("--exclude", "--include")) {
            for (String blank : List.of("", "  ")) {
                assertPlainError(run("crawl", server.url("/"), "--quiet", option, blank),
                        option + " is given an empty pattern, which matches every URL; give a "
                                + "regular expression or leave " + option + " out.");
            }
        }
        assertEquals(0, server.totalRequests());
    }

    /**
     * Patterns are matched against the whole URL (as Screaming Frog and lychee match theirs):
     * {@code --include '^/docs'} matched no URL, so the crawl fetched the start page only and
     * exited 0, without a word; an exclude so written kept nothing out. Both are refused with
     * the pattern that was meant, before any request.
     */
    @Test
    void aPatternAnchoredAtThePathIsRefusedBeforeAnyRequest() {
        smallSiteWithoutBrokenLinks();
        for (String option : List.of("--include", "--exclude")) {
            assertPlainError(run("crawl", server.url("/"), "--quiet", option, "^/docs"),
                    option + " '^/docs' can never match: patterns are matched against the "
                            + "whole URL, so write '^https?://[^/]+/docs' to match from the "
                            + "start of the path, or '/docs' to match it anywhere in the URL.");
        }
        assertEquals(0, server.totalRequests());
        // anchored at the URL's start, it is taken
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--include",
                "^http://127\\.0\\.0\\.1:" + server.port() + "/").exitCode());
    }

    /**
     * Found by a tester: "/badgz (HTTP 200) on …" and "/nolocation (HTTP 301) on …" hid why
     * a 200 and a 301 were broken; the CSV said it. The line now says the stored reason.
     */
    @Test
    void aBrokenLinkWhoseStatusDoesNotExplainItSaysWhy() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/badgz\">g</a>"
                + "<a href=\"/nolocation\">n</a><a href=\"/gone\">x</a>"));
        server.route("/badgz", LocalHttpServer.respond(200, "text/html", "not gzip at all",
                "Content-Encoding", "gzip"));
        server.route("/nolocation", LocalHttpServer.respond(301, "text/html", ""));

        CliRun r = run("crawl", server.url("/"), "--threads", "1");

        assertEquals(1, r.exitCode(), r.err());
        assertThat(r.out()).contains("  " + server.url("/badgz") + " (HTTP 200: the server says "
                        + "the body is compressed (Content-Encoding: gzip), but it is not valid "
                        + "gzip data, so browsers cannot show it (a content decoding error)) on "
                        + server.url("/") + "\n")
                .contains("  " + server.url("/nolocation") + " (HTTP 301: redirect without a "
                        + "Location: the server says the page moved but not where to, so a "
                        + "browser shows this answer instead) on " + server.url("/") + "\n")
                .contains("  " + server.url("/gone") + " (HTTP 404) on " + server.url("/")
                        + "\n");
    }
}
