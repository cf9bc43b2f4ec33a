package io.webprobe.ui.crawl.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlState;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.TestLocks;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrawlFileOpenerTest {
    @TempDir
    Path dir;

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
