package io.webprobe.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.webprobe.app.AppContext;
import io.webprobe.app.WebprobeApp;
import io.webprobe.testsupport.FakeDialogs;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.crawl.BrokenLink;
import io.webprobe.store.UrlQuery;
import io.webprobe.ui.common.UiState;
import io.webprobe.ui.crawl.CrawlViewModel;
import io.webprobe.ui.crawl.table.UrlItem;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.StatusBar;
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
    /** What the app remembers; a test that opens the app again keeps it (a restart). */
    protected UiState memory = UiState.inMemory();
    /** What Copy put on the clipboard, newest last. */
    protected final List<String> clipboard = new CopyOnWriteArrayList<>();
    protected Stage stage;

    /** Call from the subclass's {@code @Start} method (TestFX looks only at the test class). */
    protected void openApp(Stage stage) {
        this.stage = stage;
        // as WebprobeApp.show, with the test's memory, clipboard and crawls folder
        AppContext ctx = new AppContext(stage, dialogs, memory, tempDir.resolve("crawls"),
                clipboard::add);
        stage.setTitle("Webprobe");
        stage.setScene(WebprobeApp.createScene(ctx));
        ctx.window().restore();
        keepOnScreen(stage);
        stage.show();
        context = ctx;
        // as WebprobeApp.start: a failure on the FX thread becomes an error dialog
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> {
            uncaught.add(e);
            ctx.dialogs().showError("Unexpected error", "Something went wrong: " + e + ".");
        });
    }

    /**
     * Moves the window back onto the screen whenever a test sizes it past the screen's edge, as
     * a window manager would. Monocle's headless renderer (the tests' screen is {@code
     * headless.geometry}, 1920×1080) cannot draw a window reaching past it: the window opens
     * at x 360, and a test that made it 1,600 px wide or 1,000 px high had every frame fail
     * with a BufferOverflowException in UploadingPainter, printed by the render thread while
     * the test passed. Listeners added once per stage (a restart reopens in the same one).
     */
    private static void keepOnScreen(Stage stage) {
        if (stage.getProperties().putIfAbsent(KEPT_ON_SCREEN, Boolean.TRUE) != null) {
            return;
        }
        Runnable fit = () -> {
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
            if (stage.getX() + stage.getWidth() > screen.getMaxX()) {
                stage.setX(Math.max(screen.getMinX(), screen.getMaxX() - stage.getWidth()));
            }
            if (stage.getY() + stage.getHeight() > screen.getMaxY()) {
                stage.setY(Math.max(screen.getMinY(), screen.getMaxY() - stage.getHeight()));
            }
        };
        stage.widthProperty().addListener((o, was, now) -> fit.run());
        stage.heightProperty().addListener((o, was, now) -> fit.run());
        fit.run();
    }

    private static final String KEPT_ON_SCREEN = "webprobe.test.keptOnScreen";

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

    /** Closes the app and opens it again in the same window, keeping {@link #memory}. */
    protected void restartApp() throws Exception {
        fx(() -> {
            context.close();
            openApp(stage);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
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

    // == the Crawl tab ==

    protected CrawlViewModel vm() {
        return context.crawlViewModel();
    }

    protected static void enterUrlAndStart(FxRobot robot, String url) {
        TextField field = node(robot, "#crawlUrl", TextField.class);
        robot.interact(() -> field.setText(url));
        robot.clickOn(field).type(KeyCode.ENTER);
    }

    /** The crawl ended and the table shows the whole file. */
    protected void waitForCrawlEnd(FxRobot robot) {
        Button start = node(robot, "#crawlStart", Button.class);
        try {
            waiting(Duration.ofSeconds(30)).until(() -> !fx(start::isDisabled)
                    && (status(robot).startsWith("Finished")
                            || status(robot).startsWith("Stopped"))
                    && !fx(() -> vm().table().busyProperty().get())
                    && !fx(() -> vm().broken().readingProperty().get())
                    && !fx(() -> vm().overview().countingProperty().get()));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // which part did not come: a failure says where the window stood
            throw new AssertionError("the crawl did not end in the window: status \""
                    + fxQuietly(() -> status(robot)) + "\", start disabled "
                    + fxQuietly(start::isDisabled) + ", table busy "
                    + fxQuietly(() -> vm().table().busyProperty().get()) + ", broken links "
                    + "reading " + fxQuietly(() -> vm().broken().readingProperty().get())
                    + ", overview counting "
                    + fxQuietly(() -> vm().overview().countingProperty().get()) + ", URL field \""
                    + fxQuietly(() -> node(robot, "#crawlUrl", TextField.class).getText())
                    + "\"", e);
        }
    }

    private static Object fxQuietly(Callable<?> read) {
        try {
            return fx(read);
        } catch (Exception e) {
            return "(unread: " + e + ")";
        }
    }

    protected static String status(FxRobot robot) throws Exception {
        return fx(() -> node(robot, "#crawlStatus", StatusBar.class).getText());
    }

    /** The URL table's rows in its order, read from the crawl file. */
    protected List<UrlQuery.Row> rows() throws Exception {
        CompletableFuture<List<UrlQuery.Row>> rows = new CompletableFuture<>();
        fx(() -> {
            vm().rowsOf(vm().table().items().ids(), rows::complete);
            return null;
        });
        return rows.get(10, TimeUnit.SECONDS);
    }

    protected List<String> urls() throws Exception {
        return rows().stream().map(r -> r.result().url()).toList();
    }

    @SuppressWarnings("unchecked")
    protected static TableView<UrlItem> pagesTable(FxRobot robot) {
        return robot.lookup("#crawlTable").queryAs(TableView.class);
    }

    /**
     * Shows the Broken links tab and waits for its list, which is read once the tab is shown.
     */
    protected TableView<BrokenLink> showBrokenLinks(FxRobot robot) {
        robot.clickOn(robot.lookup(".tab-label").queryAllAs(javafx.scene.control.Label.class)
                .stream().filter(l -> l.getText().startsWith("Broken links")).findFirst()
                .orElseThrow());
        waiting(Duration.ofSeconds(10)).until(() -> !fx(() -> vm().broken().readingProperty()
                .get() || vm().broken().staleProperty().get()));
        return brokenTable(robot);
    }

    @SuppressWarnings("unchecked")
    protected static TableView<BrokenLink> brokenTable(FxRobot robot) {
        return robot.lookup("#brokenTable").queryAs(TableView.class);
    }

    /**
     * Checks at once, then every 20 ms (with a poll interval and no poll delay, Awaitility
     * waits one interval before its first check: 20 ms on every wait, met or not).
     */
    protected static ConditionFactory waiting(Duration atMost) {
        return await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20));
    }

    /**
     * Opens a node's context menu as a right-click would. Headless Monocle turns neither a
     * secondary click nor Shift+F10 into a context-menu request, so the request the window
     * system would send is fired at the node's centre; the menu itself is real and clicked.
     */
    protected static void requestContextMenu(FxRobot robot, Node target) {
        robot.interact(() -> {
            javafx.geometry.Bounds b = target.localToScreen(target.getBoundsInLocal());
            double x = b.getCenterX();
            double y = b.getCenterY();
            javafx.geometry.Point2D local = target.screenToLocal(x, y);
            javafx.event.Event.fireEvent(target, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, local.getX(),
                    local.getY(), x, y, false, new javafx.scene.input.PickResult(target, x, y)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A node's bounds in its scene's coordinates. */
    protected static javafx.geometry.Bounds sceneBounds(javafx.scene.Node n) {
        return n.localToScene(n.getLayoutBounds());
    }
}
