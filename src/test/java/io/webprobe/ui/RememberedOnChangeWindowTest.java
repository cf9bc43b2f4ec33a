package io.webprobe.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.ui.common.UiState;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * What the user sets reaches the state file while the app runs, not only when its window
 * closes: a crash or a kill (nothing runs at exit) keeps it.
 */
class RememberedOnChangeWindowTest extends MainWindowTestBase {
    private Path file;

    @Start
    void start(Stage stage) {
        file = tempDir.resolve("config/ui-state.properties");
        memory = UiState.load(file);
        openApp(stage);
    }

    @Stop
    void stop() {
        closeApp();
    }

    @Test
    void aSettingAndTheWindowSizeAreInTheFileSoonAfterTheyChangeWithoutClosing(FxRobot robot) {
        robot.clickOn("#crawlSettings");
        TextField depth = node(robot, "#crawlMaxDepth", TextField.class);
        robot.clickOn(depth).write("3");
        robot.interact(() -> stage.setWidth(1111));

        // the app is not closed: what is in the file is what a kill would leave
        waiting(Duration.ofSeconds(10)).untilAsserted(() -> {
            UiState read = UiState.load(file);
            assertThat(read.getString("crawl.settings.maxDepth", null)).isEqualTo("3");
            assertThat(read.getDouble("window.main.width", 0)).isEqualTo(1111.0);
        });
    }
}
