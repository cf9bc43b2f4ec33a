package io.webprobe.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import io.webprobe.testsupport.FxStages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Each bar carries its count, kept up to date: 10 404s beside 30,012 200s is a bar too thin to
 * see on a linear scale.
 */
@ExtendWith(ApplicationExtension.class)
class ChartsViewTest {
    private ChartsModel model;
    private ChartsView view;

    @Start
    void start(Stage stage) {
        model = new ChartsModel(System::nanoTime);
        view = new ChartsView(model);
        FxStages.show(stage, new Scene(view.root(), 900, 300));
    }

    private List<String> counts() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            view.root().applyCss();
            view.root().layout();
            return view.root().lookupAll(".bar-count").stream()
                    .map(n -> ((Label) n).getText()).sorted().toList();
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void everyBarShowsItsCountAsItChanges() throws Exception {
        XYChart.Data<String, Number> ok = new XYChart.Data<>("200", 30_012);
        WaitForAsyncUtils.asyncFx(() -> {
            model.statuses().setAll(List.of(ok, new XYChart.Data<>("404", 10)));
            model.depths().setAll(List.of(new XYChart.Data<>("0", 1),
                    new XYChart.Data<>("1", 51)));
        }).get(10, TimeUnit.SECONDS);
        assertThat(counts()).containsExactlyInAnyOrder("30,012", "10", "1", "51");

        WaitForAsyncUtils.asyncFx(() -> ok.setYValue(30_100)).get(10, TimeUnit.SECONDS);
        assertThat(counts()).contains("30,100").doesNotContain("30,012");
    }

