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
}
