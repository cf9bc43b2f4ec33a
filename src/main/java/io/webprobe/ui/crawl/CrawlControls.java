package io.webprobe.ui.crawl;

import io.webprobe.ui.common.Buttons;
import io.webprobe.ui.common.DialogService;
import io.webprobe.ui.common.FieldError;
import io.webprobe.ui.common.RunProgress;
import io.webprobe.ui.common.Spinners;
import io.webprobe.ui.listcheck.ListInputView;
import java.util.List;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;

/**
 * The top of the Crawl tab: Site or List mode, the start URL (with the last 20 in its
 * drop-down) or the list of URLs, threads, Start / Pause / Stop, Export and Ping these, the
 * sentences about bad input, the settings and the progress bar.
 */
final class CrawlControls {
    private final VBox root;
    private final TextField urlField;
    /** The height under the settings that the lines coming and going there take. */
    private final DoubleProperty below = new SimpleDoubleProperty(this, "below");
    private final TitledPane settings;
    /** The progress bar, and beside it the offer to resume while there is one. */
    private final HBox progressLine;

    /** What the Export button's items do. */
    interface Exports {
        void all();

        void view();

        void selection();
    }

    /**
     * @param offers the height the offers above the workspace take while they show (the open
     *     settings leave it to them)
     */
    CrawlControls(CrawlViewModel vm, DialogService dialogs, Exports exports, Runnable pingThese,
            ObjectProperty<Integer> threadsValue, ObservableDoubleValue offers) {
        ToggleButton site = new ToggleButton("Site");
        site.setId("modeSite");
        site.setTooltip(new Tooltip("Crawl a site from its start URL, following its links"));
        ToggleButton list = new ToggleButton("List");
        list.setId("modeList");
        list.setTooltip(new Tooltip("Check a list of URLs once each, without following links"));
        SegmentedButton mode = new SegmentedButton(site, list);
        mode.disableProperty().bind(vm.runningProperty());
        (vm.modeProperty().get() == CrawlMode.LIST ? list : site).setSelected(true);
        mode.getToggleGroup().selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one is always chosen
            } else {
                vm.modeProperty().set(now == list ? CrawlMode.LIST : CrawlMode.SPIDER);
            }
        });
        vm.modeProperty().addListener((o, was, now) ->
                (now == CrawlMode.LIST ? list : site).setSelected(true));

        ComboBox<String> url = new ComboBox<>(vm.recentUrls());
        url.setEditable(true);
        url.setId("crawlUrlBox");
        url.setMaxWidth(Double.MAX_VALUE);
        url.setPrefWidth(320); // grows with the window; its items must not widen the window
        url.setMinWidth(160);
        url.setPromptText("https://example.com/");
        urlField = url.getEditor();
        urlField.setId("crawlUrl");
        urlField.textProperty().bindBidirectional(vm.urlProperty());
        // the combo box keeps Enter for itself: catch it first, so Enter starts as in a field
        url.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && !e.isShortcutDown()) {
                e.consume();
                vm.start();
            }
        });
        url.disableProperty().bind(vm.runningProperty());
        url.visibleProperty().bind(vm.modeProperty().isEqualTo(CrawlMode.SPIDER));
        url.managedProperty().bind(url.visibleProperty());
        HBox.setHgrow(url, Priority.ALWAYS);
        Node listInput = new ListInputView(vm.list(), dialogs, vm.runningProperty()).root();
        listInput.visibleProperty().bind(vm.modeProperty().isEqualTo(CrawlMode.LIST));
        listInput.managedProperty().bind(listInput.visibleProperty());
        HBox.setHgrow(listInput, Priority.ALWAYS);

        Spinner<Integer> threads = Spinners.whole("crawlThreads", 1, CrawlSettings.MAX_THREADS,
                vm.threadsProperty().get());
        threads.setPrefWidth(80);
        threads.getTooltip().setText("Worker threads: how many requests run at once. "
                + threads.getTooltip().getText());
        threads.getValueFactory().valueProperty().bindBidirectional(threadsValue);
        // locked only while a crawl runs: after Stop, a resume runs with the threads shown
        // (CrawlRun.resume), though the other settings shown are the crawl's own, locked
        threads.disableProperty().bind(vm.runningProperty());

        Button start = Buttons.of("crawlStart", "Start", vm::start);
        start.setTooltip(new Tooltip("Start (Ctrl+Enter)"));
        start.disableProperty().bind(vm.runningProperty());
        Button pause = Buttons.of("crawlPause", "Pause", vm::togglePause);
        pause.textProperty().bind(Bindings.when(vm.pausedProperty()).then("Resume")
                .otherwise("Pause"));
        pause.disableProperty().bind(vm.runningProperty().not());
        // wide enough for "Resume": the controls beside it do not move when it is pressed
        pause.setStyle("-fx-min-width: 6.5em;");
        Button stop = Buttons.of("crawlStop", "Stop", vm::stop);
        stop.setTooltip(new Tooltip("Stop (Esc)"));
        stop.disableProperty().bind(vm.runningProperty().not());

        SplitMenuButton export = new SplitMenuButton();
        export.setId("crawlExport");
        export.setText("Export CSV…");
        export.setTooltip(new Tooltip("Every URL with every column, the broken links beside "
                + "(Ctrl+E); the arrow offers this view or the selection"));
        export.setOnAction(e -> exports.all());
        MenuItem view = new MenuItem("Export this view (columns shown)…");
        view.setId("exportView");
        view.setOnAction(e -> exports.view());
        MenuItem selection = new MenuItem("Export selected URLs (columns shown)…");
        selection.setId("exportSelection");
        selection.setOnAction(e -> exports.selection());
        CheckMenuItem excel = new CheckMenuItem("Excel-friendly (UTF-8 with BOM)");
        excel.setId("exportExcel");
        excel.selectedProperty().bindBidirectional(vm.excelFriendlyProperty());
        export.getItems().addAll(view, selection, excel);
        export.disableProperty().bind(vm.hasCrawlProperty().not());

        Button ping = Buttons.of("crawlPingThese", "Ping these", pingThese);
        ping.setTooltip(new Tooltip("Send the selected URLs (or all of them) to the Ping tab"));
        ping.disableProperty().bind(vm.hasCrawlProperty().not());

        Label threadsLabel = new Label("Threads");
        // centred on its box (the bar's top alignment, for the list's tall text area, put it
        // a few pixels above the box's text); not stretched to the list's height either
        HBox threadsBox = new HBox(8, threadsLabel, threads);
        threadsBox.setAlignment(Pos.CENTER_LEFT);
        threadsBox.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // the URL field gives way when the window narrows; these keep their words (they
        // shrank to "…")
        for (javafx.scene.layout.Region r : List.of(mode, threadsLabel, threads, threadsBox,
                start, pause, stop, export, ping)) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, mode, url, listInput, threadsBox, start, pause, stop, export,
                ping);
        bar.setAlignment(Pos.TOP_LEFT);

        Label error = FieldError.label("crawlUrlError", vm.urlErrorProperty());
        Label settingsError = FieldError.label("crawlSettingsError",
                vm.settingsErrorProperty());

        settings = new CrawlSettingsPane(vm.settings(), vm.settingsLockedProperty(),
                vm.crawlSettingsShownProperty(), vm.runningProperty(), below, dialogs).root();

        ProgressBar progress = RunProgress.bar("crawlProgress", vm.progressProperty(),
                vm.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setMinWidth(100);
        progress.setMaxHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        progressLine = new HBox(8, progress);
        progressLine.setId("crawlProgressLine");
        progressLine.setAlignment(Pos.CENTER_LEFT);
        showWhileAnyIs(progressLine);
        // what the bar measures, with the status bar's crawled count (a bar without words
        // beside the status bar's count and the table's left a user to guess)
        Tooltip progressTip = new Tooltip();
        progressTip.textProperty().bind(vm.progressTextProperty());
        progress.tooltipProperty().bind(Bindings.when(vm.progressTextProperty().isEmpty())
                .then((Tooltip) null).otherwise(progressTip));

        // the settings' error under them: over them, its line coming and going (a Start, a
        // field fixed) moved every field 22 px, and a click meant for one landed in another
        root = new VBox(6, bar, error, settings, settingsError, progressLine);
        below.bind(Bindings.add(offers, Bindings.add(shownHeight(settingsError),
                shownHeight(progressLine))));
        root.setPadding(new Insets(10, 10, 6, 10));
    }

    Node root() {
        return root;
    }

    /**
     * Puts {@code offer} (the offer to resume) on the progress bar's line, at its right: a
     * line of its own above the workspace, it took ~45 px, and the open settings of a stopped
     * crawl scrolled in a window of the default size.
     */
    void besideProgress(Region offer) {
        HBox.setHgrow(offer, Priority.SOMETIMES);
        progressLine.getChildren().add(offer);
        showWhileAnyIs(progressLine);
    }

    /** Whether the settings are open. */
    ReadOnlyBooleanProperty settingsOpenProperty() {
        return settings.expandedProperty();
    }

    /** Shows (and lays out) {@code line} while any of its children shows. */
    private static void showWhileAnyIs(HBox line) {
        line.visibleProperty().unbind();
        BooleanExpression any = Bindings.createBooleanBinding(() -> false);
        for (Node n : line.getChildren()) {
            any = any.or(n.visibleProperty());
        }
        line.visibleProperty().bind(any);
        line.managedProperty().bind(line.visibleProperty());
    }

    /** A line's height with the gap above it, 0 while it is hidden. */
    private DoubleBinding shownHeight(Region line) {
        return Bindings.createDoubleBinding(() -> line.isManaged()
                ? line.getHeight() + root.getSpacing() : 0,
                line.managedProperty(), line.heightProperty());
    }

    /** The start URL field (the editor of its drop-down of recent start URLs). */
    TextField urlField() {
        return urlField;
    }

}
