package io.webprobe.ui.crawl.actions;

import io.webprobe.ui.crawl.CrawlViewModel;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The selection of a table whose rows are in memory (broken links, inlinks, outlinks) as a
 * {@link UrlSelection}: URLs and row text straight from the rows, ids from the rows when they
 * carry them, else looked up in the crawl file.
 *
 * @param <T> the row type
 */
public final class TableSelection<T> implements UrlSelection {
    private final TableView<T> table;
    private final Function<T, String> url;
    private final ToLongFunction<T> id;
    private final CrawlViewModel vm;
    private final Predicate<T> rows;
    private final Predicate<T> urlRows;
    private final Predicate<T> openableRows;

    /**
     * @param id a row's URL id, or null to look the URLs up
     */
    public TableSelection(TableView<T> table, Function<T, String> url, ToLongFunction<T> id,
            CrawlViewModel vm) {
        this(table, url, id, vm, null, null, null);
    }

    /** {@code rows}: the rows it holds of those selected, or null for all. */
    private TableSelection(TableView<T> table, Function<T, String> url, ToLongFunction<T> id,
            CrawlViewModel vm, Predicate<T> rows, Predicate<T> urlRows,
            Predicate<T> openableRows) {
        this.table = table;
        this.url = url;
        this.id = id;
        this.vm = vm;
        this.rows = rows;
        this.urlRows = urlRows;
        this.openableRows = openableRows;
    }

    /**
     * Says which rows are URLs ({@link #urlRows}) and which a browser can open ({@link
     * #openableRows}), for a table whose rows may be hrefs that are no URL.
     */
    public TableSelection<T> withUrlRows(Predicate<T> isUrl, Predicate<T> openable) {
        return new TableSelection<>(table, url, id, vm, rows, isUrl, openable);
    }

    @Override
    public UrlSelection urlRows() {
        return narrowed(urlRows);
    }

    @Override
    public UrlSelection openableRows() {
        return narrowed(openableRows == null ? urlRows : openableRows);
    }

    private UrlSelection narrowed(Predicate<T> to) {
        return to == null ? this : new TableSelection<>(table, url, id, vm, to, null, null);
    }

    private List<T> selected() {
        List<T> all = table.getSelectionModel().getSelectedItems();
        return rows == null ? List.copyOf(all) : all.stream().filter(rows).toList();
    }

    @Override
    public void urls(Consumer<List<String>> then) {
        then.accept(selected().stream().map(url).toList());
    }

    @Override
    public void ids(Consumer<long[]> then) {
        List<T> rows = selected();
        if (id != null) {
            then.accept(rows.stream().mapToLong(id).toArray());
        } else {
            vm.idsOf(rows.stream().map(url).toList(), then);
        }
    }

    /**
     * The selected rows as the table shows them: its visible columns, their titles as the
     * header (as the URL table's Copy row gives them).
     */
    @Override
    public void rowsText(Consumer<String> then) {
        List<T> rows = selected();
        if (rows.isEmpty()) {
            then.accept("");
            return;
        }
        List<TableColumn<T, ?>> columns = table.getVisibleLeafColumns();
        StringBuilder sb = new StringBuilder(tsv(columns.stream().map(TableColumn::getText)
                .toArray())).append('\n');
        for (T r : rows) {
            sb.append(tsv(columns.stream().map(c -> c.getCellData(r)).toArray())).append('\n');
        }
        then.accept(sb.toString());
    }

    @Override
    public int countNow() {
        return rows == null ? table.getSelectionModel().getSelectedIndices().size()
                : (int) table.getSelectionModel().getSelectedItems().stream().filter(rows).count();
    }

    @Override
    public String firstUrlNow() {
        T first = rows == null ? table.getSelectionModel().getSelectedItem()
                : table.getSelectionModel().getSelectedItems().stream().filter(rows).findFirst()
                        .orElse(null);
        return first == null ? "" : url.apply(first);
    }

    /** Joins cells with tabs (tabs and line breaks inside a cell become spaces). */
    public static String tsv(Object... cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append('\t');
            }
            sb.append(cells[i] == null ? "" : cells[i].toString().replaceAll("[\\t\\r\\n]+", " "));
        }
        return sb.toString();
    }
}
