package io.webprobe.ui.common;

import javafx.scene.control.Tooltip;

/**
 * A tooltip of a few sentences, wrapped at a width a reader takes in: unwrapped, the Request
 * headers box's tooltip (330 characters) was one line of about 2,100 px, cut at the window's
 * and the screen's edge.
 */
public final class Tips {
    /** The widest a wrapped tooltip grows, about 65 characters of the default font. */
    public static final double MAX_WIDTH = 420;

    private Tips() {}

    /** A tooltip saying {@code text}, on lines at most {@link #MAX_WIDTH} wide. */
    public static Tooltip wrapped(String text) {
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(MAX_WIDTH);
        return tip;
    }
}
