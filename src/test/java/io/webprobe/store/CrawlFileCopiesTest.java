package io.webprobe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlState;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crawl files copied while their crawl ran ({@code cp crawl.webprobe*}). */
class CrawlFileCopiesTest {
    @TempDir
    Path dir;

    private static CrawlPlan plan() {
        return CrawlPlan.of(URI.create("http://127.0.0.1:8080/"), "Webprobe/test");
    }

    private static Path wal(Path file) {
        return file.resolveSibling(file.getFileName() + "-wal");
    }

    /** Copies a running crawl as {@code cp crawl.webprobe crawl.webprobe-wal DEST/} does. */
    private static void copyRunning(Path file, Path copy) throws Exception {
        Files.copy(file, copy);
        Files.copy(wal(file), wal(copy));
    }

    private static CrawlStore running(Path file) throws Exception {
        CrawlStore store = CrawlStore.create(file, plan());
        store.sink().state(CrawlState.RUNNING, Duration.ofSeconds(2));
        store.sink().flush().get(10, TimeUnit.SECONDS);
        return store;
    }

    @Test
    void aCopyOfACrawlThatIsStillRunningIsNotTakenForTheRunningFile() throws Exception {
        Path file = dir.resolve("live.webprobe");
        Path copy = dir.resolve("copy.webprobe");
        try (CrawlStore live = running(file)) {
            copyRunning(file, copy);

            // the copy carries the running crawl's lock row, but nobody writes the copy: it is
            // an interrupted crawl, read and resumed like one
            assertThat(CrawlStore.interrupted(copy)).isTrue();
            assertThat(CrawlStore.glance(copy).state()).isEqualTo("interrupted");
            try (CrawlStore read = CrawlStore.open(copy, CrawlStore.Access.READ_ONLY);
                    CrawlReader reader = read.reader()) {
                assertThat(read.info().interrupted()).isTrue();
                assertThat(read.info().state()).isEqualTo(CrawlState.RUNNING);
                assertThat(reader.infoNow().interrupted()).isTrue();
            }
            try (CrawlStore resumed = CrawlStore.open(copy, CrawlStore.Access.RESUME)) {
                assertThat(resumed.info().resumable()).isTrue();
                assertThat(resumed.info().stateText()).isEqualTo("interrupted");
            }
            // the running file itself is still held
            assertThat(CrawlStore.interrupted(file)).isFalse();
            assertThat(CrawlStore.glance(file).state()).isEqualTo("running");
            assertThatThrownBy(() -> CrawlStore.open(file, CrawlStore.Access.RESUME))
                    .hasMessage(file + " is open in this Webprobe already; close it there first.");
            live.sink().state(CrawlState.STOPPED, Duration.ofSeconds(3));
        }
    }

    @Test
    void aCopyOfACrawlAnotherProcessRunsIsNotSaidToBeOpenThere() throws Exception {
        Path file = dir.resolve("live.webprobe");
        Path copy = dir.resolve("copy.webprobe");
        Process other = new ProcessBuilder("sleep", "60").start();
        try (CrawlStore live = running(file)) {
            // the lock row names another running process, as a command-line crawl's would
            long started = other.info().startInstant().map(java.time.Instant::toEpochMilli)
                    .orElse(0L);
            OwnerLock lock = new OwnerLock(other.pid(), started,
                    OwnerLock.self(java.time.Instant.now()).host(), System.currentTimeMillis());
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                    var ps = c.prepareStatement("UPDATE meta SET value = ? WHERE key = 'lock'")) {
                ps.setString(1, lock.encode());
                ps.executeUpdate();
            }
            copyRunning(file, copy);

            try (CrawlStore read = CrawlStore.open(copy, CrawlStore.Access.READ_ONLY)) {
                assertThat(read.info().interrupted()).isTrue();
            }
            try (CrawlStore resumed = CrawlStore.open(copy, CrawlStore.Access.RESUME)) {
                assertThat(resumed.info().resumable()).isTrue();
            }
        } finally {
            other.destroyForcibly().waitFor();
        }
    }
}
