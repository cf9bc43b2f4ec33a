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

    @Test
    void aTimeoutReadsInWholeSecondsOrInMilliseconds() {
        assertThat(Words.timeout(java.time.Duration.ofSeconds(15))).isEqualTo("15 s");
        assertThat(Words.timeout(java.time.Duration.ofMillis(2500))).isEqualTo("2500 ms");
        assertThat(Words.timeout(java.time.Duration.ofMillis(300))).isEqualTo("300 ms");
    }
}
