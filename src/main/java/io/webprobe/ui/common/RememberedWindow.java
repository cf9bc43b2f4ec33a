package io.webprobe.ui.common;

import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * A stage that opens where it was closed: {@link #restore} sizes and places it before it is
 * shown (see {@link WindowPlacement}), then follows its normal (not maximised) bounds, and
 * puts them and the maximised state into a {@link UiState} as they change, the bounds once
 * they hold still (and {@link #save} once more) under
 * {@code PREFIX.x}, {@code .y}, {@code .width}, {@code .height} and {@code .maximized}.
 *
 * <p>Two JavaFX 21 bugs on Linux are worked around (seen under Openbox; fixed in later JavaFX):
 * a stage sized only by its scene opens at 200×200 and dialogs snap it back there
 * (JDK-8316423), so the size is set on the stage and asked for again once shown; and
 * un-maximising returns nearly to the screen's size, so the bounds from before maximising are
 * put back.
 *
 * <p>A stage follows one {@code RememberedWindow} at a time, once: {@link #restore} takes off
 * the listeners the last restore on the same stage put on it (this one's or another's), so
 * restoring again, or a new one on a stage reused (the UI tests' shared stage, an app opened
 * again in its stage), neither piles listeners up nor leaves an old one writing its state.
 *
 * <p>Bounds count once they have held still for {@link #SETTLE} with the window neither
 * maximised, iconified nor full screen. The window manager reports passing bounds while a
 * window is shown, maximised or un-maximised (seen under Openbox: the maximised size with the
 * maximised state already off, then {@code 0,0} at 1200×760, then where it was, all within
 * 6 ms; at the first show 200×200 and the minimum size): each was put into the state as it came,
 * and a close at the wrong moment opened the next start at {@code 0,0}.
 */
public final class RememberedWindow {
    /** How long bounds must hold still to be the window's (the passing ones last ~20 ms). */
    static final javafx.util.Duration SETTLE = javafx.util.Duration.millis(300);

    private final Stage stage;
    private final javafx.animation.PauseTransition settling =
            new javafx.animation.PauseTransition(SETTLE);
    private final UiState state;
    private final String prefix;
    private Rectangle2D normal;
    private Rectangle2D beforeMaximize;
    private double minWidth;
    private double minHeight;
    /** Whether the window was maximised or un-maximised since bounds last held still. */
    private boolean maximizing;
    /** What {@link #restore} put on the stage, taken off by the next restore on it. */
    private Runnable unfollow = () -> { };

    /** The stage's property naming the {@code RememberedWindow} that follows it. */
    private static final Object FOLLOWED_BY = new Object();

    /**
     * @param stage the window, not yet shown
     * @param state where the geometry is remembered
     * @param prefix the key prefix, e.g. "window.main"
     */
    public RememberedWindow(Stage stage, UiState state, String prefix) {
        this.stage = stage;
        this.state = state;
        this.prefix = prefix;
    }

    /**
     * The smallest size the window may take (its layout breaks below it), or less when the
     * screen is smaller. Call before {@link #restore}.
     */
    public void setMinimumSize(double width, double height) {
        minWidth = width;
        minHeight = height;
    }

    /** Places the stage from the remembered state on the current screens. Call before show. */
    public void restore() {
        List<Rectangle2D> screens = Screen.getScreens().stream()
                .map(Screen::getVisualBounds).toList();
        restore(screens, Screen.getPrimary().getVisualBounds());
    }

    /** As {@link #restore()}, with the screens given (for tests). */
    public void restore(List<Rectangle2D> screens, Rectangle2D primary) {
        Rectangle2D placed = WindowPlacement.place(remembered(), screens, primary);
        Rectangle2D screen = screens.stream()
                .filter(s -> s.contains(placed.getMinX(), placed.getMinY())).findFirst()
                .orElse(primary);
        Rectangle2D bounds = WindowPlacement.atLeast(placed, minWidth, minHeight, screen);
        stage.setMinWidth(Math.min(minWidth, screen.getWidth()));
        stage.setMinHeight(Math.min(minHeight, screen.getHeight()));
        apply(bounds);
        normal = bounds;
        boolean maximized = state.getBoolean(prefix + ".maximized", false);
        follow(bounds, maximized);
    }

    /**
     * Puts this window's listeners on the stage, after taking off those of the last restore
     * on it.
     */
    private void follow(Rectangle2D bounds, boolean maximized) {
        if (stage.getProperties().put(FOLLOWED_BY, this) instanceof RememberedWindow last) {
            last.unfollow.run();
        }
        // Shown at its normal bounds first and maximised after, so that the window manager
        // knows the size to return to when the user un-maximises it.
        EventHandler<WindowEvent> onFirstShow = new EventHandler<>() {
            @Override
            public void handle(WindowEvent e) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                Platform.runLater(() -> settle(bounds, maximized));
            }
        };
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, onFirstShow);
        settling.setOnFinished(e -> settled());
        javafx.beans.value.ChangeListener<Boolean> onMaximized = (o, was, now) -> {
            state.putBoolean(prefix + ".maximized", now);
            maximizing = true;
            if (now) {
                settling.stop(); // the bounds on the way there are not the normal ones
                beforeMaximize = normal;
            } else if (beforeMaximize != null) {
                // JavaFX 21 on Linux un-maximises to nearly the screen's size (seen under
                // Openbox); put the window back where it was
                Rectangle2D back = beforeMaximize;
                Platform.runLater(() -> apply(back));
            }
        };
        javafx.beans.value.ChangeListener<Number> onBounds = (o, was, now) -> moved();
        stage.maximizedProperty().addListener(onMaximized);
        List<javafx.beans.value.ObservableValue<Number>> edges = List.of(stage.xProperty(),
                stage.yProperty(), stage.widthProperty(), stage.heightProperty());
        edges.forEach(b -> b.addListener(onBounds));
        unfollow = () -> {
            stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, onFirstShow);
            stage.maximizedProperty().removeListener(onMaximized);
            edges.forEach(b -> b.removeListener(onBounds));
            settling.stop();
            unfollow = () -> { };
        };
    }

    /** Takes this window's listeners off its stage (a test gives its shared stage back). */
    void stopFollowing() {
        stage.getProperties().remove(FOLLOWED_BY, this);
        unfollow.run();
    }

    /**
     * Right after the first show: asks again for the size if the window manager gave another
     * (JDK-8316423), then maximises if it was maximised.
     */
    private void settle(Rectangle2D bounds, boolean maximized) {
        if (stage.getWidth() != bounds.getWidth() || stage.getHeight() != bounds.getHeight()) {
            stage.setWidth(bounds.getWidth());
            stage.setHeight(bounds.getHeight());
        }
        if (maximized) {
            stage.setMaximized(true);
        }
    }

    /** The bounds the window has when not maximised: what the next launch opens at. */
    public Rectangle2D normalBounds() {
        return normal;
    }

    /**
     * Writes the normal bounds and the maximised state into the {@link UiState}. Bounds that
     * have not yet held still count too, unless the window was just maximised or un-maximised
     * (then they may be passing ones): moved and closed at once, it opens where it was closed.
     */
    public void save() {
        if (settling.getStatus() == javafx.animation.Animation.Status.RUNNING && !maximizing) {
            settling.stop();
            capture();
        }
        if (normal != null) {
            state.putDouble(prefix + ".x", normal.getMinX());
            state.putDouble(prefix + ".y", normal.getMinY());
            state.putDouble(prefix + ".width", normal.getWidth());
            state.putDouble(prefix + ".height", normal.getHeight());
        }
        state.putBoolean(prefix + ".maximized", stage.isMaximized());
    }

    private void apply(Rectangle2D r) {
        stage.setX(r.getMinX());
        stage.setY(r.getMinY());
        stage.setWidth(r.getWidth());
        stage.setHeight(r.getHeight());
    }

    /** Bounds changed: they are the window's once they hold still ({@link #SETTLE}). */
    private void moved() {
        settling.playFromStart();
    }

    private void settled() {
        maximizing = false;
        if (capture()) {
            // into the state as it changes, which writes it soon: a kill keeps it too
            save();
        }
    }

    /**
     * Takes the stage's bounds as its normal ones if it is shown neither maximised, iconified
     * nor full screen, at no less than its least size (the 200×200 of a first show is not).
     */
    private boolean capture() {
        if (stage.isMaximized() || stage.isIconified() || stage.isFullScreen()
                || !stage.isShowing()) {
            return false;
        }
        double w = stage.getWidth();
        double h = stage.getHeight();
        if (Double.isFinite(w) && Double.isFinite(h) && w > 0 && h > 0
                && w >= stage.getMinWidth() && h >= stage.getMinHeight()
                && Double.isFinite(stage.getX()) && Double.isFinite(stage.getY())) {
            normal = new Rectangle2D(stage.getX(), stage.getY(), w, h);
            return true;
        }
        return false;
    }

    private Optional<Rectangle2D> remembered() {
        double w = state.getDouble(prefix + ".width", -1);
        double h = state.getDouble(prefix + ".height", -1);
        double x = state.getDouble(prefix + ".x", Double.NaN);
        double y = state.getDouble(prefix + ".y", Double.NaN);
        if (w <= 0 || h <= 0 || Double.isNaN(x) || Double.isNaN(y)) {
            return Optional.empty();
        }
        return Optional.of(new Rectangle2D(x, y, w, h));
    }
}
