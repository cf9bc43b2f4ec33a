package io.webprobe.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * The window's bounds are remembered once they hold still, not as they pass. The bug: after
 * Alt+F4 under Openbox the next start once opened at 0,0; the window manager reports passing
 * bounds (0,0 among them, while un-maximising) and each was remembered as it came, so a close
 * at that moment kept it.
 */
class RememberedBoundsWindowTest extends MainWindowTestBase {
    @Start
    void start(Stage stage) {
        openApp(stage);
    }

    @Stop
    void stop() {
        closeApp();
    }

    private double[] remembered() {
        return new double[] {memory.getDouble("window.main.x", Double.NaN),
                memory.getDouble("window.main.y", Double.NaN)};
    }

    private double[] where() throws Exception {
        return fx(() -> new double[] {stage.getX(), stage.getY()});
    }

    @Test
    void boundsPassingWhenTheWindowClosesAreNotKept(FxRobot robot) throws Exception {
        robot.interact(() -> stage.setX(stage.getX() + 40));
        double[] held = where();
        waiting(Duration.ofSeconds(10)).until(() -> java.util.Arrays.equals(remembered(), held));

        // what the close kept, read at once: the test's stage stays shown after it (a closed
        // app's window does not), and what Monocle reports of the maximising later is no
        // longer the closed app's
        double[] kept = fx(() -> {
            stage.setMaximized(true);
            stage.setMaximized(false);
            stage.setX(0); // as the window manager reports it on the way back
            stage.setY(0);
            context.close(); // Alt+F4 at that moment
            context = null;
            return remembered();
        });
        assertThat(kept).containsExactly(held);
    }

    /** Moved, then closed before the bounds held still: opens where it was closed. */
    @Test
    void aMoveJustBeforeTheCloseIsKept(FxRobot robot) throws Exception {
        double[][] moved = fx(() -> {
            stage.setX(stage.getX() + 30);
            stage.setY(stage.getY() + 20);
            double[] at = {stage.getX(), stage.getY()};
            context.close();
            context = null;
            return new double[][] {at, remembered()};
        });
        assertThat(moved[1]).containsExactly(moved[0]);
    }

    @Test
    void aMoveIsKeptOnceTheWindowHoldsStill(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setX(stage.getX() + 30);
            stage.setY(stage.getY() + 20);
        });
        double[] moved = where();
        waiting(Duration.ofSeconds(10)).until(() -> java.util.Arrays.equals(remembered(), moved));
        assertThat(memory.getDouble("window.main.width", -1)).isEqualTo(fx(stage::getWidth));
    }
}
