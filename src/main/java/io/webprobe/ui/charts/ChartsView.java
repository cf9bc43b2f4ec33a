package io.webprobe.ui.charts;

import io.webprobe.ui.common.CountAxis;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

/**
 * The Charts view: status codes, a response-time histogram and pages per depth, as bar charts over
 * the {@link ChartsModel}'s points (updated in place, without animation: a live crawl moves the
 * bars a few times a second).
 *
 * <p>The three charts stand side by side, since the tab is wide and not tall (at the smallest
 * window its height is a few hundred pixels). All three are horizontal bars, their names on the
 * left: a name ("Connection refused", "1,000–2,000", "90–99") always reads across, however many
 * there are. As columns, JavaFX's category axis stood names that did not fit on end (and they
 * took the chart's height) or, for the eight time buckets, ran them into each other; the depths
 * were columns too, until a chain 100 levels deep made 100 columns 2 px wide in a solid block,
 * their counts piled over each other and their names on end: now the levels are grouped
 * ({@link DepthGroups}, "0–9", "10–19"…) and read across like the others. The titles name what
 * is counted, so the axes carry no labels (a squeezed "URLs" showed as "U...").
 */
public final class ChartsView {
    private final GridPane root = new GridPane();

    public ChartsView(ChartsModel model) {
        root.setId("charts");
        root.setPadding(new Insets(8));
        root.setHgap(8);
        root.add(noted(horizontal("chartStatuses", "URLs by status", model.statuses()),
                "chartStatusesEmpty", model.statuses()), 0, 0);
        root.add(noted(horizontal("chartTimes", "Response time (ms)", model.times()),
                "chartTimesEmpty", model.times()), 1, 0);
        root.add(noted(horizontal("chartDepths", "URLs by depth", model.depths()),
                "chartDepthsEmpty", model.depths()), 2, 0);
        for (int i = 0; i < 3; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / 3);
            c.setHgrow(Priority.ALWAYS);
            root.getColumnConstraints().add(c);
        }
        RowConstraints row = new RowConstraints();
        row.setVgrow(Priority.ALWAYS);
        root.getRowConstraints().add(row);
    }

    public GridPane root() {
        return root;
    }

    /** What an empty chart says (no crawl shown: three empty grids, each axis "0 … 1"). */
    static final String EMPTY = "Nothing crawled yet: the bars fill in as a crawl runs.";

    private static javafx.scene.layout.StackPane noted(BarChart<Number, String> chart,
            String id, ObservableList<?> points) {
        javafx.scene.layout.StackPane pane = io.webprobe.ui.common.ChartNote.over(chart, id,
                EMPTY, javafx.beans.binding.Bindings.isEmpty(points));
        pane.setMinSize(0, 0);
        GridPane.setHgrow(pane, Priority.ALWAYS);
        GridPane.setVgrow(pane, Priority.ALWAYS);
        return pane;
    }

    /** Bars across: the names on the left, counts along the bottom. */
    private static BarChart<Number, String> horizontal(String id, String title,
            ObservableList<XYChart.Data<String, Number>> points) {
        CategoryAxis names = new CategoryAxis();
        names.setAutoRanging(true);
        BarChart<Number, String> chart = new RoomyBarChart<>(CountAxis.create(null), names);
        XYChart.Series<Number, String> series = new XYChart.Series<>(across(points));
        chart.setData(FXCollections.observableArrayList(List.of(series)));
        labelBars(series.getData(), d -> d.getXValue());
        return styled(chart, id, title);
    }

    /**
     * Writes each bar's count on it, or just past its end when it is too short to hold it: on
     * a linear scale 10 404s beside 30,012 200s is a bar too thin to see.
     */
    private static <X, Y> void labelBars(ObservableList<XYChart.Data<X, Y>> data,
            java.util.function.Function<XYChart.Data<X, Y>, Object> count) {
        java.util.function.BiConsumer<XYChart.Data<X, Y>, javafx.scene.Node> onNode = (d, node) -> {
            if (node instanceof javafx.scene.layout.StackPane bar
                    && bar.lookup(".bar-count") == null) {
                BarCount.attach(bar, d, count);
            }
        };
        // the chart may have made the bar before this is told of the point
        java.util.function.Consumer<XYChart.Data<X, Y>> label = d -> {
            onNode.accept(d, d.getNode());
            d.nodeProperty().addListener((o, was, node) -> onNode.accept(d, node));
        };
        data.forEach(label);
        data.addListener((ListChangeListener<XYChart.Data<X, Y>>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(label);
            }
        });
    }

    private static <X, Y> BarChart<X, Y> styled(BarChart<X, Y> chart, String id, String title) {
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setPrefSize(300, 200);
        chart.setMinSize(0, 0);
        GridPane.setHgrow(chart, Priority.ALWAYS);
        GridPane.setVgrow(chart, Priority.ALWAYS);
        return chart;
    }

    /**
     * A bar chart of one series whose bars take {@link #BAR_SHARE} of their category's room,
     * however many categories share the axis, up to {@link #MAX_BAR} px (a crawl's only
     * status, 200, was a slab filling most of its chart). JavaFX's own takes a fixed category
     * gap and two bar gaps (4 px each by default) off each category's room and draws a bar
     * that comes out at 0 px or less 1 px wide: on a crawl 19 levels deep, ~12 px a level,
     * every depth bar was 1 px wide.
     */
    private static final class RoomyBarChart<X, Y> extends BarChart<X, Y> {
        private static final double BAR_SHARE = 0.8;
        private static final double MAX_BAR = 40;

        RoomyBarChart(javafx.scene.chart.Axis<X> x, javafx.scene.chart.Axis<Y> y) {
            super(x, y);
            setBarGap(0); // one series: no gap between the bars of a category
        }

        @Override
        protected void layoutPlotChildren() {
            CategoryAxis names = (CategoryAxis) (getXAxis() instanceof CategoryAxis
                    ? getXAxis() : getYAxis());
            // the room is known only once the axis is laid out; a changed gap lays out again
            double room = names.getCategorySpacing();
            double gap = Math.floor(Math.max(room * (1 - BAR_SHARE), room - MAX_BAR));
            if (gap != getCategoryGap()) {
                setCategoryGap(gap);
            }
            super.layoutPlotChildren();
        }
    }

    /**
     * The points with name and count swapped, as a horizontal chart takes them, kept in step:
     * a count changed in place moves its bar (bound), a name added or removed rebuilds them.
     */
    static ObservableList<XYChart.Data<Number, String>> across(
            ObservableList<XYChart.Data<String, Number>> points) {
        ObservableList<XYChart.Data<Number, String>> swapped = FXCollections.observableArrayList();
        Runnable rebuild = () -> {
            List<XYChart.Data<Number, String>> next = new ArrayList<>(points.size());
            for (XYChart.Data<String, Number> p : points) {
                XYChart.Data<Number, String> d = new XYChart.Data<>(p.getYValue(), p.getXValue());
                d.XValueProperty().bind(p.YValueProperty());
                next.add(d);
            }
            swapped.forEach(d -> d.XValueProperty().unbind());
            swapped.setAll(next);
        };
        points.addListener((ListChangeListener<XYChart.Data<String, Number>>) c -> rebuild.run());
        rebuild.run();
        return swapped;
    }
}
