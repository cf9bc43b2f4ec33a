package io.webprobe.ui.common;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;

/**
 * How wide a table's cells need their columns: a figure's column widens to it ({@link
 * #fitted}); a text column that shares the URLs' room ({@link FillColumn#share}) is told what
 * its text needs ({@link #needed}). Only cells are measured, so only the rows on screen: the
 * Ping table's, and the Crawl table's, whose rows are read page by page from a file. FX thread
 * only, as the cells are.
 */
public final class CellWidths {
    /** Measures a cell's text in its font. */
    private static final Text MEASURE = new Text();

    private CellWidths() {}

    /**
     * The width the cell's column needs for its text whole, its padding and border included;
     * 0 for a cell with no text.
     */
    public static double needed(TableCell<?, ?> cell) {
        return needed(cell, cell.getText());
    }

    /** As {@link #needed(TableCell)}, for {@code text} in the cell (its text or another). */
    public static double needed(TableCell<?, ?> cell, String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        // the cell's padding and border (0.17 em each side and a pixel), before its CSS too
        double padding = Math.max(6, cell.snappedLeftInset() + cell.snappedRightInset() + 1);
        return Math.ceil(textWidth(cell.getFont(), text) + padding);
    }

    /** The width of {@code text} in {@code font}. */
    public static double textWidth(javafx.scene.text.Font font, String text) {
        MEASURE.setFont(font);
        MEASURE.setText(text);
        return MEASURE.getLayoutBounds().getWidth();
    }

    /** Room in a column header beside its words: the header's padding and the sort arrow. */
    static final double HEADER_ROOM = 20;

    /**
     * The least width of a column whose header says {@code title} whole, with the sort arrow
     * beside it ("Time (…▲" in the Crawl table, "Ancho…" in Broken links at 960 px): bold, as
     * modena has it.
     */
    public static double headerWidth(String title) {
        javafx.scene.text.Font f = javafx.scene.text.Font.getDefault();
        return Math.ceil(textWidth(javafx.scene.text.Font.font(f.getFamily(),
                javafx.scene.text.FontWeight.BOLD, f.getSize()), title)) + HEADER_ROOM;
    }

    /** Room in a cell beside its text: its padding and border, and a pixel to spare. */
    static final double CELL_ROOM = 8;

    /**
     * The least width of a column whose cells show each of {@code texts} whole, in the
     * default font (a column shrunk with the others to fit the table: the Broken links Type
     * read "Hype…" at 960 px).
     */
    public static double cellWidth(String... texts) {
        double widest = 0;
        for (String t : texts) {
            widest = Math.max(widest, textWidth(javafx.scene.text.Font.getDefault(), t));
        }
        return Math.ceil(widest) + CELL_ROOM;
    }

    /**
     * Widens the cell's column to its figure when the column is too narrow for it (Bytes read
     * "576,718..."); never narrows it. Only shown cells are measured, once a figure changes. A
     * column that gives way when the room is short is told its figure's width instead.
     */
    public static <S> void fitted(TableCell<S, ?> cell) {
        TableColumn<S, ?> column = cell.getTableColumn();
        double needed = needed(cell);
        FillColumn<S> fill = cell.getTableView() == null ? null
                : FillColumn.of(cell.getTableView());
        if (column != null && fill != null && fill.shares(column)) {
            fill.want(column, needed); // it gives way down to its figures (PingTable)
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
