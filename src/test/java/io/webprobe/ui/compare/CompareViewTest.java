package io.webprobe.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.testsupport.FakeDialogs;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The bug: the Compare button moved sideways with the length of the chosen files' names, so a
 * click aimed where it was missed it.
 */
@ExtendWith(ApplicationExtension.class)
class CompareViewTest {
    private CompareModel model;
    private CompareView view;

    @Start
    void start(Stage stage) {
        model = new CompareModel(Runnable::run, Runnable::run, new FakeDialogs());
        view = new CompareView(model, () -> Path.of("."));
        stage.setScene(new Scene((Parent) view.root(), 1300, 600));
        stage.show();
    }

    private double compareButtonX(Path older, Path newer) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            model.oldFileProperty().set(older);
            model.newFileProperty().set(newer);
            view.root().applyCss();
            ((Parent) view.root()).layout();
            Button run = (Button) view.root().lookup("#compareRun");
            return run.localToScene(0, 0).getX();
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theCompareButtonStaysWhereItIsWhateverTheFilesAreCalled() throws Exception {
        double shortNames = compareButtonX(Path.of("a.webprobe"), Path.of("b.webprobe"));
        double longNames = compareButtonX(
                Path.of("127.0.0.1_18801-2026-12-06-022356-and-a-much-longer-name.webprobe"),
                Path.of("127.0.0.1_18801-2026-12-06-031122.webprobe"));

        assertThat(longNames).isEqualTo(shortNames);
    }
}
