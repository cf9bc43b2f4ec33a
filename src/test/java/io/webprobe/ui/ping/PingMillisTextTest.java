package io.webprobe.ui.ping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The Ping table's latencies: "1194..." was all a cell showed of 11940.37 ms (the column now
 * widens to it); and a column read "272.76" over "2,462": one format down a column.
 */
class PingMillisTextTest {
    @Test
    void twoDecimalsAndThousandsSeparatorsAtEverySize() {
        assertThat(PingView.millisText(8.074)).isEqualTo("8.07");
        assertThat(PingView.millisText(272.764)).isEqualTo("272.76");
        assertThat(PingView.millisText(999.99)).isEqualTo("999.99");
        assertThat(PingView.millisText(999.996)).isEqualTo("1,000.00");
        assertThat(PingView.millisText(2462.4)).isEqualTo("2,462.40");
        assertThat(PingView.millisText(11940.37)).isEqualTo("11,940.37");
        assertThat(PingView.millisText(600_000)).isEqualTo("600,000.00");
    }
}
