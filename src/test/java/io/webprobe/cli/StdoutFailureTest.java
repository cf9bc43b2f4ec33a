package io.webprobe.cli;

import static io.webprobe.cli.CliRun.assertPlainError;
import static io.webprobe.cli.CliRun.run;
import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.webprobe.testsupport.ChildJava;
import io.webprobe.testsupport.FailingStream;
import io.webprobe.testsupport.LocalHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables and CSVs that do not reach standard output (a full disk): one sentence, exit 2. */
class StdoutFailureTest {
    private final LocalHttpServer server = new LocalHttpServer();

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void aWriteToStandardOutputThatFailsIsReportedAndExitsTwo() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/a\">a</a>"));
        server.route("/a", html("<title>A</title>"));
        Path db = dir.resolve("small.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--db", db.toString())
                .exitCode());
        Path again = dir.resolve("again.webprobe"); // compare refuses a crawl with itself
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--db", again.toString())
                .exitCode());
        String full = "Could not write to standard output: the disk is full.";
        FailingStream disk = FailingStream.fullDisk();

        assertPlainError(CliRun.runInto(disk, "export", db.toString(), "--csv", "-"), full);
        assertPlainError(CliRun.runInto(disk, "export", db.toString(), "--broken-csv", "-"),
                full);
        assertPlainError(CliRun.runInto(disk, "compare", db.toString(), again.toString(),
                "--csv", "-"), full);
        // the crawl's summary goes to stderr when the CSV goes to standard output
        CliRun crawl = CliRun.runInto(disk, "crawl", server.url("/"), "--quiet", "--csv", "-");
        assertEquals(2, crawl.exitCode(), crawl.err());
        // standard output refused by a full disk (a reader that closed it, | head, is no
        // failure): the temporary crawl is kept, as for a file
        var kept = java.util.regex.Pattern.compile("\nwebprobe: " + java.util.regex.Pattern.quote(
                full) + "\nwebprobe: The crawl is kept in (\\S+\\.webprobe)\\. To write its CSV "
                + "files from it, run:\n  \\S+ export \\1 --csv -\n$").matcher(crawl.err());
        assertThat(crawl.err()).startsWith("Crawled 2 URLs");
        assertThat(kept.find()).as(crawl.err()).isTrue();
        Files.deleteIfExists(Path.of(kept.group(1)));
        // the summary itself, with no CSV
        assertPlainError(CliRun.runInto(disk, "crawl", server.url("/"), "--quiet"), full);
        assertPlainError(CliRun.runInto(disk, "compare", db.toString(), again.toString()),
                full);
        assertPlainError(CliRun.runInto(disk, "export", db.toString(), "--csv",
                dir.resolve("fine.csv").toString()), full);
        assertThat(dir.resolve("fine.csv")).exists(); // the file itself was written
        assertPlainError(CliRun.runInto(disk, "ping", server.url("/"), "--count", "1"), full);
        // with a CSV on standard output, ping's table goes to stderr
        for (String option : new String[] {"--csv", "--requests-csv"}) {
            CliRun ping = CliRun.runInto(disk, "ping", server.url("/"), "--count", "1", option,
                    "-");
            assertEquals(2, ping.exitCode(), ping.err());
            assertThat(ping.err()).startsWith("URL ").endsWith("\nwebprobe: " + full + "\n");
        }
    }

    @Test
    void devFullAsStandardOutputIsReported() throws Exception {
        Path devFull = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(devFull));
        server.route("/", html("<title>Home</title>"));
        Path db = dir.resolve("one.webprobe");
        assertEquals(0, run("crawl", server.url("/"), "--quiet", "--db", db.toString())
                .exitCode());

        try (var out = Files.newOutputStream(devFull,
                java.nio.file.StandardOpenOption.WRITE)) {
            assertPlainError(CliRun.runInto(out, "export", db.toString(), "--csv", "-"),
                    "Could not write to standard output: the disk is full.");
        }
    }

    /**
     * A crawl without --db whose CSV cannot be written at the end (a full disk): the crawl is
     * not lost with its temporary file; the user is told where it is kept and how to export it.
     */
    @Test
    void aCrawlWhoseCsvCannotBeWrittenIsKeptInsteadOfDeleted() throws Exception {
        Path devFull = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(devFull));
        server.route("/", html("<title>Home</title><a href=\"/a\">a</a>"));
        server.route("/a", html("<title>A</title>"));

        CliRun crawl = run("crawl", server.url("/"), "--quiet", "--csv", "/dev/full");

        assertEquals(2, crawl.exitCode(), crawl.err());
        var kept = java.util.regex.Pattern.compile(
                "webprobe: The crawl is kept in (\\S+\\.webprobe)\\. To write its CSV files "
                        + "from it, run:\n  \\S+ export \\1 --csv /dev/full\n$")
                .matcher(crawl.err());
        assertThat(kept.find()).as(crawl.err()).isTrue();
        assertThat(crawl.err()).contains("webprobe: Could not write /dev/full: the disk is full.");
        Path file = Path.of(kept.group(1));
        try {
            // not a temporary crawl's name: the next crawl without --db, which removes the
            // temporary crawl files killed processes left, never takes it for one
            assertThat(file.getFileName().toString()).doesNotStartWith("webprobe-crawl-");
            assertEquals(0, run("crawl", server.url("/"), "--quiet").exitCode());
            assertThat(file).exists();
            Path csv = dir.resolve("pages.csv");
            assertEquals(0, run("export", file.toString(), "--csv", csv.toString()).exitCode());
            assertThat(Files.readAllLines(csv)).hasSize(3); // the header and both pages
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Found by a tester (a 1 MB tmpfs as the temporary folder): a crawl without --db whose
     * temporary file filled the disk said "everything saved until then is kept", and deleted
     * it at exit. It is kept, named with the command that continues it once there is room. The
     * crawl runs in a child JVM whose crawl files may grow to 40 pages of SQLite, as if the
     * disk were full past them; the resume, here, has room.
     */
    @Test
    void aTemporaryCrawlThatFillsTheDiskIsKeptToResume() throws Exception {
        new io.webprobe.testsupport.TestSite(server, 300);
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        List<String> cmd = new java.util.ArrayList<>(ChildJava.command());
        cmd.addAll(List.of("-Xmx256m", "-Djava.io.tmpdir=" + tmp,
                "-D" + io.webprobe.store.CrawlStore.TEST_MAX_PAGES + "=40",
                "-cp", System.getProperty("java.class.path"), "io.webprobe.app.Launcher",
                "crawl", server.url("/"), "--threads", "2", "--quiet", "--csv",
                dir.resolve("pages.csv").toString()));
        Process child = new ProcessBuilder(cmd)
                .redirectOutput(dir.resolve("out.log").toFile())
                .redirectError(dir.resolve("err.log").toFile()).start();
        assertThat(child.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        String said = Files.readString(dir.resolve("err.log"));

        assertEquals(2, child.exitValue(), said);
        var kept = java.util.regex.Pattern.compile("the disk is full\\. The crawl was stopped; "
                + "everything saved until then is kept\\.\nwebprobe: The crawl is kept in "
                + "(\\S+\\.webprobe)[^\\n]*\\.\nTo continue the crawl: \\S+ crawl --resume "
                + "\\1 --csv \\S+pages\\.csv\n$").matcher(said);
        assertThat(kept.find()).as(said).isTrue();
        Path file = Path.of(kept.group(1));
        assertThat(file.getParent()).isEqualTo(tmp);
        // the CSV of what was crawled was written: no command to write it, one to finish it
        assertThat(said).doesNotContain("To write its CSV");
        assertThat(dir.resolve("pages.csv")).exists();
        assertThat(Files.readString(dir.resolve("out.log"))).startsWith("Stopped after ");
        // once there is room, the crawl goes on from where it stopped, to its end
        CliRun resumed = run("crawl", "--resume", file.toString(), "--quiet");
        assertEquals(1, resumed.exitCode(), resumed.err()); // the site's broken links
        assertThat(resumed.out()).startsWith("Crawled ").contains("the others were fetched "
                + "before the crawl was resumed");
    }

    /**
     * The same with the CSV on a standard output that fails (a full disk behind it). The bug:
     * the temporary crawl was deleted, as if the reader had closed the pipe, and the crawl was
     * lost.
     */
    @Test
    void aCrawlWhoseCsvCannotReachStandardOutputIsKeptToo() throws Exception {
        Path devFull = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(devFull));
        server.route("/", html("<title>Home</title><a href=\"/a\">a</a>"));
        server.route("/a", html("<title>A</title>"));

        CliRun crawl;
        try (var out = Files.newOutputStream(devFull,
                java.nio.file.StandardOpenOption.WRITE)) {
            crawl = CliRun.runInto(out, "crawl", server.url("/"), "--quiet", "--csv", "-");
        }

        assertEquals(2, crawl.exitCode(), crawl.err());
        var kept = java.util.regex.Pattern.compile(
                "webprobe: The crawl is kept in (\\S+\\.webprobe)\\. To write its CSV files "
                        + "from it, run:\n  \\S+ export \\1 --csv -\n$")
                .matcher(crawl.err());
        assertThat(kept.find()).as(crawl.err()).isTrue();
        Files.deleteIfExists(Path.of(kept.group(1)));
    }

    /**
     * A ping whose per-request log cannot be written stops there, rather than at the end of its
     * duration. The bug: a 6 s run on a full disk ran its 6 s and only then said so; a 30-minute
     * soak test would have run 30 minutes for nothing. Here the run is ten minutes long, so
     * only the stop ends it within the test's time.
     */
    @Test
    void aPingWhoseRequestLogCannotBeWrittenStopsAtTheFailure() throws Exception {
        server.route("/", html("ok"));

        CliRun ping = CliRun.runInto(FailingStream.fullDisk(), "ping", server.url("/"),
                "--duration", "10m", "--concurrency", "2", "--requests-csv", "-", "--quiet");

        assertEquals(2, ping.exitCode(), ping.err());
        assertThat(ping.err()).startsWith("URL ")
                .endsWith("\nwebprobe: Could not write to standard output: the disk is full.\n");
    }
}
