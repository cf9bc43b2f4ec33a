package io.webprobe.ui;

import static io.webprobe.testsupport.CsvFiles.readCsv;
import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.store.UrlDetails;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * Hrefs that are no URL (a mailto: link with a malformed address, a file: link, a malformed
 * http URL), broken links of their page, as the window shows them: the Broken links tab says
 * what is wrong in its Status column and finds them by their reason, the details pane shows
 * the href, its reason and the page holding it, and the status bar and the overview say what
 * their counts count beside the tab's.
 */
class NotAUrlLinksWindowTest extends MainWindowTestBase {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String MAILTO = "mailto:info.example.com";
    private static final String FILE = "file:///C:/x.html";
    private static final String SPACE = "http://exa mple.test/";
    private static final String MAILTO_REASON =
            "Malformed email address: no @ in info.example.com";
    private static final String FILE_REASON =
            "A file: link: browsers do not open it from a web page";

    @Start
    void start(Stage stage) {
        openApp(stage);
    }

    @Stop
    void stop() {
        closeApp();
    }

    /** A page with three hrefs that are no URL, a well-formed mailto: link and a 404. */
    private void crawlTheSite(FxRobot robot) {
        server.route("/", html("<title>Contact</title>"
                + "<a href=\"" + MAILTO + "\">Write to us</a> "
                + "<a href=\"mailto:jane@example.com\">Jane</a> "
                + "<a href=\"" + FILE + "\">Local copy</a> "
                + "<a href=\"" + SPACE + "\">Example</a> "
                + "<a href=\"/missing\">Missing</a>"));
        enterUrlAndStart(robot, server.url("/"));
        waitForCrawlEnd(robot);
    }

    /**
     * The bug: the Status / error column read "Invalid URL" for each of them, what was wrong
     * only in a tooltip. It says it in a few words, the reason whole in the tooltip and in the
     * CSV, whose columns are as they were.
     */
    @Test
    void theStatusColumnSaysWhatIsWrongAndTheTooltipAndCsvTheWholeReason(FxRobot robot)
            throws Exception {
        crawlTheSite(robot);
        TableView<BrokenLink> broken = showBrokenLinks(robot);

        Map<String, String> shown = fx(() -> statusCells(robot, broken));
        assertThat(shown).containsOnlyKeys(MAILTO, FILE, SPACE, server.url("/missing"));
        assertThat(shown.get(MAILTO)).isEqualTo("Bad email address");
        assertThat(shown.get(FILE)).isEqualTo("file: link");
        assertThat(shown.get(SPACE)).isEqualTo("Malformed URL");
        assertThat(shown.get(server.url("/missing"))).isEqualTo("404 Not Found");
        assertThat(fx(() -> statusCell(robot, broken, MAILTO).getTooltip().getText()))
                .isEqualTo(MAILTO_REASON);
        assertThat(fx(() -> statusCell(robot, broken, FILE).getTooltip().getText()))
                .isEqualTo(FILE_REASON);
        assertThat(fx(() -> statusCell(robot, broken, SPACE).getTooltip().getText()))
                .startsWith("Malformed URL: ");

        Path target = tempDir.resolve("site.csv");
        dialogs.saveAnswer = Optional.of(target);
        robot.clickOn((Node) robot.lookup("#crawlExport").lookup(".label").query());
        Path brokenFile = tempDir.resolve("site-broken-links.csv");
        waiting(WAIT).until(() -> Files.exists(brokenFile));
        List<String[]> csv = readCsv(brokenFile);
        assertThat(csv.get(0)).containsExactly("source_url", "link_url", "status", "error",
                "anchor_text", "link_type", "final_url", "redirect_chain");
        assertThat(csv.stream().filter(l -> l[1].equals(MAILTO)).findFirst().orElseThrow())
                .containsExactly(server.url("/"), MAILTO, "", "INVALID_URL: " + MAILTO_REASON,
                        "Write to us", "a", "", "");
    }

    /** The bug: the tab's search did not look at the reasons: "no @" found nothing. */
    @Test
    void theSearchFindsTheLinksByTheirReason(FxRobot robot) throws Exception {
        crawlTheSite(robot);
        TableView<BrokenLink> broken = showBrokenLinks(robot);

        assertThat(searched(robot, broken, "no @")).containsExactly(MAILTO);
        assertThat(searched(robot, broken, "email")).containsExactly(MAILTO);
        assertThat(searched(robot, broken, "do not open")).containsExactly(FILE);
        assertThat(searched(robot, broken, "file:")).containsExactly(FILE);
        assertThat(searched(robot, broken, "malformed")).containsExactlyInAnyOrder(MAILTO,
                SPACE);
        assertThat(searched(robot, broken, "")).hasSize(4);
    }

