package io.webprobe.ui.crawl;

import io.webprobe.Words;
import io.webprobe.crawl.BrokenLink;
import io.webprobe.ui.charts.ChartsView;
import io.webprobe.ui.common.DialogService;
import io.webprobe.ui.common.RememberedDivider;
import io.webprobe.ui.common.Spinners;
import io.webprobe.ui.common.StatusLine;
import io.webprobe.ui.common.UiState;
import io.webprobe.ui.crawl.actions.UrlActions;
import io.webprobe.ui.crawl.broken.BrokenLinksModel;
import io.webprobe.ui.crawl.broken.BrokenLinksView;
import io.webprobe.ui.crawl.details.DetailsView;
import io.webprobe.ui.crawl.export.ExportActions;
import io.webprobe.ui.crawl.live.WorkersView;
import io.webprobe.ui.crawl.overview.OverviewView;
import io.webprobe.ui.crawl.table.UrlItem;
import io.webprobe.ui.crawl.table.UrlTableView;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;

/**
 * The Crawl tab: the controls on top; the overview and the workers on the left; the URL table
 * (with its search) and the broken links in the middle over the details pane, and the charts in
 * their place (the whole height: they select no URL); the status bar below. Only binds to {@link
 * CrawlViewModel} and its parts and wires the menus and keys; holds no state of its own but the
 * layout it remembers.
 */
public final class CrawlView {
    /** What the view needs besides its view model. */
    public record Deps(DialogService dialogs, UiState memory, UrlActions actions,
            ExportActions exports) {}

    private static final KeyCombination START = io.webprobe.ui.common.Shortcuts.START;
    private static final KeyCombination SEARCH = io.webprobe.ui.common.Shortcuts.SEARCH;
    private static final KeyCombination FOCUS_URL = io.webprobe.ui.common.Shortcuts.START_URL;

    private final CrawlViewModel vm;
    private final Deps deps;
    private final BorderPane root = new BorderPane();
    private final UrlTableView table;
    private final TextField search;
    private final TabPane tabs = new TabPane();
    private final Tab urlsTab = new Tab();
    /** The tabs over the details pane. */
    private final SplitPane workspace = new SplitPane();
    /**
     * The least height of the URL table's tab pane: its tab, the search line, the column
     * header and the sideways scroll bar (about 110 px), and eight rows of 24 px.
     */
    static final double TABLE_MIN_HEIGHT = 8 * 24 + 110;
    /** Where the divider between the tabs and the details pane is remembered. */
    private static final String DETAILS_DIVIDER = "crawl.divider.details";
    private static final double DETAILS_DIVIDER_DEFAULT = 0.62;
    /**
     * Where the table's count (and the overview's) comes from, and why it is not the status
     * bar's while a crawl runs.
     */
    static final String COUNT_TIP = "URLs in this view, read from the crawl file. While a "
            + "crawl runs, its pages reach the file in batches and this count and the "
            + "overview's are read again every half second or so: they trail the status bar's "
            + "crawled count by a moment. Blocked and skipped URLs are rows here; the status "
            + "bar counts them apart.";
    private final DetailsView details;
    private final BrokenLinksView broken;
    /** The threads spinner's two-way link to the settings (kept: bindings hold it weakly). */
    private final ObjectProperty<Integer> threadsValue;
    private Consumer<List<String>> onPingThese = urls -> { };
    /** The height the offers above the workspace take (the open settings leave it). */
    private final DoubleProperty offers = new SimpleDoubleProperty(this, "offers");
    /** The start URL field (Ctrl+L, and a new window, focus it). */
    private final TextField urlField;

