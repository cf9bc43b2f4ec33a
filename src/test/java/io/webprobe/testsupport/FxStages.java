package io.webprobe.testsupport;

import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Shows a test's scene at its own size. TestFX gives every test class of a JVM the same stage,
 * and a stage keeps a size set on it (WorkersViewTest's 230 px wide) when a scene of another
 * size is set later: a table placed past 230 px was then outside its scene, and clicks on it
 * failed ("bounds are not visible in Scene") depending on which class ran before.
 */
public final class FxStages {
    private FxStages() {}

    /** Sets {@code scene} on {@code stage}, sizes the stage to it, and shows it. FX thread. */
    public static void show(Stage stage, Scene scene) {
        stage.setScene(scene);
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        stage.setWidth(scene.getWidth());
        stage.setHeight(scene.getHeight());
        stage.show();
    }
}
