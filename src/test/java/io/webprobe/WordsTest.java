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
    void aTimeoutReadsInSecondsWhateverItsLength() {
        assertThat(Words.timeout(java.time.Duration.ofSeconds(15))).isEqualTo("15 s");
        assertThat(Words.timeout(java.time.Duration.ofMillis(2500))).isEqualTo("2.5 s");
        assertThat(Words.timeout(java.time.Duration.ofMillis(300))).isEqualTo("0.3 s");
        assertThat(Words.timeout(java.time.Duration.ofMillis(1))).isEqualTo("0.001 s");
        assertThat(Words.timeout(java.time.Duration.ofMinutes(2))).isEqualTo("120 s");
    }

    @Test
    void aValueInACellStartsWithACapitalAndInALineWithout() {
        String reason = "Malformed email address: no @ in x.com.";
        assertThat(Words.inLine(reason)).isEqualTo("malformed email address: no @ in x.com");
        assertThat(Words.inCell(Words.inLine(reason)))
                .isEqualTo("Malformed email address: no @ in x.com");
        assertThat(Words.inCell("404")).isEqualTo("404");
        assertThat(Words.inCell("")).isEmpty();
    }
}
