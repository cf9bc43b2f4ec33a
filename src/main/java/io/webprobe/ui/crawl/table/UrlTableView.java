package io.webprobe.ui.crawl.table;

import io.webprobe.store.UrlField;
import io.webprobe.store.UrlQuery;
import io.webprobe.ui.common.CellWidths;
import io.webprobe.ui.common.FillColumn;
import io.webprobe.ui.common.RowSelectionModel;
import io.webprobe.ui.common.ShortForm;
import io.webprobe.ui.common.SiteUrls;
import io.webprobe.ui.common.UiState;
import io.webprobe.ui.common.UrlEnds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import io.webprobe.ui.common.LazyTip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

/**
 * The URL table: a {@link TableView} over {@link UrlTableModel#items()} with every column of
 * {@link UrlColumns} (the header's menu button chooses which are shown), sorted by the model
 * (a click on a header asks the crawl file for a new order; the table never sorts rows itself),
 * broken rows red and blocked or skipped ones grey, and the layout remembered. FX thread only.
 */
public final class UrlTableView {
    /** What a Size cell says of a page cut at the download cap. */
    public static final String CUT_TIP = "Cut at the download cap (Max page size): only this "
            + "much was downloaded and searched for links.";

    private final TableView<UrlItem> table = new TableView<>();
    private final UrlTableModel model;
    private Runnable onOpen = () -> { };
    /** True while the items list is being replaced (the sort order is put back after). */
    private boolean swapping;

