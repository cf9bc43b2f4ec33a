package io.webprobe.ui.ping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Ping table's latencies: "1194..." was all a cell showed of 11940.37 ms. */
class PingMillisTextTest {
    @Test
    void underASecondTwoDecimalsFromASecondWholeWithSeparators() {
        assertThat(PingView.millisText(8.074)).isEqualTo("8.07");
        assertThat(PingView.millisText(999.99)).isEqualTo("999.99");
        assertThat(PingView.millisText(999.996)).isEqualTo("1,000");
        assertThat(PingView.millisText(11940.37)).isEqualTo("11,940");
        assertThat(PingView.millisText(600_000)).isEqualTo("600,000");
    }
}
