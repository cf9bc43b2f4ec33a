package io.webprobe.ui.crawl.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlState;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.StoreException;
import io.webprobe.store.TestLocks;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.WorkspaceSite;
import io.webprobe.ui.crawl.session.OpenCrawl;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrawlFileOpenerTest {
    @TempDir
    Path dir;

    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    /**
     * The want: a crawl cut at its page limit said at its end what it left out ("not crawled:
     * 14 URLs, page limit reached"); opened later, it said only "finished". The opener reads
     * it from the file, in the end's words (CrawlSummary#notCrawled), and a crawl that left
     * nothing out has nothing to say.
     */
    @Test
    void whatTheLimitsLeftOutIsReadFromTheFileInTheEndsWords() throws Exception {
        WorkspaceSite site = new WorkspaceSite(server);
        Path cut = io.webprobe.testsupport.StoredCrawls.crawlInto(dir.resolve("cut.webprobe"),
                CrawlPlan.of(URI.create(site.start()), "Webprobe/test").withMaxPages(2));
        CrawlFileOpener.Opened opened = CrawlFileOpener.open(cut);
        try {
            assertThat(opened.notCrawled()).matches("\\d+ URLs, page limit reached");
        } finally {
            opened.store().close();
        }
        CrawlFileOpener.Opened whole = CrawlFileOpener.open(site.crawlInto(
                dir.resolve("whole.webprobe")));
        try {
            assertThat(whole.notCrawled()).isEmpty();
        } finally {
            whole.store().close();
        }
    }

    /**
     * Found by a user: a finished crawl opened in a window to look at it jumped to the top of
     * its folder sorted by date (opening took the lock, and closing wrote the file back).
     * Opened the way the window does and read the way its workspace does, then closed, it is
     * left as it was: its bytes, its time, and nothing beside it.
     */
    @Test
    void aFinishedCrawlLookedAtIsLeftAsItWas() throws Exception {
        Path file = new WorkspaceSite(server).crawlInto(dir.resolve("site.webprobe"));
        FileTime old = FileTime.from(Instant.parse("2026-01-02T03:04:05Z"));
        Files.setLastModifiedTime(file, old);
        String bytes = digest(file);

        CrawlFileOpener.Opened opened = CrawlFileOpener.open(file);
        CrawlStore store = opened.store();
        assertThat(opened.notice()).isEmpty();
        assertThat(store.readOnly()).isFalse(); // re-checks may write it, once asked
        assertThat(store.writing()).isFalse();
        OpenCrawl crawl = new OpenCrawl(store, Runnable::run);
        assertThat(crawl.countsLane().call(q -> q.counts().counts()).get(10, TimeUnit.SECONDS)
                .counts()).isNotEmpty();
        assertThat(crawl.tableLane().call(q -> q.reader().results()).get(10, TimeUnit.SECONDS))
                .hasSize(WorkspaceSite.PATHS.size());
        assertThat(crawl.statsLane().call(q -> q.reader().brokenLinks())
                .get(10, TimeUnit.SECONDS)).isNotEmpty();
        crawl.close(Runnable::run);

        assertThat(digest(file)).isEqualTo(bytes);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
        assertThat(filesIn(dir)).containsExactly(file);
    }

    /**
     * A stopped crawl is offered Resume: looking at it writes nothing; resuming it takes the
     * lock then (one writer per crawl file), and closing leaves one file again.
     */
    @Test
    void aStoppedCrawlIsWrittenOnlyOnceItIsResumed() throws Exception {
        Path file = stopped();
        FileTime old = FileTime.from(Instant.parse("2026-01-02T03:04:05Z"));
        Files.setLastModifiedTime(file, old);
        String bytes = digest(file);

        try (CrawlStore store = CrawlFileOpener.open(file).store()) {
            assertThat(store.info().resumable()).isTrue();
        }
        assertThat(digest(file)).isEqualTo(bytes);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);

        try (CrawlStore store = CrawlFileOpener.open(file).store()) {
            assertThat(store.resumeState().finished()).isFalse();
            assertThat(store.writing()).isTrue();
            // held now: this process's own second look is refused as before
            assertThatThrownBy(() -> CrawlFileOpener.open(file))
                    .hasMessage(file + " is open in this Webprobe already; close it there "
                            + "first.");
        }
        assertThat(filesIn(dir)).containsExactly(file);
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY)) {
            assertThat(store.info().interrupted()).isFalse();
        }
    }

    /**
     * While a window looks at a crawl, another Webprobe may resume it (the window holds no
     * lock): the window's first write, a resume or a re-check, is then refused in one sentence.
     */
    @Test
    void aWriteIsRefusedWhenAnotherWebprobeResumedTheCrawlLookedAt() throws Exception {
        Path file = stopped();
        Process other = new ProcessBuilder("sleep", "60").start();
        try (CrawlStore store = CrawlFileOpener.open(file).store()) {
            TestLocks.heldBy(file, other); // it resumed the crawl meanwhile

            assertThatThrownBy(store::resumeState).isInstanceOf(StoreException.class)
                    .hasMessage(file + " is open in another running Webprobe (process "
                            + other.pid() + "); stop its crawl or close it there first.");
            assertThatThrownBy(store::sink).hasMessageContaining("is open in another running");
            assertThat(store.writing()).isFalse();
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    /**
     * A crawl whose process was killed keeps its newest rows in its -wal: looked at, neither
     * the file nor its -wal is changed (only a resume takes them in).
     */
    @Test
    void anInterruptedCrawlLookedAtKeepsItsFileAndItsWal() throws Exception {
        Path running = dir.resolve("running.webprobe");
        Path copy = Files.createDirectory(dir.resolve("copy")).resolve("killed.webprobe");
        try (CrawlStore store = CrawlStore.create(running,
                CrawlPlan.of(URI.create("http://127.0.0.1:9/"), "test"))) {
            store.sink().state(CrawlState.RUNNING, Duration.ofSeconds(3));
            store.sink().flush().get(10, TimeUnit.SECONDS);
            // what a kill leaves: the file and its -wal as they were
            Files.copy(running, copy);
            Files.copy(wal(running), wal(copy));
        }
        FileTime old = FileTime.from(Instant.parse("2026-01-02T03:04:05Z"));
        Files.setLastModifiedTime(copy, old);
        Files.setLastModifiedTime(wal(copy), old);
        String bytes = digest(copy);
        String walBytes = digest(wal(copy));

        try (CrawlStore store = CrawlFileOpener.open(copy).store()) {
            assertThat(store.info().interrupted()).isTrue();
            assertThat(store.info().resumable()).isTrue();
        }

        assertThat(digest(copy)).isEqualTo(bytes);
        assertThat(digest(wal(copy))).isEqualTo(walBytes);
        assertThat(Files.getLastModifiedTime(copy)).isEqualTo(old);
        assertThat(Files.getLastModifiedTime(wal(copy))).isEqualTo(old);
    }

    /**
     * A finished crawl left in WAL mode (its last close could not switch it back to one file,
     * or it was copied so) gets a -wal and a -shm beside it when read: looked at and closed,
     * they go again, and the file itself is left as it was.
     */
    @Test
    void aFinishedCrawlInWalModeLookedAtLeavesNothingBesideIt() throws Exception {
        Path file = new WorkspaceSite(server).crawlInto(dir.resolve("site.webprobe"));
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                var st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
        }
        assertThat(filesIn(dir)).containsExactly(file);
        FileTime old = FileTime.from(Instant.parse("2026-01-02T03:04:05Z"));
        Files.setLastModifiedTime(file, old);
        String bytes = digest(file);

        OpenCrawl crawl = new OpenCrawl(CrawlFileOpener.open(file).store(), Runnable::run);
        assertThat(crawl.tableLane().call(q -> q.reader().results()).get(10, TimeUnit.SECONDS))
                .hasSize(WorkspaceSite.PATHS.size());
        crawl.close(Runnable::run);

        assertThat(filesIn(dir)).containsExactly(file);
        assertThat(digest(file)).isEqualTo(bytes);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
    }

    private Path stopped() throws Exception {
        Path file = dir.resolve("stopped.webprobe");
        try (CrawlStore store = CrawlStore.create(file,
                CrawlPlan.of(URI.create("http://127.0.0.1:9/"), "test"))) {
            store.sink().state(CrawlState.STOPPED, Duration.ofSeconds(3));
        }
        return file;
    }

    private static Path wal(Path file) {
        return file.resolveSibling(file.getFileName() + "-wal");
    }

    private static List<Path> filesIn(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.toList();
        }
    }

    private static String digest(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    /** A crawl another window shows, ended, opens here to read, saying why it cannot resume. */
    @Test
    void aCrawlAnotherRunningWebprobeHasOpenOpensReadOnlyAndSaysWhy() throws Exception {
        Path file = dir.resolve("crawl.webprobe");
        try (CrawlStore store = CrawlStore.create(file,
                CrawlPlan.of(URI.create("http://127.0.0.1:9/"), "test"))) {
            store.sink().state(CrawlState.STOPPED, Duration.ofSeconds(3));
        }
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            TestLocks.heldBy(file, other);

            CrawlFileOpener.Opened opened = CrawlFileOpener.open(file);
            try (CrawlStore store = opened.store()) {
                assertThat(store.readOnly()).isTrue();
                assertThat(opened.notice()).isEqualTo("It is open in another running Webprobe, "
                        + "so it was opened here to read only; resume or re-check it there.");
            }
        } finally {
            other.destroyForcibly().waitFor();
        }
    }
}
