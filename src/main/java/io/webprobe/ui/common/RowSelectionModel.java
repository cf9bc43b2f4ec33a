package io.webprobe.ui.common;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntFunction;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;
import javafx.collections.WeakListChangeListener;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;

/**
 * Row selection for a table of many rows (a crawl's URLs, up to a million): the selected rows are
 * a bit set, and each change is told to listeners as one change however many rows it selects or
 * clears, in time proportional to the rows selected, never to their square.
 *
 * <p>JavaFX's own model keeps a position object per selected row and updates its index list one
 * row at a time, each update counting bits from one end: with 30,000 rows selected (Ctrl+A) a
 * click on one row held the FX thread 1.2 s and a click on a column header 5-16 s
 * ({@code TableView.sort} looks up each selected position in a list); at a million rows it would
 * be hours.
 *
 * <p>Rows only: cell selection is not supported (a column passed in is kept for the focus only).
 * {@link SelectionMode#MULTIPLE} or {@link SelectionMode#SINGLE}. The selection follows the items
 * list's changes (rows added or removed before a selected row move it, a permutation moves it
 * with its item, rows appended change nothing); a new items list clears it. The change told
 * for a change of the items list names the rows selected before; the selected items it names as
 * removed are read from the list as it is now (the old items are gone when the list tells).
 * FX thread only.
 */
public final class RowSelectionModel<S> extends TableView.TableViewSelectionModel<S> {
    /** The keys under which JavaFX's table behaviour keeps the anchor of a Shift selection. */
    private static final String ANCHOR = "anchor";
    private static final String DEFAULT_ANCHOR = "isDefaultAnchor";

    private final BitSet rows = new BitSet();
    private int count;
    /** The selected rows in order, built when first asked for after a change; null when stale. */
    private int[] sorted;
    /** Rows per block of {@link #blockCounts}. */
    private static final int BLOCK = 4096;
    /**
     * How many rows are selected in each block of {@link #BLOCK} rows, for the rank of a row
     * without counting from the first (null when stale; kept up to date by one-row changes, which
     * JavaFX's behaviour makes by the thousand when Shift+arrow shrinks a selection).
     */
    private int[] blockCounts;
    private final Indices indices = new Indices();
    private final Mapped<S> items = new Mapped<>(this::getModelItem);
    private final Mapped<TablePosition> cells;
    private ObservableList<S> watched;
    /** Whether a row replaced is the same row read again (it stays selected), or null. */
    private java.util.function.BiPredicate<S, S> sameRow;
    private final ListChangeListener<S> itemsChanged = this::itemsChanged;
    private final WeakListChangeListener<S> weakItemsChanged =
            new WeakListChangeListener<>(itemsChanged);

    private RowSelectionModel(TableView<S> table) {
        super(table);
        // positions made without the table: one made with it reads its row's item, and JavaFX's
        // table behaviour looks at every position a change adds (Ctrl+A on a million rows would
        // read a million rows from the crawl file). No JavaFX code asks a selected cell its table
        cells = new Mapped<>(row -> new TablePosition<>(null, row, null));
        watch(table.getItems());
        // told of every new list, by identity: a change listener compares the old and the new
        // list with equals, which reads every row of both (a million rows from the crawl file)
        // and says nothing when they are equal
        table.itemsProperty().addListener(o -> {
            if (table.getItems() != watched) {
                watch(table.getItems());
                clearSelection();
            }
        });
        // SINGLE mode: JavaFX's own MultipleSelectionModel keeps one row, through clearAndSelect
    }

    /** Gives the table this model in place of JavaFX's, in multiple selection mode. */
    public static <S> RowSelectionModel<S> install(TableView<S> table) {
        return install(table, null);
    }

    /**
     * As {@link #install(TableView)}, and a selected row replaced by the same row read again
     * (a link whose target's status changed) stays selected.
     *
     * @param sameRow whether two items are one row at two moments; null: a row replaced is
     *     no longer selected
     */
    public static <S> RowSelectionModel<S> install(TableView<S> table,
            java.util.function.BiPredicate<S, S> sameRow) {
        RowSelectionModel<S> m = new RowSelectionModel<>(table);
        m.sameRow = sameRow;
        m.setSelectionMode(SelectionMode.MULTIPLE);
        // JavaFX's model, let go, clears its selection and the focus with it
        int focused = table.getFocusModel() == null ? -1 : table.getFocusModel().getFocusedIndex();
        table.setSelectionModel(m);
        if (table.getFocusModel() != null) {
            table.getFocusModel().focus(focused);
        }
        return m;
    }

    private void watch(ObservableList<S> list) {
        if (watched != null) {
            watched.removeListener(weakItemsChanged);
        }
        watched = list;
        if (list != null) {
            list.addListener(weakItemsChanged);
        }
    }

