package io.webprobe.cli;

import static io.webprobe.cli.CliRun.run;
import static io.webprobe.testsupport.CsvFiles.readCsv;
import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.StoredCrawls;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} across the upgrade that made a crawl report malformed mailto: addresses and
 * file: links as broken links: a crawl made before did not check them (its file has no {@code
 * href_checks}), so the links the site always had are not new, the gate passes and a note says
 * so; two crawls that both checked them compare them as any broken link.
 */
class CompareMailAndFileLinksCommandTest {
    @TempDir
    Path dir;

    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    private void site(String extra) {
        server.route("/", html("<title>Home</title><a href=\"/contact.html\">contact</a>"
                + "<a href=\"mailto:info.example.com\">mail us</a>"
                + "<a href=\"file:///C:/Users/me/site/page.html\">page</a>"
                + "<a href=\"mailto:jane@example.com\">Jane</a>" + extra));
        server.route("/contact.html", html("<title>Contact</title>"
                + "<a href=\"MAILTO:sales@@example.com\">sales</a>"));
    }

    private Path crawl(String name) {
        Path db = dir.resolve(name);
        CliRun r = run("crawl", server.url("/"), "--quiet", "--db", db.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err()); // the bad links are broken
        return db;
    }

    private static Path madeOld(Path db) throws Exception {
        assertEquals(3, StoredCrawls.madeBeforeHrefChecks(db));
        return db;
    }

