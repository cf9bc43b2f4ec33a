package io.webprobe.ui.ping;

import io.webprobe.ui.common.LazyTip;
import io.webprobe.ping.PingResult;
import io.webprobe.ui.common.CellWidths;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/**
 * The kinds of column of the Ping tab's table ({@link PingTable}): text, counts, milliseconds
 * and rates, each bound to its row's latest result, the figures right-aligned and widening to
 * their widest ({@link CellWidths#fitted}). The Codes and Errors columns are {@link
 * CodesColumn}'s and {@link ErrorsColumn}'s.
 */
final class PingColumns {
    /**
     * The own width of the counts' and figures' columns (Sent, Failed, the percentiles):
     * "999,999" and "600,000" (a timeout's latency, 54 px in the headless tests' font and the
     * cell's 6) whole, their headers too; a column widens to a figure wider ("1,515.46":
     * fitted()). At 62 px (Req/s 60, the URLs' least 180 px, Codes' 76, Errors' 92) the
     * default columns took 732 px at the window's least width, 960 px, where the table has
     * 631 beside the vertical scroll bar's place: Errors was behind the sideways scroll. Now
     * 648 (Req/s 52, the URLs 160, Codes and Errors at their least, 64 and 72, every error's
     * word whole). Where that is too much (there, and Fixed rate's Not sent and HTTP/2's
     * version at 960 px), a figures' column gives way to its title and widest figure
     * (FillColumn.shareDownToContent).
     */
    static final double FIGURE_WIDTH = 60;

    private PingColumns() {}

    static <T> ObservableValue<T> map(PingRow row, Function<PingResult, T> f) {
        return Bindings.createObjectBinding(() -> f.apply(row.result()), row.resultProperty());
    }

