package io.webprobe.ui;

import static io.webprobe.testsupport.CsvFiles.readCsv;
import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.store.UrlQuery;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.ui.crawl.table.UrlItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Crawl tab's settings, blocked rows and orphans in the real main window (headless Monocle
 * by default), crawling small sites on loopback. Only the dialogs are fake.
 */
class CrawlSettingsWindowTest extends MainWindowTestBase {
    private static final Duration CRAWL_WAIT = Duration.ofSeconds(30);

    @Start
    void start(Stage stage) {
        openApp(stage);
    }

    @Stop
    void stop() {
        closeApp();
    }

    // == settings ==

    @Test
    void settingsStartCollapsedAndOpenWithAClickOnTheirTitle(FxRobot robot) throws Exception {
        TitledPane settings = settings(robot);
        assertThat(fx(settings::isExpanded)).isFalse();
        assertThat(fx(settings::getText)).isEqualTo("Settings");

        openSettings(robot);

        assertThat(fx(settings::isExpanded)).isTrue();
        assertThat(fx(() -> node(robot, "#crawlMaxDepth", TextField.class).isVisible())).isTrue();
        assertThat(fx(() -> node(robot, "#crawlRobots", CheckBox.class).isSelected())).isTrue();
        assertThat(fx(() -> node(robot, "#crawlCheckExternal", CheckBox.class).isSelected()))
                .isTrue();
        assertThat(fx(() -> node(robot, "#crawlTimeout", TextField.class).getText()))
                .isEqualTo("15");
    }

    /**
     * The bug: in the smallest window the open settings pushed the workspace (and the resume
     * offer) out of view. They scroll within 40 % of the window's height now.
     */
    @Test
    void openSettingsInTheSmallestWindowScrollAndLeaveTheTableInView(FxRobot robot)
            throws Exception {
        robot.interact(() -> {
            stage.setWidth(960);
            stage.setHeight(640);
        });
        openSettings(robot);
        WaitForAsyncUtils.waitForFxEvents();

        double sceneHeight = fx(() -> stage.getScene().getHeight());
        ScrollPane scroll = fx(() -> (ScrollPane) settings(robot).getContent());
        assertThat(fx(scroll::getHeight)).isLessThanOrEqualTo(sceneHeight * 0.4 + 1);
        assertThat(fx(() -> scroll.getContent().getLayoutBounds().getHeight()))
                .as("the settings are taller than their room: they scroll")
                .isGreaterThan(fx(scroll::getHeight));
        TableView<?> table = robot.lookup("#crawlTable").queryAs(TableView.class);
        assertThat(fx(table::getHeight)).isGreaterThan(60);
        assertThat(fx(() -> sceneBounds(table).getMaxY())).isLessThanOrEqualTo(sceneHeight);
        assertThat(fx(() -> sceneBounds(robot.lookup("#crawlStatus").query()).getMaxY()))
                .as("the status bar in the window").isLessThanOrEqualTo(sceneHeight);
    }

    /**
     * The bug: at the window's least width, 960 px, the Max pages box touched the trap guards'
     * labels beside it (the scope group at its least, 330 px, its row of Max depth and Max
     * pages 350), no gap between the groups. A million pages still show whole.
     */
    @Test
    void atTheLeastWidthTheMaxPagesBoxKeepsTheGapBeforeTheTrapGuards(FxRobot robot)
            throws Exception {
        robot.interact(() -> {
            stage.setWidth(960);
            stage.setHeight(640);
        });
        openSettings(robot);
        TextField pages = node(robot, "#crawlMaxPages", TextField.class);
        robot.interact(() -> pages.setText("1000000"));
        WaitForAsyncUtils.waitForFxEvents();
        var box = fx(() -> sceneBounds(pages));
        // the trap guards' group: their grid and its title
        var trapGuards = fx(() -> sceneBounds(
                node(robot, "#crawlMaxUrlLength", TextField.class).getParent().getParent()));
        assertThat(trapGuards.getMinY()).as("side by side").isLessThan(box.getMaxY());
        assertThat(trapGuards.getMinX() - box.getMaxX()).as("%s, %s", box, trapGuards)
                .isGreaterThanOrEqualTo(20);
        double text = fx(() -> pages.lookup(".text").getLayoutBounds().getWidth());
        assertThat(text).as("1000000 whole").isLessThan(fx(() -> pages.getWidth()
                - pages.snappedLeftInset() - pages.snappedRightInset()));
    }

