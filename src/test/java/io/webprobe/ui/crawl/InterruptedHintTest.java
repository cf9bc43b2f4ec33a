package io.webprobe.ui.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.store.CrawlStore;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bug: after Webprobe was killed mid-crawl and started again, the window opened empty,
 * with no word of the interrupted crawl; only File › Recent crawls led to it.
 */
class InterruptedHintTest {
    @TempDir
    Path dir;

    /** A crawl file as a killed process leaves it: running, its owner gone. */
    private Path killedCrawl(String name) throws Exception {
        Path file = dir.resolve(name);
        try (CrawlStore store = CrawlStore.create(file,
                CrawlPlan.of(URI.create("http://127.0.0.1:1/"), "t"))) {
            store.sink().flush().get();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                PreparedStatement st = c.prepareStatement(
                        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")) {
            st.setString(1, "state");
            st.setString(2, "running");
            st.executeUpdate();
            st.setString(1, "lock"); // another machine's process, silent for decades
            st.setString(2, "4242;0;0;another-host");
            st.executeUpdate();
        }
        return file;
    }

    @Test
    void theLastCrawlInterruptedIsSaidOnceTheWindowOpensAndOpensWithItsResumeOffer()
            throws Exception {
        Path killed = killedCrawl("killed.webprobe");
        assertThat(CrawlStore.interrupted(killed)).isTrue();

        try (VmHarness h = new VmHarness(dir)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> h.on(() ->
                    h.vm.interruptedHintProperty().get()).contains("killed.webprobe"));

            VmHarness.done(h.on(h.vm::openInterrupted));

            assertThat(h.on(() -> h.vm.interruptedHintProperty().get())).isEmpty();
            assertThat(h.on(() -> h.vm.resumeOfferProperty().get()))
                    .isEqualTo("This crawl was interrupted before it finished.");
        }
    }

    @Test
    void aCrawlThatEndedIsNotInterruptedAndNotSaid() throws Exception {
        Path ended = dir.resolve("ended.webprobe");
        try (CrawlStore store = CrawlStore.create(ended,
                CrawlPlan.of(URI.create("http://127.0.0.1:1/"), "t"))) {
            store.sink().state(io.webprobe.crawl.CrawlState.FINISHED, Duration.ofSeconds(3));
            store.sink().flush().get();
        }
        assertThat(CrawlStore.interrupted(ended)).isFalse();
        assertThat(CrawlStore.interrupted(dir.resolve("none.webprobe"))).isFalse();

        try (VmHarness h = new VmHarness(dir)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> h.on(() ->
                    h.vm.recentCrawls().files().size()) == 1);
            h.awaitSettled();
            assertThat(h.on(() -> h.vm.interruptedHintProperty().get())).isEmpty();
        }
    }
}
