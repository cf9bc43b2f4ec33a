package io.webprobe.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.testsupport.FxStages;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The bug: {@link RememberedWindow#restore} added its listeners to the stage each time it was
 * called, and none was ever taken off. On the UI tests' shared stage every test class's window
 * kept following it, each writing the bounds and the maximised state into its own state, and
 * a later show ran each one's first-show step, sizing the stage to its bounds. A stage follows
 * the last restore on it only now.
 */
@ExtendWith(ApplicationExtension.class)
class RememberedWindowTest {
    private static final String KEY = "test.window";
    private static final Rectangle2D SCREEN = new Rectangle2D(0, 0, 1600, 1000);
    private Stage stage;
    private RememberedWindow first;
    private RememberedWindow second;

    @Start
    void start(Stage s) {
        stage = s;
        FxStages.show(stage, new Scene(new Pane(), 400, 300));
    }

    /** The shared stage given back as it was found: followed by none, not maximised. */
    @AfterEach
    void giveTheStageBack() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            for (RememberedWindow w : new RememberedWindow[] {first, second}) {
                if (w != null) {
                    w.stopFollowing();
                }
            }
            stage.setMaximized(false);
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void onlyTheLastRestoreOnAStageFollowsIt() throws Exception {
        UiState firstState = UiState.inMemory();
        UiState secondState = UiState.inMemory();
        Rectangle2D moved = new Rectangle2D(30, 40, 500, 350);
        Rectangle2D[] saved = WaitForAsyncUtils.asyncFx(() -> {
            first = new RememberedWindow(stage, firstState, KEY);
            first.restore(List.of(SCREEN), SCREEN);
            first.restore(List.of(SCREEN), SCREEN); // twice: still once on the stage
            second = new RememberedWindow(stage, secondState, KEY);
            second.restore(List.of(SCREEN), SCREEN);
            Rectangle2D firstPlaced = first.normalBounds();
            stage.setX(moved.getMinX());
            stage.setY(moved.getMinY());
            stage.setWidth(moved.getWidth());
            stage.setHeight(moved.getHeight());
            // a save takes bounds that have not held still yet, when it follows the stage
            first.save();
            second.save();
            stage.setMaximized(true);
            return new Rectangle2D[] {firstPlaced, bounds(firstState), bounds(secondState)};
        }).get(10, TimeUnit.SECONDS);

        assertThat(saved[2]).as("the last restore follows the stage").isEqualTo(moved);
        assertThat(saved[1]).as("an earlier one no more").isEqualTo(saved[0]);
        assertThat(secondState.getBoolean(KEY + ".maximized", false)).isTrue();
        assertThat(firstState.getBoolean(KEY + ".maximized", false))
                .as("an earlier one writes no state").isFalse();
    }

    private static Rectangle2D bounds(UiState s) {
        return new Rectangle2D(s.getDouble(KEY + ".x", -1), s.getDouble(KEY + ".y", -1),
                s.getDouble(KEY + ".width", -1), s.getDouble(KEY + ".height", -1));
    }
}
