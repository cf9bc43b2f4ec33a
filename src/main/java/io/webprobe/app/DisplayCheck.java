package io.webprobe.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
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

    /** The authorization X servers (and ssh's X11 forwarding) take from the Xauthority file. */
    private static final String COOKIE = "MIT-MAGIC-COOKIE-1";

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
                    x.write(ByteBuffer.wrap(setupRequest(display, env)));
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

    /**
     * An X11 connection request (little-endian, protocol 11.0), which every X server answers at
     * once (Success, Failed or Authenticate), with the display's cookie from the Xauthority
     * file as Xlib sends it: without it, ssh's X11 forwarding printed "X11 connection rejected
     * because of wrong authentication" on the user's terminal. None when there is none.
     */
    static byte[] setupRequest(String display, Map<String, String> env) {
        byte[] cookie = cookie(display, env);
        byte[] name = cookie.length == 0 ? new byte[0]
                : COOKIE.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(12 + padded(name.length) + padded(cookie.length))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'l').put((byte) 0).putShort((short) 11).putShort((short) 0)
                .putShort((short) name.length).putShort((short) cookie.length).putShort((short) 0);
        b.put(name).position(12 + padded(name.length)).put(cookie);
        return b.array();
    }

    private static int padded(int n) {
        return (n + 3) & ~3;
    }

    /**
     * The display's MIT-MAGIC-COOKIE-1 in the Xauthority file (XAUTHORITY, else
     * ~/.Xauthority): an entry for its number, of this host (family Local, or any host) for a
     * display here or on loopback, of an internet address otherwise; empty when none.
     */
    static byte[] cookie(String display, Map<String, String> env) {
        String file = env.getOrDefault("XAUTHORITY", "");
        if (file.isEmpty()) {
            file = env.getOrDefault("HOME", System.getProperty("user.home")) + "/.Xauthority";
        }
        int colon = display.lastIndexOf(':');
        String number = display.substring(colon + 1).replaceFirst("\\.\\d*$", "");
        String host = display.substring(0, Math.max(colon, 0)).replaceFirst("^[a-z0-9]+/", "");
        boolean local = host.isEmpty() || host.equals("unix") || host.equals("localhost")
                || host.startsWith("127.") || host.equals("::1");
        String hostname = hostname();
        try (java.io.DataInputStream in = new java.io.DataInputStream(
                new java.io.BufferedInputStream(Files.newInputStream(Path.of(file))))) {
            while (in.available() > 0) {
                int family = in.readUnsignedShort();
                String address = new String(field(in), StandardCharsets.ISO_8859_1);
                String n = new String(field(in), StandardCharsets.ISO_8859_1);
                String name = new String(field(in), StandardCharsets.ISO_8859_1);
                byte[] data = field(in);
                boolean ours = family == 0xFFFF
                        || (local ? family == 256 && address.equals(hostname)
                                : family == 0 || family == 6);
                if (ours && n.equals(number) && name.equals(COOKIE)) {
                    return data;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no file, or one this cannot read: no cookie
        }
        return new byte[0];
    }

    private static byte[] field(java.io.DataInputStream in) throws IOException {
        byte[] b = new byte[in.readUnsignedShort()];
        in.readFully(b);
        return b;
    }

    /** This host's name, as Xlib and xauth write it (the kernel's node name). */
    private static String hostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            return "";
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
