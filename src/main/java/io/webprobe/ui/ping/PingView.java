package io.webprobe.ui.ping;

import io.webprobe.ping.PingMode;
import io.webprobe.ping.PingResult;
import io.webprobe.ui.common.CellWidths;
import io.webprobe.ui.common.SiteUrls;
import io.webprobe.ui.common.Spinners;
import io.webprobe.ui.common.StatusLine;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
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
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.ProgressBarTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Ping tab: the URL list and settings on the left; the live table and the charts ({@link
 * PingCharts): the latency per second and the selected URL's histogram) on the right; a status
 * bar. Only binds to {@link PingViewModel}.
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

        SplitPane split = new SplitPane(table(), new PingCharts(vm).node());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox box = new VBox(6, progress, split);
        box.setPadding(new Insets(10, 10, 6, 0));
        return box;
    }

    private TableView<PingRow> table() {
        // before the table's own listener: its cells, drawn anew, read the rows' shared sites
        vm.rows().addListener((javafx.collections.ListChangeListener<PingRow>) ch ->
                sharedSites = null);
        TableView<PingRow> table = new TableView<>(vm.rows());
        table.setId("pingTable");
        table.setPlaceholder(
                new Label("Results appear here, one row per URL, while the test runs."));
        TableColumn<PingRow, Double> progressCol = new TableColumn<>("Progress");
        progressCol.setPrefWidth(70);
        // the bar above the table shows the run's; a URL's own is in the column chooser
        progressCol.setVisible(false);
        progressCol.setCellValueFactory(f -> map(f.getValue(), r -> r.progress()));
        progressCol.setCellFactory(ProgressBarTableCell.forTableColumn());
        // the figures under one heading that names their unit, as oha's and wrk's reports do;
        // right after the counts and percentiles first, so the window's default width shows
        // what a latency test is for (the codes and errors follow, the Failed count says when
        // to look at them)
        TableColumn<PingRow, Void> latency = new TableColumn<>("Latency (ms)");
        latency.getStyleClass().add("group-start"); // its title where the group starts
        latency.getColumns().addAll(List.of(
                millis("p50", PingResult::p50Millis),
                hidden(millis("p90", PingResult::p90Millis)),
                hidden(millis("p95", PingResult::p95Millis)),
                millis("p99", PingResult::p99Millis),
                millis("Max", PingResult::maxMillis),
                hidden(millis("Min", PingResult::minMillis)),
                hidden(millis("Mean", PingResult::meanMillis)),
                hidden(width(millis("Std dev", PingResult::stddevMillis), 72))));
        // at a 1,300 px window Req/s, Codes, Errors and Bytes were behind the sideways scroll
        // and Protocol's header was cut: the columns are narrower, Progress, p95, Min, Mean and
        // Std dev wait in the column chooser (+), and a cut text is whole in its tooltip. At
        // the default 1,200 px, Errors ("Connection refused") and Bytes still were: Bytes (the
        // command line's table has none either) and p90 (between p50 and p99, 62 px that the
        // timeouts' "600,000" needs) wait in the chooser too, and Errors holds "Connection
        // refused" (136 px)
        TableColumn<PingRow, Number> notSent = notSent();
        // its bold header whole (38 px); "1,089.9" widens it (fitted())
        TableColumn<PingRow, Number> reqs = width(rate(), 52);
        // the URLs 200 px at first and URL_LEAST_WIDTH at least, in every mode: at 130 two
        // pages of one site read "http://1...iew.html" and "http://1...ods.html" beside Sent,
        // OK and Failed saying "10" in 62 px each; the 62 px of p95 (in the column chooser, as
        // the command line's table has no p95 either) pay for it, and OK's (Sent less Failed;
        // oha and JMeter's summary give the failures alone): Fixed rate's Not sent and HTTP/2's
        // Protocol made them 126 px at 1,280 px, and the table scrolled sideways at 1,200 px.
        // At the window's least width, 960 px, it did with the default columns: the URLs give
        // way to 160 px there, as the Crawl table's, the figures are narrower (FIGURE_WIDTH)
        TableColumn<PingRow, String> url = urlColumn(text("URL", URL_WIDTH, r -> r.url()));
        // its bold header whole (61 px) and "HTTP/1.1" (59 px and the cell's 7)
        TableColumn<PingRow, String> protocol = tipped(text("Protocol", 68,
                PingResult::protocol));
        // the codes and errors as wide as their text ("200×9 503×1" read "200×9 5..." in
        // 66 px) as far as the URLs can give them room, down to URL_LEAST_WIDTH; one code
        // whole at least, and the codes that fit whole with a count of the rest (CodesColumn)
        TableColumn<PingRow, String> codes = CodesColumn.create(this::wantsRoom);
        // and the errors as wide as theirs, each kind in a word when narrow (ErrorsColumn)
        TableColumn<PingRow, PingResult> errors = ErrorsColumn.create(vm::errorsOf,
                this::wantsRoom);
        url.setId("pingUrlColumn");
        table.getColumns().addAll(List.<TableColumn<PingRow, ?>>of(
                url,
                progressCol,
                // Sent: in flight included, as the status says
                // widths for 6-digit counts ("999,999")
                width(count("Sent", PingResult::requestsSent), FIGURE_WIDTH),
                hidden(width(count("OK", PingResult::ok), FIGURE_WIDTH)),
                width(failed(), FIGURE_WIDTH),
                notSent,
                latency,
                reqs,
                codes,
                errors,
                hidden(width(count("Bytes", PingResult::bytes), 76)),
                protocol));
        table.setTableMenuButtonVisible(true); // the column chooser, as in the Crawl tab
        // the URLs take the room the figures leave: at every window size the column stayed
        // 144 px, its rows "http://12...0.1:8765/", with empty space beside the last column
        fill = io.webprobe.ui.common.FillColumn.install(table, url);
        fill.setLeastWidth(URL_LEAST_WIDTH);
        fill.share(codes, CodesColumn.LEAST_WIDTH);
        fill.share(errors, ErrorsColumn.LEAST_WIDTH);
        // the figures keep their own widths while there is room, and give way, once the URLs
        // are at their least, as far as their headers and widest figures allow: at the
        // window's least width, 960 px, Fixed rate's Not sent and HTTP/2's Protocol made the
        // default columns 764 px of 631, and the table scrolled sideways
        table.getColumns().stream()
                .flatMap(c -> c.getColumns().isEmpty() ? java.util.stream.Stream.of(c)
                        : c.getColumns().stream())
                .filter(c -> !List.of(url, progressCol, codes, errors, protocol).contains(c))
                .forEach(fill::shareDownToContent);
        // shown in Fixed rate mode, the only one that can leave requests unsent, from before
        // the run on: shown only when a run ended with some, it pushed Errors out of sight
        // then (not bound: the chooser still shows or hides it)
        notSent.setVisible(vm.modeProperty().get() == PingMode.RATE);
        vm.modeProperty().addListener((o, was, now) -> notSent.setVisible(now == PingMode.RATE));
        // and Req/s in the chooser then: a URL's rate is its share of the rate asked for, less
        // what Not sent counts (the status bar says the run's against its target); at the
        // window's least width, 960 px, the default columns did not fit with it beside Not sent
        // and HTTP/2's Protocol, even with the figures at their titles' widths
        reqs.setVisible(vm.modeProperty().get() != PingMode.RATE);
        vm.modeProperty().addListener((o, was, now) -> reqs.setVisible(now != PingMode.RATE));
        // the same for Protocol, which says something only when HTTP/2 is asked for (without
        // it every row reads HTTP/1.1): its 68 px go to the URLs
        protocol.setVisible(vm.http2Property().get());
        vm.http2Property().addListener((o, was, now) -> protocol.setVisible(now));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedUrlProperty().set(b.url());
            }
        });
        // a new run's rows are told apart by their URLs: back to the first columns, wherever
        // the last run's were scrolled to (to read Codes or Errors, say)
        vm.runningProperty().addListener((o, was, now) -> {
            if (now) {
                table.scrollToColumnIndex(0);
                fill.forgetWants(); // the last run's codes and errors give their room back
            }
        });
        return table;
    }

    /** Fills the table's room with the URLs, sharing it with the codes and errors. */
    private io.webprobe.ui.common.FillColumn<PingRow> fill;

    /** Tells the table's room what a Codes or Errors cell's whole text needs. */
    private void wantsRoom(javafx.scene.control.TableCell<PingRow, ?> cell, String text) {
        if (fill != null && cell.getTableColumn() != null) {
            fill.want(cell.getTableColumn(), CellWidths.needed(cell, text));
        }
    }

    private static <T> ObservableValue<T> map(PingRow row, Function<PingResult, T> f) {
        return Bindings.createObjectBinding(() -> f.apply(row.result()), row.resultProperty());
    }

    /** The settings' width beside the table, while they do not scroll. */
    private static final double SIDE_WIDTH = 300;

    /** The URL column's first width (it fills the room the other columns leave). */
    public static final double URL_WIDTH = 200;

    /**
     * The URL column's least width in every mode: "http://127.0.0.1:18201/" whole (at 156 it
     * read "http://127…0.1:18201/"), as the Crawl table's; the codes and errors give way below
     * it, or the table scrolls sideways.
     */
    public static final double URL_LEAST_WIDTH = 160;

    /**
     * The own width of the counts' and figures' columns (Sent, Failed, the percentiles):
     * "999,999" and "600,000" (a timeout's latency, 54 px in the headless tests' font and the
     * cell's 6) whole, their headers too; a column widens to a figure wider ("1,515.46":
     * fitted()). At 62 px (Req/s 60, the URLs' least 180 px, Codes' 76, Errors' 92) the
     * default columns took 732 px at the window's least width, 960 px, where the table has
     * 631 beside the vertical scroll bar's place: Errors was behind the sideways scroll. Now
     * 636 (Req/s 52, the URLs 160, Codes and Errors at their least, 64 and 60, "Refused"
     * whole). Where that is too much (there, and Fixed rate's Not sent and HTTP/2's Protocol
     * at 960 px), a figures' column gives way to its title and widest figure
     * (FillColumn.shareDownToContent).
     */
    static final double FIGURE_WIDTH = 60;

    private static TableColumn<PingRow, String> text(String title, double width,
            Function<PingResult, String> f) {
        TableColumn<PingRow, String> c = new TableColumn<>(title);
        c.setComparator(io.webprobe.ui.common.TextOrder.comparator());
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> map(cell.getValue(), f));
        return c;
    }

    /**
     * The URLs as an address bar shows them (/café/, not /caf%C3%A9/; the export keeps the
     * URL), whole when they fit; one too wide shows the end of its path ("…/section-1/b.html")
     * when other rows are on its site (its scheme, host and port), as the Crawl table's URLs
     * of the crawled site do (at the URLs' least width, 160 px, several pages of one host read
     * "http://127.…990/b.html" alike); another is cut in the middle, keeping its host. The
     * whole URL is the tooltip.
     */
    private TableColumn<PingRow, String> urlColumn(TableColumn<PingRow, String> c) {
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
            private final io.webprobe.ui.common.UrlEnds ends =
                    new io.webprobe.ui.common.UrlEnds(this);

            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                String item = empty || value == null || value.isEmpty() ? null
                        : io.webprobe.http.UrlSyntax.forPeople(value);
                ends.show(item, item != null && sharedSites().contains(SiteUrls.siteOf(value)));
                tip.setText(item);
                setTooltip(item == null ? null : tip);
            }
        });
        return c;
    }

    /** The sites (SiteUrls.siteOf) of more than one row; null: not yet known for these rows. */
    private java.util.Set<String> sharedSites;

    /** The sites of more than one row, looked for once per list of rows. */
    private java.util.Set<String> sharedSites() {
        if (sharedSites == null) {
            java.util.Map<String, Long> rowsOf = vm.rows().stream()
                    .map(r -> SiteUrls.siteOf(r.url())).filter(java.util.Objects::nonNull)
                    .collect(java.util.stream.Collectors.groupingBy(s -> s,
                            java.util.stream.Collectors.counting()));
            rowsOf.values().removeIf(n -> n < 2);
            sharedSites = java.util.Set.copyOf(rowsOf.keySet());
        }
        return sharedSites;
    }

    /** A column the column chooser (+) shows; hidden at first. */
    private static <T> TableColumn<PingRow, T> hidden(TableColumn<PingRow, T> c) {
        c.setVisible(false);
        return c;
    }

    /** Text cut short by the column's width is whole in the cell's tooltip. */
    private static TableColumn<PingRow, String> tipped(TableColumn<PingRow, String> c) {
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();

            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value);
                tip.setText(value);
                setTooltip(empty || value == null || value.isEmpty() ? null : tip);
            }
        });
        return c;
    }

    /**
     * Open loop: the URL's requests never sent, because its requests before them still waited
     * for answers when the time ran out (or the run was stopped); 0 as the other counts say
     * none (a blank beside 9, 11 and 14 read as a figure missing).
     */
    private static TableColumn<PingRow, Number> notSent() {
        TableColumn<PingRow, Number> c = count("Not sent", PingResult::notSent);
        c.setId("pingNotSent");
        c.setPrefWidth(68); // its bold header whole (63 px)
        c.getStyleClass().add("two-lines"); // "Not / sent" when it gives way
        return c;
    }

    /** The column, its header and figures wider than its kind's default. */
    private static <T> TableColumn<PingRow, T> width(TableColumn<PingRow, T> c, double w) {
        c.setPrefWidth(w);
        return c;
    }

    private static TableColumn<PingRow, Number> count(String title, Function<PingResult, Long> f) {
        TableColumn<PingRow, Number> c = new TableColumn<>(title);
        c.setPrefWidth(70);
        c.setCellValueFactory(cell -> map(cell.getValue(), r -> (Number) f.apply(r)));
        c.setCellFactory(col -> formatted(n -> String.format(Locale.ROOT, "%,d", n.longValue())));
        return c;
    }

    /**
     * Failed requests; hovering a count says what they were (the Codes and Errors columns are
     * past the percentiles, out of sight at the window's first size).
     */
    private TableColumn<PingRow, Number> failed() {
        TableColumn<PingRow, Number> c = count("Failed", PingResult::failed);
        c.setCellFactory(col -> rightAligned(new javafx.scene.control.TableCell<>() {
            private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();

            {
                // read as it opens: the cell redraws only when its count changes
                tip.setOnShowing(e -> {
                    PingRow row = getTableRow() == null ? null : getTableRow().getItem();
                    tip.setText(row == null ? "" : vm.failuresOf(row.result()));
                });
            }

            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                PingRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (empty || item == null || row == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(String.format(Locale.ROOT, "%,d", item.longValue()));
                setTooltip(item.longValue() == 0 ? null : tip);
                CellWidths.fitted(this);
            }
        }));
        return c;
    }

    /** Requests per second; "–" for a URL not requested in the run (it could not be set up). */
    private static TableColumn<PingRow, Number> rate() {
        TableColumn<PingRow, Number> c = new TableColumn<>("Req/s");
        c.setId("pingRateColumn");
        c.setCellValueFactory(cell -> map(cell.getValue(),
                r -> r.hasRate() ? (Number) r.requestsPerSecond() : null));
        c.setCellFactory(col -> formatted(n -> PingResult.rateText(n.doubleValue(), true)));
        return c;
    }

    /** Milliseconds as {@link #millisText} says them; "–" while no response was measured. */
    private static TableColumn<PingRow, Number> millis(String title,
            ToDoubleFunction<PingResult> f) {
        TableColumn<PingRow, Number> c = new TableColumn<>(title);
        c.setPrefWidth(FIGURE_WIDTH); // wider when a figure needs it (fitted())
        c.setCellValueFactory(cell -> map(cell.getValue(),
                r -> r.hasLatency() ? (Number) f.applyAsDouble(r) : null));
        c.setCellFactory(col -> formatted(n -> millisText(n.doubleValue())));
        return c;
    }

    /**
     * Milliseconds with two decimals and thousands separators, whatever their size ("23.16",
     * "11,940.37"): one format down a column (whole from a second up, p50 read "272.76" over
     * "2,462"), the two decimals the command line's table shows. A column widens to its widest
     * figure (fitted()): "11940.37" was cut to "1194...".
     */
    static String millisText(double ms) {
        return String.format(Locale.ROOT, "%,.2f", ms);
    }

    private static javafx.scene.control.TableCell<PingRow, Number> formatted(
            Function<Number, String> fmt) {
        javafx.scene.control.TableCell<PingRow, Number> cell =
                new javafx.scene.control.TableCell<>() {
                    @Override
                    protected void updateItem(Number item, boolean empty) {
                        super.updateItem(item, empty);
                        setText(empty ? null : item == null ? "–" : fmt.apply(item));
                        CellWidths.fitted(this);
                    }
                };
        return rightAligned(cell);
    }

    private static <C extends javafx.scene.control.TableCell<PingRow, Number>> C rightAligned(
            C cell) {
        cell.setStyle("-fx-alignment: CENTER-RIGHT;");
        return cell;
    }

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
