package io.webprobe.ui.crawl.overview;

import io.webprobe.store.UrlFilter;
import io.webprobe.ui.common.LazyTip;
import io.webprobe.ui.common.Tips;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The overview: the filters grouped (URLs, Type, Status, Issues), each with its live count;
 * clicking one shows it in the URL table. Orphans are listed only for a crawl that read the
 * sitemaps. FX thread only.
 */
public final class OverviewView {
    private final TreeView<Object> tree = new TreeView<>();
    private final OverviewModel model;
    private final Map<UrlFilter, TreeItem<Object>> items = new LinkedHashMap<>();
    private boolean syncing;

    public OverviewView(OverviewModel model) {
        this.model = model;
        TreeItem<Object> root = new TreeItem<>("Overview");
        Map<String, TreeItem<Object>> groups = new LinkedHashMap<>();
        for (OverviewEntry e : model.entries()) {
            TreeItem<Object> group = groups.computeIfAbsent(e.group(), g -> {
                TreeItem<Object> t = new TreeItem<>(g);
                t.setExpanded(true);
                root.getChildren().add(t);
                return t;
            });
            TreeItem<Object> item = new TreeItem<>(e);
            items.put(e.filter(), item);
            group.getChildren().add(item);
        }
        tree.setId("overview");
        tree.setRoot(root);
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new EntryCell());
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!syncing && now != null && now.getValue() instanceof OverviewEntry e) {
                model.selectedProperty().set(e.filter());
            }
        });
        model.selectedProperty().addListener((o, was, now) -> select(now));
        model.showOrphansProperty().addListener((o, was, now) -> orphans(now));
        orphans(model.showOrphansProperty().get());
        select(model.selectedProperty().get());
    }

    public TreeView<Object> root() {
        return tree;
    }

    private void select(UrlFilter f) {
        TreeItem<Object> item = items.get(f);
        syncing = true;
        try {
            tree.getSelectionModel().select(item);
        } finally {
            syncing = false;
        }
    }

    private void orphans(boolean shown) {
        TreeItem<Object> item = items.get(UrlFilter.ORPHANS);
        TreeItem<Object> issues = tree.getRoot().getChildren().get(
                tree.getRoot().getChildren().size() - 1);
        if (shown && !issues.getChildren().contains(item)) {
            issues.getChildren().add(item);
        } else if (!shown) {
            issues.getChildren().remove(item);
            if (model.selectedProperty().get() == UrlFilter.ORPHANS) {
                model.selectedProperty().set(UrlFilter.ALL);
            }
        }
    }

    /** Between a filter's name and its count (6 px left "Canonicalis…" beside 3,022). */
    private static final double GAP = 4;

    /** The width of the widest line of {@code text} in {@code font}. */
    private static double widest(String text, javafx.scene.text.Font font) {
        double w = 0;
        for (String line : text.split("\n")) {
            w = Math.max(w, io.webprobe.ui.common.CellWidths.textWidth(font, line));
        }
        return w;
    }

    /**
     * {@code name} with line breaks at its spaces and after its hyphens where it is wider than
     * {@code room} in {@code font}: each line as many words as fit (a word wider than the room
     * alone on its line); unchanged when it fits.
     */
    static String folded(String name, javafx.scene.text.Font font, double room) {
        if (io.webprobe.ui.common.CellWidths.textWidth(font, name) <= room) {
            return name;
        }
        StringBuilder out = new StringBuilder();
        String line = "";
        // "Non-indexable pages": "Non-", "indexable ", "pages " (a headless font left
        // "Non-indexable" 2 px too wide beside 3,022)
        for (String part : (name + " ").split("(?<=[ -])")) {
            String longer = line + part;
            if (!line.isBlank() && io.webprobe.ui.common.CellWidths.textWidth(font,
                    longer.strip()) > room) {
                out.append(line.strip()).append('\n');
                line = part;
            } else {
                line = longer;
            }
        }
        return out.append(line.strip()).toString();
    }

    /** A group's name in bold, or a filter's name with its count on the right. */
    private static final class EntryCell extends TreeCell<Object> {
        private final Label name = new Label();
        private final Label count = new Label();
        private final HBox line;
        /** Broken counts URLs, the Broken links tab links: said where the number sits. */
        private final LazyTip brokenTip = LazyTip.of(() -> Tips.wrapped(BROKEN_TIP));

        /** Which URLs Non-indexable pages counts, and what the Indexable column says besides. */
        private final LazyTip nonIndexableTip =
                LazyTip.of(() -> Tips.wrapped(NON_INDEXABLE_TIP));

        /** Its name first: at 960 px the name reads "Non-indexabl…". */
        static final String NON_INDEXABLE_TIP = "Non-indexable pages: the site's HTML pages "
                + "that answered 200 but "
                + "ask not to be indexed (noindex) or name another URL as canonical. Other "
                + "URLs that are no indexable page are left out here (404s, redirects, "
                + "stylesheets and images, other sites' URLs), though their Indexable column, "
                + "and the CSV's indexable, reads No too.";

        static final String BROKEN_TIP = "Broken URLs: those that answered 4xx or 5xx or did "
                + "not answer, and redirects that fail in themselves (a loop). The Broken links "
                + "tab counts the links to them instead, once per page holding each, and the "
                + "hrefs that are no URL (a malformed address, a file: link), which are broken "
                + "links but no URL to count here.";

        /** A name cut short ("CSS / JavaSc…" at 960 px), whole. */
        private final LazyTip nameTip = LazyTip.plain();

        EntryCell() {
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            count.getStyleClass().add("overview-count");
            // the count stays whole; a name too long for the pane goes on two lines ("Non-
            // indexable / pages" at 960 px beside a 3,000-page crawl's counts, where it read
            // "Non-indexabl…"), rather than the tree scrolling sideways, which put the counts
            // behind the pane's edge; a word longer than the room is shortened. No width of
            // its own: the tree gives each cell its width
            count.setMinWidth(Region.USE_PREF_SIZE);
            name.setMinWidth(0);
            setPrefWidth(0);
            line = new HBox(GAP, name, gap, count);
            name.widthProperty().addListener(o -> tipIfCut());
            line.widthProperty().addListener(o -> fold());
            count.widthProperty().addListener(o -> fold());
            name.fontProperty().addListener(o -> fold()); // its own, once styled
            line.setAlignment(Pos.CENTER_LEFT);
        }

        /** The name on as many lines as the room beside its count needs (at word breaks). */
        private void fold() {
            if (!(getItem() instanceof OverviewEntry e) || line.getWidth() <= 0) {
                return;
            }
            // the label's own room beside its words (a name 90.4 px wide was shortened in 92)
            double overhead = Math.max(0, name.prefWidth(-1) - widest(name.getText(),
                    name.getFont()));
            double room = line.getWidth() - line.getInsets().getLeft()
                    - line.getInsets().getRight() - count.prefWidth(-1) - 2 * GAP - overhead;
            String folded = folded(e.filter().label(), name.getFont(), room);
            if (!folded.equals(name.getText())) {
                name.setText(folded);
            }
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            count.textProperty().unbind();
            getStyleClass().remove("overview-group");
            setId(null);
            setTooltip(null);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
            } else if (item instanceof OverviewEntry e) {
                setText(null);
                name.setText(e.filter().label());
                fold();
                count.textProperty().bind(e.textProperty());
                setGraphic(line);
                setId("overview-" + e.filter().name());
                if (e.filter() == UrlFilter.BROKEN) {
                    setTooltip(brokenTip.get());
                } else if (e.filter() == UrlFilter.NON_INDEXABLE) {
                    setTooltip(nonIndexableTip.get());
                }
            } else {
                setGraphic(null);
                setText(item.toString());
                getStyleClass().add("overview-group");
            }
            tipIfCut();
        }

        /** A name cut short (narrower than its words) gets a tooltip, if it has none. */
        private void tipIfCut() {
            if (getTooltip() != null && !nameTip.is(getTooltip()) || getGraphic() != line) {
                return;
            }
            boolean cut = name.getWidth() > 0 && name.getWidth() < name.prefWidth(-1) - 0.5;
            if (cut != nameTip.is(getTooltip())) {
                setTooltip(cut ? nameTip.saying(name.getText()) : null);
            }
        }
    }
}