    /**
     * @param memoryKey where the column layout is remembered, e.g. {@code crawl.columns}
     */
    public UrlTableView(UrlTableModel model, UiState memory, String memoryKey) {
        this.model = model;
        table.setItems(model.items());
        // a new items list clears the table's sort order: keep it, it is the model's order.
        // Told of every new list object: a change listener is not told of a new list equal to
        // the old (two empty lists), and the table then kept the old object while rows were
        // appended to the new one
        model.itemsProperty().addListener(o -> {
            UrlItems now = model.items();
            if (now.isEmpty() && FillColumn.of(table) != null) {
                FillColumn.of(table).forgetWants(); // a new crawl: its own texts' widths
            }
            List<TableColumn<UrlItem, ?>> order = List.copyOf(table.getSortOrder());
            swapping = true;
            try {
                table.setItems(now);
                if (!table.getSortOrder().equals(order)) {
                    table.getSortOrder().setAll(order);
                }
            } finally {
                swapping = false;
            }
        });
        table.setFixedCellSize(24);
        table.setPrefWidth(600); // not the sum of its columns: the window decides
        table.setMinWidth(0);
        table.setTableMenuButtonVisible(true); // the column chooser
        RowSelectionModel<UrlItem> selection = RowSelectionModel.install(table);
        for (UrlColumn c : UrlColumns.ALL) {
            table.getColumns().add(column(c));
        }
        table.setSortPolicy(t -> {
            if (!swapping) {
                sortModel();
            }
            return true;
        });
        table.setRowFactory(t -> new UrlRow());
        // the URLs take two thirds of the spare width, the titles the third (at 1,600 px the
        // titles were cut at 120 px beside 680 px of URL column, mostly empty)
        TableLayoutMemory.apply(table, memory, memoryKey, "url", "title", 1.0 / 3);
        // the short texts as wide as theirs on the rows on screen, out of that room (only the
        // cells shown are measured: the rows are read page by page from the crawl's file)
        FillColumn<UrlItem> fill = FillColumn.of(table);
        for (TableColumn<UrlItem, ?> c : table.getColumns()) {
            if (UrlColumns.FIT_TO_TEXT.contains(String.valueOf(c.getUserData()))
                    && !TableLayoutMemory.remembersWidth(memory, memoryKey, c)) {
                fill.share(c, c.getPrefWidth());
            }
        }
        // a reason or a type too wide for the room left takes it from the titles, then the
        // URLs, down to their least (at 960 px "Blocked by robots.txt" read "Blocked…", and
        // "application/javascript" "applicati…")
        for (TableColumn<UrlItem, ?> c : table.getColumns()) {
            if (UrlColumns.BORROWING.contains(String.valueOf(c.getUserData()))
                    && fill.shares(c)) {
                fill.lend(c, UrlColumns.URL_LENDING_LEAST, UrlColumns.TITLE_LENDING_LEAST);
            }
        }
        // another filter or search: the columns fitted to their texts take those of its rows
        // (a Reason column widened for the Blocked view's "Blocked by robots.txt" kept the
        // titles at 60 px in the All view, where its rows had no reasons)
        javafx.beans.InvalidationListener newView = o -> fill.forgetWants();
        model.filterProperty().addListener(newView);
        model.searchProperty().addListener(newView);
        // a column the user turns on (the chooser, +) takes its place among the others, often
        // past the right edge when they fill the table: it is scrolled into view, once laid out
        for (TableColumn<UrlItem, ?> c : table.getColumns()) {
            c.visibleProperty().addListener((o, was, now) -> {
                if (now && table.getScene() != null && table.getSkin() != null) {
                    javafx.application.Platform.runLater(() -> showColumn(c));
                }
            });
        }
        SelectionKeeper keeper = new SelectionKeeper(table, selection, model);
        model.setIdsListener(keeper);
        model.setOnRowsStale(this::refreshVisibleRows);
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                onOpen.run();
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown()) {
                onOpen.run();
                e.consume();
            }
        });
    }

    public TableView<UrlItem> table() {
        return table;
    }

    /** What a double-click or Enter on a row does (the main view opens the details pane). */
    public void setOnOpen(Runnable action) {
        this.onOpen = action;
    }

    /** The columns shown, in their order (for "export with the visible columns"). */
    public List<UrlColumn> visibleColumns() {
        List<UrlColumn> out = new ArrayList<>();
        for (TableColumn<UrlItem, ?> c : table.getColumns()) {
            if (c.isVisible()) {
                UrlColumns.byKey(String.valueOf(c.getUserData())).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Sets a placeholder text shown while the table is empty. */
    public void setPlaceholder(String text) {
        table.setPlaceholder(new Label(text));
    }

    /** Shows the model's words for an empty table (no crawl, no match) while it is empty. */
    public void usePlaceholderOfModel() {
        table.setPlaceholder(io.webprobe.ui.common.TablePlaceholder.of("crawlTableEmpty",
                model.emptyTextProperty()));
    }

    private void sortModel() {
        if (table.getSortOrder().isEmpty()) {
            model.sortBy(UrlField.SEQ, false);
            return;
        }
        TableColumn<UrlItem, ?> c = table.getSortOrder().get(0);
        UrlColumn col = UrlColumns.byKey(String.valueOf(c.getUserData())).orElseThrow();
        model.sortBy(col.sort(), c.getSortType() == TableColumn.SortType.DESCENDING);
    }

    /**
     * Scrolls the table sideways so that this column shows whole (its left edge, if it is wider
     * than the view), right of the rows' scroll bar or the chooser's button. Lays the table out
     * first: the column's width and the scroll bar's range are those of the new set of columns
     * only then. (TableView.scrollToColumn uses the range as it was, which before the column
     * came was often none, and leaves a column under the + button as if it were shown.)
     */
    void showColumn(TableColumn<UrlItem, ?> c) {
        if (!c.isVisible() || !table.getVisibleLeafColumns().contains(c)) {
            return;
        }
        table.applyCss();
        table.layout();
        if (!(table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return;
        }
        javafx.scene.control.ScrollBar hbar = horizontalBar(flow);
        if (hbar == null) {
            return;
        }
        double start = 0;
        double content = 0;
        for (TableColumn<UrlItem, ?> v : table.getVisibleLeafColumns()) {
            if (v == c) {
                start = content;
            }
            content += v.getWidth();
        }
        double end = start + c.getWidth();
        double view = shownWidth(flow);
        // the flow's sideways range follows its rows' new width, which one layout pass has not
        // always measured yet (one pass or two, seen either way for the same change); when the
        // URL column gave its filled width back, the rows first measured as fitting and the
        // sideways bar stayed hidden, the new column out of reach
        for (int pass = 0; pass < 3 && (hbar.getMax() < content - view - 1
                || content > view && !hbar.isVisible()); pass++) {
            flow.requestLayout();
            table.layout();
        }
        double at = hbar.getValue();
        double wanted = at;
        if (end > at + view) {
            wanted = end - view;
        }
        if (start < wanted) {
            wanted = start; // wider than the view: its left edge
        }
        hbar.setValue(Math.max(hbar.getMin(), Math.min(hbar.getMax(), wanted)));
    }

    /**
     * The width of the columns shown: the table's, less the rows' scroll bar, or the chooser's
     * button (+) over the headers when there is none.
     */
    double shownWidth(VirtualFlow<?> flow) {
        double w = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset();
        double corner = 0;
        for (javafx.scene.Node n : flow.lookupAll(".scroll-bar")) {
            if (n instanceof javafx.scene.control.ScrollBar b
                    && b.getOrientation() == javafx.geometry.Orientation.VERTICAL
                    && b.isVisible()) {
                corner = b.getWidth();
            }
        }
        javafx.scene.Node button = table.lookup(".show-hide-columns-button");
        if (button != null && button.isVisible()) {
            corner = Math.max(corner, button.getBoundsInParent().getWidth());
        }
        return w - corner;
    }

    static javafx.scene.control.ScrollBar horizontalBar(VirtualFlow<?> flow) {
        for (javafx.scene.Node n : flow.lookupAll(".scroll-bar")) {
            if (n instanceof javafx.scene.control.ScrollBar b
                    && b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL) {
                return b;
            }
        }
        return null;
    }

    /** Reads again the rows on screen whose data is stale (a live crawl's tick, a re-check). */
    private void refreshVisibleRows() {
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            var first = flow.getFirstVisibleCell();
            var last = flow.getLastVisibleCell();
            if (first != null && last != null) {
                model.items().refresh(first.getIndex(), last.getIndex() + 1);
            }
        }
    }

    private TableColumn<UrlItem, Object> column(UrlColumn c) {
        TableColumn<UrlItem, Object> col = new TableColumn<>(c.title());
        col.setUserData(c.key());
        col.setId("col-" + c.key());
        // its header says its words whole, with the sort arrow beside them ("Time (…▲" did not)
        col.setMinWidth(CellWidths.headerWidth(c.title()));
        col.setPrefWidth(Math.max(c.width(), col.getMinWidth()));
        col.setVisible(c.shown());
        col.setSortable(c.sort() != null);
        col.setCellValueFactory(f -> {
            UrlItem item = f.getValue();
            return Bindings.createObjectBinding(() -> {
                UrlQuery.Row r = item.row();
                return r == null ? null : c.cell(r);
            }, item.rowProperty());
        });
        boolean status = "status".equals(c.key());
        boolean reason = "reason".equals(c.key());
        col.setCellFactory(x -> new UrlCell(c.kind(), status, reason, model::listStart));
        if (status) { // a Reason that only repeats it shows again while it is hidden
            col.visibleProperty().addListener((o, was, now) -> {
                if (col.getTableView() != null) {
                    col.getTableView().refresh();
                }
            });
        }
        if (c.kind() == UrlColumn.Kind.NUMBER || c.kind() == UrlColumn.Kind.SIZE) {
            col.setStyle("-fx-alignment: CENTER-RIGHT;");
        }
        return col;
    }

    /** Whether the table shows its Status column (a Reason that repeats it is left out). */
    private static boolean statusShown(TableView<UrlItem> table) {
        return table != null && table.getColumns().stream()
                .anyMatch(c -> "status".equals(c.getUserData()) && c.isVisible());
    }

    /** A cell showing a value as its column's kind says. */
    private static final class UrlCell extends TableCell<UrlItem, Object> {
        private final UrlColumn.Kind kind;
        private final LazyTip tip = LazyTip.plain(); // one per cell, made when first shown

        /**
         * A URL's text: one of the crawled site too wide for its column shows the end of its
         * path ("…/docs/index.html"), its scheme and host the same on every row of the site;
         * another site's is cut in the middle, keeping its host. Null for other kinds.
         */
        private final UrlEnds urlEnds;

        /**
         * A status: an error's label too wide for its column reads as its word ("Refused"),
         * the Status column giving way to the reasons. Null for other columns.
         */
        private final ShortForm statusWord;

        /**
         * A reason: empty where it only says again what the Status cell says ("Host name could
         * not be resolved" beside "DNS lookup failed"), the room going to the URLs; a copy of
         * the row and the CSVs keep it.
         */
        private final boolean reason;

        /** The first URL of the list shown, or null ({@link UrlTableModel#listStart}). */
        private final java.util.function.Supplier<java.net.URI> listStart;

        UrlCell(UrlColumn.Kind kind, boolean status, boolean reason,
                java.util.function.Supplier<java.net.URI> listStart) {
            this.kind = kind;
            this.reason = reason;
            this.listStart = listStart;
            this.urlEnds = kind == UrlColumn.Kind.URL ? new UrlEnds(this) : null;
            this.statusWord = status ? new ShortForm(this) : null;
        }

        /**
         * Whether {@code url} is on the site of the row's own URL, a URL of the crawled site;
         * in a list's crawl, on the site of its first URL (its URLs may be of many sites).
         */
        private boolean onRowSite(String url) {
            UrlItem line = getTableRow() == null ? null : getTableRow().getItem();
            if (line == null || line.row() == null || line.row().result().external()) {
                return false;
            }
            java.net.URI list = listStart.get();
            try {
                return SiteUrls.onSite(list != null ? list
                        : io.webprobe.http.Urls.toUri(line.row().result().url()), url);
            } catch (IllegalArgumentException e) {
                return false; // not a URL as the engine writes them: cut in the middle
            }
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            if (kind == UrlColumn.Kind.SIZE) {
                getStyleClass().remove("truncated");
            }
            if (urlEnds != null) {
                urlEnds.show(null, false);
            }
            if (statusWord != null) {
                statusWord.show(null, null);
            }
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            switch (kind) {
                case NUMBER -> {
                    setText(String.format(Locale.ROOT, "%,d", ((Number) item).longValue()));
                    setTooltip(null);
                }
                case SIZE -> {
                    UrlItem line = getTableRow() == null ? null : getTableRow().getItem();
                    boolean cut = line != null && line.row() != null
                            && line.row().result().truncated();
                    setText(sizeText(((Number) item).longValue(), cut));
                    setTooltip(cut ? tip.saying(CUT_TIP) : null);
                    if (cut) {
                        getStyleClass().add("truncated");
                    }
                }
                case LONG_TEXT, URL -> {
                    UrlItem line = getTableRow() == null ? null : getTableRow().getItem();
                    // a URL as an address bar shows it: /café/, not /caf%C3%A9/ (a copy, the
                    // CSV and the file keep the URL itself)
                    String s = kind == UrlColumn.Kind.URL
                            ? io.webprobe.http.UrlSyntax.forPeople(item.toString())
                            : reason && line != null && line.row() != null
                                    && line.row().reasonRepeatsStatus() && statusShown(getTableView()) ? ""
                            : item.toString();
                    setText(s);
                    setTooltip(s.isEmpty() ? null : tip.saying(s));
                    if (urlEnds != null) { // whole or by its path's end, as its width allows
                        urlEnds.show(s, onRowSite(item.toString()));
                    }
                    if (statusWord != null && line != null && line.row() != null) {
                        statusWord.show(s, line.row().statusWord());
                    }
                }
                default -> {
                    setText(item.toString());
                    setTooltip(null);
                }
            }
            wantRoom(item);
        }

        /**
         * Tells the table's room what this cell's text needs whole (a status shown in a word
         * too), in a column fitted to its text.
         */
        private void wantRoom(Object item) {
            TableColumn<UrlItem, ?> column = getTableColumn();
            FillColumn<UrlItem> fill = getTableView() == null ? null
                    : FillColumn.of(getTableView());
            if (fill != null && column != null && fill.shares(column)) {
                fill.want(column, Math.min(UrlColumns.FIT_TO_TEXT_MOST,
                        CellWidths.needed(this, statusWord != null ? item.toString()
                                : getText())));
            }
        }
    }

    /** "10,485,760", or "10,485,760 (cut)" for a page cut at the download cap. */
    public static String sizeText(long bytes, boolean truncated) {
        return String.format(Locale.ROOT, "%,d", bytes) + (truncated ? " (cut)" : "");
    }

    /** A row that turns red when broken and grey when blocked or skipped, once its data is read. */
    private static final class UrlRow extends TableRow<UrlItem> {
        private final ChangeListener<UrlQuery.Row> restyle = (o, was, now) -> style(now);
        private UrlItem watched;

        @Override
        protected void updateItem(UrlItem item, boolean empty) {
            super.updateItem(item, empty);
            if (watched != null) {
                watched.rowProperty().removeListener(restyle);
            }
            watched = empty ? null : item;
            if (watched != null) {
                watched.rowProperty().addListener(restyle);
            }
            style(watched == null ? null : watched.row());
        }

        private void style(UrlQuery.Row r) {
            String wanted = r == null ? null : r.broken() ? "broken"
                    : r.result().skipped() != null ? "not-fetched" : null;
            // style classes changed only when they change: each change restyles the row
            for (String c : new String[] {"broken", "not-fetched"}) {
                boolean has = getStyleClass().contains(c);
                if (has && !c.equals(wanted)) {
                    getStyleClass().remove(c);
                } else if (!has && c.equals(wanted)) {
                    getStyleClass().add(c);
                }
            }
        }
    }
}
