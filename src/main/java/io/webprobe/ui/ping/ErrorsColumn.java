package io.webprobe.ui.ping;

import io.webprobe.ping.PingResult;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/**
 * The Ping table's Errors column: a URL's failures, the most frequent first, each its count
 * and then its words ("10 Connection refused, 2 Timeout"), as oha's error distribution puts
 * the count first, and as the command line's errors column writes them ({@link
 * PingResult#errorsText}). A cell too narrow cuts the words' end, never the count: at the default
 * width "Connection refused×10" read "Connection refus…" and the count was lost. Hovering
 * lists every kind, one a line; a sort puts the most errors first or last.
 */
final class ErrorsColumn {
    /**
     * "10 Connection refused" whole (148 px of text in the 13 px system font, and the cell's
     * 3.2 px insets each side), wider for a longer text, as far as the URLs can give it room:
     * at 1,200 px in the default mode they keep more than their 200 px beside it.
     */
    static final double WIDTH = 156;

    /**
     * The width it gives way to when the URLs have no more room (beside Fixed rate's Not sent
     * and HTTP/2's Protocol at 1,200 px, the default columns at 960 px): "10 Co…", the count
     * and a word's start (the Failed count's tooltip and the status bar say them whole).
     */
    static final double LEAST_WIDTH = 52;

    private ErrorsColumn() {}

    /**
     * @param errors a result's errors in the words of the run shown, the most frequent first
     *     ({@link PingResult#errorsMostFirst}); FX thread
     * @param drawn told of each cell once its text is set (to widen the column to it)
     */
    static TableColumn<PingRow, PingResult> create(
            Function<PingResult, List<String>> errors, Consumer<TableCell<PingRow, ?>> drawn) {
        TableColumn<PingRow, PingResult> c = new TableColumn<>("Errors");
        c.setPrefWidth(WIDTH);
        c.setCellValueFactory(cell -> Bindings.createObjectBinding(
                () -> cell.getValue().result(), cell.getValue().resultProperty()));
        c.setComparator(Comparator.nullsFirst(Comparator.comparingLong(PingResult::errors)));
        c.setCellFactory(col -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            {
                setTextOverrun(OverrunStyle.ELLIPSIS);
            }

            @Override
            protected void updateItem(PingResult r, boolean empty) {
                super.updateItem(r, empty);
                List<String> kinds = empty || r == null ? List.of() : errors.apply(r);
                setText(kinds.isEmpty() ? null : PingResult.joined(kinds));
                tip.setText(String.join("\n", kinds));
                setTooltip(kinds.isEmpty() ? null : tip);
                drawn.accept(this);
            }
        });
        return c;
    }
}
