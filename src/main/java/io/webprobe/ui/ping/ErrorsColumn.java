package io.webprobe.ui.ping;

import io.webprobe.ui.common.LazyTip;
import io.webprobe.http.ErrorKind;
import io.webprobe.ping.PingFailures;
import io.webprobe.ping.PingResult;
import io.webprobe.ui.common.CellWidths;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/**
 * The Ping table's Errors column: a URL's failures, the most frequent first, each its count
 * and then its words ("10 Connection refused, 2 Timeout"), as oha's error distribution puts
 * the count first, and as the command line's errors column writes them ({@link
 * PingResult#errorsText}). A cell too narrow for them all shows, as the Codes cells do, the
 * kinds that fit whole and how many more there are ("10 Connection refused +1"), else each
 * kind in a word ({@link ErrorKind#word}: "66 Refused, 2 Timeout", "66 Refused +1"), else the
 * words without their counts ("Refused +1", "Refused"), never a word cut short while one fits:
 * at the window's least width, 960 px, a refused URL's cell read "66 C…". Hovering lists
 * every kind, one a line, in its whole words; a sort puts the most errors first or last.
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
     * and HTTP/2's column at 1,200 px, the default columns at 960 px): every kind in a word
     * whole ({@link ErrorKind#word}), the widest "Mismatch" (63 px in GTK's 13 px font) and
     * "Redirects" (61 px), in the cell's 6.4 px of insets. At 60 px "Connect" (54 px),
     * "Wrong name", "Redirects" and "Cancelled" read "Conne…", "Wrong…", "Redir…" and
     * "Cance…"; at 52 "Refused" read "Refu…" (and "66 C…" before the words). The tooltip, the
     * Failed count's and the status bar say them whole.
     */
    static final double LEAST_WIDTH = 72;

    private ErrorsColumn() {}

    /**
     * @param errors a result's errors in the words of the run shown, the most frequent first
     *     ({@link PingResult#errorsMostFirst}); FX thread
     * @param drawn told of each cell and its whole text once set (to widen the column to it)
     */
    static TableColumn<PingRow, PingResult> create(Function<PingResult, List<String>> errors,
            BiConsumer<TableCell<PingRow, ?>, String> drawn) {
        TableColumn<PingRow, PingResult> c = new TableColumn<>("Errors");
        c.setPrefWidth(WIDTH);
        c.setCellValueFactory(cell -> Bindings.createObjectBinding(
                () -> cell.getValue().result(), cell.getValue().resultProperty()));
        c.setComparator(Comparator.nullsFirst(Comparator.comparingLong(PingResult::errors)));
        c.setCellFactory(col -> new TableCell<>() {
            private final LazyTip tip = LazyTip.plain();
            /** The kinds whole, and in a word each; the text shown may be shorter. */
            private List<String> kinds = List.of();
            private List<String> words = List.of();

            {
                setTextOverrun(OverrunStyle.ELLIPSIS); // a single word too wide
                widthProperty().addListener(o -> showFitting());
            }

            @Override
            protected void updateItem(PingResult r, boolean empty) {
                super.updateItem(r, empty);
                kinds = empty || r == null ? List.of() : errors.apply(r);
                words = kinds.isEmpty() ? List.of() : r.errorsMostFirst(ErrorKind::word);
                setTooltip(kinds.isEmpty() ? null : tip.saying(String.join("\n", kinds)));
                showFitting();
                drawn.accept(this, kinds.isEmpty() ? null : PingResult.joined(kinds));
            }

            private void showFitting() {
                double room = getWidth() - snappedLeftInset() - snappedRightInset();
                setText(kinds.isEmpty() ? null : room <= 0 ? PingResult.joined(kinds)
                        : fitting(kinds, words,
                                s -> CellWidths.textWidth(getFont(), s) <= room));
            }
        });
        return c;
    }

    /**
     * {@code kinds} ("66 Connection refused, 2 Timeout") whole when they {@code fit}, else the
     * first kinds that fit with the count of the rest ("66 Connection refused +1"); else the
     * same of {@code words}, the kinds in a word each ("66 Refused, 2 Timeout", "66 Refused
     * +1"), then of the words without their counts ("Refused, Timeout", "Refused +1",
     * "Refused"); else the first word alone, for the cell to cut.
     */
    static String fitting(List<String> kinds, List<String> words, Predicate<String> fits) {
        List<String> bare = words.stream().map(PingFailures::uncounted).toList();
        for (List<String> each : List.of(kinds, words, bare)) {
            for (int k = each.size(); k >= 1; k--) {
                String shown = PingResult.joined(each.subList(0, k))
                        + (k < each.size() ? " +" + (each.size() - k) : "");
                if (fits.test(shown)) {
                    return shown;
                }
            }
        }
        return bare.isEmpty() ? PingResult.joined(kinds) : bare.get(0);
    }
}
