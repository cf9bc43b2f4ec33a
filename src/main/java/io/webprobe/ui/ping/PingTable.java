package io.webprobe.ui.ping;

import io.webprobe.ui.common.LazyTip;
import static io.webprobe.ui.ping.PingColumns.FIGURE_WIDTH;
import static io.webprobe.ui.ping.PingColumns.count;
import static io.webprobe.ui.ping.PingColumns.hidden;
import static io.webprobe.ui.ping.PingColumns.map;
import static io.webprobe.ui.ping.PingColumns.millis;
import static io.webprobe.ui.ping.PingColumns.notSent;
import static io.webprobe.ui.ping.PingColumns.rate;
import static io.webprobe.ui.ping.PingColumns.text;
import static io.webprobe.ui.ping.PingColumns.width;

import io.webprobe.ping.PingMode;
import io.webprobe.ping.PingResult;
import io.webprobe.ui.common.CellWidths;
import io.webprobe.ui.common.FillColumn;
import io.webprobe.ui.common.SiteUrls;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.ProgressBarTableCell;

/**
 * The Ping tab's live table, a row per URL: its columns (the kinds are {@link PingColumns}'),
 * which of them the mode and HTTP/2 show, how the URLs share the table's room with the codes
 * and errors ({@link FillColumn}), and the selected row naming the histogram's URL.
 */
public final class PingTable {
    /** The URL column's first width (it fills the room the other columns leave). */
    public static final double URL_WIDTH = 200;

    /**
     * The URL column's least width in every mode: "http://127.0.0.1:18201/" whole (at 156 it
     * read "http://127…0.1:18201/"), as the Crawl table's; the codes and errors give way below
     * it, or the table scrolls sideways.
     */
    public static final double URL_LEAST_WIDTH = 160;

    private final PingViewModel vm;
    private final TableView<PingRow> table;
    /** Fills the table's room with the URLs, sharing it with the codes and errors. */
    private FillColumn<PingRow> fill;
    /** The sites (SiteUrls.siteOf) of more than one row; null: not yet known for these rows. */
    private java.util.Set<String> sharedSites;

    PingTable(PingViewModel vm) {
        this(vm, io.webprobe.ui.common.ClipboardService.system());
    }

    /** With the clipboard its rows are copied to (Ctrl+C, the right-click menu). */
    PingTable(PingViewModel vm, io.webprobe.ui.common.ClipboardService clipboard) {
        this.vm = vm;
        this.table = table();
        PingCopy.install(table, clipboard, vm::errorsOf, vm::say);
    }

    TableView<PingRow> node() {
        return table;
    }

