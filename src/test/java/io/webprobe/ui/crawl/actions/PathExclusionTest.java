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
            """)
    void leavesOutTheFolderOfAUrlOrARootPage(String url, String path, String matches,
            String doesNot) {
        PathExclusion ex = PathExclusion.of(url).orElseThrow();
        assertThat(ex.path()).isEqualTo(path);
        assertThat(ex.pattern().matcher(matches).find()).isTrue();
        assertThat(ex.pattern().matcher(doesNot).find()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"http://h/", "http://h"})
    void theStartPageHasNoPathToLeaveOut(String url) {
        assertThat(PathExclusion.of(url)).isEmpty();
    }
}