    /**
     * The bug: in a window of the default size (1200×760, a title bar of ~25 px included) the
     * open settings had 210 px and scrolled by about one row. Here the scene is 1200×720, as
     * under a title bar of 40 px.
     */
    @Test
    void openSettingsInAWindowOfTheDefaultSizeNeedNoScrollBar(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(1200);
            stage.setHeight(720);
        });
        openSettings(robot);
        WaitForAsyncUtils.waitForFxEvents();

        ScrollPane scroll = fx(() -> (ScrollPane) settings(robot).getContent());
        assertThat(fx(() -> scroll.getContent().getLayoutBounds().getHeight()))
                .as("the settings' height within their room")
                .isLessThanOrEqualTo(fx(() -> scroll.getViewportBounds().getHeight()));
        assertThat(fx(() -> sceneBounds(robot.lookup("#crawlSettingsDefaults").query())
                .getMaxY())).as("the lowest control in view")
                .isLessThanOrEqualTo(fx(() -> sceneBounds(scroll).getMaxY()));
        TableView<?> table = robot.lookup("#crawlTable").queryAs(TableView.class);
        assertThat(fx(() -> sceneBounds(table).getMaxY()))
                .isLessThanOrEqualTo(fx(() -> stage.getScene().getHeight()));
    }

    /**
     * The bug: a list's box is ~100 px taller than a URL's; with it and the settings open the
     * workspace was pushed down over the status bar, out of the window.
     */
    @Test
    void openSettingsUnderAListLeaveRoomForTheStatusBar(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(1200);
            stage.setHeight(720);
        });
        robot.clickOn("#modeList");
        openSettings(robot);
        WaitForAsyncUtils.waitForFxEvents();

        double sceneHeight = fx(() -> stage.getScene().getHeight());
        javafx.geometry.Bounds status = fx(() -> sceneBounds(robot.lookup("#crawlStatus")
                .query()));
        assertThat(status.getMaxY()).as("the status bar in the window")
                .isLessThanOrEqualTo(sceneHeight + 1);
        assertThat(fx(() -> sceneBounds(robot.lookup("#crawlTable").query()).getMaxY()))
                .as("the workspace above the status bar")
                .isLessThanOrEqualTo(status.getMinY() + 1);
    }

    /**
     * The bug: with the settings open and Resume offered (a line above the workspace), the
     * workspace was pushed down over the status bar, out of the window.
     */
    @Test
    void openSettingsLeaveRoomForTheResumeOfferAndTheStatusBar(FxRobot robot)
            throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        server.route("/", html("<a href=\"/slow\">slow</a>"));
        server.route("/slow", LocalHttpServer.blockUntil(release, arrived, "late"));
        robot.interact(() -> {
            stage.setWidth(1200);
            stage.setHeight(720);
        });
        openSettings(robot);
        enterUrlAndStart(robot, server.url("/"));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        robot.clickOn("#crawlStop");
        waitForCrawlEnd(robot);
        release.countDown();
        waiting(Duration.ofSeconds(10)).until(() -> fx(() -> robot.lookup("#resumeBar").query()
                .isVisible()));
        WaitForAsyncUtils.waitForFxEvents();

        double sceneHeight = fx(() -> stage.getScene().getHeight());
        javafx.geometry.Bounds status = fx(() -> sceneBounds(robot.lookup("#crawlStatus")
                .query()));
        assertThat(status.getMaxY()).as("the status bar in the window")
                .isLessThanOrEqualTo(sceneHeight + 1);
        assertThat(fx(() -> sceneBounds(robot.lookup("#crawlTable").query()).getMaxY()))
                .as("the workspace above the status bar")
                .isLessThanOrEqualTo(status.getMinY() + 1);
        assertThat(fx(() -> robot.lookup("#crawlTable").query().getLayoutBounds()
                .getHeight())).isGreaterThan(100);
    }

    /**
     * The bug: in a window of the default size, the open settings of a stopped crawl scrolled
     * while Resume was offered: the offer, a line of its own above the workspace, took 44 px,
     * and a note over the fields saying they were the crawl's own 34 px. The offer shares the
     * progress bar's line now, and says what the note did while the settings are open.
     */
    @Test
    void openSettingsOfAStoppedCrawlNeedNoScrollBarBesideTheResumeOffer(FxRobot robot)
            throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        server.route("/", html("<a href=\"/slow\">slow</a>"));
        server.route("/slow", LocalHttpServer.blockUntil(release, arrived, "late"));
        robot.interact(() -> {
            stage.setWidth(1200);
            stage.setHeight(720);
        });
        enterUrlAndStart(robot, server.url("/"));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        robot.clickOn("#crawlStop");
        waitForCrawlEnd(robot);
        // "/slow" still waits for the release: the resumed crawl asks for it again and runs
        waiting(Duration.ofSeconds(10)).until(() -> fx(() -> robot.lookup("#resumeBar").query()
                .isVisible()));
        openSettings(robot);
        WaitForAsyncUtils.waitForFxEvents();

        ScrollPane scroll = fx(() -> (ScrollPane) settings(robot).getContent());
        assertThat(fx(() -> settings(robot).getText()))
                .startsWith("Settings of this crawl (kept when it resumes)");
        assertThat(fx(() -> robot.lookup("#resumeText").queryAs(Label.class).getText()))
                .isEqualTo("This crawl was stopped before it finished. The settings above are "
                        + "its own, kept by Resume; Not now unlocks them.");
        assertThat(fx(() -> scroll.getContent().getLayoutBounds().getHeight()))
                .as("the settings' height within their room")
                .isLessThanOrEqualTo(fx(() -> scroll.getViewportBounds().getHeight()));
        assertThat(fx(() -> sceneBounds(robot.lookup("#crawlSettingsDefaults").query())
                .getMaxY())).as("the lowest control in view")
                .isLessThanOrEqualTo(fx(() -> sceneBounds(scroll).getMaxY()));
        javafx.geometry.Bounds status = fx(() -> sceneBounds(robot.lookup("#crawlStatus")
                .query()));
        assertThat(fx(() -> sceneBounds(robot.lookup("#resumeButton").query()).getMaxY()))
                .as("Resume in view").isLessThanOrEqualTo(status.getMinY());
        assertThat(fx(() -> sceneBounds(robot.lookup("#crawlTable").query()).getMaxY()))
                .as("the workspace above the status bar")
                .isLessThanOrEqualTo(status.getMinY() + 1);

        // and while the resumed crawl runs with them, the title says so (a note over the
        // fields said it, and they scrolled)
        robot.clickOn("#resumeButton");
        waiting(Duration.ofSeconds(10)).until(() -> fx(() -> vm().runningProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> settings(robot).getText())).startsWith(
                "Settings of this crawl (it runs with them)");
        assertThat(fx(() -> scroll.getContent().getLayoutBounds().getHeight()))
                .as("the settings' height within their room, the crawl running")
                .isLessThanOrEqualTo(fx(() -> scroll.getViewportBounds().getHeight()));
        release.countDown();
        waitForCrawlEnd(robot);
    }

    /**
     * The bug: open settings in a narrow window (the groups on two lines) kept that height
     * when the window was made wide, an empty band below the fields until they were closed
     * and opened again.
     */
    @Test
    void openSettingsTakeTheirNewHeightWhenTheWindowWidens(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(960);
            stage.setHeight(1000);
        });
        openSettings(robot);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.setWidth(1600));
        WaitForAsyncUtils.waitForFxEvents();

        waiting(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(fx(() ->
                sceneBounds(settings(robot)).getMaxY())).as("no empty band below the fields")
                .isLessThan(fx(() -> sceneBounds(robot.lookup("#crawlSettingsDefaults")
                        .query()).getMaxY()) + 30));
    }

    /**
     * The bug: in a wide window the open settings (four groups on one line) still took 40 % of
     * the window, ~150 px of it empty below the fields, the table pushed down: the flow pane
     * was asked its height as if it wrapped at 400 px.
     */
    @Test
    void openSettingsInAWideWindowTakeTheHeightOfTheirFields(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(1600);
            stage.setHeight(1000);
        });
        openSettings(robot);
        WaitForAsyncUtils.waitForFxEvents();

        double lowest = fx(() -> sceneBounds(robot.lookup("#crawlSettingsDefaults").query())
                .getMaxY());
        assertThat(fx(() -> sceneBounds(settings(robot)).getMaxY()))
                .as("no empty band below the lowest field").isLessThan(lowest + 30);

        // and at any width the height it asks for holds every line it lays out (wrapping at
        // its width with its padding counted, a second line hid behind a scroll bar)
        ScrollPane scroll = fx(() -> (ScrollPane) settings(robot).getContent());
        javafx.scene.layout.Pane flow = fx(() -> (javafx.scene.layout.Pane)
                ((javafx.scene.layout.Pane) scroll.getContent()).getChildren().get(0));
        // each width laid out as a pulse lays it out, once the scene has taken it (a wait for
        // TestFX's rounds of FX events and sleeps per width took ~0.2-0.9 s, 27 widths)
        for (int width = 1140; width <= 1220; width += 3) {
            int w = width;
            fx(() -> {
                stage.setWidth(w);
                return null;
            });
            waiting(Duration.ofSeconds(10)).until(() -> fx(() -> stage.getScene().getWidth()) == w);
            double[] seen = fx(() -> {
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
                return new double[] {flow.getChildren().stream()
                        .mapToDouble(n -> n.getBoundsInParent().getMaxY()).max().orElse(0)
                        + flow.getInsets().getBottom(), flow.prefHeight(-1)};
            });
            assertThat(seen[1]).as("at %d px", w).isGreaterThanOrEqualTo(seen[0] - 1);
        }
    }

    @Test
    void anExcludeRegexAndAMaxDepthTypedInTheSettingsShapeTheCrawl(FxRobot robot)
            throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        server.route("/", html("<a href=\"/a\">a</a><a href=\"/private/x\">x</a>"));
        // "/a" answers only after release, so the test sees the crawl running
        server.route("/a", LocalHttpServer.blockUntil(release, arrived,
                "<html><body><a href=\"/a/b\">deeper</a></body></html>"));
        server.route("/a/b", html("too deep"));
        server.route("/private/x", html("excluded"));
        openSettings(robot);

        robot.clickOn("#crawlExclude").write("/private/");
        robot.clickOn("#crawlMaxDepth").write("1");
        assertThat(fx(() -> settings(robot).getText()))
                .isEqualTo("Settings: 1 exclude pattern · max depth 1");
        enterUrlAndStart(robot, server.url("/"));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).as("crawl reached /a").isTrue();

        // running: every setting is locked, the section still opens and closes
        for (String id : List.of("#crawlExclude", "#crawlMaxDepth", "#crawlRobots",
                "#crawlSitemaps", "#crawlTimeout", "#crawlSettingsDefaults", "#crawlThreads")) {
            assertThat(fx(() -> robot.lookup(id).query().isDisabled())).as(id).isTrue();
        }
        assertThat(fx(() -> settings(robot).isDisabled())).isFalse();

        release.countDown();
        waitForCrawlEnd(robot);
        assertThat(urls()).containsExactlyInAnyOrder(server.url("/"), server.url("/a"));
        assertThat(server.hits("/private/x")).isZero();
        assertThat(server.hits("/a/b")).isZero();
        assertThat(fx(() -> node(robot, "#crawlExclude", TextArea.class).isDisabled())).isFalse();
    }

    @Test
    void aBadValueIsNamedInOneSentenceAndItsFieldOutlinedAndFocused(FxRobot robot)
            throws Exception {
        server.route("/", html("home"));
        TextField maxPages = node(robot, "#crawlMaxPages", TextField.class);
        robot.interact(() -> maxPages.setText("lots"));
        Label error = node(robot, "#crawlSettingsError", Label.class);
        assertThat(fx(error::isVisible)).isFalse();

        enterUrlAndStart(robot, server.url("/"));

        assertThat(fx(error::isVisible)).isTrue();
        assertThat(fx(error::getText))
                .isEqualTo("Max pages must be a whole number from 1 to 2,147,483,647, or blank "
                        + "for no limit.");
        assertThat(fx(() -> settings(robot).isExpanded())).as("opened to show the field").isTrue();
        assertThat(fx(() -> maxPages.getStyleClass().contains("field-invalid"))).isTrue();
        assertThat(fx(maxPages::isFocused)).isTrue();
        assertThat(fx(() -> node(robot, "#crawlStart", Button.class).isDisabled())).isFalse();
        assertThat(server.totalRequests()).isZero();

        robot.clickOn(maxPages).eraseText(4).write("5");

        assertThat(fx(error::isVisible)).isFalse();
        assertThat(fx(() -> maxPages.getStyleClass().contains("field-invalid"))).isFalse();
    }

    /**
     * The bug: the Politeness settings read "Requests per host" over "Max requests/s per
     * host", and a bad value in the first was named "Max requests per host", a name seen
     * nowhere: which box it meant, and how the two differ, was left to guess. Each box's
     * error names it by its label (less its unit: "Delay per host (ms)"), and the first says
     * what it counts: requests at once.
     */
    @Test
    void eachPolitenessBoxsErrorNamesItByItsLabel(FxRobot robot) throws Exception {
        server.route("/", html("home"));
        Label error = node(robot, "#crawlSettingsError", Label.class);
        java.util.Map<String, String> named = new java.util.LinkedHashMap<>();
        for (String id : List.of("crawlMaxPerHost", "crawlMaxRps", "crawlDelay", "crawlTimeout",
                "crawlMaxPageSize")) {
            TextField box = node(robot, "#" + id, TextField.class);
            String label = fx(() -> {
                javafx.scene.layout.GridPane grid = (javafx.scene.layout.GridPane) box.getParent();
                return grid.getChildren().stream()
                        .filter(n -> n instanceof Label
                                && java.util.Objects.equals(javafx.scene.layout.GridPane
                                        .getRowIndex(n), javafx.scene.layout.GridPane
                                        .getRowIndex(box)))
                        .map(n -> ((Label) n).getText()).findFirst().orElseThrow();
            });
            String was = fx(box::getText);
            robot.interact(() -> box.setText("-5"));
            enterUrlAndStart(robot, server.url("/"));
            named.put(label.replaceFirst(" \\([^)]*\\)$", ""), fx(error::getText));
            robot.interact(() -> box.setText(was));
        }
        assertThat(named).containsKey("Requests at once per host");
        named.forEach((label, text) -> assertThat(text).as("%s", named)
                .startsWith(label + " must be"));
        assertThat(server.totalRequests()).isZero();
    }

    /**
     * The bug: the settings' error line came over the fields when Start named a bad value and
     * went when it was fixed, moving every field 22 px: a click meant for the next field landed
     * in another.
     */
    @Test
    void theErrorLineComingAndGoingMovesNoField(FxRobot robot) throws Exception {
        server.route("/", html("home"));
        TextField maxPages = node(robot, "#crawlMaxPages", TextField.class);
        TextField delay = node(robot, "#crawlDelay", TextField.class);
        robot.interact(() -> {
            maxPages.setText("lots");
            delay.setText("abc");
            settings(robot).setExpanded(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double y = fx(() -> sceneBounds(delay).getMinY());
        enterUrlAndStart(robot, server.url("/"));
        Label error = node(robot, "#crawlSettingsError", Label.class);
        assertThat(fx(error::isVisible)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> sceneBounds(delay).getMinY())).isEqualTo(y);

        robot.interact(() -> maxPages.setText("5"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(error::isVisible)).isFalse();
        assertThat(fx(() -> sceneBounds(delay).getMinY())).isEqualTo(y);
    }

    /**
     * The bug: with several bad fields each Start outlined only the one it named, and none was
     * outlined before a Start.
     */
    @Test
    void everyBadFieldIsOutlinedAtOnce(FxRobot robot) throws Exception {
        server.route("/", html("home"));
        TextField maxPages = node(robot, "#crawlMaxPages", TextField.class);
        TextField delay = node(robot, "#crawlDelay", TextField.class);
        TextField timeout = node(robot, "#crawlTimeout", TextField.class);
        robot.interact(() -> {
            maxPages.setText("lots");
            delay.setText("abc");
        });

        assertThat(fx(() -> List.of(maxPages.getStyleClass().contains("field-invalid"),
                delay.getStyleClass().contains("field-invalid"),
                timeout.getStyleClass().contains("field-invalid"))))
                .containsExactly(true, true, false);
        // hovering one says what it takes, not only Start's first sentence
        String usualTimeoutTip = fx(() -> timeout.getTooltip().getText());
        assertThat(fx(() -> delay.getTooltip().getText())).isEqualTo("Delay per host must be a "
                + "whole number of milliseconds from 0 to 3600000 (an hour).");
        assertThat(fx(() -> maxPages.getTooltip().getText())).startsWith("Max pages must be");
        assertThat(usualTimeoutTip).doesNotContain("must be");

        enterUrlAndStart(robot, server.url("/"));
        assertThat(fx(() -> node(robot, "#crawlSettingsError", Label.class).getText()))
                .startsWith("Max pages must be");
        assertThat(fx(() -> delay.getStyleClass().contains("field-invalid"))).isTrue();

        robot.interact(() -> maxPages.setText("5"));
        assertThat(fx(() -> List.of(maxPages.getStyleClass().contains("field-invalid"),
                delay.getStyleClass().contains("field-invalid")))).containsExactly(false, true);
        assertThat(fx(() -> maxPages.getTooltip().getText())).doesNotContain("must be");
        assertThat(server.totalRequests()).isZero();
    }

    @Test
    void lettersInTheThreadsBoxGoBackToItsValueWithoutAnErrorAlsoOnCtrlEnter(FxRobot robot)
            throws Exception {
        server.route("/", html("home"));
        TextField threads = node(robot, "#crawlThreads", javafx.scene.control.Spinner.class)
                .getEditor();
        robot.clickOn(threads);
        robot.interact(threads::selectAll);
        robot.write("abc");
        robot.clickOn("#crawlUrl");
        assertThat(fx(() -> threads.getText())).isEqualTo("8");

        // Ctrl+Enter starts with the focus still in the box: it commits first, as a click does
        TextField url = node(robot, "#crawlUrl", TextField.class);
        robot.interact(() -> url.setText(server.url("/")));
        robot.clickOn(threads);
        robot.interact(threads::selectAll);
        robot.write("12x");
        robot.press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER)
                .release(KeyCode.CONTROL);
        waitForCrawlEnd(robot);
        assertThat(fx(() -> threads.getText())).isEqualTo("8");
        assertThat(fx(() -> vm().threadsProperty().get())).isEqualTo(8);
        assertThat(server.hits("/")).isEqualTo(1);
        assertThat(uncaught).isEmpty();
        assertThat(dialogs.calls).doesNotContain("showError");
    }

    @Test
    void aUserAgentAndMaxPageSizeTypedInTheSettingsReachTheServerAndCutPagesSaySo(FxRobot robot)
            throws Exception {
        String agent = "ProbeTest/2.0 (+https://example.test/bot)";
        List<String> agents = new CopyOnWriteArrayList<>();
        server.route("/", ex -> {
            agents.add(ex.getRequestHeaders().getFirst("User-Agent"));
            LocalHttpServer.send(ex, 200, "text/html", "<a href=\"/big\">big</a>");
        });
        // 5 KB; 0.001 MB = 1,048.576 bytes, a cap of 1,049
        server.route("/big", html("<html><title>Big</title>" + "x".repeat(5 * 1024) + "</html>"));
        openSettings(robot);
        TextField size = node(robot, "#crawlMaxPageSize", TextField.class);
        assertThat(fx(() -> size.getText())).isEqualTo("10");

        robot.clickOn("#crawlUserAgent").write(agent);
        robot.doubleClickOn(size).eraseText(2).write("0.001");
        robot.clickOn("#crawlMaxRps").write("50");
        assertThat(fx(() -> settings(robot).getText())).isEqualTo(
                "Settings: 50 requests/s per host · max page 0.001 MB · custom user agent");
        enterUrlAndStart(robot, server.url("/"));
        waitForCrawlEnd(robot);

        assertThat(agents).containsExactly(agent);
        UrlItem big = row(robot, "/big");
        assertThat(fx(() -> big.row().result().truncated())).isTrue();
        assertThat(cell(robot, "Size", big)).as("sorts as a number").isEqualTo(1_049L);
        UrlItem home = row(robot, "/");
        // the cells are drawn on a later pulse than the one that added the rows
        waiting(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(fx(() -> sizeCell(robot, big).getText())).isEqualTo("1,049 (cut)");
            assertThat(fx(() -> sizeCell(robot, big).getTooltip().getText()))
                    .startsWith("Cut at the download cap (Max page size");
            assertThat(fx(() -> sizeCell(robot, big).getStyleClass())).contains("truncated");
        });
        assertThat(fx(() -> sizeCell(robot, home).getText())).doesNotContain("cut");
        assertThat(fx(() -> sizeCell(robot, home).getTooltip())).isNull();
        assertThat(fx(() -> sizeCell(robot, home).getStyleClass())).doesNotContain("truncated");
    }

    @Test
    void aBadUserAgentIsNamedInOneSentenceAndItsFieldOutlined(FxRobot robot) throws Exception {
        server.route("/", html("home"));
        TextField agent = node(robot, "#crawlUserAgent", TextField.class);
        robot.interact(() -> agent.setText("Bot\u00e9/1"));

        enterUrlAndStart(robot, server.url("/"));

        assertThat(fx(() -> node(robot, "#crawlSettingsError", Label.class).getText()))
                .isEqualTo("User agent must be printable ASCII text on one line, or blank for "
                        + "the default.");
        assertThat(fx(() -> agent.getStyleClass().contains("field-invalid"))).isTrue();
        assertThat(fx(agent::isFocused)).isTrue();
        assertThat(server.totalRequests()).isZero();
    }

    // == blocked rows ==

    @Test
    void rateLimitedAndBotWallRowsKeepTheirResponseAndRobotsRowsSayWhy(FxRobot robot)
            throws Exception {
        server.route("/", html("<a href=\"/limited\">l</a><a href=\"/wall\">w</a>"
                + "<a href=\"/private/x\">p</a>"));
        server.route("/robots.txt", ex -> LocalHttpServer.send(ex, 200, "text/plain",
                "User-agent: *\nDisallow: /private/\n"));
        // a Retry-After beyond the 60 s cap: reported at once, never retried
        server.route("/limited", ex -> {
            ex.getResponseHeaders().add("Retry-After", "3600");
            LocalHttpServer.send(ex, 429, "text/html", "<html>slow down</html>");
        });
        server.route("/wall", ex -> LocalHttpServer.send(ex, 403, "text/html",
                "<html><title>Just a moment...</title>captcha</html>"));
        enterUrlAndStart(robot, server.url("/"));
        waitForCrawlEnd(robot);

        UrlItem limited = row(robot, "/limited");
        assertThat(cell(robot, "Status", limited)).isEqualTo("429");
        assertThat((Long) cell(robot, "Size", limited)).isPositive();
        assertThat(cell(robot, "Time (ms)", limited)).isNotNull();
        assertThat((String) cell(robot, "Reason", limited)).startsWith("Rate limited: HTTP 429");

        UrlItem wall = row(robot, "/wall");
        assertThat(cell(robot, "Status", wall)).isEqualTo("403");
        assertThat((Long) cell(robot, "Size", wall)).isPositive();
        assertThat((String) cell(robot, "Reason", wall)).startsWith("Bot wall");

        UrlItem robots = row(robot, "/private/x");
        assertThat(cell(robot, "Status", robots)).isEqualTo("Blocked");
        assertThat(cell(robot, "Size", robots)).as("never requested").isNull();
        assertThat(cell(robot, "Time (ms)", robots)).isNull();
        assertThat((String) cell(robot, "Reason", robots)).isNotBlank();

        // the rows are drawn on a later pulse than the one that added them
        waiting(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(fx(() -> robot
                .lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof UrlItem c && c.row() != null
                        && c.row().result().skipped() != null)
                .filter(r -> r.getStyleClass().contains("not-fetched"))
                .count())).as("grey rows").isEqualTo(3));
        TableView<BrokenLink> broken = showBrokenLinks(robot);
        assertThat(fx(() -> broken.getItems().size())).as("blocked is not broken").isZero();
    }

    // == orphans ==

    @Test
    void aSitemapCrawlListsItsOrphansInTheOverviewAndExportWritesTheOrphansFile(FxRobot robot)
            throws Exception {
        server.route("/", html("<a href=\"/linked\">linked</a>"));
        server.route("/linked", html("ok"));
        server.route("/orphan", html("<title>Lonely</title>nobody links here"));
        server.route("/sitemap.xml", ex -> LocalHttpServer.send(ex, 200, "application/xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                        + "<url><loc>" + server.url("/linked") + "</loc></url>"
                        + "<url><loc>" + server.url("/orphan") + "</loc></url></urlset>"));
        assertThat(robot.lookup("#overview-ORPHANS").tryQuery()).isEmpty();
        openSettings(robot);
        robot.clickOn("#crawlSitemaps");

        enterUrlAndStart(robot, server.url("/"));
        waitForCrawlEnd(robot);

        // Orphans is the overview's last line: scroll down to it
        javafx.scene.control.TreeView<?> overview = robot.lookup("#overview")
                .queryAs(javafx.scene.control.TreeView.class);
        waiting(Duration.ofSeconds(10)).until(() -> {
            robot.interact(() -> overview.scrollTo(overview.getExpandedItemCount() - 1));
            return robot.lookup("#overview-ORPHANS").tryQuery().isPresent();
        });
        robot.clickOn("#overview-ORPHANS");
        waiting(Duration.ofSeconds(10)).until(() -> fx(() -> pagesTable(robot).getItems().size())
                == 1 && !fx(() -> vm().table().busyProperty().get()));
        assertThat(urls()).containsExactly(server.url("/orphan"));

        Path target = tempDir.resolve("site.csv");
        dialogs.saveAnswer = Optional.of(target);
        robot.clickOn((javafx.scene.Node) robot.lookup("#crawlExport").lookup(".label").query());

        Path orphansFile = tempDir.resolve("site-orphans.csv");
        waiting(Duration.ofSeconds(10)).until(() -> status(robot).startsWith("Exported"));
        assertThat(Files.exists(tempDir.resolve("site-broken-links.csv"))).isTrue();
        List<String[]> lines = readCsv(orphansFile);
        assertThat(lines.get(0)).containsExactly("url", "status", "content_type", "title",
                "indexable", "outcome");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)[0]).isEqualTo(server.url("/orphan"));

        // a crawl without sitemaps has nothing to compare against: the entry goes
        openSettings(robot);
        robot.clickOn("#crawlSitemaps");
        robot.clickOn("#crawlStart");
        waitForCrawlEnd(robot);
        assertThat(robot.lookup("#overview-ORPHANS").tryQuery()).isEmpty();
    }

    // == helpers ==

    private static TitledPane settings(FxRobot robot) {
        return node(robot, "#crawlSettings", TitledPane.class);
    }

    /** Clicks the settings' title if they are closed. */
    private static void openSettings(FxRobot robot) throws Exception {
        TitledPane settings = settings(robot);
        if (!fx(settings::isExpanded)) {
            robot.clickOn(settings.lookup(".title"));
        }
        // the click reaches the FX thread as events of its own: with both cores busy they
        // were handled after waitForFxEvents had returned (the settings were read closed)
        waiting(Duration.ofSeconds(10)).until(() -> fx(settings::isExpanded));
        WaitForAsyncUtils.waitForFxEvents();
    }





    /** The line of a URL, once its row is read from the crawl file. */
    private UrlItem row(FxRobot robot, String path) throws Exception {
        List<UrlQuery.Row> rows = rows();
        long id = rows.stream().filter(r -> r.result().url().equals(server.url(path)))
                .findFirst().orElseThrow().id();
        UrlItem item = fx(() -> pagesTable(robot).getItems().stream()
                .filter(i -> i.id() == id).findFirst().orElseThrow());
        waiting(Duration.ofSeconds(10)).until(() -> fx(() -> item.row() != null));
        return item;
    }

    /** What the named column of the URL table shows for a row (null: a blank cell). */
    private static Object cell(FxRobot robot, String column, UrlItem row) throws Exception {
        return fx(() -> {
            TableColumn<UrlItem, ?> c = pagesTable(robot).getColumns().stream()
                    .filter(col -> col.getText().equals(column)).findFirst().orElseThrow();
            return c.getCellObservableValue(row).getValue();
        });
    }

    /** The drawn Size cell of a row. */
    @SuppressWarnings("unchecked")
    private static TableCell<UrlItem, ?> sizeCell(FxRobot robot, UrlItem row) {
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableView() == pagesTable(robot) && c.getTableColumn() != null
                        && "Size".equals(c.getTableColumn().getText()) && c.getTableRow() != null
                        && c.getTableRow().getItem() == row)
                .map(c -> (TableCell<UrlItem, ?>) c)
                .findFirst().orElseThrow();
    }



}
