package io.webprobe.cli;

import static io.webprobe.cli.CliRun.run;
import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.webprobe.testsupport.LocalHttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crawl --check-anchors}: missing anchors in the summary, listed after it, in the
 * broken-links CSV (a last column says which line is one) and in the exit code; without the
 * option, the output and the CSV are as before.
 */
class CrawlAnchorsCommandTest {
    @TempDir
    Path dir;

    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    private void site(String extra) {
        server.route("/", html("<title>Home</title><a href=\"/guide.html#setup\">setup</a>"
                + "<a href=\"/guide.html#install\">install</a><a href=\"#top\">top</a>"
                + extra));
        server.route("/guide.html", html("<title>Guide</title><h2 id=\"setup\">Setup</h2>"));
    }

    @Test
    void aMissingAnchorIsReportedWithItsPageAndFailsTheRun() throws Exception {
        site("<a href=\"/gone\">gone</a>");
        Path broken = dir.resolve("broken.csv");
        Path db = dir.resolve("crawl.webprobe");

        CliRun r = run("crawl", server.url("/"), "--check-anchors", "--broken-csv",
                broken.toString(), "--db", db.toString());

        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("1 broken URL, 1 broken link, 1 missing anchor.")
                .contains("Missing anchors:\n  " + server.url("/guide.html#install")
                        + " (missing anchor #install) on " + server.url("/"));
        String csv = Files.readString(broken, StandardCharsets.UTF_8);
        assertThat(csv.lines().toList()).containsExactly(
                "source_url,link_url,status,error,anchor_text,link_type,final_url,"
                        + "redirect_chain,problem",
                server.url("/") + "," + server.url("/gone") + ",404,,gone,a,"
                        + server.url("/gone") + ",,",
                server.url("/") + "," + server.url("/guide.html#install") + ",200,,install,a,"
                        + server.url("/guide.html") + ",,missing anchor #install");

        Path again = dir.resolve("again.csv");
        CliRun export = run("export", db.toString(), "--broken-csv", again.toString());
        assertEquals(0, export.exitCode(), export.err());
        assertThat(Files.readString(again, StandardCharsets.UTF_8)).isEqualTo(csv);
    }

    /** A missing anchor many pages link to gets one line, as a broken URL does. */
    @Test
    void aMissingAnchorIsListedOnceWithHowManyOtherPagesLinkToIt() throws Exception {
        site("<a href=\"/a\">a</a><a href=\"/b\">b</a>");
        server.route("/a", html("<a href=\"/guide.html#install\">install</a>"));
        server.route("/b", html("<a href=\"/guide.html#install\">install</a>"));
        Path broken = dir.resolve("broken.csv");

        CliRun r = run("crawl", server.url("/"), "--check-anchors", "--threads", "1",
                "--broken-csv", broken.toString());

        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertThat(r.out()).contains("3 missing anchors.\nMissing anchors:\n  "
                + server.url("/guide.html#install") + " (missing anchor #install) on "
                + server.url("/") + " and 2 other pages\n  " + broken
                + " lists the other pages\n");
    }

    @Test
    void aLinkIntoARedirectIsJudgedOnItsEndAndSaysSo() throws Exception {
        server.route("/", html("<a href=\"/old.html#install\">old</a>"));
        server.route("/old.html", LocalHttpServer.redirect(301, "/guide.html"));
        server.route("/guide.html", html("<h2 id=\"setup\">Setup</h2>"));
        Path broken = dir.resolve("broken.csv");

        CliRun r = run("crawl", server.url("/"), "--check-anchors", "--broken-csv",
                broken.toString());

        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertThat(r.out()).contains("0 broken URLs, 0 broken links, 1 missing anchor.")
                .contains("Missing anchors:\n  " + server.url("/old.html#install")
                        + " (redirects to " + server.url("/guide.html")
                        + ": missing anchor #install) on " + server.url("/"));
        assertThat(Files.readString(broken, StandardCharsets.UTF_8).lines().toList())
                .contains(server.url("/") + "," + server.url("/old.html#install")
                        + ",200,,old,a," + server.url("/guide.html") + ","
                        + server.url("/old.html") + " [301] → " + server.url("/guide.html")
                        + " [200],missing anchor #install");
    }

    @Test
    void missingAnchorsAloneFailTheRunOnlyWhenChecked() throws Exception {
        site("");
        Path broken = dir.resolve("broken.csv");

        CliRun unchecked = run("crawl", server.url("/"), "--quiet", "--broken-csv",
                broken.toString());

        assertEquals(0, unchecked.exitCode(), unchecked.out() + unchecked.err());
        assertThat(unchecked.out()).contains("0 broken URLs, 0 broken links.")
                .doesNotContain("anchor");
        assertThat(Files.readString(broken, StandardCharsets.UTF_8)).isEqualTo(
                "source_url,link_url,status,error,anchor_text,link_type,final_url,"
                        + "redirect_chain\n");

        CliRun checked = run("crawl", server.url("/"), "--quiet", "--check-anchors");

        assertEquals(1, checked.exitCode(), checked.out() + checked.err());
        assertThat(checked.out()).contains("0 broken URLs, 0 broken links, 1 missing anchor.")
                .doesNotContain("Missing anchors:"); // --quiet lists none
    }

    @Test
    void aResumeTakesTheOptionFromTheFile() {
        CliRun r = run("crawl", "--resume", dir.resolve("x.webprobe").toString(),
                "--check-anchors");

        CliRun.assertPlainError(r, "--resume continues the crawl with the settings it was "
                + "started with; leave out --check-anchors.");
    }
}
