package io.webprobe.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlState;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary crawl files (the command line's without --db, the app's when its crawls folder
 * cannot be written): those a killed process left are removed by the next temporary crawl;
 * those kept on purpose, held by a running Webprobe, or not readable as a crawl never are.
 */
class TemporaryCrawlsTest {
    @TempDir
    Path tmp;

    private static CrawlPlan plan() {
        return CrawlPlan.of(URI.create("http://127.0.0.1:9/"), "test");
    }

    /** A temporary crawl file as a process leaves it: its lock row names {@code owner}. */
    private Path leftover(String name, OwnerLock owner) throws Exception {
        Path file = tmp.resolve(name);
        try (CrawlStore store = CrawlStore.create(file, plan())) {
            store.sink().state(CrawlState.RUNNING, Duration.ofSeconds(1));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                var ps = c.prepareStatement("INSERT OR REPLACE INTO meta VALUES ('lock', ?)")) {
            ps.setString(1, owner.encode());
            ps.executeUpdate();
        }
        return file;
    }

    private static String host() {
        return OwnerLock.self(Instant.now()).host();
    }

    private static Path side(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private List<Path> files() throws Exception {
        try (var list = Files.list(tmp)) {
            return list.sorted().toList();
        }
    }

    @Test
    void aTemporaryCrawlRemovesOnlyTheFilesOfProcessesThatAreGone() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Process alive = new ProcessBuilder("sleep", "60").start();
        try {
            long now = System.currentTimeMillis();
            // killed: its lock names a process that ended (start time 1: not a reused id)
            Path killed = leftover("webprobe-crawl-1.webprobe",
                    new OwnerLock(gone.pid(), 1L, host(), now));
            Files.write(side(killed, "-wal"), new byte[] {1, 2, 3});
            Files.write(side(killed, "-shm"), new byte[] {1, 2, 3});
            // another Webprobe crawls into it now
            Path running = leftover("webprobe-crawl-2.webprobe", new OwnerLock(alive.pid(),
                    alive.info().startInstant().map(Instant::toEpochMilli).orElse(0L), host(),
                    now));
            // closed as a crawl kept by an older Webprobe is: no lock row
            Path keptBefore = tmp.resolve("webprobe-crawl-3.webprobe");
            try (CrawlStore store = CrawlStore.create(keptBefore, plan())) {
                store.sink().state(CrawlState.STOPPED, Duration.ofSeconds(1));
            }
            // another machine's (a shared temporary folder): its processes are not seen here
            Path elsewhere = leftover("webprobe-crawl-4.webprobe",
                    new OwnerLock(gone.pid(), 1L, "another-host", now - 3_600_000));
            // being made at this moment (empty), and not a crawl at all
            Path empty = Files.createFile(tmp.resolve("webprobe-crawl-5.webprobe"));
            Path notACrawl = Files.writeString(tmp.resolve("webprobe-crawl-6.webprobe"), "x");
            // not a temporary crawl's name
            Path named = leftover("site.webprobe", new OwnerLock(gone.pid(), 1L, host(), now));
            // each with a -wal beside it, as a killed writer leaves (a file without one was
            // closed, and is not even opened to ask)
            for (Path f : List.of(running, keptBefore, elsewhere, empty, notACrawl, named)) {
                Files.write(side(f, "-wal"), new byte[0]);
            }

            try (CrawlStore store = CrawlStore.createTemporary(plan(), tmp)) {
                assertThat(files()).filteredOn(f -> !f.toString().endsWith("-wal")
                        && !f.toString().endsWith("-shm")).containsExactlyInAnyOrder(
                                store.file(), running, keptBefore, elsewhere, empty, notACrawl,
                                named);
                assertThat(side(killed, "-wal")).doesNotExist();
                assertThat(side(killed, "-shm")).doesNotExist();
            }
            assertThat(killed).doesNotExist();
        } finally {
            alive.destroyForcibly().waitFor();
        }
    }

    /**
     * A temporary crawl kept on purpose (its CSV files could not be written) is renamed when
     * closed, so that no later temporary crawl removes it, even should its lock row be left.
     */
    @Test
    void aTemporaryCrawlKeptIsRenamedOutOfTheTemporaryNames() throws Exception {
        Path kept;
        Path temporary;
        try (CrawlStore store = CrawlStore.createTemporary(plan(), tmp)) {
            temporary = store.file();
            store.sink().state(CrawlState.FINISHED, Duration.ofSeconds(1));
            store.keep();
            assertThat(store.keptAt()).isEqualTo(temporary); // until it is closed
            store.close();
            kept = store.keptAt();
        }
        assertThat(kept.getFileName().toString()).startsWith("127.0.0.1_9-")
                .endsWith(".webprobe");
        assertThat(files()).containsExactly(kept);
        try (CrawlStore read = CrawlStore.open(kept, CrawlStore.Access.READ_ONLY)) {
            assertThat(read.info().state()).isEqualTo(CrawlState.FINISHED);
        }

        try (CrawlStore next = CrawlStore.createTemporary(plan(), tmp)) {
            assertThat(files()).contains(kept);
        }
        assertThat(files()).containsExactly(kept);
    }
    /** A name of {@code prefix} as {@code owner} makes it. */
    private Path named(String prefix, OwnerLock owner, String rest) {
        return tmp.resolve(prefix + owner.nameTag() + "-" + rest);
    }

