package io.webprobe.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.testsupport.FakeDialogs;
import io.webprobe.testsupport.LocalHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A crawls folder that cannot take crawl files (here a file stands where it should be): the
 * crawl runs anyway, in a temporary file, and a line above the workspace says in one sentence
 * why it is not kept (docs/decisions/0027); File › Crawls folder… picks another, and the next
 * crawl is kept there, after a restart too.
 */
class CrawlsFolderWindowTest extends MainWindowTestBase {
    private Path folder;

    @Start
    void start(Stage stage) throws Exception {
        folder = tempDir.resolve("crawls");
        Files.writeString(folder, "not a folder");
        openApp(stage);
    }

    @Stop
    void stop() {
        closeApp();
    }

    /** The bug: the window refused to crawl ("Cannot create the folder for crawl files"). */
    @Test
    void theCrawlRunsInATemporaryFileAndTheWindowSaysItIsNotKept(FxRobot robot)
            throws Exception {
        server.route("/", LocalHttpServer.html("<a href=\"/a\">a</a>"));
        server.route("/a", LocalHttpServer.html("a"));
        enterUrlAndStart(robot, server.url("/"));
        waitForCrawlEnd(robot);

        assertThat(dialogs.calls).as("no error dialog").noneMatch(c -> c.startsWith("showError"));
        assertThat(urls()).containsExactlyInAnyOrder(server.url("/"), server.url("/a"));
        Node bar = robot.lookup("#notKeptBar").query();
        assertThat(fx(bar::isVisible)).isTrue();
        assertThat(fx(() -> robot.lookup("#notKeptText").queryAs(Label.class).getText()))
                .isEqualTo("Crawls cannot be saved in " + folder + ": a file of that name is "
                        + "in the way. This crawl is kept in a temporary file until you close "
                        + "it or start another; Export CSV keeps its results. File › Crawls "
                        + "folder… picks another folder.");
        Path first = fx(() -> vm().fileProperty().get());
        assertThat(first).exists();
        assertThat(first.getParent()).isNotEqualTo(folder);
        // File › Recent crawls would offer a file that is gone once this one is closed
        assertThat(fx(() -> vm().recentCrawls().files())).doesNotContain(first);
        assertThat(folder).isRegularFile().hasContent("not a folder");

        robot.clickOn("#notKeptDismiss");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(bar::isVisible)).isFalse();

        // the next crawl takes its place: the first is deleted, the next said not kept again
        enterUrlAndStart(robot, server.url("/a"));
        waitForCrawlEnd(robot);
        waiting(Duration.ofSeconds(10)).until(() -> !Files.exists(first));
        assertThat(fx(bar::isVisible)).isTrue();
        assertThat(fx(() -> vm().recentCrawls().files())).isEmpty();
    }

    /** Quitting during such a crawl does not promise that Recent crawls gets it back. */
    @Test
    void quittingDuringACrawlNotKeptSaysItIsLost(FxRobot robot) throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        server.route("/", LocalHttpServer.html("<a href=\"/held\">held</a>"));
        server.route("/held", LocalHttpServer.blockUntil(release, arrived, "held"));
        enterUrlAndStart(robot, server.url("/"));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).as("crawl reached /held").isTrue();
        dialogs.confirmAnswer = false;

        robot.press(KeyCode.CONTROL).type(KeyCode.Q).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialogs.details).containsExactly("confirm: A crawl is running. Quitting "
                + "stops the crawl, and it is lost: it is in a temporary file, deleted as "
                + "Webprobe closes.");
        assertThat(fx(() -> vm().runningProperty().get())).isTrue();
    }

    @Test
    void anotherFolderChosenFromTheFileMenuKeepsTheNextCrawlsAcrossARestart(FxRobot robot)
            throws Exception {
        server.route("/", LocalHttpServer.html("<a href=\"/a\">a</a>"));
        server.route("/a", LocalHttpServer.html("a"));
        Path mine = tempDir.resolve("my crawls");
        dialogs.folderAnswers.add(mine);

        robot.clickOn("File").clickOn("#menuCrawlsFolder");
        waiting(Duration.ofSeconds(10)).until(() -> java.nio.file.Files.isDirectory(mine));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.details).containsExactly("choose: New crawls are saved in " + folder
                + ". Crawls saved before stay where they are.",
                "chooseFolder: Where new crawls are saved (from " + folder + ")");

        enterUrlAndStart(robot, server.url("/"));
        waitForCrawlEnd(robot);
        Path kept = fx(() -> vm().fileProperty().get());
        assertThat(kept.getParent()).isEqualTo(mine);
        assertThat(fx(() -> robot.lookup("#notKeptBar").query().isVisible())).isFalse();
        assertThat(fx(() -> vm().recentCrawls().files())).contains(kept);

        restartApp();
        dialogs.choiceAnswer = FakeDialogs.CANCEL;
        robot.clickOn("File").clickOn("#menuCrawlsFolder");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.details).last().isEqualTo("choose: New crawls are saved in " + mine
                + ". Crawls saved before stay where they are.");
        assertThat(dialogs.calls).doesNotContain("showError");
    }
}
