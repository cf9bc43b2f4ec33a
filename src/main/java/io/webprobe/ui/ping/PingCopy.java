package io.webprobe.ui.ping;

import io.webprobe.Words;
import io.webprobe.ping.PingResult;
import io.webprobe.ui.common.ClipboardService;
import io.webprobe.ui.common.KeyboardMenus;
import io.webprobe.ui.crawl.actions.TableSelection;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Copying the Ping table's rows: Ctrl+C and the right-click menu (or the Menu key, Shift+F10)
 * copy the selected rows as tab-separated text under a header of the columns shown, which a
 * spreadsheet or a ticket takes as a table, as the Crawl tab's Copy row does; Copy URL the URLs,
 * one a line. The table had neither: its figures could only be read off the screen or exported
 * to a file. The figures are plain (no thousands separator, milliseconds to the hundredth, as
 * the CSV has them), so a spreadsheet reads them as numbers. FX thread only.
 */
final class PingCopy {
    private static final KeyCombination COPY = io.webprobe.ui.common.Shortcuts.COPY;

    private final TableView<PingRow> table;
    private final ClipboardService clipboard;
    private final Function<PingResult, List<String>> errors;
    private final Consumer<String> say;

    private PingCopy(TableView<PingRow> table, ClipboardService clipboard,
            Function<PingResult, List<String>> errors, Consumer<String> say) {
        this.table = table;
        this.clipboard = clipboard;
        this.errors = errors;
        this.say = say;
    }

    /**
     * Lets the table's rows be selected several at a time and copied.
     *
     * @param errors a result's errors in the run's words ({@link PingViewModel#errorsOf})
     * @param say shows what was copied in the status bar
     */
    static void install(TableView<PingRow> table, ClipboardService clipboard,
            Function<PingResult, List<String>> errors, Consumer<String> say) {
        PingCopy copy = new PingCopy(table, clipboard, errors, say);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (COPY.match(e)) {
                copy.copyRows();
                e.consume();
            }
        });
        MenuItem rows = new MenuItem("Copy row");
        rows.setId("pingMenuCopyRow");
        rows.setOnAction(e -> copy.copyRows());
        MenuItem urls = new MenuItem("Copy URL");
        urls.setId("pingMenuCopyUrl");
        urls.setOnAction(e -> copy.copyUrls());
        ContextMenu menu = new ContextMenu(rows, urls);
        menu.setOnShowing(e -> {
            int n = copy.selected().size();
            rows.setText(n > 1 ? String.format(Locale.ROOT, "Copy %,d rows", n) : "Copy row");
            urls.setText(n > 1 ? String.format(Locale.ROOT, "Copy %,d URLs", n) : "Copy URL");
            rows.setDisable(n == 0);
            urls.setDisable(n == 0);
        });
        table.setContextMenu(menu);
        KeyboardMenus.install(table);
    }

    /** The selected rows, in the table's order. */
    private List<PingRow> selected() {
        return table.getSelectionModel().getSelectedIndices().stream().sorted()
                .filter(i -> i >= 0 && i < table.getItems().size())
                .map(table.getItems()::get).toList();
    }

    void copyRows() {
        List<PingRow> rows = selected();
        if (!rows.isEmpty()) {
            clipboard.putText(rowsText(table, rows, errors));
            say.accept("Copied " + Words.count(rows.size(), "row") + ".");
        }
    }

    void copyUrls() {
        List<PingRow> rows = selected();
        if (!rows.isEmpty()) {
            clipboard.putText(String.join("\n", rows.stream().map(PingRow::url).toList()));
            say.accept(rows.size() == 1 ? "Copied " + rows.get(0).url() + "."
                    : String.format(Locale.ROOT, "Copied %,d URLs.", rows.size()));
        }
    }

    /**
     * The rows as tab-separated lines under a header of the columns shown ("p50 ms" for p50
     * under Latency (ms)), each ending in a line break.
     */
    static String rowsText(TableView<PingRow> table, List<PingRow> rows,
            Function<PingResult, List<String>> errors) {
        List<TableColumn<PingRow, ?>> columns = table.getVisibleLeafColumns();
        StringBuilder sb = new StringBuilder(TableSelection.tsv(columns.stream()
                .map(PingCopy::title).toArray())).append('\n');
        for (PingRow r : rows) {
            sb.append(TableSelection.tsv(columns.stream().map(c -> cell(c, r, errors))
                    .toArray())).append('\n');
        }
        return sb.toString();
    }

    /** A column's title, its group's unit after it ("p50 ms"). */
    private static String title(TableColumn<PingRow, ?> c) {
        return c.getParentColumn() == null ? c.getText() : c.getText() + " ms";
    }

    /** A cell as plain text: figures without separators, "" for none ("–" in the table). */
    private static String cell(TableColumn<PingRow, ?> c, PingRow row,
            Function<PingResult, List<String>> errors) {
        Object v = c.getCellData(row);
        if (v == null) {
            return "";
        }
        if (v instanceof PingResult r) { // the Errors column
            return String.join(", ", errors.apply(r));
        }
        if (v instanceof Double d) {
            if (c.getParentColumn() != null) { // Latency (ms)
                return String.format(Locale.ROOT, "%.2f", d);
            }
            return "pingRateColumn".equals(c.getId()) ? PingResult.rateText(d, false)
                    : String.format(Locale.ROOT, "%.0f%%", d * 100); // a URL's progress
        }
        return v.toString();
    }
}
