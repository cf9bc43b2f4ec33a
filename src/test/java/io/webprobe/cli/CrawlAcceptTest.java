package io.webprobe.cli;

import static io.webprobe.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.webprobe.crawl.CrawlResult;
import io.webprobe.crawl.Outcome;
import io.webprobe.store.CrawlReader;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.OverviewCounts;
import io.webprobe.store.UrlField;
import io.webprobe.store.UrlFilter;
import io.webprobe.store.UrlQuery;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.RefusedPort;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --accept}, as lychee's: statuses the user counts as OK (a site that answers crawlers
 * 403, an endpoint that answers 410 on purpose) are not broken, nor are the links to them, and
 * do not fail the exit code; their rows keep their status. The crawl file keeps the rule, so
 * the workspace, export and a resume apply it too.
 */
class CrawlAcceptTest {
    private final LocalHttpServer site = new LocalHttpServer();

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        site.close();
    }

    private String walledSite(LocalHttpServer s) {
        s.route("/", LocalHttpServer.html("<title>Home</title><a href=\"/members\">m</a>"
                + "<a href=\"/old-members\">o</a><a href=\"/retired\">r</a>"
                + "<a href=\"/missing\">x</a>"));
        s.route("/members", LocalHttpServer.respond(403, "text/html", "<title>No</title>"));
        s.route("/old-members", LocalHttpServer.redirect(301, "/members"));
        s.route("/retired", LocalHttpServer.respond(410, "text/html", "gone"));
        s.route("/missing", LocalHttpServer.respond(404, "text/html", "not here"));
        s.route("/robots.txt", LocalHttpServer.respond(404, "text/plain", ""));
        return s.url("/");
    }

    @Test
    void acceptedStatusesAreNotBrokenAndKeepTheirStatus() throws Exception {
        String start = walledSite(site);
        Path db = dir.resolve("site.webprobe");
        Path csv = dir.resolve("urls.csv");
        Path broken = dir.resolve("broken.csv");

        CliRun strict = run("crawl", start, "--quiet");
        CliRun accepting = run("crawl", start, "--accept", "403", "--accept", "400..=402,410",
                "--db", db.toString(), "--csv", csv.toString(), "--broken-csv",
                broken.toString());

        assertEquals(1, strict.exitCode(), strict.err());
        assertThat(strict.out()).contains("3 broken URLs, 4 broken links.");
        // only the 404 is left: the 403, the redirect to it and the 410 are accepted
        assertEquals(1, accepting.exitCode(), accepting.err());
        assertThat(accepting.out()).contains("1 broken URL, 1 broken link.")
                .contains("/missing (HTTP 404)").doesNotContain("/members", "/retired");
        // the summary counts them apart, as it counts the blocked ones
        assertThat(accepting.out()).contains("\nAccepted (not counted as broken): 2 URLs "
                + "(HTTP 403: 1; HTTP 410: 1).\n");
        assertThat(strict.out()).doesNotContain("Accepted");
        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith(site.url("/members") + ",403,")
                .contains(",ok,"));
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith(site.url("/retired") + ",410,")
                .contains(",ok,"));
        assertThat(Files.readAllLines(broken, StandardCharsets.UTF_8)).hasSize(2)
                .last().asString().contains("/missing");

        // the crawl file says the same wherever it is read: the workspace's filters and
        // counts, its rows, and export
        try (CrawlStore store = CrawlStore.open(db, CrawlStore.Access.READ_ONLY);
                CrawlReader reader = store.reader()) {
            assertThat(store.plan().accept().toString()).isEqualTo("403,400..=402,410");
            UrlQuery query = new UrlQuery(reader);
            assertThat(query.urls(query.ids(new UrlQuery.Request(UrlFilter.BROKEN, "",
                    UrlField.SEQ, false)).ids())).containsExactly(site.url("/missing"));
            assertThat(query.urls(query.ids(new UrlQuery.Request(UrlFilter.STATUS_4XX, "",
                    UrlField.SEQ, false)).ids())).hasSize(3);
            assertThat(new OverviewCounts(reader).counts().of(UrlFilter.BROKEN)).isEqualTo(1);
            assertThat(reader.counts().broken()).isEqualTo(1);
            CrawlResult members = reader.results().stream()
                    .filter(r -> r.url().equals(site.url("/members"))).findFirst().orElseThrow();
            assertThat(members.status()).isEqualTo(403);
            assertThat(members.isBroken()).isFalse();
            assertThat(members.outcome()).isEqualTo(Outcome.OK);
            assertThat(members.reason()).isEqualTo("Forbidden (accepted)");
        }
        Path exported = dir.resolve("exported-broken.csv");
        CliRun export = run("export", db.toString(), "--broken-csv", exported.toString());
        assertEquals(0, export.exitCode(), export.err());
        assertThat(Files.readString(exported)).isEqualTo(Files.readString(broken));
    }

    @Test
    void aBadValueIsNamedInOneSentenceBeforeAnyRequest() {
        String start = walledSite(site);

        for (String bad : List.of("abc", "403,4o4", "200..200", "700")) {
            CliRun r = run("crawl", start, "--accept", bad);

            assertEquals(2, r.exitCode(), r.err());
            assertThat(r.err()).matches("webprobe: --accept: '[^']+' is not a status code or "
                    + "range such as 200-299\\.\n");
            assertThat(r.out()).isEmpty();
        }
        CliRun empty = run("crawl", start, "--accept", " ");
        assertEquals(2, empty.exitCode(), empty.err());
        assertThat(empty.err()).isEqualTo("webprobe: --accept: no status code is given.\n");
        assertEquals(0, site.totalRequests());
    }

    /** A resume is not given --accept: it applies the one the crawl was started with. */
    @Test
    void aResumeAcceptsWhatTheCrawlWasStartedWith() throws Exception {
        Path db = dir.resolve("resumed.webprobe");
        RefusedPort down = RefusedPort.onLoopback(); // the site is down until upAt(down)
        int port = down.port();
        CliRun first = run("crawl", "http://127.0.0.1:" + port + "/", "--quiet", "--accept", "403",
                "--db", db.toString());
        assertEquals(2, first.exitCode(), first.err());

        try (down; LocalHttpServer up = LocalHttpServer.upAt(down)) {
            walledSite(up);
            up.route("/missing", LocalHttpServer.html("<title>Back</title>"));
            up.route("/retired", LocalHttpServer.html("<title>Back</title>"));

            CliRun again = run("crawl", "--resume", db.toString(), "--accept", "403");
            CliRun resumed = run("crawl", "--resume", db.toString(), "--quiet");

            assertEquals(2, again.exitCode(), again.err());
            assertThat(again.err()).isEqualTo("webprobe: --resume continues the crawl with the "
                    + "settings it was started with; leave out --accept.\n");
            assertEquals(0, resumed.exitCode(), resumed.err() + resumed.out());
            assertThat(resumed.out()).contains("Crawled 5 URLs").contains("0 broken URLs")
                    .contains("Accepted (not counted as broken): 1 URL (HTTP 403: 1).");
        }
    }

    /**
     * The bug: a start URL answering a status the user accepted ended the crawl as a start
     * that failed, exit 2. It is no failure: only a page answering 2xx has its links followed,
     * so the crawl ends there, exit 0, and says so in one sentence (the app's words too).
     */
    @Test
    void aStartUrlAnsweringAnAcceptedStatusIsNotAFailure() {
        site.route("/", LocalHttpServer.respond(403, "text/html",
                "<title>No</title><a href=\"/inside\">in</a>"));
        site.route("/moved", LocalHttpServer.redirect(301, "/"));
        site.route("/inside", LocalHttpServer.html("<title>Inside</title>"));
        site.route("/robots.txt", LocalHttpServer.respond(404, "text/plain", ""));

        CliRun strict = run("crawl", site.url("/"));
        CliRun accepting = run("crawl", site.url("/"), "--accept", "403");
        CliRun redirected = run("crawl", site.url("/moved"), "--accept", "400-403");

        assertEquals(2, strict.exitCode(), strict.err());
        assertThat(strict.err()).isEqualTo("webprobe: The start URL " + site.url("/")
                + " answered HTTP 403.\n");
        assertEquals(0, accepting.exitCode(), accepting.err());
        assertThat(accepting.err()).isEmpty();
        assertThat(accepting.out()).startsWith("Crawled 1 URL in ").contains("0 broken URLs")
                .contains("\nThe start URL " + site.url("/") + " answered HTTP 403, a status "
                        + "this crawl accepts: not broken, but with no links to follow.\n")
                .contains("\nAccepted (not counted as broken): 1 URL (HTTP 403: 1).\n");
        assertEquals(0, redirected.exitCode(), redirected.err());
        assertThat(redirected.out()).contains("\nThe start URL " + site.url("/moved")
                + " redirects to " + site.url("/") + ", which answered HTTP 403, a status this "
                + "crawl accepts: not broken, but with no links to follow.\n");
        assertEquals(0, site.hits("/inside"));
    }
}
