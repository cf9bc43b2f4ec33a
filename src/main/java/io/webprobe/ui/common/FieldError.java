package io.webprobe.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

/**
 * A red sentence about what the user typed (a bad start URL, a list's bad lines, a setting),
 * shown, and taking room, only while there is one; a long one wraps (one cut at the window's
 * edge lost its end, what it asked of the user).
 */
public final class FieldError {
    private FieldError() {}

    /** The label of {@code text}, styled "field-error", gone while the text is empty. */
    public static Label label(String id, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add("field-error");
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
