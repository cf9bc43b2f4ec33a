package io.webprobe.ui.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.ValueAxis;
import javafx.util.StringConverter;

/**
 * A chart axis that counts things (URLs, responses): labels on whole numbers only, thousands
 * as "k" and millions as "M" ("750", "1.5k", "30k", "2M"), and never closer than {@link #GAP}
 * pixels to each other. Left to itself an axis over small counts labels 0.5, 1.5 and so on, and
 * one over 30,000 URLs in a third of a window ran its labels together ("5,00010,00015,000"):
 * JavaFX spaces the ticks by the first label's width (a narrow "0") rather than each pair's. The
 * bars carry their exact counts.
 */
public final class CountAxis extends ValueAxis<Number> {
    /** The least room between two tick labels, in pixels. */
    static final double GAP = 8;

    private double tickUnit = 1;
    /** No count to show: JavaFX then passes the current bounds as the data's. */
    private boolean empty = true;

    private CountAxis() {
        setMinorTickVisible(false);
        setTickLabelFormatter(LABELS);
    }

    /** A new axis from zero, labelled {@code label}, whose ticks name whole counts only. */
    public static ValueAxis<Number> create(String label) {
        CountAxis axis = new CountAxis();
        axis.setLabel(label);
        return axis;
    }

    @Override
    public void invalidateRange(List<Number> data) {
        empty = data.isEmpty();
        super.invalidateRange(data);
    }

    /**
     * From zero to the largest count (with room above it), in a tick unit of the 1, 2.5, 5
     * series, the smallest whose labels keep apart. Range: lower, upper, unit, scale.
     */
    @Override
    protected Object autoRange(double minValue, double maxValue, double length,
            double labelSize) {
        if (empty) {
            minValue = 0;
            maxValue = 0;
        }
        double lower = Math.min(0, Math.floor(minValue));
        double top = Math.max(maxValue, lower + 1);
        double upper = top;
        double unit = 1;
        if (length > 0) {
            for (int tries = 0; tries < 40; tries++) {
                // room above the largest count for its label; none to make on an empty chart
                double room = maxValue > 0 ? (top - lower) * 0.02 : 0;
                upper = Math.ceil((top + room) / unit) * unit;
                if (labelsFit(lower, upper, unit, length)) {
                    break;
                }
                unit = nextUnit(unit);
            }
        }
        return new Object[] {lower, upper, unit, calculateNewScale(length, lower, upper)};
    }

    @Override
    protected Object getRange() {
        return new Object[] {getLowerBound(), getUpperBound(), tickUnit, getScale()};
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        Object[] r = (Object[]) range;
        setLowerBound((Double) r[0]);
        setUpperBound((Double) r[1]);
        tickUnit = (Double) r[2];
        currentLowerBound.set((Double) r[0]);
        setScale((Double) r[3]);
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        Object[] r = (Object[]) range;
        double lower = (Double) r[0];
        double upper = (Double) r[1];
        double unit = (Double) r[2];
        List<Number> ticks = new ArrayList<>();
        long n = unit > 0 ? Math.min(2_000, Math.round((upper - lower) / unit)) : 0;
        for (long i = 0; i <= n; i++) {
            ticks.add(lower + i * unit);
        }
        return ticks;
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        return List.of();
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        return LABELS.toString(value);
    }

    /** Whether every two neighbouring labels from lower to upper keep {@link #GAP} apart. */
    private boolean labelsFit(double lower, double upper, double unit, double length) {
        boolean vertical = getSide() != null && getSide().isVertical();
        double last = -1;
        double lastAt = 0;
        long ticks = Math.round((upper - lower) / unit);
        for (long i = 0; i <= ticks; i++) {
            double value = lower + i * unit;
            javafx.geometry.Dimension2D size = measureTickMarkLabelSize(LABELS.toString(value),
                    getTickLabelRotation());
            double extent = vertical ? size.getHeight() : size.getWidth();
            double at = (value - lower) / (upper - lower) * length;
            if (last >= 0 && at - lastAt < (last + extent) / 2 + GAP) {
                return false;
            }
            last = extent;
            lastAt = at;
        }
        return true;
    }

    /**
     * The next tick unit for counts: 1, 2, 5, 10, then the 1, 2.5, 5 series (25, 50, 100, 250,
     * …, 2,500, 5,000, 10,000).
     */
    static double nextUnit(double unit) {
        if (unit < 10) {
            return unit < 2 ? 2 : unit < 5 ? 5 : 10;
        }
        double exp = Math.pow(10, Math.floor(Math.log10(unit)));
        double mant = unit / exp;
        return mant < 2 ? 2.5 * exp : mant < 4 ? 5 * exp : 10 * exp;
    }

    /** The label of a tick: a whole count, or nothing. */
    static final StringConverter<Number> LABELS = new StringConverter<>() {
        @Override
        public String toString(Number n) {
            double v = n.doubleValue();
            if (v != Math.rint(v)) {
                return "";
            }
            long count = (long) v;
            long size = Math.abs(count);
            return size >= 1_000_000 ? compact(count, 1_000_000, "M")
                    : size >= 1_000 ? compact(count, 1_000, "k")
                    : Long.toString(count);
        }

        @Override
        public Number fromString(String s) {
            String t = s.strip().replace(",", "");
            long unit = t.endsWith("M") ? 1_000_000 : t.endsWith("k") ? 1_000 : 1;
            if (unit > 1) {
                t = t.substring(0, t.length() - 1);
            }
            return new BigDecimal(t).multiply(BigDecimal.valueOf(unit)).longValueExact();
        }
    };

    /** 1500 in thousands: "1.5k"; the tick units an axis picks need at most two decimals. */
    private static String compact(long count, long unit, String suffix) {
        return BigDecimal.valueOf(count).divide(BigDecimal.valueOf(unit), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + suffix;
    }
}
