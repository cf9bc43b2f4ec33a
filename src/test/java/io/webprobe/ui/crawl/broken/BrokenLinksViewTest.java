package io.webprobe.ui.crawl.broken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.store.CrawlStore;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.RefusedPort;
import io.webprobe.ui.crawl.session.ReaderLane;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Scene;
import javafx.stage.Stage;
import io.webprobe.testsupport.FxStages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Broken links table keeps the user's selection across a refresh of its list (a running
 * crawl reads it again every half second or so): the same links are selected wherever they
 * now are, the lead row stays on the link last chosen, and links gone from the list drop out.
 */
@ExtendWith(ApplicationExtension.class)
class BrokenLinksViewTest {
    private BrokenLinksModel model;
    private BrokenLinksView view;
    private final LocalHttpServer server = new LocalHttpServer();
    private CrawlStore store;
    private ReaderLane lane;

    @AfterEach
    void tearDown() throws Exception {
        if (lane != null) {
            ReaderLane l = lane;
            fx(() -> {
                model.attach(null);
                return null;
            });
            l.close();
        }
        if (store != null) {
            store.close();
        }
        server.close();
    }

    @Start
    void start(Stage stage) {
        model = new BrokenLinksModel(System::nanoTime);
        view = new BrokenLinksView(model);
        FxStages.show(stage, new Scene((javafx.scene.Parent) view.root(), 800, 600));
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    private static BrokenLink link(int i) {
        return new BrokenLink("http://127.0.0.1/page" + i, "http://127.0.0.1/gone" + i, 404,
                null, "", "link " + i, "a", "http://127.0.0.1/gone" + i, "");
    }

    private static List<BrokenLink> links(int from, int to) {
        List<BrokenLink> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(link(i));
        }
        return out;
    }

    private List<BrokenLink> selected() throws Exception {
        return fx(() -> List.copyOf(view.table().getSelectionModel().getSelectedItems()));
    }

