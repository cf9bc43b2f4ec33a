package io.webprobe.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.app.WebprobeApp;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * The bug: the menu entry starts the window with no terminal, and WEBPROBE_JAVA_OPTS that Java
 * refused made a click do nothing visible. The launchers now open the window without them and
 * hand it the sentence (the system property {@link WebprobeApp#REFUSED_OPTIONS}), which it
 * shows under the menus, whichever tab is shown, until hidden.
 */
class StartNoticeWindowTest extends MainWindowTestBase {
    private static final String SAID = "Java does not start with WEBPROBE_JAVA_OPTS='-Xmx1q': "
            + "Invalid maximum heap size: -Xmx1q; Webprobe runs without them.";

    @Start
    void start(Stage stage) {
        openApp(stage);
    }

    @Stop
    void stop() {
        closeApp();
    }

    @Test
    void theSentenceTheLauncherHandsOverIsShownUntilHidden(FxRobot robot) throws Exception {
        robot.interact(() -> context.mainView().showNotice(WebprobeApp.startNotice(
                Map.of(WebprobeApp.REFUSED_OPTIONS, SAID)::get)));
        HBox bar = node(robot, "#startNoticeBar", HBox.class);
        Label text = node(robot, "#startNoticeText", Label.class);

        assertThat(fx(text::getText)).isEqualTo(SAID);
        assertThat(fx(() -> bar.isVisible() && bar.isManaged())).isTrue();
        // all of it on screen, above the tabs, at the window's least size
        robot.interact(() -> {
            stage.setWidth(WebprobeApp.MIN_WIDTH);
            stage.setHeight(WebprobeApp.MIN_HEIGHT);
        });
        robot.interact(() -> stage.getScene().getRoot().layout());
        assertThat(fx(() -> text.getHeight() - text.prefHeight(text.getWidth())))
                .as("every line of it").isGreaterThanOrEqualTo(-0.5);
        assertThat(fx(() -> sceneBounds(bar).getMaxX())).isLessThanOrEqualTo(
                fx(() -> stage.getScene().getWidth()));
        assertThat(fx(() -> sceneBounds(bar).getMaxY())).isLessThanOrEqualTo(
                fx(() -> sceneBounds(robot.lookup(".tab-pane").queryAs(TabPane.class))
                        .getMinY()));
        // the other tabs see it too: it is the window's, not the Crawl tab's
        robot.clickOn("#pingTab .tab-label");
        assertThat(fx(bar::isVisible)).isTrue();

        robot.clickOn(node(robot, "#startNoticeHide", Button.class));

        assertThat(fx(() -> bar.isVisible() || bar.isManaged())).isFalse();
        // not left on the hidden button: on the tabs, whose keys work from there
        assertThat(fx(() -> stage.getScene().getFocusOwner())).isInstanceOf(TabPane.class);
        assertThat(dialogs.calls).as("nothing to click away").isEmpty();
    }

    @Test
    void withoutASentenceNothingTakesRoom(FxRobot robot) throws Exception {
        robot.interact(() -> context.mainView().showNotice(WebprobeApp.startNotice(
                Map.<String, String>of()::get)));
        robot.interact(() -> context.mainView().showNotice(WebprobeApp.startNotice(
                Map.of(WebprobeApp.REFUSED_OPTIONS, " ")::get)));

        HBox bar = node(robot, "#startNoticeBar", HBox.class);
        assertThat(fx(() -> bar.isVisible() || bar.isManaged())).isFalse();
    }
}
