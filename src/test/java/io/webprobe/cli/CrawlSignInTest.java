package io.webprobe.cli;

import static io.webprobe.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpExchange;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.RefusedPort;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A staging site behind a password (HTTP basic authentication) is crawled with --user, and
 * with -H headers; the sign-in and headers go to the site's own URLs only, never to the other
 * hosts its links are checked on, and never into the crawl file.
 */
@ExtendWith(ShortRetryWaits.class)
class CrawlSignInTest {
    private static final String PASSWORD = "pässwörd-7781";
    private static final String TOKEN = "staging-token-99321";

    private final LocalHttpServer site = new LocalHttpServer();
    private final LocalHttpServer other = new LocalHttpServer();
    /** "path Authorization X-Token" for each request to either server. */
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        site.close();
        other.close();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private LocalHttpServer.Route signedIn(LocalHttpServer.Route page) {
        return ex -> {
            note(ex);
            if (!basic("ann", PASSWORD).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"staging\"");
                LocalHttpServer.send(ex, 401, "text/html", "sign in");
                return;
            }
            page.handle(ex);
        };
    }

    private void note(HttpExchange ex) {
        seen.add(ex.getRequestURI().getPath() + " " + ex.getRequestHeaders().getFirst(
                "Authorization") + " " + ex.getRequestHeaders().getFirst("X-Token"));
    }

    private String stagingSite() {
        site.route("/robots.txt", signedIn(LocalHttpServer.respond(200, "text/plain",
                "User-agent: *\nDisallow: /private/\n")));
        site.route("/", signedIn(LocalHttpServer.html("<title>Staging</title>"
                + "<a href=\"/a\">a</a><a href=\"" + other.url("/elsewhere") + "\">x</a>")));
        site.route("/a", signedIn(LocalHttpServer.html("<title>A</title>")));
        other.route("/elsewhere", ex -> {
            note(ex);
            LocalHttpServer.send(ex, 200, "text/html", "<title>Elsewhere</title>");
        });
        return site.url("/");
    }

    @Test
    void theSignInAndHeadersGoToTheSiteOnlyAndNeverIntoTheFile() throws Exception {
        String start = stagingSite();
        Path db = dir.resolve("staging.webprobe");

        CliRun r = run("crawl", start, "--quiet", "--user", "ann:" + PASSWORD, "-H",
                "X-Token: " + TOKEN, "--db", db.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertThat(r.out()).startsWith("Crawled 3 URLs");
        String auth = basic("ann", PASSWORD);
        assertThat(seen).contains("/robots.txt " + auth + " " + TOKEN, "/ " + auth + " " + TOKEN,
                "/a " + auth + " " + TOKEN);
        assertThat(seen).filteredOn(s -> s.startsWith("/elsewhere")).isNotEmpty()
                .allMatch(s -> s.equals("/elsewhere null null"));
        // nothing of the sign-in in the file or beside it
        for (Path f : Files.list(dir).toList()) {
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertThat(bytes).doesNotContain(TOKEN, auth.substring("Basic ".length()), "7781");
        }
    }

    /**
     * A start URL that redirects to another origin widens the crawl there, but the password
     * and headers stay with the origin they were given for (as curl and browsers keep them).
     */
    @Test
    void aStartRedirectToAnotherOriginTakesNoSignInThere() throws Exception {
        site.route("/go", ex -> {
            note(ex);
            ex.getResponseHeaders().add("Location", other.url("/via"));
            LocalHttpServer.send(ex, 302, "text/plain", "");
        });
        other.route("/via", ex -> {
            note(ex);
            LocalHttpServer.send(ex, 200, "text/html", "<title>Via</title><a href=\"/b\">b</a>");
        });
        other.route("/b", ex -> {
            note(ex);
            LocalHttpServer.send(ex, 200, "text/html", "<title>B</title>");
        });

        CliRun r = run("crawl", site.url("/go"), "--quiet", "--user", "ann:" + PASSWORD, "-H",
                "X-Token: " + TOKEN);

        assertEquals(0, r.exitCode(), r.err());
        assertThat(seen).contains("/go " + basic("ann", PASSWORD) + " " + TOKEN,
                "/via null null", "/b null null");
        assertThat(seen).filteredOn(s -> !s.startsWith("/go")).allMatch(s -> s.endsWith(
                " null null"));
    }

    @Test
    void aSiteAskingForASignInSaysHowToGiveOneAndAWrongOneIsSaidToBeWrong() throws Exception {
        String start = stagingSite();

        CliRun none = run("crawl", start, "--quiet");
        CliRun wrong = run("crawl", start, "--quiet", "--user", "ann:guess");

        assertEquals(2, none.exitCode());
        assertThat(none.err()).isEqualTo("webprobe: The start URL " + start + " answered HTTP "
                + "401. The site asks for a sign-in: give it with --user NAME:PASSWORD.\n");
        assertEquals(2, wrong.exitCode());
        assertThat(wrong.err()).isEqualTo("webprobe: The start URL " + start + " answered HTTP "
                + "401. The site did not accept the sign-in given.\n");
    }

    /** The file keeps no sign-in, so a resume is given it again, and works with it. */
    @Test
    void aResumeIsGivenTheSignInAgain() throws Exception {
        // the site is down (its port refuses): the crawl stops with its start URL still to fetch
        RefusedPort siteDown = site.goDown();
        int port = siteDown.port();
        Path db = dir.resolve("staging.webprobe");
        assertEquals(2, run("crawl", "http://127.0.0.1:" + port + "/", "--quiet", "--user",
                "ann:" + PASSWORD, "--db", db.toString()).exitCode());

        try (siteDown; LocalHttpServer up = LocalHttpServer.upAt(siteDown)) {
            up.route("/", signedIn(LocalHttpServer.html("<a href=\"/a\">a</a>")));
            up.route("/a", signedIn(LocalHttpServer.html("a")));

            CliRun resumed = run("crawl", "--resume", db.toString(), "--quiet", "--user",
                    "ann:" + PASSWORD);

            assertEquals(0, resumed.exitCode(), resumed.err());
            assertThat(resumed.out()).startsWith("Crawled 2 URLs");
            assertThat(up.hits("/a")).isEqualTo(1);
        }
    }

    @Test
    void headersTheCrawlSetsItselfAndAMissingPasswordAreRefusedBeforeAnyRequest()
            throws Exception {
        String start = stagingSite();

        assertPlain(run("crawl", start, "-H", "Host: elsewhere"), "webprobe: The Host header "
                + "is set by Webprobe itself for each request, so it cannot be given.\n");
        assertPlain(run("crawl", start, "-H", "User-Agent: me"), "webprobe: Set the User-Agent "
                + "with the user agent setting (--user-agent), which every request sends, not "
                + "as a header.\n");
        assertPlain(run("crawl", start, "-H", "nocolon"), "webprobe: 'nocolon' is not a "
                + "header; write it as 'Name: value'.\n");
        // its first word only: the rest of a line missing its colon may be a password
        assertPlain(run("crawl", start, "-H", "Authorization Bearer s3cret"),
                "webprobe: 'Authorization …' is not a header; write it as 'Name: value'.\n");
        assertPlain(run("crawl", start, "--user", "ann:x", "-H", "Authorization: Bearer t"),
                "webprobe: Give one sign-in: a user and password, or one Authorization "
                        + "header.\n");
        assertPlain(run("crawl", start, "--user", ":x"),
                "webprobe: The user name is empty; give it as NAME:PASSWORD.\n");
        // found by a tester: an empty --user (a CI script's unset variable) was asked a
        // password for, then named with a double space ("--user  needs a password")
        assertPlain(run("crawl", start, "--user", ""),
                "webprobe: The user name is empty; give it as NAME:PASSWORD.\n");
        // no terminal to ask on here, and no WEBPROBE_PASSWORD in the test's environment
        if (System.getenv("WEBPROBE_PASSWORD") == null) {
            assertPlain(run("crawl", start, "--user", "ann"), "webprobe: --user ann needs a "
                    + "password: give it as --user ann:PASSWORD, set WEBPROBE_PASSWORD, or run "
                    + "in a terminal to be asked.\n");
        }
        assertThat(seen).isEmpty();
    }

    /**
     * As curl: -H 'Name:' with no value sends no such header, not even the crawl's own
     * (User-Agent, Accept-Encoding); an empty Host leaves the crawl's Host. -H 'Host:' was
     * refused as a header Webprobe sets, and -H 'X-Token:' sent "X-Token: ".
     */
    @Test
    void aHeaderGivenWithNoValueIsNotSentNorItsDefault() {
        List<String> heard = new CopyOnWriteArrayList<>();
        site.route("/", ex -> {
            var h = ex.getRequestHeaders();
            heard.add(h.getFirst("Host") + "|" + h.getFirst("User-Agent") + "|"
                    + h.getFirst("Accept-Encoding") + "|" + h.getFirst("X-Token") + "|"
                    + h.getFirst("Accept"));
            LocalHttpServer.send(ex, 200, "text/html", "<title>Home</title>");
        });

        CliRun r = run("crawl", site.url("/"), "--quiet", "--ignore-robots", "-H", "Host:",
                "-H", "User-Agent:", "-H", "Accept-Encoding:", "-H", "X-Token:");

        assertEquals(0, r.exitCode(), r.err());
        assertThat(heard).containsExactly(site.url("/").replaceAll("^http://|/$", "")
                + "|null|null|null|" + io.webprobe.http.CrawlHttpProbe.ACCEPT);
    }

    /** As curl: -H 'Name;' sends the header with an empty value. */
    @Test
    void aHeaderGivenWithASemicolonIsSentEmpty() {
        List<String> heard = new CopyOnWriteArrayList<>();
        site.route("/", ex -> {
            heard.add("[" + ex.getRequestHeaders().getFirst("X-Token") + "]");
            LocalHttpServer.send(ex, 200, "text/html", "<title>Home</title>");
        });

        CliRun r = run("crawl", site.url("/"), "--quiet", "--ignore-robots", "-H", "X-Token;");

        assertEquals(0, r.exitCode(), r.err());
        assertThat(heard).containsExactly("[]");
    }

    /**
     * The crawl file keeps no sign-in: a resume not given it again meets the site's 401s and
     * stops; the sentence said to resume "with the site's sign-in" but not with which option.
     */
    @Test
    void aResumeStoppedForWantOfTheSignInNamesTheOptionThatGivesIt() throws Exception {
        // the site is down (its port refuses): the first crawl stops, resumable, with nothing
        // done
        RefusedPort siteDown = site.goDown();
        int port = siteDown.port();
        String start = "http://127.0.0.1:" + port + "/";
        Path db = dir.resolve("staging.webprobe");
        CliRun first = run("crawl", start, "--quiet", "--user", "ann:" + PASSWORD, "--db",
                db.toString());
        assertEquals(2, first.exitCode(), first.err());
        // the resume line asks for the user again, never printing the password
        assertThat(first.out()).contains("continue it with " + io.webprobe.CommandName.get()
                + " crawl --resume " + db + " --user ann.").doesNotContain(PASSWORD);

        try (siteDown; LocalHttpServer up = LocalHttpServer.upAt(siteDown)) {
            up.route("/", ex -> {
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"staging\"");
                LocalHttpServer.send(ex, 401, "text/html", "sign in");
            });
            up.route("/robots.txt", ex -> LocalHttpServer.send(ex, 404, "text/plain", ""));

            CliRun resumed = run("crawl", "--resume", db.toString(), "--quiet");

            assertEquals(2, resumed.exitCode(), resumed.err());
            assertThat(resumed.err()).isEqualTo("webprobe: warning: resuming without its "
                    + "Authorization header, which is not kept on disk; to send it, give it "
                    + "again with -H 'Authorization: \u2026' (or --user NAME:PASSWORD).\n"
                    + "webprobe: The site asks for a sign-in (HTTP "
                    + "401), which a crawl file does not keep, so the resumed crawl stopped "
                    + "without marking anything broken; resume it again with the site's "
                    + "sign-in. Give it with --user NAME:PASSWORD.\n");
            assertThat(resumed.out()).contains("continue it with " + io.webprobe.CommandName.get()
                    + " crawl --resume " + db + " --user NAME:PASSWORD.");
        }
    }

    /**
     * The crawl file keeps no header that may hold a password, only its name: a crawl given
     * its token with -H was told to continue with "--resume FILE" alone, and a site asking for
     * a Bearer token was told to give --user NAME:PASSWORD, which sends a Basic sign-in it does
     * not take. The resume line and the advice now name the -H headers whose values are not
     * kept (never their values) and the scheme asked; one the file keeps (X-Team) is not
     * named: the resume sends it.
     */
    @Test
    void theResumeLineNamesTheHeadersGivenAndTheSchemeTheSiteAsksFor() throws Exception {
        Path db = dir.resolve("api.webprobe");
        String resume = "continue it with " + io.webprobe.CommandName.get() + " crawl --resume "
                + db;
        RefusedPort down = RefusedPort.onLoopback(); // the site is down until upAt(down)
        int port = down.port();
        CliRun first = run("crawl", "http://127.0.0.1:" + port + "/", "--quiet", "-H",
                "Authorization: Bearer " + TOKEN, "-H", "X-Team: web", "--db", db.toString());
        assertEquals(2, first.exitCode(), first.err());
        assertThat(first.out()).contains(resume + " -H 'Authorization: \u2026'.")
                .doesNotContain(TOKEN);

        try (down; LocalHttpServer up = LocalHttpServer.upAt(down)) {
            up.route("/", ex -> {
                ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"api\"");
                LocalHttpServer.send(ex, 401, "text/html", "sign in");
            });
            up.route("/robots.txt", ex -> LocalHttpServer.send(ex, 404, "text/plain", ""));

            CliRun none = run("crawl", "--resume", db.toString(), "--quiet");
            CliRun stale = run("crawl", "--resume", db.toString(), "--quiet", "-H",
                    "Authorization: Bearer stale");
            CliRun basic = run("crawl", "--resume", db.toString(), "--quiet", "--user", "ann:pw");

            assertEquals(2, none.exitCode(), none.err());
            assertThat(none.err()).endsWith("sign-in. Give it with -H 'Authorization: Bearer "
                    + "\u2026'.\n");
            assertThat(none.out()).contains(resume + " -H 'Authorization: Bearer \u2026'.");
            assertEquals(2, stale.exitCode(), stale.err());
            assertThat(stale.err()).endsWith("sign-in. Check the Authorization header given "
                    + "with -H.\n");
            assertThat(stale.out()).contains(resume + " -H 'Authorization: \u2026'.");
            assertEquals(2, basic.exitCode(), basic.err());
            assertThat(basic.err()).endsWith("sign-in. The site asks for a Bearer sign-in, which "
                    + "--user cannot give: give it with -H 'Authorization: Bearer \u2026'.\n");
        }
    }

    /**
     * ADR 0031: a header that holds no secret is kept in the crawl file and sent again by a
     * resume given no -H; of one that may hold a password the file keeps the name only, and a
     * resume not given it again warns, in one line before it starts, and goes on without it.
     */
    @Test
    void aResumeSendsTheHeadersTheFileKeepsAndWarnsOfThoseItDoesNot() throws Exception {
        Path db = dir.resolve("kept.webprobe");
        RefusedPort down = RefusedPort.onLoopback(); // the site is down until upAt(down)
        int port = down.port();
        CliRun first = run("crawl", "http://127.0.0.1:" + port + "/", "--quiet", "-H",
                "X-Token: " + TOKEN, "-H", "X-Team: web", "--db", db.toString());
        assertEquals(2, first.exitCode(), first.err());
        assertThat(new String(Files.readAllBytes(db), StandardCharsets.ISO_8859_1))
                .doesNotContain(TOKEN).contains("X-Team: web");

        try (down; LocalHttpServer up = LocalHttpServer.upAt(down)) {
            List<String> team = new CopyOnWriteArrayList<>();
            up.route("/", ex -> {
                note(ex);
                team.add(String.valueOf(ex.getRequestHeaders().getFirst("X-Team")));
                LocalHttpServer.send(ex, 200, "text/html", "<title>Home</title>");
            });

            CliRun resumed = run("crawl", "--resume", db.toString(), "--quiet");

            assertEquals(0, resumed.exitCode(), resumed.err());
            assertThat(resumed.err()).isEqualTo("webprobe: warning: resuming without its "
                    + "X-Token header, which is not kept on disk; to send it, give it again "
                    + "with -H 'X-Token: \u2026'.\n");
            assertThat(team).containsExactly("web");
            assertThat(seen).containsExactly("/ null null");

            CliRun given = run("crawl", "--resume", db.toString(), "--quiet", "-H",
                    "X-Token: " + TOKEN);
            assertEquals(0, given.exitCode(), given.err());
            assertThat(given.err()).doesNotContain("warning");
        }
    }

    /** A start URL asking for a token is not answered with --user, which sends a password. */
    @Test
    void aStartUrlAskingForABearerTokenSaysToGiveItWithAHeader() {
        site.route("/", ex -> {
            ex.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            LocalHttpServer.send(ex, 401, "application/json", "{}");
        });
        String start = site.url("/");

        CliRun none = run("crawl", start, "--quiet");
        CliRun basic = run("crawl", start, "--quiet", "--user", "ann:pw");

        assertPlain(none, "webprobe: The start URL " + start + " answered HTTP 401. The site "
                + "asks for a sign-in: give it with -H 'Authorization: Bearer \u2026'.\n");
        assertPlain(basic, "webprobe: The start URL " + start + " answered HTTP 401. The site "
                + "did not accept the sign-in given. The site asks for a Bearer sign-in, which "
                + "--user cannot give: give it with -H 'Authorization: Bearer \u2026'.\n");
    }

    private static void assertPlain(CliRun r, String err) {
        assertEquals(2, r.exitCode(), r.err());
        assertThat(r.err()).isEqualTo(err);
    }

    /** Two headers not kept: "them" throughout, each named with its -H. */
    @Test
    void aResumeWithoutTwoHeadersSaysThemOnce() {
        io.webprobe.crawl.SiteHeaders withheld = io.webprobe.crawl.SiteHeaders.stored(
                List.of(), List.of("Cookie", "X-Token"));
        assertThat(CrawlCommand.withheldWarning(withheld)).isEqualTo("webprobe: warning: "
                + "resuming without its Cookie and X-Token headers, which are not kept on disk;"
                + " to send them, give them again with -H 'Cookie: \u2026' -H 'X-Token: \u2026'.");
    }
}
