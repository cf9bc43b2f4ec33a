package io.webprobe.ui.common;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * Where a window opens: its remembered bounds when they are still on one of the current
 * screens, otherwise a default size centred on the primary screen. Pure arithmetic on
 * rectangles (the screens' visual bounds, i.e. without task bars), so it is tested without a
 * display.
 */
public final class WindowPlacement {
    /** The size a window opens at when nothing is remembered and the screen is big enough. */
    public static final double DEFAULT_WIDTH = 1200;
    public static final double DEFAULT_HEIGHT = 760;
    /** The default size never exceeds this share of the screen. */
    static final double MAX_SHARE = 0.8;
    /** A remembered window smaller than this was not sized by the user (or is broken). */
    static final double MIN_WIDTH = 480;
    static final double MIN_HEIGHT = 320;
    /** How much of a window's top edge must be on a screen for the user to grab it. */
    static final double GRAB_WIDTH = 100;
    static final double GRAB_HEIGHT = 40;

    private WindowPlacement() {}

    /**
     * The bounds to open at.
     *
     * @param remembered the bounds saved at the last close, if any
     * @param screens the visual bounds of every current screen
     * @param primary the visual bounds of the primary screen (one of {@code screens})
     */
    public static Rectangle2D place(Optional<Rectangle2D> remembered, List<Rectangle2D> screens,
            Rectangle2D primary) {
        if (remembered.isPresent()) {
            Rectangle2D r = remembered.get();
            if (r.getWidth() >= MIN_WIDTH && r.getHeight() >= MIN_HEIGHT) {
                Optional<Rectangle2D> screen = screens.stream()
                        .filter(s -> grabbable(r, s)).findFirst();
                if (screen.isPresent()) {
                    return fitInside(r, screen.get());
                }
                // the screen it was on is gone: keep the size, centre it on the primary one
                return centred(Math.min(r.getWidth(), primary.getWidth()),
                        Math.min(r.getHeight(), primary.getHeight()), primary);
            }
        }
        return defaultBounds(primary);
    }

    /** The default size (1200×760, or 80 % of the screen if smaller) centred on the screen. */
    public static Rectangle2D defaultBounds(Rectangle2D screen) {
        double w = Math.min(DEFAULT_WIDTH, Math.floor(screen.getWidth() * MAX_SHARE));
        double h = Math.min(DEFAULT_HEIGHT, Math.floor(screen.getHeight() * MAX_SHARE));
        return centred(w, h, screen);
    }

    /**
     * The bounds grown to at least {@code minWidth} × {@code minHeight} (never beyond the
     * screen), centred on where they were and moved onto the screen if growing pushed them off.
     */
    public static Rectangle2D atLeast(Rectangle2D r, double minWidth, double minHeight,
            Rectangle2D screen) {
        double w = Math.min(Math.max(r.getWidth(), minWidth), Math.max(r.getWidth(),
                screen.getWidth()));
        double h = Math.min(Math.max(r.getHeight(), minHeight), Math.max(r.getHeight(),
                screen.getHeight()));
        if (w == r.getWidth() && h == r.getHeight()) {
            return r;
        }
        double x = r.getMinX() - Math.floor((w - r.getWidth()) / 2);
        double y = r.getMinY() - Math.floor((h - r.getHeight()) / 2);
        return fitInside(new Rectangle2D(x, y, w, h), screen);
    }

    /** True when enough of the window's top edge is on the screen to grab it with a mouse. */
    static boolean grabbable(Rectangle2D window, Rectangle2D screen) {
        double left = Math.max(window.getMinX(), screen.getMinX());
        double right = Math.min(window.getMaxX(), screen.getMaxX());
        double needed = Math.min(GRAB_WIDTH, window.getWidth());
        return right - left >= needed
                && window.getMinY() >= screen.getMinY()
                && window.getMinY() <= screen.getMaxY() - GRAB_HEIGHT;
    }

    /** The window shrunk to the screen if larger, and moved so that it lies on it. */
    static Rectangle2D fitInside(Rectangle2D r, Rectangle2D screen) {
        double w = Math.min(r.getWidth(), screen.getWidth());
        double h = Math.min(r.getHeight(), screen.getHeight());
        double x = clamp(r.getMinX(), screen.getMinX(), screen.getMaxX() - w);
        double y = clamp(r.getMinY(), screen.getMinY(), screen.getMaxY() - h);
        return new Rectangle2D(x, y, w, h);
    }

    private static Rectangle2D centred(double w, double h, Rectangle2D screen) {
        double x = screen.getMinX() + Math.floor((screen.getWidth() - w) / 2);
        double y = screen.getMinY() + Math.floor((screen.getHeight() - h) / 2);
        return new Rectangle2D(x, y, w, h);
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(v, max));
    }
}
