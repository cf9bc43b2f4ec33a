package io.webprobe.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import io.webprobe.testsupport.FxStages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Shift+F10 and the Menu key open a table's context menu under its focused row. The bug: on
 * Linux only a right click did, so the menu's actions were out of the keyboard's reach.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardMenusTest {
    private TableView<String> table;
    private ContextMenu menu;
    private int shownTimes;

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        menu = new ContextMenu(new MenuItem("Copy URL"));
        TableColumn<String, String> c = new TableColumn<>("URL");
        c.setCellValueFactory(f -> new SimpleStringProperty(f.getValue()));
        table.getColumns().add(c);
        table.getItems().setAll(IntStream.range(0, 200).mapToObj(i -> "http://x/" + i).toList());
        menu.setOnShowing(e -> shownTimes++); // filled as for a right click
        table.setContextMenu(menu);
        KeyboardMenus.install(table);
        FxStages.show(stage, new Scene(table, 400, 300));
    }

    private <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    @Test
    void shiftF10AndTheMenuKeyOpenTheMenuUnderTheFocusedRow(FxRobot robot) throws Exception {
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(3);
            table.getFocusModel().focus(3);
        });

        robot.press(KeyCode.SHIFT).press(KeyCode.F10).release(KeyCode.F10)
                .release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(menu::isShowing)).isTrue();
        assertThat(shownTimes).isEqualTo(1);
        Bounds row = fx(() -> table.lookupAll(".table-row-cell").stream()
                .filter(n -> ((javafx.scene.control.IndexedCell<?>) n).getIndex() == 3)
                .findFirst().orElseThrow().localToScreen(new javafx.geometry.BoundingBox(0, 0,
                        1, 1)));
        double y = fx(menu::getAnchorY);
        assertThat(y).as("below row 3's top").isGreaterThan(row.getMinY())
                .isLessThan(row.getMinY() + 60);

        robot.interact(menu::hide);
        robot.push(KeyCode.CONTEXT_MENU);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(menu::isShowing)).isTrue();
        assertThat(shownTimes).isEqualTo(2);
        robot.interact(menu::hide);
    }

    @Test
    void aFocusedRowScrolledAwayOpensTheMenuAtTheTablesTop(FxRobot robot) throws Exception {
        robot.interact(() -> {
            table.requestFocus();
            table.getFocusModel().focus(150);
            table.scrollTo(0);
        });
        WaitForAsyncUtils.waitForFxEvents();

        robot.push(KeyCode.CONTEXT_MENU);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(menu::isShowing)).isTrue();
        Bounds t = fx(() -> table.localToScreen(table.getBoundsInLocal()));
        assertThat(fx(menu::getAnchorY)).isBetween(t.getMinY(), t.getMinY() + 60);
        robot.interact(menu::hide);
    }
}
