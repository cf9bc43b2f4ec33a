package io.webprobe.ui.main;

import io.webprobe.ui.common.DialogService;
import io.webprobe.ui.crawl.CrawlView;
import io.webprobe.ui.ping.PingView;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;

/** The main window's content: the menu bar and the Crawl and Ping tabs. */
public final class MainView {
    private final BorderPane root = new BorderPane();

    /**
     * @param crawl the Crawl tab
     * @param ping the Ping tab
     * @param dialogs for the About box (Help › About: version, licences; see {@link AboutInfo})
     * @param version shown in About
     * @param quit closes the application
     */
    public MainView(CrawlView crawl, PingView ping, DialogService dialogs, String version,
            Runnable quit) {
        Tab crawlTab = new Tab("Crawl", crawl.root());
        crawlTab.setId("crawlTab");
        Tab pingTab = new Tab("Ping", ping.root());
        pingTab.setId("pingTab");
        TabPane tabs = new TabPane(crawlTab, pingTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        crawl.setOnPingThese(urls -> {
            ping.setTargets(urls);
            tabs.getSelectionModel().select(pingTab);
        });

        MenuItem export = new MenuItem("Export CSV…");
        export.setId("menuExport");
        export.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        export.setOnAction(e -> {
            if (tabs.getSelectionModel().getSelectedItem() == pingTab) {
                ping.exportCsv();
            } else {
                crawl.exportCsv();
            }
        });
        MenuItem quitItem = new MenuItem("Quit");
        quitItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quitItem.setOnAction(e -> quit.run());
        Menu file = new Menu("File", null, export, quitItem);

        MenuItem about = new MenuItem("About Webprobe");
        about.setId("menuAbout");
        about.setOnAction(e -> {
            AboutInfo info = AboutInfo.load(version, "Java " + System.getProperty("java.version")
                    + ", JavaFX " + System.getProperty("javafx.runtime.version", "?"));
            dialogs.showText("About Webprobe", "Webprobe " + version, info.text());
        });
        Menu help = new Menu("Help", null, about);

        root.setTop(new MenuBar(file, help));
        root.setCenter(tabs);
    }

    public Parent root() {
        return root;
    }
}
