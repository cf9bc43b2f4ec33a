package io.webprobe.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Gives one column of a table (the URL column) the table's spare width: it is as wide as its
 * own width (its default, or what the user chose) or as the room the other shown columns leave,
 * whichever is more, so it grows with the window while the other columns keep their widths and
 * the table still scrolls sideways when they do not fit. Once the user sets that column's
 * width (drags its border) the width is theirs and is no longer changed. FX thread only.
 */
public final class FillColumn<S> {
    private final TableView<S> table;
    private final TableColumn<S, ?> column;
    private double base;
    private boolean userSized;
    private boolean fitting;
    private Runnable onUserSized = () -> { };
    private final List<TableColumn<S, ?>> watched = new ArrayList<>();
    private final InvalidationListener refit = o -> fit();
    private ScrollBar vbar;

    private FillColumn(TableView<S> table, TableColumn<S, ?> column) {
        this.table = table;
        this.column = column;
        this.base = column.getPrefWidth();
    }

    /**
     * Makes {@code column} take the spare width of {@code table}, from its present preferred
     * width up.
     */
    public static <S> FillColumn<S> install(TableView<S> table, TableColumn<S, ?> column) {
        FillColumn<S> f = new FillColumn<>(table, column);
        // any other change of its width is the user's (a drag on its border, a double-click
        // that fits it to its content): theirs from now on
        column.widthProperty().addListener((o, was, now) -> {
            if (!f.fitting && !f.userSized) {
                f.userSized = true;
                f.onUserSized.run();
            }
        });
        table.widthProperty().addListener(f.refit);
        table.getVisibleLeafColumns().addListener(
                (ListChangeListener<TableColumn<S, ?>>) c -> f.watchColumns());
        table.skinProperty().addListener(o -> f.watchScrollBar());
        f.watchColumns();
        f.watchScrollBar();
        return f;
    }

    /** Whether the user has dragged the column's border (its width is no longer changed). */
    public boolean userSized() {
        return userSized;
    }

    /** Stops filling: the column keeps the width it has (a width the user chose before). */
    public void keepUserWidth() {
        userSized = true;
    }

    /** Told once the user drags the column's border. */
    public void setOnUserSized(Runnable action) {
        onUserSized = action;
    }

    /**
     * Changes the column's least width (its default): the width it keeps when the other shown
     * columns leave less room, the table scrolling sideways then.
     */
    public void setLeastWidth(double width) {
        base = width;
        fit();
    }

    /** Whether the column's present width came from filling, not from the user. */
    public boolean fitting() {
        return fitting;
    }

    private void watchColumns() {
        for (TableColumn<S, ?> c : watched) {
            c.widthProperty().removeListener(refit);
        }
        watched.clear();
        for (TableColumn<S, ?> c : table.getVisibleLeafColumns()) {
            if (c != column) {
                c.widthProperty().addListener(refit);
                watched.add(c);
            }
        }
        fit();
    }

    private void watchScrollBar() {
        if (vbar != null) {
            vbar.visibleProperty().removeListener(refit);
            vbar = null;
        }
        if (table.getSkin() == null) {
            return;
        }
        Node flow = table.lookup(".virtual-flow");
        if (flow == null) {
            return;
        }
        for (Node n : flow.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar s && s.getOrientation() == Orientation.VERTICAL) {
                vbar = s;
                s.visibleProperty().addListener(refit);
            }
        }
        fit();
    }

    /** The width the column gets now: its own, or the room the other columns leave. */
    private void fit() {
        if (userSized || fitting || !column.isVisible() || table.getWidth() <= 0) {
            return;
        }
        // the column chooser's button (+) covers the scroll bar's place when there is none
        boolean barPlace = vbar != null && (vbar.isVisible() || table.isTableMenuButtonVisible());
        double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset()
                - (barPlace ? Math.max(vbar.getWidth(), vbar.prefWidth(-1)) : 0) - 1;
        for (TableColumn<S, ?> c : table.getVisibleLeafColumns()) {
            if (c != column) {
                room -= c.getWidth();
            }
        }
        double wanted = Math.floor(Math.max(base, room));
        if (Math.abs(wanted - column.getWidth()) >= 1) {
            fitting = true;
            try {
                column.setPrefWidth(wanted);
            } finally {
                fitting = false;
            }
        }
    }
}
