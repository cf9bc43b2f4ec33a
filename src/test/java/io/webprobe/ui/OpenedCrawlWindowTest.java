package io.webprobe.ui;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlState;
import io.webprobe.store.CrawlStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A stored crawl opened in the real main window (headless Monocle by default) shows the
 * settings it ran with, not the user's; the user's are kept, and come back with File › New
 * crawl. A file opened read-only says so once, on the status line. Only the dialogs are fake.
 */
class OpenedCrawlWindowTest extends MainWindowTestBase {
    @Start
    void start(Stage stage) {
        openApp(stage);
    }

    @Stop
    void stop() {
        closeApp();
    }

    /** A finished crawl of the test server made with settings none of them the defaults. */
    private Path finishedCrawl(String name) throws Exception {
        Files.createDirectories(tempDir.resolve("old"));
        Path file = tempDir.resolve("old").resolve(name);
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "foo").toBuilder()
                .maxDepth(2)
                .maxPages(40)
                .respectRobots(false)
                .build();
        plan = plan.withScope(plan.scope().withExclude(List.of(Pattern.compile("x"))));
        try (CrawlStore store = CrawlStore.create(file, plan)) {
            store.sink().state(CrawlState.FINISHED, Duration.ofSeconds(3));
        }
        return file;
    }

    /** Opens the settings and sets the user's own through the form, as typed. */
    private void typeOwnSettings(FxRobot robot) throws Exception {
        robot.interact(() -> {
            node(robot, "#crawlSettings", TitledPane.class).setExpanded(true);
            node(robot, "#crawlMaxPages", TextField.class).setText("77");
            node(robot, "#crawlUserAgent", TextField.class).setText("MyAgent");
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void open(FxRobot robot, Path file) throws Exception {
        dialogs.crawlAnswers.add(file);
        robot.clickOn("File").clickOn("#menuOpenCrawl");
        waiting(Duration.ofSeconds(20)).until(() -> status(robot).startsWith("Opened "));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) throws Exception {
        return fx(() -> robot.lookup(id).queryAs(javafx.scene.control.TextInputControl.class)
                .getText());
    }

    private static String urlField(FxRobot robot) throws Exception {
        return text(robot, "#crawlUrl");
    }

    @Test
    void anOpenedCrawlShowsItsOwnSettingsAndNewCrawlBringsBackTheUsers(FxRobot robot)
            throws Exception {
        Path file = finishedCrawl("old.webprobe");
        typeOwnSettings(robot);
        assertThat(memory.getString("crawl.settings.maxPages", "")).isEqualTo("77");
        String ownDepth = memory.getString("crawl.settings.maxDepth", "");

        open(robot, file);

        assertThat(status(robot)).startsWith("Opened old.webprobe (finished, ");
        assertThat(urlField(robot)).isEqualTo(server.url("/"));
        assertThat(text(robot, "#crawlMaxDepth")).isEqualTo("2");
        assertThat(text(robot, "#crawlMaxPages")).isEqualTo("40");
        assertThat(text(robot, "#crawlExclude")).isEqualTo("x");
        assertThat(text(robot, "#crawlUserAgent")).isEqualTo("foo");
        assertThat(fx(() -> node(robot, "#crawlRobots", CheckBox.class).isSelected())).isFalse();
        TitledPane settings = node(robot, "#crawlSettings", TitledPane.class);
        assertThat(fx(settings::getText))
                .startsWith("Settings of this crawl (yours: File › New crawl): ");
        assertThat(fx(() -> stage.getScene().getRoot().minWidth(-1)))
                .as("the tab fits the window").isLessThanOrEqualTo(fx(stage::getWidth));
        // editable for a new crawl, but not remembered as the user's by an edit alone
        assertThat(fx(() -> node(robot, "#crawlMaxDepth", TextField.class).isDisabled()))
                .isFalse();
        robot.interact(() -> node(robot, "#crawlMaxDepth", TextField.class).setText("3"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(memory.getString("crawl.settings.maxPages", "")).isEqualTo("77");
        assertThat(memory.getString("crawl.settings.maxDepth", "")).isEqualTo(ownDepth);
        assertThat(memory.getString("crawl.settings.userAgent", "")).isEqualTo("MyAgent");
        assertThat(dialogs.calls).containsExactly("chooseCrawlFile");

        robot.clickOn("File").clickOn("#menuNewCrawl");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> vm().hasCrawlProperty().get())).isFalse();
        assertThat(status(robot)).isEqualTo("Type a start URL and press Start.");
        assertThat(text(robot, "#crawlMaxPages")).isEqualTo("77");
        assertThat(text(robot, "#crawlUserAgent")).isEqualTo("MyAgent");
        assertThat(text(robot, "#crawlMaxDepth")).isEmpty();
        assertThat(text(robot, "#crawlExclude")).isEmpty();
        assertThat(fx(() -> node(robot, "#crawlRobots", CheckBox.class).isSelected())).isTrue();
        assertThat(fx(settings::getText)).startsWith("Settings: ")
                .doesNotContain("of this crawl");
    }

    /**
     * The bug: Reset all to defaults on an opened crawl's settings left them titled "Settings
     * of this crawl", over the defaults. The title says what is shown; the user's own
     * settings stay as they were, and the crawl's come back when it is shown again.
     */
    @Test
    void resetAllToDefaultsOnAnOpenedCrawlsSettingsSaysTheyAreTheDefaults(FxRobot robot)
            throws Exception {
        Path file = finishedCrawl("old.webprobe");
        typeOwnSettings(robot);
        open(robot, file);
        TitledPane settings = node(robot, "#crawlSettings", TitledPane.class);
        assertThat(fx(settings::getText))
                .startsWith("Settings of this crawl (yours: File › New crawl): ");

        robot.interact(() -> node(robot, "#crawlSettingsDefaults", Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#crawlMaxPages")).isEmpty();
        assertThat(fx(settings::getText))
                .isEqualTo("Settings reset to defaults (yours: File › New crawl)");
        robot.interact(() -> node(robot, "#crawlMaxDepth", TextField.class).setText("3"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(settings::getText))
                .isEqualTo("Settings reset to defaults (yours: File › New crawl): max depth 3");
        assertThat(fx(() -> stage.getScene().getRoot().minWidth(-1)))
                .as("the tab fits the window").isLessThanOrEqualTo(fx(stage::getWidth));
        assertThat(memory.getString("crawl.settings.maxPages", "")).isEqualTo("77");

        robot.clickOn("File").clickOn("#menuNewCrawl");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(settings::getText)).startsWith("Settings: ").contains("77");
        open(robot, file);
        assertThat(fx(settings::getText))
                .startsWith("Settings of this crawl (yours: File › New crawl): ");
        assertThat(text(robot, "#crawlMaxPages")).isEqualTo("40");
    }

    @Test
    void startAfterEditingAnOpenedCrawlsSettingsMakesANewCrawlWithThemAsTheUsers(FxRobot robot)
            throws Exception {
        List<String> agents = new CopyOnWriteArrayList<>();
        server.route("/", ex -> {
            agents.add(ex.getRequestHeaders().getFirst("User-Agent"));
            html("<a href=\"/x/\">x</a> <a href=\"/a\">a</a>").handle(ex);
        });
        server.route("/a", html("a"));
        Path file = finishedCrawl("old.webprobe");
        typeOwnSettings(robot);
        open(robot, file);
        robot.interact(() -> node(robot, "#crawlMaxDepth", TextField.class).setText("3"));

        robot.clickOn("#crawlStart");
        waitForCrawlEnd(robot);

        assertThat(status(robot)).startsWith("Finished");
        CrawlPlan ran = fx(() -> vm().crawl().store().plan());
        assertThat(fx(() -> vm().fileProperty().get())).isNotEqualTo(file.toAbsolutePath());
        assertThat(ran.maxDepth()).as("as edited").isEqualTo(3);
        assertThat(ran.userAgent()).as("the opened crawl's").isEqualTo("foo");
        assertThat(ran.respectRobots()).isFalse();
        assertThat(agents).containsOnly("foo");
        assertThat(server.hits("/x/")).as("its exclude").isZero();
        // the settings a crawl started with are the user's from now on
        assertThat(memory.getString("crawl.settings.maxDepth", "")).isEqualTo("3");
        assertThat(memory.getString("crawl.settings.userAgent", "")).isEqualTo("foo");
        assertThat(fx(() -> vm().crawlSettingsShownProperty().get())).isFalse();
    }

    /** The bug: a read-only file said so in a dialog and on the status line: one is enough. */
    @Test
    void aReadOnlyFileSaysSoOnTheStatusLineOnlyAndShowsItsOwnSettings(FxRobot robot)
            throws Exception {
        Path file = finishedCrawl("kept.webprobe");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));

        open(robot, file);

        assertThat(status(robot)).isEqualTo("Opened kept.webprobe (finished, 00:00:03). " + file
                + " is read-only, so it can be opened to look at or export, but not resumed.");
        assertThat(dialogs.calls).as("no dialog besides the file chooser")
                .containsExactly("chooseCrawlFile");
        assertThat(text(robot, "#crawlMaxDepth")).isEqualTo("2");
        assertThat(text(robot, "#crawlUserAgent")).isEqualTo("foo");
        assertThat(fx(() -> node(robot, "#crawlExclude", TextArea.class).getText()))
                .isEqualTo("x");
    }
}
