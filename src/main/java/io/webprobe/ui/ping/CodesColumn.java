package io.webprobe.ui.ping;

import io.webprobe.ui.common.LazyTip;
import io.webprobe.ui.common.CellWidths;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/**
 * The Ping table's Codes column: a URL's status codes, each with its count ("200×25 404×8
 * 500×8 503×9"). A cell too narrow for them all shows the codes that fit whole and how many
 * more there are ("200×25 404×8 +2"), never a code cut short: beside Fixed rate's Not sent and
 * HTTP/2's Protocol at 1,200 px (the column at its least, 76 px) a URL answering four codes
 * read "200×25...", three codes gone without a sign. Hovering shows them all.
 */
final class CodesColumn {
    /**
     * "200×1000" whole (69 px and the cell's 7), and "200×24 +3" (77 px: at 76 it read
     * "200×24…" beside Fixed rate's Not sent and HTTP/2's Protocol at 1,200 px); wider for
     * more codes, as room allows.
     */
    static final double WIDTH = 84;

    /**
     * The width it gives way to when the URLs have no more room (the window's least width,
     * 960 px): "200×10" whole (50 px in GTK's font and the cell's 7; at 56 it read "200…"),
     * and "200×4…" of a URL answering several codes (55 px: at 60 it read "200×…").
     */
    static final double LEAST_WIDTH = 64;

    private CodesColumn() {}

    /**
     * @param drawn told of each cell and its whole text once set (to widen the column to it)
     */
    static TableColumn<PingRow, String> create(BiConsumer<TableCell<PingRow, ?>, String> drawn) {
        TableColumn<PingRow, String> c = new TableColumn<>("Codes");
        c.setPrefWidth(WIDTH);
        c.setComparator(io.webprobe.ui.common.TextOrder.comparator());
        c.setCellValueFactory(cell -> Bindings.createObjectBinding(
                () -> cell.getValue().result().statusCountsText(),
                cell.getValue().resultProperty()));
        c.setCellFactory(col -> new TableCell<>() {
            private final LazyTip tip = LazyTip.plain();
            /** The codes whole; the text shown may be fewer of them. */
            private String codes;

            {
                setTextOverrun(OverrunStyle.ELLIPSIS); // a single code too wide
                widthProperty().addListener(o -> showFitting());
            }

            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                codes = empty || value == null || value.isEmpty() ? null : value;
                setTooltip(codes == null ? null : tip.saying(codes));
                showFitting();
                drawn.accept(this, codes);
            }

            private void showFitting() {
                double room = getWidth() - snappedLeftInset() - snappedRightInset();
                setText(codes == null || room <= 0 ? codes
                        : fitting(codes, s -> CellWidths.textWidth(getFont(), s) <= room));
            }
        });
        return c;
    }

    /**
     * {@code codes} ("200×25 404×8 503×9") whole when it {@code fits}, else its first codes
     * that fit with the count of the rest ("200×25 +2"); when only the first code fits, that
     * code and an ellipsis ("200×25…": the cell's own cut took the count, "200×…"); when not
     * even that, the codes without their counts, as many as fit ("200 404 503", "200 +2"; a
     * run of thousands read "200×…" at the column's least width, 960 px); else the first code
     * and the count of the rest, and a single code as it is, for the cell to cut.
     */
    static String fitting(String codes, Predicate<String> fits) {
        if (fits.test(codes)) {
            return codes;
        }
        String[] parts = codes.split(" ");
        String[] bare = Arrays.stream(parts).map(p -> p.substring(0, p.indexOf('×')))
                .toArray(String[]::new);
        for (String[] each : List.of(parts, bare)) {
            for (int k = each.length; k >= 1; k--) {
                String shown = String.join(" ", Arrays.copyOf(each, k))
                        + (k < each.length ? " +" + (each.length - k) : "");
                if (fits.test(shown)) {
                    return shown;
                }
            }
            if (each == parts && parts.length > 1 && fits.test(parts[0] + "…")) {
                return parts[0] + "…";
            }
        }
        return parts.length == 1 ? codes : parts[0] + " +" + (parts.length - 1);
    }
}
