package io.webprobe.ui.crawl.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.ui.common.UiState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File › Recent crawls' listing, its threads run by hand.
 */
class RecentCrawlsTest {
    @TempDir
    Path folder;

    /**
     * The bug: a listing that ended after its window closed (it reads each file now, so it
     * takes longer) was handed to the interrupted-crawl hint, which started work on the
     * window's stopped background threads: a RejectedExecutionException on the FX thread.
     */
    @Test
    void aListingThatEndsAfterTheWindowClosedIsDropped() throws Exception {
        Files.writeString(folder.resolve("a.webprobe"), "not a crawl");
        Queue<Runnable> background = new ArrayDeque<>();
        Queue<Runnable> fx = new ArrayDeque<>();
        RecentCrawls recent = new RecentCrawls(UiState.inMemory(), folder, background::add,
                fx::add);
        recent.refresh();
        recent.close();
        background.remove().run();
        while (!fx.isEmpty()) {
            fx.remove().run();
        }
        assertThat(recent.files()).isEmpty();

        RecentCrawls open = new RecentCrawls(UiState.inMemory(), folder, background::add,
                fx::add);
        open.refresh();
        background.remove().run();
        fx.remove().run();
        assertThat(open.files()).containsExactly(folder.resolve("a.webprobe").toAbsolutePath());
        assertThat(open.about(open.files().get(0))).as("not a crawl: nothing to say").isEmpty();
    }

    /**
     * Two listings asked for in turn (a crawl's start and its end) whose first ends last: the
     * newer one stays shown (the older listing lacked the newest file).
     */
    @Test
    void anOlderListingThatEndsLastIsNotShown() throws Exception {
        Queue<Runnable> background = new ArrayDeque<>();
        Queue<Runnable> fx = new ArrayDeque<>();
        RecentCrawls recent = new RecentCrawls(UiState.inMemory(), folder, background::add,
                fx::add);
        recent.refresh(); // before the crawl's file exists
        background.remove().run();
        Runnable older = fx.remove();
        Path made = Files.writeString(folder.resolve("b.webprobe"), "not a crawl");
        recent.refresh();
        background.remove().run();
        fx.remove().run(); // the newer listing is handed over first
        older.run();
        assertThat(recent.files()).containsExactly(made.toAbsolutePath());
    }
}