    /**
     * The bug: selecting one showed "Select a URL to see its details." (it has no row). The
     * details pane shows the href, what is wrong with it and the page it is written on with
     * its anchor text, whose menu opens that page; the tabs a URL has and it has not are off.
     */
    @Test
    void selectingOneShowsItsReasonAndThePageHoldingItWhichItsMenuOpens(FxRobot robot)
            throws Exception {
        List<String> opened = new CopyOnWriteArrayList<>();
        context.setBrowser(url -> {
            opened.add(url);
            return true;
        });
        crawlTheSite(robot);
        TableView<BrokenLink> broken = showBrokenLinks(robot);
        int row = fx(() -> broken.getItems().stream().map(BrokenLink::linkUrl).toList()
                .indexOf(MAILTO));
        robot.interact(() -> broken.getSelectionModel().select(row));

        Label heading = node(robot, "#detailsHeading", Label.class);
        waiting(WAIT).until(() -> fx(heading::getText).equals(MAILTO + "  ·  Bad email address"));
        assertThat(fx(() -> node(robot, "#notAUrl", Label.class).getText()))
                .startsWith(MAILTO_REASON + ". ");
        assertThat(fx(() -> node(robot, "#notAUrl", Label.class).isVisible())).isTrue();
        TableView<UrlDetails.Inlink> inlinks = inlinksTable(robot);
        waiting(WAIT).until(() -> fx(() -> inlinks.getItems().size()) == 1);
        UrlDetails.Inlink page = fx(() -> inlinks.getItems().get(0));
        assertThat(page.sourceUrl()).isEqualTo(server.url("/"));
        assertThat(page.anchor()).isEqualTo("Write to us");
        assertThat(fx(() -> inlinks.isVisible())).isTrue();
        assertThat(fx(() -> detailsTab(robot, "#outlinksTab").isDisable())).isTrue();
        assertThat(fx(() -> detailsTab(robot, "#pageTab").isDisable())).isTrue();

        robot.interact(() -> inlinks.getSelectionModel().select(0));
        requestContextMenu(robot, inlinkRow(robot, 0));
        robot.clickOn("#menuOpenInBrowser");
        waiting(WAIT).until(() -> opened.size() == 1);
        assertThat(opened).containsExactly(server.url("/"));

        // a URL's row again: its tabs back, the note gone
        int missing = fx(() -> broken.getItems().stream().map(BrokenLink::linkUrl).toList()
                .indexOf(server.url("/missing")));
        robot.interact(() -> broken.getSelectionModel().select(missing));
        waiting(WAIT).until(() -> fx(heading::getText).equals(server.url("/missing")
                + "  ·  404 Not Found"));
        assertThat(fx(() -> detailsTab(robot, "#outlinksTab").isDisable())).isFalse();
        assertThat(fx(() -> node(robot, "#notAUrl", Label.class).isVisible())).isFalse();
    }

    /**
     * The bug: the status bar said "0 broken" (it counts URLs) beside "Broken links (4)", and
     * the overview's Broken said 0 too. The status bar says broken URLs, and at the end the
     * broken links as well, as the command line's summary counts them; the overview names
     * its URLs so.
     */
    @Test
    void theStatusBarAndTheOverviewSayWhatTheyCountBesideTheTab(FxRobot robot)
            throws Exception {
        crawlTheSite(robot);

        assertThat(status(robot)).startsWith("Finished: ")
                .contains(" · 1 broken URL, 4 broken links · ");
        waiting(WAIT).until(() -> !robot.lookup("Broken links (4)").queryAll().isEmpty());
        Node entry = robot.lookup("#overview-BROKEN").query();
        List<String> words = fx(() -> entry.lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).toList());
        assertThat(words).contains("Broken URLs", "1");
    }

    // == helpers ==

    /** The Status / error cells on screen, by their row's link. */
    private static Map<String, String> statusCells(FxRobot robot, TableView<BrokenLink> t) {
        Map<String, String> out = new LinkedHashMap<>();
        for (TableCell<?, ?> c : cells(robot, t)) {
            out.put(((BrokenLink) c.getTableRow().getItem()).linkUrl(), c.getText());
        }
        return out;
    }

    private static TableCell<?, ?> statusCell(FxRobot robot, TableView<BrokenLink> t,
            String link) {
        return cells(robot, t).stream().filter(c -> ((BrokenLink) c.getTableRow().getItem())
                .linkUrl().equals(link)).findFirst().orElseThrow();
    }

    private static List<TableCell<?, ?>> cells(FxRobot robot, TableView<BrokenLink> t) {
        TableColumn<BrokenLink, ?> status = t.getColumns().stream()
                .filter(c -> c.getText().equals("Status / error")).findFirst().orElseThrow();
        return robot.from(t).lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .<TableCell<?, ?>>map(c -> c)
                .filter(c -> c.getTableColumn() == status && c.getTableRow() != null
                        && c.getTableRow().getItem() != null)
                .toList();
    }

    /** The links the tab lists once the search holds this text. */
    private List<String> searched(FxRobot robot, TableView<BrokenLink> broken, String text)
            throws Exception {
        robot.interact(() -> vm().broken().searchProperty().set(text));
        waiting(WAIT).until(() -> !fx(() -> vm().broken().readingProperty().get()));
        return fx(() -> broken.getItems().stream().map(BrokenLink::linkUrl).toList());
    }

    @SuppressWarnings("unchecked")
    private static TableView<UrlDetails.Inlink> inlinksTable(FxRobot robot) {
        return robot.lookup("#inlinksTable").queryAs(TableView.class);
    }

    private static TableRow<?> inlinkRow(FxRobot robot, int index) {
        return robot.lookup("#inlinksTable .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getIndex() == index && r.getItem() != null).findFirst()
                .orElseThrow();
    }

    /** A tab of the details pane (tabs are no nodes: found through their pane). */
    private static Tab detailsTab(FxRobot robot, String id) {
        javafx.scene.control.TabPane pane = (javafx.scene.control.TabPane) robot
                .lookup("#details .tab-pane").query();
        return pane.getTabs().stream().filter(t -> ("#" + t.getId()).equals(id)).findFirst()
                .orElseThrow();
    }
}
