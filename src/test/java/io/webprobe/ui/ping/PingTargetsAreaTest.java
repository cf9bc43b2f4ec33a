package io.webprobe.ui.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.export.CsvExporter;
import io.webprobe.testsupport.FakeDialogs;
import io.webprobe.testsupport.FxStages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Ping tab's list of URLs, given a list from elsewhere. */
@ExtendWith(ApplicationExtension.class)
class PingTargetsAreaTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private PingViewModel vm;
    private javafx.scene.control.TabPane tabs;
    private javafx.scene.control.Tab crawlTab;
    private javafx.scene.control.Tab pingTab;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new PingViewModel((plan, listener) -> {
            throw new AssertionError("no job in this test");
        }, Platform::runLater, timer, Runnable::run, new CsvExporter(), new FakeDialogs(),
                "t", Duration.ofMillis(50));
        // as in the window: the Crawl tab's Ping these fills the list while that tab shows
        crawlTab = new javafx.scene.control.Tab("Crawl", new StackPane());
        pingTab = new javafx.scene.control.Tab("Ping", new PingView(vm).root());
        tabs = new javafx.scene.control.TabPane(crawlTab, pingTab);
        FxStages.show(stage, new Scene(tabs, 1000, 700));
    }

    @AfterEach
    void tearDown() {
        timer.shutdownNow();
    }

    /**
     * The bug: after a list typed in, a crawl's URLs put in the list (Ping these) showed every
     * line cut at its start ("ttp://127.0.0.1:18201/section-2/…"), the list scrolled sideways
     * though nobody had scrolled it, until it was clicked into and left. A list put there
     * while the list is not being typed in shows from its start.
     */
    @Test
    void aListPutInFromElsewhereShowsFromItsStart(FxRobot robot) throws Exception {
        TextArea urls = robot.lookup("#pingTargets").queryAs(TextArea.class);
        String typed = "https://127.0.0.1:18204/\nhttps://localhost:18204/\n"
                + "http://127.0.0.1:18203/\n";
        List<String> crawl = new ArrayList<>();
        for (int i = 0; i < 217; i++) {
            crawl.add("http://127.0.0.1:18201/section-" + i + "/page-" + (i * 7) + "-with-a-long"
                    + "-name.html");
        }
        robot.interact(() -> {
            vm.targetsProperty().set(String.join("\n", crawl.subList(0, 100)) + "\n" + typed);
            urls.positionCaret(urls.getLength());
        });
        WaitForAsyncUtils.waitForFxEvents();
        // scrolled as the window's skin left it (headless, the skin did not scroll by itself)
        robot.interact(() -> {
            urls.setScrollLeft(30);
            urls.setScrollTop(200);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> assertThat(List.of(urls.getScrollLeft(), urls.getScrollTop()))
                .containsExactly(30.0, 200.0));
        robot.interact(() -> tabs.getSelectionModel().select(crawlTab));
        robot.interact(() -> {
            vm.targetsProperty().set(String.join("\n", crawl));
            tabs.getSelectionModel().select(pingTab);
        });
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> assertThat(List.of(urls.getScrollLeft(), urls.getScrollTop(),
                urls.getCaretPosition())).containsExactly(0.0, 0.0, 0));
    }

    /**
     * The bug: at 960×640 a list's bad lines, named under it whole, left the list two rows
     * (one of them under its sideways scroll bar). Five rows stay in sight, the reasons are
     * still shown whole below the list, and the settings scroll instead.
     */
    @Test
    void aListWithBadLinesKeepsFiveRowsInASmallWindow(FxRobot robot) {
        // the window's 960×640 less its menu bar
        robot.interact(() -> {
            stage.setWidth(960);
            stage.setHeight(615);
        });
        robot.interact(() -> vm.targetsProperty().set("http://127.0.0.1:1/a\ngarbage line\n"
                + "ftp://127.0.0.1/x\nhttp://127.0.0.1:1/b\nhttp://127.0.0.1:1/a\n"
                + "mailto:x@y.z\nhttp://127.0.0.1:1/c-with-a-path-wider-than-the-list.html\n"
                + "http://a http://b\nhttp://127.0.0.1:1/d\n"));
        robot.interact(() -> vm.showTargetProblems());
        WaitForAsyncUtils.waitForFxEvents();

        TextArea urls = robot.lookup("#pingTargets").queryAs(TextArea.class);
        javafx.scene.control.Label problems =
                robot.lookup("#pingProblems").queryAs(javafx.scene.control.Label.class);
        javafx.scene.control.ScrollPane text = (javafx.scene.control.ScrollPane)
                urls.lookup(".scroll-pane");
        robot.interact(() -> {
            assertThat(problems.getText()).contains("Line 2 skipped", "and 1 more line skipped",
                    "1 line repeats a URL");
            assertThat(text.getViewportBounds().getHeight()).as("the list's rows in sight")
                    .isGreaterThanOrEqualTo(PingControls.PROBLEM_ROWS
                            * PingControls.lineHeight(urls.getFont()) - 0.5);
            // below the list, not over it, and whole
            assertThat(problems.localToScene(problems.getBoundsInLocal()).getMinY())
                    .isGreaterThanOrEqualTo(urls.localToScene(urls.getBoundsInLocal()).getMaxY());
            assertThat(problems.getHeight())
                    .isGreaterThanOrEqualTo(problems.prefHeight(problems.getWidth()) - 0.5);
        });
    }

    /**
     * The bug: at 960×640 in Fixed rate mode (a row more of settings: Rate and Duration) the
     * list of URLs showed two rows and a third cut under Openbox. Four rows show there now, the
     * settings under it whole and not scrolling. The headless screen's font is as large (13
     * px) but its lines are 15 px, not 17.6, and every row of settings shorter: the list had 4
     * rows of it before (60 px) and has 5 now, what 4 are under Openbox.
     */
    @Test
    void inFixedRateModeTheListShowsFourRowsInASmallWindow(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(960);
            stage.setHeight(615); // the window's 960×640 less its menu bar
        });
        robot.interact(() -> {
            vm.modeProperty().set(io.webprobe.ping.PingMode.RATE);
            vm.targetsProperty().set("http://127.0.0.1:1/a\nhttp://127.0.0.1:1/b\n"
                    + "http://127.0.0.1:1/c\nhttp://127.0.0.1:1/d\nhttp://127.0.0.1:1/e\n");
        });
        WaitForAsyncUtils.waitForFxEvents();
        TextArea urls = robot.lookup("#pingTargets").queryAs(TextArea.class);
        javafx.scene.control.ScrollPane text = (javafx.scene.control.ScrollPane)
                urls.lookup(".scroll-pane");
        javafx.scene.Node up = urls.getParent();
        while (!(up instanceof javafx.scene.control.ScrollPane)) {
            up = up.getParent();
        }
        javafx.scene.control.ScrollPane settings = (javafx.scene.control.ScrollPane) up;
        robot.interact(() -> {
            assertThat(text.getViewportBounds().getHeight()).as("the list's rows in sight")
                    .isGreaterThanOrEqualTo(5 * PingControls.lineHeight(urls.getFont()) - 0.5);
            assertThat(settings.getStyleClass()).contains("settings-scroll");
            assertThat(settings.getViewportBounds().getHeight()).as("the settings do not scroll")
                    .isGreaterThanOrEqualTo(settings.getContent().getLayoutBounds().getHeight()
                            - 0.5);
        });
    }
}
