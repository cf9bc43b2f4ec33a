package io.webprobe.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.testsupport.FxStages;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The bug: at the window's least width, 960 px, the Crawl tab's Export CSV menu and the
 * tables' column choosers (+) opened from their button's left edge and hung past the window's
 * right edge (67 and 120 px), on the screen but outside the window. A menu that would pass the
 * right edge opens leftwards, its right edge under its button's; one with room stays put.
 */
@ExtendWith(ApplicationExtension.class)
class MenusInWindowTest {
    private Stage stage;
    private SplitMenuButton right;
    private SplitMenuButton left;
    private TableView<String> table;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        MenusInWindow.install();
        right = button("Export CSV…");
        left = button("Older…");
        HBox bar = new HBox(8, left, new javafx.scene.layout.Region(), right);
        HBox.setHgrow(bar.getChildren().get(1), javafx.scene.layout.Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        table = new TableView<>();
        for (String title : new String[] {"URL", "Status", "Canonical", "Meta description"}) {
            TableColumn<String, String> c = new TableColumn<>(title);
            c.setCellValueFactory(f -> new SimpleStringProperty(f.getValue()));
            table.getColumns().add(c);
        }
        table.setTableMenuButtonVisible(true);
        table.getItems().setAll("http://127.0.0.1/");
        FxStages.show(stage, new Scene(new VBox(8, bar, table), 400, 300));
    }

    private static SplitMenuButton button(String text) {
        SplitMenuButton b = new SplitMenuButton(
                new MenuItem("Export selected URLs (columns shown)…"),
                new MenuItem("Excel-friendly (UTF-8 with BOM)"));
        b.setText(text);
        return b;
    }

    @AfterEach
    void closeMenus() throws Exception {
        fx(() -> {
            Window.getWindows().stream().filter(w -> w instanceof ContextMenu).toList()
                    .forEach(Window::hide);
            return null;
        });
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    /** The menu opened from {@code anchor}, once shown. */
    private static ContextMenu menuOf(Node anchor) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof ContextMenu m && m.isShowing()
                        && m.getOwnerNode() == anchor)
                .map(w -> (ContextMenu) w).findFirst().orElseThrow());
    }

    /** The menu's own bounds on the screen, without its shadow. */
    private static Bounds onScreen(ContextMenu menu) throws Exception {
        return fx(() -> menu.getSkin().getNode().localToScreen(
                menu.getSkin().getNode().getLayoutBounds()));
    }

    private Bounds window() throws Exception {
        return fx(() -> new javafx.geometry.BoundingBox(stage.getX(), stage.getY(),
                stage.getWidth(), stage.getHeight()));
    }

    private static Bounds screenBounds(Node n) throws Exception {
        return fx(() -> n.localToScreen(n.getLayoutBounds()));
    }

    @Test
    void aButtonsMenuAtTheRightEdgeOpensLeftwardsUnderTheButton(FxRobot robot)
            throws Exception {
        robot.interact(right::show);
        ContextMenu menu = menuOf(right);
        Bounds shown = onScreen(menu);
        Bounds button = screenBounds(right);

        assertThat(shown.getMaxX()).as("within the window")
                .isLessThanOrEqualTo(window().getMaxX());
        assertThat(shown.getMaxX()).as("its right edge under the button's")
                .isCloseTo(button.getMaxX(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(shown.getMinY()).as("below the button")
                .isGreaterThanOrEqualTo(button.getMaxY() - 1);
    }

    @Test
    void aMenuWithRoomOpensAsBeforeFromItsButtonsLeftEdge(FxRobot robot) throws Exception {
        robot.interact(left::show);
        Bounds shown = onScreen(menuOf(left));

        assertThat(shown.getMinX()).isCloseTo(screenBounds(left).getMinX(),
                org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void theColumnChooserOpensWithinTheWindow(FxRobot robot) throws Exception {
        Node plus = fx(() -> table.lookup("." + MenusInWindow.COLUMN_CHOOSER));
        robot.clickOn(plus);
        ContextMenu menu = menuOf(plus);
        Bounds shown = onScreen(menu);

        assertThat(fx(() -> menu.getItems().stream().map(MenuItem::getText).toList()))
                .contains("Meta description");
        assertThat(shown.getMaxX()).as("within the window")
                .isLessThanOrEqualTo(window().getMaxX());
        assertThat(shown.getMaxX()).as("its right edge under the +")
                .isCloseTo(screenBounds(plus).getMaxX(),
                        org.assertj.core.data.Offset.offset(1.0));
        // and again, the menu reused
        robot.interact(menu::hide);
        robot.clickOn(plus);
        assertThat(onScreen(menuOf(plus)).getMaxX()).isLessThanOrEqualTo(window().getMaxX());
    }
}
