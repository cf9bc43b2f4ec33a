package io.webprobe.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountAxisTest {
    @Test
    void onlyWholeCountsAreLabelled() {
        assertThat(CountAxis.LABELS.toString(0.0)).isEqualTo("0");
        assertThat(CountAxis.LABELS.toString(0.5)).isEmpty();
        assertThat(CountAxis.LABELS.toString(1.0)).isEqualTo("1");
        assertThat(CountAxis.LABELS.toString(750)).isEqualTo("750");
        assertThat(CountAxis.LABELS.toString(1000)).isEqualTo("1k");
        assertThat(CountAxis.LABELS.toString(1250)).isEqualTo("1.25k");
        assertThat(CountAxis.LABELS.toString(1500)).isEqualTo("1.5k");
        assertThat(CountAxis.LABELS.toString(30_000)).isEqualTo("30k");
        assertThat(CountAxis.LABELS.toString(2_500_000)).isEqualTo("2.5M");
        assertThat(CountAxis.LABELS.toString(-5_000)).isEqualTo("-5k");
        assertThat(CountAxis.LABELS.fromString("1.5k")).isEqualTo(1500L);
        assertThat(CountAxis.LABELS.fromString("2.5M")).isEqualTo(2_500_000L);
        assertThat(CountAxis.LABELS.fromString("1,500")).isEqualTo(1500L);
        assertThat(CountAxis.nextUnit(1_000)).isEqualTo(2_500);
        assertThat(CountAxis.nextUnit(2_500)).isEqualTo(5_000);
        assertThat(CountAxis.nextUnit(5_000)).isEqualTo(10_000);
        assertThat(CountAxis.nextUnit(1)).isEqualTo(2);
        assertThat(CountAxis.nextUnit(2)).isEqualTo(5);
        assertThat(CountAxis.nextUnit(5)).isEqualTo(10);
        assertThat(CountAxis.nextUnit(10)).isEqualTo(25);
    }
}
