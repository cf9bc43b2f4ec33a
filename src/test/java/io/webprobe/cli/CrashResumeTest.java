package io.webprobe.cli;

import static io.webprobe.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.webprobe.crawl.CrawlResult;
import io.webprobe.store.CrawlReader;
import io.webprobe.store.CrawlStore;
import io.webprobe.testsupport.CsvFiles;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.TestSite;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command-line crawl killed with {@code kill -9} mid-way, then resumed: the union of what
 * was stored before the kill and what the resume adds is the whole site, and no URL the file
 * held as done was requested again.
 */
class CrashResumeTest {
    private final LocalHttpServer server = new LocalHttpServer();
    private Process child;

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() throws Exception {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor();
        }
        server.close();
    }

    private Process startCrawl(String url, Path db) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "io.webprobe.app.Launcher", "crawl", url, "--db", db.toString(), "--threads", "2",
                "--quiet"));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
    }

    /** Done rows in the crawl file, read as another program would while it is written. */
    private static long doneRows(Path db) {
        if (!Files.exists(db)) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM urls WHERE state = 1")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (Exception e) {
            return 0; // not created yet
        }
    }

    @Test
    void aCrawlKilledMidWayResumesWithoutFetchingWhatItHadStored() throws Exception {
        TestSite site = new TestSite(server, 250);
        CountDownLatch release = new CountDownLatch(1);
        int allowed = 80;
        server.holdAfter(allowed, release);
        Path db = dir.resolve("crash.webprobe");

        child = startCrawl(server.url("/"), db);
        // the crawl stands still after 80 requests; all it fetched is committed within a
        // fraction of a second (robots.txt and the requests held in flight aside)
        await().atMost(Duration.ofSeconds(60)).until(() -> doneRows(db) >= allowed - 1 - 2);
        child.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no last commit
        release.countDown();

        List<String> doneAtKill;
        try (CrawlStore store = CrawlStore.open(db, CrawlStore.Access.READ_ONLY);
                CrawlReader reader = store.reader()) {
            assertThat(store.info().interrupted()).isTrue();
            doneAtKill = reader.results().stream().map(CrawlResult::url).toList();
        }
        Map<String, Integer> hitsAtKill = site.paths().stream()
                .collect(Collectors.toMap(p -> p, server::hits));
        assertThat(doneAtKill).hasSizeGreaterThanOrEqualTo(allowed - 3)
                .hasSizeLessThan(site.paths().size());

        Path pages = dir.resolve("pages.csv");
        CliRun resumed = run("crawl", "--resume", db.toString(), "--quiet", "--csv",
                pages.toString());

        assertEquals(1, resumed.exitCode(), resumed.err()); // the site has broken links
        Set<String> all = CsvFiles.readCsv(pages).stream().skip(1).map(l -> l[0])
                .collect(Collectors.toSet());
        assertThat(all).isEqualTo(site.paths().stream().map(server::url)
                .collect(Collectors.toSet()));
        assertThat(CsvFiles.readCsv(pages)).hasSize(site.paths().size() + 1); // no duplicates
        for (String url : doneAtKill) {
            String path = URI.create(url).getRawPath();
            assertThat(server.hits(path)).as("requests of %s, stored before the kill", path)
                    .isEqualTo(hitsAtKill.get(path));
        }
        for (String path : site.paths()) {
            assertThat(server.hits(path)).as("requests of %s", path).isBetween(1, 2);
        }
    }
}
