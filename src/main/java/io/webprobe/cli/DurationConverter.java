package io.webprobe.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads "15" (seconds), "1.5", "500ms", "10s", "2m", "1h", "1d" or a sum such as "1m30s" as a
 * positive duration of at most {@value #MAX_DAYS} days. {@link Millis} reads the same forms
 * but a plain number as milliseconds, for a latency ({@code --max-p99 50}).
 */
final class DurationConverter implements ITypeConverter<Duration> {
    /** The longest duration taken: longer ones are typing mistakes (and overflow clocks). */
    static final int MAX_DAYS = 365;
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?\\s*");
    /** How a duration too short is told ({@link WebprobeCli} puts the option's name first). */
    static final String AT_LEAST_1_MS = "must be at least 1 ms (0.001 s)";
    private static final String FORMS = "use seconds (15) or units (500ms, 10s, 2m, 1h, 1d, 1m30s)";
    private static final String MILLIS_FORMS = "use milliseconds (50) or units (50ms, 1.5s)";

    /** The same forms, and also 0 (which turns the thing off). */
    static final class OrZero implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return parse(value, true);
        }
    }

    /**
     * The same forms, but a plain number is milliseconds, as a latency is said; kept to the
     * nanosecond (0.5 is half a millisecond), and 0 is let through for the option to refuse.
     */
    static final class Millis implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            double millis = millis(value, "ms", MILLIS_FORMS);
            return Duration.ofNanos(Math.round(millis * 1_000_000));
        }
    }

    @Override
    public Duration convert(String value) {
        return parse(value, false);
    }

    private static Duration parse(String value, boolean zeroAllowed) {
        double millis = millis(value, "s", FORMS);
        if (zeroAllowed && millis == 0) {
            return Duration.ZERO;
        }
        if (millis < 1) {
            throw new TypeConversionException("'" + value + "' " + AT_LEAST_1_MS);
        }
        return Duration.ofMillis(Math.round(millis));
    }

    /**
     * The milliseconds {@code value} says, at most {@value #MAX_DAYS} days.
     *
     * @param bareUnit the unit of a plain number ("s", "ms")
     * @param forms the forms a refused value is told
     */
    private static double millis(String value, String bareUnit, String forms) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        Matcher m = PART.matcher(text);
        double millis = 0;
        int parts = 0;
        int at = 0;
        while (at < text.length() && m.find(at) && m.start() == at) {
            double n = Double.parseDouble(m.group(1));
            String unit = m.group(2);
            if (unit == null && (parts > 0 || m.end() < text.length())) {
                // "1m30" or "30 1m": every part of a sum has a unit
                throw notADuration(value, forms);
            }
            millis += switch (unit == null ? bareUnit : unit) {
                case "ms" -> n;
                case "m" -> n * 60_000;
                case "h" -> n * 3_600_000;
                case "d" -> n * 86_400_000;
                default -> n * 1000;
            };
            parts++;
            at = m.end();
        }
        if (parts == 0 || at < text.length()) {
            throw notADuration(value, forms);
        }
        if (millis > MAX_DAYS * 86_400_000.0) {
            throw new TypeConversionException("'" + value + "' is longer than the " + MAX_DAYS
                    + " days Webprobe takes");
        }
        return millis;
    }

    private static TypeConversionException notADuration(String value, String forms) {
        return new TypeConversionException("'" + value + "' is not a duration; " + forms);
    }
}
