package io.webprobe.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads "15" (seconds), "1.5", "500ms", "10s", "2m", "1h", "1d" or a sum such as "1m30s" as a
 * positive duration of at most {@value #MAX_DAYS} days.
 */
final class DurationConverter implements ITypeConverter<Duration> {
    /** The longest duration taken: longer ones are typing mistakes (and overflow clocks). */
    static final int MAX_DAYS = 365;
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?\\s*");
    /** How a duration too short is told ({@link WebprobeCli} puts the option's name first). */
    static final String AT_LEAST_1_MS = "must be at least 1 ms (0.001 s)";
    private static final String FORMS = "use seconds (15) or units (500ms, 10s, 2m, 1h, 1d, 1m30s)";

    /** The same forms, and also 0 (which turns the thing off). */
    static final class OrZero implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return parse(value, true);
        }
    }

    @Override
    public Duration convert(String value) {
        return parse(value, false);
    }

    private static Duration parse(String value, boolean zeroAllowed) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        Matcher m = PART.matcher(text);
        double millis = 0;
        int parts = 0;
        int at = 0;
        while (at < text.length() && m.find(at) && m.start() == at) {
            double n = Double.parseDouble(m.group(1));
            String unit = m.group(2);
            if (unit == null && (parts > 0 || m.end() < text.length())) {
                throw notADuration(value); // "1m30" or "30 1m": every part of a sum has a unit
            }
            millis += switch (unit == null ? "s" : unit) {
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
            throw notADuration(value);
        }
        if (millis > MAX_DAYS * 86_400_000.0) {
            throw new TypeConversionException("'" + value + "' is longer than the " + MAX_DAYS
                    + " days Webprobe takes");
        }
        if (zeroAllowed && millis == 0) {
            return Duration.ZERO;
        }
        if (millis < 1) {
            throw new TypeConversionException("'" + value + "' " + AT_LEAST_1_MS);
        }
        return Duration.ofMillis(Math.round(millis));
    }

    private static TypeConversionException notADuration(String value) {
        return new TypeConversionException("'" + value + "' is not a duration; " + FORMS);
    }
}
