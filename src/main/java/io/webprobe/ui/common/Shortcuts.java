package io.webprobe.ui.common;

import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The app's keys, each defined once: the menus' accelerators and the keys the tabs and tables
 * read are these constants, and Help › Keyboard shortcuts lists {@link #KEYS} (the keys no menu
 * shows) beside the menus' own accelerators, so the list cannot say other than the keys do.
 */
public final class Shortcuts {
    private Shortcuts() {}

    /** File › New crawl. */
    public static final KeyCombination NEW_CRAWL = shortcut(KeyCode.N);
    /** File › Open crawl…. */
    public static final KeyCombination OPEN_CRAWL = shortcut(KeyCode.O);
    /** File › Export CSV…. */
    public static final KeyCombination EXPORT = shortcut(KeyCode.E);
    /** File › Quit. */
    public static final KeyCombination QUIT = shortcut(KeyCode.Q);
    /** Starts a crawl or a ping test (Enter is a new line in a list of URLs). */
    public static final KeyCombination START = shortcut(KeyCode.ENTER);
    /** To the start URL field. */
    public static final KeyCombination START_URL = shortcut(KeyCode.L);
    /** To the search of the table shown. */
    public static final KeyCombination SEARCH = shortcut(KeyCode.F);
    /** Copies the rows or URLs selected in a table. */
    public static final KeyCombination COPY = shortcut(KeyCode.C);
    /** Stops a run; in a search box that holds text, clears it. */
    public static final KeyCombination STOP = new KeyCodeCombination(KeyCode.ESCAPE);
    /** Opens the details of the URL table's row (as a double-click). */
    public static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.ENTER);
    /** Opens a table's row menu, as the Menu key does. */
    public static final KeyCombination ROW_MENU = new KeyCodeCombination(KeyCode.F10,
            KeyCombination.SHIFT_DOWN);

    /** A key no menu shows: what it does, and where. */
    public record Key(String keys, String what) {
        Key(KeyCombination keys, String what) {
            this(text(keys), what);
        }
    }

    /** A heading and its keys. */
    public record Group(String title, List<Key> keys) {}

    /** The keys of the tabs and tables, by where they work (the menus show their own). */
    public static final List<Group> KEYS = List.of(
            new Group("Crawl tab", List.of(
                    new Key(START, "Start the crawl (Enter too, in the start URL field)"),
                    new Key(START_URL, "Go to the start URL field"),
                    new Key(SEARCH, "Search the URLs and titles (on Broken links, its links)"),
                    new Key(STOP, "Stop the crawl or a re-check; in a search box that holds "
                            + "text, clear it first"))),
            new Group("Tables", List.of(
                    new Key(OPEN, "Open the selected URL's details (the URL table; or "
                            + "double-click)"),
                    new Key(COPY, "Copy the selected URLs (the Ping table: the rows)"),
                    new Key("Menu key or " + text(ROW_MENU),
                            "Open the selected rows' menu, as a right-click does"))),
            new Group("Ping tab", List.of(
                    new Key(START, "Start the test (Enter is a new line in the list)"),
                    new Key(STOP, "Stop the test"))),
            new Group("Lists of URLs and headers", List.of(
                    new Key("Tab, Shift+Tab", "Go to the next or the previous control "
                            + "(Ctrl+Tab too)"))));

    /**
     * How the README and the tooltips spell a key: "Ctrl+Enter", "Esc" (JavaFX's display text
     * says "Ctrl+↵" and "Escape").
     */
    public static String text(KeyCombination keys) {
        if (!(keys instanceof KeyCodeCombination k)) {
            return keys.getDisplayText();
        }
        return (k.getShortcut() == KeyCombination.ModifierValue.DOWN
                || k.getControl() == KeyCombination.ModifierValue.DOWN ? "Ctrl+" : "")
                + (k.getAlt() == KeyCombination.ModifierValue.DOWN ? "Alt+" : "")
                + (k.getShift() == KeyCombination.ModifierValue.DOWN ? "Shift+" : "")
                + k.getCode().getName();
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }
}
