package io.webprobe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlState;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crawl files copied while their crawl ran ({@code cp crawl.webprobe*}), and crawl files in a
 * folder this user cannot write.
 */
class CrawlFileCopiesTest {
    @TempDir
    Path dir;

    private static CrawlPlan plan() {
        return CrawlPlan.of(URI.create("http://127.0.0.1:8080/"), "Webprobe/test");
    }

    private static Path wal(Path file) {
        return file.resolveSibling(file.getFileName() + "-wal");
    }

    private static Path shm(Path file) {
        return file.resolveSibling(file.getFileName() + "-shm");
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

    /** Whether this process runs as root, which writes into read-only folders all the same. */
    private boolean root() throws Exception {
        Path probe = Files.createTempFile(dir, "uid", "");
        return ((Integer) Files.getAttribute(probe, "unix:uid")) == 0;
    }

    /**
     * A killed crawl (or one copied while it ran) is in WAL mode: SQLite reads it through a
     * {@code -shm} index it makes beside it, which a read-only folder does not allow. Found by
     * reading: the export said "the file cannot be opened (check that its folder exists and is
     * writable)" and the window refused it.
     */
    @Test
    void aCrawlInWalModeInAReadOnlyFolderIsRead() throws Exception {
        assumeTrue(!root(), "root writes into read-only folders: run as another user");
        Path folder = Files.createDirectory(dir.resolve("backup"));
        Path withWal = folder.resolve("with-wal.webprobe"); // its tables are in the -wal
        Path walFolded = folder.resolve("folded.webprobe"); // WAL mode, no -wal
        Path readOnlyFile = folder.resolve("read-only.webprobe");
        try (CrawlStore live = running(dir.resolve("live.webprobe"))) {
            live.sink().state(CrawlState.STOPPED, Duration.ofSeconds(2));
            live.sink().flush().get(10, TimeUnit.SECONDS);
            copyRunning(dir.resolve("live.webprobe"), withWal);
            copyRunning(dir.resolve("live.webprobe"), readOnlyFile);
            copyRunning(dir.resolve("live.webprobe"), walFolded);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + walFolded);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)"); // the -wal goes when it closes
        }
        Files.deleteIfExists(shm(walFolded));
        assertThat(wal(walFolded)).doesNotExist();
        Files.setPosixFilePermissions(readOnlyFile, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(wal(readOnlyFile), PosixFilePermissions.fromString("r--r--r--"));
        Set<PosixFilePermission> was = Files.getPosixFilePermissions(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            for (Path p : new Path[] {withWal, walFolded, readOnlyFile}) {
                for (CrawlStore.Access a : new CrawlStore.Access[] {CrawlStore.Access.READ_ONLY,
                        CrawlStore.Access.READ_BESIDE_OWN}) {
                    try (CrawlStore read = CrawlStore.open(p, a);
                            CrawlReader reader = read.reader()) {
                        assertThat(read.readOnly()).isTrue();
                        assertThat(read.info().state()).as(p.toString())
                                .isEqualTo(CrawlState.STOPPED);
                        assertThat(reader.results()).isEmpty();
                        assertThat(read.plan().startUrl()).isEqualTo(plan().startUrl());
                    }
                }
            }
            assertThatThrownBy(() -> CrawlStore.open(withWal, CrawlStore.Access.RESUME))
                    .hasMessageStartingWith("The folder " + folder + " is read-only");
        } finally {
            Files.setPosixFilePermissions(folder, was);
        }
        assertThat(shm(withWal)).doesNotExist();
        // this process's copies: another checkout's run of this test may be reading its own
        String ours = TemporaryCrawls.namePrefix(TemporaryCrawls.READ_PREFIX);
        try (var left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith(ours))
                    .filter(p -> Files.exists(p.resolve("with-wal.webprobe"))))
                    .as("the copies read are removed").isEmpty();
        }
    }
}
