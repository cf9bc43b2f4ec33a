package io.webprobe.ui.crawl.actions;

import java.util.List;
import java.util.function.Consumer;

/**
 * What a right-click menu acts on: the URLs selected in one table. Each answer may come later
 * (read from the crawl file); it is handed over on the FX thread.
 */
public interface UrlSelection {
    /** The selected URLs, in table order. */
    void urls(Consumer<List<String>> then);

    /** Their ids in the crawl file (0 for one the file does not hold). */
    void ids(Consumer<long[]> then);

    /** The selected rows as tab-separated text with a header line, for "Copy row". */
    void rowsText(Consumer<String> then);

    /** The first selected URL now, if known without reading (for menu texts), else "". */
    String firstUrlNow();

    /** How many rows are selected now (for menu texts). */
    int countNow();

    /**
     * The selected rows that are URLs, which can be requested, re-checked, left out and
     * pinged: all of them, save in the Broken links table, where a row may be an href that is
     * no URL (a malformed address, a file: link).
     */
    default UrlSelection urlRows() {
        return this;
    }

    /**
     * The selected rows a browser can open: the URL rows, and mailto: links (the mail program
     * opens them, with the address as written, as a visitor's click does).
     */
    default UrlSelection openableRows() {
        return urlRows();
    }
}
