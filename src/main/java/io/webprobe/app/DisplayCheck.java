package io.webprobe.app;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the desktop app can open a window here, asked before JavaFX is started: on Linux
 * JavaFX needs an X display (a Wayland session provides one through XWayland) and otherwise
 * fails with a stack trace. Windows and macOS always have a display; a JavaFX platform chosen
 * with {@code -Dglass.platform} (Monocle, for the headless tests) needs none.
 */
final class DisplayCheck {
    private DisplayCheck() {}

    /**
     * The sentence to show when there is no display, or empty when the window can be tried.
     *
     * @param env the environment, for DISPLAY
     * @param osName the {@code os.name} system property
     * @param glassPlatform the {@code glass.platform} system property, or null
     * @param command how the user starts Webprobe, for the advice
     */
    static Optional<String> problem(Map<String, String> env, String osName, String glassPlatform,
            String command) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac") || glassPlatform != null) {
            return Optional.empty();
        }
        String display = env.get("DISPLAY");
        if (display == null || display.isBlank()) {
            return Optional.of(noDisplay(command));
        }
        return Optional.empty();
    }

    /** No display at all. */
    static String noDisplay(String command) {
        return "Webprobe needs a graphical display to open its window; to use it without one, run "
                + command + " crawl URL or " + command + " ping URL.";
    }

    /** DISPLAY is set but nothing answers there. */
    static String cannotOpen(String display, String command) {
        return "Webprobe could not open its window on the display " + display
                + "; check that DISPLAY is right, or run " + command + " crawl URL or " + command
                + " ping URL to work without a window.";
    }
}
