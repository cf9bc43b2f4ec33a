package io.webprobe.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * The bug: the window tests that sized the window past the headless screen's edge (the Ping
 * table's URL column at 1,600-1,800 px, the Crawl settings at 1,600×1,000) passed while the
 * render thread printed a BufferOverflowException (UploadingPainter) for every frame: Monocle's
 * headless renderer cannot draw a window reaching past its screen. The window tests keep it on
 * the screen, as a window manager does ({@link MainWindowTestBase}).
 */
class ScreenEdgeWindowTest extends MainWindowTestBase {
    @Start
    void start(Stage stage) {
        openApp(stage);
    }

    @Stop
    void stop() {
        closeApp();
    }

    @Test
    void aWindowSizedPastTheScreensEdgeIsDrawnWithoutARenderError(FxRobot robot)
            throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream was = System.err;
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                was.write(b);
                printed.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                was.write(b, off, len);
                printed.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8));
        try {
            robot.interact(() -> {
                stage.setWidth(1800);
                stage.setHeight(1000);
            });
            framesDrawn(5);
            robot.interact(() -> stage.setWidth(1300));
            framesDrawn(5);
        } finally {
            System.setErr(was);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8)).as("printed while drawn")
                .doesNotContain("Exception");
        Rectangle2D screen = fx(() -> Screen.getPrimary().getBounds());
        assertThat(fx(() -> stage.getX() + stage.getWidth())).isLessThanOrEqualTo(
                screen.getMaxX());
        assertThat(fx(() -> stage.getY() + stage.getHeight())).isLessThanOrEqualTo(
                screen.getMaxY());
        assertThat(fx(stage::getWidth)).isEqualTo(1300);
    }

    /** Waits for {@code n} pulses, each drawn after the one before (the FX thread waits). */
    private static void framesDrawn(int n) throws Exception {
        CountDownLatch frames = new CountDownLatch(n);
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frames.countDown();
            }
        };
        fx(() -> {
            timer.start();
            return null;
        });
        try {
            assertThat(frames.await(10, TimeUnit.SECONDS)).as("%d frames", n).isTrue();
        } finally {
            fx(() -> {
                timer.stop();
                return null;
            });
        }
    }
}
