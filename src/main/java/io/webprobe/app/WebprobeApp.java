package io.webprobe.app;

import io.webprobe.UserDirs;
import io.webprobe.ui.common.DialogService;
import io.webprobe.ui.common.MenusInWindow;
import io.webprobe.ui.common.UiState;
import java.io.InputStream;
import java.util.function.UnaryOperator;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop application: builds the {@link AppContext} and shows the main window. */
public final class WebprobeApp extends Application {
    private static final Logger log = LoggerFactory.getLogger(WebprobeApp.class);
    private static final int[] ICON_SIZES = {16, 32, 64, 128, 256, 512};
    /** The {@link UiState} keys of the main window's geometry. */
    public static final String WINDOW_KEY = "window.main";
    /**
     * The main window's smallest size (less on a smaller screen): below it the Crawl tab's
     * buttons shrank to "…" and its charts had no room.
     */
    public static final double MIN_WIDTH = 960;
    public static final double MIN_HEIGHT = 640;

    /**
     * The system property the launchers (run.sh, the installed webprobe) set when Java refused
     * WEBPROBE_JAVA_OPTS and the window opened without them: the sentence saying so, which the
     * menu entry has no terminal to show.
     */
    public static final String REFUSED_OPTIONS = "webprobe.javaOptionsRefused";

    private AppContext context;

    @Override
    public void start(Stage stage) {
        UiState state = UiState.load(UiState.defaultFile(UserDirs.current()));
        context = show(stage, null, state);
        context.mainView().showNotice(startNotice(System::getProperty));
        // not HostServices.showDocument: on Linux it cannot tell when no browser opened
        FatalErrors.coverThreadsWithTheirOwnHandler();
        installErrorHandler(context);
        Platform.runLater(TestHooks::exhaustHeapIfAsked);
    }

    /**
     * What the window says as it opens, read once from the launcher's system property {@link
     * #REFUSED_OPTIONS}: "" for nothing. Logged too.
     *
     * @param properties the system property of a name, or null
     */
    public static String startNotice(UnaryOperator<String> properties) {
        String refused = properties.apply(REFUSED_OPTIONS);
        if (refused == null || refused.isBlank()) {
            return "";
        }
        log.warn("{}", refused);
        return refused;
    }

    /**
     * As {@link #show(Stage, DialogService, UiState)} with a state that is not kept: the UI tests
     * use this, so they never read or write the user's remembered window and settings.
     */
    public static AppContext show(Stage stage, DialogService dialogs) {
        return show(stage, dialogs, UiState.inMemory());
    }

    /**
     * Builds the application in a stage and shows it where it was last closed: the real
     * start-up and the UI tests use this same path. Call on the FX thread.
     *
     * @param dialogs the dialogs to use, or null for real JavaFX dialogs
     * @param state what the UI remembers between launches
     */
    public static AppContext show(Stage stage, DialogService dialogs, UiState state) {
        AppContext context = new AppContext(stage, dialogs, state);
        stage.setTitle("Webprobe");
        addIcons(stage);
        stage.setScene(createScene(context));
        context.window().restore();
        stage.show();
        return context;
    }

    /** The main window's scene with the app's stylesheet; its size is the stage's. */
    public static Scene createScene(AppContext context) {
        MenusInWindow.install(); // a menu near the window's right edge opens leftwards
        Scene scene = new Scene(context.mainView().root());
        scene.getStylesheets().add(
                WebprobeApp.class.getResource("/io/webprobe/ui/webprobe.css").toExternalForm());
        return scene;
    }

    /**
     * The last line of defence on the FX thread: log the failure once and tell the user in a
     * sentence; out of memory ends the program through {@link FatalErrors}. Call on the FX
     * thread.
     */
    public static void installErrorHandler(AppContext context) {
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> {
            if (FatalErrors.handOnOutOfMemory(t, e)) {
                return;
            }
            log.error("Unexpected failure on the UI thread", e);
            context.dialogs().showError("Unexpected error", "Something went wrong. Your data is "
                    + "still there; the details are in the log file "
                    + FatalErrors.logFile(System.getenv()) + ".");
        });
    }

    /** Sets the window icons from the bundled PNGs. */
    public static void addIcons(Stage stage) {
        for (int size : ICON_SIZES) {
            try (InputStream in = WebprobeApp.class.getResourceAsStream(
                    "/io/webprobe/icons/webprobe-" + size + ".png")) {
                if (in != null) {
                    stage.getIcons().add(new Image(in));
                }
            } catch (java.io.IOException e) {
                log.debug("Icon {} not loaded", size, e);
            }
        }
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
        Platform.exit();
    }
}
