package io.webprobe.cli;

import static io.webprobe.cli.CliRun.assertPlainError;
import static io.webprobe.cli.CliRun.run;
import static io.webprobe.testsupport.CsvFiles.readCsv;
import static io.webprobe.testsupport.LocalHttpServer.html;
import static io.webprobe.testsupport.LocalHttpServer.redirect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.RefusedPort;
import io.webprobe.testsupport.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crawl --db}, {@code crawl --resume}, {@code export} and {@code compare}. */
class CrawlFileCommandsTest {
    private final LocalHttpServer server = new LocalHttpServer();

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void exportOfAStoredCrawlIsByteForByteWhatTheCrawlWrote() throws Exception {
        new TestSite(server, 80);
        server.route("/title", html("<title>=HYPERLINK(\"http://evil\")</title>"));
        Path db = dir.resolve("site.webprobe");
        Path pages = dir.resolve("pages.csv");
        Path broken = dir.resolve("broken.csv");

        CliRun crawl = run("crawl", server.url("/"), "--quiet", "--db", db.toString(),
                "--csv", pages.toString(), "--broken-csv", broken.toString());
        assertEquals(1, crawl.exitCode(), crawl.err());
        assertThat(crawl.out()).contains("The crawl is stored in " + db + ".");

        Path pages2 = dir.resolve("pages2.csv");
        Path broken2 = dir.resolve("broken2.csv");
        CliRun export = run("export", db.toString(), "--csv", pages2.toString(),
                "--broken-csv", broken2.toString());

        assertEquals(0, export.exitCode(), export.err());
        assertThat(Files.readAllBytes(pages2)).isEqualTo(Files.readAllBytes(pages));
        assertThat(Files.readAllBytes(broken2)).isEqualTo(Files.readAllBytes(broken));
        assertThat(readCsv(pages2)).hasSizeGreaterThan(80);
        assertThat(export.out()).startsWith("Exported " + db + " (");
    }

    /**
     * The bug: the CSVs wrote 0 where the URL table is blank: the size of a URL that got no
     * answer (a refused connection has no body, not an empty one), and the size and time of
     * one never asked (blocked by robots.txt). What is not known is an empty field, in the
     * crawl's own CSV and in {@code export} alike; a failed request keeps the time until it
     * failed.
     */
    @Test
    void whatIsNotKnownIsAnEmptyFieldInTheCrawlsCsvAndInItsExport() throws Exception {
        int closed = RefusedPort.heldForTheRun(); // held refusing until the run ends
        String refused = "http://127.0.0.1:" + closed + "/";
        server.route("/robots.txt", LocalHttpServer.respond(200, "text/plain",
                "User-agent: *\nDisallow: /private\n"));
        server.route("/", html("<title>Home</title><a href=\"/private\">p</a>"
                + "<a href=\"" + refused + "\">r</a><a href=\"/a\">a</a>"));
        server.route("/a", html("<title>A</title>"));
        Path db = dir.resolve("site.webprobe");
        Path pages = dir.resolve("pages.csv");
        CliRun crawl = run("crawl", server.url("/"), "--quiet", "--db", db.toString(),
                "--csv", pages.toString());
        assertEquals(1, crawl.exitCode(), crawl.err()); // the refused link is broken

        List<String[]> rows = readCsv(pages);
        List<String> header = List.of(rows.get(0));
        int size = header.indexOf("size_bytes");
        int time = header.indexOf("response_ms");
        String[] noAnswer = row(rows, refused);
        assertThat(noAnswer[size]).as("size of a refused connection").isEmpty();
        assertThat(noAnswer[time]).as("time until it failed").matches("\\d+");
        String[] blocked = row(rows, server.url("/private"));
        assertThat(blocked[size]).as("size of a URL never asked").isEmpty();
        assertThat(blocked[time]).as("time of a URL never asked").isEmpty();
        String[] page = row(rows, server.url("/a"));
        assertThat(Long.parseLong(page[size])).isPositive();
        assertThat(page[time]).matches("\\d+");

        Path pages2 = dir.resolve("pages2.csv");
        CliRun export = run("export", db.toString(), "--csv", pages2.toString());
        assertEquals(0, export.exitCode(), export.err());
        assertThat(Files.readAllBytes(pages2)).isEqualTo(Files.readAllBytes(pages));
    }