    private TableView<PingRow> table() {
        // before the table's own listener: its cells, drawn anew, read the rows' shared sites
        vm.rows().addListener((ListChangeListener<PingRow>) ch -> sharedSites = null);
        TableView<PingRow> table = new TableView<>(vm.rows());
        table.setId("pingTable");
        table.setPlaceholder(
                new Label("Results appear here, one row per URL, while the test runs."));
        TableColumn<PingRow, Double> progressCol = new TableColumn<>("Progress");
        progressCol.setPrefWidth(70);
        // the bar above the table shows the run's; a URL's own is in the column chooser
        progressCol.setVisible(false);
        progressCol.setCellValueFactory(f -> map(f.getValue(), r -> r.progress()));
        progressCol.setCellFactory(ProgressBarTableCell.forTableColumn());
        // the figures under one heading that names their unit, as oha's and wrk's reports do;
        // right after the counts and percentiles first, so the window's default width shows
        // what a latency test is for (the codes and errors follow, the Failed count says when
        // to look at them)
        TableColumn<PingRow, Void> latency = new TableColumn<>("Latency (ms)");
        latency.getStyleClass().add("group-start"); // its title where the group starts
        latency.getColumns().addAll(List.of(
                millis("p50", PingResult::p50Millis),
                hidden(millis("p90", PingResult::p90Millis)),
                hidden(millis("p95", PingResult::p95Millis)),
                millis("p99", PingResult::p99Millis),
                millis("Max", PingResult::maxMillis),
                hidden(millis("Min", PingResult::minMillis)),
                hidden(millis("Mean", PingResult::meanMillis)),
                hidden(width(millis("Std dev", PingResult::stddevMillis), 72))));
        // at a 1,300 px window Req/s, Codes, Errors and Bytes were behind the sideways scroll
        // and Protocol's header was cut: the columns are narrower, Progress, p95, Min, Mean and
        // Std dev wait in the column chooser (+), and a cut text is whole in its tooltip. At
        // the default 1,200 px, Errors ("Connection refused") and Bytes still were: Bytes (the
        // command line's table has none either) and p90 (between p50 and p99, 62 px that the
        // timeouts' "600,000" needs) wait in the chooser too, and Errors holds "Connection
        // refused" (136 px)
        TableColumn<PingRow, Number> notSent = notSent();
        // its bold header whole (38 px); "999.9" widens it (fitted()), a rate from 1,000 up
        // is whole ("2,045")
        TableColumn<PingRow, Number> reqs = width(rate(), 52);
        // the URLs 200 px at first and URL_LEAST_WIDTH at least, in every mode: at 130 two
        // pages of one site read "http://1...iew.html" and "http://1...ods.html" beside Sent,
        // OK and Failed saying "10" in 62 px each; the 62 px of p95 (in the column chooser, as
        // the command line's table has no p95 either) pay for it, and OK's (Sent less Failed
        // and Abandoned; oha and JMeter's summary give the failures alone): Fixed rate's Not
        // sent and HTTP/2's Protocol made them 126 px at 1,280 px, and the table scrolled
        // sideways at 1,200 px.
        // At the window's least width, 960 px, it did with the default columns: the URLs give
        // way to 160 px there, as the Crawl table's, the figures are narrower (FIGURE_WIDTH)
        TableColumn<PingRow, String> url = urlColumn(text("URL", URL_WIDTH, r -> r.url()));
        TableColumn<PingRow, String> protocol = PingColumns.httpVersion();
        // the codes and errors as wide as their text ("200×9 503×1" read "200×9 5..." in
        // 66 px) as far as the URLs can give them room, down to URL_LEAST_WIDTH; one code
        // whole at least, and the codes that fit whole with a count of the rest (CodesColumn)
        TableColumn<PingRow, String> codes = CodesColumn.create(this::wantsRoom);
        // and the errors as wide as theirs, each kind in a word when narrow (ErrorsColumn)
        TableColumn<PingRow, PingResult> errors = ErrorsColumn.create(vm::errorsOf,
                this::wantsRoom);
        url.setId("pingUrlColumn");
        table.getColumns().addAll(List.<TableColumn<PingRow, ?>>of(
                url,
                progressCol,
                // Sent: put on the wire, in flight and abandoned included, as the status says
                // widths for 6-digit counts ("999,999")
                width(count("Sent", PingResult::requestsSent), FIGURE_WIDTH),
                hidden(width(count("OK", PingResult::ok), FIGURE_WIDTH)),
                width(failed(), FIGURE_WIDTH),
                notSent,
                PingColumns.abandoned(),
                latency,
                reqs,
                codes,
                errors,
                hidden(width(count("Bytes", PingResult::bytes), 76)),
                protocol));
        table.setTableMenuButtonVisible(true); // the column chooser, as in the Crawl tab
        // the URLs take the room the figures leave: at every window size the column stayed
        // 144 px, its rows "http://12...0.1:8765/", with empty space beside the last column
        fill = FillColumn.install(table, url);
        fill.setLeastWidth(URL_LEAST_WIDTH);
        fill.share(codes, CodesColumn.LEAST_WIDTH);
        fill.share(errors, ErrorsColumn.LEAST_WIDTH);
        // the figures keep their own widths while there is room, and give way, once the URLs
        // are at their least, as far as their headers and widest figures allow: at the
        // window's least width, 960 px, Fixed rate's Not sent and HTTP/2's Protocol made the
        // default columns 764 px of 631, and the table scrolled sideways
        table.getColumns().stream()
                .flatMap(c -> c.getColumns().isEmpty() ? java.util.stream.Stream.of(c)
                        : c.getColumns().stream())
                .filter(c -> !List.of(url, progressCol, codes, errors, protocol).contains(c))
                .forEach(fill::shareDownToContent);
        // Not sent shown in Fixed rate mode, the only one that can leave requests unsent, from
        // before the run on: shown only when a run ended with some, it pushed Errors out of
        // sight then (not bound: the chooser still shows or hides it). Req/s in the chooser
        // then: a URL's rate is its share of the rate asked for, less what Not sent counts
        // (the status bar says the run's against its target); at the window's least width,
        // 960 px, the default columns did not fit with it beside Not sent and HTTP/2's
        // Protocol, even with the figures at their titles' widths. HTTP (the version, once
        // Protocol) the same, which says something only when HTTP/2 is asked for (without it
        // every row reads 1.1): its 44 px go to the URLs. They follow the settings while the
        // table is empty, and the run's from its Start on: a Mode changed after a
        // Requests-per-URL run turned the rows' Req/s into "Not sent 0", a run that had no
        // schedule
        ColumnsOfMode columns = new ColumnsOfMode(notSent, reqs, protocol);
        columns.show(vm.modeProperty().get(), vm.http2Property().get());
        javafx.beans.InvalidationListener settings = o -> {
            if (vm.rows().isEmpty()) {
                columns.show(vm.modeProperty().get(), vm.http2Property().get());
            }
        };
        vm.modeProperty().addListener(settings);
        vm.http2Property().addListener(settings);
        vm.runningProperty().addListener((o, was, now) -> {
            if (now) {
                columns.show(vm.modeProperty().get(), vm.http2Property().get());
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedUrlProperty().set(b.url());
            }
        });
        // a new run's rows are told apart by their URLs: back to the first columns, wherever
        // the last run's were scrolled to (to read Codes or Errors, say)
        vm.runningProperty().addListener((o, was, now) -> {
            if (now) {
                table.scrollToColumnIndex(0);
                fill.forgetWants(); // the last run's codes and errors give their room back
            }
        });
        return table;
    }

