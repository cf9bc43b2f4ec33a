package io.webprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShellWordsTest {
    @Test
    void plainWordsStayAsTheyAreAndOthersAreQuotedForAPosixShell() {
        assertThat(ShellWords.quote("/tmp/webprobe-crawl-12.webprobe"))
                .isEqualTo("/tmp/webprobe-crawl-12.webprobe");
        assertThat(ShellWords.quote("C:/Users/Ann Lee/AppData/x.csv"))
                .isEqualTo("'C:/Users/Ann Lee/AppData/x.csv'");
        assertThat(ShellWords.quote("it's $HOME")).isEqualTo("'it'\\''s $HOME'");
        assertThat(ShellWords.quote("")).isEqualTo("''");
    }
}