    private static String[] row(List<String[]> rows, String url) {
        return rows.stream().filter(r -> r[0].equals(url)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + url));
    }

    @Test
    void exportToStandardOutputKeepsTheSummaryOffIt() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/a\">a</a>"));
        server.route("/a", html("<title>A</title>"));
        Path db = dir.resolve("small.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--db", db.toString())
                .exitCode());

        CliRun r = run("export", db.toString(), "--csv", "-");

        assertEquals(0, r.exitCode(), r.err());
        assertThat(r.out()).startsWith("url,status,").contains(server.url("/a"));
        assertThat(r.out()).doesNotContain("Exported");
        assertThat(r.err()).startsWith("Exported ");
    }

    /** Found by a tester: crawl and ping take -q, export refused it ("Unknown option"). */
    @Test
    void exportTakesQuietAsCrawlAndPingDo() throws Exception {
        server.route("/", html("<title>Home</title>"));
        Path db = dir.resolve("q.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--db", db.toString())
                .exitCode());

        for (String quiet : List.of("-q", "--quiet")) {
            Path csv = dir.resolve("q" + quiet + ".csv");
            CliRun r = run("export", db.toString(), quiet, "--csv", csv.toString());

            assertEquals(0, r.exitCode(), r.err());
            assertThat(r.err()).isEmpty();
            assertThat(r.out()).isEqualTo("Exported " + db + " (1 URL crawled, finished).\n");
            assertThat(csv).exists();
        }
    }

    @Test
    void exportCountsOneUrlInTheSingular() throws Exception {
        server.route("/", html("<title>Home</title>"));
        Path db = dir.resolve("one.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--db", db.toString())
                .exitCode());

        CliRun r = run("export", db.toString(), "--csv", dir.resolve("one.csv").toString());

        assertEquals(0, r.exitCode(), r.err());
        assertThat(r.out()).isEqualTo("Exported " + db + " (1 URL crawled, finished).\n");
        // a crawl file that is there, and nothing asked of it
        assertPlainError(run("export", db.toString()),
                "Say what to write: --csv, --broken-csv and/or --orphans-csv.");
    }

    @Test
    void noOutputMayNameTheCrawlFileInUseOrItsSideFiles() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/a\">a</a>"));
        server.route("/a", html("<title>A</title>"));
        Path db = dir.resolve("c.webprobe");
        Path other = dir.resolve("d.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--db", db.toString())
                .exitCode());
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--db", other.toString())
                .exitCode());
        byte[] before = Files.readAllBytes(db);
        int requests = server.totalRequests();

        assertPlainError(run("export", db.toString(), "--csv", db.toString()),
                "--csv " + db + " is the crawl file " + db + "; give the output another name.");
        Path sameByAnotherName = dir.resolve(".").resolve("c.webprobe");
        assertPlainError(run("export", db.toString(), "--broken-csv",
                sameByAnotherName.toString()), "--broken-csv " + sameByAnotherName
                        + " is the crawl file " + db + "; give the output another name.");
        assertPlainError(run("compare", db.toString(), other.toString(), "--csv",
                other.toString()), "--csv " + other + " is the crawl file " + other
                        + "; give the output another name.");
        assertPlainError(run("crawl", "--resume", db.toString(), "--csv", db.toString()),
                "--csv " + db + " is the crawl file " + db + "; give the output another name.");
        Path fresh = dir.resolve("x.webprobe");
        assertPlainError(run("crawl", server.url("/"), "--db", fresh.toString(), "--csv",
                fresh + "-wal"), "--csv " + fresh + "-wal belongs to the crawl file " + fresh
                        + "; give the output another name.");

        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(fresh).doesNotExist();
        assertEquals(requests, server.totalRequests());
    }

    @Test
    void aClosedStandardOutputRefusesDashBeforeAnyRequest() throws Exception {
        // as run.sh says when started with >&- (the JVM would have put a file on it)
        server.route("/", html("<title>Home</title>"));
        Path db = dir.resolve("o.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--db", db.toString())
                .exitCode());
        int requests = server.totalRequests();
        String before = System.getProperty(StdStreams.PROPERTY);
        CliRun crawl;
        CliRun export;
        CliRun compare;
        try {
            System.setProperty(StdStreams.PROPERTY, "stdout");
            crawl = run("crawl", server.url("/"), "--csv", "-");
            export = run("export", db.toString(), "--broken-csv", "-");
            compare = run("compare", db.toString(), db.toString(), "--csv", "-");
        } finally {
            if (before == null) {
                System.clearProperty(StdStreams.PROPERTY);
            } else {
                System.setProperty(StdStreams.PROPERTY, before);
            }
        }

        assertPlainError(crawl, "Standard output is closed, so --csv - has nowhere to go; give "
                + "a file name.");
        assertPlainError(export, "Standard output is closed, so --broken-csv - has nowhere to "
                + "go; give a file name.");
        assertPlainError(compare, "Standard output is closed, so --csv - has nowhere to go; "
                + "give a file name.");
        assertEquals(requests, server.totalRequests());
    }

    @Test
    void twoNamesOfOneFileThroughALinkAreRefusedBeforeAnyRequest() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/a\">a</a>"));
        server.route("/a", html("<title>A</title>"));
        Path db = dir.resolve("s.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--db", db.toString())
                .exitCode());
        int requests = server.totalRequests();
        Path real = dir.toRealPath();
        Path csv = dir.resolve("a.csv");
        Path link = Files.createSymbolicLink(dir.resolve("alink.csv"), Path.of("a.csv"));
        Files.createDirectories(dir.resolve("dd"));
        Files.createSymbolicLink(dir.resolve("dd/up"), Path.of(".."));
        Path viaFolder = dir.resolve("dd/up/a.csv");

        assertPlainError(run("crawl", server.url("/"), "--csv", csv.toString(), "--broken-csv",
                link.toString()), "--csv and --broken-csv both name " + real.resolve("a.csv")
                        + " (given as " + csv + " and " + link + "); give each its own file.");
        assertPlainError(run("export", db.toString(), "--csv", csv.toString(), "--broken-csv",
                viaFolder.toString()), "--csv and --broken-csv both name "
                        + real.resolve("a.csv") + " (given as " + csv + " and " + viaFolder
                        + "); give each its own file.");
        Path dbViaFolder = dir.resolve("dd/up/s.webprobe");
        assertPlainError(run("export", db.toString(), "--csv", dbViaFolder.toString()),
                "--csv " + dbViaFolder + " is the crawl file " + db
                        + "; give the output another name.");

        assertThat(csv).doesNotExist();
        assertEquals(requests, server.totalRequests());
    }

    @Test
    void noOutputMayOverwriteAnotherCrawlFileOrDatabase() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/a\">a</a>"));
        server.route("/a", html("<title>A</title>"));
        Path db = dir.resolve("c1.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--db", db.toString())
                .exitCode());
        Path copy = dir.resolve("c1b.webprobe");
        Files.copy(db, copy);
        Path sqlite = dir.resolve("notes.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + sqlite);
                var st = c.createStatement()) {
            st.execute("CREATE TABLE notes (text TEXT)");
        }
        byte[] copyBefore = Files.readAllBytes(copy);
        byte[] sqliteBefore = Files.readAllBytes(sqlite);
        int requests = server.totalRequests();
        String crawlFile = " is a Webprobe crawl file, which Webprobe never overwrites; give the "
                + "output another name.";

        assertPlainError(run("export", db.toString(), "--csv", copy.toString()),
                "--csv " + copy + crawlFile);
        assertPlainError(run("export", db.toString(), "--broken-csv", sqlite.toString()),
                "--broken-csv " + sqlite + " is a database file, which Webprobe never "
                        + "overwrites; give the output another name.");
        Path wal = Files.write(dir.resolve("old.webprobe-wal"),
                new byte[] {0x37, 0x7f, 0x06, (byte) 0x82, 0, 0, 0, 0}); // a write-ahead log
        assertPlainError(run("export", db.toString(), "--csv", wal.toString()),
                "--csv " + wal + " is part of a database file, which Webprobe never "
                        + "overwrites; give the output another name.");
        assertPlainError(run("crawl", server.url("/"), "--quiet", "--csv", copy.toString()),
                "--csv " + copy + crawlFile);
        assertPlainError(run("crawl", server.url("/"), "--quiet", "--sitemaps",
                "--orphans-csv", copy.toString()), "--orphans-csv " + copy + crawlFile);
        assertPlainError(run("compare", db.toString(), db.toString(), "--csv",
                copy.toString()), "--csv " + copy + crawlFile);
        assertPlainError(run("ping", server.url("/"), "--count", "1", "--csv", copy.toString()),
                "--csv " + copy + crawlFile);
        assertPlainError(run("ping", server.url("/"), "--count", "1", "--requests-csv",
                copy.toString()), "--requests-csv " + copy + crawlFile);

        assertThat(Files.readAllBytes(copy)).isEqualTo(copyBefore);
        assertThat(Files.readAllBytes(sqlite)).isEqualTo(sqliteBefore);
        assertEquals(requests, server.totalRequests());
    }

    @Test
    void aCrawlFileWithADroppedTableIsRefusedAsDamagedBeforeAnyOutput() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/gone\">a</a>"));
        Path db = dir.resolve("nolinks.webprobe");
        assertEquals(1, run("crawl", server.url("/"), "--quiet", "--db", db.toString())
                .exitCode());
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                var st = c.createStatement()) {
            st.execute("DROP TABLE links");
        }

        CliRun r = run("export", db.toString(), "--broken-csv", "-");

        assertPlainError(r, db + " is damaged and cannot be opened.");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aDbFileThatExistsIsNotOverwrittenAndNothingIsCrawled() throws Exception {
        server.route("/", html("home"));
        Path db = dir.resolve("taken.webprobe");
        Files.writeString(db, "precious");

        CliRun r = run("crawl", server.url("/"), "--quiet", "--db", db.toString());

        // a plain file is not offered for --resume
        assertPlainError(r, "A file named " + db + " already exists; Webprobe does not "
                + "overwrite it. Choose another name.");
        assertThat(Files.readString(db)).isEqualTo("precious");
        assertThat(server.totalRequests()).isZero();

        Path crawl = dir.resolve("crawl.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--db", crawl.toString())
                .exitCode());
        int requests = server.totalRequests();
        assertPlainError(run("crawl", server.url("/"), "--quiet", "--db", crawl.toString()),
                "A file named " + crawl + " already exists; to continue the crawl stored there "
                        + "use --resume " + crawl + ", or choose another name.");
        assertThat(server.totalRequests()).isEqualTo(requests);
    }

    /**
     * Found by a tester: --db on a file another process crawls into said "… it can be read
     * once its crawl has finished or been stopped. Webprobe does not overwrite it. Choose
     * another name.", three sentences run together. Each command now says one of its own.
     */
    @Test
    void aCrawlFileAnotherRunningWebprobeCrawlsIsRefusedInOneSentenceByEachCommand()
            throws Exception {
        server.route("/", html("home"));
        Path crawl = dir.resolve("crawl.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--db", crawl.toString())
                .exitCode());
        int requests = server.totalRequests();
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            io.webprobe.store.TestLocks.crawlingWithInlinksUnwritten(crawl, other);
            byte[] before = Files.readAllBytes(crawl);
            String process = "(process " + other.pid() + ")";

            assertPlainError(run("crawl", server.url("/"), "--quiet", "--db", crawl.toString()),
                    "A file named " + crawl + " already exists, open in another running "
                            + "Webprobe " + process + "; choose another name.");
            assertPlainError(run("crawl", "--resume", crawl.toString(), "--quiet"),
                    crawl + " is open in another running Webprobe " + process + "; stop its "
                            + "crawl or close it there first.");
            String stillCrawled = crawl + " is still being crawled in another running "
                    + "Webprobe " + process + "; it can be read once its crawl has finished "
                    + "or been stopped.";
            assertPlainError(run("export", crawl.toString(), "--csv",
                    dir.resolve("out.csv").toString()), stillCrawled);
            assertPlainError(run("compare", crawl.toString(), crawl.toString()), stillCrawled);
            assertThat(Files.readAllBytes(crawl)).isEqualTo(before);
            assertThat(server.totalRequests()).isEqualTo(requests);
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    /**
     * Found by a tester: --db on a plain SQLite database or a cut-short crawl file said "to
     * continue the crawl stored there use --resume", and --resume then said it is not a crawl
     * or is damaged. --db now says so itself, and that the file is not overwritten.
     */
    @Test
    void aDbFileThatIsNotACrawlOrIsDamagedIsSaidToBeSoNotOfferedForResume() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/a\">a</a>"));
        server.route("/a", html("a"));
        Path plain = dir.resolve("plain.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + plain);
                var st = c.createStatement()) {
            st.execute("CREATE TABLE notes (t TEXT)");
            st.execute("INSERT INTO notes VALUES ('precious')");
        }
        Path cut = dir.resolve("cut.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--db", cut.toString())
                .exitCode());
        byte[] whole = Files.readAllBytes(cut);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        byte[] plainBefore = Files.readAllBytes(plain);
        byte[] cutBefore = Files.readAllBytes(cut);
        int requests = server.totalRequests();

        CliRun onPlain = run("crawl", server.url("/"), "--quiet", "--db", plain.toString());
        CliRun onCut = run("crawl", server.url("/"), "--quiet", "--db", cut.toString());

        assertPlainError(onPlain, plain + " is not a Webprobe crawl file. Webprobe does not "
                + "overwrite it. Choose another name.");
        assertPlainError(run("crawl", "--resume", plain.toString()),
                plain + " is not a Webprobe crawl file.");
        String resumeSays = run("crawl", "--resume", cut.toString()).err()
                .replaceFirst("^webprobe: ", "").strip();
        assertThat(resumeSays).startsWith(cut + " is damaged");
        assertPlainError(onCut, resumeSays + " Webprobe does not overwrite it. Choose another "
                + "name.");
        assertThat(Files.readAllBytes(plain)).isEqualTo(plainBefore);
        assertThat(Files.readAllBytes(cut)).isEqualTo(cutBefore);
        assertEquals(requests, server.totalRequests());
    }

    @Test
    void resumeTakesNoUrlNorCrawlOptionsAndRefusesWhatIsNotACrawl() throws Exception {
        Path notes = dir.resolve("notes.webprobe");
        Files.writeString(notes, "not a crawl");

        assertPlainError(run("crawl", "--resume", notes.toString()),
                notes + " is not a Webprobe crawl file.");
        assertPlainError(run("crawl", "http://127.0.0.1:1/", "--resume", notes.toString()),
                "--resume continues the crawl stored in the file; leave out the URL.");
        assertPlainError(run("crawl", "--resume", notes.toString(), "--max-depth", "3"),
                "--resume continues the crawl with the settings it was started with; leave out "
                        + "--max-depth.");
        assertPlainError(run("crawl", "--resume", notes.toString(), "--threads", "0"),
                "--threads must be between 1 and 256.");
        assertPlainError(run("crawl", "--resume", dir.resolve("nope.webprobe").toString()),
                "There is no crawl file at " + dir.resolve("nope.webprobe") + ".");
        // export names the file first too, before asking what to write from it
        assertPlainError(run("export", dir.resolve("nope.webprobe").toString()),
                "There is no crawl file at " + dir.resolve("nope.webprobe") + ".");
        assertPlainError(run("export", notes.toString()),
                notes + " is not a Webprobe crawl file.");
        assertPlainError(run("crawl"), "Give the start URL, e.g. webprobe crawl "
                + "https://example.com/ (or --resume FILE to continue a stored crawl).");
    }

    @Test
    void resumeRefusesOrphansForACrawlMadeWithoutSitemapsAsExportDoes() throws Exception {
        server.route("/", html("<a href=\"/a\">a</a>"));
        server.route("/a", html("a"));
        Path db = dir.resolve("plain.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--db", db.toString())
                .exitCode());
        int requests = server.totalRequests();
        String all = "SELECT key || '=' || value FROM meta ORDER BY key";
        java.util.List<String> before = metaRows(db, all);
        Path orphans = dir.resolve("o.csv");

        CliRun resume = run("crawl", "--resume", db.toString(), "--orphans-csv",
                orphans.toString());
        CliRun export = run("export", db.toString(), "--orphans-csv", orphans.toString());

        String refusal = db + " was crawled without --sitemaps, so it has no orphans to write.";
        assertPlainError(resume, refusal);
        assertPlainError(export, refusal);
        assertThat(orphans).doesNotExist();
        assertEquals(requests, server.totalRequests());
        assertThat(metaRows(db, all)).isEqualTo(before);
    }

    /**
     * The bug: a resume's --connect-timeout above the timeout the crawl was started with was
     * cut to that timeout without a word; a new crawl refuses it, and so does a resume now.
     */
    @Test
    void resumeRefusesAConnectTimeoutLongerThanTheStoredTimeout() throws Exception {
        server.route("/", html("<a href=\"/a\">a</a>"));
        server.route("/a", html("a"));
        Path db = dir.resolve("timeout.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--timeout", "4.5",
                "--connect-timeout", "2", "--db", db.toString()).exitCode());
        int requests = server.totalRequests();

        assertPlainError(run("crawl", "--resume", db.toString(), "--connect-timeout", "5"),
                "--connect-timeout 5 is longer than the timeout the crawl in " + db
                        + " was started with (4.5 s); give it at most that.");
        assertEquals(requests, server.totalRequests());
        assertEquals(0, run("crawl", "--resume", db.toString(), "--quiet",
                "--connect-timeout", "4.5").exitCode());
    }

    @Test
    void anEmptyFileLeftByACrawlKilledAsItBeganIsNamedAlikeByResumeAndDb() throws Exception {
        // before, --resume said "not a Webprobe crawl file" and --db "already exists; to
        // continue the crawl stored there use --resume": a loop
        server.route("/", html("<title>Home</title>"));
        Path zero = Files.createFile(dir.resolve("zero.webprobe"));
        String said = zero + " is empty: it holds no crawl (a crawl stopped before it began "
                + "leaves such a file). Delete it or choose another file.";

        assertPlainError(run("crawl", "--resume", zero.toString()), said);
        assertPlainError(run("crawl", server.url("/"), "--db", zero.toString()), said);
        assertPlainError(run("export", zero.toString(), "--csv", "-"), said);

        assertThat(zero).isEmptyFile();
        assertEquals(0, server.totalRequests());
    }

    @Test
    void aFinishedCrawlResumedSaysThereWasNothingLeft() throws Exception {
        server.route("/", html("<a href=\"/a\">a</a>"));
        server.route("/a", html("a"));
        Path db = dir.resolve("done.webprobe");
        // a header the file does not keep, and --insecure: a resume that sends requests warns
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--db", db.toString(),
                "-H", "Authorization: Bearer t", "--insecure").exitCode());
        int requests = server.totalRequests();
        String times = "SELECT key || '=' || value FROM meta WHERE key IN ('started_at', "
                + "'ended_at', 'elapsed_ms', 'state', 'created_at') ORDER BY key";
        java.util.List<String> before = metaRows(db, times);
        String firstSummary = summaryLine(db);

        // --user with no password and no terminal: refused when it would be sent
        CliRun r = run("crawl", "--resume", db.toString(), "--quiet", "--user", "ann");

        assertEquals(0, r.exitCode(), r.err());
        assertThat(r.out()).startsWith(db + " is a finished crawl: nothing to resume.\n");
        // no warning on the header or the certificates, no password asked for: nothing is sent
        assertThat(r.err()).isEmpty();
        assertThat(server.totalRequests()).isEqualTo(requests);
        // the file says what it said: the crawl's times are those of the run that finished it
        // (they were moved to the resume: its end, and its running time grown by the resume's)
        assertThat(metaRows(db, times)).hasSize(5).isEqualTo(before);
        assertThat(r.out()).contains(firstSummary);
    }

    /**
     * The bug: a re-check of a fixed page in a finished crawl stored its new links queued, and
     * {@code --resume} said "had already finished; nothing was left to fetch" and left them
     * queued, the file still saying so: they were never crawled. It crawls them now, and what
     * they lead to, and the crawl is finished again.
     */
    @Test
    void aFinishedCrawlResumedAfterARecheckFoundNewUrlsCrawlsThem() throws Exception {
        server.route("/", html("<a href=\"/fixme\">fix me</a>"));
        server.route("/fixme", LocalHttpServer.status(404));
        Path db = dir.resolve("fixed.webprobe");
        assertEquals(1, run("crawl", server.url("/"), "--quiet", "--db", db.toString())
                .exitCode());
        server.route("/fixme", html("<title>Fixed</title><a href=\"/new\">new</a>"));
        server.route("/new", html("<title>New</title><a href=\"/newer\">newer</a>"));
        server.route("/newer", html("<title>Newer</title>"));
        try (io.webprobe.store.CrawlStore store = io.webprobe.store.CrawlStore.open(db,
                io.webprobe.store.CrawlStore.Access.RESUME);
                io.webprobe.crawl.Recheck recheck = new io.webprobe.crawl.Recheck(store.plan(),
                        new io.webprobe.http.JdkHttpProbe("t", java.time.Duration.ofSeconds(5)),
                        store.sink(), java.time.Clock.systemUTC(), store::resumeState)) {
            long fixme = Long.parseLong(metaRows(db, "SELECT id FROM urls WHERE url = '"
                    + server.url("/fixme") + "'").get(0));
            recheck.run(new io.webprobe.crawl.Recheck.Target(fixme, server.url("/fixme"), 1,
                    server.url("/"), false));
            store.sink().flush().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(server.hits("/new")).isZero();

        CliRun r = run("crawl", "--resume", db.toString(), "--quiet");

        assertEquals(0, r.exitCode(), r.err());
        assertThat(r.out()).startsWith("The crawl in " + db + " had finished; re-checking "
                + "found 1 new URL since, which it crawls now.");
        assertThat(server.hits("/new")).isEqualTo(1);
        assertThat(server.hits("/newer")).isEqualTo(1);
        assertThat(metaRows(db, "SELECT url || ' ' || status FROM urls WHERE state = 1 "
                + "ORDER BY id")).containsExactly(server.url("/") + " 200",
                server.url("/fixme") + " 200", server.url("/new") + " 200",
                server.url("/newer") + " 200");
        assertThat(metaRows(db, "SELECT value FROM meta WHERE key = 'state'"))
                .containsExactly("finished");

        CliRun again = run("crawl", "--resume", db.toString(), "--quiet");
        assertThat(again.out()).startsWith(db + " is a finished crawl: nothing to resume.");
        assertThat(server.hits("/newer")).isEqualTo(1);
    }

    private static java.util.List<String> metaRows(Path db, String sql) throws Exception {
        java.util.List<String> rows = new java.util.ArrayList<>();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                var rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    /** "Crawled N URLs in T s (R pages/s)" as the crawl file's own times give it. */
    private static String summaryLine(Path db) throws Exception {
        java.util.List<String> ms = metaRows(db, "SELECT value FROM meta WHERE key = 'elapsed_ms'");
        return "Crawled 2 URLs in " + SummaryTable.duration(
                java.time.Duration.ofMillis(Long.parseLong(ms.get(0))));
    }

    @Test
    void aStartUrlThatCouldNotBeReachedLeavesACrawlThatResumesOnceTheSiteIsUp()
            throws Exception {
        RefusedPort siteDown = server.goDown(); // the site is down: its port refuses
        int port = siteDown.port();
        String start = "http://127.0.0.1:" + port + "/";
        Path db = dir.resolve("chk.webprobe");

        CliRun down = run("crawl", start, "--quiet", "--db", db.toString());

        assertEquals(2, down.exitCode());
        assertThat(down.err()).isEqualTo("webprobe: Could not fetch " + start
                + ": connection refused.\n");
        assertThat(down.out()).isEqualTo("The crawl is stored in " + db + "; continue it with "
                + io.webprobe.CommandName.get() + " crawl --resume " + db + ".\n");

        try (siteDown; LocalHttpServer up = LocalHttpServer.upAt(siteDown)) {
            up.route("/", html("<a href=\"/a\">a</a>"));
            up.route("/a", html("a"));

            CliRun resumed = run("crawl", "--resume", db.toString(), "--quiet");

            assertEquals(0, resumed.exitCode(), resumed.err());
            assertThat(resumed.err()).isEmpty();
            assertThat(resumed.out()).startsWith("Crawled 2 URLs").doesNotContain("finished");
            assertThat(up.hits("/a")).isEqualTo(1);
        }
    }

    @Test
    void compareNamesEveryChangeAndExitsOneOnNewBrokenLinks() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/a\">a</a><a href=\"/b\">b</a>"
                + "<a href=\"/old\">old</a><a href=\"/fixed\">fixed</a>"));
        server.route("/a", html("<title>A</title>"));
        server.route("/b", html("<title>B</title>"));
        server.route("/old", redirect(301, "/a"));
        Path before = dir.resolve("before.webprobe");
        assertEquals(1, run("crawl", server.url("/"), "--quiet", "--db", before.toString())
                .exitCode()); // /fixed is a 404 the first time

        // the site changes: /b is gone (and linked still), /a has a new title, /old points
        // elsewhere, /fixed exists now, /c is new
        server.route("/", html("<title>Home</title><a href=\"/a\">a</a><a href=\"/b\">b</a>"
                + "<a href=\"/old\">old</a><a href=\"/fixed\">fixed</a><a href=\"/c\">c</a>"));
        server.route("/a", html("<title>A, renamed</title>"));
        // an error page with a title of its own: its title is not read, so not news
        server.route("/b", ex -> LocalHttpServer.send(ex, 404, "text/html",
                "<title>Not here</title>gone"));
        server.route("/old", redirect(301, "/c"));
        server.route("/fixed", html("<title>Fixed</title>"));
        server.route("/c", html("<title>C</title>"));
        Path after = dir.resolve("after.webprobe");
        assertEquals(1, run("crawl", server.url("/"), "--quiet", "--db", after.toString())
                .exitCode());
        Path diff = dir.resolve("diff.csv");

        CliRun r = run("compare", before.toString(), after.toString(), "--csv", diff.toString());

        assertEquals(1, r.exitCode(), r.err());
        // /b 200 -> 404 and /fixed 404 -> 200 are a status change each, not also a title and
        // an indexability change (three rows for one change before, one claiming /b's title
        // was now blank)
        assertThat(r.out()).isEqualTo("Compared " + before + " with " + after + ": 1 added, "
                + "2 status changes, 1 redirect change, 1 title change, 1 new broken link, "
                + "1 fixed broken link.\n"
                // the gate says what failed: each new broken link with its page
                + "New broken links:\n"
                + "  " + server.url("/b") + " (HTTP 404) on " + server.url("/") + "\n");
        List<String> lines = readCsv(diff).stream().map(l -> String.join("|", l)).toList();
        assertThat(lines).contains(
                "change|url|old|new|source_url",
                "added|" + server.url("/c") + "||200|",
                "status|" + server.url("/b") + "|200|404|",
                "title|" + server.url("/a") + "|A|A, renamed|",
                "redirect|" + server.url("/old") + "|" + server.url("/a") + "|"
                        + server.url("/c") + "|",
                "new_broken_link|" + server.url("/b") + "||404|" + server.url("/"),
                "fixed_broken_link|" + server.url("/fixed") + "|404|200|" + server.url("/"));

        assertThat(lines).noneMatch(l -> l.startsWith("title|" + server.url("/b")))
                .noneMatch(l -> l.startsWith("indexable|" + server.url("/b")))
                .noneMatch(l -> l.startsWith("title|" + server.url("/fixed")));

        // -q, which crawl, ping and export take (compare refused it, found by a tester):
        // the summary without the list, and the same exit code
        CliRun quiet = run("compare", before.toString(), after.toString(), "-q");
        assertEquals(1, quiet.exitCode(), quiet.err());
        assertThat(quiet.out()).isEqualTo(r.out().substring(0, r.out().indexOf("New broken")));

        // a crawl compared with itself is a slip, not a comparison that found no changes
        assertPlainError(run("compare", after.toString(), after.toString()), after
                + " was given as both OLD and NEW, and a crawl does not differ from itself: "
                + "give another crawl to compare it with.");
        assertPlainError(run("compare", after.toString(),
                after.getParent().resolve(".").resolve(after.getFileName()).toString()), after
                + " was given as both OLD and NEW, and a crawl does not differ from itself: "
                + "give another crawl to compare it with.");
    }

    @Test
    void compareListsTheFirstNewBrokenLinksWithTheSummaryAndSaysHowManyMore() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/a\">a</a>"));
        server.route("/a", html("<title>A</title>"));
        Path before = dir.resolve("before.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--db", before.toString())
                .exitCode());
        StringBuilder links = new StringBuilder("<title>Home</title><a href=\"/a\">a</a>");
        for (int i = 0; i < 23; i++) {
            links.append("<a href=\"/gone/").append(i).append("\">g</a>");
        }
        server.route("/a", html("<title>A</title>" + links));
        Path after = dir.resolve("after.webprobe");
        assertEquals(1, run("crawl", server.url("/"), "--quiet", "--threads", "1", "--db",
                after.toString()).exitCode());

        CliRun r = run("compare", before.toString(), after.toString());

        assertEquals(1, r.exitCode(), r.err());
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).endsWith("23 new broken links.");
        assertThat(lines[1]).isEqualTo("New broken links:");
        assertThat(lines[2]).isEqualTo("  " + server.url("/gone/0") + " (HTTP 404) on "
                + server.url("/a"));
        assertThat(lines).hasSize(2 + BrokenLinkLines.SHOWN + 1);
        assertThat(lines[lines.length - 1])
                .isEqualTo("  … and 3 more; --csv FILE lists them all");

        // with the CSV on standard output, the list stays with the summary, on stderr
        CliRun piped = run("compare", before.toString(), after.toString(), "--csv", "-");
        assertEquals(1, piped.exitCode(), piped.err());
        assertThat(piped.out()).startsWith("change,url,old,new,source_url")
                .doesNotContain("New broken links", "… and");
        assertThat(piped.err()).contains("\nNew broken links:\n  " + server.url("/gone/0"))
                .endsWith("  … and 3 more; the CSV on standard output lists them all\n");
    }

    @Test
    void newAndFixedBrokenLinksComeInOrderOfTheirUrlThenPage() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/p\">p</a>"
                + "<a href=\"/zz\">z</a><a href=\"/ma\">m</a>"));
        server.route("/p", html("<title>P</title><a href=\"/zz\">z</a><a href=\"/ca\">c</a>"));
        server.route("/zz", html("<title>Z</title>"));
        server.route("/ma", html("<title>M</title>"));
        server.route("/ca", html("<title>C</title>"));
        Path before = dir.resolve("before.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--db", before.toString())
                .exitCode());
        server.route("/zz", LocalHttpServer.status(404));
        server.route("/ma", LocalHttpServer.status(500));
        server.route("/ca", LocalHttpServer.status(404));
        Path after = dir.resolve("after.webprobe");
        assertEquals(1, run("crawl", server.url("/"), "--quiet", "--db", after.toString())
                .exitCode());
        Path diff = dir.resolve("diff.csv");

        run("compare", before.toString(), after.toString(), "--csv", diff.toString());
        List<String> fresh = readCsv(diff).stream().filter(l -> l[0].equals("new_broken_link"))
                .map(l -> l[1].substring(server.url("").length()) + " on "
                        + l[4].substring(server.url("").length()))
                .toList();
        // in the crawl's order they were /zz, /ma on /, then /zz, /ca on /p
        assertThat(fresh).containsExactly("/ca on /p", "/ma on /", "/zz on /", "/zz on /p");

        // fixed the other way round, in the same order
        Path diff2 = dir.resolve("diff2.csv");
        run("compare", after.toString(), before.toString(), "--csv", diff2.toString());
        assertThat(readCsv(diff2).stream().filter(l -> l[0].equals("fixed_broken_link"))
                .map(l -> l[1].substring(server.url("").length()) + " on "
                        + l[4].substring(server.url("").length())))
                .containsExactly("/ca on /p", "/ma on /", "/zz on /", "/zz on /p");
    }

    @Test
    void aBrokenLinkTheNewCrawlDidNotSeeAgainIsNotCalledFixed() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/b\">b</a><a href=\"/c\">c</a>"));
        server.route("/b", html("<title>B</title><a href=\"/gone1\">1</a>"));
        server.route("/c", html("<title>C</title><a href=\"/gone2\">2</a>"));
        Path before = dir.resolve("before.webprobe");
        assertEquals(1, run("crawl", server.url("/"), "--quiet", "--db", before.toString())
                .exitCode()); // /gone1 and /gone2 are 404s

        // the next crawl may not fetch /b (whose link it cannot see) nor /gone2 (so it cannot
        // tell whether /c's link still fails)
        server.route("/robots.txt", LocalHttpServer.respond(200, "text/plain",
                "User-agent: *\nDisallow: /b\nDisallow: /gone2\n"));
        Path after = dir.resolve("after.webprobe");
        run("crawl", server.url("/"), "--quiet", "--db", after.toString());
        Path diff = dir.resolve("diff.csv");

        CliRun r = run("compare", before.toString(), after.toString(), "--csv", diff.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertThat(r.out()).doesNotContain("fixed");
        assertThat(readCsv(diff)).extracting(l -> l[0]).doesNotContain("fixed_broken_link");
    }

    @Test
    void aBrokenLinkTheNewCrawlLeftOutOrDidNotCheckIsNotCalledFixed() throws Exception {
        int closed = RefusedPort.heldForTheRun();
        String elsewhere = "http://127.0.0.1:" + closed + "/nothing";
        server.route("/", html("<title>Home</title><a href=\"/missing\">m</a>"
                + "<a href=\"" + elsewhere + "\">x</a>"));
        Path before = dir.resolve("before.webprobe");
        assertEquals(1, run("crawl", server.url("/"), "--quiet", "--db", before.toString())
                .exitCode()); // /missing is a 404, the other site refuses

        // the page still holds both links; the next crawl leaves /missing out by a pattern and
        // does not check other sites' links: it cannot tell whether either still fails
        Path after = dir.resolve("after.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--no-external",
                "--exclude", "missing", "--db", after.toString()).exitCode());
        Path diff = dir.resolve("diff.csv");

        CliRun r = run("compare", before.toString(), after.toString(), "--csv", diff.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertThat(readCsv(diff)).extracting(l -> l[0]).doesNotContain("fixed_broken_link");
        assertThat(r.out()).doesNotContain("fixed broken").contains("Note: The two crawls "
                + "were made with different settings (other sites' links checked in the older "
                + "crawl only; exclude patterns: missing in the newer crawl only), so URLs");

        // and once the page drops the links, a crawl with the same settings says they are gone
        server.route("/", html("<title>Home</title>"));
        Path later = dir.resolve("later.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--db", later.toString())
                .exitCode());
        Path diff2 = dir.resolve("diff2.csv");
        assertEquals(0, run("compare", before.toString(), later.toString(), "--csv",
                diff2.toString()).exitCode());
        assertThat(readCsv(diff2)).filteredOn(l -> l[0].equals("fixed_broken_link"))
                .extracting(l -> l[1]).containsExactlyInAnyOrder(server.url("/missing"),
                        elsewhere);
    }

    @Test
    void aRedirectLoopWhoseChainTheNewCrawlCutIsNotCalledFixed() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/loop1\">loop</a>"));
        server.route("/loop1", redirect(301, "/loop2"));
        server.route("/loop2", redirect(302, "/loop1"));
        Path before = dir.resolve("before.webprobe");
        assertEquals(1, run("crawl", server.url("/"), "--quiet", "--db", before.toString())
                .exitCode()); // / -> /loop1 is a broken link: a redirect loop

        // the loop is still there; the next crawls stop following it at /loop2, one by a
        // pattern, one by its page limit
        Path excluded = dir.resolve("excluded.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--exclude", "loop2",
                "--db", excluded.toString()).exitCode());
        Path limited = dir.resolve("limited.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--max-pages", "2",
                "--db", limited.toString()).exitCode());

        for (Path after : List.of(excluded, limited)) {
            Path diff = dir.resolve("diff-" + after.getFileName() + ".csv");
            CliRun r = run("compare", before.toString(), after.toString(), "--csv",
                    diff.toString());

            assertEquals(0, r.exitCode(), r.err());
            assertThat(r.out()).doesNotContain("fixed broken link");
            assertThat(readCsv(diff)).extracting(l -> l[0]).doesNotContain("fixed_broken_link");
        }

        // once /loop1 leads somewhere, a crawl that follows it to its end calls the link fixed
        server.route("/loop2", html("<title>Out of the loop</title>"));
        Path mended = dir.resolve("mended.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--db", mended.toString())
                .exitCode());
        Path diff = dir.resolve("diff-mended.csv");
        run("compare", before.toString(), mended.toString(), "--csv", diff.toString());
        assertThat(readCsv(diff)).filteredOn(l -> l[0].equals("fixed_broken_link"))
                .extracting(l -> l[1]).containsExactly(server.url("/loop1"));
    }

    /**
     * Found by a new user: a link into a→b→a had b as its {@code final_url} (the window's Ends
     * at said b), into a→a itself in the CSV (blank in the window); compare called each a new
     * broken link "(HTTP 301)". A loop has no end: {@code final_url} is empty for every loop,
     * in the crawl's CSV and its export alike, and compare says "Redirect loop", as the Broken
     * links tab does.
     */
    @Test
    void aRedirectLoopHasNoEndInTheBrokenLinksCsvItsExportAndCompare() throws Exception {
        server.route("/", html("<title>Home</title>"));
        Path before = dir.resolve("before.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--db", before.toString())
                .exitCode());
        server.route("/", html("<title>Home</title><a href=\"/a\">a</a><a href=\"/s\">s</a>"
                + "<a href=\"/x\">x</a><a href=\"/far\">f</a>"));
        server.route("/a", redirect(301, "/b")); // a→b→a
        server.route("/b", redirect(302, "/a"));
        server.route("/s", redirect(301, "/s")); // a→a
        server.route("/x", redirect(301, "/y")); // a→b→c→b
        server.route("/y", redirect(301, "/z"));
        server.route("/z", redirect(301, "/y"));
        server.route("/far", redirect(301, "/gone")); // an end, for contrast
        Path db = dir.resolve("loops.webprobe");
        Path broken = dir.resolve("broken.csv");
        assertEquals(1, run("crawl", server.url("/"), "--quiet", "--db", db.toString(),
                "--broken-csv", broken.toString()).exitCode());

        List<String[]> rows = readCsv(broken);
        List<String> header = List.of(rows.get(0));
        int link = header.indexOf("link_url");
        int end = header.indexOf("final_url");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r[link] + " " + r[end])
                .containsExactlyInAnyOrder(server.url("/a") + " ", server.url("/s") + " ",
                        server.url("/x") + " ", server.url("/far") + " " + server.url("/gone"));
        Path exported = dir.resolve("exported.csv");
        assertEquals(0, run("export", db.toString(), "--broken-csv", exported.toString())
                .exitCode());
        assertThat(Files.readAllBytes(exported)).isEqualTo(Files.readAllBytes(broken));

        CliRun r = run("compare", before.toString(), db.toString());
        assertEquals(1, r.exitCode(), r.err());
        for (String loop : List.of("/a", "/s", "/x")) {
            assertThat(r.out()).contains("  " + server.url(loop) + " (Redirect loop) on "
                    + server.url("/") + "\n");
        }
        assertThat(r.out()).contains("  " + server.url("/far") + " (HTTP 404) on ")
                .doesNotContain("HTTP 30");
    }

    @Test
    void aBrokenLinkOnAPageWhoseLinksTheNewCrawlDidNotReadIsNotCalledFixed() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/p\">p</a><a href=\"/q\">q</a>"));
        server.route("/p", html("<title>P</title><a href=\"/missing1\">1</a>"));
        server.route("/q", html("<title>Q</title><a href=\"/missing2\">2</a>"));
        Path before = dir.resolve("before.webprobe");
        assertEquals(1, run("crawl", server.url("/"), "--quiet", "--db", before.toString())
                .exitCode());

        // /p now fails, /q says nofollow: both still hold their links, unread
        server.route("/p", LocalHttpServer.status(500));
        server.route("/q", html("<title>Q</title><meta name=robots content=nofollow>"
                + "<a href=\"/missing2\">2</a>"));
        Path after = dir.resolve("after.webprobe");
        run("crawl", server.url("/"), "--quiet", "--db", after.toString());
        Path diff = dir.resolve("diff.csv");

        CliRun r = run("compare", before.toString(), after.toString(), "--csv", diff.toString());

        assertEquals(1, r.exitCode(), r.err()); // / -> /p is a new broken link
        assertThat(readCsv(diff)).extracting(l -> l[0]).doesNotContain("fixed_broken_link");
    }

    /**
     * The bug: in the newer crawl /p answered 404, and compare listed its link to /missing
     * (still a 404, linked from /q too) as a fixed broken link: the link only vanished with its
     * page, whose own status change is listed.
     */
    @Test
    void aBrokenLinkOnAPageThatNowFailsIsNotCalledFixed() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/p\">p</a><a href=\"/q\">q</a>"));
        server.route("/p", html("<title>P</title><a href=\"/missing\">m</a>"));
        server.route("/q", html("<title>Q</title><a href=\"/missing\">m</a>"));
        Path before = dir.resolve("before.webprobe");
        assertEquals(1, run("crawl", server.url("/"), "--quiet", "--db", before.toString())
                .exitCode());

        server.route("/p", LocalHttpServer.status(404));
        Path after = dir.resolve("after.webprobe");
        run("crawl", server.url("/"), "--quiet", "--db", after.toString());
        Path diff = dir.resolve("diff.csv");

        CliRun r = run("compare", before.toString(), after.toString(), "--csv", diff.toString());

        assertEquals(1, r.exitCode(), r.err()); // / -> /p is a new broken link
        assertThat(r.out()).contains("1 status change").doesNotContain("fixed");
        assertThat(readCsv(diff)).extracting(l -> l[0]).contains("status", "new_broken_link")
                .doesNotContain("fixed_broken_link");
    }

    /**
     * Found in review: a page whose X-Robots-Tag binds another crawler ("googlebot:
     * nofollow") has its links read by the crawl, but compare took it for nofollow and never
     * called a broken link gone from it fixed.
     */
    @Test
    void aBrokenLinkGoneFromAPageWhoseNofollowBindsAnotherCrawlerIsFixed() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/g\">g</a>"));
        server.route("/g", LocalHttpServer.respond(200, "text/html; charset=utf-8",
                "<title>G</title><a href=\"/missing\">m</a>", "X-Robots-Tag",
                "googlebot: nofollow"));
        Path before = dir.resolve("before.webprobe");
        assertEquals(1, run("crawl", server.url("/"), "--quiet", "--db", before.toString())
                .exitCode());

        server.route("/g", LocalHttpServer.respond(200, "text/html; charset=utf-8",
                "<title>G</title>", "X-Robots-Tag", "googlebot: nofollow"));
        Path after = dir.resolve("after.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--db", after.toString())
                .exitCode());
        Path diff = dir.resolve("diff.csv");

        CliRun r = run("compare", before.toString(), after.toString(), "--csv", diff.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertThat(readCsv(diff)).filteredOn(l -> l[0].equals("fixed_broken_link"))
                .extracting(l -> l[1]).containsExactly(server.url("/missing"));
    }

    /** Found by a user: the same stored crawl ended with exit 2, then its resume with 1. */
    @Test
    void resumingACrawlWhoseStartUrlFailedSaysSoAndExitsAsTheCrawlDid() throws Exception {
        server.route("/", LocalHttpServer.redirect(301, "/missing"));
        Path db = dir.resolve("s.webprobe");
        CliRun first = run("crawl", server.url("/"), "--quiet", "--db", db.toString());
        assertEquals(2, first.exitCode(), first.err());

        CliRun again = run("crawl", "--resume", db.toString(), "--quiet");

        assertEquals(2, again.exitCode(), again.out() + again.err());
        assertThat(again.err()).contains("The start URL " + server.url("/") + " redirects to "
                + server.url("/missing") + ", which answered HTTP 404.");
        assertThat(first.err()).contains("The start URL " + server.url("/") + " redirects to "
                + server.url("/missing") + ", which answered HTTP 404.");
    }

    @Test
    void aCrawlFileThatSavedNoUrlResumesFromTheStart() throws Exception {
        TestSite site = new TestSite(server, 20);
        Path db = dir.resolve("empty.webprobe");
        // what a crawl leaves when its first write fails (a full disk): the plan, no URL
        io.webprobe.store.CrawlStore.create(db, io.webprobe.crawl.CrawlPlan.of(
                java.net.URI.create(server.url("/")), "test")).close();
        Path pages = dir.resolve("pages.csv");

        CliRun r = run("crawl", "--resume", db.toString(), "--quiet", "--csv", pages.toString());

        assertEquals(1, r.exitCode(), r.err()); // the test site has broken links
        assertThat(readCsv(pages)).hasSize(site.paths().size() + 1);
    }

    /** As the window's Resume: the threads may change when a crawl is resumed. */
    @Test
    void aCrawlResumedWithThreadsRunsWithThatMany() throws Exception {
        java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic
                .AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic
                .AtomicInteger();
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            links.append("<a href=\"/p").append(i).append("\">p</a>");
            server.route("/p" + i, ex -> {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                // before the answer goes: one worker's next request can only come after it
                inFlight.decrementAndGet();
                LocalHttpServer.send(ex, 200, "text/html", "p");
            });
        }
        server.route("/", html(links.toString()));
        Path db = dir.resolve("eight.webprobe");
        // a crawl started with 8 threads that saved no URL yet (as a kill at its start leaves)
        io.webprobe.store.CrawlStore.create(db, io.webprobe.crawl.CrawlPlan.of(
                java.net.URI.create(server.url("/")), "test").withThreads(8)).close();

        CliRun r = run("crawl", "--resume", db.toString(), "--quiet", "--threads", "1");

        assertEquals(0, r.exitCode(), r.err());
        assertEquals(31, server.totalRequests() - server.hits("/robots.txt"));
        assertThat(most).as("requests at once").hasValue(1);
        // the file says so: a later resume, or a window opening it, runs with 1 too
        try (var stored = io.webprobe.store.CrawlStore.open(db,
                io.webprobe.store.CrawlStore.Access.READ_ONLY)) {
            assertEquals(1, stored.plan().threads());
        }
    }

    /** Found by a user: a site whose home page now fails passed the gate with exit 0. */
    @Test
    void compareFailsTheGateWhenTheNewCrawlsStartUrlFails() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/a\">a</a>"));
        server.route("/a", html("<title>A</title>"));
        Path before = dir.resolve("before.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--db", before.toString())
                .exitCode());
        server.route("/", LocalHttpServer.status(500));
        Path after = dir.resolve("after.webprobe");
        run("crawl", server.url("/"), "--quiet", "--db", after.toString());

        CliRun r = run("compare", before.toString(), after.toString());

        assertEquals(1, r.exitCode(), r.err());
        assertThat(r.out()).contains("The start URL " + server.url("/")
                + " now answers HTTP 500 (in the older crawl: 200).");
        // and the other way round, the site back up, passes
        assertEquals(0, run("compare", after.toString(), before.toString()).exitCode());

        // a home page still crawled whose meta refresh now leads to a 404 has a new broken
        // link; its start URL did not fail
        server.route("/", html("<html><head><meta http-equiv=\"refresh\" content=\"10; "
                + "url=/gone\"><title>Home</title></head><body><a href=\"/a\">a</a></body>"
                + "</html>"));
        Path refreshing = dir.resolve("refreshing.webprobe");
        run("crawl", server.url("/"), "--quiet", "--db", refreshing.toString());
        CliRun r2 = run("compare", before.toString(), refreshing.toString());
        assertEquals(1, r2.exitCode(), r2.err());
        assertThat(r2.out()).contains("1 new broken link").doesNotContain("The start URL");

        // an endless redirect chain at the start: said as the crawl says it, where it stopped
        // following, not as the whole chain
        server.route("/", LocalHttpServer.redirect(302, "/r1"));
        int n = io.webprobe.http.HttpProbe.MAX_REDIRECTS;
        for (int i = 1; i <= n + 2; i++) {
            server.route("/r" + i, LocalHttpServer.redirect(302, "/r" + (i + 1)));
        }
        Path looping = dir.resolve("looping.webprobe");
        run("crawl", server.url("/"), "--quiet", "--db", looping.toString());
        CliRun r3 = run("compare", before.toString(), looping.toString());
        assertEquals(1, r3.exitCode(), r3.err());
        assertThat(r3.out()).contains("The start URL " + server.url("/") + " now fails: more "
                + "than 20 redirects (the last one followed leads to " + server.url("/r" + n)
                + ", which redirects further) (in the older crawl: 200).")
                .doesNotContain("/r5");
    }

    /**
     * Found by an exploratory pass: a newer crawl that could not connect to its start URL at
     * all (the site down: it stops with the URL still to fetch) passed the gate with exit 0
     * ("2 removed" and a note that it did not finish), though the help says a start URL that
     * fails where the old one's did not exits 1.
     */
    @Test
    void compareFailsTheGateWhenTheNewCrawlCouldNotConnectToItsStartUrl() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/a\">a</a>"));
        server.route("/a", html("<title>A</title>"));
        String start = server.url("/");
        Path before = dir.resolve("before.webprobe");
        assertEquals(0, run("crawl", start, "--quiet", "--db", before.toString()).exitCode());
        Path after = dir.resolve("after.webprobe");
        try (RefusedPort down = server.goDown()) {
            assertEquals(2, run("crawl", start, "--quiet", "--db", after.toString())
                    .exitCode());
        }

        CliRun r = run("compare", before.toString(), after.toString());

        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertThat(r.out()).contains("The start URL " + start + " now fails (in the older "
                + "crawl: 200): Could not fetch " + start + ": connection refused.");
        // the other way round, the site reached again, passes
        assertEquals(0, run("compare", after.toString(), before.toString()).exitCode());
    }

    /**
     * Found by a user: two crawls of an unchanged site, both cut at a page limit, reach
     * different pages, and the broken links on the pages only the newer reached were called
     * new, so the gate failed at random.
     */
    @Test
    void brokenLinksWhereACappedOlderCrawlDidNotLookAreNotCalledNew() throws Exception {
        StringBuilder home = new StringBuilder("<title>Home</title>");
        for (int i = 1; i <= 5; i++) {
            home.append("<a href=\"/p").append(i).append("\">p</a>");
            server.route("/p" + i, html("<title>P" + i + "</title><a href=\"/missing\">m</a>"));
        }
        server.route("/", html(home.toString()));
        Path capped = dir.resolve("capped.webprobe");
        run("crawl", server.url("/"), "--quiet", "--max-pages", "3", "--db", capped.toString());
        Path whole = dir.resolve("whole.webprobe");
        assertEquals(1, run("crawl", server.url("/"), "--quiet", "--db", whole.toString())
                .exitCode());

        CliRun r = run("compare", capped.toString(), whole.toString());

        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertThat(r.out()).doesNotContain("new broken link").contains("Note: 5 broken links of "
                + whole + " are on pages or to URLs " + capped + " did not fetch (it stopped "
                + "at its page limit), so they are not counted as new.");

        // a link the capped crawl could have seen, on a page it read, is new
        server.route("/", html(home + "<a href=\"/gone\">g</a>"));
        Path later = dir.resolve("later.webprobe");
        run("crawl", server.url("/"), "--quiet", "--db", later.toString());
        CliRun again = run("compare", capped.toString(), later.toString());
        assertEquals(1, again.exitCode(), again.out() + again.err());
        assertThat(again.out()).contains("1 new broken link").contains("5 broken links of");
    }

    /**
     * Two crawls of one site, both cut at a page limit, reach different pages: the URLs only
     * one of them reached were listed as added and removed with no word, where a stopped crawl
     * gets a note.
     */
    @Test
    void crawlsCutAtTheirPageLimitSaySoBesideTheirAddedAndRemovedUrls() throws Exception {
        for (int i = 1; i <= 4; i++) {
            server.route("/p" + i, html("<title>P" + i + "</title>"));
        }
        server.route("/", html("<title>Home</title><a href=\"/p1\">1</a><a href=\"/p2\">2</a>"
                + "<a href=\"/p3\">3</a><a href=\"/p4\">4</a>"));
        Path first = dir.resolve("first.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--threads", "1",
                "--max-pages", "3", "--db", first.toString()).exitCode());
        // the same pages, linked in another order: the limit now reaches other ones
        server.route("/", html("<title>Home</title><a href=\"/p4\">4</a><a href=\"/p3\">3</a>"
                + "<a href=\"/p2\">2</a><a href=\"/p1\">1</a>"));
        Path second = dir.resolve("second.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--threads", "1",
                "--max-pages", "3", "--db", second.toString()).exitCode());

        CliRun r = run("compare", first.toString(), second.toString());

        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertThat(r.out()).contains("2 added, 2 removed")
                .contains("Note: " + first + " stopped at its page limit (3 URLs), so URLs it "
                        + "did not reach count as added or removed.")
                .contains("Note: " + second + " stopped at its page limit (3 URLs), so URLs it "
                        + "did not reach count as added or removed.")
                .doesNotContain("different settings");
    }

    @Test
    void compareRefusesCrawlsOfDifferentSites() throws Exception {
        server.route("/", html("home"));
        Path a = dir.resolve("a.webprobe");
        Path b = dir.resolve("b.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--db", a.toString())
                .exitCode());
        try (LocalHttpServer other = new LocalHttpServer()) {
            other.route("/", html("other"));
            assertEquals(0, run("crawl", other.url("/"), "--quiet", "--db", b.toString())
                    .exitCode());
            assertPlainError(run("compare", a.toString(), b.toString()),
                    a + " is a crawl of 127.0.0.1:" + server.port() + " but " + b
                            + " is of 127.0.0.1:" + other.port()
                            + "; compare needs two crawls of the same site.");
        }
    }

    @Test
    void compareSaysWhenTheCrawlsHadDifferentLimits() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/a\">a</a>"));
        server.route("/a", html("<title>A</title>"));
        Path full = dir.resolve("full.webprobe");
        Path shallow = dir.resolve("shallow.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--db", full.toString())
                .exitCode());
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--max-depth", "0", "--db",
                shallow.toString()).exitCode());

        CliRun r = run("compare", full.toString(), shallow.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertThat(r.out()).contains("1 removed").contains("Note: The two crawls were made with "
                + "different settings (depth limit: none in the older crawl, 0 in the newer), so URLs one of them left out or "
                + "did not reach count as added or removed");
    }

    /** --excel: the app's Excel-friendly export on the command line, for files only. */
    @Test
    void excelStartsEachCsvFileWithAByteOrderMarkButNotStandardOutput() throws Exception {
        server.route("/", html("<title>Café</title><a href=\"/gone\">g</a>"));
        Path db = dir.resolve("bom.webprobe");
        Path pages = dir.resolve("pages.csv");
        Path broken = dir.resolve("broken.csv");
        CliRun crawl = run("crawl", server.url("/"), "--quiet", "--db", db.toString(), "--csv",
                pages.toString(), "--broken-csv", broken.toString(), "--excel");
        assertEquals(1, crawl.exitCode(), crawl.err());
        assertStartsWithBom(pages, "url,");
        assertStartsWithBom(broken, "source_url,");
        // without it, as before
        Path plain = dir.resolve("plain.csv");
        assertEquals(0, run("export", db.toString(), "--csv", plain.toString()).exitCode());
        assertThat(Files.readAllBytes(plain)[0]).isEqualTo((byte) 'u');

        Path exported = dir.resolve("exported.csv");
        CliRun export = run("export", db.toString(), "--csv", exported.toString(), "--excel");
        assertEquals(0, export.exitCode(), export.err());
        assertThat(Files.readAllBytes(exported)).isEqualTo(Files.readAllBytes(pages));
        CliRun piped = run("export", db.toString(), "--csv", "-", "--excel");
        assertThat(piped.out()).startsWith("url,");

        // the crawl's own file, resumed with --excel: an output option, so allowed
        assertEquals(1, run("crawl", "--resume", db.toString(), "--quiet", "--excel")
                .exitCode());

        Path changes = dir.resolve("changes.csv");
        server.route("/", html("<title>Café</title>"));
        Path later = dir.resolve("later.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--db", later.toString())
                .exitCode());
        CliRun compare = run("compare", db.toString(), later.toString(), "--csv",
                changes.toString(), "--excel");
        assertEquals(0, compare.exitCode(), compare.err());
        assertStartsWithBom(changes, "change,");
        assertThat(run("crawl", "--help").out() + run("export", "--help").out()
                + run("compare", "--help").out()).contains("--excel");
    }

    private static void assertStartsWithBom(Path csv, String header) throws Exception {
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(java.util.Arrays.copyOf(bytes, 3))
                .isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        assertThat(new String(bytes, 3, bytes.length - 3, java.nio.charset.StandardCharsets.UTF_8))
                .startsWith(header);
    }

    /**
     * Found by a tester: a named pipe given as a crawl file ({@code mkfifo x; export x}) hung
     * export, compare, --resume and --db without a word, each reading its first bytes and
     * waiting for a writer that never came. It is refused at once, in one sentence.
     */
    @Test
    void aNamedPipeIsRefusedAsACrawlFileInsteadOfWaitedOn() throws Exception {
        Path fifo = io.webprobe.testsupport.NamedPipes.make(dir.resolve("pipe.webprobe"));
        String url = "http://127.0.0.1:" + RefusedPort.heldForTheRun() + "/";
        String refused = fifo + " is a pipe or a device, not a crawl file.";
        // a guard against the hang, not a speed assertion
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(60), () -> {
                    assertPlainError(run("export", fifo.toString(), "--csv",
                            dir.resolve("a.csv").toString()), refused);
                    assertPlainError(run("crawl", "--resume", fifo.toString()), refused);
                    assertPlainError(run("compare", fifo.toString(), fifo.toString() + "x"),
                            refused);
                    assertPlainError(run("crawl", url, "--db", fifo.toString()), "A file "
                            + "named " + fifo + " already exists; Webprobe does not "
                            + "overwrite it. Choose another name.");
                });
        assertThat(Files.isRegularFile(fifo)).isFalse();
    }
}
