package io.webprobe.ui.charts;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * The Charts view: status codes, a response-time histogram and pages per depth, as bar charts
 * over the {@link ChartsModel}'s points (updated in place, without animation: a live crawl
 * moves the bars a few times a second).
 */
public final class ChartsView {
    private final GridPane root = new GridPane();

    public ChartsView(ChartsModel model) {
        root.setId("charts");
        root.setPadding(new Insets(8));
        root.setHgap(8);
        root.setVgap(8);
        root.add(chart("chartStatuses", "URLs by status", "Status", model.statuses()), 0, 0);
        root.add(chart("chartTimes", "Response time", "Time (ms)", model.times()), 1, 0);
        root.add(chart("chartDepths", "URLs by depth", "Depth", model.depths()), 0, 1, 2, 1);
    }

    public GridPane root() {
        return root;
    }

    private static BarChart<String, Number> chart(String id, String title, String x,
            ObservableList<XYChart.Data<String, Number>> points) {
        CategoryAxis xAxis = new CategoryAxis();
        xAxis.setLabel(x);
        xAxis.setTickLabelRotation(0); // short labels; rotated ones squash the bars
        xAxis.setAutoRanging(true);
        NumberAxis yAxis = io.webprobe.ui.common.CountAxis.create("URLs");
        BarChart<String, Number> chart = new BarChart<>(xAxis, yAxis);
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(6);
        XYChart.Series<String, Number> series = new XYChart.Series<>(points);
        chart.setData(FXCollections.observableArrayList(java.util.List.of(series)));
        chart.setPrefSize(300, 200);
        chart.setMinSize(0, 0);
        GridPane.setHgrow(chart, Priority.ALWAYS);
        GridPane.setVgrow(chart, Priority.ALWAYS);
        return chart;
    }
}