    /** A crawl with 30 broken links (/gone0 to /gone29, "link 0" to "link 29"), on a lane. */
    private ReaderLane crawled(Path dir) throws Exception {
        StringBuilder page = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            page.append("<a href=/gone").append(i).append(">link ").append(i).append("</a>");
        }
        return crawled(dir, page.toString(), 30);
    }

    /** A crawl of {@code page} (at /, its routes set) with {@code broken} broken links. */
    private ReaderLane crawled(Path dir, String page, int broken) throws Exception {
        server.route("/", LocalHttpServer.html(page));
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "Webprobe/test");
        store = CrawlStore.create(dir.resolve("c.webprobe"), plan);
        try (CrawlJob job = CrawlJob.builder(plan, new JdkHttpProbe("Webprobe/test",
                Duration.ofSeconds(5)), store.sink()).build()) {
            job.start();
            job.completion().get(30, TimeUnit.SECONDS);
        }
        store.sink().flush().get(10, TimeUnit.SECONDS);
        lane = new ReaderLane(store, "test-stats-", javafx.application.Platform::runLater);
        fx(() -> {
            model.activeProperty().set(true);
            model.attach(lane);
            return null;
        });
        awaitRead();
        assertThat(fx(() -> model.links().size())).isEqualTo(broken);
        return lane;
    }

    private void awaitRead() {
        await().atMost(Duration.ofSeconds(20)).until(() -> fx(() ->
                !model.readingProperty().get()));
    }

    private String countText() throws Exception {
        return fx(() -> ((javafx.scene.control.Label) view.root().lookup("#brokenCount"))
                .getText());
    }

    /**
     * The tab's search keeps the links whose URL, page, status or anchor holds the text, and
     * runs on the crawl's stats lane: it ran on the FX thread as the user typed (a
     * FilteredList: each link's URLs decoded for people at each key, seconds on a big crawl).
     */
    @Test
    void theSearchKeepsTheMatchingLinksOffTheFxThreadAndSaysHowManyOfAll(@TempDir Path dir)
            throws Exception {
        crawled(dir);
        int whileTyping = fx(() -> {
            view.search().setText("GONE1"); // any case: gone1, gone10-19
            return view.table().getItems().size();
        });
        assertThat(whileTyping).as("searched on the FX thread as the key was typed")
                .isEqualTo(30);
        awaitRead();
        assertThat(fx(() -> List.copyOf(view.table().getItems())))
                .extracting(BrokenLink::linkUrl).containsExactlyInAnyOrderElementsOf(
                        java.util.stream.IntStream.concat(java.util.stream.IntStream.of(1),
                                java.util.stream.IntStream.range(10, 20))
                                .mapToObj(i -> server.url("/gone" + i)).toList());
        assertThat(countText()).isEqualTo("11 of 30 broken links");
        fx(() -> {
            view.search().setText("link 7");
            return null;
        });
        awaitRead();
        assertThat(fx(() -> List.copyOf(view.table().getItems())))
                .extracting(BrokenLink::linkUrl).containsExactly(server.url("/gone7"));
        fx(() -> {
            view.search().setText("404 not");
            return null;
        });
        awaitRead();
        assertThat(fx(() -> view.table().getItems().size())).isEqualTo(30);
        assertThat(countText()).isEqualTo("30 broken links");
    }

    private String emptyText() throws Exception {
        return fx(() -> ((javafx.scene.control.Label) view.table().getPlaceholder()).getText());
    }

    /**
     * The bug: the empty table said "No broken links found." with no crawl shown (File › New
     * crawl), and beside "0 of 30 broken links" when the search matched none. It says which.
     */
    @Test
    void theEmptyTableSaysWhetherNoCrawlIsShownOrTheSearchMatchesNone(@TempDir Path dir)
            throws Exception {
        assertThat(emptyText()).isEqualTo(BrokenLinksModel.NO_CRAWL);
        crawled(dir);
        fx(() -> {
            view.search().setText("nowhere");
            return null;
        });
        awaitRead();
        assertThat(fx(() -> view.table().getItems().size())).isZero();
        assertThat(countText()).isEqualTo("0 of 30 broken links");
        assertThat(emptyText()).isEqualTo("No broken link matches “nowhere”.");
        fx(() -> {
            model.attach(null);
            return null;
        });
        assertThat(emptyText()).isEqualTo(BrokenLinksModel.NO_CRAWL);
    }

    @Test
    void aCrawlWithoutBrokenLinksSaysNoneWereFound(@TempDir Path dir) throws Exception {
        crawled(dir, "<a href=/>home</a>", 0);
        assertThat(emptyText()).isEqualTo("No broken links found.");
    }

    /**
     * The Ends at column names where a link's redirects end, and is empty for a link without
     * one: it repeated the Link URL on every row. The CSV's final_url (read from the store, not
     * the table) still names it on each.
     */
    @Test
    void endsAtIsEmptyWithoutARedirect(@TempDir Path dir) throws Exception {
        server.route("/old", LocalHttpServer.redirect(301, "/moved"));
        crawled(dir, "<a href=/gone>gone</a><a href=/old>old</a>", 2);
        java.util.Map<String, String> endsAt = fx(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.TableColumn<BrokenLink, String> col =
                    (javafx.scene.control.TableColumn<BrokenLink, String>)
                            view.table().getColumns().get(5);
            assertThat(col.getText()).isEqualTo("Ends at");
            java.util.Map<String, String> out = new java.util.HashMap<>();
            for (int i = 0; i < view.table().getItems().size(); i++) {
                out.put(view.table().getItems().get(i).linkUrl(), col.getCellData(i));
            }
            return out;
        });
        assertThat(endsAt).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                server.url("/gone"), "", server.url("/old"), server.url("/moved")));
        io.webprobe.export.Column<BrokenLink> finalUrl = io.webprobe.export.CrawlCsv
                .BROKEN_LINKS.stream().filter(c -> c.header().equals("final_url"))
                .findFirst().orElseThrow();
        List<String> csv = new ArrayList<>();
        try (var reader = store.reader()) {
            reader.forEachBrokenLink(l -> csv.add(l.linkUrl() + " " + finalUrl.cell(l)));
        }
        assertThat(csv).containsExactlyInAnyOrder(
                server.url("/gone") + " " + server.url("/gone"),
                server.url("/old") + " " + server.url("/moved"));
    }

    /**
     * A URL too wide for its column: one of the crawled site shows the end of its path, as the
     * URL table's do (the Source page read "http://127.0.0.1:1899…ection-0/page-0.html", alike
     * on every row); another site's keeps its host, cut in the middle. The tooltip and the
     * cell's data (copied, exported) stay the whole URL.
     */
    @Test
    void aCutUrlOfTheSiteShowsItsPathsEndAnotherSitesKeepsItsHost(@TempDir Path dir)
            throws Exception {
        try (RefusedPort refused = RefusedPort.onLoopback()) {
            String other = "http://127.0.0.1:" + refused.port() + "/section-9/chapter-9/x.html";
            crawled(dir, "<a href=/section-1/chapter-1/gone.html>a</a><a href=" + other
                    + ">b</a>", 2);
            WaitForAsyncUtils.waitForFxEvents();
            java.util.Map<String, List<Object>> drawn = fx(() -> view.table()
                    .lookupAll(".table-cell").stream()
                    .map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                    .filter(c -> c.getTableColumn() != null && !c.isEmpty()
                            && "Link URL".equals(c.getTableColumn().getText()))
                    .collect(java.util.stream.Collectors.toMap(c -> (String) c.getItem(),
                            c -> List.of(c.getText(), c.getTextOverrun(),
                                    c.getTooltip().getText()))));
            String own = server.url("/section-1/chapter-1/gone.html");
            assertThat(drawn).containsOnlyKeys(own, other);
            assertThat(drawn.get(own).get(0)).as("the site's, by its path's end")
                    .isIn("…/chapter-1/gone.html", "…/gone.html");
            assertThat(drawn.get(other)).as("another site's, whole for the cell to cut "
                    + "in the middle").containsExactly(other,
                            javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS, other);
            assertThat(drawn.get(own).get(2)).isEqualTo(own);
        }
    }

    /**
     * The bug: at the least window (960 px) the columns, shrunk to fit the table, cut the
     * header "Anchor text" to "Ancho…". Each header reads whole, the columns still fit.
     */
    @Test
    void atTheLeastWindowEachHeaderReadsWhole() throws Exception {
        fx(() -> {
            // the table at 960 px (733 px) less the rows' scroll bar, and some room: "Anchor
            // text" read "Ancho…" there under Openbox
            view.table().getScene().getWindow().setWidth(700);
            view.table().applyCss();
            view.table().layout();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        java.util.Map<String, String> shown = fx(() -> {
            java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
            for (javafx.scene.Node n : view.table().lookupAll(".column-header .label")) {
                if (n instanceof javafx.scene.control.Label l
                        && l.lookup(".text") instanceof javafx.scene.text.Text t) {
                    out.put(l.getText(), t.getText());
                }
            }
            return out;
        });
        assertThat(shown).containsKeys("Link URL", "Status / error", "Source page",
                "Anchor text", "Type", "Ends at");
        shown.forEach((title, text) -> assertThat(text).as("%s", shown).isEqualTo(title));
        double sum = fx(() -> view.table().getVisibleLeafColumns().stream()
                .mapToDouble(javafx.scene.control.TableColumn::getWidth).sum());
        assertThat(sum).isLessThanOrEqualTo(fx(() -> view.table().getWidth()));
    }

    /**
     * The bug: at the least window (960 px) a refused link's status read "Connection ref…".
     * A failure too wide for the Status column says its word, as the URL table's Status does
     * ("Refused"), whole; the tooltip says it whole.
     */
    @Test
    void atTheLeastWindowAFailureReadsInAWord(@TempDir Path dir) throws Exception {
        try (RefusedPort refused = RefusedPort.onLoopback()) {
            crawled(dir, "<a href=" + refused.url("/x") + ">x</a><a href=/gone>g</a>"
                    + "<a href=mailto:info.example.com>m</a>", 3);
        }
        fx(() -> {
            // as atTheLeastWindowEachHeaderReadsWhole: the table at 960 px, and some room
            view.table().getScene().getWindow().setWidth(700);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents(); // the cells fitted to their width
        java.util.Map<String, List<String>> status = fx(() -> view.table()
                .lookupAll(".table-cell").stream()
                .map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() != null && !c.isEmpty()
                        && "Status / error".equals(c.getTableColumn().getText()))
                .collect(java.util.stream.Collectors.toMap(c -> (String) c.getItem(),
                        c -> List.of(c.getText(), c.lookup(".text")
                                instanceof javafx.scene.text.Text t ? t.getText() : "",
                                c.getTooltip().getText()))));
        assertThat(status).containsOnlyKeys("Connection refused", "404 Not Found",
                "Bad email address");
        assertThat(fx(() -> view.table().getColumns().get(1).getWidth()))
                .as("narrower than \"Connection refused\"").isLessThan(
                        fx(() -> io.webprobe.ui.common.CellWidths.textWidth(
                                javafx.scene.text.Font.getDefault(), "Connection refused")));
        assertThat(status.get("Connection refused")).as("its word, shown whole")
                .startsWith("Refused", "Refused");
        assertThat(status.get("Connection refused").get(2)).contains("Connection refused");
        assertThat(status.get("404 Not Found").get(0)).isEqualTo("404 Not Found");
        // an href that is no URL: its few words, shorter still ("Bad email add…" at 960 px)
        assertThat(fx(() -> view.table().getColumns().get(1).getWidth()))
                .as("narrower than \"Bad email address\"").isLessThan(
                        fx(() -> io.webprobe.ui.common.CellWidths.textWidth(
                                javafx.scene.text.Font.getDefault(), "Bad email address")));
        assertThat(status.get("Bad email address")).as("in two words, whole")
                .startsWith("Bad email", "Bad email");
        assertThat(status.get("Bad email address").get(2)).contains("no @ in info.example.com");
    }

    /**
     * The bug: at the least window (960 px) every link's type read "Hype…" ("Cano…" for a
     * canonical), the Type column shrunk with the others, beside an Ends at column empty on
     * most rows. The types of the links pages hold read whole there.
     */
    @Test
    void atTheLeastWindowALinksTypeReadsWhole(@TempDir Path dir) throws Exception {
        crawled(dir, "<link rel=canonical href=/gone-canonical><script src=/gone.js></script>"
                + "<a href=/gone>a</a><img src=/gone.png>", 4);
        fx(() -> {
            // as atTheLeastWindowEachHeaderReadsWhole: the table at 960 px, and some room
            view.table().getScene().getWindow().setWidth(700);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents(); // the cells laid out at their width
        java.util.Map<String, String> type = fx(() -> view.table()
                .lookupAll(".table-cell").stream()
                .map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() != null && !c.isEmpty()
                        && "Type".equals(c.getTableColumn().getText()))
                .collect(java.util.stream.Collectors.toMap(c -> (String) c.getItem(),
                        c -> c.lookup(".text") instanceof javafx.scene.text.Text t
                                ? t.getText() : "")));
        assertThat(type).containsOnlyKeys("Hyperlink", "Image", "JavaScript", "Canonical");
        type.forEach((word, shown) -> assertThat(shown).as("%s", type).isEqualTo(word));
        double sum = fx(() -> view.table().getVisibleLeafColumns().stream()
                .mapToDouble(javafx.scene.control.TableColumn::getWidth).sum());
        assertThat(sum).as("the columns still fit").isLessThanOrEqualTo(
                fx(() -> view.table().getWidth()));
    }

    /**
     * The Status column sorts by the code as a number: as text, "1000" came before "404" and
     * "99" after "500".
     */
    @Test
    void theStatusColumnSortsByTheCodeAsANumber(@TempDir Path dir) throws Exception {
        crawled(dir);
        List<BrokenLink> mixed = List.of(status(1000), status(404), refused(), status(99),
                status(500));
        fx(() -> {
            model.apply(mixed);
            @SuppressWarnings("unchecked")
            javafx.scene.control.TableColumn<BrokenLink, ?> col =
                    view.table().getColumns().get(1);
            assertThat(col.getText()).startsWith("Status");
            col.setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING);
            view.table().getSortOrder().setAll(List.of(col));
            return null;
        });
        awaitRead();
        assertThat(fx(() -> List.copyOf(view.table().getItems())))
                .extracting(b -> b.status() > 0 ? Integer.toString(b.status()) : "refused")
                .containsExactly("99", "404", "500", "1000", "refused");
        fx(() -> {
            view.table().getSortOrder().get(0).setSortType(
                    javafx.scene.control.TableColumn.SortType.DESCENDING);
            return null;
        });
        awaitRead();
        assertThat(fx(() -> List.copyOf(view.table().getItems())))
                .extracting(b -> b.status() > 0 ? Integer.toString(b.status()) : "refused")
                .containsExactly("refused", "1000", "500", "404", "99");
    }

    private static BrokenLink status(int code) {
        return new BrokenLink("http://127.0.0.1/page", "http://127.0.0.1/s" + code, code, null,
                "", "s", "a", "http://127.0.0.1/s" + code, "");
    }

    private static BrokenLink refused() {
        return new BrokenLink("http://127.0.0.1/page", "http://127.0.0.1:1/", 0,
                io.webprobe.http.ErrorKind.REFUSED, "", "r", "a", "http://127.0.0.1:1/", "");
    }

    @Test
    void aRefreshSelectsTheSameLinksAgainWhereverTheyNowAre() throws Exception {
        fx(() -> {
            model.apply(links(0, 10));
            var s = view.table().getSelectionModel();
            s.select(2);
            s.select(7);
            s.select(5); // the link chosen last
            return null;
        });
        assertThat(view.chosenProperty().get()).isEqualTo(link(5));

        // a fresh read: two links before them, the list reversed, link 7 fixed meanwhile
        List<BrokenLink> fresh = new ArrayList<>(links(0, 10));
        fresh.remove(link(7));
        java.util.Collections.reverse(fresh);
        fresh.addAll(0, links(10, 12));
        fx(() -> {
            model.apply(fresh);
            return null;
        });

        assertThat(selected()).containsExactlyInAnyOrder(link(2), link(5));
        assertThat(fx(() -> view.table().getSelectionModel().getSelectedItem()))
                .isEqualTo(link(5));
        int focused = fx(() -> view.table().getFocusModel().getFocusedIndex());
        assertThat(fx(() -> view.table().getItems().get(focused))).isEqualTo(link(5));
        assertThat(view.chosenProperty().get()).isEqualTo(link(5));
    }

    @Test
    void aSelectAllOfManyLinksIsSelectedAgainAfterARefresh() throws Exception {
        int n = 20_000;
        fx(() -> {
            model.apply(links(0, n));
            view.table().getSelectionModel().selectAll(); // Ctrl+A
            view.table().getSelectionModel().select(n / 2);
            return null;
        });
        assertThat(selected()).hasSize(n);

        List<BrokenLink> fresh = new ArrayList<>(links(0, n + 5)); // five new ones
        java.util.Collections.reverse(fresh);
        fx(() -> {
            model.apply(fresh);
            return null;
        });

        List<BrokenLink> now = selected();
        assertThat(now).hasSize(n).doesNotContain(link(n), link(n + 4));
        assertThat(new java.util.HashSet<>(now)).isEqualTo(new java.util.HashSet<>(links(0, n)));
        assertThat(fx(() -> view.table().getSelectionModel().getSelectedItem()))
                .isEqualTo(link(n / 2));
    }

    @Test
    void nothingSelectedStaysNothingSelected() throws Exception {
        fx(() -> {
            model.apply(links(0, 5));
            model.apply(links(0, 6));
            return null;
        });
        assertThat(selected()).isEmpty();
        assertThat(view.chosenProperty().get()).isNull();
    }

    /** A value that counts how often it is compared or hashed. */
    private record Counted(int value, AtomicLong calls) {
        @Override
        public boolean equals(Object o) {
            calls.incrementAndGet();
            return o instanceof Counted c && c.value == value;
        }

        @Override
        public int hashCode() {
            calls.incrementAndGet();
            return Integer.hashCode(value);
        }
    }

    @Test
    void findingTheRowsOfTheSelectedLinksLooksAtEachRowAndEachLinkAFewTimesOnly() {
        AtomicLong calls = new AtomicLong();
        int n = 10_000;
        List<Counted> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Counted(i, calls));
        }
        List<Counted> wanted = new ArrayList<>(rows.reversed().subList(0, n / 2));
        wanted.add(new Counted(-1, calls)); // no longer listed
        calls.set(0);

        int[] found = BrokenLinksView.rowsOf(rows, wanted);

        // every second half row, in row order; the missing one is left out
        assertThat(found).hasSize(n / 2);
        assertThat(found[0]).isEqualTo(n / 2);
        assertThat(found[found.length - 1]).isEqualTo(n - 1);
        // one search of the rows per link would be about n × n / 4 = 25,000,000 comparisons
        assertThat(calls.get()).isLessThan(4L * (n + wanted.size()));
    }
}
