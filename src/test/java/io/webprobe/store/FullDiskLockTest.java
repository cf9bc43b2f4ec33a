package io.webprobe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlSink;
import io.webprobe.crawl.CrawlState;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawl file whose disk filled while this process wrote it: closing it ends this process's
 * hold on it even when its lock row cannot be cleared, so the crawl the user was told was kept
 * opens again in the same process, to look at and to resume.
 */
class FullDiskLockTest {
    @TempDir
    Path dir;

    private static final CrawlPlan PLAN =
            CrawlPlan.of(URI.create("http://127.0.0.1:8080/"), "Webprobe/test");

    /** Writes into {@code store} until its page limit makes the writer fail. */
    private static void fill(CrawlStore store) throws Exception {
        CrawlSink sink = store.sink();
        sink.state(CrawlState.RUNNING, Duration.ofSeconds(1));
        for (int i = 0; i < 40 && sink.failure() == null; i++) {
            sink.spill(new byte[64 * 1024]);
            sink.flush().exceptionally(e -> null).get(30, TimeUnit.SECONDS);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sink.failure() != null);
        assertThat(sink.failure()).contains("disk is full");
    }

    /**
     * The bug: the window's crawl filled the disk; its file was closed with its lock row left
     * in it, naming this very process, and opening it again said "open in this Webprobe
     * already" until Webprobe was restarted.
     */
    @Test
    void aFileWhoseDiskFilledOpensAgainInTheSameProcessOnceClosed() throws Exception {
        Path file = dir.resolve("full.webprobe");
        StoreOpener.Options full = new StoreOpener.Options(Clock.systemUTC(), 80);
        try (CrawlStore store = CrawlStore.create(file, PLAN, false, full)) {
            fill(store);
            store.saveStoppedAfterFailure();
        }
        // its writer's connection could not clear the row; one of its own did
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(Sql.meta(c)).doesNotContainKey("lock");
        }

        try (CrawlStore look = CrawlStore.open(file, CrawlStore.Access.READ_ONLY)) {
            assertThat(look.info().state()).isEqualTo(CrawlState.STOPPED);
        }
        try (CrawlStore resumed = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            assertThat(resumed.info().resumable()).isTrue();
            assertThatThrownBy(() -> CrawlStore.open(file, CrawlStore.Access.READ_ONLY))
                    .hasMessage(file + " is open in this Webprobe already; close it there first.");
        }
    }

    /**
     * The bug: a crawl whose disk filled, opened again, said "(stopped, 00:00:00)": the running
     * time it ended with was among the writes lost. The mark of its stop keeps it.
     */
    @Test
    void aCrawlWhoseDiskFilledKeepsTheTimeItRanFor() throws Exception {
        Path file = dir.resolve("timed.webprobe");
        StoreOpener.Options full = new StoreOpener.Options(Clock.systemUTC(), 80);
        Duration ran = Duration.ofMinutes(3).plusSeconds(7);
        try (CrawlStore store = CrawlStore.create(file, PLAN, false, full)) {
            fill(store);
            store.sink().state(CrawlState.STOPPED, ran); // as the crawl's end says it, lost
            assertThat(store.saveStoppedAfterFailure()).isTrue();
        }

        try (CrawlStore look = CrawlStore.open(file, CrawlStore.Access.READ_ONLY)) {
            assertThat(look.info().state()).isEqualTo(CrawlState.STOPPED);
            assertThat(look.info().elapsed()).isEqualTo(ran);
        }
    }

    /**
     * The bug: a crawl whose disk filled was marked stopped but had no end time: its
     * {@code ended_at}, queued as the crawl ended, was among the writes lost. The mark of its
     * stop writes it too, at the time the mark is made.
     */
    @Test
    void aCrawlWhoseDiskFilledKeepsWhenItEnded() throws Exception {
        Path file = dir.resolve("ended.webprobe");
        Instant end = Instant.parse("2026-12-07T16:40:00Z");
        StoreOpener.Options full =
                new StoreOpener.Options(Clock.fixed(end, java.time.ZoneOffset.UTC), 80);
        try (CrawlStore store = CrawlStore.create(file, PLAN, false, full)) {
            fill(store);
            store.sink().state(CrawlState.STOPPED, Duration.ofMinutes(1)); // lost
            assertThat(store.saveStoppedAfterFailure()).isTrue();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(Sql.meta(c)).containsEntry("ended_at", Long.toString(end.toEpochMilli()));
        }

        try (CrawlStore look = CrawlStore.open(file, CrawlStore.Access.READ_ONLY)) {
            assertThat(look.info().state()).isEqualTo(CrawlState.STOPPED);
            assertThat(look.info().endedAt()).isEqualTo(end);
        }
    }

    /**
     * A lock row naming this process on a file it does not hold (its close could not clear
     * it) is a stale lock, as a killed process's is: read and taken over, not refused.
     */
    @Test
    void aLockRowOfThisProcessOnAFileItDoesNotHoldIsStale() throws Exception {
        Path file = dir.resolve("left.webprobe");
        try (CrawlStore store = CrawlStore.create(file, PLAN)) {
            store.sink().state(CrawlState.RUNNING, Duration.ofSeconds(1));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                var ps = c.prepareStatement("INSERT OR REPLACE INTO meta VALUES ('lock', ?)")) {
            ps.setString(1, OwnerLock.self(Instant.now()).encode());
            ps.executeUpdate();
        }

        assertThat(CrawlStore.interrupted(file)).isTrue();
        assertThat(CrawlStore.glance(file).state()).isEqualTo("interrupted");
        try (CrawlStore look = CrawlStore.open(file, CrawlStore.Access.READ_ONLY)) {
            assertThat(look.info().interrupted()).isTrue();
        }
        try (CrawlStore resumed = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            assertThat(resumed.info().resumable()).isTrue();
            assertThatThrownBy(() -> CrawlStore.open(file, CrawlStore.Access.RESUME))
                    .hasMessage(file + " is open in this Webprobe already; close it there first.");
        }
        try (CrawlStore again = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            assertThat(again.writing()).isTrue();
        }
    }
}
