package io.webprobe.ui.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.ui.common.UiState;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * The Crawl tab's input read into a plan. Found by a tester: a start URL typed with a stray
 * "%" ({@code /100%.html}) was planned as its URI, {@code /100%25.html}, and asked so (a 404
 * where the page is), shown so and remembered so; it is asked as a browser asks it.
 */
class CrawlInputTest {
    private static final Executor NOW = Runnable::run;
    private static final String TYPED = "http://127.0.0.1:8080/100%.html";

    private final UiState memory = UiState.inMemory();

    @Test
    void aStartUrlTypedWithAStrayPercentIsAskedShownAndRememberedAsTyped() {
        CrawlInput input = new CrawlInput(memory, NOW, NOW);
        input.mode().set(CrawlMode.SPIDER);
        input.url().set(TYPED);

        CrawlInput.Planned planned = input.plan("t").orElseThrow();

        assertThat(planned.plan().startRequestUrls()).containsExactly(TYPED);
        assertThat(planned.what()).isEqualTo("Starting " + TYPED);
        assertThat(input.recentUrls()).containsExactly(TYPED);
        // as the next start reads it back
        assertThat(new CrawlInput(memory, NOW, NOW).recentUrls()).containsExactly(TYPED);
    }

    @Test
    void listUrlsTypedWithAStrayPercentAreAskedAsTyped() {
        CrawlInput input = new CrawlInput(memory, NOW, NOW);
        input.mode().set(CrawlMode.LIST);
        input.list().textProperty().set(TYPED + "\n127.0.0.1:8080/a%zz?q=5%\n");

        CrawlInput.Planned planned = input.plan("t").orElseThrow();

        assertThat(planned.plan().startRequestUrls())
                .isEqualTo(List.of(TYPED, "http://127.0.0.1:8080/a%zz?q=5%"));
    }
}
