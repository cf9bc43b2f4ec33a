package io.webprobe.ui.common;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;

/**
 * A split pane's first divider kept where the user last put it, in a {@link UiState} under a
 * key of its own.
 */
public final class RememberedDivider {
    private RememberedDivider() {}

    /**
     * Keeps a divider where the user last put it (or at {@code def}): as a fraction of the
     * pane, put back whenever the pane changes size (a window that opens small and grows, a
     * resize), and remembered when the user drags it, not when a resize moves it.
     */
    public static void keep(SplitPane split, UiState memory, String key, double def) {
        Runnable apply = () -> split.setDividerPositions(memory.getDouble(key, def));
        apply.run();
        // the skin moves dividers in the layout that follows a resize (it keeps pixel
        // positions): put them back after that layout, once per pulse at most
        boolean[] pending = {false};
        InvalidationListener resized = o -> {
            if (!pending[0]) {
                pending[0] = true;
                Platform.runLater(() -> {
                    pending[0] = false;
                    apply.run();
                });
            }
        };
        split.widthProperty().addListener(resized);
        split.heightProperty().addListener(resized);
        // only a drag of its own divider is the user's choice: a click anywhere in the panes
        // kept where the divider happened to be, as where a small window's least table height
        // had pushed it (the details pane then stayed a heading high in every window after)
        boolean[] onDivider = {false};
        split.addEventFilter(MouseEvent.MOUSE_PRESSED,
                e -> onDivider[0] = ownDivider(split, e.getTarget()));
        split.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            // a split left with one pane has no divider (the Crawl tab's workspace while the
            // Charts tab hides the details pane)
            if (onDivider[0] && split.getDividerPositions().length > 0) {
                memory.putDouble(key, split.getDividerPositions()[0]);
            }
            onDivider[0] = false;
        });
    }

    /** Whether {@code target} is a divider of {@code split} (or in one), not of a split in it. */
    private static boolean ownDivider(SplitPane split, Object target) {
        for (Node n = target instanceof Node t ? t : null; n != null && n != split;
                n = n.getParent()) {
            if (n.getStyleClass().contains("split-pane-divider") && n.getParent() == split) {
                return true;
            }
        }
        return false;
    }
}
