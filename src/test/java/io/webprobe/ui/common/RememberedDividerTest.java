package io.webprobe.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.testsupport.FxStages;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The bug: the Crawl tab's details divider was remembered on any click in its panes, so where
 * a small window's least table height had pushed it (0.898 of the pane, in List mode at
 * 960×640) was kept as the user's choice, and the details pane was a heading high in every
 * window after. Only a drag of the split's own divider is remembered.
 */
@ExtendWith(ApplicationExtension.class)
class RememberedDividerTest {
    private static final String KEY = "test.divider";
    private final UiState memory = UiState.inMemory();
    private SplitPane split;
    private Pane top;

    @Start
    void start(Stage stage) {
        top = new Pane();
        top.setId("top");
        Pane bottom = new Pane();
        bottom.setMinHeight(0);
        split = new SplitPane(top, bottom);
        split.setOrientation(Orientation.VERTICAL);
        RememberedDivider.keep(split, memory, KEY, 0.5);
        FxStages.show(stage, new Scene(split, 400, 400));
    }

    @Test
    void aClickInAPaneKeepsNothingADragOfTheDividerIsKept(FxRobot robot) throws Exception {
        // the top pane's least height pushes the divider down, as a small window does
        robot.interact(() -> top.setMinHeight(360));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(split.getDividerPositions()[0]).isGreaterThan(0.85);
        robot.clickOn(top);
        assertThat(memory.getDouble(KEY, -1)).as("a click is no choice of the user's")
                .isEqualTo(-1);

        robot.interact(() -> top.setMinHeight(Region.USE_COMPUTED_SIZE));
        WaitForAsyncUtils.waitForFxEvents();
        Node divider = WaitForAsyncUtils.asyncFx(() -> split.getChildrenUnmodifiable().stream()
                .filter(n -> n.getStyleClass().contains("split-pane-divider")).findFirst()
                .orElseThrow()).get();
        robot.drag(divider, MouseButton.PRIMARY).moveBy(0, -80).drop();
        WaitForAsyncUtils.waitForFxEvents();
        double kept = memory.getDouble(KEY, -1);
        assertThat(kept).as("the divider dragged up from 0.9").isBetween(0.6, 0.8);
        assertThat(kept).isCloseTo(split.getDividerPositions()[0],
                org.assertj.core.data.Offset.offset(0.01));
    }
}
