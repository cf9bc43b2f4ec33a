package io.webprobe.ui.compare;

import io.webprobe.store.CrawlDiff;
import io.webprobe.ui.common.Buttons;
import io.webprobe.ui.common.UrlCells;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.textfield.TextFields;

/**
 * The Compare tab: choose the older and the newer crawl file, compare, then filter the
 * changes by kind (each with its count) and by text, and export what is shown.
 */
public final class CompareView {
    private final BorderPane root = new BorderPane();
    private final CompareModel model;
    private final CheckBox excel = new CheckBox("Excel-friendly");

    /**
     * @param folder where the file choosers start (the crawls folder)
     */
    public CompareView(CompareModel model, Supplier<Path> folder) {
        this.model = model;
        root.setId("compareView");
        Label older = fileLabel("compareOld", model.oldFileProperty(), model.oldLabelProperty(),
                "(no crawl chosen)");
        Label newer = fileLabel("compareNew", model.newFileProperty(), model.newLabelProperty(),
                "(no crawl chosen)");
        SplitMenuButton chooseOld = chooser("compareChooseOld", "Older…", true, folder);
        SplitMenuButton chooseNew = chooser("compareChooseNew", "Newer…", false, folder);
        Button run = Buttons.of("compareRun", "Compare", model::compare);
        run.disableProperty().bind(model.runningProperty()
                .or(model.oldFileProperty().isNull()).or(model.newFileProperty().isNull()));
        HBox files = new HBox(8, chooseOld, older, new Label("→"), chooseNew, newer, run);
        files.setAlignment(Pos.CENTER_LEFT);

        ComboBox<CrawlDiff.Change> kind = new ComboBox<>();
        kind.setId("compareKind");
        kind.getItems().add(null);
        kind.getItems().addAll(CrawlDiff.Change.values());
        kind.valueProperty().bindBidirectional(model.kindProperty());
        Function<CrawlDiff.Change, String> label = c -> {
            Map<CrawlDiff.Change, Long> counts = model.countsProperty().get();
            if (counts.isEmpty()) { // nothing compared yet (a compare counts every kind)
                return c == null ? "Every change" : name(c);
            }
            if (c == null) {
                return String.format(Locale.ROOT, "Every change (%,d)", model.rows().size());
            }
            return String.format(Locale.ROOT, "%s (%,d)", name(c), counts.getOrDefault(c, 0L));
        };
        kind.setCellFactory(l -> new KindCell(label));
        kind.setButtonCell(new KindCell(label));
        model.countsProperty().addListener(o -> { // new cells: the labels show new counts
            kind.setCellFactory(l -> new KindCell(label));
            kind.setButtonCell(new KindCell(label));
        });
        TextField search = TextFields.createClearableTextField();
        search.setId("compareSearch");
        search.setPromptText("Filter by URL or value");
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        excel.setId("compareExcel");
        Button export = Buttons.of("compareExport", "Export CSV…",
                () -> model.export(excel.isSelected()));
        export.disableProperty().bind(Bindings.isEmpty(model.shown()));
        HBox filter = new HBox(8, new Label("Show"), kind, search, excel, export);
        filter.setAlignment(Pos.CENTER_LEFT);

        // sorted by a click on a header (a filtered list cannot be sorted in place: the
        // headers did nothing)
        SortedList<CrawlDiff.Row> sorted = new SortedList<>(model.shown());
        TableView<CrawlDiff.Row> table = new TableView<>(sorted);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setId("compareTable");
        table.setPrefWidth(600);
        table.setMinWidth(0);
        // its columns share the table's width (1,230 px of them did not fit a 960 px window)
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(io.webprobe.ui.common.TablePlaceholder.of("compareEmpty",
                model.emptyTextProperty()));
        table.getColumns().addAll(List.of(
                col("Change", 175, r -> name(r.change())), // "Fixed missing anchor" whole
                // the site's URLs cut by their path's end, as in the Crawl tab: at 960 px each
                // read "http://127.0.0.1:182…alects/mysql.html", their host the same on every
                // row and their folder cut (another site's keep their host)
                UrlCells.column(col("URL", 355, CrawlDiff.Row::url), r -> model.startUrl()),
                col("Old", 200, r -> shown(r, r.oldValue())),
                col("New", 200, r -> shown(r, r.newValue())),
                UrlCells.column(col("Source page", 300, CrawlDiff.Row::sourceUrl),
                        r -> model.startUrl())));
        // a crawl that did not finish, or limits that differ: said beside the counts, whole
        Label notes = new Label();
        notes.setId("compareNotes");
        notes.getStyleClass().add("compare-notes");
        notes.setWrapText(true);
        notes.setMinHeight(Region.USE_PREF_SIZE);
        notes.setMaxWidth(Double.MAX_VALUE);
        notes.textProperty().bind(model.notesProperty());
        notes.visibleProperty().bind(model.notesProperty().isNotEmpty());
        notes.managedProperty().bind(notes.visibleProperty());
        // the sentence compare prints, above the counts it sums up (in the status bar at the
        // foot of the window a new user did not see it)
        Label summary = new Label();
        summary.setId("compareSummary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.setMaxWidth(Double.MAX_VALUE);
        summary.textProperty().bind(model.summaryProperty());
        summary.visibleProperty().bind(model.summaryProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());
        VBox top = new VBox(8, files, summary, filter, notes);
        top.setPadding(new Insets(10));
        root.setTop(top);
        root.setCenter(table);
        BorderPane.setMargin(table, new Insets(0, 10, 0, 10));
        // what to do next, what an export did, why a compare could not be made: a long line
        // wraps, the bar growing to hold it (the whole of it is on hover too)
        StatusBar status = io.webprobe.ui.common.StatusLine.wrapping("compareStatus",
                model.statusProperty());
        root.setBottom(status);
    }

    public Node root() {
        return root;
    }

    /** The tab opens: see {@link CompareModel#opened()}. */
    public void opened() {
        model.opened();
    }

    /**
     * A chooser: a click asks for a file, as before; its arrow lists the crawls the app knows,
     * newest first, and "Other file…".
     */
    private SplitMenuButton chooser(String id, String text, boolean older,
            Supplier<Path> folder) {
        SplitMenuButton b = new SplitMenuButton();
        b.setText(text);
        b.setId(id);
        b.setOnAction(e -> model.choose(older, folder.get()));
        Runnable fill = () -> {
            List<MenuItem> items = new ArrayList<>();
            Path chosen = (older ? model.oldFileProperty() : model.newFileProperty()).get();
            for (CompareModel.Known k : model.known()) {
                // the one chosen is ticked: two crawls of a site read alike but for the time
                CheckMenuItem item = new CheckMenuItem(k.label());
                item.setSelected(k.file().equals(chosen));
                item.setMnemonicParsing(false);
                item.setOnAction(e -> model.pick(older, k.file()));
                items.add(item);
            }
            if (items.isEmpty()) {
                MenuItem none = new MenuItem("(no recent crawls)");
                none.setDisable(true);
                items.add(none);
            }
            items.add(new SeparatorMenuItem());
            MenuItem other = new MenuItem("Other file…");
            other.setOnAction(e -> model.choose(older, folder.get()));
            items.add(other);
            b.getItems().setAll(items);
        };
        model.known().addListener((javafx.collections.ListChangeListener<CompareModel.Known>)
                c -> fill.run());
        (older ? model.oldFileProperty() : model.newFileProperty()).addListener(o -> fill.run());
        fill.run();
        return b;
    }

    /**
     * Whether there are changes to export: File › Export CSV… is enabled as the tab's own
     * Export CSV… button is.
     */
    public javafx.beans.binding.BooleanBinding exportableProperty() {
        return Bindings.isNotEmpty(model.shown());
    }

    /** Exports the changes shown, as the tab's own button does (File › Export CSV…). */
    public void exportCsv() {
        model.export(excel.isSelected());
    }

    /**
     * A value as the URL table shows it: indexable is "Yes" or "No" there too; a broken link's
     * or a missing anchor's starts with a capital, as the Broken links tab's cells do
     * ("Malformed email address: no @ in x.com", "Link removed"; the command line's line and
     * the CSV keep compare's "malformed email address: …" as a reason set inside a line).
     */
    static String shown(CrawlDiff.Row r, String value) {
        if (r.change() == CrawlDiff.Change.INDEXABLE && value != null) {
            return Boolean.parseBoolean(value) ? "Yes" : "No";
        }
        if (r.change() == CrawlDiff.Change.REDIRECT || r.change() == CrawlDiff.Change.CANONICAL) {
            return forPeople(value);
        }
        return value != null && linkProblem(r.change()) ? io.webprobe.Words.inCell(value) : value;
    }

    private static boolean linkProblem(CrawlDiff.Change c) {
        return c == CrawlDiff.Change.NEW_BROKEN_LINK || c == CrawlDiff.Change.FIXED_BROKEN_LINK
                || c == CrawlDiff.Change.NEW_MISSING_ANCHOR
                || c == CrawlDiff.Change.FIXED_MISSING_ANCHOR;
    }

    /** A URL as the crawl's tables show it (/café/, müller.example); "" stays "". */
    static String forPeople(String url) {
        return url == null || url.isEmpty() ? url : io.webprobe.http.UrlSyntax.forPeople(url);
    }

    /** "Status change", "New broken link"… */
    static String name(CrawlDiff.Change c) {
        String s = io.webprobe.Words.inCell(c.label().replace('_', ' '));
        return switch (c) {
            case STATUS, REDIRECT, TITLE, CANONICAL, INDEXABLE -> s + " change";
            default -> s;
        };
    }

    /**
     * A chosen crawl's heading: named as the menus name it ({@code name}: "example.com —
     * 2026-12-07 15:02 · 1,234 URLs"; a file that is no crawl by its name), its path in the
     * tooltip.
     */
    private static Label fileLabel(String id, javafx.beans.value.ObservableValue<Path> file,
            javafx.beans.value.ObservableValue<String> label, String none) {
        Label l = new Label();
        l.setId(id);
        // a name too wide drops its first parts, whole, up to a '_' or '-' ("…18201-2026-12-07-
        // 104849.webprobe"; at 960 px the label's own cut read "....0.0.1_18201-2026-…", the
        // host's dots after its ellipsis)
        Runnable fit = () -> {
            String name = file.getValue() == null ? none
                    : label.getValue() == null || label.getValue().isEmpty()
                            ? file.getValue().getFileName().toString() : label.getValue();
            double room = l.getWidth() - l.snappedLeftInset() - l.snappedRightInset();
            String shown = room <= 0 ? name : fittingName(name,
                    s -> io.webprobe.ui.common.CellWidths.textWidth(l.getFont(), s) <= room - 1);
            if (!shown.equals(l.getText())) {
                l.setText(shown);
            }
        };
        file.addListener(o -> fit.run());
        label.addListener(o -> fit.run());
        l.widthProperty().addListener(o -> fit.run());
        fit.run();
        l.setEllipsisString("…");
        // one width for any name; a long name keeps its end (the date and time of a crawl named after host and time: an
        // ellipsis in the middle hid them, and they are what tells two crawls apart), the
        // whole path in the tooltip
        // whatever the name, so Compare stays where it was clicked before; the two share the
        // room the window leaves (a fixed 20em cut off the host even with room to spare)
        l.setStyle("-fx-min-width: 12em; -fx-pref-width: 20em;");
        l.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(l, Priority.ALWAYS);
        l.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> file.getValue() == null
                ? none : file.getValue().toAbsolutePath().toString(), file));
        l.setTooltip(tip);
        return l;
    }

    /**
     * {@code name} when it {@code fits}, else "…" and its end from the first space, '_' or '-'
     * after which it fits ("…2026-12-07-104849.webprobe", "…2026-12-08 01:26:44 · 43 URLs":
     * a crawl's date whole before its time, not "…12-08 01:26:44"), never from a separator of
     * its parts ("…— 2026…"); {@code name} when none does, for the label to cut at its start.
     */
    static String fittingName(String name, java.util.function.Predicate<String> fits) {
        if (fits.test(name)) {
            return name;
        }
        for (int i = 0; i < name.length() - 1; i++) {
            char c = name.charAt(i);
            char next = name.charAt(i + 1);
            if ((c == '_' || c == '-' || c == ' ') && next != '—' && next != '·' && next != ' '
                    && fits.test("…" + name.substring(i + 1))) {
                return "…" + name.substring(i + 1);
            }
        }
        return name;
    }

    private static <S> TableColumn<S, String> col(String title, double width,
            Function<S, String> value) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setComparator(io.webprobe.ui.common.TextOrder.comparator());
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 60));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    private static final class KindCell extends ListCell<CrawlDiff.Change> {
        private final Function<CrawlDiff.Change, String> label;

        KindCell(Function<CrawlDiff.Change, String> label) {
            this.label = label;
        }

        @Override
        protected void updateItem(CrawlDiff.Change c, boolean empty) {
            super.updateItem(c, empty);
            setText(empty ? null : label.apply(c));
        }
    }
}
