package io.webprobe.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.text.TextAlignment;

/** What an empty table says, in the model's words. FX thread only. */
public final class TablePlaceholder {
    private TablePlaceholder() {}

    /**
     * A sentence bound to {@code text}, on lines of their own in a narrow table, centred, off
     * its sides (at 1,024 px the first words touched a table's left edge, and in a smaller
     * window both ends were cut off).
     */
    public static Label of(String id, ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.setTextAlignment(TextAlignment.CENTER);
        l.setPadding(new Insets(0, 12, 0, 12));
        return l;
    }
}
