package io.webprobe.ui.crawl.table;

import io.webprobe.ui.common.FillColumn;
import io.webprobe.ui.common.UiState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Remembers a table's column order, widths and which columns are shown, under
 * {@code prefix.order}, {@code prefix.hidden} and {@code prefix.width.KEY}; restores them when
 * the table is built. Columns are known by the key in their {@code userData}. FX thread only.
 */
public final class TableLayoutMemory {
    private TableLayoutMemory() {}

    /** Restores the remembered layout, then remembers every change the user makes. */
    public static <S> void apply(TableView<S> table, UiState memory, String prefix) {
        apply(table, memory, prefix, null);
    }

    /**
     * As {@link #apply(TableView, UiState, String)}, the column keyed {@code fillKey} taking
     * the table's spare width ({@link FillColumn}) until the user sets its width: a width the
     * user dragged (now or in an earlier session) is kept and remembered, a width from the
     * window's size is not.
     */
    public static <S> void apply(TableView<S> table, UiState memory, String prefix,
            String fillKey) {
        apply(table, memory, prefix, fillKey, null, 0);
    }

    /**
     * As {@link #apply(TableView, UiState, String, String)}, the column keyed {@code shareKey}
     * taking the part {@code part} of the spare width ({@link FillColumn#split}) until the user
     * sets its width, which is then kept and remembered as the filling column's is.
     */
    public static <S> void apply(TableView<S> table, UiState memory, String prefix,
            String fillKey, String shareKey, double part) {
        Map<String, TableColumn<S, ?>> byKey = new HashMap<>();
        for (TableColumn<S, ?> c : table.getColumns()) {
            byKey.put(key(c), c);
        }
        List<String> order = memory.getStrings(prefix + ".order");
        if (!order.isEmpty()) {
            List<TableColumn<S, ?>> sorted = new ArrayList<>();
            for (String k : order) {
                TableColumn<S, ?> c = byKey.get(k);
                if (c != null && !sorted.contains(c)) {
                    sorted.add(c);
                }
            }
            for (TableColumn<S, ?> c : table.getColumns()) {
                if (!sorted.contains(c)) {
                    sorted.add(c); // a column added since: at its default place's end
                }
            }
            table.getColumns().setAll(sorted);
        }
        if (memory.getStrings(prefix + ".order").isEmpty()
                && memory.getStrings(prefix + ".hidden").isEmpty()) {
            // nothing remembered: the defaults stand
        } else {
            List<String> hidden = memory.getStrings(prefix + ".hidden");
            for (TableColumn<S, ?> c : table.getColumns()) {
                c.setVisible(!hidden.contains(key(c)));
            }
        }
        for (TableColumn<S, ?> c : table.getColumns()) {
            if (remembersWidth(memory, prefix, c)) {
                c.setPrefWidth(memory.getDouble(prefix + ".width." + key(c), -1));
            }
        }
        FillColumn<S> fill = null;
        TableColumn<S, ?> fillColumn = byKey.get(fillKey);
        if (fillColumn != null) {
            fill = FillColumn.install(table, fillColumn);
            if (memory.getDouble(prefix + ".width." + fillKey, -1) > 10) {
                fill.keepUserWidth();
            }
        }
        TableColumn<S, ?> shareColumn = fill == null ? null : byKey.get(shareKey);
        if (shareColumn != null) {
            if (memory.getDouble(prefix + ".width." + shareKey, -1) > 10) {
                fill.keepSplitterUserWidth(); // first: the width remembered is not refitted
            }
            fill.split(shareColumn, part);
        }
        FillColumn<S> filled = fill;
        Runnable save = () -> {
            List<String> keys = new ArrayList<>();
            List<String> hidden = new ArrayList<>();
            for (TableColumn<S, ?> c : table.getColumns()) {
                keys.add(key(c));
                if (!c.isVisible()) {
                    hidden.add(key(c));
                }
            }
            memory.putStrings(prefix + ".order", keys);
            memory.putStrings(prefix + ".hidden", hidden);
        };
        table.getColumns().addListener((ListChangeListener<TableColumn<S, ?>>) ch -> save.run());
        for (TableColumn<S, ?> c : table.getColumns()) {
            c.visibleProperty().addListener((o, was, now) -> save.run());
            boolean fills = c == fillColumn;
            boolean shares = c == shareColumn;
            c.widthProperty().addListener((o, was, now) -> {
                // a width the filling gives a column sharing its room is not the user's
                if (now.doubleValue() > 10 && (filled == null || !filled.fitting())
                        && (!fills || filled.userSized())
                        && (!shares || filled.splitterUserSized())) {
                    memory.putDouble(prefix + ".width." + key(c), now.doubleValue());
                }
            });
        }
    }

    /** Whether the user set {@code c}'s width (now or in an earlier session). */
    public static boolean remembersWidth(UiState memory, String prefix, TableColumn<?, ?> c) {
        return memory.getDouble(prefix + ".width." + key(c), -1) > 10;
    }

    private static String key(TableColumn<?, ?> c) {
        return String.valueOf(c.getUserData());
    }
}
