package io.webprobe.ui.crawl;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.crawl.CrawlResult;
import java.util.List;
import java.util.function.Consumer;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;

/**
 * The Crawl tab: URL field and controls, overall progress, the live table of URLs, the broken
 * links, and a status bar. Only binds to {@link CrawlViewModel}; holds no state of its own.
 */
public final class CrawlView {
    private final CrawlViewModel vm;
    private final BorderPane root = new BorderPane();
    private Consumer<List<String>> onPingThese = urls -> { };
    private TableView<CrawlRow> pages;
    /** The threads spinner's two-way link to the settings (kept: bindings hold it weakly). */
    private final ObjectProperty<Integer> threadsValue;

    public CrawlView(CrawlViewModel vm) {
        this.vm = vm;
        this.threadsValue = vm.threadsProperty().asObject();
        root.setTop(controls());
        root.setCenter(tables());
        root.setBottom(statusBar());
    }

    public Node root() {
        return root;
    }

    private Node controls() {
        TextField url = new TextField();
        url.setId("crawlUrl");
        url.setPromptText("https://example.com/");
        url.textProperty().bindBidirectional(vm.urlProperty());
        url.setOnAction(e -> vm.start());
        url.disableProperty().bind(vm.runningProperty());
        HBox.setHgrow(url, Priority.ALWAYS);

        Spinner<Integer> threads = new Spinner<>(1, 64, vm.threadsProperty().get());
        threads.setId("crawlThreads");
        threads.setEditable(true);
        threads.setPrefWidth(80);
        threads.setTooltip(new Tooltip("Worker threads: how many requests run at once"));
        threads.getValueFactory().valueProperty().bindBidirectional(threadsValue);
        threads.disableProperty().bind(vm.runningProperty());

        Button start = button("crawlStart", "Start", vm::start);
        start.setDefaultButton(false);
        start.disableProperty().bind(vm.runningProperty());
        Button pause = button("crawlPause", "Pause", vm::togglePause);
        pause.textProperty().bind(Bindings.when(vm.pausedProperty()).then("Resume").otherwise("Pause"));
        pause.disableProperty().bind(vm.runningProperty().not());
        Button stop = button("crawlStop", "Stop", vm::stop);
        stop.disableProperty().bind(vm.runningProperty().not());
        Button export = button("crawlExport", "Export CSV…", vm::exportCsv);
        export.disableProperty().bind(Bindings.isEmpty(vm.rows()));
        Button ping = button("crawlPingThese", "Ping these", this::pingThese);
        ping.setTooltip(new Tooltip("Send the selected URLs (or all of them) to the Ping tab"));
        ping.disableProperty().bind(Bindings.isEmpty(vm.rows()));

        Label threadsLabel = new Label("Threads");
        HBox bar = new HBox(8, url, threadsLabel, threads, start, pause, stop, export, ping);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label error = errorLabel("crawlUrlError", vm.urlErrorProperty());
        Label settingsError = errorLabel("crawlSettingsError", vm.settingsErrorProperty());
        settingsError.setWrapText(true);

        TitledPane settings = new CrawlSettingsPane(vm.settings(), vm.settingsLockedProperty())
                .root();

        ProgressBar progress = new ProgressBar();
        progress.setId("crawlProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(
                vm.runningProperty().or(vm.progressProperty().greaterThan(0)));

        VBox top = new VBox(6, bar, error, settingsError, settings, progress);
        top.setPadding(new Insets(10, 10, 6, 10));
        return top;
    }

