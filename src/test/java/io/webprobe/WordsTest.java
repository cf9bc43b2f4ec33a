package io.webprobe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {
    @Test
    void aCountOfOneTakesTheSingular() {
        assertThat(Words.count(1, "broken URL")).isEqualTo("1 broken URL");
        assertThat(Words.count(0, "URL")).isEqualTo("0 URLs");
        assertThat(Words.count(1234, "broken link")).isEqualTo("1,234 broken links");
    }
}
