package io.webprobe.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlScope;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The settings a compare names as different: only those that change what a crawl reaches. */
class ComparePairTest {
    private static CrawlPlan excluding(String... patterns) {
        return CrawlPlan.of(URI.create("http://127.0.0.1:1/"), "t").withScope(CrawlScope.DEFAULT
                .withExclude(java.util.Arrays.stream(patterns).map(Pattern::compile).toList()));
    }

    @Test
    void patternsInAnotherOrderAreNoDifference() {
        assertThat(ComparePair.differences(excluding("/a/", "/b/"), excluding("/b/", "/a/")))
                .isEmpty();
    }

    @Test
    void aPatternOnOneSideIsNamedWithItsSide() {
        assertThat(ComparePair.differences(excluding("/a/"), excluding("/a/", "/private/")))
                .containsExactly("exclude patterns: /private/ in the newer crawl only");
        assertThat(ComparePair.differences(excluding("/old/"), excluding()))
                .containsExactly("exclude patterns: /old/ in the older crawl only");
        assertThat(ComparePair.differences(excluding(), excluding()))
                .isEqualTo(List.of());
    }
}
