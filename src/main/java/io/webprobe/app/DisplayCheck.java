package io.webprobe.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the desktop app can open a window here, asked before JavaFX is started: on Linux
 * JavaFX needs an X display (a Wayland session provides one through XWayland) and otherwise
 * fails with a stack trace. Windows and macOS always have a display; a JavaFX platform chosen
 * with {@code -Dglass.platform} (Monocle, for the headless tests) needs none.
 */
final class DisplayCheck {
    /**
     * How long an X server may take to answer a connection: a live one answers in
     * milliseconds, even on a loaded machine or through ssh's forwarding.
     */
    static final Duration ANSWER_WAIT = Duration.ofSeconds(10);

    /**
     * An X11 connection request without authorization (little-endian, protocol 11.0): every
     * X server answers it at once, with Success, Failed or Authenticate.
     */
    private static final byte[] SETUP = {'l', 0, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0};

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
        if (!needsX(osName, glassPlatform)) {
            return Optional.empty();
        }
        String display = env.get("DISPLAY");
        if (display == null || display.isBlank()) {
            return Optional.of(noDisplay(command));
        }
        return Optional.empty();
    }

    /**
     * The sentence to show when the X server DISPLAY names takes the connection but does not
     * answer it within {@code wait} (a hung server, a dead ssh tunnel, a host that drops the
     * packets), where JavaFX would wait for ever without a word; empty when it answers, and
     * when it cannot be reached at all, which JavaFX then reports as it fails.
     */
    static Optional<String> silence(Map<String, String> env, String osName, String glassPlatform,
            String command, Duration wait) {
        String display = env.get("DISPLAY");
        if (!needsX(osName, glassPlatform) || display == null || display.isBlank()) {
            return Optional.empty();
        }
        CompletableFuture<Void> answer = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("display-check").start(() -> {
            // a host name is looked up here too: a lookup that hangs is silence as well
            try (SocketChannel x = connect(display)) {
                if (x != null) {
                    x.write(ByteBuffer.wrap(SETUP));
                    x.read(ByteBuffer.allocate(1));
                }
            } catch (IOException | RuntimeException e) {
                // refused, reset or not a display: JavaFX says so
            }
            answer.complete(null);
        });
        try {
            answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (TimeoutException e) {
            return Optional.of(doesNotAnswer(display, wait, command));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    private static boolean needsX(String osName, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        return !(os.contains("win") || os.contains("mac") || glassPlatform != null);
    }

    /**
     * A connection to the X server a DISPLAY value names ({@code [protocol/][host]:number
     * [.screen]}): its Unix socket for no host, or "unix"; TCP port 6000 + number otherwise.
     * Null when it names none this can reach (a DECnet name, Linux's abstract socket alone):
     * then JavaFX is left to try.
     */
    static SocketChannel connect(String display) throws IOException {
        int colon = display.lastIndexOf(':');
        if (colon < 0) {
            return null;
        }
        String host = display.substring(0, colon);
        String number = display.substring(colon + 1).replaceFirst("\\.\\d*$", "");
        if (!number.matches("\\d{1,5}") || host.endsWith(":")) {
            return null;
        }
        int n = Integer.parseInt(number);
        boolean local = host.isEmpty() || host.equals("unix") || host.startsWith("unix/")
                || host.startsWith("local/");
        host = host.replaceFirst("^(tcp|inet6?)/", "");
        SocketAddress address;
        if (local) {
            Path socket = Path.of("/tmp/.X11-unix/X" + n);
            if (!Files.exists(socket)) {
                return null;
            }
            address = UnixDomainSocketAddress.of(socket);
        } else if (n <= 65535 - 6000) {
            address = new InetSocketAddress(host, 6000 + n);
        } else {
            return null;
        }
        return SocketChannel.open(address);
    }

    /** No display at all. */
    static String noDisplay(String command) {
        return "Webprobe needs a graphical display to open its window; to use it without one, run "
                + command + " crawl URL or " + command + " ping URL.";
    }

    /** The X server at DISPLAY took the connection and said nothing. */
    static String doesNotAnswer(String display, Duration wait, String command) {
        return "The display " + display + " did not answer in " + wait.toSeconds()
                + " seconds, so Webprobe could not open its window; check that DISPLAY is right,"
                + " or run " + command + " crawl URL or " + command + " ping URL to work without"
                + " a window.";
    }

    /** DISPLAY is set but nothing answers there. */
    static String cannotOpen(String display, String command) {
        return "Webprobe could not open its window on the display " + display
                + "; check that DISPLAY is right, or run " + command + " crawl URL or " + command
                + " ping URL to work without a window.";
    }
}
