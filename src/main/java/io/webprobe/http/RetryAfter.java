package io.webprobe.http;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Reads a {@code Retry-After} header (RFC 9110 10.2.3): a number of seconds, or an HTTP date in
 * any of the three forms RFC 9110 5.6.7 asks recipients to accept. Stateless.
 */
public final class RetryAfter {
    /** "Sunday, 06-Nov-94 08:49:37 GMT" (RFC 850, obsolete). */
    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("EEEE, dd-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.US);
    /** "Sun Nov  6 08:49:37 1994" (C asctime). */
    private static final DateTimeFormatter ASCTIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("EEE MMM")
            .appendLiteral(' ')
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("d HH:mm:ss yyyy")
            .toFormatter(Locale.US);

    private RetryAfter() {}

    /**
     * How long the server asks us to wait, measured from {@code now}; zero for a date in the
     * past; null when the value is absent or unreadable.
     */
    public static Duration parse(String value, Instant now) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (v.isEmpty()) {
            return null;
        }
        if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L); // absurdly long
            }
        }
        Instant at = date(v);
        if (at == null) {
            return null;
        }
        Duration d = Duration.between(now, at);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static Instant date(String v) {
        try {
            return DateTimeFormatter.RFC_1123_DATE_TIME.parse(v, Instant::from);
        } catch (DateTimeParseException e) {
            // try the obsolete forms
        }
        for (DateTimeFormatter f : new DateTimeFormatter[] {RFC_850, ASCTIME}) {
            try {
                return LocalDateTime.parse(v, f).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        return null;
    }
}