    public CrawlView(CrawlViewModel vm, Deps deps) {
        this.vm = vm;
        this.deps = deps;
        this.threadsValue = vm.threadsProperty().asObject();
        deps.actions().setOnPingThese(urls -> onPingThese.accept(urls));
        table = new UrlTableView(vm.table(), deps.memory(), "crawl.columns");
        table.table().setId("crawlTable");
        table.usePlaceholderOfModel();
        search = TextFields.createClearableTextField();
        details = new DetailsView(vm.details());
        broken = new BrokenLinksView(vm.broken());

        CrawlControls controls = new CrawlControls(vm, deps.dialogs(), new CrawlControls.Exports() {
            @Override
            public void all() {
                deps.exports().exportAll();
            }

            @Override
            public void view() {
                exportView();
            }

            @Override
            public void selection() {
                exportSelection();
            }
        }, this::pingThese, threadsValue, offers);
        root.setTop(controls.root());
        urlField = controls.urlField();
        Node center = center();
        CrawlOffers said = new CrawlOffers(vm);
        Region interrupted = said.interruptedBar();
        Region notKept = said.notKeptBar();
        controls.besideProgress(said.resumeBar(controls.settingsOpenProperty()));
        offers.bind(CrawlOffers.shownHeight(interrupted).add(CrawlOffers.shownHeight(notKept)));
        VBox middle = new VBox(interrupted, notKept, center);
        VBox.setVgrow(center, Priority.ALWAYS);
        VBox.setMargin(center, new Insets(0, 10, 0, 10));
        root.setCenter(middle);
        root.setBottom(statusBar());
        CrawlMenus.install(vm, deps.actions(), table, broken, details, this::openDetails);
        wireKeys();
    }

    public Node root() {
        return root;
    }

    /** The URL table (for tests and the main window). */
    public TableView<UrlItem> urlTable() {
        return table.table();
    }

    // == layout ==

    private Node center() {
        OverviewView overview = new OverviewView(vm.overview());
        TitledPane workers = new TitledPane("Now fetching", new WorkersView(vm.live()).root());
        workers.setId("workersPane");
        workers.setCollapsible(false);
        // a title that cannot fold is no place for the focus (Tab stopped on it, unseen)
        workers.setFocusTraversable(false);
        workers.setMaxHeight(Double.MAX_VALUE);
        SplitPane left = new SplitPane(overview.root(), workers);
        left.setOrientation(Orientation.VERTICAL);
        RememberedDivider.keep(left, deps.memory(), "crawl.divider.workers", 0.72);
        overview.root().getSelectionModel().selectedItemProperty().addListener(
                (o, was, now) -> tabs.getSelectionModel().select(urlsTab));

        search.setId("crawlSearch");
        search.setPromptText("Search URLs and titles (Ctrl+F)");
        search.textProperty().bindBidirectional(vm.table().searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        Label count = new Label();
        count.setId("crawlCount");
        count.textProperty().bind(Bindings.createStringBinding(() -> Words.count(
                vm.table().countProperty().get(), "URL"), vm.table().countProperty()));
        // while a crawl runs this count (and the overview's) is not the status bar's: say why
        javafx.scene.control.Tooltip countTip = new javafx.scene.control.Tooltip(COUNT_TIP);
        countTip.setWrapText(true);
        countTip.setMaxWidth(480);
        count.setTooltip(countTip);
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.textProperty().bind(vm.table().errorProperty());
        HBox searchBar = new HBox(8, search, count, error);
        searchBar.setAlignment(Pos.CENTER_LEFT);
        searchBar.setPadding(new Insets(4, 0, 4, 0));
        VBox urls = new VBox(searchBar, table.table());
        VBox.setVgrow(table.table(), Priority.ALWAYS);
        urlsTab.setContent(urls);
        urlsTab.setId("urlsTab");
        urlsTab.textProperty().bind(Bindings.createStringBinding(() -> "URLs · "
                + vm.overview().selectedProperty().get().label(), vm.overview()
                .selectedProperty()));

        Tab brokenTab = new Tab();
        brokenTab.setId("brokenTab");
        brokenTab.setContent(broken.root());
        brokenTab.textProperty().bind(vm.broken().titleProperty());
        javafx.scene.control.Tooltip brokenTip = new javafx.scene.control.Tooltip();
        brokenTip.setWrapText(true);
        brokenTip.setMaxWidth(480);
        brokenTip.textProperty().bind(vm.broken().tipProperty());
        brokenTab.setTooltip(brokenTip);
        Tab chartsTab = new Tab("Charts", new ChartsView(vm.charts()).root());
        chartsTab.setId("chartsTab");
        vm.charts().activeProperty().bind(chartsTab.selectedProperty());
        vm.broken().activeProperty().bind(brokenTab.selectedProperty());
        tabs.getTabs().addAll(urlsTab, brokenTab, chartsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            // a click on a chart selects no URL: the details pane, which said only "Select a
            // URL to see its details." below them, gives the charts its room
            showDetailsPane(now != chartsTab);
            if (now == urlsTab) {
                long id = vm.table().currentIdProperty().get();
                vm.details().show(id, vm.table().urlOf(id));
            } else if (now == brokenTab) {
                showBrokenDetails();
            }
        });
        // the details follow the broken link the user chose, only while its tab is shown (a
        // refresh of the list, as after a re-check, neither changes it nor takes the details)
        broken.chosenProperty().addListener((o, was, now) -> {
            if (tabs.getSelectionModel().getSelectedItem() == brokenTab) {
                showBrokenDetails();
                if (now != null) {
                    details.showInlinks(); // every page holding it, not the last tab used
                }
            }
        });

        workspace.setOrientation(Orientation.VERTICAL);
        workspace.getItems().setAll(tabs, details.root());
        // no minimum sizes: a small window then squeezes the panes, not the dividers; but the
        // URL table keeps room for eight rows (with the settings open at 1000×700 it showed
        // one): the details pane gives way first
        tabs.setMinSize(0, TABLE_MIN_HEIGHT);
        ((javafx.scene.layout.Region) details.root()).setMinSize(0, 0);
        overview.root().setMinSize(0, 0);
        workers.setMinSize(0, 0);
        RememberedDivider.keep(workspace, deps.memory(), DETAILS_DIVIDER,
                DETAILS_DIVIDER_DEFAULT);
        table.setOnOpen(this::openDetails);

        SplitPane split = new SplitPane(left, workspace);
        RememberedDivider.keep(split, deps.memory(), "crawl.divider.overview", 0.2);
        return split;
    }

