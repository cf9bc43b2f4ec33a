package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.ErrorKind;
import io.webprobe.testsupport.LocalHttpServer;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A mailto: link whose address is malformed and a file: link on a web page reach nobody: they
 * are broken links of the pages holding them, as LinkChecker reports them; a well-formed
 * mailto: and the other schemes (tel:, javascript:, data:, ftp:) are skipped as before.
 */
class MailAndFileLinksTest {
    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void malformedMailAddressesAndFileLinksAreBrokenLinksOfTheirPages() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/contact\">contact</a>"
                + "<a href=\"mailto:info@example.test?subject=Hi%20there\">write</a>"
                + "<a href=\"mailto:a@example.test,b+news@example.test\">both</a>"
                + "<a href=\"mailto:?subject=x\">compose</a>"
                + "<a href=\"mailto:info.example.test\">no at</a>"
                // semicolons, as Outlook writes a list: fine, each address still checked
                + "<a href=\"mailto:a@example.test;b@example.test\">semicolons</a>"
                + "<a href=\"mailto:a@example.test; b@exa_mple.test\">second bad</a>"
                + "<a href=\"file:///C:/Users/me/site/page.html\">local copy</a>"
                + "<a href=\"tel:+441234\">t</a><a href=\"javascript:void(0)\">j</a>"
                + "<a href=\"data:text/plain,x\">d</a><a href=\"ftp://f.example.test/\">f</a>"));
        server.route("/contact", html("<title>Contact</title>"
                + "<a href=\"mailto:jane doe@example.test\">Jane</a>"
                + "<a href=\"mailto:postmaster@[127.0.0.1]\">ip</a>"
                + "<img src=\"file:///C:/Users/me/site/logo.png\" alt=\"logo\">"
                // Debian's copy of the Python docs: each page's own file as its canonical
                + "<link rel=canonical href=\"file:///C:/Users/me/site/contact.html\">"));
        var events = new RecordingCrawlListener();
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t").withRespectRobots(false);
        try (CrawlJob job = TestJobs.job(plan, events)) {
            job.start();
            events.awaitFinish();
        }

        String site = server.url("");
        assertThat(events.broken).extracting(b -> b.sourceUrl().substring(site.length())
                + " | " + b.linkUrl() + " | " + b.anchorText() + " | " + b.linkType()
                + " | " + b.errorMessage())
                .containsExactlyInAnyOrder(
                        "/ | mailto:info.example.test | no at | a | Malformed email address: "
                                + "no @ in info.example.test",
                        "/ | mailto:a@example.test; b@exa_mple.test | second bad | a | "
                                + "Malformed email address: the domain of b@exa_mple.test is "
                                + "not a valid host name",
                        "/ | file:///C:/Users/me/site/page.html | local copy | a | A file: link: "
                                + "browsers do not open it from a web page",
                        "/contact | mailto:jane doe@example.test | Jane | a | Malformed email "
                                + "address: a space before the @ in jane doe@example.test",
                        "/contact | file:///C:/Users/me/site/logo.png | logo | img | A file: "
                                + "URL: browsers do not load it from a web page",
                        "/contact | file:///C:/Users/me/site/contact.html |  | canonical | A "
                                + "file: canonical URL: search engines ignore it, as a "
                                + "canonical names the page's own web address");
        assertThat(events.broken).allSatisfy(b ->
                assertThat(b.error()).isEqualTo(ErrorKind.INVALID_URL));
        // what the window's Broken links tab says of each, in a few words
        assertThat(events.broken).allSatisfy(b -> assertThat(b.notAUrl()).isTrue())
                .extracting(BrokenLink::notAUrlInBrief).containsExactlyInAnyOrder(
                        "Bad email address", "Bad email address", "file: link",
                        "Bad email address", "file: URL", "file: canonical");
        // nothing of another scheme was requested or stored as a URL
        assertThat(events.stored()).extracting(CrawlResult::url)
                .containsExactlyInAnyOrder(server.url("/"), server.url("/contact"));
    }

    /**
     * An exclude pattern leaves out an href that is no URL, matched as written (without the
     * spaces around it, its scheme in lower case), as LinkChecker's --ignore-url does:
     * Debian's copy of the Python docs has a file: canonical on each page. An include pattern
     * never leaves one out: such an href is never crawled. Each one left out is counted with
     * the URLs the patterns leave out, once however many pages hold it (lychee's "excluded").
     */
    @Test
    void anExcludePatternLeavesOutTheHrefsThatAreNoUrlItMatches() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/contact\">contact</a>"
                + "<a href=\"mailto:info.example.test\">no at</a>"
                + "<a href=\" file:///C:/Users/me/site/page.html\">local copy</a>"
                + "<a href=\"http://exa mple.test/\">space</a>"));
        server.route("/contact", html("<title>Contact</title>"
                + "<a href=\"mailto:jane doe@example.test\">Jane</a>"
                + "<img src=\"FILE:///C:/Users/me/site/logo.png\" alt=\"logo\">"
                + "<link rel=canonical href=\"file:///C:/Users/me/site/contact.html\">"
                + "<a href=\"file:///C:/Users/me/site/page.html\">local copy again</a>"
                + "<a href=\"/jane\">a URL the pattern leaves out</a>"));
        var events = new RecordingCrawlListener();
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t").withRespectRobots(false);
        plan = plan.withScope(plan.scope()
                .withInclude(List.of(java.util.regex.Pattern.compile("^http://127\\.")))
                .withExclude(List.of(java.util.regex.Pattern.compile("^file:"),
                        java.util.regex.Pattern.compile("jane"))));
        try (CrawlJob job = TestJobs.job(plan, events)) {
            job.start();
            events.awaitFinish();
        }

        // four hrefs (the file: link on both pages once), and /jane
        assertThat(events.awaitFinish().skipped()).containsExactly(
                java.util.Map.entry(SkipReason.EXCLUDED, 5L));
        String site = server.url("");
        assertThat(events.broken).extracting(b -> b.sourceUrl().substring(site.length())
                + " | " + b.linkUrl() + " | " + b.errorMessage())
                .containsExactlyInAnyOrder(
                        "/ | mailto:info.example.test | Malformed email address: "
                                + "no @ in info.example.test",
                        "/ | http://exa mple.test/ | Malformed URL: the host name contains "
                                + "a space");
        assertThat(events.stored()).extracting(CrawlResult::url)
                .containsExactlyInAnyOrder(server.url("/"), server.url("/contact"));
    }

    /** A pattern added while the crawl runs ("Exclude this path") leaves them out too. */
    @Test
    void anExcludePatternAddedWhileTheCrawlRunsLeavesOutTheHrefsFoundAfter() throws Exception {
        java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        server.route("/", html("<title>Home</title><a href=\"/slow\">slow</a>"));
        server.route("/slow", LocalHttpServer.blockUntil(release, arrived,
                "<title>Slow</title><a href=\"file:///C:/site/a.html\">copy</a>"
                        + "<a href=\"mailto:info.example.test\">no at</a>"));
        var events = new RecordingCrawlListener();
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t").withRespectRobots(false);
        try (CrawlJob job = TestJobs.job(plan, events)) {
            job.start();
            assertThat(arrived.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            job.exclude(java.util.regex.Pattern.compile("^file:"));
            release.countDown();
            events.awaitFinish();
        }

        assertThat(events.broken).extracting(BrokenLink::linkUrl)
                .containsExactly("mailto:info.example.test");
        assertThat(events.awaitFinish().skipped()).containsExactly(
                java.util.Map.entry(SkipReason.EXCLUDED, 1L));
    }

    /**
     * The few words for a reason, from the reasons an older crawl file holds too; a broken
     * URL, a missing anchor or a 3xx without a Location is no href that is not a URL.
     */
    @Test
    void anHrefThatIsNoUrlIsSaidInAFewWords() {
        assertThat(notAUrl("Malformed URL: the host name a!b.test cannot be requested")
                .notAUrlInBrief()).isEqualTo("Malformed URL");
        assertThat(notAUrl("Malformed email address: no @ in x").notAUrlInBrief())
                .isEqualTo("Bad email address");
        assertThat(notAUrl(HrefCheck.FILE_LINK).notAUrlInBrief()).isEqualTo("file: link");
        assertThat(notAUrl(HrefCheck.FILE_RESOURCE).notAUrlInBrief()).isEqualTo("file: URL");
        assertThat(notAUrl(HrefCheck.FILE_CANONICAL).notAUrlInBrief())
                .isEqualTo("file: canonical");
        assertThat(notAUrl("Some other reason").notAUrlInBrief()).isEqualTo("Some other reason");
        assertThat(notAUrl("").notAUrlInBrief()).isEmpty();
        BrokenLink gone = new BrokenLink("http://s/", "http://s/gone", 404, null, "", "", "a",
                "http://s/gone", "");
        BrokenLink noLocation = new BrokenLink("http://s/", "http://s/r", 301,
                ErrorKind.INVALID_URL, "Redirect without a Location", "", "a", "http://s/r", "");
        assertThat(List.of(gone, noLocation)).noneMatch(BrokenLink::notAUrl)
                .allSatisfy(b -> assertThat(b.notAUrlInBrief()).isEmpty());
    }

    /** A broken link as the store reads an href that is no URL. */
    private static BrokenLink notAUrl(String reason) {
        return new BrokenLink("http://s/", "x:y", 0, ErrorKind.INVALID_URL, reason, "", "a", "",
                "");
    }
}
