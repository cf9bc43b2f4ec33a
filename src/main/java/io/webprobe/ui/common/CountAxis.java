package io.webprobe.ui.common;

import java.util.Locale;
import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

/**
 * A chart axis that counts things (URLs, responses): labels on whole numbers only, grouped
 * ("1,500"). Left to itself an axis over small counts labels 0.5, 1.5 and so on.
 */
public final class CountAxis {
    private CountAxis() {}

    /** A new axis from zero, labelled {@code label}, whose ticks name whole counts only. */
    public static NumberAxis create(String label) {
        NumberAxis axis = new NumberAxis();
        axis.setLabel(label);
        axis.setForceZeroInRange(true);
        axis.setMinorTickVisible(false);
        axis.setTickLabelFormatter(LABELS);
        return axis;
    }

    /** The label of a tick: a whole count, or nothing. */
    static final StringConverter<Number> LABELS = new StringConverter<>() {
        @Override
        public String toString(Number n) {
            double v = n.doubleValue();
            return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : "";
        }

        @Override
        public Number fromString(String s) {
            return Long.parseLong(s.replace(",", ""));
        }
    };
}
