package io.webprobe.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlPlan;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bug (ADR 0037's consequence): a process killed while it made a kept crawl file left its
 * hidden {@code .NAME.PID_START_HOST.new} in the folder for ever. The next crawl that makes a
 * file in that folder removes it (and its -wal and -shm) once its maker is gone; never while
 * it runs, nor another machine's, nor a name that does not say whose it is.
 */
class UnnamedLeftoversTest {
    @TempDir
    Path dir;

    private static CrawlPlan plan() {
        return CrawlPlan.of(URI.create("http://127.0.0.1:9/"), "test");
    }

    private static OwnerLock ownerOf(Process p, String host) {
        long started = p.toHandle().info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return new OwnerLock(p.pid(), started, host, 0);
    }

    private Path unnamed(String name, OwnerLock maker) throws Exception {
        // as a kill right after the store made it: empty
        return Files.writeString(dir.resolve("." + name + "." + maker.nameTag() + ".new"), "");
    }

    private static Path side(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    @Test
    void aKeptCrawlRemovesTheHiddenFilesOfMakersKilledMidwayAndNoOther() throws Exception {
        String host = OwnerLock.self(Instant.now()).host();
        Process killed = new ProcessBuilder("sleep", "600").start();
        Process running = new ProcessBuilder("sleep", "600").start();
        try {
            Path left = unnamed("site.webprobe", ownerOf(killed, host));
            Files.writeString(side(left, "-wal"), "w");
            Files.writeString(side(left, "-shm"), "s");
            Path leftDb = unnamed("other.db", ownerOf(killed, host)); // any --db name
            Path stillMaking = unnamed("busy.webprobe", ownerOf(running, host));
            Path elsewhere = unnamed("far.webprobe", ownerOf(killed, "another-host"));
            Path untagged = Files.writeString(dir.resolve(".mine.webprobe.notes.new"), "x");
            // named as a store names its file, but text: not a file a store made
            Path text = Files.writeString(dir.resolve(".notes." + ownerOf(killed, host)
                    .nameTag() + ".new"), "my notes");

            try (CrawlStore first = CrawlStore.create(dir.resolve("a.webprobe"), plan())) {
                // its maker still runs: left alone
                assertThat(left).exists();
                assertThat(side(left, "-wal")).exists();
            }
            killed.destroyForcibly();
            killed.waitFor();

            try (CrawlStore second = CrawlStore.create(dir.resolve("b.webprobe"), plan())) {
                assertThat(second.file()).exists();
            }
            assertThat(left).doesNotExist();
            assertThat(side(left, "-wal")).doesNotExist();
            assertThat(side(left, "-shm")).doesNotExist();
            assertThat(leftDb).doesNotExist();
            assertThat(stillMaking).exists();
            assertThat(elsewhere).exists();
            assertThat(untagged).exists();
            assertThat(text).hasContent("my notes");
            try (var files = Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString())
                        .filter(n -> n.endsWith(".new"))).hasSize(4);
            }
        } finally {
            killed.destroyForcibly();
            running.destroyForcibly();
        }
    }
}