    private static String hrefChecks(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT value FROM meta WHERE key = 'href_checks'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void aCrawlMadeBeforeTheChecksCallsNoneOfTheirLinksNewAndTheGatePasses() throws Exception {
        site("");
        Path before = madeOld(crawl("before.webprobe"));
        Path after = crawl("after.webprobe");
        Path diff = dir.resolve("diff.csv");

        CliRun r = run("compare", before.toString(), after.toString(), "--csv", diff.toString());

        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertThat(r.out()).isEqualTo("Compared " + before + " with " + after + ": no changes.\n"
                + "Note: " + before + " did not check mailto: and file: links (it was made by "
                + "an earlier Webprobe), so the 3 broken ones of " + after + " are not "
                + "compared: none is called new.\n");
        // the CSV lists changes: these are not known to be any
        assertThat(readCsv(diff).stream().map(l -> String.join("|", l)).toList())
                .containsExactly("change|url|old|new|source_url");

        // the other way round: none is called fixed
        CliRun back = run("compare", after.toString(), before.toString());

        assertEquals(0, back.exitCode(), back.out() + back.err());
        assertThat(back.out()).contains(": no changes.\n").contains("Note: " + before + " did "
                + "not check mailto: and file: links (it was made by an earlier Webprobe), so "
                + "the 3 broken ones of " + after + " are not compared: none is called fixed.");
    }

    /**
     * The value of such a link is its reason, in the words of the crawl's line: compare said
     * "mailto:help.example.com (Invalid URL)" where the crawl said what is wrong with it.
     */
    @Test
    void aNewBadMailLinkBetweenTwoCrawlsThatCheckedFailsTheGate() throws Exception {
        site("");
        Path before = crawl("before.webprobe");
        site("<a href=\"mailto:help.example.com\">help</a>"
                + "<a href=\"file:///C:/help.html\">help file</a>");
        Path after = dir.resolve("after.webprobe");
        CliRun crawled = run("crawl", server.url("/"), "--db", after.toString());
        assertEquals(1, crawled.exitCode(), crawled.out() + crawled.err());
        String mailLine = "  mailto:help.example.com (malformed email address: no @ in "
                + "help.example.com) on " + server.url("/") + "\n";
        String fileLine = "  file:///C:/help.html (a file: link: browsers do not open it from a "
                + "web page) on " + server.url("/") + "\n";
        assertThat(crawled.out()).contains(mailLine).contains(fileLine); // the crawl's lines
        Path diff = dir.resolve("diff.csv");

        CliRun r = run("compare", before.toString(), after.toString(), "--csv", diff.toString());

        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertThat(r.out()).isEqualTo("Compared " + before + " with " + after + ": "
                + "2 new broken links.\nNew broken links:\n" + fileLine + mailLine);
        assertThat(readCsv(diff).stream().map(l -> String.join("|", l)).toList())
                .containsExactly("change|url|old|new|source_url",
                        "new_broken_link|file:///C:/help.html||a file: link: browsers do not "
                                + "open it from a web page|" + server.url("/"),
                        "new_broken_link|mailto:help.example.com||malformed email address: "
                                + "no @ in help.example.com|" + server.url("/"));

        // and fixed when it goes, its reason the old value
        Path back = dir.resolve("back.csv");
        CliRun fixed = run("compare", after.toString(), before.toString(), "--csv",
                back.toString());
        assertEquals(0, fixed.exitCode(), fixed.out() + fixed.err());
        assertThat(fixed.out()).startsWith("Compared " + after + " with " + before + ": "
                + "2 fixed broken links.\n"); // then a note: the two named the wrong way round
        assertThat(readCsv(back).stream().map(l -> l[0] + "|" + l[1] + "|" + l[2])
                .toList()).contains("fixed_broken_link|mailto:help.example.com|malformed "
                        + "email address: no @ in help.example.com");
    }

    /**
     * A crawl made with {@code --exclude '^file:'} against one made without: the file: links
     * one crawl left out are no news of the site, so none is new or fixed, and one note says
     * why; the mailto: ones both checked are compared as before. Before, the file: links of
     * the crawl without the pattern were all "fixed" (or "new" the other way round).
     */
    @Test
    void brokenHrefsOneCrawlExcludedAreNeitherNewNorFixed() throws Exception {
        site("<a href=\"file:///C:/Users/me/site/other.html\">other</a>");
        Path without = crawl("without.webprobe");
        site("<a href=\"file:///C:/Users/me/site/other.html\">other</a>"
                + "<a href=\"mailto:help.example.com\">help</a>");
        Path with = dir.resolve("with.webprobe");
        CliRun crawled = run("crawl", server.url("/"), "--quiet", "--db", with.toString(),
                "--exclude", "^file:");
        assertEquals(1, crawled.exitCode(), crawled.out() + crawled.err()); // mailto: ones
        Path diff = dir.resolve("diff.csv");

        CliRun r = run("compare", without.toString(), with.toString(), "--csv",
                diff.toString());

        assertEquals(1, r.exitCode(), r.out() + r.err()); // the new bad mailto: link
        String mailLine = "  mailto:help.example.com (malformed email address: no @ in "
                + "help.example.com) on " + server.url("/") + "\n";
        assertThat(r.out()).startsWith("Compared " + without + " with " + with + ": "
                + "1 new broken link.\n")
                .contains("Note: " + with + "'s exclude patterns (--exclude) leave out 2 broken "
                        + "links of " + without + ", so they are not compared: none is called "
                        + "fixed.\n")
                .contains("New broken links:\n" + mailLine)
                .doesNotContain("file:///");
        assertThat(readCsv(diff).stream().map(l -> l[0] + "|" + l[1]).toList())
                .containsExactly("change|url", "new_broken_link|mailto:help.example.com");

        // the other way round: none is called new, and the gate passes
        CliRun back = run("compare", with.toString(), without.toString());

        assertEquals(0, back.exitCode(), back.out() + back.err());
        assertThat(back.out()).startsWith("Compared " + with + " with " + without + ": "
                + "1 fixed broken link.\n")
                .contains("Note: " + with + "'s exclude patterns (--exclude) leave out 2 broken "
                        + "links of " + without + ", so they are not compared: none is called "
                        + "new.\n");
    }

    @Test
    void aResumedCrawlKeepsTheChecksItsFileRecords() throws Exception {
        site("");
        Path made = crawl("made.webprobe");
        assertThat(hrefChecks(made)).isEqualTo("file,mailto");
        Path old = madeOld(crawl("old.webprobe"));

        CliRun r = run("crawl", "--resume", old.toString(), "--quiet");

        assertThat(r.exitCode()).as(r.out() + r.err()).isIn(0, 1);
        assertThat(hrefChecks(old)).as("what its first run checked is unchanged").isNull();
    }
}
