package io.webprobe.ui.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/**
 * Every number box of the app (a {@link Spinner} you can type in) is made here, so they all
 * read typed text the same way. Text that is not a number (letters, a blank field) never
 * reaches the value: when the box commits (Enter, leaving it, an arrow, a Start that commits
 * first) it goes back to its last value and shows it, as a spreadsheet cell does. A number
 * beyond the box's range becomes the nearest end of it. JavaFX's own converters throw instead
 * (a {@code ParseException} or {@code NumberFormatException} on the FX thread), or give a null
 * value for a blank field.
 */
public final class Spinners {
    /** A decimal written with a comma for its point: "2,5". */
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d*,\\d+");

    private Spinners() {}

    /** An editable box of whole numbers from {@code min} to {@code max}, stepping by one. */
    public static Spinner<Integer> whole(String id, int min, int max, int value) {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value);
        Spinner<Integer> spinner = new Spinner<>(factory);
        factory.setConverter(new SafeConverter<>(spinner, Spinners::formatWhole,
                text -> parseWhole(text, min, max)));
        return editable(spinner, id, rangeText(formatWhole(min), formatWhole(max)));
    }

    /** An editable box of decimals from {@code min} to {@code max}, stepping by {@code step}. */
    public static Spinner<Double> decimal(String id, double min, double max, double value,
            double step) {
        SpinnerValueFactory.DoubleSpinnerValueFactory factory =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, value, step);
        Spinner<Double> spinner = new Spinner<>(factory);
        factory.setConverter(new SafeConverter<>(spinner, Spinners::formatDecimal,
                text -> parseDecimal(text, min, max)));
        return editable(spinner, id, rangeText(formatDecimal(min), formatDecimal(max)));
    }

    /**
     * Commits the box being typed in, if the focus is in one: for a key that acts (Ctrl+Enter
     * starts a crawl) while the box still has the focus, so the action uses what the box shows.
     */
    public static void commitFocused(Scene scene) {
        for (Node n = scene == null ? null : scene.getFocusOwner(); n != null; n = n.getParent()) {
            if (n instanceof Spinner<?> spinner) {
                spinner.commitValue();
                return;
            }
        }
    }

    private static <T> Spinner<T> editable(Spinner<T> spinner, String id, String range) {
        spinner.setId(id);
        spinner.setEditable(true);
        // a number typed beyond the range becomes its nearest end: the box says so beforehand
        spinner.setTooltip(new javafx.scene.control.Tooltip(range));
        return spinner;
    }

    /** E.g. "From 1 to 1000; a number beyond goes to the nearest end." */
    static String rangeText(String min, String max) {
        return "From " + min + " to " + max + "; a number beyond goes to the nearest end.";
    }

    /** The text of a whole number, as the box shows it. */
    static String formatWhole(Integer n) {
        return n == null ? "" : Integer.toString(n);
    }

    /** The text of a decimal, as the box shows it: "20", "0.5", "1.25", never "20.0". */
    static String formatDecimal(Double d) {
        if (d == null || d.isNaN() || d.isInfinite()) {
            return "";
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /**
     * The whole number typed, read as {@link NumberText} reads it ("1,000", "1 000"), brought
     * into [min, max]; empty when the text is not one.
     */
    static Optional<Integer> parseWhole(String text, int min, int max) {
        return NumberText.whole(text).map(n -> n.compareTo(BigInteger.valueOf(min)) < 0 ? min
                : n.compareTo(BigInteger.valueOf(max)) > 0 ? max : n.intValue());
    }

    /**
     * The decimal typed, read as {@link NumberText} reads it ("1,000" is a thousand), brought
     * into [min, max]; empty when the text is not one. A box shows no error, so a lone comma
     * that groups nothing is read as a decimal comma ("2,5" is 2.5) rather than undone.
     */
    static Optional<Double> parseDecimal(String text, double min, double max) {
        Optional<BigDecimal> read = NumberText.decimal(text);
        if (read.isEmpty() && text != null && DECIMAL_COMMA.matcher(text.strip()).matches()) {
            read = NumberText.decimal(text.strip().replace(',', '.'));
        }
        return read.map(n -> Math.min(max, Math.max(min, n.doubleValue())));
    }

    /**
     * Reads typed text without throwing: text that is not a number gives the box's current
     * value. When the value read is the current one, the box shows that value's text again
     * (the Spinner rewrites its text only when the value changes: "abc", "0020" or a number
     * beyond the range that comes back to the current value would stay as typed).
     */
    private static final class SafeConverter<T> extends StringConverter<T> {
        private final Spinner<T> spinner;
        private final Function<T, String> format;
        private final Function<String, Optional<T>> parse;

        SafeConverter(Spinner<T> spinner, Function<T, String> format,
                Function<String, Optional<T>> parse) {
            this.spinner = spinner;
            this.format = format;
            this.parse = parse;
        }

        @Override
        public String toString(T value) {
            return format.apply(value);
        }

        @Override
        public T fromString(String text) {
            T last = spinner.getValue();
            T value = parse.apply(text).orElse(last);
            if (Objects.equals(value, last)) {
                spinner.getEditor().setText(toString(last));
            }
            return value;
        }
    }
}