    /**
     * What a kill before the first commit leaves: {@code file} in WAL mode holding nothing
     * committed, with a {@code -wal} of frames never committed when {@code withWal}.
     */
    private static void killedBeforeItsFirstCommit(Path file, boolean withWal) throws Exception {
        Path made = file.resolveSibling("making-" + file.getFileName());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + made);
                var st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA cache_size = 1"); // the transaction spills frames to the -wal
            c.setAutoCommit(false);
            st.execute("CREATE TABLE t (x)");
            st.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                    + "WHERE i < 2000) INSERT INTO t SELECT randomblob(500) FROM n");
            Files.copy(made, file); // as the kill finds it
            if (withWal) {
                Files.copy(side(made, "-wal"), side(file, "-wal"));
                assertThat(Files.size(side(file, "-wal"))).isPositive();
            }
            c.rollback();
        }
        Files.delete(made);
    }

    /**
     * The bug: a temporary crawl killed before its first commit (its first ~30 ms) left a file
     * that holds nothing and has no lock row to say whose it was, and it stayed for ever. Its
     * name now says which process made it, and once that one is gone the file goes, whether
     * empty or a database with nothing committed, with or without its -wal.
     */
    @Test
    void aTemporaryCrawlKilledBeforeItsFirstCommitIsRemovedOnceItsMakerIsGone()
            throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        OwnerLock dead = new OwnerLock(gone.pid(), 1L, host(), 0);
        Path empty = Files.createFile(named(TemporaryCrawls.PREFIX, dead, "1.webprobe"));
        Path headerOnly = named(TemporaryCrawls.PREFIX, dead, "2.webprobe");
        killedBeforeItsFirstCommit(headerOnly, false);
        Path withWal = named(TemporaryCrawls.PREFIX, dead, "3.webprobe");
        killedBeforeItsFirstCommit(withWal, true);
        // being made by a running Webprobe (this one), another machine's, and one made by an
        // older Webprobe whose name does not say whose it is: left alone
        Path beingMade = Files.createFile(named(TemporaryCrawls.PREFIX,
                OwnerLock.self(Instant.now()), "4.webprobe"));
        Path elsewhere = Files.createFile(named(TemporaryCrawls.PREFIX,
                new OwnerLock(gone.pid(), 1L, "another-host", 0), "5.webprobe"));
        Path older = Files.createFile(tmp.resolve("webprobe-crawl-6.webprobe"));
        // a crawl kept on purpose whose rename failed: closed under its temporary name
        Path kept = named(TemporaryCrawls.PREFIX, dead, "7.webprobe");
        try (CrawlStore store = CrawlStore.create(kept, plan())) {
            store.sink().state(CrawlState.FINISHED, Duration.ofSeconds(1));
        }
        // not a crawl at all
        Path notACrawl = Files.writeString(named(TemporaryCrawls.PREFIX, dead, "8.webprobe"),
                "x");

        try (CrawlStore store = CrawlStore.createTemporary(plan(), tmp)) {
            assertThat(store.file().getFileName().toString()).startsWith(
                    TemporaryCrawls.PREFIX + OwnerLock.self(Instant.now()).nameTag() + "-");
            assertThat(files()).filteredOn(f -> !f.toString().endsWith("-wal")
                    && !f.toString().endsWith("-shm")).containsExactlyInAnyOrder(
                            store.file(), beingMade, elsewhere, older, kept, notACrawl);
        }
        assertThat(files()).containsExactlyInAnyOrder(beingMade, elsewhere, older, kept,
                notACrawl); // nothing made beside those read, and none of the dead's sides
        try (CrawlStore read = CrawlStore.open(kept, CrawlStore.Access.READ_ONLY)) {
            assertThat(read.info().state()).isEqualTo(CrawlState.FINISHED);
        }
        assertThat(empty).doesNotExist();
        assertThat(headerOnly).doesNotExist();
        assertThat(withWal).doesNotExist();
    }

    /**
     * The folders in which a crawl file is read from a copy ({@link ReadSource}: a file in a
     * folder this user cannot write) are left by a kill, and by Ctrl-C during export or
     * compare; the next temporary crawl or read copy removes those whose process is gone.
     */
    @Test
    void readCopiesLeftByAKillAreRemovedOnceTheirMakerIsGone() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        OwnerLock dead = new OwnerLock(gone.pid(), 1L, host(), 0);
        Path left = Files.createDirectory(named(TemporaryCrawls.READ_PREFIX, dead, "1"));
        for (String f : List.of("site.webprobe", "site.webprobe-wal", "site.webprobe-shm")) {
            Files.write(left.resolve(f), new byte[] {1, 2, 3});
        }
        Path reading = Files.createDirectory(named(TemporaryCrawls.READ_PREFIX,
                OwnerLock.self(Instant.now()), "2"));
        Files.write(reading.resolve("site.webprobe"), new byte[] {1});
        Path elsewhere = Files.createDirectory(named(TemporaryCrawls.READ_PREFIX,
                new OwnerLock(gone.pid(), 1L, "another-host", 0), "3"));
        Path older = Files.createDirectory(tmp.resolve("webprobe-read-4"));
        Path aFile = Files.writeString(named(TemporaryCrawls.READ_PREFIX, dead, "5"), "x");
        // a link named as a dead process's copy is not followed into the folder it names
        Path target = Files.createDirectory(tmp.resolve("mine"));
        Files.writeString(target.resolve("notes.txt"), "keep");
        Path link = Files.createSymbolicLink(named(TemporaryCrawls.READ_PREFIX, dead, "6"),
                target);

        try (CrawlStore store = CrawlStore.createTemporary(plan(), tmp)) {
            assertThat(files()).filteredOn(f -> !f.toString().endsWith("-wal")
                    && !f.toString().endsWith("-shm")).containsExactlyInAnyOrder(
                            store.file(), reading, elsewhere, older, aFile, target, link);
        }
        assertThat(reading.resolve("site.webprobe")).exists();
        assertThat(target.resolve("notes.txt")).hasContent("keep");
        assertThat(left).doesNotExist();
    }
}
