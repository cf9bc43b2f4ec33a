package io.webprobe.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountAxisTest {
    @Test
    void onlyWholeCountsAreLabelled() {
        assertThat(CountAxis.LABELS.toString(0.0)).isEqualTo("0");
        assertThat(CountAxis.LABELS.toString(0.5)).isEmpty();
        assertThat(CountAxis.LABELS.toString(1.0)).isEqualTo("1");
        assertThat(CountAxis.LABELS.toString(1500)).isEqualTo("1,500");
        assertThat(CountAxis.LABELS.fromString("1,500")).isEqualTo(1500L);
    }
}
