package io.webprobe.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;

/**
 * A tab's status bar: one line of text, the whole of it in a tooltip when the window is too
 * narrow to show it (a long fixed-rate ping summary, a long error sentence).
 */
public final class StatusLine {
    private StatusLine() {}

    public static StatusBar of(String id, ObservableValue<String> text) {
        StatusBar bar = new StatusBar();
        bar.setId(id);
        bar.textProperty().bind(text);
        Tooltip whole = new Tooltip();
        whole.setWrapText(true);
        whole.setMaxWidth(640);
        whole.setShowDuration(Duration.seconds(30));
        whole.textProperty().bind(text);
        bar.tooltipProperty().bind(Bindings.when(Bindings.createBooleanBinding(
                () -> text.getValue() != null && !text.getValue().isBlank(), text))
                .then(whole).otherwise((Tooltip) null));
        return bar;
    }
}
