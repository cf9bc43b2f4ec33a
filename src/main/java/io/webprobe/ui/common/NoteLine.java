package io.webprobe.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A line of its own for a sentence and the buttons that act on it (the resume offer, the note
 * over an opened crawl's settings): the sentence wraps and gives way, the buttons keep their
 * width, and the line takes room only while {@code shown} holds.
 */
public final class NoteLine {
    private NoteLine() {}

    /** A button for a note line: its id, its text, what it does, and a tooltip saying so. */
    public static Button button(String id, String text, String tooltip, Runnable action) {
        Button b = Buttons.of(id, text, action);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setTooltip(new Tooltip(tooltip));
        return b;
    }

    /**
     * A note line saying {@code sentence}, shown while {@code shownWhile} is not empty (the
     * Crawl tab's offers, the main window's notice from start-up): its ids {@code id + "Bar"}
     * and {@code id + "Text"}, and the one look of every note line (the stylesheet's {@code
     * .note-line}).
     */
    public static HBox saying(String id, ObservableStringValue shownWhile,
            ObservableStringValue sentence, Button... buttons) {
        Label text = new Label();
        text.setId(id + "Text");
        text.textProperty().bind(sentence);
        HBox line = of(text, Bindings.isNotEmpty(shownWhile), buttons);
        line.setId(id + "Bar");
        line.getStyleClass().add("note-line");
        return line;
    }

    /** The line: {@code text} (made to wrap) then {@code buttons}, shown while {@code shown}. */
    public static HBox of(Label text, ObservableBooleanValue shown, Button... buttons) {
        text.setWrapText(true);
        text.setMinWidth(0);
        // all its lines: squeezed by the workspace under it, it kept one line and "…" (the
        // interrupted crawl's sentence at 1000×700)
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox line = new HBox(8, text);
        line.getChildren().addAll(buttons);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setMinWidth(0);
        line.visibleProperty().bind(shown);
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }
}
