package io.webprobe.ui.crawl.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.UrlFilter;
import io.webprobe.testsupport.FxQueueByHand;
import io.webprobe.ui.crawl.broken.BrokenLinksModel;
import io.webprobe.ui.crawl.session.ReaderLane;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The bug: opening a crawl of 30,000 URLs showed 0 in every overview count and "Broken links
 * (0)" for the ten seconds the counting took. Until the counts are in they read "…".
 */
class OverviewModelTest {
    /** Results wait there until the test runs them. */
    private final FxQueueByHand fx = new FxQueueByHand();


    @Test
    void countsReadAsUnknownNotZeroUntilTheFileHasBeenCounted() throws Exception {
        CrawlPlan plan = CrawlPlan.of(URI.create("http://127.0.0.1:1/"), "t");
        try (CrawlStore store = CrawlStore.createTemporary(plan);
                ReaderLane lane = new ReaderLane(store, "test-stats-", fx::post)) {
            OverviewModel overview = new OverviewModel(System::nanoTime);
            BrokenLinksModel broken = new BrokenLinksModel(System::nanoTime);
            // no crawl yet (the window just opened): nothing to count, nothing being counted
            assertThat(overview.entries()).allSatisfy(e ->
                    assertThat(e.textProperty().get()).isEqualTo("0"));
            overview.attach(lane, false);
            broken.attach(lane);

            OverviewEntry html = overview.entries().get(UrlFilter.HTML.ordinal());
            assertThat(html.textProperty().get()).isEqualTo("…");
            assertThat(overview.entries()).allSatisfy(e ->
                    assertThat(e.textProperty().get()).isEqualTo(OverviewEntry.UNKNOWN));
            assertThat(broken.titleProperty().get()).isEqualTo("Broken links (…)");

            // the test's thread is the FX thread: it runs what the lane posts until all is read
            fx.settle(() -> !overview.countingProperty().get()
                    && !broken.readingProperty().get());
            assertThat(html.textProperty().get()).isEqualTo("0");
            assertThat(broken.titleProperty().get()).isEqualTo("Broken links (0)");

            overview.attach(null, false); // no crawl: nothing to work out
            assertThat(html.textProperty().get()).isEqualTo("0");
        }
    }
}
