package io.webprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsSecondsUnitsAndSums() {
        assertThat(converter.convert("15")).isEqualTo(Duration.ofSeconds(15));
        assertThat(converter.convert("1.5")).isEqualTo(Duration.ofMillis(1500));
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(converter.convert("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(converter.convert("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(converter.convert("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("1h 2m 3s")).isEqualTo(Duration.ofSeconds(3723));
    }

    @Test
    void refusesWhatIsNotADurationOrIsAbsurdlyLong() {
        for (String bad : new String[] {"", "abc", "-5s", "1m30", "10 20", "5 x", "1.s"}) {
            assertThatThrownBy(() -> converter.convert(bad), bad)
                    .isInstanceOf(TypeConversionException.class)
                    .hasMessageContaining("is not a duration");
        }
        // the forms it names are those it reads, days included (README names them too)
        assertThatThrownBy(() -> converter.convert("1x")).hasMessage("'1x' is not a duration; "
                + "use seconds (15) or units (500ms, 10s, 2m, 1h, 1d, 1m30s)");
        assertThatThrownBy(() -> converter.convert("99999999999s"))
                .hasMessage("'99999999999s' is longer than the 365 days Webprobe takes");
        assertThatThrownBy(() -> converter.convert("0s")).hasMessage("'0s' must be at least 1 ms (0.001 s)");
        assertThat(new DurationConverter.OrZero().convert("0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void aLatencyReadsAPlainNumberAsMillisecondsAndTheSameUnits() {
        DurationConverter.Millis latency = new DurationConverter.Millis();
        assertThat(latency.convert("50")).isEqualTo(Duration.ofMillis(50));
        assertThat(latency.convert("50ms")).isEqualTo(Duration.ofMillis(50));
        assertThat(latency.convert("0.5s")).isEqualTo(Duration.ofMillis(500));
        assertThat(latency.convert("0.25")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(latency.convert("1s500ms")).isEqualTo(Duration.ofMillis(1500));
        assertThat(latency.convert("0")).isEqualTo(Duration.ZERO); // the option refuses it
        assertThatThrownBy(() -> latency.convert("50us")).hasMessage("'50us' is not a duration; "
                + "use milliseconds (50) or units (50ms, 1.5s)");
    }
}
