package io.webprobe.ui.crawl.broken;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.ui.common.RowSelectionModel;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;

/**
 * Every broken link with the page holding it, its status or error, its anchor text and where
 * a redirect chain ended. Selecting one shows the broken URL in the details pane (its Inlinks
 * tab: every page that links to it).
 */
public final class BrokenLinksView {
    private final TableView<BrokenLink> table = new TableView<>();
    private final TextField search = new TextField();
    private final BorderPane root = new BorderPane();
    private final ReadOnlyObjectWrapper<BrokenLink> chosen =
            new ReadOnlyObjectWrapper<>(this, "chosen");
    /** The links the user selected, selected again after a refresh if still there. */
    private List<BrokenLink> chosenAll = List.of();
    private boolean restoring;

    public BrokenLinksView(BrokenLinksModel model) {
        table.setId("brokenTable");
        table.setPrefWidth(600);
        table.setMinWidth(0);
        // its columns share the table's width (1,360 px of them did not fit a 960 px window)
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(io.webprobe.ui.common.TablePlaceholder.of("brokenEmpty",
                model.emptyTextProperty()));
        // searched and sorted by the model on its lane, not here: a FilteredList searched and
        // a SortedList sorted tens of thousands of links on the FX thread at each key typed,
        // each read and each click on a header
        ObservableList<BrokenLink> found = model.links();
        search.textProperty().bindBidirectional(model.searchProperty());
        table.setItems(found);
        table.setSortPolicy(t -> {
            sortModel(model);
            return true;
        });
        search.setId("brokenSearch");
        search.setPromptText("Search links, pages, statuses, types, reasons and anchor "
                + "text");
        search.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && !search.getText().isEmpty()) {
                search.clear();
                e.consume();
            }
        });
        Label count = new Label();
        count.setId("brokenCount");
        count.textProperty().bind(model.countTextProperty());
        javafx.scene.layout.HBox.setHgrow(search, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox bar = new javafx.scene.layout.HBox(8, search, count);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setPadding(new javafx.geometry.Insets(4, 6, 4, 0));
        root.setTop(bar);
        root.setCenter(table);
        RowSelectionModel.install(table); // many rows selected stay quick
        // in words ("Hyperlink", "Image"), not the tag the CSV names ("a", "img")
        TableColumn<BrokenLink, ?> type =
                col("Type", 110, b -> LinkTypeText.withNofollow(b.linkType()), false);
        table.getColumns().addAll(List.of(
                col("Link URL", 300, BrokenLink::linkUrl, true),
                // wide enough for "404 Not Found" and "Connection refused" at the window's
                // usual width, where the columns are shrunk to fit
                col("Status / error", 205, BrokenLinkText::statusText, false),
                col("Source page", 300, BrokenLink::sourceUrl, true),
                col("Anchor text", 160, BrokenLink::anchorText, false),
                type,
                // empty without a redirect, as Screaming Frog's "Redirect URL" (it repeated the
                // Link URL on every row); the CSV's final_url still has it on each
                col("Ends at", 230, BrokenLinkText::endsAt, true)));
        // the types of the links pages hold whole where the columns are shrunk to fit (at
        // 960 px each read "Hype…" or "Cano…" beside an Ends at empty on most rows)
        type.setMinWidth(Math.max(type.getMinWidth(), io.webprobe.ui.common.CellWidths
                .cellWidth(LinkTypeText.word("a"), LinkTypeText.word("img"),
                        LinkTypeText.word("script"), LinkTypeText.word("css"),
                        LinkTypeText.word("canonical"))));
        table.getSelectionModel().getSelectedItems().addListener(
                (javafx.collections.ListChangeListener<BrokenLink>) c -> {
                    if (!model.replacing() && !restoring) {
                        chosenAll = List.copyOf(table.getSelectionModel().getSelectedItems());
                    }
                });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!model.replacing() && !restoring) {
                chosen.set(now);
            }
        });
        model.setOnReplaced(this::selectAgain);
    }

    /** The table's order (its sort columns, each up or down), for the model to sort in. */
    private void sortModel(BrokenLinksModel model) {
        List<String> key = new java.util.ArrayList<>();
        java.util.Comparator<BrokenLink> order = null;
        for (TableColumn<BrokenLink, ?> c : table.getSortOrder()) {
            boolean down = c.getSortType() == TableColumn.SortType.DESCENDING;
            key.add(c.getText() + (down ? " down" : " up"));
            java.util.Comparator<BrokenLink> one = ascending(c);
            one = down ? one.reversed() : one;
            order = order == null ? one : order.thenComparing(one);
        }
        model.sortBy(List.copyOf(key), order);
    }

    /**
     * A column's order, up: the Status column's by its code as a number, the others' as text.
     * Each has a collator of its own: the lane's thread compares while the user may click
     * again (package-private for tests).
     */
    static java.util.Comparator<BrokenLink> ascending(TableColumn<BrokenLink, ?> c) {
        java.util.Comparator<String> words = io.webprobe.ui.common.TextOrder.comparator();
        if (c.getText().startsWith("Status")) {
            return BrokenLinkText.statusOrder(words);
        }
        @SuppressWarnings("unchecked")
        Function<BrokenLink, String> value = (Function<BrokenLink, String>) c.getUserData();
        return java.util.Comparator.comparing(value, words);
    }

    /**
     * The link the user selected last (the details pane shows its target). A refresh of the
     * list does not change it: it selects the same links again where they still are.
     */
    public ReadOnlyObjectProperty<BrokenLink> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    private void selectAgain() {
        List<BrokenLink> wanted = chosenAll;
        BrokenLink focus = chosen.get();
        restoring = true;
        try {
            selectAll(wanted, focus);
        } finally {
            restoring = false;
        }
    }

    /**
     * Selects the rows holding {@code wanted} and puts the lead on {@code focus}'s: one pass
     * over the rows and one selection change, whatever the numbers (a select-all is selected
     * again after each refresh; a search of the rows for each link was n × m on the FX thread:
     * 20,000 links took more than 20 s). Clearing a large selection is JavaFX's own cost
     * (about 0.2 s for 20,000 rows, 0.6 s for 40,000 here).
     */
    private void selectAll(List<BrokenLink> wanted, BrokenLink focus) {
        var selection = table.getSelectionModel();
        selection.clearSelection();
        int[] rows = rowsOf(table.getItems(), wanted);
        if (rows.length > 0) {
            selection.selectIndices(rows[0], java.util.Arrays.copyOfRange(rows, 1, rows.length));
        }
        int f = focus == null ? -1 : table.getItems().indexOf(focus); // one pass
        if (f >= 0) {
            selection.select(f); // the lead row again, as the user left it
            table.getFocusModel().focus(f);
        }
    }

    /**
     * The rows of {@code items} holding one of {@code wanted}, in row order, each link's first
     * row only (as {@code indexOf} would find it): one pass over each list.
     */
    static <T> int[] rowsOf(List<T> items, java.util.Collection<T> wanted) {
        if (wanted.isEmpty()) {
            return new int[0];
        }
        java.util.Set<T> left = new java.util.HashSet<>(wanted);
        int[] rows = new int[left.size()];
        int n = 0;
        for (int i = 0; i < items.size() && n < rows.length; i++) {
            if (left.remove(items.get(i))) {
                rows[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(rows, n);
    }

    public TableView<BrokenLink> table() {
        return table;
    }

    /** The tab's content: the search field over the table. */
    public Node root() {
        return root;
    }

    /** The search field (Ctrl+F on this tab). */
    public TextField search() {
        return search;
    }

    /**
     * Its text in full, for the tooltip of a cell too narrow for it; for an href that is no
     * URL, its reason whole ("Malformed email address: no @ in info.example.com"), which the
     * cell says in a few words.
     */
    private static String fullText(BrokenLink b, String shown) {
        if (b.notAUrl() && !b.errorMessage().isEmpty()) {
            return b.errorMessage();
        }
        return b.errorMessage().isEmpty() || b.errorMessage().equals(shown) ? shown
                : shown + ": " + b.errorMessage();
    }

    /**
     * A column of text.
     *
     * @param url whether it holds URLs: one of the crawled site (the site of the page holding
     *     the link, a crawled page) cut short keeps its path's end ("…/section-0/page-0.html"),
     *     another site's its host and end ("http://other…/page-0.html")
     */
    private static TableColumn<BrokenLink, String> col(String title, double width,
            Function<BrokenLink, String> value, boolean url) {
        TableColumn<BrokenLink, String> c = new TableColumn<>(title);
        c.setComparator(io.webprobe.ui.common.TextOrder.comparator());
        c.setUserData(value); // what the model sorts by
        c.setPrefWidth(width);
        // its header whole where the columns are shrunk to fit (at 960 px "Anchor text" read
        // "Ancho…")
        c.setMinWidth(io.webprobe.ui.common.CellWidths.headerWidth(title));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        if (url) {
            return io.webprobe.ui.common.UrlCells.column(c, BrokenLink::sourceUrl);
        }
        boolean status = title.startsWith("Status");
        c.setCellFactory(x -> new javafx.scene.control.TableCell<>() {
            private final io.webprobe.ui.common.LazyTip tip = io.webprobe.ui.common.LazyTip.plain();
            /** A status too wide in a word: "Refused" (at 960 px "Connection ref…"). */
            private final io.webprobe.ui.common.ShortForm word =
                    status ? new io.webprobe.ui.common.ShortForm(this) : null;

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                BrokenLink b = empty ? null : getTableRow().getItem();
                if (word != null) {
                    word.show(empty ? null : item,
                            b == null ? null : BrokenLinkText.statusWord(item));
                } else {
                    setText(empty ? null : item);
                }
                if (empty || item == null || item.isEmpty() || b == null) {
                    setTooltip(null);
                    return;
                }
                // a cell may be cut ("Connec…"): the whole text, and for the status, why
                setTooltip(tip.saying(status ? fullText(b, item) : item));
            }
        });
        return c;
    }
}
