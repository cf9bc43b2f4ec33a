package io.webprobe.ui.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.export.CsvExporter;
import io.webprobe.ping.LatencyBin;
import io.webprobe.ping.LatencyPoint;
import io.webprobe.testsupport.FakeDialogs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import io.webprobe.testsupport.FxStages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Ping tab's charts fed directly through the ViewModel's lists, as the run's updates feed
 * them: histograms whose bins change size, range and labels (narrow bins have equal labels),
 * and a latency series that slides. Any exception on the FX thread fails the test.
 */
@ExtendWith(ApplicationExtension.class)
class PingChartsTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private PingViewModel vm;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new PingViewModel((plan, listener) -> {
            throw new AssertionError("no job in this test");
        }, Platform::runLater, timer, Runnable::run, new CsvExporter(), new FakeDialogs(),
                "t", Duration.ofMillis(50));
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        FxStages.show(stage, new Scene(new javafx.scene.layout.StackPane(new PingView(vm).root()),
                1200, 800));
    }

    @AfterEach
    void tearDown() {
        timer.shutdownNow();
    }

    /**
     * Checks something on the FX thread once what is queued there has run. A read needs no
     * wait for the events after it ({@code robot.interact} waits for five rounds): each change
     * before it was made through {@code robot.interact}, which waited for its layout.
     */
    private static void read(Runnable check) {
        try {
            WaitForAsyncUtils.asyncFx(check).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof AssertionError a) {
                throw a;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The bug: before a test the charts' axes showed made-up ranges (0 to 125 ms over 10 s, 0
     * to 1 response) as if measured. Each says what it will show instead, until it has data.
     */
    @Test
    void emptyChartsSayWhatTheyWillShowUntilTheyHaveData(FxRobot robot) {
        javafx.scene.Node lineNote = robot.lookup("#pingChartEmpty").query();
        javafx.scene.Node barsNote = robot.lookup("#pingHistogramEmpty").query();
        assertThat(lineNote.isVisible()).isTrue();
        assertThat(barsNote.isVisible()).isTrue();

        robot.interact(() -> vm.series().add(new LatencyPoint(1, 2, 3, 10)));
        assertThat(lineNote.isVisible()).isFalse();
        assertThat(barsNote.isVisible()).as("no URL selected yet").isTrue();

        robot.interact(() -> vm.histogram().setAll(List.of(new LatencyBin(1, 2, 5))));
        assertThat(barsNote.isVisible()).isFalse();

        robot.interact(() -> {
            vm.series().clear();
            vm.histogram().clear();
        });
        assertThat(lineNote.isVisible()).as("a new run").isTrue();
        assertThat(barsNote.isVisible()).isTrue();
    }

    /**
     * The bug: in a 1024 × 700 window the empty latency chart's sentence, centred on the whole
     * chart, covered its axis's "50". Each sentence lies on its chart's plot, whole.
     */
    @Test
    void anEmptyChartsSentenceLiesOnItsPlotAtA1024PixelWindow(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        for (String[] ids : new String[][] {{"#pingChartEmpty", "#pingChart"},
                {"#pingHistogramEmpty", "#pingHistogram"}}) {
            javafx.scene.control.Label note = robot.lookup(ids[0]).queryAs(
                    javafx.scene.control.Label.class);
            javafx.scene.Node chart = robot.lookup(ids[1]).query();
            List<javafx.geometry.Bounds> b = new ArrayList<>();
            robot.interact(() -> {
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
                javafx.scene.Node plot = chart.lookup(".chart-plot-background");
                b.add(note.localToScene(note.getLayoutBounds()));
                b.add(plot.localToScene(plot.getLayoutBounds()));
                javafx.scene.text.Text t = new javafx.scene.text.Text(note.getText());
                t.setFont(note.getFont());
                t.setWrappingWidth(note.getWidth() - note.snappedLeftInset()
                        - note.snappedRightInset());
                b.add(t.getLayoutBounds());
            });
            javafx.geometry.Bounds on = b.get(0);
            javafx.geometry.Bounds plot = b.get(1);
            assertThat(plot.contains(on)).as("%s %s on its plot %s", ids[0], on, plot).isTrue();
            assertThat(b.get(2).getHeight()).as("%s whole", ids[0])
                    .isLessThanOrEqualTo(on.getHeight() + 0.5);
        }
    }

    @Test
    void histogramsOfAnyShapeAndASlidingSeriesNeverThrow(FxRobot robot) {
        Random rnd = new Random(3);
        for (int round = 0; round < 60; round++) {
            List<LatencyBin> bins = new ArrayList<>();
            int n = round % 7 == 0 ? 0 : PingViewModel.HISTOGRAM_BINS;
            double lo = rnd.nextDouble() * 0.2;
            double width = round % 2 == 0 ? 0.001 : rnd.nextDouble() * 5; // 1 µs: equal labels
            for (int b = 0; b < n; b++) {
                bins.add(new LatencyBin(lo + b * width, lo + (b + 1) * width, rnd.nextInt(50)));
            }
            int r = round;
            robot.interact(() -> {
                vm.histogram().setAll(bins);
                List<LatencyPoint> pts = new ArrayList<>(vm.series());
                pts.add(new LatencyPoint(r + 1, rnd.nextDouble(), 1 + rnd.nextDouble(), 10));
                if (pts.size() > 20) {
                    vm.series().remove(0, pts.size() - 20); // a sliding window
                }
                vm.series().add(pts.get(pts.size() - 1));
            });
        }
        @SuppressWarnings("unchecked")
        BarChart<String, Number> bars = robot.lookup("#pingHistogram").queryAs(BarChart.class);
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> line = robot.lookup("#pingChart").queryAs(LineChart.class);
        robot.interact(() -> {
            assertThat(bars.getData().get(0).getData()).hasSize(PingViewModel.HISTOGRAM_BINS);
            long sum = bars.getData().get(0).getData().stream()
                    .mapToLong(d -> d.getYValue().longValue()).sum();
            assertThat(sum).isEqualTo(vm.histogram().stream().mapToLong(LatencyBin::count).sum());
            assertThat(line.getData().get(0).getData()).extracting(XYChart.Data::getXValue)
                    .containsExactlyElementsOf(vm.series().stream()
                            .map(p -> (Number) p.atSeconds()).toList());
        });
        assertThat(uncaught).as("exceptions on the FX thread").isEmpty();
    }

    @Test
    void theTimeAxisSpansTheRunFromZeroAndAtLeastASecond(FxRobot robot) {
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> line = robot.lookup("#pingChart").queryAs(LineChart.class);
        javafx.scene.chart.NumberAxis x = (javafx.scene.chart.NumberAxis) line.getXAxis();

        // a run of 10 ms: one point at 0.01 s (the axis spanned 0.0099 to 0.0101)
        robot.interact(() -> vm.series().setAll(List.of(new LatencyPoint(0.01, 4, 6, 10))));
        read(() -> assertThat(List.of(x.getLowerBound(), x.getUpperBound(),
                x.getTickUnit())).containsExactly(0.0, 1.0, 0.1));
        // a line needs two points: one shows as a dot
        read(() -> assertThat(line.getCreateSymbols()).isTrue());

        // a 37-second run, then one whose first hour has slid out of the window
        robot.interact(() -> vm.series().setAll(List.of(new LatencyPoint(1, 4, 6, 10),
                new LatencyPoint(36.4, 4, 6, 10))));
        read(() -> assertThat(List.of(x.getLowerBound(), x.getUpperBound(),
                x.getTickUnit())).containsExactly(0.0, 37.0, 5.0));
        // the axis marks 37 besides 35: its label would sit on 35's ("16" over "17" in a
        // 17-second run), so only the steps are labelled
        read(() -> assertThat(List.of(x.getTickLabelFormatter().toString(35.0),
                x.getTickLabelFormatter().toString(37.0))).containsExactly("35", ""));
        robot.interact(() -> vm.series().setAll(List.of(new LatencyPoint(1, 4, 6, 10),
                new LatencyPoint(16.5, 4, 6, 10))));
        read(() -> assertThat(List.of(x.getUpperBound(), x.getTickUnit(),
                x.getTickLabelFormatter().toString(16.0), x.getTickLabelFormatter().toString(17.0)))
                .containsExactly(17.0, 2.0, "16", ""));
        robot.interact(() -> vm.series().setAll(List.of(new LatencyPoint(3601, 4, 6, 10),
                new LatencyPoint(3650, 4, 6, 10), new LatencyPoint(3700, 4, 6, 10))));
        read(() -> assertThat(line.getCreateSymbols()).isFalse());
        // in steps its width has room for with labels of four digits ("3,700"): of 20 s at
        // 1,200 px, beside the legend
        robot.interact(() -> assertThat(List.of(x.getLowerBound(), x.getUpperBound(),
                x.getTickUnit())).containsExactly(3601.0, 3700.0, 20.0));
        assertThat(uncaught).as("exceptions on the FX thread").isEmpty();
    }

    /**
     * The bug: before a run the latency chart's time axis read 0 to 10 s whatever the duration
     * set. Empty, it spans the duration set, and a count of requests, which has none, gives it
     * no figures until the run has a time.
     */
    @Test
    void theEmptyTimeAxisSpansTheDurationSet(FxRobot robot) {
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> line = robot.lookup("#pingChart").queryAs(LineChart.class);
        javafx.scene.chart.NumberAxis x = (javafx.scene.chart.NumberAxis) line.getXAxis();
        robot.interact(() -> {
            vm.durationSecondsProperty().set(60);
            vm.modeProperty().set(io.webprobe.ping.PingMode.DURATION);
        });
        read(() -> assertThat(List.of(x.getLowerBound(), x.getUpperBound(),
                x.isTickLabelsVisible())).containsExactly(0.0, 60.0, true));
        robot.interact(() -> vm.durationSecondsProperty().set(3));
        read(() -> assertThat(x.getUpperBound()).isEqualTo(3.0));
        robot.interact(() -> vm.modeProperty().set(io.webprobe.ping.PingMode.RATE));
        read(() -> assertThat(x.getUpperBound()).isEqualTo(3.0));
        // its points, once there are some, set it as before
        robot.interact(() -> vm.series().setAll(List.of(new LatencyPoint(1, 4, 6, 10))));
        read(() -> assertThat(x.getUpperBound()).isEqualTo(1.0));
        robot.interact(() -> {
            vm.series().clear();
            vm.modeProperty().set(io.webprobe.ping.PingMode.COUNT);
        });
        read(() -> assertThat(x.isTickLabelsVisible()).isFalse());
        // a count's run that has gone on 2.5 s without an answer says so
        robot.interact(() -> vm.runSeconds(2.5));
        robot.interact(() -> assertThat(List.of(x.getUpperBound(), x.isTickLabelsVisible()))
                .containsExactly(3.0, true));
        assertThat(uncaught).as("exceptions on the FX thread").isEmpty();
    }

    /**
     * The bug: a run whose answers stopped at 4 s (its URLs left refusing or timing out) kept
     * a time axis of 0 to 4 s for the 65 s it lasted, its status clock going on beneath: the
     * chart looked frozen. The axis reaches the run's time, its points where they were.
     */
    @Test
    void theTimeAxisReachesTheRunsTimeThoughNoAnswerCameSince(FxRobot robot) {
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> line = robot.lookup("#pingChart").queryAs(LineChart.class);
        javafx.scene.chart.NumberAxis x = (javafx.scene.chart.NumberAxis) line.getXAxis();
        robot.interact(() -> {
            vm.series().setAll(List.of(new LatencyPoint(1, 4, 6, 10),
                    new LatencyPoint(2, 4, 6, 10), new LatencyPoint(3, 4, 6, 10),
                    new LatencyPoint(4, 4, 6, 10)));
            vm.runSeconds(4.2);
        });
        read(() -> assertThat(x.getUpperBound()).isEqualTo(5.0));
        robot.interact(() -> vm.runSeconds(64.6));
        read(() -> assertThat(List.of(x.getLowerBound(), x.getUpperBound()))
                .containsExactly(0.0, 65.0));
        read(() -> assertThat(line.getData().get(0).getData())
                .extracting(XYChart.Data::getXValue).containsExactly(1.0, 2.0, 3.0, 4.0));
        // a new run: its axis starts again from its own points
        robot.interact(() -> {
            vm.runSeconds(0);
            vm.series().setAll(List.of(new LatencyPoint(1, 4, 6, 10),
                    new LatencyPoint(2, 4, 6, 10)));
        });
        robot.interact(() -> assertThat(x.getUpperBound()).isEqualTo(2.0));
        assertThat(uncaught).as("exceptions on the FX thread").isEmpty();
    }

    @Test
    void theHistogramsCaptionFitsUnderItInALaptopsWindow(FxRobot robot) {
        // the window's first size on a 1366×768 screen (WindowPlacement: 80 % of it)
        robot.interact(() -> {
            stage.setWidth(Math.floor(1366 * 0.8));
            stage.setHeight(Math.floor(768 * 0.8));
        });
        javafx.scene.control.Label caption = showBins(robot, 2.36, 11.9);
        robot.interact(() -> {
            assertThat(caption.getText()).isEqualTo("2.36–11.9 ms · bars of 0.477 ms");
            // cut short with an ellipsis it said "…(bars of 0.111…": the bars' width was lost
            assertThat(caption.getWidth()).as("room for the whole caption")
                    .isGreaterThanOrEqualTo(caption.prefWidth(-1) - 0.5);
        });
    }

    /**
     * The bug: at 960×640 the caption of a URL whose slowest answers lie past the bars was
     * cut ("0.472–127 ms · bars of 6.34 ms · l..."): where the last bar ends goes on a second
     * line when the caption is wider than the chart, and both lines show whole.
     */
    @Test
    void whereTheLastBarEndsGoesOnALineOfItsOwnInASmallWindow(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(960);
            stage.setHeight(615); // the window's 960×640 less its menu bar
        });
        String url = "http://127.0.0.1:1/a";
        robot.interact(() -> {
            PingRowsShown.show(vm, List.of(new io.webprobe.ping.PingResult(url, 5000, 5000, 0,
                    new java.util.TreeMap<>(java.util.Map.of(200, 5000L)), java.util.Map.of(),
                    1234, 2000, 300, 1900, 3000, 4000, 5678, 9999, 0, 0, 500, 0, 0, 0, 1, 0, 0,
                    0)));
            vm.selectedUrlProperty().set(url);
        });
        javafx.scene.control.Label caption = showBins(robot, 1234, 5678);
        robot.interact(() -> {
            assertThat(caption.getText())
                    .isEqualTo("1,234–5,678 ms · bars of 222 ms\nlast bar to 9,999 ms");
            assertThat(caption.getWidth()).as("room for each line")
                    .isGreaterThanOrEqualTo(caption.prefWidth(-1) - 0.5);
            assertThat(caption.getHeight()).as("room for both lines")
                    .isGreaterThanOrEqualTo(caption.prefHeight(-1) - 0.5);
        });
        // where there is room, one line
        robot.interact(() -> stage.setWidth(1600));
        robot.interact(() -> assertThat(caption.getText())
                .isEqualTo("1,234–5,678 ms · bars of 222 ms · last bar to 9,999 ms"));
    }

    /**
     * The bug: at 960×640 under Openbox, under a caption on two lines, the histogram's
     * vertical axis read "Respo…": its title reads whole however short the chart is, in a word
     * that fits the axis. (The headless screen's lines are shorter than Openbox's: the chart
     * is made as short here, 500 px of window, the axis shorter than the word.)
     */
    @Test
    void theHistogramsCountAxisTitleReadsWholeInAShortChart(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(960);
            stage.setHeight(500);
        });
        String url = "http://127.0.0.1:1/a";
        robot.interact(() -> {
            PingRowsShown.show(vm, List.of(new io.webprobe.ping.PingResult(url, 5000, 5000, 0,
                    new java.util.TreeMap<>(java.util.Map.of(200, 5000L)), java.util.Map.of(),
                    1234, 2000, 300, 1900, 3000, 4000, 5678, 9999, 0, 0, 500, 0, 0, 0, 1, 0, 0,
                    0)));
            vm.selectedUrlProperty().set(url);
        });
        javafx.scene.control.Label caption = showBins(robot, 1234, 5678);
        @SuppressWarnings("unchecked")
        BarChart<String, Number> bars = robot.lookup("#pingHistogram").queryAs(BarChart.class);
        javafx.scene.control.Label title =
                (javafx.scene.control.Label) bars.getYAxis().lookup(".axis-label");
        robot.interact(() -> {
            assertThat(caption.getText()).contains("\n"); // the two lines
            assertThat(bars.getYAxis().getHeight()).as("the axis shorter than the word")
                    .isLessThan(io.webprobe.ui.common.CellWidths.textWidth(title.getFont(),
                            "Responses"));
            assertThat(((javafx.scene.text.Text) title.lookup(".text")).getText())
                    .as("the axis %s px high", bars.getYAxis().getHeight())
                    .isEqualTo(title.getText()).isNotEmpty();
        });
        // where there is room, the whole word
        robot.interact(() -> {
            stage.setWidth(1600);
            stage.setHeight(1000);
        });
        robot.interact(() -> assertThat(title.getText()).isEqualTo("Responses"));
    }

    /** One response (or all alike): the caption says its time, not a range of nothing. */
    @Test
    void aHistogramOfOneTimeSaysThatTime() {
        List<LatencyBin> same = new ArrayList<>();
        for (int b = 0; b < PingViewModel.HISTOGRAM_BINS; b++) {
            same.add(new LatencyBin(2005 + b * 0.00001, 2005 + (b + 1) * 0.00001, b == 0 ? 1 : 0));
        }
        assertThat(PingCharts.caption(same)).isEqualTo("every response 2,005 ms");
        assertThat(PingCharts.caption(List.of())).isEqualTo("Response time (ms)");
    }

    /**
     * The bug: beside the table's "1,037" (p99, Max) the caption said "3.73–1037 ms": its
     * figures of a thousand and more are grouped as the table's are.
     */
    @Test
    void theCaptionGroupsItsThousandsAsTheTableDoes() {
        List<LatencyBin> bins = new ArrayList<>();
        double width = (1037 - 3.73) / PingViewModel.HISTOGRAM_BINS;
        for (int b = 0; b < PingViewModel.HISTOGRAM_BINS; b++) {
            bins.add(new LatencyBin(3.73 + b * width, 3.73 + (b + 1) * width, b));
        }
        assertThat(PingCharts.caption(bins)).isEqualTo("3.73–1,037 ms · bars of 51.7 ms");
    }

    /** Shows the histogram's bars evenly from {@code from} to {@code to} ms; its caption. */
    private javafx.scene.control.Label showBins(FxRobot robot, double from, double to) {
        List<LatencyBin> bins = new ArrayList<>();
        double width = (to - from) / PingViewModel.HISTOGRAM_BINS;
        for (int b = 0; b < PingViewModel.HISTOGRAM_BINS; b++) {
            bins.add(new LatencyBin(from + b * width, from + (b + 1) * width, b));
        }
        robot.interact(() -> vm.histogram().setAll(bins));
        @SuppressWarnings("unchecked")
        BarChart<String, Number> bars = robot.lookup("#pingHistogram").queryAs(BarChart.class);
        return (javafx.scene.control.Label) bars.getXAxis().lookup(".axis-label");
    }
}