    // == reading ==

    @Override
    public ObservableList<Integer> getSelectedIndices() {
        return indices;
    }

    @Override
    public ObservableList<S> getSelectedItems() {
        return items;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ObservableList<TablePosition> getSelectedCells() {
        return cells;
    }

    @Override
    public boolean isSelected(int row) {
        return row >= 0 && rows.get(row);
    }

    @Override
    public boolean isSelected(int row, TableColumn<S, ?> column) {
        return isSelected(row);
    }

    @Override
    public boolean isEmpty() {
        return count == 0;
    }

    /** The first selected row, or -1. */
    public int firstSelected() {
        return rows.nextSetBit(0);
    }

    // == selecting ==

    @Override
    public void select(int row) {
        select(row, null);
    }

    @Override
    public void select(int row, TableColumn<S, ?> column) {
        if (!valid(row)) {
            return;
        }
        if (getSelectionMode() == SelectionMode.SINGLE) {
            replaceWith(row, column);
            return;
        }
        if (!rows.get(row)) {
            int at = rank(row);
            rows.set(row);
            count++;
            sorted = null;
            countInBlock(row, 1);
            fireAll(at, at + 1, new int[0]);
        }
        lead(row, column);
    }

    /**
     * Selects the first row holding this item, unless it is selected already (the lead stays);
     * an item not in the table becomes the selected item with no row, as in JavaFX's model.
     */
    @Override
    public void select(S item) {
        if (item == null && getSelectionMode() == SelectionMode.SINGLE) {
            clearSelection();
            return;
        }
        int row = item == null || getTableView().getItems() == null ? -1
                : getTableView().getItems().indexOf(item);
        if (row < 0) {
            setSelectedItem(item);
        } else if (!isSelected(row)) {
            select(row);
        }
    }

    @Override
    public void clearAndSelect(int row) {
        clearAndSelect(row, null);
    }

    @Override
    public void clearAndSelect(int row, TableColumn<S, ?> column) {
        if (!valid(row)) {
            return;
        }
        getTableView().getProperties().put(ANCHOR, new TablePosition<>(getTableView(), row, column));
        getTableView().getProperties().put(DEFAULT_ANCHOR, false);
        replaceWith(row, column);
    }

    /** Only this row selected, and the lead. */
    private void replaceWith(int row, TableColumn<S, ?> column) {
        if (!(count == 1 && rows.get(row))) {
            change(() -> {
                rows.clear();
                rows.set(row);
            });
        }
        lead(row, column);
    }

    @Override
    public void selectIndices(int row, int... more) {
        int last = valid(row) ? row : -1;
        if (more != null) {
            for (int r : more) {
                last = valid(r) ? r : last;
            }
        }
        if (last < 0) {
            return;
        }
        if (getSelectionMode() == SelectionMode.SINGLE) {
            replaceWith(last, null);
            return;
        }
        change(() -> {
            if (valid(row)) {
                rows.set(row);
            }
            if (more != null) {
                for (int r : more) {
                    if (valid(r)) {
                        rows.set(r);
                    }
                }
            }
        });
        lead(last, null);
    }

    /** Rows [start, end), or (end, start] going up, the last one the lead (as JavaFX's). */
    @Override
    public void selectRange(int start, int end) {
        if (start == end) {
            return;
        }
        boolean down = start < end;
        int last = down ? end - 1 : end + 1;
        int lo = Math.max(0, Math.min(start, last));
        int hi = Math.min(itemCount() - 1, Math.max(start, last));
        selectRows(lo, hi, down ? hi : lo, null); // the lead: the last row that exists
    }

    @Override
    public void selectRange(int minRow, javafx.scene.control.TableColumnBase<S, ?> minColumn,
            int maxRow, javafx.scene.control.TableColumnBase<S, ?> maxColumn) {
        selectRows(Math.min(minRow, maxRow), Math.max(minRow, maxRow), maxRow,
                maxColumn instanceof TableColumn<S, ?> c ? c : null);
    }

    /** Rows from..to inclusive (those that exist), {@code lead} the lead. */
    private void selectRows(int from, int to, int lead, TableColumn<S, ?> column) {
        int lo = Math.max(0, from);
        int hi = Math.min(itemCount() - 1, to);
        if (lo > hi) {
            return; // no row of the range exists
        }
        if (getSelectionMode() == SelectionMode.SINGLE) {
            select(lead, column);
            return;
        }
        change(() -> rows.set(lo, hi + 1));
        if (valid(lead)) {
            lead(lead, column);
        }
    }

    @Override
    public void selectAll() {
        if (getSelectionMode() == SelectionMode.SINGLE || itemCount() == 0) {
            return;
        }
        int n = itemCount();
        int focused = getFocusedIndex();
        change(() -> rows.set(0, n));
        lead(focused >= 0 && focused < n ? focused : n - 1, null);
    }

    @Override
    public void selectFirst() {
        if (itemCount() > 0) {
            select(0);
        }
    }

    @Override
    public void selectLast() {
        int n = itemCount();
        if (n > 0 && getSelectedIndex() < n - 1) {
            select(n - 1);
        }
    }

    @Override
    public void selectPrevious() {
        int focus = getFocusedIndex();
        if (focus == -1) {
            select(itemCount() - 1);
        } else if (focus > 0) {
            select(focus - 1);
        }
    }

    @Override
    public void selectNext() {
        int focus = getFocusedIndex();
        if (focus == -1) {
            select(0);
        } else if (focus < itemCount() - 1) {
            select(focus + 1);
        }
    }

    @Override
    public void selectAboveCell() {
        selectPrevious();
    }

    @Override
    public void selectBelowCell() {
        selectNext();
    }

    /** Rows only: there is no cell to the left. */
    @Override
    public void selectLeftCell() {}

    /** Rows only: there is no cell to the right. */
    @Override
    public void selectRightCell() {}

    // == clearing ==

    @Override
    public void clearSelection(int row) {
        if (row < 0 || !rows.get(row)) {
            return;
        }
        int at = rank(row);
        rows.clear(row);
        count--;
        sorted = null;
        countInBlock(row, -1);
        fireAll(at, at, new int[] {row});
        if (count == 0) { // no lead, but the focus stays where it was (as JavaFX's)
            setSelectedIndex(-1);
            setSelectedItem(null);
        }
    }

    @Override
    public void clearSelection(int row, TableColumn<S, ?> column) {
        clearSelection(row);
    }

    @Override
    public void clearSelection() {
        if (count > 0) {
            change(rows::clear);
        }
        lead(-1, null);
    }

    // == changes ==

    /** Runs a change of {@link #rows} and tells the listeners as one replacement. */
    private void change(Runnable edit) {
        int[] before = rowsInOrder();
        edit.run();
        count = rows.cardinality();
        sorted = null;
        blockCounts = null;
        if (before.length == 0 && count == 0) {
            return;
        }
        if (Arrays.equals(before, rowsInOrder())) {
            return;
        }
        fireAll(0, count, before);
    }

    private void fireAll(int from, int to, int[] removedRows) {
        indices.fire(from, to, removedRows);
        items.fire(from, to, removedRows);
        cells.fire(from, to, removedRows);
    }

    private void lead(int row, TableColumn<S, ?> column) {
        setSelectedIndex(row);
        setSelectedItem(getModelItem(row));
        if (getTableView().getFocusModel() != null) {
            if (row < 0) {
                getTableView().getFocusModel().focus(-1);
            } else {
                getTableView().getFocusModel().focus(row, column);
            }
        }
    }

    /** Moves the selection with the rows of the items list. */
    private void itemsChanged(ListChangeListener.Change<? extends S> c) {
        int[] before = null; // the rows before, once something moved
        int lead = getSelectedIndex();
        boolean permuted = false;
        while (c.next()) {
            int from = c.getFrom();
            if (c.wasUpdated() || (rows.nextSetBit(from) < 0 && lead < from)) {
                continue; // nothing selected at or after the change (rows appended)
            }
            if (before == null) {
                before = rowsInOrder();
            }
            BitSet next;
            if (c.wasPermutated()) {
                next = (BitSet) rows.clone();
                next.clear(from, c.getTo());
                for (int r = rows.nextSetBit(from); r >= 0 && r < c.getTo();
                        r = rows.nextSetBit(r + 1)) {
                    next.set(c.getPermutation(r));
                }
                permuted |= lead >= from && lead < c.getTo();
                lead = lead >= from && lead < c.getTo() ? c.getPermutation(lead) : lead;
            } else {
                int removed = c.getRemovedSize();
                int added = c.getAddedSize();
                next = rows.get(0, from);
                for (int r = rows.nextSetBit(from + removed); r >= 0; r = rows.nextSetBit(r + 1)) {
                    next.set(r - removed + added);
                }
                // a row replaced by itself read again stays selected (and the lead)
                int replaced = from + Math.min(removed, added);
                for (int r = rows.nextSetBit(from); r >= 0 && r < replaced;
                        r = rows.nextSetBit(r + 1)) {
                    if (same(c, r - from)) {
                        next.set(r);
                    }
                }
                int kept = lead >= from && lead < replaced && same(c, lead - from) ? lead : -1;
                lead = lead < from ? lead : lead >= from + removed ? lead - removed + added : kept;
            }
            rows.clear();
            rows.or(next);
            sorted = null;
            blockCounts = null;
        }
        if (before == null) {
            return;
        }
        count = rows.cardinality();
        if (!Arrays.equals(before, rowsInOrder())) {
            fireAll(0, count, before);
        }
        // the focus model moves the focus with rows added or removed, not with a sort
        setSelectedIndex(lead);
        setSelectedItem(getModelItem(lead));
        if (permuted && getTableView().getFocusModel() != null) {
            getTableView().getFocusModel().focus(lead);
        }
    }

    /** Whether the row at this offset of a replacement is the one it replaces, read again. */
    private boolean same(ListChangeListener.Change<? extends S> c, int offset) {
        return sameRow != null && sameRow.test(c.getRemoved().get(offset),
                c.getAddedSubList().get(offset));
    }

    private int[] rowsInOrder() {
        if (sorted == null) {
            sorted = rows.stream().toArray();
            count = sorted.length;
        }
        return sorted;
    }

    /** How many selected rows come before this one. */
    private int rank(int row) {
        if (sorted != null) {
            int at = Arrays.binarySearch(sorted, row);
            return at >= 0 ? at : -at - 1;
        }
        if (blockCounts == null) {
            blockCounts = new int[rows.length() / BLOCK + 1];
            for (int r = rows.nextSetBit(0); r >= 0; r = rows.nextSetBit(r + 1)) {
                blockCounts[r / BLOCK]++;
            }
        }
        int block = row / BLOCK;
        int before = 0;
        for (int b = 0; b < Math.min(block, blockCounts.length); b++) {
            before += blockCounts[b];
        }
        int from = block * BLOCK;
        return row > from ? before + rows.get(from, row).cardinality() : before;
    }

    /** A one-row change in {@link #blockCounts}, if they are kept. */
    private void countInBlock(int row, int delta) {
        if (blockCounts != null) {
            if (row / BLOCK >= blockCounts.length) {
                blockCounts = Arrays.copyOf(blockCounts, row / BLOCK + 1);
            }
            blockCounts[row / BLOCK] += delta;
        }
    }

    private boolean valid(int row) {
        return row >= 0 && row < itemCount();
    }

    private int itemCount() {
        return getTableView().getItems() == null ? 0 : getTableView().getItems().size();
    }

    /** The selected rows, read from the bit set. */
    private final class Indices extends ObservableListBase<Integer> {
        @Override
        public Integer get(int index) {
            return rowsInOrder()[index];
        }

        @Override
        public int size() {
            return count;
        }

        @Override
        public boolean contains(Object o) {
            return o instanceof Integer r && isSelected(r);
        }

        @Override
        public int indexOf(Object o) {
            return contains(o) ? rank((Integer) o) : -1;
        }

        @Override
        public int lastIndexOf(Object o) {
            return indexOf(o);
        }

        void fire(int from, int to, int[] removedRows) {
            if (hasListeners()) {
                fireChange(new Replaced<>(this, from, to, rowsAsList(removedRows, Integer::valueOf)));
            }
        }
    }

    /** The selected rows seen as something else (their items, their positions). */
    private final class Mapped<E> extends ObservableListBase<E> {
        private final IntFunction<E> of;

        Mapped(IntFunction<E> of) {
            this.of = of;
        }

        @Override
        public E get(int index) {
            return of.apply(rowsInOrder()[index]);
        }

        @Override
        public int size() {
            return count;
        }

        void fire(int from, int to, int[] removedRows) {
            if (hasListeners()) {
                fireChange(new Replaced<>(this, from, to, rowsAsList(removedRows, of)));
            }
        }
    }

    private static <E> List<E> rowsAsList(int[] rows, IntFunction<E> of) {
        return new AbstractList<>() {
            @Override
            public E get(int index) {
                return of.apply(rows[index]);
            }

            @Override
            public int size() {
                return rows.length;
            }
        };
    }

    /** One change: positions [from, to) are new, replacing {@code removed}. */
    private static final class Replaced<E> extends ListChangeListener.Change<E> {
        private final int from;
        private final int to;
        private final List<E> removed;
        private boolean on;

        Replaced(ObservableList<E> list, int from, int to, List<E> removed) {
            super(list);
            this.from = from;
            this.to = to;
            this.removed = removed;
        }

        @Override
        public boolean next() {
            if (on) {
                return false;
            }
            on = true;
            return true;
        }

        @Override
        public void reset() {
            on = false;
        }

        @Override
        public int getFrom() {
            return from;
        }

        @Override
        public int getTo() {
            return to;
        }

        @Override
        public List<E> getRemoved() {
            return removed;
        }

        @Override
        protected int[] getPermutation() {
            return new int[0];
        }
    }
}