    static TableColumn<PingRow, String> text(String title, double width,
            Function<PingResult, String> f) {
        TableColumn<PingRow, String> c = new TableColumn<>(title);
        c.setComparator(io.webprobe.ui.common.TextOrder.comparator());
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> map(cell.getValue(), f));
        return c;
    }

    /** A column the column chooser (+) shows; hidden at first. */
    static <T> TableColumn<PingRow, T> hidden(TableColumn<PingRow, T> c) {
        c.setVisible(false);
        return c;
    }

    /**
     * Open loop: the URL's requests never sent, because its requests before them still waited
     * for answers when the time ran out (or the run was stopped); 0 as the other counts say
     * none (a blank beside 9, 11 and 14 read as a figure missing).
     */
    static TableColumn<PingRow, Number> notSent() {
        TableColumn<PingRow, Number> c = count("Not sent", PingResult::notSent);
        c.setId("pingNotSent");
        c.setPrefWidth(68); // its bold header whole (63 px)
        c.getStyleClass().add("two-lines"); // "Not / sent" when it gives way
        return c;
    }

    /**
     * A stopped run: the URL's requests still in flight at the stop, whose answers were not
     * waited for (in Sent, put on the wire, but no failures); in the column chooser (+), as the
     * status line gives the run's when there were some. 0 while a run lasts.
     */
    static TableColumn<PingRow, Number> abandoned() {
        TableColumn<PingRow, Number> c = count("Abandoned", PingResult::abandoned);
        c.setId("pingAbandoned");
        c.setPrefWidth(80); // its bold header whole
        c.setVisible(false);
        return c;
    }

    /**
     * HTTP/2's column: the HTTP version the answers came over, "2", "1.1" or "1.1 and 2" under
     * "HTTP", the whole protocol ("HTTP/2") in the tooltip and the CSV. As "Protocol" over
     * "HTTP/1.1" it took 68 px, and at the window's least width, 960 px, the table scrolled
     * sideways beside a fast URL's figures ("20,451" sent, "2,045" req/s), its header read
     * "Protoco"; now 44 px, its bold header whole (38 px).
     */
    static TableColumn<PingRow, String> httpVersion() {
        TableColumn<PingRow, String> c = text("HTTP", 44, PingResult::protocol);
        c.setId("pingHttpVersion");
        c.setCellFactory(col -> new TableCell<>() {
            private final LazyTip tip = LazyTip.plain();

            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                boolean none = empty || value == null || value.isEmpty();
                setText(none ? null : value.replace("HTTP/", ""));
                setTooltip(none ? null : tip.saying(value));
            }
        });
        return c;
    }

    /** The column, its header and figures wider than its kind's default. */
    static <T> TableColumn<PingRow, T> width(TableColumn<PingRow, T> c, double w) {
        c.setPrefWidth(w);
        return c;
    }

    static TableColumn<PingRow, Number> count(String title, Function<PingResult, Long> f) {
        TableColumn<PingRow, Number> c = new TableColumn<>(title);
        c.setPrefWidth(70);
        c.setCellValueFactory(cell -> map(cell.getValue(), r -> (Number) f.apply(r)));
        c.setCellFactory(col -> formatted(n -> String.format(Locale.ROOT, "%,d", n.longValue())));
        return c;
    }

    /**
     * Requests per second ({@link #rateText}); "–" for a URL not requested in the run (it could
     * not be set up).
     */
    static TableColumn<PingRow, Number> rate() {
        TableColumn<PingRow, Number> c = new TableColumn<>("Req/s");
        c.setId("pingRateColumn");
        c.setCellValueFactory(cell -> map(cell.getValue(),
                r -> r.hasRate() ? (Number) r.requestsPerSecond() : null));
        c.setCellFactory(col -> formatted(n -> rateText(n.doubleValue())));
        return c;
    }

    /**
     * A URL's rate in its column: whole from 1,000 req/s up ("2,045"), else as every rate
     * ({@link PingResult#rateText}: "20.0", "0.0333"); a tenth of a request in thousands a
     * second says nothing, and "2,045.1" beside HTTP/2's column made the table scroll sideways
     * at the window's least width, 960 px. The CSV and the status bar keep the tenth.
     */
    static String rateText(double r) {
        return r >= 999.95 ? String.format(Locale.ROOT, "%,.0f", r)
                : PingResult.rateText(r, true);
    }

    /** Milliseconds as {@link #millisText} says them; "–" while no response was measured. */
    static TableColumn<PingRow, Number> millis(String title, ToDoubleFunction<PingResult> f) {
        TableColumn<PingRow, Number> c = new TableColumn<>(title);
        c.setPrefWidth(FIGURE_WIDTH); // wider when a figure needs it (fitted())
        c.setCellValueFactory(cell -> map(cell.getValue(),
                r -> r.hasLatency() ? (Number) f.applyAsDouble(r) : null));
        MillisFormat format = new MillisFormat();
        c.setCellFactory(col -> formatted(n -> format.text(col, n.doubleValue())));
        return c;
    }

    /**
     * One format down a latency column, chosen by its figures: two decimals while all are under
     * a second ("23.16"), whole milliseconds once one reaches a second ("1,035" and "23"), until
     * the rows are replaced (a new run). A slow site's p50, p99 and Max of "1,035.12" widened
     * their columns until, at the window's least width, the table scrolled sideways; hundredths
     * of a millisecond say nothing of a second. The CSV and the command line keep the decimals.
     */
    static final class MillisFormat {
        private boolean whole;
        private javafx.collections.ObservableList<PingRow> watched;
        private final javafx.collections.ListChangeListener<PingRow> reset = ch -> {
            while (ch.next()) {
                if (!ch.wasPermutated()) { // sorting keeps the rows' figures
                    whole = false;
                    return;
                }
            }
        };

        String text(TableColumn<PingRow, ?> column, double ms) {
            javafx.scene.control.TableView<PingRow> table = column.getTableView();
            if (table != null && table.getItems() != watched) {
                if (watched != null) {
                    watched.removeListener(reset);
                }
                watched = table.getItems();
                watched.addListener(reset);
            }
            if (!whole && Math.round(ms * 100) >= 100_000) {
                whole = true;
                if (table != null) {
                    // the column's other cells, drawn with decimals, once; not a cell's update
                    javafx.application.Platform.runLater(table::refresh);
                }
            }
            return whole ? wholeMillisText(ms) : millisText(ms);
        }
    }

    /**
     * Milliseconds with two decimals and thousands separators, whatever their size ("23.16",
     * "11,940.37"): one format down a column (whole from a second up, p50 read "272.76" over
     * "2,462"), the two decimals the command line's table shows. A column widens to its widest
     * figure (fitted()): "11940.37" was cut to "1194...". {@link PingResult#millisText}.
     */
    static String millisText(double ms) {
        return PingResult.millisText(ms);
    }

    /** {@link PingResult#wholeMillisText}: a column's figures from a second up. */
    static String wholeMillisText(double ms) {
        return PingResult.wholeMillisText(ms);
    }

    private static TableCell<PingRow, Number> formatted(Function<Number, String> fmt) {
        TableCell<PingRow, Number> cell = new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "–" : fmt.apply(item));
                CellWidths.fitted(this);
            }
        };
        return rightAligned(cell);
    }

    static <C extends TableCell<PingRow, Number>> C rightAligned(C cell) {
        cell.setStyle("-fx-alignment: CENTER-RIGHT;");
        return cell;
    }
}
