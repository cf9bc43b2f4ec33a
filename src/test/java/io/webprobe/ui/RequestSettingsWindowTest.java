package io.webprobe.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.cli.WebprobeCli;
import io.webprobe.testsupport.LocalHttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Crawl tab's Requests settings (the command line's -H, --no-cookies, --max-retries...) in
 * the real main window (headless Monocle by default), crawling a site on loopback that notes
 * what each request sent. Only the dialogs are fake.
 */
class RequestSettingsWindowTest extends MainWindowTestBase {
    /** What the site's pages were sent: "path header" to its value ("" when absent). */
    private final Map<String, String> seen = new ConcurrentHashMap<>();

    @Start
    void start(Stage stage) {
        openApp(stage);
    }

    @Stop
    void stop() {
        closeApp();
    }

    /** "/" sets a cookie and links to "/a"; both note the headers asked about. */
    private void site() {
        server.route("/", ex -> {
            note("/", ex);
            ex.getResponseHeaders().add("Set-Cookie", "sid=1; Path=/");
            LocalHttpServer.send(ex, 200, "text/html", "<a href=\"/a\">a</a>");
        });
        server.route("/a", ex -> {
            note("/a", ex);
            LocalHttpServer.send(ex, 200, "text/html", "<p>a</p>");
        });
    }

    private void note(String path, com.sun.net.httpserver.HttpExchange ex) {
        for (String h : List.of("X-Trace", "Authorization", "Cookie")) {
            String v = ex.getRequestHeaders().getFirst(h);
            seen.put(path + " " + h, v == null ? "" : v);
        }
    }

    private void openSettings(FxRobot robot) throws Exception {
        robot.interact(() -> node(robot, "#crawlSettings", TitledPane.class).setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void headersTypedAreSentAndCookiesOffSendsNone(FxRobot robot) throws Exception {
        site();
        openSettings(robot);
        assertThat(robot.lookup("#crawlRequests").tryQuery()).as("hidden until asked for")
                .isEmpty();
        robot.clickOn("#crawlRequestsShown");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> node(robot, "#crawlHeaders", TextArea.class).isVisible())).isTrue();
        robot.interact(() -> {
            node(robot, "#crawlHeaders", TextArea.class)
                    .setText("X-Trace: abc\nAuthorization: Bearer s3cret");
            node(robot, "#crawlCookies", CheckBox.class).setSelected(false);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> node(robot, "#crawlSettings", TitledPane.class).getText()))
                .contains("2 request headers", "no cookies").doesNotContain("s3cret");

        enterUrlAndStart(robot, server.url("/"));
        waitForCrawlEnd(robot);

        assertThat(seen).containsEntry("/ X-Trace", "abc")
                .containsEntry("/a X-Trace", "abc")
                .containsEntry("/a Authorization", "Bearer s3cret")
                .as("the cookie / set is not sent back").containsEntry("/a Cookie", "");
        // remembered as the user's, but for the line that may hold a password
        assertThat(memory.getStrings("crawl.settings.headers")).containsExactly("X-Trace: abc");
        assertThat(memory.getBoolean("crawl.settings.cookies", true)).isFalse();
    }

    @Test
    void aBadHeaderLineGetsTheCommandLinesSentenceWithoutThePassword(FxRobot robot)
            throws Exception {
        openSettings(robot);
        robot.clickOn("#crawlRequestsShown");
        WaitForAsyncUtils.waitForFxEvents();
        TextArea headers = node(robot, "#crawlHeaders", TextArea.class);
        robot.interact(() -> headers.setText("Authorization Bearer s3cret"));
        robot.clickOn("#crawlRequestsShown"); // hidden again
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#crawlHeaders").tryQuery()).isEmpty();

        enterUrlAndStart(robot, server.url("/"));
        WaitForAsyncUtils.waitForFxEvents();

        String sentence = "'Authorization …' is not a header; write it as 'Name: value'.";
        assertThat(fx(() -> vm().settingsErrorProperty().get())).isEqualTo(sentence);
        Tooltip tip = fx(headers::getTooltip);
        assertThat(fx(tip::getText)).isEqualTo(sentence);
        assertThat(fx(() -> headers.getStyleClass().contains("field-invalid"))).isTrue();
        assertThat(robot.lookup("#crawlHeaders").tryQuery()).as("the field named is shown")
                .isPresent();
        assertThat(server.totalRequests()).isZero();
    }

