package io.webprobe;

import java.util.Locale;

/** Counts as people write them, for every sentence the app shows (window, command line). */
public final class Words {
    private Words() {}

    /**
     * A count and its noun, grouped by thousands: "1 URL", "0 URLs", "1,234 broken links". The
     * noun is given in the singular and takes an "s" for any count but one.
     */
    public static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /**
     * A timeout in seconds, as the options and settings give it, to the millisecond and without
     * trailing zeros: "15 s", "2 s", "0.5 s", "2.5 s". The one form every message uses.
     */
    public static String timeout(java.time.Duration d) {
        return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros()
                .toPlainString() + " s";
    }

    /** A count with its own plural: "1 request was", "2 requests were". */
    public static String count(long n, String singular, String plural) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? singular : plural);
    }

    /**
     * A stored plain message set inside a line: "The server says…" as "the server says…",
     * without its final period (an acronym's capital is kept: "HTTP/2 …"). The one form a
     * reason takes inside a line of the command line and in compare's values.
     */
    public static String inLine(String message) {
        String m = message.strip();
        if (m.endsWith(".")) {
            m = m.substring(0, m.length() - 1);
        }
        return m.length() > 1 && Character.isUpperCase(m.charAt(0))
                && !Character.isUpperCase(m.charAt(1))
                ? Character.toLowerCase(m.charAt(0)) + m.substring(1) : m;
    }

    /**
     * A value alone in a cell of the window, as its tables start one: {@link #inLine}'s words
     * with their first letter in upper case ("malformed email address: no @ in x.com" as
     * "Malformed email address: no @ in x.com", "link removed" as "Link removed"); a value
     * that starts with no letter ("404") stays as it is.
     */
    public static String inCell(String value) {
        return value.isEmpty() || !Character.isLowerCase(value.charAt(0)) ? value
                : Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }
}
