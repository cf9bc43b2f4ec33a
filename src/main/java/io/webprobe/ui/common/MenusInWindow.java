package io.webprobe.ui.common;

import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Skin;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * A button's menu that would hang past its window's right edge opens leftwards instead, its
 * right edge under the button's, as menus near a right edge do in other programs: JavaFX opens
 * a menu button's menu (and a table's column chooser, the + over its scroll bar) from the
 * button's left edge, kept on the screen only. At the window's least width, 960 px, the Crawl
 * tab's Export CSV menu reached 67 px past the window, the column chooser's 120 px. For every
 * menu button of the app (the Export CSV arrow, the Compare tab's choosers, the menu bar's) and
 * every table's column chooser; a menu that fits stays where JavaFX puts it.
 */
public final class MenusInWindow {
    /** The style class of a table's column chooser, the + (TableHeaderRow's). */
    static final String COLUMN_CHOOSER = "show-hide-columns-button";
    private static final String PLACED = "webprobe.menusInWindow";
    private static boolean installed;

    private MenusInWindow() {}

    /** From now on, for every window of the app; once is enough. FX thread. */
    public static void install() {
        if (installed) {
            return;
        }
        installed = true;
        // a popup joins the list of windows as it is shown, before its first WINDOW_SHOWN
        Window.getWindows().addListener((ListChangeListener<Window>) ch -> {
            while (ch.next()) {
                for (Window w : ch.getAddedSubList()) {
                    if (w instanceof ContextMenu menu
                            && menu.getProperties().putIfAbsent(PLACED, Boolean.TRUE) == null) {
                        menu.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> place(menu));
                    }
                }
            }
        });
    }

    /** Moves a shown menu of a button left when it reaches past the button's window. */
    static void place(ContextMenu menu) {
        Node anchor = menu.getOwnerNode();
        if (anchor == null || !(anchor instanceof MenuButton
                || anchor.getStyleClass().contains(COLUMN_CHOOSER))
                || anchor.getScene() == null || anchor.getScene().getWindow() == null) {
            return;
        }
        Window window = anchor.getScene().getWindow();
        Bounds button = anchor.localToScreen(anchor.getLayoutBounds());
        double width = contentWidth(menu);
        double windowRight = window.getX() + window.getWidth();
        if (button == null || width <= 0 || menu.getAnchorX() + width <= windowRight) {
            return;
        }
        // its right edge under the button's; never left of the window (a menu wider than
        // the window's room left of the button's edge keeps to the window's left)
        menu.setAnchorX(Math.max(window.getX(), button.getMaxX() - width));
    }

    /** The menu's own width, without its shadow (what the anchor places: CONTENT_TOP_LEFT). */
    private static double contentWidth(ContextMenu menu) {
        Skin<?> skin = menu.getSkin();
        if (skin != null && skin.getNode() instanceof Region r) {
            return r.getWidth() > 0 ? r.getWidth() : r.prefWidth(-1);
        }
        return menu.getWidth();
    }
}