    /** Tells the table's room what a Codes or Errors cell's whole text needs. */
    private void wantsRoom(TableCell<PingRow, ?> cell, String text) {
        if (fill != null && cell.getTableColumn() != null) {
            fill.want(cell.getTableColumn(), CellWidths.needed(cell, text));
        }
    }

    /**
     * The URLs as an address bar shows them (/café/, not /caf%C3%A9/; the export keeps the
     * URL), whole when they fit; one too wide shows the end of its path ("…/section-1/b.html")
     * when other rows are on its site (its scheme, host and port), as the Crawl table's URLs
     * of the crawled site do (at the URLs' least width, 160 px, several pages of one host read
     * "http://127.…990/b.html" alike); another is cut in the middle, keeping its host. The
     * whole URL is the tooltip.
     */
    private TableColumn<PingRow, String> urlColumn(TableColumn<PingRow, String> c) {
        c.setCellFactory(col -> new TableCell<>() {
            private final LazyTip tip = LazyTip.plain();
            private final io.webprobe.ui.common.UrlEnds ends =
                    new io.webprobe.ui.common.UrlEnds(this);

            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                String item = empty || value == null || value.isEmpty() ? null
                        : io.webprobe.http.UrlSyntax.forPeople(value);
                ends.show(item, item != null && sharedSites().contains(SiteUrls.siteOf(value)));
                setTooltip(item == null ? null : tip.saying(item));
            }
        });
        return c;
    }

    /** The sites of more than one row, looked for once per list of rows. */
    private java.util.Set<String> sharedSites() {
        if (sharedSites == null) {
            java.util.Map<String, Long> rowsOf = vm.rows().stream()
                    .map(r -> SiteUrls.siteOf(r.url())).filter(java.util.Objects::nonNull)
                    .collect(java.util.stream.Collectors.groupingBy(s -> s,
                            java.util.stream.Collectors.counting()));
            rowsOf.values().removeIf(n -> n < 2);
            sharedSites = java.util.Set.copyOf(rowsOf.keySet());
        }
        return sharedSites;
    }

    /**
     * Failed requests; hovering a count says what they were (the Codes and Errors columns are
     * past the percentiles, out of sight at the window's first size).
     */
    private TableColumn<PingRow, Number> failed() {
        TableColumn<PingRow, Number> c = count("Failed", PingResult::failed);
        c.setCellFactory(col -> PingColumns.rightAligned(new TableCell<>() {
            // read as it opens: the cell redraws only when its count changes
            private final LazyTip tip = LazyTip.of(() -> {
                Tooltip t = new Tooltip();
                t.setOnShowing(e -> {
                    PingRow row = getTableRow() == null ? null : getTableRow().getItem();
                    t.setText(row == null ? "" : vm.failuresOf(row.result()));
                });
                return t;
            });

            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                PingRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (empty || item == null || row == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(String.format(Locale.ROOT, "%,d", item.longValue()));
                setTooltip(item.longValue() == 0 ? null : tip.get());
                CellWidths.fitted(this);
            }
        }));
        return c;
    }

    /**
     * The columns that depend on the mode and HTTP/2: set for a mode and HTTP/2 setting other
     * than the last ones only, so a column hidden or shown in the chooser stays so from one
     * run to the next of the same settings.
     */
    private static final class ColumnsOfMode {
        private final TableColumn<PingRow, ?> notSent;
        private final TableColumn<PingRow, ?> reqs;
        private final TableColumn<PingRow, ?> protocol;
        private PingMode mode;
        private Boolean http2;

        ColumnsOfMode(TableColumn<PingRow, ?> notSent, TableColumn<PingRow, ?> reqs,
                TableColumn<PingRow, ?> protocol) {
            this.notSent = notSent;
            this.reqs = reqs;
            this.protocol = protocol;
        }

        void show(PingMode m, boolean h2) {
            if (mode == null || (m == PingMode.RATE) != (mode == PingMode.RATE)) {
                notSent.setVisible(m == PingMode.RATE);
                reqs.setVisible(m != PingMode.RATE);
            }
            if (http2 == null || h2 != http2) {
                protocol.setVisible(h2);
            }
            mode = m;
            http2 = h2;
        }
    }
}
