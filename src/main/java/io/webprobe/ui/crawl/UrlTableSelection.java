package io.webprobe.ui.crawl;

import io.webprobe.store.UrlQuery;
import io.webprobe.ui.crawl.actions.TableSelection;
import io.webprobe.ui.crawl.actions.UrlSelection;
import io.webprobe.ui.crawl.table.UrlColumn;
import io.webprobe.ui.crawl.table.UrlItem;
import io.webprobe.ui.crawl.table.UrlTableView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The Crawl tab's URL table's selection, by URL id, as its menus and Ctrl+C act on it. */
final class UrlTableSelection implements UrlSelection {
    private final CrawlViewModel vm;
    private final UrlTableView table;

    UrlTableSelection(CrawlViewModel vm, UrlTableView table) {
        this.vm = vm;
        this.table = table;
    }

    @Override
    public void urls(Consumer<List<String>> then) {
        vm.urlsOf(vm.table().selectedIds(), then);
    }

    @Override
    public void ids(Consumer<long[]> then) {
        then.accept(vm.table().selectedIds());
    }

    @Override
    public void rowsText(Consumer<String> then) {
        List<UrlColumn> cols = table.visibleColumns();
        vm.rowsOf(vm.table().selectedIds(), rows -> {
            if (rows.isEmpty()) {
                then.accept("");
                return;
            }
            StringBuilder sb = new StringBuilder(TableSelection.tsv(cols.stream()
                    .map(UrlColumn::title).toArray())).append('\n');
            for (UrlQuery.Row r : rows) {
                List<Object> cells = new ArrayList<>();
                cols.forEach(c -> cells.add(c.csv(r)));
                sb.append(TableSelection.tsv(cells.toArray())).append('\n');
            }
            then.accept(sb.toString());
        });
    }

    @Override
    public int countNow() {
        return table.table().getSelectionModel().getSelectedIndices().size();
    }

    @Override
    public String firstUrlNow() {
        long[] ids = vm.table().selectedIds();
        UrlItem line = ids.length == 0 ? null : vm.table().items().cached(ids[0]);
        return line == null ? "" : line.url();
    }
}
