package io.webprobe.cli;

import static io.webprobe.cli.CliRun.run;
import static io.webprobe.testsupport.CsvFiles.readCsv;
import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.webprobe.testsupport.LocalHttpServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} on crawls made with {@code --check-anchors}: new and fixed missing anchors in
 * the summary, the list and the CSV, a new one failing the gate as a new broken link does; and
 * nothing claimed of anchors a crawl did not check.
 */
class CompareAnchorsCommandTest {
    @TempDir
    Path dir;

    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    private void site(String guideIds) {
        server.route("/", html("<title>Home</title><a href=\"/guide.html#setup\">setup</a>"
                + "<a href=\"/guide.html#install\">install</a>"
                + "<a href=\"/old.html#faq\">faq</a>"));
        server.route("/old.html", LocalHttpServer.redirect(301, "/guide.html"));
        server.route("/guide.html", html("<title>Guide</title>" + guideIds));
    }

    private Path crawl(String name, boolean anchors) {
        Path db = dir.resolve(name);
        CliRun r = anchors ? run("crawl", server.url("/"), "--quiet", "--check-anchors", "--db",
                db.toString()) : run("crawl", server.url("/"), "--quiet", "--db", db.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isIn(0, 1);
        return db;
    }

    @Test
    void aNewMissingAnchorFailsTheGateAndAFixedOneIsNamed() throws Exception {
        site("<h2 id=\"setup\">Setup</h2><h2 id=\"faq\">FAQ</h2>"); // #install missing
        Path before = crawl("before.webprobe", true);
        site("<h2 id=\"install\">Install</h2>"); // #setup and #faq (past the redirect) gone
        Path after = crawl("after.webprobe", true);
        Path diff = dir.resolve("diff.csv");

        CliRun r = run("compare", before.toString(), after.toString(), "--csv", diff.toString());

        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertThat(r.out()).isEqualTo("Compared " + before + " with " + after + ": "
                + "2 new missing anchors, 1 fixed missing anchor.\n"
                + "New missing anchors:\n"
                + "  " + server.url("/guide.html#setup") + " (missing anchor #setup) on "
                + server.url("/") + "\n"
                + "  " + server.url("/old.html#faq") + " (missing anchor #faq) on "
                + server.url("/") + "\n");
        List<String> lines = readCsv(diff).stream().map(l -> String.join("|", l)).toList();
        assertThat(lines).containsExactly(
                "change|url|old|new|source_url",
                "new_missing_anchor|" + server.url("/guide.html#setup") + "||missing anchor "
                        + "#setup|" + server.url("/"),
                "new_missing_anchor|" + server.url("/old.html#faq") + "||missing anchor #faq|"
                        + server.url("/"),
                "fixed_missing_anchor|" + server.url("/guide.html#install")
                        + "|missing anchor #install|anchor found|" + server.url("/"));

        // the other way round: fixed ones only, and the gate passes
        CliRun back = run("compare", after.toString(), before.toString());
        assertThat(back.out()).contains(": 1 new missing anchor, 2 fixed missing anchors.");
        assertEquals(1, back.exitCode(), back.out());
    }

    @Test
    void anOlderCrawlWithoutTheCheckMakesNoClaimAndSaysSo() {
        site("<h2 id=\"setup\">Setup</h2>");
        Path before = crawl("before.webprobe", false);
        Path after = crawl("after.webprobe", true);

        CliRun r = run("compare", before.toString(), after.toString());

        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertThat(r.out()).isEqualTo("Compared " + before + " with " + after + ": no changes.\n"
                + "Note: " + before + " did not check anchors (--check-anchors), so the 2 "
                + "missing anchors of " + after + " are not compared: none is called new.\n");

        CliRun back = run("compare", after.toString(), before.toString());

        assertEquals(0, back.exitCode(), back.out() + back.err());
        assertThat(back.out()).contains("Note: " + before + " did not check anchors "
                + "(--check-anchors), so the 2 missing anchors of " + after + " are not "
                + "compared: none is called fixed.");
    }

    @Test
    void anOlderCrawlCutShortCallsNewOnlyWhatItCouldHaveSeen() {
        site("<h2 id=\"setup\">Setup</h2><h2 id=\"faq\">FAQ</h2>");
        Path before = dir.resolve("before.webprobe");
        CliRun capped = run("crawl", server.url("/"), "--quiet", "--check-anchors",
                "--max-pages", "1", "--db", before.toString()); // the guide is not read
        assertThat(capped.exitCode()).as(capped.out() + capped.err()).isIn(0, 1);
        Path after = crawl("after.webprobe", true);

        CliRun r = run("compare", before.toString(), after.toString());

        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertThat(r.out()).doesNotContain("new missing anchor").contains("Note: 1 missing "
                + "anchor of " + after + " is on pages or to pages " + before + " did not "
                + "read (it stopped at its page limit), so it is not counted as new.");
    }

    @Test
    void theSameMissingAnchorsInBothCrawlsAreNoNews() {
        site("<h2 id=\"setup\">Setup</h2>");
        Path before = crawl("before.webprobe", true);
        Path after = crawl("after.webprobe", true);

        CliRun r = run("compare", before.toString(), after.toString());

        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertThat(r.out()).isEqualTo("Compared " + before + " with " + after
                + ": no changes.\n");
    }
}
