package io.webprobe.ui.crawl.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathExclusionTest {
    @ParameterizedTest
    @CsvSource(textBlock = """
            http://h/blog/2019/post.html,   /blog/2019/,  http://h/blog/2019/other,  http://h/blog/2020/x
            http://h:8080/docs/,            /docs/,       http://h:8080/docs/a,      http://h:8080/doc
            http://h/page.html,             /page.html,   http://h/page.html?x=1,    http://h/x/page.html
            http://h/a%zz/b.html,           /a%25zz/,     http://h/a%25zz/c.html,    http://h/a%2525zz/c
            https://h/v1.2/(x)/y+z/a,       /v1.2/(x)/y+z/, https://h/v1.2/(x)/y+z/b,  https://h/v1x2/(x)/y+z/b
            """)
    void leavesOutTheFolderOfAUrlOrARootPage(String url, String path, String matches,
            String doesNot) {
        PathExclusion ex = PathExclusion.of(url).orElseThrow();
        assertThat(ex.path()).isEqualTo(path);
        assertThat(ex.pattern().matcher(matches).find()).isTrue();
        assertThat(ex.pattern().matcher(doesNot).find()).isFalse();
    }

    /** The pattern is there to be read in Settings › Exclude (it was "\\Q/blog/\\E" after a class). */
    @org.junit.jupiter.api.Test
    void thePatternReadsAsThePathItLeavesOut() {
        assertThat(PathExclusion.of("http://h/section-18/page-3.html").orElseThrow().regex())
                .isEqualTo("^https?://[^/?#]*/section-18/");
        assertThat(PathExclusion.of("http://h/v1.2/a").orElseThrow().regex())
                .isEqualTo("^https?://[^/?#]*/v1\\.2/");
    }

    @ParameterizedTest
    @CsvSource({"http://h/", "http://h"})
    void theStartPageHasNoPathToLeaveOut(String url) {
        assertThat(PathExclusion.of(url)).isEmpty();
    }
}
