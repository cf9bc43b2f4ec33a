package io.webprobe.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.testsupport.FakeDialogs;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import io.webprobe.testsupport.FxStages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The bug: the Compare button moved sideways with the length of the chosen files' names, so a
 * click aimed where it was missed it.
 */
@ExtendWith(ApplicationExtension.class)
class CompareViewTest {
    private CompareModel model;
    private CompareView view;

    @Start
    void start(Stage stage) {
        model = new CompareModel(Runnable::run, Runnable::run, new FakeDialogs());
        view = new CompareView(model, () -> Path.of("."));
        // the shared stage keeps the size an earlier test gave it
        FxStages.show(stage, new Scene((Parent) view.root(), 1300, 600));
    }

    private double compareButtonX(Path older, Path newer) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            model.oldFileProperty().set(older);
            model.newFileProperty().set(newer);
            view.root().applyCss();
            ((Parent) view.root()).layout();
            Button run = (Button) view.root().lookup("#compareRun");
            return run.localToScene(0, 0).getX();
        }).get(10, TimeUnit.SECONDS);
    }

    /** Compares two crawl files as the tab does, to its end. */
    private void compare(Path before, Path after) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            model.oldFileProperty().set(before);
            model.newFileProperty().set(after);
            return model.compare(); // runs on this thread here (Runnable::run)
        }).get(10, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
    }

    /** What {@code read} finds in the tab once it is laid out, read on the FX thread. */
    private <T> T laidOut(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            view.root().applyCss();
            ((Parent) view.root()).layout();
            return read.call();
        }).get(10, TimeUnit.SECONDS);
    }

    private javafx.scene.control.Label label(String id) {
        return (javafx.scene.control.Label) view.root().lookup(id);
    }

    @Test
    void theCompareButtonStaysWhereItIsWhateverTheFilesAreCalled() throws Exception {
        double shortNames = compareButtonX(Path.of("a.webprobe"), Path.of("b.webprobe"));
        double longNames = compareButtonX(
                Path.of("127.0.0.1_18801-2026-12-06-022356-and-a-much-longer-name.webprobe"),
                Path.of("127.0.0.1_18801-2026-12-06-031122.webprobe"));

        assertThat(longNames).isEqualTo(shortNames);
    }

    /**
     * The bug: before anything was compared the kinds read "Every change (0)", "Added (0)", as
     * if two crawls had been found the same.
     */
    @Test
    void theKindsHaveNoCountsBeforeACompare() throws Exception {
        String shown = WaitForAsyncUtils.asyncFx(() -> {
            view.root().applyCss();
            ((Parent) view.root()).layout();
            return ((javafx.scene.control.ComboBox<?>) view.root().lookup("#compareKind"))
                    .getButtonCell().getText();
        }).get(10, TimeUnit.SECONDS);

        assertThat(shown).isEqualTo("Every change");
    }

    /**
     * The want: the crawls the app knows are picked from each chooser's menu, newest first,
     * the file dialog still there as "Other file…".
     */
    @Test
    void eachChooserListsTheKnownCrawlsNewestFirst() throws Exception {
        java.time.Instant early = java.time.Instant.parse("2026-12-06T10:00:00Z");
        Path a = Path.of("a.webprobe");
        Path b = Path.of("b.webprobe");
        java.util.List<String> items = WaitForAsyncUtils.asyncFx(() -> {
            model.knowCrawls(javafx.collections.FXCollections.observableArrayList(a, b),
                    p -> new io.webprobe.store.CrawlStore.Glance("http://example.com/",
                            "finished", 3, p == a ? early : early.plusSeconds(3600)));
            var menu = (javafx.scene.control.SplitMenuButton) view.root()
                    .lookup("#compareChooseOld");
            menu.getItems().get(1).fire(); // the older of the two
            // the one chosen is ticked
            return menu.getItems().stream().map(i -> (i instanceof
                    javafx.scene.control.CheckMenuItem c && c.isSelected() ? "✓ " : "")
                    + i.getText()).toList();
        }).get(10, TimeUnit.SECONDS);

        assertThat(items).hasSize(4);
        // named as File › Recent crawls names them (a finished crawl's state unsaid)
        assertThat(items.get(0)).startsWith("example.com — 2026-12-0").endsWith(" · 3 URLs");
        assertThat(items.get(1)).startsWith("✓ example.com — 2026-12-0");
        assertThat(items.get(3)).isEqualTo("Other file…");
        assertThat(WaitForAsyncUtils.asyncFx(() -> model.oldFileProperty().get())
                .get(10, TimeUnit.SECONDS)).isEqualTo(a);
    }

    /**
     * Found by a new user: {@code compare} prints a sentence ("Compared a with b: 1 added, 1
     * status change, …") and the tab had none where its counts are (it was at the foot of the
     * window). The tab shows the same sentence, made by the same code, above the counts.
     */
    @Test
    void theSummarySentenceOfCompareStandsAboveTheCounts(@org.junit.jupiter.api.io.TempDir
            Path dir) throws Exception {
        try (io.webprobe.testsupport.LocalHttpServer server =
                new io.webprobe.testsupport.LocalHttpServer()) {
            io.webprobe.testsupport.WorkspaceSite site =
                    new io.webprobe.testsupport.WorkspaceSite(server);
            Path before = site.crawlInto(dir.resolve("before.webprobe"));
            server.route("/gone", io.webprobe.testsupport.LocalHttpServer.html(
                    "<title>Back</title>ok")); // fixed
            Path after = site.crawlInto(dir.resolve("after.webprobe"));
            compare(before, after);
            String expected;
            try (io.webprobe.store.CrawlStore a = io.webprobe.store.CrawlStore.open(before,
                            io.webprobe.store.CrawlStore.Access.READ_ONLY);
                    io.webprobe.store.CrawlStore b = io.webprobe.store.CrawlStore.open(after,
                            io.webprobe.store.CrawlStore.Access.READ_ONLY);
                    io.webprobe.store.CrawlReader ra = a.reader();
                    io.webprobe.store.CrawlReader rb = b.reader()) {
                CompareModel.Named named = CompareModel.named(before, after);
                expected = io.webprobe.store.CrawlDiff.compare(ra, rb, r -> { })
                        .sentence(named.olderName(), named.newerName());
            }
            double[] y = new double[2];
            String shown = WaitForAsyncUtils.asyncFx(() -> {
                view.root().applyCss();
                ((Parent) view.root()).layout();
                javafx.scene.control.Label summary =
                        (javafx.scene.control.Label) view.root().lookup("#compareSummary");
                y[0] = summary.localToScene(0, 0).getY();
                y[1] = view.root().lookup("#compareKind").localToScene(0, 0).getY();
                return summary.isVisible() ? summary.getText() : "(hidden)";
            }).get(10, TimeUnit.SECONDS);

            CompareModel.Named named = CompareModel.named(before, after);
            assertThat(expected).isEqualTo("Compared " + named.olderName() + " with "
                    + named.newerName() + ": 1 status change, 1 fixed broken link.");
            assertThat(shown).isEqualTo(expected);
            assertThat(y[0]).as("above the counts").isLessThan(y[1]);
            assertThat(WaitForAsyncUtils.asyncFx(() -> model.statusProperty().get())
                    .get(10, TimeUnit.SECONDS)).as("not said twice").doesNotContain("Compared");
        }
    }

    /**
     * The want: a crawl made before Webprobe checked mailto: and file: links, compared with one
     * made after, calls none of the site's old bad mail links new; the tab says so beside its
     * counts, in the sentence {@code compare} prints.
     */
    @Test
    void aCrawlMadeBeforeTheMailAndFileChecksIsNotedBesideTheCounts(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (io.webprobe.testsupport.LocalHttpServer server =
                new io.webprobe.testsupport.LocalHttpServer()) {
            server.route("/", io.webprobe.testsupport.LocalHttpServer.html("<title>Home</title>"
                    + "<a href=\"mailto:info.example.com\">mail</a>"
                    + "<a href=\"file:///C:/site/page.html\">page</a>"));
            io.webprobe.crawl.CrawlPlan plan = io.webprobe.crawl.CrawlPlan.builder(
                    java.net.URI.create(server.url("/")), "Webprobe/test").build();
            Path before = io.webprobe.testsupport.StoredCrawls.crawlInto(
                    dir.resolve("before.webprobe"), plan);
            assertThat(io.webprobe.testsupport.StoredCrawls.madeBeforeHrefChecks(before))
                    .isEqualTo(2);
            Path after = io.webprobe.testsupport.StoredCrawls.crawlInto(
                    dir.resolve("after.webprobe"), plan);
            compare(before, after);
            String[] shown = laidOut(() -> new String[] {label("#compareSummary").getText(),
                    label("#compareNotes").isVisible() ? label("#compareNotes").getText()
                            : "(hidden)"});

            CompareModel.Named named = CompareModel.named(before, after);
            assertThat(shown[0]).isEqualTo("Compared " + named.olderName() + " with "
                    + named.newerName() + ": no changes.");
            assertThat(shown[1]).isEqualTo(named.olderName() + " did not check mailto: and "
                    + "file: links (it was made by an earlier Webprobe), so the 2 broken ones of "
                    + named.newerName() + " are not compared: none is called new.");
        }
    }

    /**
     * The bug: a new broken mail link's reason read "malformed email address: no @ in …" in
     * the New column, where the Broken links tab's cells start with a capital. It reads as a
     * cell of the window; the value compare exports stays as the command line says it.
     */
    @Test
    void aBrokenLinksReasonStartsWithACapitalAsInTheBrokenLinksTab(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (io.webprobe.testsupport.LocalHttpServer server =
                new io.webprobe.testsupport.LocalHttpServer()) {
            server.route("/", io.webprobe.testsupport.LocalHttpServer.html("<title>Home</title>"
                    + "<a href=\"mailto:info@example.com\">mail</a>"));
            io.webprobe.crawl.CrawlPlan plan = io.webprobe.crawl.CrawlPlan.builder(
                    java.net.URI.create(server.url("/")), "Webprobe/test").build();
            Path before = io.webprobe.testsupport.StoredCrawls.crawlInto(
                    dir.resolve("before.webprobe"), plan);
            server.route("/", io.webprobe.testsupport.LocalHttpServer.html("<title>Home</title>"
                    + "<a href=\"mailto:info.example.com\">mail</a>"));
            Path after = io.webprobe.testsupport.StoredCrawls.crawlInto(
                    dir.resolve("after.webprobe"), plan);
            compare(before, after);
            java.util.List<String> cells = WaitForAsyncUtils.asyncFx(() -> {
                view.root().applyCss();
                ((Parent) view.root()).layout();
                return view.root().lookupAll(".table-cell").stream()
                        .map(n -> ((javafx.scene.control.Labeled) n).getText())
                        .filter(t -> t != null && t.contains("email")).toList();
            }).get(10, TimeUnit.SECONDS);

            assertThat(cells).containsExactly("Malformed email address: no @ in "
                    + "info.example.com");
            assertThat(model.shown()).extracting(io.webprobe.store.CrawlDiff.Row::newValue)
                    .containsExactly("malformed email address: no @ in info.example.com");
        }
    }

    /** The text a labelled node shows, after any ellipsis. */
    private static String shownText(javafx.scene.Node labelled) {
        return ((javafx.scene.text.Text) labelled.lookup(".text")).getText();
    }

    /**
     * The bug: a long crawl file name was cut in its middle, hiding the date and time that
     * tell two crawls of a site apart.
     */
    @Test
    void aLongFileNameKeepsItsDateAndTime() throws Exception {
        compareButtonX(Path.of("localhost.localdomain_18801-2026-12-06-022356.webprobe"),
                Path.of("b.webprobe"));

        String shown = WaitForAsyncUtils.asyncFx(() -> shownText(
                view.root().lookup("#compareOld"))).get(10, TimeUnit.SECONDS);

        assertThat(shown).endsWith("2026-12-06-022356.webprobe");
    }

    /**
     * Seen at 960 px: "127.0.0.1_18201-2026-12-07-104849.webprobe" read
     * "....0.0.1_18201-2026-…", the host's dots run into the ellipsis. A name too wide drops
     * its first parts whole, up to a '_' or '-'.
     */
    @Test
    void aCutFileNameDropsWholeParts() {
        String name = "127.0.0.1_18201-2026-12-07-104849.webprobe";
        assertThat(CompareView.fittingName(name, s -> true)).isEqualTo(name);
        assertThat(CompareView.fittingName(name, s -> s.length() <= 34))
                .isEqualTo("…18201-2026-12-07-104849.webprobe");
        assertThat(CompareView.fittingName(name, s -> s.length() <= 28))
                .isEqualTo("…2026-12-07-104849.webprobe");
        assertThat(CompareView.fittingName(name, s -> s.length() <= 10))
                .as("none fits: whole, for the label to cut").isEqualTo(name);
        // a heading (a crawl named as the menus name it) keeps its date whole before its time
        String heading = "127.0.0.1:18400 — 2026-12-08 01:26:44 · 43 URLs";
        assertThat(CompareView.fittingName(heading, s -> s.length() <= 31))
                .isEqualTo("…2026-12-08 01:26:44 · 43 URLs");
        assertThat(CompareView.fittingName(heading, s -> s.length() <= 40))
                .isEqualTo("…2026-12-08 01:26:44 · 43 URLs");
    }

    /**
     * The bug: the file names were cut on the left at a fixed width, so the host was lost even
     * in a wide window with room to spare. They share the room the window leaves.
     */
    @Test
    void aLongFileNameUsesTheRoomTheWindowLeaves() throws Exception {
        String name = "www.long-host-name.example.com_443-2026-12-06-022356.webprobe";
        compareButtonX(Path.of(name), Path.of("b.webprobe"));

        String shown = WaitForAsyncUtils.asyncFx(() -> shownText(
                view.root().lookup("#compareOld"))).get(10, TimeUnit.SECONDS);

        assertThat(shown).isEqualTo(name);
    }

    /**
     * The bug: at the least window (960 px) the URL and Source page cells were cut at their
     * end ("http://127.0.0.1:18700/section-9/page-…"), so twenty rows of new broken links
     * read alike and their source pages too. They are cut in the middle now, as in the Crawl
     * tab: the page's name stays.
     */
    @Test
    void atTheLeastWindowTheUrlsKeepTheirEnds() throws Exception {
        String url = "http://127.0.0.1:18700/section-9/a-longer-path/page-269.html";
        String source = "http://127.0.0.1:18700/section-17/a-longer-path/page-177.html";
        WaitForAsyncUtils.asyncFx(() -> ((Stage) view.root().getScene().getWindow())
                .setWidth(960)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        java.util.Map<String, String> shown = WaitForAsyncUtils.asyncFx(() -> {
            model.rows().setAll(new io.webprobe.store.CrawlDiff.Row(
                    io.webprobe.store.CrawlDiff.Change.NEW_BROKEN_LINK, url, null, "404",
                    source));
            view.root().applyCss();
            ((Parent) view.root()).layout();
            java.util.Map<String, String> texts = new java.util.HashMap<>();
            for (javafx.scene.Node n : view.root().lookupAll(".table-cell")) {
                if (n instanceof javafx.scene.control.TableCell<?, ?> c && c.getItem() != null
                        && c.getTableColumn() != null) {
                    texts.put(c.getTableColumn().getText(), shownText(c));
                }
            }
            return texts;
        }).get(10, TimeUnit.SECONDS);

        assertThat(shown.get("URL")).as("cut: %s", shown).isNotEqualTo(url)
                .endsWith("page-269.html");
        assertThat(shown.get("Source page")).as("cut: %s", shown).isNotEqualTo(source)
                .endsWith("page-177.html");
    }

    /**
     * The bug: at 960 px a compare of two crawls of a site showed each URL as
     * "http://127.0.0.1:182…alects/mysql.html", its host the same on every row and its folder
     * cut. The site's URLs show the end of their path, as in the Crawl tab; whole in their
     * tooltip.
     */
    @Test
    void atTheLeastWindowTheSitesUrlsShowTheEndOfTheirPath(@org.junit.jupiter.api.io.TempDir
            Path dir) throws Exception {
        String source = "/section-17/a-longer-path/page-177.html";
        String target = "/section-9/a-longer-path/page-269.html";
        try (io.webprobe.testsupport.LocalHttpServer server =
                new io.webprobe.testsupport.LocalHttpServer()) {
            io.webprobe.testsupport.WorkspaceSite site =
                    new io.webprobe.testsupport.WorkspaceSite(server);
            server.route("/c", io.webprobe.testsupport.LocalHttpServer.html(
                    "<title>C</title><a href=\"" + source + "\">s</a>"));
            server.route(source, io.webprobe.testsupport.LocalHttpServer.html(
                    "<title>S</title><a href=\"" + target + "\">t</a>"));
            server.route(target, io.webprobe.testsupport.LocalHttpServer.html("<title>T</title>"));
            Path before = site.crawlInto(dir.resolve("before.webprobe"));
            server.route(target, io.webprobe.testsupport.LocalHttpServer.status(404));
            Path after = site.crawlInto(dir.resolve("after.webprobe"));
            WaitForAsyncUtils.asyncFx(() -> ((Stage) view.root().getScene().getWindow())
                    .setWidth(960)).get(10, TimeUnit.SECONDS);
            compare(before, after);
            WaitForAsyncUtils.waitForFxEvents();
            java.util.Map<String, String> shown = new java.util.HashMap<>();
            java.util.Map<String, String> tips = new java.util.HashMap<>();
            WaitForAsyncUtils.asyncFx(() -> {
                view.root().applyCss();
                ((Parent) view.root()).layout();
                for (javafx.scene.Node n : view.root().lookupAll(".table-cell")) {
                    if (n instanceof javafx.scene.control.TableCell<?, ?> c
                            && c.getItem() instanceof String url && c.getTableColumn() != null
                            && url.startsWith("http") && c.getTooltip() != null) {
                        shown.put(url, shownText(c));
                        tips.put(url, c.getTooltip().getText());
                    }
                }
                return null;
            }).get(10, TimeUnit.SECONDS);

            assertThat(shown.get(server.url(target))).as("%s", shown).startsWith("…/")
                    .endsWith("/page-269.html");
            assertThat(shown.get(server.url(source))).as("%s", shown).startsWith("…/")
                    .endsWith("/page-177.html");
            assertThat(tips.get(server.url(target))).isEqualTo(server.url(target));
        }
    }

    /**
     * The bug: two crawls with no changes read "no changes" three times (the line above the
     * counts, the empty table, the status bar). The empty table says what was compared, the
     * missing anchors too when both crawls checked them.
     */
    @Test
    void noChangesAreSaidTwiceAndTheEmptyTableSaysWhatWasCompared(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (io.webprobe.testsupport.LocalHttpServer server =
                new io.webprobe.testsupport.LocalHttpServer()) {
            server.route("/", io.webprobe.testsupport.LocalHttpServer.html("<title>Home</title>"
                    + "<a href=\"/guide.html#setup\">setup</a>"));
            server.route("/guide.html", io.webprobe.testsupport.LocalHttpServer.html(
                    "<title>Guide</title><h2 id=\"setup\">Setup</h2>"));
            io.webprobe.crawl.CrawlPlan plan = io.webprobe.crawl.CrawlPlan.builder(
                    java.net.URI.create(server.url("/")), "Webprobe/test").build()
                    .withCheckAnchors(true);
            Path before = io.webprobe.testsupport.StoredCrawls.crawlInto(
                    dir.resolve("before.webprobe"), plan);
            Path after = io.webprobe.testsupport.StoredCrawls.crawlInto(
                    dir.resolve("after.webprobe"), plan);
            compare(before, after);
            String[] shown = laidOut(() -> {
                javafx.scene.control.Label summary = label("#compareSummary");
                javafx.scene.control.Label empty = label("#compareEmpty");
                StringBuilder bar = new StringBuilder();
                for (javafx.scene.Node t : view.root().lookup("#compareStatus")
                        .lookup(".status-label").lookupAll(".text")) {
                    bar.append(((javafx.scene.text.Text) t).getText());
                }
                return new String[] {summary.isVisible() ? summary.getText() : "(hidden)",
                        empty.getScene() != null && empty.isVisible() ? empty.getText()
                                : "(hidden)", bar.toString()};
            });

            CompareModel.Named named = CompareModel.named(before, after);
            assertThat(shown[0]).isEqualTo("Compared " + named.olderName() + " with "
                    + named.newerName() + ": no changes.");
            assertThat(shown[1]).isEqualTo("Compare looked at the URLs each crawl has, their "
                    + "status, redirect, title, canonical and indexability, and the broken links "
                    + "and missing anchors on their pages.");
            assertThat(shown[2]).isEqualTo("Finished: no changes.");
        }
    }

    /** The bug: the summary in the status bar was cut ("10 indexability chang…"). */
    @Test
    void aLongSummaryWrapsInTheStatusBar() throws Exception {
        String summary = "Compared 127.0.0.1_18801-2026-12-06-022356.webprobe with "
                + "127.0.0.1_18801-2026-12-06-031122.webprobe: 12 added, 3 removed, 40 status "
                + "changes, 2 redirect changes, 7 title changes, 10 indexability changes, "
                + "14 new broken links, 5 fixed broken links.";
        javafx.beans.property.StringProperty text =
                new javafx.beans.property.SimpleStringProperty("");
        org.controlsfx.control.StatusBar bar = WaitForAsyncUtils.asyncFx(() -> {
            org.controlsfx.control.StatusBar b = io.webprobe.ui.common.StatusLine.wrapping("s",
                    text);
            javafx.scene.layout.BorderPane pane = new javafx.scene.layout.BorderPane();
            pane.setBottom(b);
            Stage s = new Stage();
            s.setScene(new Scene(pane, 700, 300));
            s.show();
            return b;
        }).get(10, TimeUnit.SECONDS);
        double oneLine = WaitForAsyncUtils.asyncFx(() -> {
            text.set("Compared a.webprobe with b.webprobe: 1 added.");
            bar.getScene().getRoot().applyCss();
            bar.getScene().getRoot().layout();
            return bar.getHeight();
        }).get(10, TimeUnit.SECONDS);
        double[] wrapped = new double[1];
        String shown = WaitForAsyncUtils.asyncFx(() -> {
            text.set(summary);
            bar.getScene().getRoot().applyCss();
            bar.getScene().getRoot().layout();
            wrapped[0] = bar.getHeight();
            StringBuilder all = new StringBuilder();
            for (javafx.scene.Node t : bar.lookup(".status-label").lookupAll(".text")) {
                all.append(((javafx.scene.text.Text) t).getText());
            }
            bar.getScene().getWindow().hide();
            return all.toString();
        }).get(10, TimeUnit.SECONDS);

        assertThat(shown.replace("\n", " ").replaceAll(" +", " ")).isEqualTo(summary);
        assertThat(wrapped[0]).isGreaterThan(oneLine);
    }
}
