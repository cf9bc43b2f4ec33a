package io.webprobe.ui.common;

import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.PickResult;

/**
 * The Menu key and Shift+F10 open a table's context menu, as they do in every desktop program:
 * on Linux JavaFX opens it only for a right click, so Re-check, Exclude, Open in browser and
 * Copy all inlinks were out of reach of the keyboard. The menu opens under the focused row (at
 * the table's top when that row is scrolled away), through the same request a right click
 * makes, so it is filled as it is for the mouse.
 */
public final class KeyboardMenus {
    private KeyboardMenus() {}

    /** Lets the keyboard open this table's context menu. */
    public static void install(TableView<?> table) {
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean asked = e.getCode() == KeyCode.CONTEXT_MENU
                    || e.getCode() == KeyCode.F10 && e.isShiftDown() && !e.isShortcutDown()
                            && !e.isAltDown();
            if (!asked || table.getContextMenu() == null) {
                return;
            }
            e.consume();
            Point2D at = anchor(table);
            Point2D screen = table.localToScreen(at);
            if (screen == null) {
                return; // not on a screen
            }
            Event.fireEvent(table, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    at.getX(), at.getY(), screen.getX(), screen.getY(), true,
                    new PickResult(table, at.getX(), at.getY())));
        });
    }

    /** Below the focused row's start, in the table's coordinates; else near its top. */
    static Point2D anchor(TableView<?> table) {
        int focused = table.getFocusModel().getFocusedIndex();
        for (Node n : table.lookupAll(".table-row-cell")) {
            if (n instanceof IndexedCell<?> row && row.getIndex() == focused && row.isVisible()
                    && focused >= 0) {
                Bounds b = table.sceneToLocal(row.localToScene(row.getBoundsInLocal()));
                if (b.getMinY() >= 0 && b.getMaxY() <= table.getHeight()) {
                    return new Point2D(b.getMinX() + 24, b.getMaxY());
                }
            }
        }
        return new Point2D(24, Math.min(table.getHeight(), 48));
    }
}
