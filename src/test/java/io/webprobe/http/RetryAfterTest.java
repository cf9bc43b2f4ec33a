package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Retry-After (RFC 9110 10.2.3): delay-seconds and the three HTTP-date forms of 5.6.7. */
class RetryAfterTest {
    /** A fixed "now": 6 Nov 1994 08:49:00 UTC, 37 s before the RFC's example date. */
    private static final Instant NOW = Instant.parse("1994-11-06T08:49:00Z");

    static Stream<Arguments> readable() {
        return Stream.of(
                // delay-seconds
                Arguments.of("120", Duration.ofSeconds(120)),
                Arguments.of("0", Duration.ZERO),
                Arguments.of(" 5 ", Duration.ofSeconds(5)),
                Arguments.of("007", Duration.ofSeconds(7)),
                // IMF-fixdate, the preferred form: 37 s after NOW
                Arguments.of("Sun, 06 Nov 1994 08:49:37 GMT", Duration.ofSeconds(37)),
                Arguments.of("Sun, 06 Nov 1994 10:49:00 GMT", Duration.ofHours(2)),
                // a date in the past means "now"
                Arguments.of("Sun, 06 Nov 1994 08:48:00 GMT", Duration.ZERO),
                Arguments.of("Thu, 01 Jan 1970 00:00:00 GMT", Duration.ZERO),
                // obsolete asctime form: a one-digit day is padded with a space...
                Arguments.of("Sun Nov  6 08:49:37 1994", Duration.ofSeconds(37)),
                // ...a two-digit day is not
                Arguments.of("Wed Nov 16 08:49:00 1994", Duration.ofDays(10)),
                // asctime in the past
                Arguments.of("Sat Nov  5 08:49:37 1994", Duration.ZERO));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @MethodSource("readable")
    void readsSecondsAndEveryDateForm(String header, Duration expected) {
        assertThat(RetryAfter.parse(header, NOW)).isEqualTo(expected);
    }

    @Test
    void readsTheObsoleteRfc850Form() {
        // two-digit year; the day name is written out in full
        assertThat(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", NOW))
                .isEqualTo(Duration.ofSeconds(37));
        assertThat(RetryAfter.parse("Saturday, 05-Nov-94 08:49:37 GMT", NOW))
                .isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest(name = "\"{0}\" -> null")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "soon", "-5", "1.5", "+5", "5s", "0x10", "120 120",
        "Sun, 06 Nov 1994 25:49:37 GMT", "Sun, 32 Nov 1994 08:49:37 GMT", "06 Nov 1994"})
    void unreadableValuesAreNull(String header) {
        assertThat(RetryAfter.parse(header, NOW)).isNull();
    }

    @Test
    void aHugeNumberDoesNotThrowAndIsVeryLong() {
        for (String huge : new String[] {"9223372036854775807", "99999999999999999999999999"}) {
            assertThatCode(() -> RetryAfter.parse(huge, NOW)).doesNotThrowAnyException();
            Duration d = RetryAfter.parse(huge, NOW);
            assertThat(d).as(huge).isNotNull().isGreaterThan(Duration.ofDays(365 * 100));
        }
    }
}
