package io.webprobe.ui;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static io.webprobe.testsupport.LocalHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.app.WebprobeApp;
import io.webprobe.ui.crawl.overview.OverviewCountsByHand;
import io.webprobe.ui.crawl.table.UrlItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the main window shows at its least size, 960×640, reads whole (found by eye under
 * Openbox): the overview's names beside counts of four and five digits, the URL table's
 * application/* types; and Help lists the keyboard shortcuts, every menu accelerator among them.
 */
class LeastWindowReadsWholeWindowTest extends MainWindowTestBase {
    @Start
    void start(Stage stage) {
        openApp(stage);
    }

    @Stop
    void stop() {
        closeApp();
    }

    private void resize(FxRobot robot, double width, double height) throws Exception {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        fx(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** What a labelled node shows of its text: the text, or the text cut with an ellipsis. */
    private static String shown(Node labelled) throws Exception {
        return fx(() -> {
            StringBuilder s = new StringBuilder();
            for (Node t : labelled.lookupAll(".text")) {
                if (t instanceof Text text) {
                    s.append(text.getText());
                }
            }
            return s.toString().replace('\n', ' ');
        });
    }

    /**
     * The bug: at 960×640 the overview read "Non-indexabl…", "Slow (over 1…", "Redirect
     * cha…" beside the counts of a 3,000-page crawl. Each name reads whole (on two lines where
     * it must) beside counts of four digits; beside five, a name of several words still
     * does, and one word too long for the room ("Canonicalised") is whole in its tooltip. The
     * counts stay whole.
     */
    @Test
    void theOverviewsNamesReadWholeBesideLargeCountsAtTheLeastWidth(FxRobot robot)
            throws Exception {
        resize(robot, WebprobeApp.MIN_WIDTH, WebprobeApp.MIN_HEIGHT);
        @SuppressWarnings("unchecked")
        TreeView<Object> tree = robot.lookup("#overview").queryAs(TreeView.class);
        for (long count : new long[] {3_022, 99_999}) {
            fx(() -> {
                OverviewCountsByHand.setAll(vm().overview(), count);
                return null;
            });
            List<String> cut = new ArrayList<>();
            int rows = fx(tree::getExpandedItemCount);
            for (int i = 0; i < rows; i++) {
                int row = i;
                robot.interact(() -> tree.scrollTo(row));
                WaitForAsyncUtils.waitForFxEvents();
                TreeCell<?> cell = fx(() -> tree.lookupAll(".tree-cell").stream()
                        .map(n -> (TreeCell<?>) n)
                        .filter(c -> c.getIndex() == row && c.isVisible() && !c.isEmpty())
                        .findFirst().orElseThrow());
                if (fx(() -> cell.getGraphic()) == null) {
                    continue; // a group's heading
                }
                List<Label> labels = fx(() -> cell.getGraphic().lookupAll(".label").stream()
                        .map(n -> (Label) n).toList());
                for (Label l : labels) {
                    String text = fx(l::getText).replace('\n', ' ');
                    String tip = fx(() -> cell.getTooltip() == null ? ""
                            : cell.getTooltip().getText());
                    boolean oneWord = !text.contains(" ");
                    if (!shown(l).equals(text)
                            && (count < 10_000 || !oneWord || !tip.startsWith(text))) {
                        cut.add(shown(l) + " (" + text + ")");
                    }
                }
            }
            assertThat(cut).as("cut beside counts of %,d at 960 px", count).isEmpty();
        }
    }

    /**
     * The bug: the URL table's Type column read "applicati…" for every application/* type at
     * 960×640. An application/javascript or application/octet-stream URL's type reads whole,
     * the titles and URLs giving way as they do for a reason; the columns still fit.
     */
    @Test
    void applicationTypesReadWholeAtTheLeastWidth(FxRobot robot) throws Exception {
        server.route("/", html("<title>Home</title><script src=\"/app.js\"></script>"
                + "<a href=\"/data.bin\">d</a> <a href=\"/feed.json\">f</a>"
                + " <a href=\"/page.html\">p</a>"));
        server.route("/app.js", respond(200, "application/javascript", "var x;"));
        server.route("/data.bin", respond(200, "application/octet-stream", "x"));
        server.route("/feed.json", respond(200, "application/json", "{}"));
        server.route("/page.html", html("<title>A page with a title longer than it</title>"));
        resize(robot, WebprobeApp.MIN_WIDTH, WebprobeApp.MIN_HEIGHT);
        enterUrlAndStart(robot, server.url("/"));
        waitForCrawlEnd(robot);
        WaitForAsyncUtils.waitForFxEvents(); // a column widened to its texts lays out again
        resize(robot, WebprobeApp.MIN_WIDTH, WebprobeApp.MIN_HEIGHT);
        TableView<UrlItem> table = pagesTable(robot);
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, String> tips = new LinkedHashMap<>();
        for (Node n : fx(() -> List.copyOf(table.lookupAll(".table-cell")))) {
            if (n instanceof TableCell<?, ?> c && fx(() -> c.isVisible() && !c.isEmpty()
                    && c.getTableColumn() != null && "Type".equals(c.getTableColumn().getText())
                    && c.getText() != null && !c.getText().isEmpty())) {
                types.put(fx(c::getText), shown(c));
                tips.put(fx(c::getText), fx(() -> c.getTooltip() == null ? null
                        : c.getTooltip().getText()));
            }
        }
        assertThat(types).containsKeys("application/javascript", "application/octet-stream",
                "application/json", "text/html");
        for (String type : new String[] {"application/javascript", "application/json",
                "text/html"}) {
            assertThat(types.get(type)).as("%s", types).isEqualTo(type);
        }
        // a longer one (by a few pixels in the headless font; whole under Openbox) is whole in
        // its tooltip
        tips.forEach((text, tip) -> assertThat(tip).as("tooltip").isEqualTo(text));
        double sum = fx(() -> table.getVisibleLeafColumns().stream()
                .mapToDouble(c -> c.getWidth()).sum());
        assertThat(sum).as("the columns fit").isLessThanOrEqualTo(fx(table::getWidth));
    }

    /**
     * The bug: Help had only About; the keys were in the README alone. Help › Keyboard
     * shortcuts opens a window listing the keys, every menu accelerator with its item.
     */
    @Test
    void helpListsTheKeyboardShortcutsEveryMenuAcceleratorAmongThem(FxRobot robot)
            throws Exception {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        Map<String, String> accelerators = fx(() -> {
            Map<String, String> out = new LinkedHashMap<>();
            List<MenuItem> items = new ArrayList<>();
            bar.getMenus().forEach(m -> items.addAll(m.getItems()));
            while (!items.isEmpty()) {
                MenuItem item = items.remove(0);
                if (item instanceof Menu m) {
                    items.addAll(m.getItems());
                } else if (item.getAccelerator() != null) {
                    out.put(item.getAccelerator().getDisplayText(), item.getText());
                }
            }
            return out;
        });
        assertThat(accelerators).containsKeys("Ctrl+N", "Ctrl+O", "Ctrl+E", "Ctrl+Q");
        MenuItem shortcuts = fx(() -> bar.getMenus().stream()
                .filter(m -> m.getText().equals("Help")).findFirst().orElseThrow()
                .getItems().stream().filter(i -> "menuShortcuts".equals(i.getId()))
                .findFirst().orElseThrow());
        robot.interact(shortcuts::fire);
        Stage window = fx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getOwner() == stage)
                .map(w -> (Stage) w).findFirst().orElseThrow());
        assertThat(fx(window::getTitle)).isEqualTo("Keyboard shortcuts");
        List<String> lines = fx(() -> {
            javafx.scene.layout.GridPane grid = (javafx.scene.layout.GridPane)
                    window.getScene().getRoot().lookup("#shortcutsList");
            Map<Integer, String> byRow = new java.util.TreeMap<>();
            for (Node n : grid.getChildren()) {
                Integer row = javafx.scene.layout.GridPane.getRowIndex(n);
                byRow.merge(row == null ? 0 : row, ((Label) n).getText(), (a, b) -> a + " " + b);
            }
            return List.copyOf(byRow.values());
        });
        accelerators.forEach((keys, item) -> assertThat(lines).as("%s", lines)
                .anyMatch(l -> l.startsWith(keys + " ") && l.endsWith(item)));
        // the keys no menu shows are listed too, as the code reading them spells them
        assertThat(lines).anyMatch(l -> l.startsWith("Ctrl+F "))
                .anyMatch(l -> l.startsWith("Ctrl+L "))
                .anyMatch(l -> l.startsWith("Esc "))
                .anyMatch(l -> l.startsWith("Ctrl+C "))
                .anyMatch(l -> l.contains("Shift+F10"));
        // a second time brings the one open to the front, not a second window
        robot.interact(shortcuts::fire);
        assertThat(fx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getOwner() == stage).count()))
                .isEqualTo(1);
        robot.interact(window::close);
    }
}
