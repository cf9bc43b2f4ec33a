package io.webprobe.ui;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.BrokenLink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * The Broken links tab's menu fits its row. The bug: a row that is no URL (a malformed
 * mailto: address, a file: link, a malformed http href) was taken for one: "Exclude this
 * path" said "The site's start page cannot be left out" or added {@code
 * ^https?://[^/?#]*\/C:/} to the excludes, Re-check did nothing and Ping sent mailto: to the
 * Ping tab. Of such rows only the copies are offered, and a mailto: link opens in the mail
 * program; of a mixed selection, the URL rows alone are re-checked, left out and pinged.
 */
class BrokenLinksMenuTest extends MainWindowTestBase {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String MAIL = "mailto:info.example.com";
    private static final String FILE = "file:///C:/x.html";
    private static final String BAD_HTTP = "http://exa mple.test/";

    @Start
    void start(Stage stage) {
        openApp(stage);
    }

    @Stop
    void stop() {
        closeApp();
    }

    private void crawlTheSite(FxRobot robot) {
        server.route("/", html("<title>Home</title><a href=\"" + MAIL + "\">mail</a>"
                + "<a href=\"" + FILE + "\">file</a><a href=\"" + BAD_HTTP + "\">bad</a>"
                + "<a href=\"/gone\">gone</a>"));
        enterUrlAndStart(robot, server.url("/"));
        waitForCrawlEnd(robot);
    }

    @Test
    void aRowThatIsNoUrlOffersOnlyWhatFitsIt(FxRobot robot) throws Exception {
        crawlTheSite(robot);
        TableView<BrokenLink> broken = showBrokenLinks(robot);
        waiting(WAIT).until(() -> fx(() -> broken.getItems().size()) == 4);
        List<String> links = fx(() -> broken.getItems().stream().map(BrokenLink::linkUrl)
                .toList());
        assertThat(links).containsExactlyInAnyOrder(MAIL, FILE, BAD_HTTP, server.url("/gone"));

        // a mailto: link: the copies, and the mail program
        Map<String, String> mail = menuOn(robot, broken, links.indexOf(MAIL));
        assertThat(mail).containsEntry("menuOpenInBrowser", "Open in mail program")
                .containsEntry("menuCopyUrl", "Copy URL").containsEntry("menuCopyRow", "Copy row")
                .containsEntry("menuRecheck", "(off)").containsEntry("menuPing", "(off)")
                .containsEntry("menuExclude", "(off)");

        // a file: link and a malformed http href: the copies only
        for (String href : List.of(FILE, BAD_HTTP)) {
            assertThat(menuOn(robot, broken, links.indexOf(href))).as(href)
                    .containsEntry("menuOpenInBrowser", "(off)")
                    .containsEntry("menuCopyUrl", "Copy URL")
                    .containsEntry("menuCopyRow", "Copy row")
                    .containsEntry("menuRecheck", "(off)").containsEntry("menuPing", "(off)")
                    .containsEntry("menuExclude", "(off)");
        }
        robot.clickOn("#menuCopyUrl");
        waiting(Duration.ofSeconds(10)).until(() -> clipboard.size() == 1);
        assertThat(clipboard.get(0)).isEqualTo(BAD_HTTP);

        // a mixed selection: the menu counts and acts on its URL rows only
        robot.interact(() -> {
            broken.getSelectionModel().clearSelection();
            broken.getSelectionModel().selectIndices(links.indexOf(FILE), links.indexOf(MAIL),
                    links.indexOf(server.url("/gone")));
        });
        Map<String, String> mixed = menuOn(robot, broken, links.indexOf(FILE));
        assertThat(mixed).containsEntry("menuCopyUrl", "Copy 3 URLs")
                .containsEntry("menuRecheck", "Re-check").containsEntry("menuPing", "Ping URL")
                .containsEntry("menuExclude", "Exclude /gone from the crawl");
        robot.clickOn("#menuPing");
        waiting(Duration.ofSeconds(10)).until(() -> fx(() -> node(robot, "#pingTargets",
                TextArea.class).getText()).strip().equals(server.url("/gone")));
    }

    /** The details pane's Outlinks tab: the same rows, the same menu. */
    @Test
    void anOutlinkThatIsNoUrlOffersOnlyWhatFitsIt(FxRobot robot) throws Exception {
        crawlTheSite(robot);
        int home = urls().indexOf(server.url("/"));
        robot.interact(() -> pagesTable(robot).getSelectionModel().clearAndSelect(home));
        waiting(WAIT).until(() -> fx(() -> node(robot, "#detailsHeading",
                javafx.scene.control.Label.class).getText()).startsWith(server.url("/") + " "));
        robot.clickOn("#outlinksTab");
        TableView<?> outlinks = node(robot, "#outlinksTable", TableView.class);
        waiting(WAIT).until(() -> fx(() -> outlinks.getItems().size()) == 4);
        List<String> links = fx(() -> outlinks.getItems().stream()
                .map(o -> ((io.webprobe.store.UrlDetails.Outlink) o).url()).toList());

        assertThat(menuOn(robot, outlinks, links.indexOf(MAIL)))
                .containsEntry("menuOpenInBrowser", "Open in mail program")
                .containsEntry("menuRecheck", "(off)").containsEntry("menuPing", "(off)")
                .containsEntry("menuExclude", "(off)").containsEntry("menuCopyUrl", "Copy URL");
        assertThat(menuOn(robot, outlinks, links.indexOf(FILE)))
                .containsEntry("menuOpenInBrowser", "(off)")
                .containsEntry("menuRecheck", "(off)").containsEntry("menuPing", "(off)")
                .containsEntry("menuExclude", "(off)").containsEntry("menuCopyUrl", "Copy URL");
        assertThat(menuOn(robot, outlinks, links.indexOf(server.url("/gone"))))
                .containsEntry("menuOpenInBrowser", "Open in browser")
                .containsEntry("menuRecheck", "Re-check").containsEntry("menuPing", "Ping URL")
                .containsEntry("menuExclude", "Exclude /gone from the crawl");
    }

    /**
     * Opens the menu on a row (selecting it alone unless it is selected already) and gives
     * each item's text by its id, "(off)" for a disabled one.
     */
    private Map<String, String> menuOn(FxRobot robot, TableView<?> table, int index)
            throws Exception {
        robot.interact(() -> {
            table.getContextMenu().hide();
            if (!table.getSelectionModel().isSelected(index)) {
                table.getSelectionModel().clearAndSelect(index);
            }
            table.scrollTo(index);
        });
        String id = "#" + table.getId();
        waiting(Duration.ofSeconds(10)).until(() -> fx(() -> rowNode(robot, id, index) != null));
        requestContextMenu(robot, fx(() -> rowNode(robot, id, index)));
        return fx(() -> table.getContextMenu().getItems().stream()
                .filter(i -> i.getId() != null)
                .collect(Collectors.toMap(MenuItem::getId,
                        i -> i.isDisable() ? "(off)" : i.getText())));
    }

    private static Node rowNode(FxRobot robot, String table, int index) {
        return robot.lookup(table + " .table-row-cell").queryAll().stream()
                .filter(n -> n instanceof TableRow<?> r && r.getIndex() == index
                        && r.getItem() != null)
                .findFirst().orElse(null);
    }
}
