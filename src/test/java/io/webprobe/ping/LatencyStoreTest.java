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
}
