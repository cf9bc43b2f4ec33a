package io.webprobe.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Mean and standard deviation are exact, kept as values arrive, before and after the histogram. */
class LatencyStoreTest {

    @ParameterizedTest(name = "{0} values")
    @ValueSource(ints = {1, 2, 255, 256, 257, 100_000})
    void meanAndDeviationAreThoseOfTheValuesRecorded(int count) {
        LatencyStore s = new LatencyStore();
        double sum = 0;
        for (int i = 0; i < count; i++) {
            long v = 1_000 + (i * 7919L) % 123_457; // spread over two decades, not sorted
            s.record(v);
            sum += v;
        }
        double mean = sum / count;
        double squares = 0;
        for (int i = 0; i < count; i++) {
            double d = 1_000 + (i * 7919L) % 123_457 - mean;
            squares += d * d;
        }

        assertThat(s.count()).isEqualTo(count);
        assertThat(s.mean()).isCloseTo(mean, within(1e-6 * mean));
        assertThat(s.stdDeviation()).isCloseTo(Math.sqrt(squares / count), within(1e-6 * mean));
    }

    @Test
    void valuesBelowOneMicrosecondCountAsOne() {
        LatencyStore s = new LatencyStore();
        s.record(0);
        s.record(3);

        assertThat(s.mean()).isEqualTo(2.0);
        assertThat(s.stdDeviation()).isEqualTo(1.0);
    }

    @Test
    void nothingRecordedHasNoSpread() {
        assertThat(new LatencyStore().stdDeviation()).isZero();
    }

    /**
     * The bug: past 256 values the min and max were the histogram's bucket ends, so a run's
     * summary said max 1427.455 ms and min 28.224 ms where its --requests-csv held no request
     * over 1426.709 ms nor under 28.233 ms, as hey and oha would say. They are exact now, and
     * no percentile lies outside them.
     */
    @Test
    void minAndMaxAreTheValuesRecordedPastTheHistogramToo() {
        LatencyStore s = new LatencyStore();
        s.record(28_233);
        for (int i = 0; i < 300; i++) {
            s.record(60_000 + i * 37L);
        }
        s.record(1_426_709);

        assertThat(s.count()).isEqualTo(302);
        assertThat(s.min()).isEqualTo(28_233);
        assertThat(s.max()).isEqualTo(1_426_709);
        assertThat(s.percentile(100)).isEqualTo(1_426_709);
        assertThat(s.valueAtRank(302)).isEqualTo(1_426_709);
    }
}
