package io.webprobe.ui.common;

import javafx.scene.control.Button;

/** Buttons of the tabs' bars: an id (for tests and the keys), words, and what a click does. */
public final class Buttons {
    private Buttons() {}

    /** A button with its id and text that runs {@code action} when pressed. */
    public static Button of(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
