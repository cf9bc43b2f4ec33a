package io.webprobe.ui.common;

/** The system clipboard, behind an interface so tests can read what was copied. FX thread. */
@FunctionalInterface
public interface ClipboardService {
    /** Puts plain text on the clipboard. */
    void putText(String text);

    /** The JavaFX system clipboard. */
    static ClipboardService system() {
        return text -> {
            javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
            c.putString(text);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        };
    }
}