    /** The bug: a crawl made with them on the command line opened with the form's defaults. */
    @Test
    void aCrawlMadeOnTheCommandLineShowsItsRequestSettings(FxRobot robot) throws Exception {
        site();
        Path file = tempDir.resolve("cli.webprobe");
        StringWriter out = new StringWriter();
        int code = WebprobeCli.execute(new PrintWriter(out), new PrintWriter(out), "crawl",
                server.url("/"), "--db", file.toString(), "-q", "-H", "X-Trace: cli",
                "--no-cookies", "--max-retries", "0", "--timeout", "2.5",
                "--max-crawl-delay", "0");
        assertThat(code).as(out.toString()).isZero();
        assertThat(seen).containsEntry("/a X-Trace", "cli").containsEntry("/a Cookie", "");

        dialogs.crawlAnswers.add(file);
        robot.clickOn("File").clickOn("#menuOpenCrawl");
        waiting(Duration.ofSeconds(20)).until(() -> status(robot).startsWith("Opened "));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> node(robot, "#crawlSettings", TitledPane.class).setExpanded(true));
        robot.clickOn("#crawlRequestsShown");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> node(robot, "#crawlCookies", CheckBox.class).isSelected())).isFalse();
        assertThat(fx(() -> node(robot, "#crawlMaxRetries", TextField.class).getText()))
                .isEqualTo("0");
        assertThat(fx(() -> node(robot, "#crawlTimeout", TextField.class).getText()))
                .isEqualTo("2.5");
        assertThat(fx(() -> node(robot, "#crawlMaxCrawlDelay", TextField.class).getText()))
                .isEqualTo("0");
        // the crawl file keeps a header that may not hold a password (ADR 0031)
        assertThat(fx(() -> node(robot, "#crawlHeaders", TextArea.class).getText()))
                .isEqualTo("X-Trace: cli");
        assertThat(fx(() -> node(robot, "#crawlSettings", TitledPane.class).getText()))
                .startsWith("Settings of this crawl").contains("2.5 s timeout", "no cookies");
    }

    /**
     * The bug (ADR 0031): the headers were held per site, so an older crawl of a site opened
     * after a newer one was started here with a header showed it, and its re-check sent it.
     * Held per crawl file: the older shows and sends none of it; the newer, opened again,
     * shows its own, the password too (held in memory, not in its file).
     */
    @Test
    void anOlderCrawlOpenedAfterANewerOneWithAHeaderShowsAndSendsNoneOfIt(FxRobot robot)
            throws Exception {
        site();
        enterUrlAndStart(robot, server.url("/"));
        waitForCrawlEnd(robot);
        Path older = fx(() -> vm().fileProperty().get());
        openSettings(robot);
        robot.clickOn("#crawlRequestsShown");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> node(robot, "#crawlHeaders", TextArea.class)
                .setText("X-Trace: new\nAuthorization: Bearer s3cret"));
        enterUrlAndStart(robot, server.url("/"));
        waitForCrawlEnd(robot);
        Path newer = fx(() -> vm().fileProperty().get());
        assertThat(newer).isNotEqualTo(older);
        assertThat(seen).containsEntry("/a Authorization", "Bearer s3cret");
        assertThat(onDisk(newer)).contains("X-Trace: new").doesNotContain("s3cret");

        open(robot, older);
        assertThat(fx(() -> node(robot, "#crawlHeaders", TextArea.class).getText())).isEmpty();
        assertThat(fx(() -> node(robot, "#crawlSettings", TitledPane.class).getText()))
                .startsWith("Settings of this crawl").doesNotContain("header");
        seen.clear();
        fx(() -> {
            vm().recheck(vm().table().items().ids());
            return null;
        });
        waiting(Duration.ofSeconds(20)).until(() -> seen.containsKey("/a Authorization")
                && !fx(() -> vm().recheckRunning()));
        assertThat(seen).containsEntry("/ Authorization", "").containsEntry("/a Authorization", "")
                .containsEntry("/ X-Trace", "").containsEntry("/a X-Trace", "");

        open(robot, newer);
        assertThat(fx(() -> node(robot, "#crawlHeaders", TextArea.class).getText()))
                .isEqualTo("X-Trace: new\nAuthorization: Bearer s3cret");
    }

    /**
     * A crawl stopped with a header that may hold a password, resumed after a restart (its
     * value known no more: the file keeps its name only): the status line says, before it
     * starts, that it goes on without it, and a re-check says so too; the other header, kept
     * in the file, is sent.
     */
    @Test
    void aResumeWithoutAHeaderItsFileDoesNotKeepSaysSo(FxRobot robot) throws Exception {
        java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch slow = new java.util.concurrent.CountDownLatch(1);
        server.route("/", ex -> {
            note("/", ex);
            LocalHttpServer.send(ex, 200, "text/html",
                    "<a href=\"/slow\">s</a><a href=\"/a\">a</a>");
        });
        server.route("/slow", LocalHttpServer.blockUntil(slow, arrived, "late"));
        server.route("/a", ex -> {
            note("/a", ex);
            LocalHttpServer.send(ex, 200, "text/html", "<p>a</p>");
        });
        openSettings(robot);
        robot.clickOn("#crawlRequestsShown");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            vm().threadsProperty().set(1);
            node(robot, "#crawlHeaders", TextArea.class)
                    .setText("X-Trace: t1\nAuthorization: Bearer s3cret");
        });
        try {
            enterUrlAndStart(robot, server.url("/"));
            assertThat(arrived.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            robot.interact(() -> vm().stop());
        } finally {
            slow.countDown();
        }
        waitForCrawlEnd(robot);
        Path file = fx(() -> vm().fileProperty().get());
        assertThat(seen).doesNotContainKey("/a X-Trace");

        restartApp();
        open(robot, file);
        assertThat(fx(() -> vm().resumeOfferProperty().get())).as("said before Resume")
                .endsWith(". It goes on without its Authorization header, which is not kept "
                        + "on disk.");
        assertThat(fx(() -> node(robot, "#crawlHeaders", TextArea.class).getText()))
                .isEqualTo("X-Trace: t1");
        List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> vm().statusProperty().addListener((o, was, now) -> said.add(now)));
        robot.interact(() -> vm().resume());
        waitForCrawlEnd(robot);

        assertThat(said).contains("Resuming " + file.getFileName()
                + " without its Authorization header, which is not kept on disk …");
        assertThat(seen).containsEntry("/a X-Trace", "t1").containsEntry("/a Authorization", "");

        fx(() -> {
            vm().recheck(new long[] {vm().table().items().ids()[0]});
            return null;
        });
        waiting(Duration.ofSeconds(20)).until(() -> !fx(() -> vm().recheckRunning())
                && status(robot).endsWith(" Re-checked without its Authorization header, "
                        + "which is not kept on disk."));
        assertThat(onDisk(file)).contains("X-Trace: t1").doesNotContain("s3cret");
    }

    /**
     * The crawl file's bytes with its write-ahead log's: while the window holds the crawl open,
     * what was written last is in the log only.
     */
    private static String onDisk(Path file) throws java.io.IOException {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        String text = new String(java.nio.file.Files.readAllBytes(file),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        return java.nio.file.Files.exists(wal) ? text + new String(java.nio.file.Files
                .readAllBytes(wal), java.nio.charset.StandardCharsets.ISO_8859_1) : text;
    }

    private void open(FxRobot robot, Path file) throws Exception {
        dialogs.crawlAnswers.add(file);
        robot.clickOn("File").clickOn("#menuOpenCrawl");
        waiting(Duration.ofSeconds(20)).until(() -> file.equals(fx(() -> vm().fileProperty()
                .get())) && !fx(() -> vm().table().busyProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> node(robot, "#crawlSettings", TitledPane.class).setExpanded(true));
        if (robot.lookup("#crawlHeaders").tryQuery().isEmpty()) {
            robot.clickOn("#crawlRequestsShown");
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /**
     * The bug: at the least size, the settings scrolled down to the Requests… toggle, a click
     * showed the group with its heading and headers box above the view (the scroll bar kept
     * its fraction of a taller content), and hiding it again could leave the toggle out of
     * view.
     */
    @Test
    void theRequestsToggleBringsTheGroupIntoViewAndStaysInViewWhenHidingIt(FxRobot robot)
            throws Exception {
        robot.interact(() -> {
            stage.setWidth(960);
            stage.setHeight(640);
        });
        openSettings(robot);
        ScrollPane scroll = fx(() -> (ScrollPane) node(robot, "#crawlSettings",
                TitledPane.class).getContent());
        robot.interact(() -> scroll.setVvalue(scroll.getVmax())); // down to the toggle
        WaitForAsyncUtils.waitForFxEvents();
        ToggleButton toggle = node(robot, "#crawlRequestsShown", ToggleButton.class);
        assertThat(fx(() -> inView(scroll, toggle))).as("the toggle in view").isTrue();

        robot.clickOn(toggle);
        WaitForAsyncUtils.waitForFxEvents();

        Bounds view = fx(() -> sceneBounds(scroll.lookup(".viewport")));
        Bounds group = fx(() -> sceneBounds(node(robot, "#crawlRequests", Region.class)));
        assertThat(group.getMinY()).as("the group's heading in view")
                .isBetween(view.getMinY() - 0.5, view.getMaxY() - 20);
        assertThat(fx(() -> inView(scroll, node(robot, "#crawlHeaders", TextArea.class))))
                .as("the headers box in view").isTrue();

        robot.interact(() -> toggle.setSelected(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> inView(scroll, toggle))).as("the toggle in view again").isTrue();
    }

    /** The bug: the headers box's tooltip was one line of about 2,100 px, cut off. */
    @Test
    void theSettingsTooltipsWrapWithinTheLeastWindow(FxRobot robot) throws Exception {
        openSettings(robot);
        robot.clickOn("#crawlRequestsShown");
        WaitForAsyncUtils.waitForFxEvents();
        List<Tooltip> tips = fx(() -> node(robot, "#crawlSettings", TitledPane.class)
                .lookupAll("*").stream().filter(n -> n instanceof Control)
                .map(n -> ((Control) n).getTooltip())
                .filter(java.util.Objects::nonNull).toList());
        assertThat(tips).hasSizeGreaterThan(20);
        for (Tooltip t : tips) {
            assertThat(fx(t::isWrapText)).as(fx(t::getText)).isTrue();
            assertThat(fx(t::getMaxWidth)).as(fx(t::getText)).isBetween(200.0, 480.0);
        }
    }

    /** Whether {@code n} lies whole inside the scroll pane's view. */
    private static boolean inView(ScrollPane scroll, Node n) {
        Bounds view = sceneBounds(scroll.lookup(".viewport"));
        Bounds b = sceneBounds(n);
        return b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5;
    }
}
