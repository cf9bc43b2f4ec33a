package io.webprobe.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.testsupport.FxStages;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The bug: in the Ping table at 960 px, a URL cut in the middle read "https://12...0.1:18904/"
 * over "…/e", a URL cut by its path's end: two ellipses in one column (JavaFX's default
 * "..."). A URL cell cuts with "…" either way now.
 */
@ExtendWith(ApplicationExtension.class)
class UrlEndsCutTest {
    private Label middle;
    private Label end;

    @Start
    void start(Stage stage) {
        middle = new Label();
        end = new Label();
        for (Label l : new Label[] {middle, end}) {
            l.setPrefWidth(120);
            l.setMaxWidth(120);
        }
        new UrlEnds(middle).show("https://127.0.0.1:18904/a-long-path/of-many-words", false);
        new UrlEnds(end).show("https://127.0.0.1:18904/a-long-path/of-many-words", true);
        FxStages.show(stage, new Scene(new VBox(middle, end), 200, 80));
    }

    @Test
    void aUrlCutInTheMiddleOrByItsPathsEndIsCutWithOneEllipsis() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        String[] shown = WaitForAsyncUtils.asyncFx(() -> new String[] {
            ((Text) middle.lookup(".text")).getText(), ((Text) end.lookup(".text")).getText()
        }).get(10, TimeUnit.SECONDS);

        assertThat(shown[0]).startsWith("https://").contains("…").doesNotContain("...")
                .endsWith("words");
        assertThat(shown[1]).startsWith("…").endsWith("words").doesNotContain("...");
    }
}
