package io.webprobe.ui.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How every number setting of the app (the Crawl tab's settings form and the number boxes of
 * the Crawl and Ping tabs) reads the text typed in it, so "10,000" means ten thousand
 * wherever the app writes it that way.
 *
 * <p>The rule: spaces (also no-break and thin ones), underscores and apostrophes ("10 000",
 * "10'000", "10’000") group digits and are dropped; so are commas that group digits in threes
 * ("10,000", "1,000,000.5"; "1,5" and "10,00" are not grouped, and not read). The point is
 * the decimal point ("0.5"). The locale's own grouping character is read as grouping too: a
 * locale that groups with a point ("10.000" in German) has it read so in a whole number, where
 * a point can mean nothing else. No signs other than a leading + or -, no exponents.
 */
public final class NumberText {
    /** Spaces of any width, underscores, apostrophes: dropped wherever they are. */
    private static final Pattern SPACING = Pattern.compile("[\\s\u00a0\u2007\u2009\u202f_'\u2019]");
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    /** Digits grouped in threes by a comma, an optional fraction after the point. */
    private static final Pattern COMMA_GROUPED =
            Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");
    /** Digits grouped in threes by a point, as a German locale writes a whole number. */
    private static final Pattern POINT_GROUPED = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3})+");

    private NumberText() {}

    /** The whole number typed, in the user's locale; empty when the text is not one. */
    public static Optional<BigInteger> whole(String text) {
        return whole(text, Locale.getDefault(Locale.Category.FORMAT));
    }

    /** The whole number typed, read in {@code locale}; empty when the text is not one. */
    public static Optional<BigInteger> whole(String text, Locale locale) {
        String s = ungrouped(text, locale);
        if (s == null) {
            return Optional.empty();
        }
        if (grouping(locale) == '.' && POINT_GROUPED.matcher(s).matches()) {
            s = s.replace(".", "");
        }
        return WHOLE.matcher(s).matches() ? Optional.of(new BigInteger(s)) : Optional.empty();
    }

    /** The number typed ("0.5", "1,000.5"), in the user's locale; empty when it is not one. */
    public static Optional<BigDecimal> decimal(String text) {
        return decimal(text, Locale.getDefault(Locale.Category.FORMAT));
    }

    /** The number typed, read in {@code locale}; empty when the text is not one. */
    public static Optional<BigDecimal> decimal(String text, Locale locale) {
        String s = ungrouped(text, locale);
        return s != null && DECIMAL.matcher(s).matches() ? Optional.of(new BigDecimal(s))
                : Optional.empty();
    }

    /**
     * The text stripped of its digit grouping (all but a point), or null when it is blank or
     * holds a comma that does not group digits in threes.
     */
    private static String ungrouped(String text, Locale locale) {
        if (text == null) {
            return null;
        }
        String s = SPACING.matcher(text).replaceAll("");
        char own = grouping(locale);
        if (own != '.' && own != ',' && !Character.isDigit(own)) {
            s = s.replace(String.valueOf(own), "");
        }
        if (s.indexOf(',') >= 0) {
            if (!COMMA_GROUPED.matcher(s).matches()) {
                return null;
            }
            s = s.replace(",", "");
        }
        return s.isEmpty() ? null : s;
    }

    private static char grouping(Locale locale) {
        return DecimalFormatSymbols.getInstance(locale).getGroupingSeparator();
    }
}
