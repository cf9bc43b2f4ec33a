package io.webprobe.ui.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * width (drags its border) the width is theirs and is no longer changed. Columns whose text
 * varies ({@link #share}) may take some of that room for their content, down to the column's
 * least width, never making the table scroll sideways; columns of figures ({@link
 * #shareDownToContent}) give way too, down to their header and their widest figure, never
 * cutting either. One more column may take a part of the
 * spare width ({@link #split}: the Crawl table's titles) until the user sets its width; it and
 * this column may give way to a shared column's text ({@link #lend}: the Crawl table's
 * reasons). FX thread only.
 */
public final class FillColumn<S> {
    private final TableView<S> table;
    private final TableColumn<S, ?> column;
    private double base;
    /** The column's first width, kept before the shared columns' content widens them. */
    private final double own;
    private boolean userSized;
    private boolean fitting;
    private Runnable onUserSized = () -> { };
    private final List<TableColumn<S, ?>> watched = new ArrayList<>();
    private final InvalidationListener refit = o -> fit();
    private ScrollBar vbar;
    /** The columns that share the room ({@link #share}). */
    private final Map<TableColumn<S, ?>, Share> shared = new LinkedHashMap<>();
    private boolean refitQueued;
    /** The column taking a part of the spare width ({@link #split}), or null. */
    private TableColumn<S, ?> splitter;
    private double splitterBase;
    private double splitterPart;
    private boolean splitterUserSized;
    private Runnable onSplitterUserSized = () -> { };
    /** The shared columns whose texts may take room from this column and the splitter. */
    private final List<TableColumn<S, ?>> borrowers = new ArrayList<>();
    /** This column's and the splitting column's least widths when they lend ({@link #lend}). */
    private double lendingLeast;
    private double splitterLendingLeast;

    private FillColumn(TableView<S> table, TableColumn<S, ?> column) {
        this.table = table;
        this.column = column;
        this.base = column.getPrefWidth();
        this.own = base;
    }

    /**
     * Makes {@code column} take the spare width of {@code table}, from its present preferred
     * width up.
     */
    public static <S> FillColumn<S> install(TableView<S> table, TableColumn<S, ?> column) {
        FillColumn<S> f = new FillColumn<>(table, column);
        table.getProperties().put(FillColumn.class, f);
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

    /** The filling installed on {@code table}, or null. */
    @SuppressWarnings("unchecked")
    public static <S> FillColumn<S> of(TableView<S> table) {
        return (FillColumn<S>) table.getProperties().get(FillColumn.class);
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

    /**
     * Lets {@code other} be as wide as its own width or as its content wants ({@link #want}),
     * whichever is more, out of the room this column has beyond its own least width: this
     * column gives way first, then {@code other} down to {@code least}, where a text too wide
     * is cut. The shared columns get their own widths first, then this column its first
     * width, then the shared columns what their content wants beyond, in the table's order.
     * Once the user sets {@code other}'s width it is theirs, as any other column's.
     */
    public void share(TableColumn<S, ?> other, double least) {
        share(other, new Share(least, other.getPrefWidth()));
    }

    private void share(TableColumn<S, ?> other, Share share) {
        shared.put(other, share);
        other.widthProperty().addListener((o, was, now) -> {
            if (!fitting && shared.get(other) == share
                    && Math.abs(now.doubleValue() - share.given) >= 1) {
                shared.remove(other); // a drag on its border: the user's width from now on
                fit();
            }
        });
        fit();
    }

    /**
     * Lets {@code other}, a column of figures, give way when the room is short: it keeps its own
     * width (its present one) while there is room, and gives way, after this column has come
     * down to its least width, as far as its header and its widest figure ({@link #want}) allow,
     * never cutting either. The shared columns get their own widths in the table's order: the
     * figures before the codes and errors, which follow them. Once the user sets its width it
     * is theirs.
     */
    public void shareDownToContent(TableColumn<S, ?> other) {
        Share share = new Share(0, other.getPrefWidth());
        share.toContent = true;
        share.wanted = 0;
        share(other, share);
    }

    /**
     * Lets {@code other}, a shared column ({@link #share}), take what its text wants beyond its
     * own width from the splitting column down to {@code splitterLeast}, then from this column
     * down to {@code least} (each no narrower than its least width, its header whole), when
     * the spare width is not enough: the Crawl table's reasons
     * ("Blocked by robots.txt") at the window's least width, where the URLs and titles give
     * way before a reason is cut. Such a column takes the spare width before the other shared
     * columns' texts beyond their own, which then have only what is left. A splitting column
     * the user sized lends nothing, nor does this column once the user sizes it. What is lent
     * moves width between them: the columns' total stays as it was.
     */
    public void lend(TableColumn<S, ?> other, double least, double splitterLeast) {
        borrowers.add(other);
        lendingLeast = least;
        splitterLendingLeast = splitterLeast;
        fit();
    }

    /** Whether {@code other} is shared ({@link #share}, {@link #shareDownToContent}). */
    public boolean shares(TableColumn<S, ?> other) {
        return shared.containsKey(other);
    }

    /**
     * Says a shared column's content needs {@code width} (a cell's text and padding): the
     * column widens to the widest asked for, as far as there is room. Called from a cell's
     * update, while the table lays out: the fit comes after.
     */
    public void want(TableColumn<S, ?> other, double width) {
        Share share = shared.get(other);
        if (share == null || width <= share.wanted) {
            return;
        }
        share.wanted = width;
        if (!refitQueued) {
            refitQueued = true;
            javafx.application.Platform.runLater(() -> {
                refitQueued = false;
                fit();
            });
        }
    }

    /** Forgets what the shared columns' content wanted (new rows): back to their own width. */
    public void forgetWants() {
        shared.values().forEach(share -> share.wanted = share.toContent ? 0 : share.own);
        fit();
    }

    /**
     * Gives {@code other} the part {@code part} (0 to 1) of the spare width above the two
     * columns' least widths (their present preferred widths), this column the rest, until the
     * user drags {@code other}'s border; then this column takes all the spare width again.
     * When the other columns leave less than the two columns' own widths, {@code other} gives
     * way, down to its least width (its header whole), if that spares the table a sideways
     * scroll; it keeps its width when the table scrolls anyway. Once only, before the table
     * is shown.
     */
    public void split(TableColumn<S, ?> other, double part) {
        splitter = other;
        splitterBase = other.getPrefWidth();
        splitterPart = part;
        // its changes come here alone (not to the refit of the other columns): a drag on its
        // border makes its width the user's before the rest is fitted around it
        other.widthProperty().removeListener(refit);
        watched.remove(other);
        other.widthProperty().addListener((o, was, now) -> {
            if (fitting) {
                return;
            }
            if (!splitterUserSized && splitter.isVisible()) {
                splitterUserSized = true;
                onSplitterUserSized.run();
            }
            fit();
        });
        fit();
    }

    /** Whether the user has dragged the splitting column's border (it no longer splits). */
    public boolean splitterUserSized() {
        return splitterUserSized;
    }

    /** The splitting column keeps the width it has (a width the user chose before). */
    public void keepSplitterUserWidth() {
        splitterUserSized = true;
    }

    /** Told once the user drags the splitting column's border. */
    public void setOnSplitterUserSized(Runnable action) {
        onSplitterUserSized = action;
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
            if (c != column && c != splitter) {
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
        boolean splitting = splitter != null && !splitterUserSized && splitter.isVisible()
                && table.getVisibleLeafColumns().contains(splitter);
        List<TableColumn<S, ?>> sharing = new ArrayList<>();
        for (TableColumn<S, ?> c : table.getVisibleLeafColumns()) {
            if (shared.containsKey(c)) {
                Share share = shared.get(c);
                if (share.toContent) {
                    share.header = headerWidth(c);
                }
                sharing.add(c);
                room -= Math.max(share.floor(), c.getMinWidth()); // its header whole
            } else if (splitting && c == splitter) {
                room -= splitterBase;
            } else if (c != column) {
                room -= c.getWidth();
            }
        }
        // the splitting column gives way, down to its least width, when that spares the table
        // a sideways scroll: at the least window under a window manager's borders (958 px
        // under Openbox) the Crawl table's eight default columns scrolled sideways for 2 px.
        // When the table scrolls anyway (more columns turned on), it keeps its width: squeezed
        // to its header and scrolling too, the titles read "Ti…" for nothing
        double splitterLeast = splitting
                ? Math.max(splitterLendingLeast, splitter.getMinWidth()) : 0;
        double splitterGives = splitting && room < base
                && base - room <= splitterBase - splitterLeast ? base - room : 0;
        room += splitterGives;
        fitting = true;
        try {
            // their own widths first, then this column its own, then their contents beyond
            for (TableColumn<S, ?> c : sharing) {
                shared.get(c).given = Math.max(shared.get(c).floor(), c.getMinWidth());
            }
            double spare = room - base;
            // what the splitter and this column may lend to the borrowers' texts
            // (never below a column's least width: its header whole)
            double splitterLends = splitting
                    ? Math.max(0, splitterBase - splitterGives - splitterLeast) : 0;
            double lends = splitterLends
                    + Math.max(0, base - Math.max(lendingLeast, column.getMinWidth()));
            double lent = 0; // what the borrowers took beyond the spare width
            for (boolean beyondOwn : new boolean[] {false, true}) {
                for (TableColumn<S, ?> c : beyondOwn ? borrowersFirst(sharing) : sharing) {
                    Share share = shared.get(c);
                    double upTo = share.toContent ? share.own
                            : beyondOwn ? share.wanted : Math.min(share.wanted, share.own);
                    double lendable = beyondOwn && borrowers.contains(c) ? lends - lent : 0;
                    double extra = Math.floor(Math.max(0, Math.min(upTo - share.given,
                            Math.max(0, spare) + lendable)));
                    lent += Math.max(0, extra - Math.max(0, spare));
                    spare -= extra;
                    room -= extra;
                    share.given += extra;
                }
                // this column's first width before any content's wants beyond their own
                spare -= Math.max(0, Math.min(own - base, spare));
            }
            // lent: taken from the splitter first, then from this column
            double splitterLent = Math.min(lent, splitterLends);
            for (TableColumn<S, ?> c : sharing) {
                if (Math.abs(shared.get(c).given - c.getWidth()) >= 1) {
                    c.setPrefWidth(shared.get(c).given);
                }
            }
            if (splitting) {
                double part = Math.floor(Math.max(0, room - base) * splitterPart);
                room -= part;
                room += splitterLent;
                double width = splitterBase - splitterGives + part - splitterLent;
                if (Math.abs(width - splitter.getWidth()) >= 1) {
                    splitter.setPrefWidth(width);
                }
            }
            double wanted = Math.floor(Math.max(base - (lent - splitterLent), room));
            if (Math.abs(wanted - column.getWidth()) >= 1) {
                column.setPrefWidth(wanted);
            }
        } finally {
            fitting = false;
        }
    }

    /**
     * The width {@code c}'s header needs for its title whole (its label's and its own padding),
     * once the table has its headers; 0 before.
     */
    private double headerWidth(TableColumn<S, ?> c) {
        double own = titleWidth(c);
        // a group's title over its shown columns: its share of it, if more (the Ping table's
        // "Latency (ms)" read "Latency (..." over p50, p99 and Max at their least)
        TableColumn<S, ?> group = c.getParentColumn() instanceof TableColumn<S, ?> g ? g : null;
        if (group != null) {
            long shown = group.getColumns().stream().filter(TableColumn::isVisible).count();
            own = Math.max(own, Math.ceil(titleWidth(group) / Math.max(1, shown)));
        }
        return own;
    }

    /**
     * The width {@code c}'s own header needs for its title (its label's and its own padding):
     * the whole title, or its longest word where the title may take two lines; 0 before the
     * table has its headers.
     */
    private double titleWidth(TableColumn<S, ?> c) {
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof javafx.scene.control.skin.TableColumnHeader h
                    && h.getTableColumn() == c) {
                for (Node child : h.getChildrenUnmodifiable()) {
                    if (child instanceof javafx.scene.control.Label label) {
                        double text = label.prefWidth(-1);
                        if (label.isWrapText()) {
                            text = label.snappedLeftInset() + label.snappedRightInset();
                            for (String word : label.getText().split(" ")) {
                                text = Math.max(text, label.snappedLeftInset()
                                        + label.snappedRightInset()
                                        + textWidth(label.getFont(), word));
                            }
                        }
                        return Math.ceil(text + h.snappedLeftInset() + h.snappedRightInset());
                    }
                }
            }
        }
        return 0;
    }

    /** Measures a title's word in its font. */
    private static final javafx.scene.text.Text MEASURE = new javafx.scene.text.Text();

    private static double textWidth(javafx.scene.text.Font font, String text) {
        MEASURE.setFont(font);
        MEASURE.setText(text);
        return MEASURE.getLayoutBounds().getWidth();
    }

    /** {@code columns} in their order, those that borrow ({@link #lend}) first. */
    private List<TableColumn<S, ?>> borrowersFirst(List<TableColumn<S, ?>> columns) {
        List<TableColumn<S, ?>> out = new ArrayList<>();
        columns.stream().filter(borrowers::contains).forEach(out::add);
        columns.stream().filter(c -> !borrowers.contains(c)).forEach(out::add);
        return out;
    }

    private List<Share> shares(List<TableColumn<S, ?>> columns) {
        return columns.stream().map(shared::get).toList();
    }

    /**
     * A shared column's least width, its own (its width before any content), the width it
     * wants (its own or its content's) and the width it was given.
     */
    private static final class Share {
        final double least;
        final double own;
        double wanted;
        double given;
        /** A column of figures ({@link #shareDownToContent}): its content is never cut. */
        boolean toContent;
        /** Its header's width, measured at each fit ({@link #toContent} only). */
        double header;

        Share(double least, double own) {
            this.least = Math.min(least, own);
            this.own = own;
            this.wanted = own;
            this.given = own;
        }

        /**
         * The least it is given: a figures' column its header and widest figure whole (its own
         * width until its header is there to measure).
         */
        double floor() {
            return !toContent ? least : Math.max(header > 0 ? header : own, wanted);
        }
    }
}
