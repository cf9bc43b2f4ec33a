package io.webprobe.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.webprobe.app.AppContext;
import io.webprobe.app.WebprobeApp;
import io.webprobe.testsupport.FakeDialogs;
import io.webprobe.testsupport.LocalHttpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window, built as {@link WebprobeApp#start} builds it (headless Monocle by
 * default), with fake dialogs and a loopback server; a failure on the FX thread fails the test.
 * The window tests extend this and open and close the app from their own {@code @Start} and
 * {@code @Stop} methods.
 */
@ExtendWith(ApplicationExtension.class)
abstract class MainWindowTestBase {
    @TempDir
    protected Path tempDir;

    protected final FakeDialogs dialogs = new FakeDialogs();
    protected final LocalHttpServer server = new LocalHttpServer();
    /** Opened at the end of each test, so a route held on it never outlives the test. */
    protected final CountDownLatch release = new CountDownLatch(1);
    protected final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    /** The running app; a test that closes it itself sets this to null. */
    protected AppContext context;

    /** Call from the subclass's {@code @Start} method (TestFX looks only at the test class). */
    protected void openApp(Stage stage) {
        AppContext ctx = WebprobeApp.show(stage, dialogs);
        context = ctx;
        // as WebprobeApp.start: a failure on the FX thread becomes an error dialog
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> {
            uncaught.add(e);
            ctx.dialogs().showError("Unexpected error", "Something went wrong: " + e + ".");
        });
    }

    /**
     * Call from the subclass's {@code @Stop} method: runs on the FX thread after
     * {@link #tearDown()}, like {@code WebprobeApp.stop()}.
     */
    protected void closeApp() {
        release.countDown();
        if (context != null) {
            context.close();
        }
        Thread.currentThread().setUncaughtExceptionHandler(null);
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        server.close();
        assertThat(uncaught).as("exceptions on the FX thread").isEmpty();
    }

    /** Reads (or does) something on the FX thread. */
    protected static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    protected static <T extends Node> T node(FxRobot robot, String id, Class<T> type) {
        return robot.lookup(id).queryAs(type);
    }

    protected static ConditionFactory waiting(Duration atMost) {
        return await().atMost(atMost).pollInterval(Duration.ofMillis(20));
    }
}
