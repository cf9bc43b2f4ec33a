package io.webprobe.ui.ping;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;

/**
 * How wide the Ping table's cells need their columns: a figure's column widens to it ({@link
 * #fitted}); a text column that shares the URLs' room is told what its text needs ({@link
 * #needed}). FX thread only, as the cells are.
 */
final class CellWidths {
    /** Measures a cell's text in its font. */
    private static final Text MEASURE = new Text();

    private CellWidths() {}

    /**
     * The width the cell's column needs for its text whole, its padding and border included;
     * 0 for a cell with no text.
     */
    static double needed(TableCell<PingRow, ?> cell) {
        return needed(cell, cell.getText());
    }

    /** As {@link #needed(TableCell)}, for {@code text} in the cell (its text or another). */
    static double needed(TableCell<PingRow, ?> cell, String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        // the cell's padding and border (0.17 em each side and a pixel), before its CSS too
        double padding = Math.max(6, cell.snappedLeftInset() + cell.snappedRightInset() + 1);
        return Math.ceil(textWidth(cell.getFont(), text) + padding);
    }

    /** The width of {@code text} in {@code font}. */
    static double textWidth(javafx.scene.text.Font font, String text) {
        MEASURE.setFont(font);
        MEASURE.setText(text);
        return MEASURE.getLayoutBounds().getWidth();
    }

    /**
     * Widens the cell's column to its figure when the column is too narrow for it (Bytes read
     * "576,718..."); never narrows it. Only shown cells are measured, once a figure changes. A
     * column that gives way when the room is short is told its figure's width instead.
     */
    static void fitted(TableCell<PingRow, ?> cell) {
        TableColumn<PingRow, ?> column = cell.getTableColumn();
        double needed = needed(cell);
        io.webprobe.ui.common.FillColumn<PingRow> fill = cell.getTableView() == null ? null
                : io.webprobe.ui.common.FillColumn.of(cell.getTableView());
        if (column != null && fill != null && fill.shares(column)) {
            fill.want(column, needed); // it gives way down to its figures (PingView)
            return;
        }
        if (column != null && needed > column.getWidth() && needed > column.getPrefWidth()) {
            // not while the table lays out its cells (this is called from that)
            javafx.application.Platform.runLater(() -> {
                if (needed > column.getPrefWidth()) {
                    column.setPrefWidth(needed);
                }
            });
        }
    }
}
