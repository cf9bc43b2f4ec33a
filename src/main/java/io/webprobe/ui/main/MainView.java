package io.webprobe.ui.main;

import io.webprobe.ui.common.DialogService;
import io.webprobe.ui.common.NoteLine;
import io.webprobe.ui.common.Shortcuts;
import io.webprobe.ui.compare.CompareView;
import io.webprobe.ui.crawl.CrawlView;
import io.webprobe.ui.ping.PingView;
import java.nio.file.Path;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The main window's content: the menu bar and the Crawl, Ping and Compare tabs. */
public final class MainView {
    private final BorderPane root = new BorderPane();
    /** A sentence from start-up for the user, under the menus until hidden; "" for none. */
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");

    /**
     * @param crawl the Crawl tab
     * @param ping the Ping tab
     * @param compare the Compare tab
     * @param dialogs for the About box (Help › About: version, licences; see {@link AboutInfo})
     * @param version shown in About
     * @param quit closes the application
     */
    public MainView(CrawlView crawl, PingView ping, CompareView compare, DialogService dialogs,
            String version, Runnable quit) {
        Tab crawlTab = new Tab("Crawl", crawl.root());
        crawlTab.setId("crawlTab");
        Tab pingTab = new Tab("Ping", ping.root());
        pingTab.setId("pingTab");
        Tab compareTab = new Tab("Compare", compare.root());
        compareTab.setId("compareTab");
        // with none chosen, the two newest crawls of one site are chosen as it opens
        compareTab.setOnSelectionChanged(e -> {
            if (compareTab.isSelected()) {
                compare.opened();
            }
        });
        TabPane tabs = new TabPane(crawlTab, pingTab, compareTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // a click on a tab's header leaves the focus there, outside the tab: its keys (Esc
        // stops, Ctrl+Enter starts; the Crawl tab's Ctrl+F searches) work from there too
        tabs.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() == tabs && tabs.getSelectionModel().getSelectedItem() == crawlTab) {
                crawl.handleKey(e);
            } else if (e.getTarget() == tabs
                    && tabs.getSelectionModel().getSelectedItem() == pingTab) {
                ping.handleKey(e);
            }
        });
        // a new window opens with the focus in the start URL field, as a browser's address
        // bar: a URL typed at once went nowhere (the Crawl tab's header had the focus)
        javafx.beans.value.ObservableValue<Boolean> shown = root.sceneProperty()
                .flatMap(javafx.scene.Scene::windowProperty)
                .flatMap(javafx.stage.Window::showingProperty);
        shown.addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o,
                    Boolean was, Boolean now) {
                if (Boolean.TRUE.equals(now)) {
                    shown.removeListener(this);
                    if (tabs.getSelectionModel().getSelectedItem() == crawlTab) {
                        crawl.focusStartUrl();
                    }
                }
            }
        });
        crawl.setOnPingThese(urls -> {
            if (ping.setTargets(urls)) { // cancelled: the user stays where they were
                tabs.getSelectionModel().select(pingTab);
            }
        });

        // an opened crawl shows the settings it ran with; this brings back the user's own
        MenuItem newCrawl = new MenuItem("New crawl");
        newCrawl.setId("menuNewCrawl");
        newCrawl.setAccelerator(Shortcuts.NEW_CRAWL);
        newCrawl.disableProperty().bind(crawl.runningProperty());
        newCrawl.setOnAction(e -> {
            tabs.getSelectionModel().select(crawlTab);
            crawl.newCrawl();
        });
        MenuItem open = new MenuItem("Open crawl…");
        open.setId("menuOpenCrawl");
        open.setAccelerator(Shortcuts.OPEN_CRAWL);
        open.setOnAction(e -> {
            tabs.getSelectionModel().select(crawlTab);
            crawl.openCrawl();
        });
        Menu recent = new Menu("Recent crawls");
        recent.setId("menuRecentCrawls");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            java.util.List<Path> files = java.util.List.copyOf(crawl.recentCrawls());
            java.util.List<String> labels = crawl.recentLabels();
            for (int i = 0; i < files.size(); i++) {
                Path p = files.get(i);
                // short (site, when, how many URLs; the folder only to tell two apart): each
                // entry's file, what it held and its folder made the menu ~820 px wide. The
                // whole path in its tooltip, which a plain menu item cannot have
                javafx.scene.control.Label text = new javafx.scene.control.Label(labels.get(i));
                // one line: a path has no space to wrap at
                text.setTooltip(new javafx.scene.control.Tooltip(p.toAbsolutePath().toString()));
                javafx.scene.control.CustomMenuItem item =
                        new javafx.scene.control.CustomMenuItem(text);
                item.setOnAction(e -> {
                    tabs.getSelectionModel().select(crawlTab);
                    crawl.openCrawl(p);
                });
                recent.getItems().add(item);
            }
            if (recent.getItems().isEmpty()) {
                MenuItem none = new MenuItem("(no crawls yet)");
                none.setDisable(true);
                recent.getItems().add(none);
            }
        };
        crawl.recentCrawls().addListener((ListChangeListener<Path>) c -> fillRecent.run());
        fillRecent.run();

        MenuItem folder = new MenuItem("Crawls folder…");
        folder.setId("menuCrawlsFolder");
        folder.setOnAction(e -> crawl.chooseCrawlsFolder());

        MenuItem export = new MenuItem("Export CSV…");
        export.setId("menuExport");
        export.setAccelerator(Shortcuts.EXPORT);
        export.setOnAction(e -> {
            if (tabs.getSelectionModel().getSelectedItem() == pingTab) {
                ping.exportCsv();
            } else if (tabs.getSelectionModel().getSelectedItem() == compareTab) {
                compare.exportCsv();
            } else {
                crawl.exportCsv();
            }
        });
        MenuItem exportView = new MenuItem("Export this view (columns shown)…");
        exportView.setId("menuExportView");
        exportView.setOnAction(e -> crawl.exportView());
        MenuItem exportSelection = new MenuItem("Export selected URLs (columns shown)…");
        exportSelection.setId("menuExportSelection");
        exportSelection.setOnAction(e -> crawl.exportSelection());
        // as each tab's own Export CSV… button: greyed out while the tab has nothing to
        // export (an empty window's Crawl tab, a Compare tab before a comparison, a Ping tab
        // before a run: its item was enabled beside the tab's greyed button)
        var selectedTab = tabs.getSelectionModel().selectedItemProperty();
        var crawlHas = crawl.exportableProperty();
        var compareHas = compare.exportableProperty();
        var pingHas = ping.exportableProperty();
        export.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selectedTab.get() == crawlTab ? !crawlHas.get()
                        : selectedTab.get() == compareTab ? !compareHas.get()
                        : selectedTab.get() == pingTab && !pingHas.get(),
                selectedTab, crawlHas, compareHas, pingHas));
        // the URL table's views: only while it is shown, with a crawl in it
        exportView.disableProperty().bind(selectedTab.isNotEqualTo(crawlTab)
                .or(crawlHas.not()));
        exportSelection.disableProperty().bind(exportView.disableProperty());
        MenuItem quitItem = new MenuItem("Quit");
        quitItem.setAccelerator(Shortcuts.QUIT);
        quitItem.setOnAction(e -> quit.run());
        Menu file = new Menu("File", null, newCrawl, open, recent, folder,
                new SeparatorMenuItem(), export, exportView, exportSelection,
                new SeparatorMenuItem(), quitItem);

        MenuItem about = new MenuItem("About Webprobe");
        about.setId("menuAbout");
        about.setOnAction(e -> {
            AboutInfo info = AboutInfo.load(version, "Java " + System.getProperty("java.version")
                    + ", JavaFX " + System.getProperty("javafx.runtime.version", "?"));
            dialogs.showText("About Webprobe", "Webprobe " + version, info.text());
        });
        MenuItem shortcuts = new MenuItem("Keyboard shortcuts");
        shortcuts.setId("menuShortcuts");
        Menu help = new Menu("Help", null, shortcuts, about);
        MenuBar menus = new MenuBar(file, help);
        shortcuts.setOnAction(e -> ShortcutsWindow.show(root.getScene().getWindow(), menus));

        root.setTop(new VBox(menus, noticeLine()));
        root.setCenter(tabs);
    }

    /**
     * Says {@code sentence} under the menus, whichever tab is shown, until the user hides it:
     * for what the window learns as it starts and the user must hear of without being stopped
     * (the Java options it opened without, which the menu entry has no terminal to say). An
     * empty one says nothing. Call on the FX thread.
     */
    public void showNotice(String sentence) {
        // one line of words: the options quoted in it may hold line breaks
        notice.set(sentence.strip().replaceAll("\\s+", " "));
    }

    /**
     * The notice's line, taking room only while there is one (as the Crawl tab's offers). Its
     * Hide button hidden, JavaFX gives the focus to the next in turn: the tabs.
     */
    private HBox noticeLine() {
        HBox line = NoteLine.saying("startNotice", notice, notice,
                NoteLine.button("startNoticeHide", "Hide", "Hide this notice",
                        () -> notice.set("")));
        VBox.setMargin(line, new Insets(6, 10, 0, 10));
        return line;
    }

    public Parent root() {
        return root;
    }
}
