package io.webprobe.ui.crawl.table;

import io.webprobe.ui.common.RowSelectionModel;
import javafx.collections.ListChangeListener;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Keeps the URL table's selection on the same URLs while the rows change (a live crawl adds or
 * moves rows, the order or filter changes): the selection is known by URL id
 * ({@link UrlTableModel#setSelection}), and after a change that moves rows it is selected
 * again by id (the model reads the ids from the table only when asked, so a change of a large
 * selection costs no more than the change). Where the table is scrolled to depends on the change, as in a spreadsheet:
 * <ul>
 *   <li>a new sort, filter or search shows its first rows, or the selected row if one is
 *       selected and still listed (not when every row is: Ctrl+A names no row to look at);
 *   <li>the same view read again (a running crawl's rows arrived or moved) keeps the row that
 *       was at the top at the top (as far as there are rows below it to fill the table); but a
 *       table at its very top (the first row, none of it scrolled off) stays at the top, so
 *       rows that now sort above it are seen rather than hidden above the view;
 *   <li>rows only appended move nothing, so nothing is redone.
 * </ul>
 * FX thread only.
 */
final class SelectionKeeper implements UrlTableModel.IdsListener {
    private final TableView<UrlItem> table;
    private final RowSelectionModel<UrlItem> selection;
    private final UrlTableModel model;
    private boolean applying;
    /** The selected ids before a change of rows, to select again after it. */
    private long[] kept = new long[0];
    /** The row at the top before a change, and how many pixels of it were scrolled off. */
    private long topId;
    /** Its position then. */
    private int topIndex;
    private double topOffset;
    /** Whether the table was at its very top before the change: the first row, wholly shown. */
    private boolean atTop;

    SelectionKeeper(TableView<UrlItem> table, RowSelectionModel<UrlItem> selection,
            UrlTableModel model) {
        this.table = table;
        this.selection = selection;
        this.model = model;
        selection.getSelectedIndices().addListener(
                (ListChangeListener<Integer>) c -> report());
        table.getFocusModel().focusedIndexProperty().addListener((o, was, now) -> report());
    }

    /**
     * The user changed the selection: tell the model which URL the details show (the focused row
     * if selected, else the first selected), and where the selected ones are read from.
     */
    private void report() {
        if (applying) {
            return;
        }
        UrlItems items = model.items();
        int f = table.getFocusModel().getFocusedIndex();
        int row = f >= 0 && selection.isSelected(f) ? f : selection.firstSelected();
        model.setSelection(this::selectedIds, row >= 0 && row < items.size() ? items.idAt(row) : 0);
    }

    /** The ids of the selected rows, in table order. */
    private long[] selectedIds() {
        UrlItems items = model.items();
        var indices = selection.getSelectedIndices();
        long[] ids = new long[indices.size()];
        int n = 0;
        for (Integer i : indices) {
            if (i < items.size()) {
                ids[n++] = items.idAt(i);
            }
        }
        return n == ids.length ? ids : java.util.Arrays.copyOf(ids, n);
    }

    @Override
    public void idsChanging(boolean appending) {
        if (appending) {
            return;
        }
        IndexedCell<?> top = flow() == null ? null : topCell(flow());
        UrlItems items = model.items();
        if (top != null && top.getIndex() >= 0 && top.getIndex() < items.size()) {
            topId = items.idAt(top.getIndex());
            topIndex = top.getIndex();
            topOffset = -top.getLayoutY();
            atTop = topIndex == 0 && topOffset < 0.5;
        } else {
            topId = 0;
            topIndex = 0;
            atTop = true;
        }
        // nothing selected while the rows change: the table then has no positions to shift;
        // and what the table does with its selection meanwhile is not the user's doing
        kept = model.selectedIds();
        applying = true;
        selection.clearSelection();
        table.getFocusModel().focus(-1);
    }

    @Override
    public void idsChanged(boolean appended, boolean newView) {
        if (appended) {
            return;
        }
        UrlItems items = model.items();
        long[] selected = kept;
        kept = new long[0];
        long current = model.currentIdProperty().get();
        applying = true;
        try {
            selection.clearSelection();
            int[] positions = positionsOf(items.ids(), selected);
            int focus = -1;
            int count = 0;
            for (int i = 0; i < positions.length; i++) {
                if (positions[i] >= 0) {
                    positions[count++] = positions[i];
                    if (selected[i] == current) {
                        focus = positions[count - 1];
                    }
                }
            }
            if (count > 0) {
                selection.selectIndices(positions[0],
                        java.util.Arrays.copyOfRange(positions, 1, count));
                table.getFocusModel().focus(focus >= 0 ? focus : positions[count - 1]);
            }
            VirtualFlow<?> flow = flow();
            if (flow != null) {
                // the flow learns the new row count in the next layout: lay out now, then scroll;
                // from the top (laid out where it was, a list of fewer rows ran past its end)
                flow.setPosition(0);
                table.layout();
                if (newView) {
                    // every row selected (Ctrl+A) says nothing of where to look: the first rows
                    boolean all = count == items.size();
                    showFirstRowsOr(flow, count > 0 && !all
                            ? (focus >= 0 ? focus : positions[0]) : -1);
                } else if (atTop) {
                    // as a spreadsheet: rows arriving above the first one are seen
                    scrollRowToTop(flow, 0);
                } else {
                    keepTop(flow, topId == 0 ? -1 : items.indexOf(topId));
                }
                // the flow's cells where it now scrolled, not at the next pulse: a second change
                // before that pulse reads its top row from them (a busy machine read row 0)
                table.layout();
            }
        } finally {
            applying = false;
        }
        report(); // rows no longer listed are no longer selected
    }

    /** A new view: its first rows, or the selected row (shown near the top) if any. */
    private void showFirstRowsOr(VirtualFlow<?> flow, int selectedRow) {
        if (selectedRow < 0) {
            if (model.items().size() > 0) {
                flow.scrollToTop(0);
            }
        } else {
            int above = Math.min(selectedRow, Math.max(0, rowsFitting(flow) / 3));
            scrollRowToTop(flow, selectedRow - above);
        }
    }

    /** The same view read again: the row that was at the top stays at the top. */
    private void keepTop(VirtualFlow<?> flow, int top) {
        if (top < 0) {
            // the top row is gone: stay where the table was, within the rows there are
            scrollRowToTop(flow, topIndex);
            return;
        }
        if (scrollRowToTop(flow, top) && topOffset > 0) {
            flow.scrollPixels(topOffset);
        }
    }

    /**
     * Scrolls this row to the top, or, near the end, shows the last rows with this one among
     * them (a row near the end put at the top left the table to fill with empty rows past the
     * last, and JavaFX logged "index exceeds maxCellCount").
     *
     * @return whether the row is at the top
     */
    private boolean scrollRowToTop(VirtualFlow<?> flow, int row) {
        int size = model.items().size();
        if (size == 0) {
            return false;
        }
        int to = Math.max(0, Math.min(row, size - 1));
        if (to <= size - rowsFitting(flow)) { // rowsFitting is never less than the truth
            flow.scrollToTop(to);
            return to == row;
        }
        flow.setPosition(1); // the last row at the bottom, and this one in view
        table.layout();
        return false;
    }

    /**
     * The row at the top of the table: the flow's first cell, unless it lies wholly above the
     * view (over many rows the flow can keep the row above the top one, scrolled off).
     */
    static IndexedCell<?> topCell(VirtualFlow<?> flow) {
        IndexedCell<?> first = flow.getFirstVisibleCell();
        if (first != null && first.getLayoutY() + first.getHeight() <= 0) {
            IndexedCell<?> next = flow.getVisibleCell(first.getIndex() + 1);
            return next != null ? next : first;
        }
        return first;
    }

    /** How many rows the table shows at once, at least (the flow's height, rounded up). */
    private int rowsFitting(VirtualFlow<?> flow) {
        double row = table.getFixedCellSize() > 0 ? table.getFixedCellSize() : 24;
        return (int) Math.ceil(flow.getHeight() / row);
    }

    /** The position of each id in {@code ids}, -1 where absent; one pass over the ids. */
    static int[] positionsOf(long[] ids, long[] wanted) {
        int[] out = new int[wanted.length];
        java.util.Arrays.fill(out, -1);
        if (wanted.length == 0) {
            return out;
        }
        if (wanted.length <= 8) { // the usual case: compare without boxing
            int found = 0;
            for (int p = 0; p < ids.length && found < wanted.length; p++) {
                for (int w = 0; w < wanted.length; w++) {
                    if (out[w] < 0 && ids[p] == wanted[w]) {
                        out[w] = p;
                        found++;
                        break;
                    }
                }
            }
            return out;
        }
        // many: look each id up among the wanted ones, sorted (a million selected rows are not
        // boxed into a map)
        long[] keys = wanted.clone();
        java.util.Arrays.sort(keys);
        int[] at = new int[keys.length];
        java.util.Arrays.fill(at, -1);
        for (int p = 0; p < ids.length; p++) {
            int k = java.util.Arrays.binarySearch(keys, ids[p]);
            if (k >= 0 && at[k] < 0) {
                at[k] = p;
            }
        }
        for (int w = 0; w < wanted.length; w++) {
            out[w] = at[java.util.Arrays.binarySearch(keys, wanted[w])];
        }
        return out;
    }

    private VirtualFlow<?> flow() {
        return table.lookup(".virtual-flow") instanceof VirtualFlow<?> f ? f : null;
    }
}
