package io.webprobe.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads "15" (seconds), "1.5", "500ms", "10s", "2m" or "1h" as a positive duration. */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

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
        Matcher m = FORM.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException(
                    "'" + value + "' is not a duration; use seconds (15) or a unit (500ms, 10s, 2m)");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> n;
            case "m" -> n * 60_000;
            case "h" -> n * 3_600_000;
            default -> n * 1000;
        };
        if (zeroAllowed && millis == 0) {
            return Duration.ZERO;
        }
        if (millis < 1) {
            throw new TypeConversionException("'" + value + "' must be at least 1 ms");
        }
        return Duration.ofMillis(Math.round(millis));
    }
}
