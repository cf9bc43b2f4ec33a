package io.webprobe.ui.crawl.details;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetTest {
    @Test
    void longTitlesAndDescriptionsAreCutAtAWordWithAnEllipsis() {
        String title = "A title that goes on and on well beyond what a result page shows in one line";
        Snippet s = Snippet.of("http://h/", title, "word ".repeat(50));
        assertThat(s.title()).endsWith("…").hasSizeLessThanOrEqualTo(Snippet.TITLE_CHARS);
        assertThat(title).startsWith(s.title().substring(0, s.title().length() - 1));
        assertThat(s.description()).endsWith("word…")
                .hasSizeLessThanOrEqualTo(Snippet.DESCRIPTION_CHARS);
    }

    @Test
    void aPageWithoutTitleShowsItsUrl() {
        assertThat(Snippet.of("http://h/x", "", "").title()).isEqualTo("http://h/x");
        assertThat(Snippet.of("http://h/x", "Short", "Fine.")).isEqualTo(
                new Snippet("Short", "http://h/x", "Fine."));
    }
}
