package io.webprobe.ui.common;

import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Tab and Shift+Tab move the focus out of a text area to the next or previous control, as in
 * a browser's form, instead of typing a tab character, which no URL list, header list or
 * pattern here wants: a keyboard user Tabbing through the Ping tab stayed in its URL list.
 * Ctrl+Tab does what it did (JavaFX's own way out of a text area).
 */
public final class TabKey {
    private TabKey() {}

    /** Makes Tab leave {@code area}; returns it. */
    public static <T extends TextArea> T movesFocus(T area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown() && !e.isAltDown()
                    && !e.isMetaDown()) {
                e.consume();
                // as Ctrl+Tab, which the text area's own keys read as "to the next control"
                area.fireEvent(new KeyEvent(e.getSource(), e.getTarget(), KeyEvent.KEY_PRESSED,
                        "", "", KeyCode.TAB, e.isShiftDown(), true, false, false));
            }
        });
        return area;
    }
}
