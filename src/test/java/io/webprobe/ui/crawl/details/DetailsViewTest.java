package io.webprobe.ui.crawl.details;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import io.webprobe.testsupport.FxStages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The bug: with no URL selected the details pane showed "Select a URL to see its details."
 * above an Outlinks tab saying "No links on this URL." or a Page tab of empty labels. Only the
 * sentence shows now.
 */
@ExtendWith(ApplicationExtension.class)
class DetailsViewTest {
    private DetailsView view;
    private DetailsModel model;

    @Start
    void start(Stage stage) {
        model = new DetailsModel();
        view = new DetailsView(model);
        FxStages.show(stage, new Scene((javafx.scene.Parent) view.root(), 700, 300));
    }

    @Test
    void withNoUrlSelectedOnlyTheSentenceShows() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        boolean[] seen = WaitForAsyncUtils.asyncFx(() -> new boolean[] {
            view.root().lookup(".tab-pane") instanceof TabPane t && t.isVisible(),
            view.root().lookup("#detailsHeading") instanceof Label l && l.isVisible()
                    && l.getText().equals("Select a URL to see its details.")})
                .get(10, TimeUnit.SECONDS);
        assertThat(seen[0]).as("the tabs").isFalse();
        assertThat(seen[1]).as("the sentence").isTrue();
    }

    /**
     * An href that is no URL has no links, redirects, headers or page: the pane shows it, why,
     * and the pages holding it on the Inlinks tab, brought forward from the tab open before,
     * the others off; a file holding no reason for it still says what it is.
     */
    @Test
    void anHrefThatIsNoUrlShowsItsReasonAndItsPagesWithTheOtherTabsOff() throws Exception {
        var b = new io.webprobe.crawl.BrokenLink("http://127.0.0.1/", "mailto:x.test", 0,
                io.webprobe.http.ErrorKind.INVALID_URL, "Malformed email address: no @ in x.test",
                "Write", "a", "", "");
        var pages = new io.webprobe.store.UrlDetails.HrefPages(java.util.List.of(
                new io.webprobe.store.UrlDetails.Inlink(1, "http://127.0.0.1/", "Write", "a",
                        false)), 1);
        String[] seen = WaitForAsyncUtils.asyncFx(() -> {
            TabPane tabs = (TabPane) view.root().lookup(".tab-pane");
            tabs.getSelectionModel().select(1); // Outlinks
            model.applyNotAUrl(b, pages);
            Label note = (Label) view.root().lookup("#notAUrl");
            return new String[] {((Label) view.root().lookup("#detailsHeading")).getText(),
                note.getText(), Boolean.toString(note.isVisible()),
                tabs.getSelectionModel().getSelectedItem().getId(),
                Long.toString(tabs.getTabs().stream().filter(t -> t.isDisable()).count()),
                Integer.toString(view.inlinksTable().getItems().size()),
                Boolean.toString(tabs.isVisible())};
        }).get(10, TimeUnit.SECONDS);
        assertThat(seen).containsExactly("mailto:x.test  ·  Bad email address",
                "Malformed email address: no @ in x.test. No request is made for an href that "
                        + "is no URL: it is broken as written, on the page below.",
                "true", "inlinksTab", "4", "1", "true");

        var noReason = new io.webprobe.crawl.BrokenLink("http://127.0.0.1/", "x:y", 0,
                io.webprobe.http.ErrorKind.INVALID_URL, "", "", "a", "", "");
        String heading = WaitForAsyncUtils.asyncFx(() -> {
            model.applyNotAUrl(noReason, pages);
            return ((Label) view.root().lookup("#detailsHeading")).getText();
        }).get(10, TimeUnit.SECONDS);
        assertThat(heading).isEqualTo("x:y  ·  Not a URL");

        // a file that lost the pages: no "below" over an empty table
        String lost = WaitForAsyncUtils.asyncFx(() -> {
            model.applyNotAUrl(b, new io.webprobe.store.UrlDetails.HrefPages(
                    java.util.List.of(), 0));
            return ((Label) view.root().lookup("#notAUrl")).getText();
        }).get(10, TimeUnit.SECONDS);
        assertThat(lost).isEqualTo("Malformed email address: no @ in x.test. No request is made "
                + "for an href that is no URL: it is broken as written. The crawl file names no "
                + "page it is on.");

        // nothing shown: the sentence alone, no tab off
        String[] after = WaitForAsyncUtils.asyncFx(() -> {
            model.show(0);
            TabPane tabs = (TabPane) view.root().lookup(".tab-pane");
            return new String[] {((Label) view.root().lookup("#detailsHeading")).getText(),
                Long.toString(tabs.getTabs().stream().filter(t -> t.isDisable()).count())};
        }).get(10, TimeUnit.SECONDS);
        assertThat(after).containsExactly("Select a URL to see its details.", "0");
    }

    /**
     * The Outlinks tab's Status column sorted as text: "1000" before "404", "99" after "500".
     * It sorts by the code now, as the Broken links view does, the answers without a code last.
     */
    @Test
    void theOutlinksStatusColumnSortsByTheCodeAsANumber() throws Exception {
        java.util.List<String> shown = WaitForAsyncUtils.asyncFx(() -> {
            var table = view.outlinksTable();
            model.outlinks().setAll(java.util.stream.Stream.of("1000", "404 Not Found",
                    "Connection refused", "99", "500 Internal Server Error",
                    "301 Moved Permanently → 404 Not Found").map(s -> new io.webprobe.store
                            .UrlDetails.Outlink(1, "http://127.0.0.1/" + s.length(), s, false,
                                    "", "a", false)).toList());
            var col = table.getColumns().get(1);
            assertThat(col.getText()).isEqualTo("Status");
            col.setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(java.util.List.of(col));
            return table.getItems().stream().map(o -> o.status()).toList();
        }).get(10, TimeUnit.SECONDS);
        assertThat(shown).containsExactly("99", "301 Moved Permanently → 404 Not Found",
                "404 Not Found", "500 Internal Server Error", "1000", "Connection refused");
    }

    /**
     * Seen at 960 px: an outlink that is no URL read "Bad ema…" and "Malformed …" in the
     * Status column, where the Broken links tab says "Bad email". In a pane as narrow as at
     * the window's least width, each is whole or in the Broken links tab's word, never cut,
     * and whole in its tooltip.
     */
    @Test
    void anOutlinkThatIsNoUrlIsNeverCutInTheStatusColumn() throws Exception {
        java.util.List<String> statuses = java.util.List.of("Bad email address",
                "Malformed URL", "file: canonical", "Connection refused");
        java.util.Map<String, String[]> shown = WaitForAsyncUtils.asyncFx(() -> {
            TabPane tabs = (TabPane) view.root().lookup(".tab-pane");
            tabs.visibleProperty().unbind(); // shown as with a URL selected
            tabs.setVisible(true);
            var table = view.outlinksTable();
            tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(tab -> tab.getContent() == table).findFirst().orElseThrow());
            model.outlinks().setAll(statuses.stream().map(st -> new io.webprobe.store
                    .UrlDetails.Outlink(0, "x:" + st.length(), st, true, "", "a", false))
                    .toList());
            view.root().applyCss();
            ((javafx.scene.Parent) view.root()).layout();
            java.util.Map<String, String[]> out = new java.util.HashMap<>();
            for (javafx.scene.Node n : table.lookupAll(".table-cell")) {
                if (n instanceof javafx.scene.control.TableCell<?, ?> c
                        && c.getTableColumn() == table.getColumns().get(1)
                        && c.getItem() instanceof String item
                        && c.lookup(".text") instanceof javafx.scene.text.Text t) {
                    out.put(item, new String[] {t.getText(), c.getTooltip().getText()});
                }
            }
            return out;
        }).get(10, TimeUnit.SECONDS);

        assertThat(shown).containsOnlyKeys(statuses);
        shown.forEach((status, cell) -> {
            assertThat(cell[0]).as(status).doesNotContain("…")
                    .isIn(status, io.webprobe.ui.crawl.broken.BrokenLinkText.statusWord(status));
            assertThat(cell[1]).isEqualTo(status);
        });
    }

    /**
     * Seen at 960 px: the links tables' "Nofollow" header read "Nofol…" (the columns share the
     * pane's width, the last one squeezed first). Every header of the Inlinks and Outlinks
     * tables says its words whole, sorted by it, in a pane as narrow as at the window's least
     * width (~700 px); the URLs and anchor texts give the room.
     */
    @Test
    void theLinksTablesHeadersAreWholeSortedByThem() throws Exception {
        java.util.List<String> cut = new java.util.ArrayList<>();
        for (int t = 0; t < 2; t++) {
            boolean in = t == 0;
            javafx.scene.control.TableView<?> table = WaitForAsyncUtils.asyncFx(() -> {
                TabPane tabs = (TabPane) view.root().lookup(".tab-pane");
                tabs.visibleProperty().unbind(); // shown as with a URL selected
                tabs.setVisible(true);
                var shown = in ? view.inlinksTable() : view.outlinksTable();
                tabs.getSelectionModel().select(tabs.getTabs().stream()
                        // the inlinks under the note an href that is no URL shows above them
                        .filter(tab -> tab.getContent() == shown
                                || tab.getContent() == shown.getParent())
                        .findFirst().orElseThrow());
                return shown;
            }).get(10, TimeUnit.SECONDS);
            int n = WaitForAsyncUtils.asyncFx(() -> table.getColumns().size())
                    .get(10, TimeUnit.SECONDS);
            for (int i = 0; i < n; i++) {
                int at = i;
                String[] words = WaitForAsyncUtils.asyncFx(() -> {
                    var c = table.getColumns().get(at);
                    sortBy(table, at);
                    return new String[] {c.getText()};
                }).get(10, TimeUnit.SECONDS);
                WaitForAsyncUtils.waitForFxEvents();
                String shown = WaitForAsyncUtils.asyncFx(() -> {
                    for (javafx.scene.Node h : table.lookupAll(".column-header")) {
                        if (h instanceof javafx.scene.control.skin.TableColumnHeader header
                                && header.getTableColumn() == table.getColumns().get(at)
                                && header.lookup(".label") instanceof Label l) {
                            return ((javafx.scene.text.Text) l.lookup(".text")).getText();
                        }
                    }
                    return null;
                }).get(10, TimeUnit.SECONDS);
                if (!words[0].equals(shown)) {
                    cut.add((in ? "Inlinks " : "Outlinks ") + words[0] + " shown as " + shown);
                }
            }
        }
        assertThat(cut).as("headers cut, each sorted, at 700 px").isEmpty();
    }

    /**
     * A URL read again while a crawl runs: in the Outlinks table sorted by the user, the row
     * selected stays selected though its target's status changed, the sort holds with a row
     * added, and the Type column says the link's kind in words ("Hyperlink", "Image", not
     * "a", "img").
     */
    @Test
    void aUrlReadAgainKeepsTheSelectedRowAndTheSortAndSaysTypesInWords() throws Exception {
        var row = new io.webprobe.store.UrlQuery.Row(1, 1, io.webprobe.crawl.CrawlResult
                .builder("http://127.0.0.1/").status(200).contentType("text/html").build(),
                null, null, null);
        var chain = new io.webprobe.crawl.RedirectChains.Chain(java.util.List.of(),
                io.webprobe.crawl.RedirectChains.End.ARRIVED, null);
        java.util.function.Function<java.util.List<io.webprobe.store.UrlDetails.Outlink>,
                io.webprobe.store.UrlDetails.Details> details = out -> new io.webprobe.store
                        .UrlDetails.Details(row, java.util.List.of(), 0, out, out.size(), chain,
                                "");
        var c = link(3, "/c", "not fetched", "a");
        var a = link(2, "/a", "200", "img");
        var before = java.util.List.of(c, a);
        var after = java.util.List.of(link(3, "/c", "404", "a"), a, link(4, "/b", "200",
                "a nofollow"));
        String[] seen = WaitForAsyncUtils.asyncFx(() -> {
            var table = view.outlinksTable();
            model.apply(details.apply(before));
            sortBy(table, 0); // To, A to Z: /a, /c
            table.getSelectionModel().select(1); // /c
            model.applyAgain(details.apply(after)); // /c is a 404 now; /b is new
            var chosen = table.getSelectionModel().getSelectedItem();
            return new String[] {String.join(",", table.getItems().stream()
                    .map(o -> o.url().substring(16) + " " + o.status()).toList()),
                chosen == null ? "none" : chosen.url().substring(16) + " " + chosen.status(),
                Integer.toString(table.getSelectionModel().getSelectedIndex()),
                String.join(",", table.getItems().stream().map(o ->
                        (String) table.getColumns().get(3).getCellData(o)).toList())};
        }).get(10, TimeUnit.SECONDS);
        assertThat(seen).containsExactly("/a 200,/b 200,/c 404", "/c 404", "2",
                "Image,Hyperlink,Hyperlink");
    }

    private static io.webprobe.store.UrlDetails.Outlink link(long id, String path,
            String status, String type) {
        return new io.webprobe.store.UrlDetails.Outlink(id, "http://127.0.0.1" + path, status,
                status.startsWith("4"), "", type, type.endsWith("nofollow"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void sortBy(javafx.scene.control.TableView table, int column) {
        table.getSortOrder().setAll(java.util.List.of(table.getColumns().get(column)));
    }
}
