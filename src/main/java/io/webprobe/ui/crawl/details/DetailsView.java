package io.webprobe.ui.crawl.details;

import io.webprobe.crawl.RedirectChains;
import io.webprobe.store.UrlDetails;
import io.webprobe.store.UrlQuery;
import io.webprobe.ui.common.RowSelectionModel;
import io.webprobe.ui.common.UrlCells;
import io.webprobe.ui.crawl.broken.LinkTypeText;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The details pane: the shown URL and its status, and tabs Inlinks (every page linking to it,
 * with anchor text, link type and nofollow), Outlinks (every link on it with the target's
 * status), Redirect chain (each hop with its status), Response headers and Page (title,
 * description, H1, canonical, words, robots, indexable, and a search-result preview). FX
 * thread only.
 */
public final class DetailsView {
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Tab inlinksTab = new Tab();
    private final TableView<UrlDetails.Inlink> inlinks = new TableView<>();
    private final TableView<UrlDetails.Outlink> outlinks = new TableView<>();

    public DetailsView(DetailsModel model) {
        root.setId("details");
        Label heading = new Label();
        heading.setId("detailsHeading");
        heading.getStyleClass().add("details-heading");
        heading.textProperty().bind(model.headingProperty());
        heading.setPadding(new Insets(4, 8, 4, 8));
        root.setTop(heading);

        inlinks.setId("inlinksTable");
        inlinks.setItems(sorted(inlinks, model.inlinks()));
        inlinks.setPlaceholder(new Label("No page links here."));
        RowSelectionModel.install(inlinks); // many rows selected stay quick
        inlinks.getColumns().addAll(List.of(
                UrlCells.column(col("From", 420, UrlDetails.Inlink::sourceUrl),
                        UrlDetails.Inlink::sourceUrl),
                col("Anchor text", 240, UrlDetails.Inlink::anchor),
                col("Type", 110, l -> LinkTypeText.word(l.type())),
                col("Nofollow", 90, l -> l.nofollow() ? "Yes" : "")));
        inlinksTab.textProperty().bind(model.inlinksTextProperty());
        // an href that is no URL: what is wrong with it, over the pages it is written on
        Label notAUrl = new Label();
        notAUrl.setId("notAUrl");
        notAUrl.getStyleClass().add("field-error");
        notAUrl.setWrapText(true);
        // its lines whole: the table under it gives way (at 960 px it read "…it is broke…")
        notAUrl.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        notAUrl.setPadding(new Insets(4, 6, 4, 6));
        notAUrl.textProperty().bind(model.notAUrlProperty());
        notAUrl.visibleProperty().bind(model.notAUrlProperty().isNotEmpty());
        notAUrl.managedProperty().bind(notAUrl.visibleProperty());
        VBox inlinksBox = new VBox(notAUrl, inlinks);
        VBox.setVgrow(inlinks, Priority.ALWAYS);
        inlinksTab.setContent(inlinksBox);
        inlinksTab.setId("inlinksTab");

        outlinks.setId("outlinksTable");
        outlinks.setItems(sorted(outlinks, model.outlinks()));
        // a URL not read (blocked, a 404) has links no one knows: said, not "no links"
        Label noOutlinks = new Label(NO_LINKS);
        noOutlinks.setId("outlinksEmpty");
        noOutlinks.setWrapText(true);
        model.detailsProperty().addListener((o, was, d) -> {
            String why = d == null || d.row() == null ? "" : PageNote.notRead(d.row().result());
            noOutlinks.setText(why.isEmpty() ? NO_LINKS : why);
        });
        outlinks.setPlaceholder(noOutlinks);
        // many rows selected stay quick; a link whose target's status is read again while a
        // crawl runs stays selected
        RowSelectionModel.install(outlinks, DetailsModel.SAME_OUTLINK);
        outlinks.getColumns().addAll(List.of(
                UrlCells.column(col("To", 420, UrlDetails.Outlink::url), l -> shownPage(model)),
                outlinkStatus(statusCol(col("Status", 120, UrlDetails.Outlink::status))),
                col("Anchor text", 240, UrlDetails.Outlink::anchor),
                col("Type", 110, l -> LinkTypeText.word(l.type())),
                col("Nofollow", 90, l -> l.nofollow() ? "Yes" : "")));
        outlinks.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(UrlDetails.Outlink o, boolean empty) {
                super.updateItem(o, empty);
                getStyleClass().remove("broken");
                if (!empty && o != null && o.broken()) {
                    getStyleClass().add("broken");
                }
            }
        });
        Tab outlinksTab = new Tab();
        outlinksTab.textProperty().bind(model.outlinksTextProperty());
        outlinksTab.setContent(outlinks);
        outlinksTab.setId("outlinksTab");

        TableView<RedirectChains.Node> chain = new TableView<>();
        chain.setId("chainTable");
        chain.setItems(model.hops());
        chain.setPlaceholder(new Label("No redirect."));
        TableColumn<RedirectChains.Node, String> step = new TableColumn<>("#");
        step.setPrefWidth(40);
        step.setMinWidth(40);
        step.setSortable(false);
        step.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(
                Integer.toString(chain.getItems().indexOf(f.getValue()) + 1)));
        chain.getColumns().addAll(List.of(step,
                UrlCells.column(col("URL", 520, RedirectChains.Node::url), h -> shownPage(model)),
                col("Status", 100, RedirectChains.Node::statusText),
                UrlCells.column(col("Redirects to", 300, RedirectChains.Node::redirectTo),
                        h -> shownPage(model))));
        Label chainProblem = new Label();
        chainProblem.setId("chainProblem");
        chainProblem.getStyleClass().add("field-error");
        chainProblem.setWrapText(true);
        chainProblem.setPadding(new javafx.geometry.Insets(4, 6, 4, 6));
        chainProblem.textProperty().bind(model.chainProblemProperty());
        chainProblem.visibleProperty().bind(model.chainProblemProperty().isNotEmpty());
        chainProblem.managedProperty().bind(chainProblem.visibleProperty());
        javafx.scene.layout.VBox chainBox = new javafx.scene.layout.VBox(chainProblem, chain);
        javafx.scene.layout.VBox.setVgrow(chain, javafx.scene.layout.Priority.ALWAYS);
        Tab chainTab = new Tab("Redirect chain", chainBox);
        chainTab.setId("chainTab");

        TextArea headers = io.webprobe.ui.common.TabKey.movesFocus(new TextArea());
        headers.setId("headersText");
        headers.setEditable(false);
        headers.getStyleClass().add("monospace");
        headers.textProperty().bind(model.headersProperty());
        Tab headersTab = new Tab("Response headers", headers);
        headersTab.setId("headersTab");

        Tab pageTab = new Tab("Page", page(model));
        pageTab.setId("pageTab");

        tabs.getTabs().addAll(inlinksTab, outlinksTab, chainTab, headersTab, pageTab);
        // an href that is no URL was never requested: no links, redirects, headers or page
        for (Tab t : List.of(outlinksTab, chainTab, headersTab, pageTab)) {
            t.disableProperty().bind(model.notAUrlProperty().isNotEmpty());
        }
        model.notAUrlProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                showInlinks(); // not a tab turned off
            }
        });
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setCenter(tabs);
        // no URL shown: the heading's one sentence, not empty tabs under it ("No links on
        // this URL.", a Page tab of empty labels)
        tabs.visibleProperty().bind(model.hasUrlProperty());
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {inlinks,
            outlinks, chain, headers}) {
            c.setPrefWidth(400); // not the sum of their columns: the window decides
            c.setMinWidth(0);
        }
        // their few columns share the table's width instead of running past its edge
        for (TableView<?> t : List.of(inlinks, outlinks, chain)) {
            t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        }
    }

    /**
     * The shown URL when it is a page of the crawled site (not external), else null: the
     * page its outlinks are on and its redirect chain starts at, whose site's URLs are cut by
     * their path's end (UrlCells).
     */
    private static String shownPage(DetailsModel model) {
        UrlDetails.Details d = model.detailsProperty().get();
        var r = d == null || d.row() == null ? null : d.row().result();
        return r == null || r.external() ? null : r.url();
    }

    /**
     * The model's rows in the order the table is sorted by: the model's list stays in its
     * own order (a table sorts a plain list in place), so rows read again while a crawl runs
     * change in place, and rows added take their place in the user's sort.
     */
    private static <S> javafx.collections.transformation.SortedList<S> sorted(TableView<S> t,
            javafx.collections.ObservableList<S> rows) {
        var sorted = new javafx.collections.transformation.SortedList<>(rows);
        sorted.comparatorProperty().bind(t.comparatorProperty());
        return sorted;
    }

    public Node root() {
        return root;
    }

    public TableView<UrlDetails.Inlink> inlinksTable() {
        return inlinks;
    }

    public TableView<UrlDetails.Outlink> outlinksTable() {
        return outlinks;
    }

    /** Brings the Inlinks tab forward. */
    public void showInlinks() {
        tabs.getSelectionModel().select(inlinksTab);
    }

    public void setInlinksMenu(ContextMenu m) {
        inlinks.setContextMenu(m);
    }

    public void setOutlinksMenu(ContextMenu m) {
        outlinks.setContextMenu(m);
    }

    /** The Outlinks tab of a page read, with no links. */
    static final String NO_LINKS = "No links on this URL.";

    /** The Page tab's fields read from an HTML page: the first six, Title to Meta robots. */
    private static final int PAGE_FIELDS = 6;

    /**
     * What those fields say when the page has none (they were blank, beside an overview that
     * counted the page under "Missing H1"): a title, description or H1 is missing, a canonical
     * or robots directive is only not set ("none" is a robots directive of its own).
     */
    static final String[] ABSENT = {"Missing", "Missing", "Missing", "Not set", "", "Not set"};

    private static Node page(DetailsModel model) {
        Label note = new Label();
        note.setId("pageNote");
        note.setWrapText(true);
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        GridPane grid = new GridPane();
        grid.setId("pageGrid");
        grid.setHgap(10);
        // the rows' gaps are their margins: a row hidden (no page read) leaves none
        grid.setVgap(0);
        String[] names = {"Title", "Meta description", "H1", "Canonical", "Words", "Meta robots",
            "Indexable", "Type", "Size"};
        Label[] values = new Label[names.length];
        Label[] nameLabels = new Label[names.length];
        for (int i = 0; i < names.length; i++) {
            Label name = new Label(names[i]);
            nameLabels[i] = name;
            name.getStyleClass().add("section-title");
            // the names keep their words; a long value wraps beside them (they were "…")
            name.setMinWidth(Region.USE_PREF_SIZE);
            values[i] = new Label();
            values[i].setId("page-" + names[i].toLowerCase(Locale.ROOT).replace(' ', '-'));
            values[i].setWrapText(true);
            values[i].setMinWidth(0); // wraps, even a long URL (broken where it must)
            grid.add(name, 0, i);
            grid.add(values[i], 1, i);
            GridPane.setMargin(name, new Insets(0, 0, 4, 0));
            GridPane.setMargin(values[i], new Insets(0, 0, 4, 0));
            GridPane.setHgrow(values[i], Priority.ALWAYS);
        }
        model.detailsProperty().addListener((o, was, d) -> {
            UrlQuery.Row r = d == null ? null : d.row();
            var c = r == null ? null : r.result();
            String[] v = c == null ? new String[names.length] : new String[] {c.title(),
                c.page().metaDescription(), c.page().h1(), c.page().canonical(),
                String.format(Locale.ROOT, "%,d", c.page().wordCount()), c.page().robotsText(),
                Indexability.of(c), c.contentType(),
                c.sizeKnown() ? String.format(Locale.ROOT, "%,d bytes", c.sizeBytes()) : ""};
            // no page read (a stylesheet, a blocked URL): said, not six empty fields
            String why = c == null ? "" : PageNote.of(c);
            for (int i = 0; i < names.length; i++) {
                String text = v[i] == null ? "" : v[i];
                // a page read without one: said, as the overview's "Missing H1" says it
                boolean absent = text.isEmpty() && c != null && why.isEmpty()
                        && i < ABSENT.length && !ABSENT[i].isEmpty();
                values[i].setText(absent ? ABSENT[i] : text);
                values[i].getStyleClass().remove("absent");
                if (absent) {
                    values[i].getStyleClass().add("absent");
                }
            }
            note.setText(why);
            for (int i = 0; i < PAGE_FIELDS; i++) {
                for (Label l : new Label[] {nameLabels[i], values[i]}) {
                    l.setVisible(why.isEmpty());
                    l.setManaged(why.isEmpty());
                }
            }
        });

        Label sTitle = new Label();
        sTitle.setId("snippetTitle");
        sTitle.getStyleClass().add("snippet-title");
        Label sUrl = new Label();
        sUrl.getStyleClass().add("snippet-url");
        Label sDesc = new Label();
        sDesc.setId("snippetDescription");
        sDesc.getStyleClass().add("snippet-description");
        sDesc.setWrapText(true);
        sDesc.setMaxWidth(600);
        model.snippetProperty().addListener((o, was, sn) -> {
            sTitle.setText(sn == null ? "" : sn.title());
            sUrl.setText(sn == null ? "" : sn.url());
            sDesc.setText(sn == null ? "" : sn.description().isEmpty()
                    ? "(no meta description: a search engine picks text from the page)"
                    : sn.description());
        });
        Label previewTitle = new Label("Search result preview");
        previewTitle.getStyleClass().add("section-title");
        VBox snippet = new VBox(2, sUrl, sTitle, sDesc);
        snippet.getStyleClass().add("snippet");
        // a search engine shows no page where there is none
        previewTitle.visibleProperty().bind(note.visibleProperty().not());
        previewTitle.managedProperty().bind(previewTitle.visibleProperty());
        snippet.visibleProperty().bind(note.visibleProperty().not());
        snippet.managedProperty().bind(snippet.visibleProperty());
        VBox box = new VBox(10, note, grid, previewTitle, snippet);
        box.setPadding(new Insets(8));
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /**
     * The Outlinks' Status as the Broken links tab's reads: the words of an href that is no
     * URL ("Bad email address", "Malformed URL"), in a word where the column has no room ("Bad
     * email", "Refused": at 960 px it read "Bad ema…"), whole in the tooltip.
     */
    private static TableColumn<UrlDetails.Outlink, String> outlinkStatus(
            TableColumn<UrlDetails.Outlink, String> c) {
        c.setCellFactory(x -> new javafx.scene.control.TableCell<>() {
            private final io.webprobe.ui.common.ShortForm word =
                    new io.webprobe.ui.common.ShortForm(this);
            private final io.webprobe.ui.common.LazyTip tip = io.webprobe.ui.common.LazyTip.plain();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean none = empty || item == null;
                word.show(none ? null : item, none ? null
                        : io.webprobe.ui.crawl.broken.BrokenLinkText.statusWord(item));
                setTooltip(none || item.isEmpty() ? null : tip.saying(item));
            }
        });
        return c;
    }

    /**
     * A status column sorted as the Broken links view sorts its own: by the code as a number
     * ("404" before "1000"), the answers without one ("Connection refused") after every code.
     */
    private static <S> TableColumn<S, String> statusCol(TableColumn<S, String> c) {
        c.setComparator(io.webprobe.ui.crawl.broken.BrokenLinkText.statusTextOrder(
                io.webprobe.ui.common.TextOrder.comparator()));
        return c;
    }

    static <S> TableColumn<S, String> col(String title, double width, Function<S, String> value) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setComparator(io.webprobe.ui.common.TextOrder.comparator());
        c.setPrefWidth(width);
        // a short column keeps its header whole (sorted too: "Nofol..." at 960 px); the wide
        // ones (URLs, anchor texts) give the room
        c.setMinWidth(Math.min(width, 100));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }
}