    /**
     * Puts the details pane under the tabs, where the user last left its divider, or takes it
     * out (the Charts tab then has the whole height).
     */
    private void showDetailsPane(boolean show) {
        Node pane = details.root();
        if (show == workspace.getItems().contains(pane)) {
            return;
        }
        if (show) {
            workspace.getItems().add(pane);
            workspace.setDividerPositions(deps.memory().getDouble(DETAILS_DIVIDER,
                    DETAILS_DIVIDER_DEFAULT));
        } else {
            workspace.getItems().remove(pane);
        }
    }

    private void showBrokenDetails() {
        BrokenLink b = broken.chosenProperty().get();
        if (b == null) {
            vm.details().show(0);
        } else if (b.notAUrl()) {
            // no row: the href as written, why, and the pages holding it
            vm.details().showNotAUrl(b);
        } else {
            // a missing anchor's page answered: its details are the page's (no URL has "#x")
            vm.details().showUrl(b.isMissingAnchor() ? b.finalUrl() : b.linkUrl());
        }
    }

    /**
     * Double-click or Enter on a row: the details pane shows its inlinks, and comes up to a
     * usable height ({@link #DETAILS_USABLE_HEIGHT}) if it is lower, whatever its divider (only
     * a divider above 0.9 raised it: a small List-mode window held it at 0.898, a pane 40 px
     * high, and Enter did nothing one could see), but never at the cost of the table's
     * minimum height ({@link #TABLE_MIN_HEIGHT}).
     */
    private void openDetails() {
        double height = workspace.getHeight();
        if (workspace.getDividerPositions().length > 0 && height > 0
                && (1 - workspace.getDividerPositions()[0]) * height < DETAILS_USABLE_HEIGHT) {
            workspace.setDividerPositions(detailsRaisedTo(height));
        }
        details.showInlinks();
    }

    /**
     * Where {@link #openDetails()} puts the divider of a workspace {@code height} px high: the
     * details pane {@link #DETAILS_USABLE_HEIGHT} high, but never above the table's minimum
     * height, and never a negative position (1 - 180 / height, under 180 px, hid the table):
     * the details pane gives way first, as when the window is resized.
     */
    static double detailsRaisedTo(double height) {
        double raised = Math.min(DETAILS_DIVIDER_DEFAULT, 1 - DETAILS_USABLE_HEIGHT / height);
        return Math.max(raised, Math.min(1, TABLE_MIN_HEIGHT / height));
    }

    /**
     * The height, in pixels, the details pane comes up to on Enter or a double-click: its
     * heading, its tabs and a few rows of inlinks.
     */
    static final double DETAILS_USABLE_HEIGHT = 180;

    private Node statusBar() {
        return StatusLine.of("crawlStatus", vm.statusProperty());
    }

    // == menus and keys ==

