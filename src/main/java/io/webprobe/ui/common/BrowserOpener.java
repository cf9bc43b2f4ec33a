package io.webprobe.ui.common;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a URL in the user's web browser and says whether that worked. JavaFX's
 * {@code HostServices.showDocument} cannot: on Linux it prints a stack trace and returns when
 * no browser is found, and cannot see {@code xdg-open} fail (no desktop, no browser set), so
 * "Open in browser" did nothing, silently. May wait for the opener: never call it on the FX
 * thread.
 */
@FunctionalInterface
public interface BrowserOpener {
    /**
     * Opens {@code url}; false when no browser could be opened for it.
     */
    boolean open(String url);

    /** The operating system's opener: open (macOS), rundll32 (Windows), xdg-open and others. */
    static BrowserOpener system() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<List<String>> commands;
        if (os.startsWith("mac")) {
            commands = List.of(List.of("open"));
        } else if (os.startsWith("windows")) {
            commands = List.of(List.of("rundll32", "url.dll,FileProtocolHandler"));
        } else {
            commands = List.of(List.of("xdg-open"), List.of("gio", "open"),
                    List.of("sensible-browser"), List.of("x-www-browser"));
        }
        return new Commands(commands, Duration.ofSeconds(10));
    }

    /**
     * Runs each command with the URL last until one succeeds: it exits with 0, or is still
     * running after {@code patience} (a browser started in the foreground). A command that is
     * missing or exits otherwise is passed over.
     */
    record Commands(List<List<String>> commands, Duration patience) implements BrowserOpener {
        private static final Logger log = LoggerFactory.getLogger(BrowserOpener.class);

        public Commands {
            commands = List.copyOf(commands);
        }

        @Override
        public boolean open(String url) {
            for (List<String> command : commands) {
                List<String> line = new ArrayList<>(command);
                line.add(url);
                try {
                    Process p = new ProcessBuilder(line)
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start();
                    if (!p.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                        return true; // still running: a browser in the foreground
                    }
                    if (p.exitValue() == 0) {
                        return true;
                    }
                    log.info("{} could not open {} (exit code {})", command.get(0), url,
                            p.exitValue());
                } catch (IOException e) {
                    log.debug("{} is not there to open {}", command.get(0), url, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return false;
        }
    }
}
