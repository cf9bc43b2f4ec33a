package io.webprobe.ui;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.ping.PingMode;
import java.time.Duration;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The bug: the "Line 8 skipped: …" lines under the Ping tab's URL list were cut at the
 * window's first size ("Only http:// and https:// ...") with no tooltip, and to two lines in
 * Fixed rate mode; a URL given twice was left out without a word.
 */
class PingProblemsWindowTest extends MainWindowTestBase {
    @Start
    void start(Stage stage) {
        openApp(stage);
    }

    @Stop
    void stop() {
        closeApp();
    }

    @Test
    void theSkippedLinesShowInFullAndARepeatedUrlIsNamed(FxRobot robot) throws Exception {
        server.route("/a", html("a"));
        robot.clickOn(robot.lookup(".tab-label").queryAllAs(Label.class).stream()
                .filter(l -> "Ping".equals(l.getText())).findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        ComboBox<PingMode> mode = robot.lookup("#pingMode").queryAs(ComboBox.class);
        robot.interact(() -> mode.setValue(PingMode.RATE));
        TextArea targets = node(robot, "#pingTargets", TextArea.class);
        robot.interact(() -> targets.setText("# a list\n" + server.url("/a") + "\n"
                + "not a url at all\n" + "ftp://127.0.0.1/file\n" + server.url("/a") + "\n"));
        robot.interact(() -> node(robot, "#pingStart", Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();

        Label problems = node(robot, "#pingProblems", Label.class);
        String text = fx(problems::getText);
        assertThat(text).contains("Line 3 skipped: ", "Line 4 skipped: Only http:// and https://",
                "1 line repeats a URL listed above it and was left out.");
        // drawn whole: the label's text node shows every word, nothing cut with "..."
        assertThat(fx(() -> ((Text) problems.lookup(".text")).getText())).isEqualTo(text);
        assertThat(fx(() -> problems.getHeight()))
                .isGreaterThanOrEqualTo(fx(() -> problems.prefHeight(problems.getWidth())) - 0.5);
        assertThat(fx(() -> problems.getTooltip().getText())).isEqualTo(text);

        robot.interact(() -> node(robot, "#pingStop", Button.class).fire());
        Button start = node(robot, "#pingStart", Button.class);
        waiting(Duration.ofSeconds(30)).until(() -> !fx(start::isDisabled));
    }
}