    /** Whether each chart's sentence shows: statuses, times, depths. */
    private List<Boolean> notesShown() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            view.root().applyCss();
            view.root().layout();
            return List.of("#chartStatusesEmpty", "#chartTimesEmpty", "#chartDepthsEmpty")
                    .stream().map(id -> view.root().lookup(id).isVisible()).toList();
        }).get(10, TimeUnit.SECONDS);
    }

    /**
     * The bug: with no crawl shown the Charts tab was three empty grids, each axis "0 … 1",
     * saying nothing. Each says there is nothing crawled yet, on its plot, until it has bars.
     */
    @Test
    void anEmptyChartSaysNothingIsCrawledYetOnItsPlot() throws Exception {
        assertThat(notesShown()).containsExactly(true, true, true);
        List<String> wrong = WaitForAsyncUtils.asyncFx(() -> {
            List<String> out = new java.util.ArrayList<>();
            for (String id : List.of("#chartStatuses", "#chartTimes", "#chartDepths")) {
                javafx.scene.Node chart = view.root().lookup(id);
                Label note = (Label) view.root().lookup(id + "Empty");
                javafx.scene.Node plot = chart.lookup(".chart-plot-background");
                javafx.geometry.Bounds p = plot.localToScene(plot.getLayoutBounds());
                javafx.geometry.Bounds n = note.localToScene(note.getLayoutBounds());
                if (!ChartsView.EMPTY.equals(note.getText()) || n.getWidth() < 1
                        || n.getMinX() < p.getMinX() || n.getMaxX() > p.getMaxX()) {
                    out.add(id + ": " + note.getText() + " " + n + " on " + p);
                }
            }
            return out;
        }).get(10, TimeUnit.SECONDS);
        assertThat(wrong).isEmpty();

        WaitForAsyncUtils.asyncFx(() -> model.statuses().setAll(
                List.of(new XYChart.Data<>("200", 3)))).get(10, TimeUnit.SECONDS);
        assertThat(notesShown()).containsExactly(false, true, true);
    }

    /**
     * A crawl shown that has timed no response yet (its first URL in flight, or every URL
     * failed before an answer) has eight response-time buckets of 0: the chart says it has
     * nothing, as the other two do, until one counts.
     */
    @Test
    void aResponseTimeChartOfZerosSaysNothingIsCrawledYet() throws Exception {
        List<Long> zeros = java.util.Collections.nCopies(8, 0L);
        WaitForAsyncUtils.asyncFx(() -> model.apply(new io.webprobe.store.CrawlStats.Stats(
                java.util.Map.of("Refused", 1L), zeros, java.util.Map.of(0, 1L))))
                .get(10, TimeUnit.SECONDS);
        assertThat(notesShown()).containsExactly(false, true, false);

        List<Long> one = new java.util.ArrayList<>(zeros);
        one.set(0, 1L);
        WaitForAsyncUtils.asyncFx(() -> model.apply(new io.webprobe.store.CrawlStats.Stats(
                java.util.Map.of("200", 1L), one, java.util.Map.of(0, 1L))))
                .get(10, TimeUnit.SECONDS);
        assertThat(notesShown()).containsExactly(false, false, false);
    }

    /**
     * A bar too short for its count has it past its end, never on the bar: on it, on a light
     * ground, the count read as a pale band (a crawl 19 levels deep, 56 URLs at depth 1, when
     * the depths were columns).
     */
    @Test
    void aShortBarsCountIsOffItAndInsideThePlot() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            List<XYChart.Data<String, Number>> depths = new java.util.ArrayList<>();
            for (int d = 0; d < 19; d++) {
                depths.add(new XYChart.Data<>(Integer.toString(d), d == 1 ? 56 : d == 2 ? 60
                        : d == 3 ? 25 : 1));
            }
            model.depths().setAll(depths);
        }).get(10, TimeUnit.SECONDS);
        List<String> wrong = WaitForAsyncUtils.asyncFx(() -> {
            view.root().applyCss();
            view.root().layout();
            javafx.scene.Node chart = view.root().lookup("#chartDepths");
            javafx.geometry.Bounds plot = chart.lookup(".chart-plot-background")
                    .localToScene(chart.lookup(".chart-plot-background").getLayoutBounds());
            List<String> out = new java.util.ArrayList<>();
            for (javafx.scene.Node n : chart.lookupAll(".bar-count")) {
                Label l = (Label) n;
                javafx.scene.layout.Region bar = (javafx.scene.layout.Region) l.getParent();
                javafx.geometry.Bounds on = l.localToScene(l.getLayoutBounds());
                javafx.geometry.Bounds column = bar.localToScene(bar.getLayoutBounds());
                // (the bar: "column" from when the depths stood)
                boolean inside = l.getPseudoClassStates().stream()
                        .anyMatch(p -> p.getPseudoClassName().equals("inside"));
                if (!inside && on.intersects(column)) {
                    out.add(l.getText() + " on its column: " + on + " " + column);
                }
                if (on.getMinY() < plot.getMinY() - 0.5 || on.getMaxX() > plot.getMaxX() + 0.5) {
                    out.add(l.getText() + " cut by the plot's edge: " + on + " " + plot);
                }
            }
            return out;
        }).get(10, TimeUnit.SECONDS);
        assertThat(counts()).contains("56", "60", "25");
        assertThat(wrong).isEmpty();
    }

    /**
     * The count axes' labels never run together. Seen on a crawl of 30,022 URLs, each chart a
     * third of the window: "5,00010,00015,00020,000" under the status chart.
     */
    @Test
    void theCountAxesLabelsLeaveRoomBetweenThem() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            model.statuses().setAll(List.of(new XYChart.Data<>("200", 30_012),
                    new XYChart.Data<>("404", 10)));
            model.depths().setAll(List.of(new XYChart.Data<>("3", 10_477),
                    new XYChart.Data<>("4", 18_519)));
            model.times().setAll(List.of(new XYChart.Data<>("<50", 29_243),
                    new XYChart.Data<>("50-100", 566)));
        }).get(10, TimeUnit.SECONDS);
        for (int w = 600; w <= 1400; w += 25) {
            double width = w;
            List<List<javafx.geometry.Bounds>> axes = WaitForAsyncUtils.asyncFx(() -> {
                view.root().getScene().getWindow().setWidth(width);
                view.root().applyCss();
                view.root().layout();
                return view.root().lookupAll(".axis").stream()
                        .filter(a -> a instanceof javafx.scene.chart.ValueAxis)
                        .map(a -> ((javafx.scene.Parent) a).getChildrenUnmodifiable().stream()
                                .filter(n -> n instanceof javafx.scene.text.Text && n.isVisible())
                                .map(n -> n.localToScene(n.getBoundsInLocal()))
                                .toList())
                        .toList();
            }).get(10, TimeUnit.SECONDS);
            assertThat(axes).isNotEmpty();
            for (List<javafx.geometry.Bounds> labels : axes) {
                assertThat(labels).as("labels at %s px", width).hasSizeGreaterThan(2);
                for (int i = 0; i < labels.size(); i++) {
                    for (int j = i + 1; j < labels.size(); j++) {
                        javafx.geometry.Bounds a = labels.get(i);
                        javafx.geometry.Bounds b = labels.get(j);
                        boolean apart = a.getMaxX() + 3 <= b.getMinX()
                                || b.getMaxX() + 3 <= a.getMinX()
                                || a.getMaxY() <= b.getMinY() || b.getMaxY() <= a.getMinY();
                        assertThat(apart).as("%s and %s at %s px", a, b, width).isTrue();
                    }
                }
            }
        }
    }

    /** With nothing counted yet a count axis runs from 0 to 1, not to an empty 2. */
    @Test
    void anEmptyChartsCountAxisRunsFromZeroToOne() throws Exception {
        List<Double> uppers = WaitForAsyncUtils.asyncFx(() -> {
            view.root().applyCss();
            view.root().layout();
            return view.root().lookupAll(".axis").stream()
                    .filter(a -> a instanceof javafx.scene.chart.ValueAxis)
                    .map(a -> ((javafx.scene.chart.ValueAxis<?>) a).getUpperBound()).toList();
        }).get(10, TimeUnit.SECONDS);
        assertThat(uppers).isNotEmpty().containsOnly(1.0);
    }

    /**
     * The response-time chart says one unit, its title's: every bucket on its axis is a range of
     * plain milliseconds. It once read "500 ms–1 s", "1 s–2 s" and "≥5 s" under "(ms)".
     */
    @Test
    void theResponseTimeAxisSaysMillisecondsOnly() throws Exception {
        List<Long> buckets = List.of(1_900L, 60L, 20L, 9L, 5L, 3L, 2L, 1L);
        List<String> shown = WaitForAsyncUtils.asyncFx(() -> {
            model.apply(new io.webprobe.store.CrawlStats.Stats(java.util.Map.of("200", 2_000L),
                    buckets, java.util.Map.of(0, 2_000L)));
            view.root().applyCss();
            view.root().layout();
            javafx.scene.chart.BarChart<?, ?> times =
                    (javafx.scene.chart.BarChart<?, ?>) view.root().lookup("#chartTimes");
            assertThat(times.getTitle()).isEqualTo("Response time (ms)");
            return times.getYAxis().getChildrenUnmodifiable().stream()
                    .filter(n -> n instanceof javafx.scene.text.Text && n.isVisible())
                    .map(n -> ((javafx.scene.text.Text) n).getText()).toList();
        }).get(10, TimeUnit.SECONDS);
        assertThat(shown).containsExactlyInAnyOrder("<50", "50–100", "100–200", "200–500",
                "500–1,000", "1,000–2,000", "2,000–5,000", "≥5,000");
    }

    /**
     * A depth bar takes most of its level's room, or 40 px when the room is wide. Seen on a
     * crawl 19 levels deep at 1200 px: each level had ~12 px and each bar was drawn 1 px wide
     * (JavaFX took a category gap and two bar gaps off the room, and a bar that came out at
     * 0 px or less was drawn 1 px). The bars lie across now: their thickness is their height.
     */
    @Test
    void depthBarsTakeMostOfTheirLevelsRoom() throws Exception {
        for (int levels : new int[] {1, 19, 100}) {
            List<double[]> bars = WaitForAsyncUtils.asyncFx(() -> {
                List<XYChart.Data<String, Number>> points = new java.util.ArrayList<>();
                for (int d = 0; d < levels; d++) {
                    points.add(new XYChart.Data<>(Integer.toString(d), 1 + d % 7));
                }
                model.depths().setAll(points);
                view.root().getScene().getWindow().setWidth(1200);
                for (int i = 0; i < 3; i++) { // the gap follows the room on the next pass
                    view.root().applyCss();
                    view.root().layout();
                }
                javafx.scene.chart.BarChart<?, ?> chart = (javafx.scene.chart.BarChart<?, ?>)
                        view.root().lookup("#chartDepths");
                double room = ((javafx.scene.chart.CategoryAxis) chart.getYAxis())
                        .getCategorySpacing();
                return chart.lookupAll(".chart-bar").stream()
                        .filter(n -> n instanceof javafx.scene.layout.StackPane) // not the legend
                        .map(n -> new double[] {n.getLayoutBounds().getHeight(), room})
                        .toList();
            }).get(10, TimeUnit.SECONDS);
            assertThat(bars).as("%s levels", levels).hasSize(levels);
            for (double[] bar : bars) {
                assertThat(bar[0]).as("bar width of a %s px level, %s levels", bar[1], levels)
                        .isGreaterThanOrEqualTo(Math.min(0.6 * bar[1], 39))
                        .isLessThanOrEqualTo(41);
            }
        }
    }
    /**
     * The bug: a chain 100 levels deep (101 with the start page) made 100 columns 2 px wide,
     * touching, their counts written over each other. Its levels come in 11 groups of ten,
     * each bar apart from the next, each count whole and clear of the others.
     */
    @Test
    void aHundredLevelsReadAsElevenGroupsWithTheirCountsApart() throws Exception {
        java.util.Map<Integer, Long> chain = new java.util.TreeMap<>();
        for (int d = 0; d <= 100; d++) {
            chain.put(d, 1L);
        }
        List<String> wrong = WaitForAsyncUtils.asyncFx(() -> {
            model.apply(new io.webprobe.store.CrawlStats.Stats(java.util.Map.of("200", 101L),
                    List.of(101L, 0L, 0L, 0L, 0L, 0L, 0L, 0L), chain));
            for (int i = 0; i < 3; i++) {
                view.root().applyCss();
                view.root().layout();
            }
            javafx.scene.Node chart = view.root().lookup("#chartDepths");
            List<javafx.geometry.Bounds> bars = chart.lookupAll(".chart-bar").stream()
                    .filter(n -> n instanceof javafx.scene.layout.StackPane)
                    .map(n -> n.localToScene(n.getLayoutBounds())).toList();
            List<javafx.geometry.Bounds> counts = chart.lookupAll(".bar-count").stream()
                    .map(n -> n.localToScene(n.getLayoutBounds())).toList();
            List<String> out = new java.util.ArrayList<>();
            for (int i = 0; i < bars.size(); i++) {
                for (int j = i + 1; j < bars.size(); j++) {
                    if (bars.get(i).intersects(bars.get(j))) {
                        out.add("bars touch: " + bars.get(i) + " " + bars.get(j));
                    }
                    if (counts.get(i).intersects(counts.get(j))) {
                        out.add("counts overlap: " + counts.get(i) + " " + counts.get(j));
                    }
                }
            }
            return out;
        }).get(10, TimeUnit.SECONDS);
        assertThat(WaitForAsyncUtils.asyncFx(() -> model.depths().stream()
                .map(XYChart.Data::getXValue).toList()).get(10, TimeUnit.SECONDS))
                .containsExactly("0–9", "10–19", "20–29", "30–39", "40–49", "50–59", "60–69",
                        "70–79", "80–89", "90–99", "100");
        assertThat(counts()).filteredOn("10"::equals).hasSize(10);
        assertThat(wrong).isEmpty();
    }
}
