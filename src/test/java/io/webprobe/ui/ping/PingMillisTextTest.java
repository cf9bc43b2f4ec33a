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
        assertThat(PingColumns.millisText(8.074)).isEqualTo("8.07");
        assertThat(PingColumns.millisText(272.764)).isEqualTo("272.76");
        assertThat(PingColumns.millisText(999.99)).isEqualTo("999.99");
        assertThat(PingColumns.millisText(999.996)).isEqualTo("1,000.00");
        assertThat(PingColumns.millisText(2462.4)).isEqualTo("2,462.40");
        assertThat(PingColumns.millisText(11940.37)).isEqualTo("11,940.37");
        assertThat(PingColumns.millisText(600_000)).isEqualTo("600,000.00");
    }

    /** A column that reaches a second: whole milliseconds, no wider than "999.99" to 100 s. */
    @Test
    void wholeMillisecondsWithThousandsSeparators() {
        assertThat(PingColumns.wholeMillisText(23.4)).isEqualTo("23");
        assertThat(PingColumns.wholeMillisText(9.96)).isEqualTo("10");
        assertThat(PingColumns.wholeMillisText(1035.12)).isEqualTo("1,035");
        assertThat(PingColumns.wholeMillisText(99_999.4)).isEqualTo("99,999");
        assertThat(PingColumns.wholeMillisText(600_000)).isEqualTo("600,000");
    }

    /** Under ten milliseconds, two significant digits: a fast URL's p50 read "0". */
    @Test
    void underTenMillisecondsTwoSignificantDigits() {
        assertThat(PingColumns.wholeMillisText(8.44)).isEqualTo("8.4");
        assertThat(PingColumns.wholeMillisText(1.04)).isEqualTo("1.0");
        assertThat(PingColumns.wholeMillisText(0.994)).isEqualTo("0.99");
        assertThat(PingColumns.wholeMillisText(0.4249)).isEqualTo("0.42");
        assertThat(PingColumns.wholeMillisText(0.0995)).isEqualTo("0.10");
        assertThat(PingColumns.wholeMillisText(0.0424)).isEqualTo("0.042");
        assertThat(PingColumns.wholeMillisText(0.0042)).isEqualTo("0.004");
    }

    /**
     * A URL's rate in the table: whole from 1,000 req/s up ("2,045.1" beside HTTP/2's column
     * made the table scroll sideways at 960 px); below, every rate's one decimal or three
     * significant digits. The CSV keeps the tenth.
     */
    @Test
    void aRateFromAThousandUpIsWhole() {
        assertThat(PingColumns.rateText(2045.1)).isEqualTo("2,045");
        assertThat(PingColumns.rateText(999.96)).isEqualTo("1,000");
        assertThat(PingColumns.rateText(999.9)).isEqualTo("999.9");
        assertThat(PingColumns.rateText(20)).isEqualTo("20.0");
        assertThat(PingColumns.rateText(0.0333)).isEqualTo("0.0333");
        assertThat(io.webprobe.ping.PingResult.rateText(2045.1, false)).isEqualTo("2045.1");
    }
}