    private void wireKeys() {
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::handleKey);
    }

    /**
     * The tab's keys (Ctrl+Enter starts, Ctrl+L goes to the start URL, Ctrl+F searches, Esc
     * stops), for a key pressed inside the tab or, while the tab is shown, on its tab header
     * (the main window forwards those).
     */
    public void handleKey(KeyEvent e) {
        if (START.match(e)) {
            // as a click on Start does, the box being typed in commits (or reverts) first
            Spinners.commitFocused(root.getScene());
            vm.start();
            e.consume();
        } else if (FOCUS_URL.match(e)) {
            focusStartUrl();
            e.consume();
        } else if (SEARCH.match(e)) {
            // the search of the tab shown: the broken links' own, else the URLs'
            boolean onBroken = tabs.getSelectionModel().getSelectedItem().getContent()
                    == broken.root();
            TextField field = onBroken ? broken.search() : search;
            if (field == search) {
                tabs.getSelectionModel().select(urlsTab);
            }
            field.requestFocus();
            field.selectAll();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE && search.isFocused()
                && !search.getText().isEmpty()) {
            // Esc in a search box that holds text clears it, as in a browser's find bar;
            // a user clearing a search does not mean Stop (an empty box's Esc still does)
            search.clear();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE && vm.runningProperty().get()) {
            vm.stop();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE && vm.recheckRunning()) {
            vm.stopRecheck();
            e.consume();
        }
    }

    // == actions the main window reuses ==

    /** What "Ping these" does with the URLs (the main window sends them to the Ping tab). */
    public void setOnPingThese(Consumer<List<String>> action) {
        this.onPingThese = action;
    }

    /**
     * The selected URLs, or (when none is selected) the view's, to the Ping tab (which keeps the
     * first thousand and says so).
     */
    private void pingThese() {
        if (vm.broken().activeProperty().get()) {
            // the Broken links tab on screen: its broken URLs (those selected, or all), each once
            List<String> urls = BrokenLinksModel.pingable(
                    broken.table().getSelectionModel().getSelectedItems(), vm.broken().links());
            if (!urls.isEmpty()) {
                onPingThese.accept(urls);
            }
            return;
        }
        long[] chosen = vm.table().selectedIds();
        long[] ids = chosen.length == 0 ? vm.table().items().ids() : chosen;
        vm.urlsOf(ids, urls -> {
            if (!urls.isEmpty()) {
                onPingThese.accept(urls);
            }
        });
    }

    /** File › Open crawl…: asks for a crawl file and shows it. */
    /**
     * Puts the focus in the start URL field, its text selected, as a browser's Ctrl+L does
     * (in List mode, where the field is hidden, nothing happens).
     */
    public void focusStartUrl() {
        if (urlField.isVisible() && !urlField.isDisabled()) {
            urlField.requestFocus();
            urlField.selectAll();
        }
    }

    public void openCrawl() {
        vm.openCrawl();
    }

    /**
     * File › New crawl: closes the crawl shown and shows the user's own settings again (an
     * opened crawl shows its own); the start URL stays.
     */
    public void newCrawl() {
        vm.newCrawl();
        focusStartUrl();
    }

    /** Whether a crawl runs: File › New crawl waits for it. */
    public javafx.beans.property.ReadOnlyBooleanProperty runningProperty() {
        return vm.runningProperty();
    }

    /** File › Crawls folder…: where new crawls are saved. */
    public void chooseCrawlsFolder() {
        vm.chooseCrawlsFolder();
    }

    /** Shows a crawl file (File › Recent crawls). */
    public void openCrawl(java.nio.file.Path file) {
        vm.openCrawl(file);
    }

    /** File › Recent crawls. */
    public javafx.collections.ObservableList<java.nio.file.Path> recentCrawls() {
        return vm.recentCrawls().files();
    }

    /**
     * File › Recent crawls' entries, in the order of {@link #recentCrawls}: "example.com —
     * 2026-12-07 15:02 · 1,234 URLs".
     */
    public java.util.List<String> recentLabels() {
        return vm.recentCrawls().labels(io.webprobe.UserDirs.current().home());
    }

    /**
     * Whether there is a crawl to export: File › Export CSV… is enabled as the tab's own
     * Export CSV… button is.
     */
    public javafx.beans.property.ReadOnlyBooleanProperty exportableProperty() {
        return vm.hasCrawlProperty();
    }

    /** Export everything (File › Export CSV…, Ctrl+E). */
    public void exportCsv() {
        deps.exports().exportAll();
    }

    /** Export the rows of the view with the columns shown. */
    public void exportView() {
        deps.exports().exportView(table.visibleColumns());
    }

    /** Export the selected rows with the columns shown. */
    public void exportSelection() {
        deps.exports().exportSelection(table.visibleColumns());
    }
}
