package io.webprobe.ui.ping;

import io.webprobe.ping.PingMode;
import io.webprobe.ui.common.Spinners;
import io.webprobe.ui.common.StatusLine;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Ping tab: the URL list and settings on the left; the live table ({@link PingTable}) and
 * the charts ({@link PingCharts}: the latency per second and the selected URL's histogram) on
 * the right; a status bar. Only binds to {@link PingViewModel}.
 */
public final class PingView {
    private static final javafx.scene.input.KeyCombination START =
            new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.ENTER,
                    javafx.scene.input.KeyCombination.SHORTCUT_DOWN);
    private final PingViewModel vm;
    private final BorderPane root = new BorderPane();

    public PingView(PingViewModel vm) {
        this.vm = vm;
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::handleKey);
        root.setLeft(sidePanel());
        root.setCenter(results());
        // the run's one status line, live while it runs, as the Crawl tab's; its end wraps, as
        // the Compare tab's does: cut to one line it read "…still waiting for an answer when
        // the time ra..." at 1,000 px; under a message that follows it (an export's) it stays
        root.setBottom(StatusLine.wrapping("pingStatus", vm.statusLineProperty()));
    }

    public Node root() {
        return root;
    }

    /**
     * The tab's keys, as the Crawl tab's: Ctrl+Enter starts (Enter is a new line in the list
     * of URLs), Esc stops a running test; for a key pressed inside the tab or, while the tab is
     * shown, on its tab header (the main window forwards those). The tab had none: from the
     * keyboard a test was started by tabbing to Start, and Esc stopped nothing.
     */
    public void handleKey(javafx.scene.input.KeyEvent e) {
        if (START.match(e)) {
            if (!vm.runningProperty().get()) {
                // as a click on Start does, the box being typed in commits (or reverts) first
                io.webprobe.ui.common.Spinners.commitFocused(root.getScene());
                vm.start();
            }
            e.consume();
        } else if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE
                && vm.runningProperty().get()) {
            vm.stop();
            e.consume();
        }
    }

    /**
     * Puts URLs in the list (from the Crawl tab's "Ping these"), asking before it replaces the
     * user's own.
     *
     * @return false when the user cancelled
     */
    public boolean setTargets(List<String> urls) {
        return vm.setTargets(urls);
    }

    /** Lets the main window's menu reuse the tab's export action. */
    public void exportCsv() {
        vm.exportCsv();
    }

    /** Whether the tab has a run to export: its menu item is greyed as its button is. */
    public javafx.beans.value.ObservableBooleanValue exportableProperty() {
        return vm.exportableProperty();
    }

    private Node sidePanel() {
        TextArea urls = io.webprobe.ui.common.TabKey.movesFocus(new TextArea());
        urls.setId("pingTargets");
        urls.setPromptText("One URL per line; # starts a comment");
        urls.textProperty().bindBidirectional(vm.targetsProperty());
        urls.setPrefRowCount(8);
        urls.disableProperty().bind(vm.runningProperty());
        // a line wider than the list scrolled it sideways to the caret, and every line then
        // showed cut at its start ("tp://127.0.0.1..."): shown from the left but while typed in
        urls.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                urls.setScrollLeft(0);
            }
        });
        VBox.setVgrow(urls, Priority.ALWAYS);

        Label problems = new Label();
        problems.setId("pingProblems");
        problems.getStyleClass().add("field-error");
        problems.setWrapText(true);
        problems.textProperty().bind(vm.targetProblemsProperty());
        problems.visibleProperty().bind(vm.targetProblemsProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());
        // seven lines at most (TargetProblems names a few): a file's bad lines, a red line
        // each, pushed the list down to one line's height
        problems.maxHeightProperty().bind(problems.fontProperty().map(f -> f.getSize() * 10));
        // never squeezed below its text (the list above gives way): at the window's first
        // size, and with Fixed rate's extra row, the last reason was cut ("Only http:// ...")
        problems.setMinHeight(Region.USE_PREF_SIZE);
        // two lines of the list stay, three while there is room: with three at least (60 px),
        // a run's summary on two lines of the status bar (at 960×640 after a Fixed rate run)
        // made the settings scroll, their scroll bar took 15 px from the table, and the table
        // scrolled sideways
        urls.setMinHeight(44);
        Tooltip problemsTip = new Tooltip();
        problemsTip.setWrapText(true);
        problemsTip.setMaxWidth(500);
        problemsTip.textProperty().bind(vm.targetProblemsProperty());
        problems.setTooltip(problemsTip);

        Button load = button("pingLoad", "Load from file…", vm::loadTargetsFromFile);
        load.disableProperty().bind(vm.runningProperty());

        ComboBox<String> method = new ComboBox<>();
        method.setId("pingMethod");
        method.getItems().addAll("GET", "HEAD");
        method.valueProperty().bindBidirectional(vm.methodProperty());

        ComboBox<PingMode> mode = new ComboBox<>();
        mode.setId("pingMode");
        mode.getItems().addAll(PingMode.values());
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(PingMode m) {
                return m == null ? "" : switch (m) {
                    case COUNT -> "Requests per URL";
                    case DURATION -> "For a duration";
                    // "(open loop)" went to the tooltip: at 960×640 the box read
                    // "Fixed rate (open l…"
                    case RATE -> "Fixed rate";
                };
            }

            @Override
            public PingMode fromString(String s) {
                return null;
            }
        });
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        Tooltip modeTip = new Tooltip("Requests per URL, For a duration: a closed loop, each "
                + "worker sends its next request when the previous one is answered.\n"
                + "Fixed rate: an open loop at the rate given in total; each request has an "
                + "intended start time, and latency is measured from it, so a stalled server "
                + "shows in p99. Requests that could not be sent on time are counted.");
        modeTip.setWrapText(true);
        modeTip.setMaxWidth(420);
        mode.setTooltip(modeTip);

        Spinner<Integer> count = intSpinner("pingCount", 1, PingLimits.MAX_COUNT,
                vm.countProperty().get());
        count.valueProperty().addListener((o, a, b) -> vm.countProperty().set(b));
        Spinner<Integer> duration = intSpinner("pingDuration", 1,
                PingLimits.MAX_DURATION_SECONDS, vm.durationSecondsProperty().get());
        duration.valueProperty().addListener((o, a, b) -> vm.durationSecondsProperty().set(b));
        Spinner<Double> rate = decimalSpinner("pingRate", PingLimits.MIN_RATE,
                PingLimits.MAX_RATE, vm.rateProperty().get());
        rate.valueProperty().addListener((o, a, b) -> vm.rateProperty().set(b));
        Spinner<Integer> concurrency = intSpinner("pingConcurrency", 1,
                PingLimits.MAX_CONCURRENCY, vm.concurrencyProperty().get());
        concurrency.valueProperty().addListener((o, a, b) -> vm.concurrencyProperty().set(b));
        Spinner<Double> timeout = decimalSpinner("pingTimeout", PingLimits.MIN_TIMEOUT_SECONDS,
                PingLimits.MAX_TIMEOUT_SECONDS, vm.timeoutSecondsProperty().get());
        timeout.valueProperty().addListener((o, a, b) -> vm.timeoutSecondsProperty().set(b));

        CheckBox follow = new CheckBox("Follow redirects");
        follow.setId("pingFollow");
        follow.selectedProperty().bindBidirectional(vm.followRedirectsProperty());
        CheckBox keepAlive = new CheckBox("Keep-alive");
        keepAlive.setId("pingKeepAlive");
        keepAlive.selectedProperty().bindBidirectional(vm.keepAliveProperty());
        CheckBox http2 = new CheckBox("HTTP/2 (https URLs)");
        http2.setId("pingHttp2");
        http2.selectedProperty().bindBidirectional(vm.http2Property());
        http2.setTooltip(new Tooltip("Ask https URLs for HTTP/2, as oha --http2 and curl --http2 "
                + "do; a server without it is pinged over HTTP/1.1, and the Protocol column "
                + "says which answered. Needs keep-alive."));

        GridPane settings = new GridPane();
        settings.setHgap(8);
        settings.setVgap(6);
        Label headersLabel = new Label("Headers");
        TextArea headers = headersBox();
        Label trust = new Label("Trust certificate");
        trust.setMinWidth(Region.USE_PREF_SIZE);
        TextField certificate = certificateField();
        Button choose = chooseCertificate(certificate);
        CheckBox insecure = insecureBox();
        // the rows in order, those of other modes left out: a hidden row of a GridPane still
        // takes its gap, and "For a duration" opened with an empty band above Duration
        Runnable layout = () -> {
            PingMode m = vm.modeProperty().get();
            settings.getChildren().clear();
            int row = 0;
            settings.addRow(row++, new Label("Method"), method);
            settings.addRow(row++, new Label("Mode"), mode);
            if (m == PingMode.COUNT) {
                settings.addRow(row++, new Label("Requests/URL"), count);
            }
            if (m == PingMode.RATE) {
                settings.addRow(row++, new Label("Rate (req/s)"), rate);
            }
            if (m != PingMode.COUNT) {
                settings.addRow(row++, new Label("Duration (s)"), duration);
            }
            settings.addRow(row++, new Label("Concurrency"), concurrency);
            settings.addRow(row++, new Label("Timeout (s)"), timeout);
            settings.add(follow, 0, row++, 2, 1);
            // side by side (HTTP/2 needs keep-alive), HTTP/2 in line with the boxes above: a
            // row less, so Fixed rate's settings fit the smallest window (960×640) without
            // scrolling, where "Skip certificate checks" was below the pane's edge
            settings.addRow(row++, keepAlive, http2);
            // beside its label, as the boxes above: a row of its own pushed the status bar
            // out of the smallest window
            settings.addRow(row++, headersLabel, headers);
            settings.addRow(row++, trust, choose);
            settings.add(certificate, 0, row++, 2, 1);
            settings.add(insecure, 0, row, 2, 1);
        };
        layout.run();
        vm.modeProperty().addListener((o, was, now) -> layout.run());
        settings.disableProperty().bind(vm.runningProperty());

        Button start = button("pingStart", "Start", vm::start);
        start.setTooltip(new Tooltip("Start (Ctrl+Enter)"));
        start.disableProperty().bind(vm.runningProperty());
        Button stop = button("pingStop", "Stop", vm::stop);
        stop.setTooltip(new Tooltip("Stop (Esc)"));
        stop.disableProperty().bind(vm.runningProperty().not());
        Button export = button("pingExport", "Export CSV…", vm::exportCsv);
        export.disableProperty().bind(vm.exportableProperty().not());
        HBox buttons = new HBox(8, start, stop, export);

        Label title = new Label("URLs");
        title.getStyleClass().add("section-title");
        Label settingsTitle = new Label("Settings");
        settingsTitle.getStyleClass().add("section-title");
        VBox content = new VBox(8, title, urls, problems, load, settingsTitle, settings);
        content.setPadding(new Insets(10, 10, 0, 10));
        // the list and settings scroll in a window too short for them (Fixed rate's rows and
        // the Headers box at 960×640), rather than pushing the status bar out of the window;
        // a taller one gives the room to the list. Start and Stop stay in sight below.
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("settings-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        buttons.setPadding(new Insets(0, 10, 10, 10));
        VBox side = new VBox(8, scroll, buttons);
        // 300 px, not 330: the 30 px let the table's Errors column hold "10 Connection
        // refused" whole (ErrorsColumn) beside a 200 px URL column and the vertical scroll
        // bar's place at the default 1,200 px, and the default columns fit at 960 px; the
        // settings need 297 (Mode's "Requests per URL" beside "Trust certificate"), and the
        // scroll bar's width besides while they scroll (at 960×640 after a Fixed rate run,
        // whose summary takes two lines of the status bar, "HTTP/2 (https UR..." was cut)
        side.setPrefWidth(SIDE_WIDTH);
        scroll.skinProperty().addListener((o, was, now) -> {
            for (javafx.scene.Node n : scroll.lookupAll(".scroll-bar")) {
                if (n instanceof javafx.scene.control.ScrollBar bar
                        && bar.getOrientation() == Orientation.VERTICAL) {
                    bar.visibleProperty().addListener((ov, hid, shown) -> side.setPrefWidth(
                            SIDE_WIDTH + (shown ? bar.prefWidth(-1) : 0)));
                }
            }
        });
        side.setMinWidth(280);
        return side;
    }

    /** -H: extra request headers, "Name: value" one per line. */
    private TextArea headersBox() {
        TextArea box = io.webprobe.ui.common.TabKey.movesFocus(new TextArea());
        box.setId("pingHeaders");
        box.setPromptText("Name: value");
        box.setPrefRowCount(2);
        box.setPrefWidth(120); // the spinners' width: the column stays as it was
        box.setWrapText(false);
        box.setTooltip(new Tooltip("Request headers sent with every request (a token, a "
                + "cookie), as ping -H does: one 'Name: value' per line; 'Name:' with no "
                + "value leaves that header out, as curl does (Accept:, User-Agent:), and "
                + "'Name;' sends it with an empty value. Kept "
                + "while the window is open, never saved."));
        box.textProperty().bindBidirectional(vm.headersProperty());
        return box;
    }

    /** --cacert: a PEM file trusted besides the usual authorities, typed or chosen. */
    private TextField certificateField() {
        TextField file = new TextField();
        file.setId("pingCaCertFile");
        file.setPromptText("none");
        file.setTooltip(new Tooltip("A PEM file of certificates to trust besides the usual "
                + "authorities: a staging or intranet site's self-signed certificate, or its "
                + "private authority's. Host names are still checked."));
        file.textProperty().bindBidirectional(vm.certificateFileProperty());
        file.disableProperty().bind(vm.insecureProperty());
        return file;
    }

    private Button chooseCertificate(TextField file) {
        Button choose = new Button("Choose…");
        choose.setId("pingCaCertChoose");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(e -> vm.chooseCertificateFile());
        choose.disableProperty().bind(file.disableProperty());
        return choose;
    }

    /** --insecure. */
    private CheckBox insecureBox() {
        CheckBox box = new CheckBox("Skip certificate checks (insecure)");
        box.setId("pingInsecure");
        box.setTooltip(new Tooltip("Accept any certificate for any host name, as for a test "
                + "server: nothing proves the site is the one named"));
        box.selectedProperty().bindBidirectional(vm.insecureProperty());
        return box;
    }

    private Node results() {
        ProgressBar progress = new ProgressBar();
        progress.setId("pingProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.runningProperty()
                .or(vm.progressProperty().greaterThan(0)));
        // a ProgressBar's minimum height is 0, and the VBox gives the split pane below (whose
        // preferred height is more than the tab has) its room first: the bar, "visible", was
        // squeezed to 0 px and never seen, during a run or after
        progress.setMinHeight(Region.USE_PREF_SIZE);
        // its room is kept while it is hidden (before the first run), unlike the Crawl tab's:
        // the table does not move when a run starts (PingColumnsWindowTest)

        SplitPane split = new SplitPane(new PingTable(vm).node(), new PingCharts(vm).node());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox box = new VBox(6, progress, split);
        box.setPadding(new Insets(10, 10, 6, 0));
        return box;
    }

    /** The settings' width beside the table, while they do not scroll. */
    private static final double SIDE_WIDTH = 300;

    private static Spinner<Integer> intSpinner(String id, int min, int max, int value) {
        Spinner<Integer> s = Spinners.whole(id, min, max, value);
        s.setPrefWidth(120);
        return s;
    }

    private static Spinner<Double> decimalSpinner(String id, double min, double max,
            double value) {
        Spinner<Double> s = Spinners.decimal(id, min, max, value, 1);
        s.setPrefWidth(120);
        return s;
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
