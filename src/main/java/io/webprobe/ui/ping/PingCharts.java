package io.webprobe.ui.ping;

import io.webprobe.http.UrlSyntax;
import io.webprobe.ping.LatencyBin;
import io.webprobe.ping.LatencyPoint;
import io.webprobe.ui.common.CellWidths;
import io.webprobe.ui.common.ChartNote;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The Ping tab's two charts, side by side: p50 and p99 per second of the run, all URLs
 * ({@link PingViewModel#series()}), and the selected URL's latency histogram ({@link
 * PingViewModel#histogram()}). Only mirrors those two lists; FX thread only.
 */
final class PingCharts {
    /** The histogram's note while no URL is selected, and for one that got no response. */
    static final String NO_URL_NOTE =
            "The response times of the URL selected in the table appear here.";
    static final String NO_RESPONSE_NOTE = "No response from this URL to draw.";
    private final PingViewModel vm;
    private final HBox node;
    private final LineChart<Number, Number> line;
    private final NumberAxis seconds = new NumberAxis(0, 10, 1);
    private XYChart.Series<Number, Number> p50;
    private XYChart.Series<Number, Number> p99;

    PingCharts(PingViewModel vm) {
        this.vm = vm;
        seconds.setLabel("Seconds");
        seconds.setAutoRanging(false); // fitted below: a run of 10 ms has one point, at 0.01 s
        // its steps as many as its width has room for
        seconds.widthProperty().addListener(o -> fitSeconds());
        // and as long as the run has gone on: a run whose answers stopped (a server gone
        // silent, every request failing) kept an axis of 0 to 4 s for the 65 s it lasted, as if
        // the chart had frozen
        vm.runSecondsProperty().addListener(o -> fitSeconds());
        // and, empty, as long as the run set would go on: it read 0 to 10 s whatever the
        // duration set (a 60 s test's axis said 10 s until its first answer)
        vm.modeProperty().addListener(o -> fitSeconds());
        vm.durationSecondsProperty().addListener(o -> fitSeconds());
        // and, while a run of a set duration goes, as long as it will go on: at its first
        // point a 10 s run's axis shrank from 0-10 to 0-2 s, then grew a second at a time, the
        // lines redrawn wider each second; once it has ended (or was stopped), as long as it was
        vm.runningProperty().addListener(o -> fitSeconds());
        // the axis always marks its upper bound too, which is off the steps' grid (a 17 s run:
        // 0, 2 … 16 and 17): its label sat on the one before ("16" over "17"), so it has none
        NumberAxis.DefaultFormatter plain = new NumberAxis.DefaultFormatter(seconds);
        seconds.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return onGrid(seconds, n.doubleValue()) ? plain.toString(n) : "";
            }

            @Override
            public Number fromString(String s) {
                return plain.fromString(s);
            }
        });
        NumberAxis y = new NumberAxis();
        // the title says it is latency: "Latency (ms)" read "Latency (..." up the plot's side
        // at 960×640
        y.setLabel("ms");
        line = new LineChart<>(seconds, y);
        line.setId("pingChart");
        // two lines, as the histogram's beside it (its URL on the second): the plots line up
        line.setTitle("Latency per second\nall URLs");
        line.setAnimated(false);
        line.setCreateSymbols(false);
        // which line is which beside the plot: below it, the chart hid its legend at 960×640
        // (less than 150 px of plot would have been left), p50 and p99 told apart by colour
        line.setLegendSide(javafx.geometry.Side.RIGHT);
        newLines();
        vm.series().addListener((ListChangeListener<LatencyPoint>) this::mirror);
        javafx.scene.layout.StackPane bars = ChartNote.over(histogram(), "pingHistogramEmpty",
                NO_URL_NOTE, Bindings.isEmpty(vm.histogram()));
        // a URL selected that got no response (refused, not trusted) read "The response times
        // of the URL selected in the table appear here." under its own name
        ((Label) bars.lookup("#pingHistogramEmpty")).textProperty().bind(Bindings
                .when(vm.selectedUrlProperty().isNull()).then(NO_URL_NOTE)
                .otherwise(NO_RESPONSE_NOTE));
        node = growing(
                ChartNote.over(line, "pingChartEmpty", "The p50 and p99 of each second appear here "
                        + "while the test runs.", Bindings.isEmpty(vm.series())),
                bars);
        fitSeconds(); // the empty axis of the settings set (the window lays it out later)
    }


    Node node() {
        return node;
    }

    /**
     * New, empty p50 and p99 lines in place of the chart's. A LineChart whose series lose
     * their last point keeps drawing their old line (JavaFX 21 only redraws a line that has a
     * point): a new run showed the last run's lines until its own first second was over.
     */
    private void newLines() {
        p50 = new XYChart.Series<>();
        p50.setName("p50");
        p99 = new XYChart.Series<>();
        p99.setName("p99");
        line.getData().setAll(List.of(p50, p99));
    }

    /** Mirrors the list: points leave at the front (the series is a sliding window). */
    private void mirror(ListChangeListener.Change<? extends LatencyPoint> c) {
        if (vm.series().isEmpty()) {
            newLines(); // a new run (or none): nothing of the last one stays drawn
        } else {
            while (c.next()) {
                if (c.wasRemoved()) {
                    p50.getData().remove(c.getFrom(), c.getFrom() + c.getRemovedSize());
                    p99.getData().remove(c.getFrom(), c.getFrom() + c.getRemovedSize());
                }
                if (c.wasAdded()) {
                    List<XYChart.Data<Number, Number>> a50 = new ArrayList<>();
                    List<XYChart.Data<Number, Number>> a99 = new ArrayList<>();
                    for (LatencyPoint pt : c.getAddedSubList()) {
                        a50.add(new XYChart.Data<>(pt.atSeconds(), pt.p50Millis()));
                        a99.add(new XYChart.Data<>(pt.atSeconds(), pt.p99Millis()));
                    }
                    p50.getData().addAll(c.getFrom(), a50);
                    p99.getData().addAll(c.getFrom(), a99);
                }
            }
        }
        fitSeconds();
        // a line needs two points: a short run's one or two show as dots
        line.setCreateSymbols(vm.series().size() <= 2);
    }

    /** Whether {@code v} is a whole number of steps from the axis's lower bound. */
    static boolean onGrid(NumberAxis x, double v) {
        double k = (v - x.getLowerBound()) / x.getTickUnit();
        return Math.abs(k - Math.rint(k)) < 1e-6;
    }

    private void fitSeconds() {
        double planned = vm.modeProperty().get() == io.webprobe.ping.PingMode.COUNT ? 0
                : vm.durationSecondsProperty().get();
        fitSeconds(seconds, vm.series(), vm.runSecondsProperty().get(), planned,
                vm.runningProperty().get());
    }

    /**
     * The time axis over the points shown: from 0 (or, once the window slides, the first
     * point's whole second) to the last point's, or to {@code runSeconds}, how long the run
     * has gone on, when later; at least one second wide, in steps of 1, 2 or 5 times a power
     * of ten: at most ten of them, and no more than the axis has room for with their labels
     * apart (at 960×640 a run of under a second read "0.10.20.30.4"). Without points, from 0
     * to {@code plannedSeconds}, the duration set (0 for a count of requests, which has none),
     * or the run's time when later; with neither, the axis has no figures. While a run
     * goes ({@code running}), to the duration set at least, as long as its first points are
     * shown (a window slid on keeps to its points).
     */
    private static void fitSeconds(NumberAxis x, List<LatencyPoint> points, double runSeconds,
            double plannedSeconds, boolean running) {
        double lo = points.isEmpty() ? 0 : Math.floor(points.get(0).atSeconds());
        if (lo <= 1) {
            lo = 0;
        }
        double last = points.isEmpty() ? plannedSeconds : points.get(points.size() - 1)
                .atSeconds();
        if (running && lo == 0) {
            last = Math.max(last, plannedSeconds);
        }
        double hi = Math.max(lo + 1, Math.ceil(Math.max(last, runSeconds)));
        // a count of requests not yet started: how long it will take is not known
        x.setTickLabelsVisible(!points.isEmpty() || plannedSeconds > 0 || runSeconds > 0);
        int most = 10;
        if (x.getWidth() > 0) {
            // the widest label ("0.1", "3,700") and a gap of its height
            String widest = hi - lo < 10 ? String.format(java.util.Locale.ROOT, "%.1f", hi)
                    : String.format(java.util.Locale.ROOT, "%,d", (long) hi);
            javafx.scene.text.Text t = new javafx.scene.text.Text(widest);
            t.setFont(x.getTickLabelFont());
            double each = t.getLayoutBounds().getWidth() + t.getLayoutBounds().getHeight();
            most = (int) Math.max(1, Math.min(10, Math.floor(x.getWidth() / each)));
        }
        double step = Math.pow(10, Math.floor(Math.log10((hi - lo) / most)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if ((hi - lo) / (step * m) <= most) {
                step *= m;
                break;
            }
        }
        x.setLowerBound(lo);
        x.setUpperBound(hi);
        x.setTickUnit(step);
    }

    /**
     * The selected URL's latency histogram. Its categories never change: one fixed bar per bin
     * ("1" to "20"), whose heights are set in place; the axis title says which range the bars
     * cover. A BarChart whose categories are replaced at every update (and repeat when bins are
     * narrower than their labels' precision) can throw from inside its own code; one whose
     * categories stay put only redraws bars.
     */
    private BarChart<String, Number> histogram() {
        int n = PingViewModel.HISTOGRAM_BINS;
        List<String> categories = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            categories.add(Integer.toString(i));
        }
        CategoryAxis bx = new CategoryAxis(FXCollections.observableArrayList(categories));
        bx.setLabel("Response time (ms)");
        bx.setTickLabelsVisible(false);
        javafx.scene.chart.ValueAxis<Number> by = io.webprobe.ui.common.CountAxis.create(
                COUNT_TITLE);
        // a word the axis has room for: under a caption on two lines at 960×640 it read
        // "Respo…"
        by.heightProperty().addListener(o -> by.setLabel(
                by.lookup(".axis-label") instanceof Label l && by.getHeight() > 0
                        && CellWidths.textWidth(l.getFont(), COUNT_TITLE) + l.snappedLeftInset()
                                + l.snappedRightInset() > by.getHeight()
                        ? SHORT_COUNT_TITLE : COUNT_TITLE));
        BarChart<String, Number> bars = new BarChart<>(bx, by);
        bars.setId("pingHistogram");
        bars.titleProperty().bind(vm.histogramTitleProperty());
        // a URL too long for the chart's half of the window is cut in the middle, where a
        // site's URLs differ at their end, and is whole in the title's tooltip
        if (bars.lookup(".chart-title") instanceof Label title) {
            title.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            title.setEllipsisString("…"); // as the table's URL cells cut the URL
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(vm.selectedUrlProperty()
                    .map(UrlSyntax::forPeople));
            title.tooltipProperty().bind(vm.selectedUrlProperty().map(u -> tip));
        }
        bars.setAnimated(false);
        bars.setLegendVisible(false);
        bars.setBarGap(0);
        bars.setCategoryGap(1);
        XYChart.Series<String, Number> binSeries = new XYChart.Series<>();
        for (String c : categories) {
            binSeries.getData().add(new XYChart.Data<>(c, 0));
        }
        bars.getData().add(binSeries);
        // the caption whole, before fitted() folds it to the axis's width
        String[] caption = {bx.getLabel()};
        Runnable fit = () -> bx.setLabel(bx.lookup(".axis-label") instanceof Label l
                ? fitted(caption[0], l.getFont(), bx.getWidth()) : caption[0]);
        if (bx.lookup(".axis-label") instanceof Label l) {
            l.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        }
        bx.widthProperty().addListener(o -> fit.run());
        vm.histogram().addListener((ListChangeListener<LatencyBin>) c -> {
            List<LatencyBin> bins = vm.histogram();
            for (int i = 0; i < n; i++) {
                LatencyBin b = i < bins.size() ? bins.get(i) : null;
                binSeries.getData().get(i).setYValue(b == null ? 0 : b.count());
            }
            // short enough for the half of the window the chart has (the title says what)
            caption[0] = caption(bins, slowestOfSelected());
            fit.run();
            // laid out now: the chart was left needing a layout under a parent that had none
            // (seen after runs in the app and in PingWindowTest: bars 0 px high and the last
            // caption until another row was clicked); asked of the parent, it is done
            if (bars.getParent() != null) {
                bars.getParent().requestLayout();
            }
        });
        return bars;
    }

    private static HBox growing(Node... nodes) {
        HBox box = new HBox(nodes);
        for (Node n : nodes) {
            HBox.setHgrow(n, Priority.ALWAYS);
        }
        box.setAlignment(Pos.CENTER);
        return box;
    }

    /**
     * "2.36–11.9 ms · bars of 0.477 ms"; "every response 2,005 ms" when they all took the same
     * time (one response, say: "2005–2005 ms · bars of 0.001 ms" said nothing). Figures of a
     * thousand and more are grouped, as the table's p99 and Max beside it ("1,037").
     */
    static String caption(List<LatencyBin> bins) {
        return caption(bins, Double.NaN);
    }

    /**
     * {@link #caption(List)}, and where the last bar ends when it holds responses slower than
     * the range ({@code slowestMillis}, NaN when not known): the bars end at the URL's 99.9th
     * percentile, the slower ones in the last, and "1.83–484 ms" beside the table's Max of
     * "615.13" read as a range that left the slowest response out. "1.83–484 ms · bars of
     * 24.1 ms · last bar to 615 ms".
     */
    static String caption(List<LatencyBin> bins, double slowestMillis) {
        if (bins.isEmpty()) {
            return "Response time (ms)";
        }
        String from = label(bins.get(0).fromMillis());
        String to = label(bins.get(bins.size() - 1).toMillis());
        if (from.equals(to)) {
            return "every response " + from + " ms";
        }
        String slowest = Double.isNaN(slowestMillis) ? to : label(slowestMillis);
        return from + "–" + to + " ms · bars of "
                + label(bins.get(0).toMillis() - bins.get(0).fromMillis()) + " ms"
                + (slowestMillis > bins.get(bins.size() - 1).toMillis() && !slowest.equals(to)
                        ? LAST_BAR + slowest + " ms" : "");
    }

    /**
     * A caption wider than the axis under it with where its last bar ends on a line of its
     * own: in a Duration run at 960×640, the settings scrolling beside the table, it read
     * "0.472–127 ms · bars of 6.34 ms · l...". The axis takes the second line's height from
     * the chart only then.
     */
    static String fitted(String caption, javafx.scene.text.Font font, double width) {
        int note = caption.indexOf(LAST_BAR);
        if (note < 0 || width <= 0) {
            return caption;
        }
        javafx.scene.text.Text text = new javafx.scene.text.Text(caption);
        text.setFont(font);
        return text.getLayoutBounds().getWidth() <= width ? caption
                : caption.substring(0, note) + "\n" + caption.substring(note + 3);
    }

    /** The histogram's vertical axis, and the word it says in a chart too short for that. */
    static final String COUNT_TITLE = "Responses";
    static final String SHORT_COUNT_TITLE = "Count";

    /** Where the caption says the last bar ends. */
    private static final String LAST_BAR = " · last bar to ";

    /** The slowest response of the URL whose histogram is shown, NaN when not known. */
    private double slowestOfSelected() {
        String url = vm.selectedUrlProperty().get();
        return vm.rows().stream().filter(r -> r.url().equals(url)).findFirst()
                .map(PingRow::result).filter(r -> r.hasLatency())
                .map(r -> r.maxMillis()).orElse(Double.NaN);
    }

    private static String label(double ms) {
        return ms < 1 ? String.format(Locale.ROOT, "%.3f", ms)
                : ms < 10 ? String.format(Locale.ROOT, "%.2f", ms)
                : ms < 100 ? String.format(Locale.ROOT, "%.1f", ms)
                : String.format(Locale.ROOT, "%,.0f", ms);
    }
}
