package io.webprobe.ui.charts;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * A bar's count written on it: inside its end when the bar is long enough, else just past it
 * (a bar of 10 beside one of 30,000 is too thin to see). FX thread only.
 */
final class BarCount {
    private static final double GAP = 3;

    private BarCount() {}

    /**
     * Adds the count's label to a bar node of a bar chart whose bars lie across (the count
     * at the bar's right end), kept up to date.
     */
    static <X, Y> void attach(StackPane bar, XYChart.Data<X, Y> d,
            Function<XYChart.Data<X, Y>, Object> count) {
        Label label = new Label();
        label.getStyleClass().add("bar-count");
        label.setManaged(false); // placed by hand, past the bar's end when it does not fit
        label.textProperty().bind(Bindings.createStringBinding(() -> text(count.apply(d)),
                d.XValueProperty(), d.YValueProperty()));
        bar.getChildren().add(label);
        Runnable place = () -> place(bar, label);
        bar.widthProperty().addListener(o -> place.run());
        bar.heightProperty().addListener(o -> place.run());
        label.textProperty().addListener(o -> place.run());
        place.run();
    }

    static String text(Object count) {
        return count instanceof Number n ? String.format(Locale.ROOT, "%,d", n.longValue()) : "";
    }

    private static void place(StackPane bar, Label label) {
        label.autosize();
        double w = label.getWidth();
        double h = label.getHeight();
        boolean inside = bar.getWidth() >= w + 2 * GAP;
        label.relocate(inside ? bar.getWidth() - w - GAP : bar.getWidth() + GAP,
                (bar.getHeight() - h) / 2);
        label.pseudoClassStateChanged(INSIDE, inside);
    }

    private static final javafx.css.PseudoClass INSIDE =
            javafx.css.PseudoClass.getPseudoClass("inside");
}
