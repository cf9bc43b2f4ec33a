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
}