    private Node tables() {
        pages = pagesTable();
        TableView<BrokenLink> broken = brokenTable();
        Tab all = new Tab();
        all.textProperty().bind(Bindings.format(Locale.ROOT, "All URLs (%,d)", Bindings.size(vm.rows())));
        all.setContent(pages);
        Tab brokenTab = new Tab();
        brokenTab.setId("brokenTab");
        brokenTab.textProperty().bind(
                Bindings.format(Locale.ROOT, "Broken links (%,d)", Bindings.size(vm.brokenLinks())));
        brokenTab.setContent(broken);
        Tab orphansTab = new Tab();
        orphansTab.setId("orphansTab");
        orphansTab.textProperty().bind(
                Bindings.format(Locale.ROOT, "Orphans (%,d)", Bindings.size(vm.orphans())));
        orphansTab.setContent(orphansTable());
        orphansTab.setTooltip(new Tooltip("URLs the sitemaps list that no crawled page links to"));
        TabPane tabs = new TabPane(all, brokenTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // only after a crawl with sitemaps: without them there is nothing to compare against
        vm.orphansKnownProperty().addListener((o, was, known) -> {
            if (known && !tabs.getTabs().contains(orphansTab)) {
                tabs.getTabs().add(orphansTab);
            } else if (!known) {
                tabs.getTabs().remove(orphansTab);
            }
        });
        BorderPane.setMargin(tabs, new Insets(0, 10, 0, 10));
        return tabs;
    }

    private TableView<CrawlRow> pagesTable() {
        TableView<CrawlRow> table = new TableView<>();
        table.setId("crawlTable");
        table.setPlaceholder(new Label("No URLs yet: enter a start URL and press Start."));
        SortedList<CrawlRow> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getColumns().addAll(List.<TableColumn<CrawlRow, ?>>of(
                col("URL", 360, r -> r.result().url()),
                col("Status", 90, r -> r.result().statusText()),
                tooltipped(col("Reason", 200, r -> reason(r.result()))),
                col("Type", 110, r -> r.result().contentType()),
                sizeColumn(),
                number(col("Time (ms)", 85, r -> fetched(r) ? r.result().responseMillis() : null)),
                col("Title", 220, r -> r.result().title()),
                number(col("Depth", 55, r -> r.result().depth())),
                inlinksColumn(),
                number(col("Outlinks", 70, r -> r.result().outlinks())),
                col("Referrer", 260, r -> r.result().referrer()),
                col("Redirect to", 220, r -> r.result().redirectTo())));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        MenuItem pingSelected = new MenuItem("Ping selected URLs");
        pingSelected.setOnAction(e -> onPingThese.accept(selectedUrls(table)));
        MenuItem pingAll = new MenuItem("Ping all URLs");
        pingAll.setOnAction(e -> onPingThese.accept(allUrls()));
        table.setContextMenu(new ContextMenu(pingSelected, pingAll));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CrawlRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("broken", "not-fetched");
                if (!empty && row != null) {
                    if (row.result().isBroken()) {
                        getStyleClass().add("broken");
                    } else if (row.result().skipped() != null) {
                        getStyleClass().add("not-fetched"); // blocked or skipped: grey
                    }
                }
            }
        });
        return table;
    }

    /**
     * Whether the URL got a response worth a size and a time. Skipped and robots.txt-blocked
     * rows were never requested (blank); rate-limited and bot-wall rows were answered (429,
     * 403, 503, 999) and keep them.
     */
    private static boolean fetched(CrawlRow r) {
        return r.result().skipped() == null || r.result().status() > 0;
    }

    /** Why a URL was blocked, skipped or failed ("Rate limited: still HTTP 429…"), or "". */
    static String reason(CrawlResult r) {
        return r.skipped() != null || r.error() != null ? r.errorMessage() : "";
    }

    private TableView<CrawlResult> orphansTable() {
        TableView<CrawlResult> table = new TableView<>();
        table.setId("orphansTable");
        table.setPlaceholder(new Label("No orphans: a crawled page links to every URL the "
                + "sitemaps list."));
        SortedList<CrawlResult> sorted = new SortedList<>(vm.orphans());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getColumns().addAll(List.<TableColumn<CrawlResult, ?>>of(
                col("URL", 420, CrawlResult::url),
                col("Status", 90, CrawlResult::statusText),
                col("Type", 110, CrawlResult::contentType),
                col("Title", 260, CrawlResult::title),
                col("Indexable", 80, r -> r.indexable() ? "Yes" : "No"),
                tooltipped(col("Reason", 220, CrawlView::reason))));
        return table;
    }

    /** A red sentence under the URL bar, shown (and taking room) only while there is one. */
    private static Label errorLabel(String id, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("field-error");
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** Shows a cell's whole text as its tooltip: reasons are often longer than the column. */
    private static <S> TableColumn<S, String> tooltipped(TableColumn<S, String> c) {
        c.setCellFactory(column -> new TableCell<>() {
            private final Tooltip tip = new Tooltip(); // one per cell, not one per update

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean blank = empty || item == null || item.isEmpty();
                setText(blank ? null : item);
                tip.setText(blank ? "" : item);
                setTooltip(blank ? null : tip);
            }
        });
        return c;
    }

    /** What a Size cell says of a page cut at the download cap. */
    static final String CUT_TIP = "Cut at the download cap (Max page size): only this much "
            + "was downloaded and searched for links.";

    /**
     * The bytes downloaded, with " (cut)" after a page cut at the download cap. Sorts by the
     * size, so the cut pages, all at the cap, come together at the top of a descending sort.
     */
    private TableColumn<CrawlRow, Long> sizeColumn() {
        TableColumn<CrawlRow, Long> c = col("Size", 135,
                r -> fetched(r) ? r.result().sizeBytes() : null);
        c.setCellFactory(column -> new TableCell<>() {
            private final Tooltip cut = new Tooltip(CUT_TIP);

            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("truncated");
                if (empty || item == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                int i = getIndex();
                List<CrawlRow> items = getTableView().getItems();
                boolean truncated = i >= 0 && i < items.size()
                        && items.get(i).result().truncated();
                setText(sizeText(item, truncated));
                setTooltip(truncated ? cut : null);
                if (truncated) {
                    getStyleClass().add("truncated");
                }
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    /** "10,485,760", or "10,485,760 (cut)" for a page cut at the download cap. */
    static String sizeText(long bytes, boolean truncated) {
        return String.format(Locale.ROOT, "%,d", bytes) + (truncated ? " (cut)" : "");
    }

    private TableColumn<CrawlRow, Integer> inlinksColumn() {
        TableColumn<CrawlRow, Integer> c = new TableColumn<>("Inlinks");
        c.setPrefWidth(65);
        c.setCellValueFactory(f -> f.getValue().inlinksProperty().asObject());
        return number(c);
    }

    private TableView<BrokenLink> brokenTable() {
        TableView<BrokenLink> table = new TableView<>();
        table.setId("brokenTable");
        table.setPlaceholder(new Label("No broken links found."));
        SortedList<BrokenLink> sorted = new SortedList<>(vm.brokenLinks());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getColumns().addAll(List.<TableColumn<BrokenLink, ?>>of(
                col("Source page", 340, BrokenLink::sourceUrl),
                col("Link URL", 340, BrokenLink::linkUrl),
                col("Status / error", 160, BrokenLink::statusText),
                col("Anchor text", 220, BrokenLink::anchorText)));
        return table;
    }

    private static <S, T> TableColumn<S, T> col(String title, double width, Function<S, T> value) {
        TableColumn<S, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    /** Right-aligned with thousands separators. */
    private static <S, T extends Number> TableColumn<S, T> number(TableColumn<S, T> c) {
        c.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format(Locale.ROOT, "%,d", item.longValue()));
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    private Node statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("crawlStatus");
        bar.textProperty().bind(vm.statusProperty());
        return bar;
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** What "Ping these" does with the URLs (the main window sends them to the Ping tab). */
    public void setOnPingThese(Consumer<List<String>> action) {
        this.onPingThese = action;
    }

    private void pingThese() {
        List<String> selected = selectedUrls(pages);
        onPingThese.accept(selected.isEmpty() ? allUrls() : selected);
    }

    private static List<String> selectedUrls(TableView<CrawlRow> table) {
        return table.getSelectionModel().getSelectedItems().stream()
                .map(r -> r.result().url()).toList();
    }

    private List<String> allUrls() {
        return vm.rows().stream().map(r -> r.result().url()).toList();
    }

    /** Lets the main window's menu reuse the tab's export action. */
    public void exportCsv() {
        vm.exportCsv();
    }
}
