package io.webprobe.cli;

import static io.webprobe.cli.CliRun.run;
import static io.webprobe.testsupport.LocalHttpServer.html;
import static io.webprobe.testsupport.LocalHttpServer.redirect;
import static io.webprobe.testsupport.LocalHttpServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.webprobe.testsupport.LocalHttpServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} of a crawl made with {@code --exclude} against one made without (ADR 0021):
 * a broken link the older crawl's patterns left out (its target, a hop of its redirects, the
 * page holding it) may have been broken all along, so it is not new and the gate passes; the
 * other way round none is called fixed. One note says why. Likewise a missing anchor (ADR
 * 0024), on a page or to a page the patterns left out.
 */
class CompareExcludedUrlsCommandTest {
    @TempDir
    Path dir;

    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    private void site(String extra) {
        server.route("/", html("<title>Home</title><a href=\"/old-gone\">gone</a>"
                + "<a href=\"/private/\">private</a><a href=\"/go\">go</a>" + extra));
        server.route("/old-gone", status(404));
        server.route("/private/", html("<title>Private</title><a href=\"/missing\">m</a>"));
        server.route("/missing", status(404));
        server.route("/go", redirect(301, "/private/gone"));
        server.route("/private/gone", status(404));
        server.route("/new-gone", status(404));
    }

    private Path crawl(String name, int exit, String... more) {
        Path db = dir.resolve(name);
        String[] args = new String[5 + more.length];
        args[0] = "crawl";
        args[1] = server.url("/");
        args[2] = "--quiet";
        args[3] = "--db";
        args[4] = db.toString();
        System.arraycopy(more, 0, args, 5, more.length);
        CliRun r = run(args);
        assertEquals(exit, r.exitCode(), r.out() + r.err());
        return db;
    }

    @Test
    void brokenLinksTheOlderCrawlsPatternsLeftOutAreNotNew() throws Exception {
        site("");
        Path with = crawl("with.webprobe", 0, "--exclude", "/private/", "--exclude", "/old-gone");
        Path without = crawl("without.webprobe", 1);

        CliRun r = run("compare", with.toString(), without.toString());

        // before: "3 new broken links", exit 1, for links broken all along
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertThat(r.out()).doesNotContain("new broken link")
                .contains("Note: " + with + "'s exclude patterns (--exclude) leave out 3 broken "
                        + "links of " + without + ", so they are not compared: none is called "
                        + "new.\n");

        // the other way round: the crawl with the patterns fixed none of them
        CliRun back = run("compare", without.toString(), with.toString());

        assertEquals(0, back.exitCode(), back.out() + back.err());
        assertThat(back.out()).doesNotContain("fixed broken link")
                .contains("Note: " + with + "'s exclude patterns (--exclude) leave out 3 broken "
                        + "links of " + without + ", so they are not compared: none is called "
                        + "fixed.\n");
    }

    @Test
    void aNewBrokenLinkThePatternsDoNotMatchStillFailsTheGate() throws Exception {
        site("");
        Path with = crawl("with.webprobe", 0, "--exclude", "/private/", "--exclude", "/old-gone");
        site("<a href=\"/new-gone\">new</a>");
        Path without = crawl("without.webprobe", 1);

        CliRun r = run("compare", with.toString(), without.toString());

        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertThat(r.out()).contains("1 new broken link.")
                .contains("New broken links:\n  " + server.url("/new-gone") + " (HTTP 404) on "
                        + server.url("/") + "\n")
                .contains("leave out 3 broken links of " + without);
    }

    @Test
    void missingAnchorsTheOlderCrawlsPatternsLeftOutAreNotNew() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/doc.html#sec\">doc</a>"
                + "<a href=\"/go#setup\">go</a><a href=\"/private/\">private</a>"));
        server.route("/doc.html", html("<title>Doc</title>")); // no #sec
        server.route("/go", redirect(301, "/private/guide.html"));
        server.route("/private/guide.html", html("<title>Guide</title>")); // no #setup
        server.route("/private/", html("<title>Private</title>"
                + "<a href=\"/guide.html#install\">install</a>"));
        server.route("/guide.html", html("<title>Guide</title>")); // no #install
        // the link's target (matched without its fragment), a hop of its redirects, its page
        Path with = crawl("with.webprobe", 0, "--check-anchors", "--exclude", "/doc\\.html$",
                "--exclude", "/private/");
        Path without = crawl("without.webprobe", 1, "--check-anchors");

        CliRun r = run("compare", with.toString(), without.toString());

        // before: "3 new missing anchors", exit 1, for anchors missing all along
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertThat(r.out()).doesNotContain("new missing anchor")
                .contains("Note: " + with + "'s exclude patterns (--exclude) leave out 3 missing "
                        + "anchors of " + without + ", so they are not compared: none is called "
                        + "new.\n");

        CliRun back = run("compare", without.toString(), with.toString());

        assertEquals(0, back.exitCode(), back.out() + back.err());
        assertThat(back.out()).doesNotContain("fixed missing anchor")
                .contains("Note: " + with + "'s exclude patterns (--exclude) leave out 3 missing "
                        + "anchors of " + without + ", so they are not compared: none is called "
                        + "fixed.\n");
    }

    @Test
    void brokenLinksAndMissingAnchorsLeftOutAreOneNote() throws Exception {
        site("<a href=\"/private/#setup\">setup</a>");
        Path with = crawl("with.webprobe", 0, "--check-anchors", "--exclude", "/private/",
                "--exclude", "/old-gone");
        Path without = crawl("without.webprobe", 1, "--check-anchors");

        CliRun r = run("compare", with.toString(), without.toString());

        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertThat(r.out()).doesNotContain("new broken link").doesNotContain("new missing anchor")
                .contains("Note: " + with + "'s exclude patterns (--exclude) leave out 3 broken "
                        + "links and 1 missing anchor of " + without + ", so they are not "
                        + "compared: none is called new.\n");
    }
}
