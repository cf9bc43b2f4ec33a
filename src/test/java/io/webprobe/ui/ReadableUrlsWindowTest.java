package io.webprobe.ui;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.ui.crawl.table.UrlItem;
import io.webprobe.ui.ping.PingRow;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The bug: URLs with letters outside ASCII showed percent-encoded in the tables and the details
 * heading ({@code /caf%C3%A9/na%C3%AFve.html}). They show as a browser's address bar shows
 * them; what is copied or exported stays the URL itself.
 */
class ReadableUrlsWindowTest extends MainWindowTestBase {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CHINESE = "/%E4%B8%AD%E6%96%87.html";
    private static final String NAIVE = "/caf%C3%A9/na%C3%AFve.html";

    @Start
    void start(Stage stage) {
        openApp(stage);
    }

    @Stop
    void stop() {
        closeApp();
    }

    /** The texts drawn in a table's cells of one column. */
    private static List<String> drawn(FxRobot robot, TableView<?> table, String column)
            throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableView() == table && c.getTableColumn() != null
                        && column.equals(c.getTableColumn().getText()) && !c.isEmpty()
                        && c.getText() != null)
                .map(TableCell::getText).toList());
    }

    @Test
    void theCrawlTableDetailsAndBrokenLinksShowLettersNotEscapes(FxRobot robot)
            throws Exception {
        server.route("/", html("<a href=\"" + CHINESE + "\">a</a> <a href=\"" + NAIVE
                + "\">b</a>"));
        server.route(CHINESE, html("<title>中文</title>"));
        enterUrlAndStart(robot, server.url("/"));
        waitForCrawlEnd(robot);
        TableView<UrlItem> table = pagesTable(robot);

        waiting(WAIT).until(() -> drawn(robot, table, "URL").contains(server.url("/中文.html")));
        assertThat(drawn(robot, table, "URL")).contains(server.url("/café/naïve.html"))
                .noneMatch(s -> s.contains("%C3") || s.contains("%E4"));
        // the cell's data (copied, exported) is the URL itself
        assertThat(urls()).contains(server.url(CHINESE), server.url(NAIVE));

        int chinese = fx(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (server.url(CHINESE).equals(table.getItems().get(i).url())) {
                    return i;
                }
            }
            return -1;
        });
        robot.interact(() -> table.getSelectionModel().clearAndSelect(chinese));
        waiting(WAIT).until(() -> fx(() -> node(robot, "#detailsHeading", Label.class)
                .getText()).equals(server.url("/中文.html") + "  ·  200 OK"));
        robot.interact(() -> table.requestFocus());
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.C)
                .release(javafx.scene.input.KeyCode.CONTROL);
        waiting(Duration.ofSeconds(10)).until(() -> !clipboard.isEmpty());
        assertThat(clipboard.get(clipboard.size() - 1)).isEqualTo(server.url(CHINESE));

        robot.clickOn("Broken links (1)");
        TableView<BrokenLink> broken = brokenTable(robot);
        waiting(WAIT).until(() -> fx(() -> broken.getItems().size()) == 1);
        // too wide for its column, a URL of the site shows its path's end, in letters too
        waiting(WAIT).until(() -> drawn(robot, broken, "Link URL")
                .equals(List.of("…/café/naïve.html")));
    }

    @Test
    void thePingTableShowsLettersNotEscapes(FxRobot robot) throws Exception {
        server.route(CHINESE, html("x"));
        Label header = robot.lookup(".tab-label").queryAllAs(Label.class).stream()
                .filter(l -> "Ping".equals(l.getText())).findFirst().orElseThrow();
        robot.clickOn(header);
        TextArea targets = node(robot, "#pingTargets", TextArea.class);
        robot.interact(() -> targets.setText(server.url(CHINESE)));
        robot.clickOn("#pingStart");
        Button start = node(robot, "#pingStart", Button.class);
        waiting(WAIT).until(() -> !fx(start::isDisabled));
        @SuppressWarnings("unchecked")
        TableView<PingRow> table = robot.lookup("#pingTable").queryAs(TableView.class);
        assertThat(fx(() -> table.getItems().get(0).url())).isEqualTo(server.url(CHINESE));
        waiting(WAIT).until(() -> drawn(robot, table, "URL")
                .equals(List.of(server.url("/中文.html"))));
    }

    /**
     * The bug: a list of URLs of several sites, each too wide for the URL column, showed each
     * by its path's end ("…/x" for one on another port, "…/about" for a.com's and b.org's):
     * which site a row was on was seen nowhere. The list's first site's URLs show their
     * path's end, as a crawl's site's do; another site's keep their host, cut in the middle.
     */
    @Test
    void aListsUrlsOfAnotherSiteKeepTheirHost(FxRobot robot) throws Exception {
        String page = "/section-1/chapter-1/a-page-with-a-rather-long-name.html";
        server.route(page, html("<title>A</title>"));
        robot.interact(() -> {
            stage.setWidth(io.webprobe.app.WebprobeApp.MIN_WIDTH);
            stage.setHeight(900);
        });
        String other;
        try (io.webprobe.testsupport.RefusedPort refused =
                io.webprobe.testsupport.RefusedPort.onLoopback()) {
            other = refused.url("/section-2/chapter-2/a-page-with-a-rather-long-name.html");
            robot.clickOn("#modeList");
            TextArea list = node(robot, "#listInput", TextArea.class);
            robot.interact(() -> list.setText(server.url(page) + "\n" + other + "\n"));
            robot.clickOn("#crawlStart");
            waitForCrawlEnd(robot);
        }
        TableView<UrlItem> table = pagesTable(robot);
        waiting(WAIT).until(() -> drawn(robot, table, "URL").size() == 2);
        assertThat(drawn(robot, table, "URL")).as("the first site's by its path's end, "
                + "another's whole for the cell to cut in the middle")
                .containsExactlyInAnyOrder("…/a-page-with-a-rather-long-name.html", other);
    }
}
