package io.webprobe.ui.main;

import io.webprobe.ui.common.Shortcuts;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Help › Keyboard shortcuts: a small window listing the menus' accelerators, read from the
 * menu bar itself, and the tabs' and tables' keys ({@link Shortcuts#KEYS}), which the code
 * reading them uses too; so the list cannot drift from the keys. Not modal: it can stay open
 * beside the window while the keys are tried. Esc or Close closes it. FX thread only.
 */
final class ShortcutsWindow {
    private ShortcutsWindow() {}

    /** The menus' keys, then the others, under their headings. */
    static Node content(MenuBar menus) {
        GridPane grid = new GridPane();
        grid.setId("shortcutsList");
        grid.setHgap(16);
        grid.setVgap(4);
        int row = 0;
        List<Shortcuts.Key> menuKeys = new ArrayList<>();
        for (Menu m : menus.getMenus()) {
            accelerators(m, m.getText(), menuKeys);
        }
        List<Shortcuts.Group> groups = new ArrayList<>();
        groups.add(new Shortcuts.Group("Menus", menuKeys));
        groups.addAll(Shortcuts.KEYS);
        for (Shortcuts.Group g : groups) {
            Label title = new Label(g.title());
            title.getStyleClass().add("section-title");
            GridPane.setMargin(title, new Insets(row == 0 ? 0 : 8, 0, 0, 0));
            grid.add(title, 0, row++, 2, 1);
            for (Shortcuts.Key k : g.keys()) {
                Label keys = new Label(k.keys());
                keys.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                Label what = new Label(k.what());
                what.setWrapText(true);
                grid.addRow(row++, keys, what);
            }
        }
        grid.setPadding(new Insets(12));
        return grid;
    }

    /** Each item of {@code menu} (and its submenus) with an accelerator: "File › Quit". */
    private static void accelerators(Menu menu, String path, List<Shortcuts.Key> out) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                accelerators(sub, path + " › " + sub.getText(), out);
            } else if (item.getAccelerator() != null) {
                out.add(new Shortcuts.Key(Shortcuts.text(item.getAccelerator()),
                        path + " › " + item.getText()));
            }
        }
    }

    /** Opens the window over {@code owner}, or brings the one open to the front. */
    static void show(Window owner, MenuBar menus) {
        for (Window w : Window.getWindows()) {
            if (w instanceof Stage s && s.getOwner() == owner
                    && s.getProperties().containsKey(ShortcutsWindow.class)) {
                s.toFront();
                return;
            }
        }
        Stage stage = new Stage();
        stage.getProperties().put(ShortcutsWindow.class, Boolean.TRUE);
        stage.initOwner(owner);
        stage.setTitle("Keyboard shortcuts");
        Button close = new Button("Close");
        close.setId("shortcutsClose");
        close.setCancelButton(true); // Esc
        close.setDefaultButton(true);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(close);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(0, 12, 12, 12));
        ScrollPane scroll = new ScrollPane(content(menus));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("settings-scroll");
        BorderPane root = new BorderPane(scroll, null, null, buttons, null);
        Scene scene = new Scene(root, 560, 520);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.show();
    }
}
