package io.webprobe.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Which standard streams the process was started with closed ({@code <&-}, {@code >&-}). The
 * JVM opens its own files at the lowest free descriptor, so a closed standard input became
 * the JDK's {@code lib/modules}, read by {@code ping --file -} as a list of 2,600 URLs, and a
 * closed standard output a file the output vanished into. run.sh (and the installed command)
 * open closed streams on /dev/null before Java starts and name them in
 * {@code -Dwebprobe.closedStreams} (stdin, stdout, stderr, comma-separated); without it, on
 * Linux, a standard stream that is one of the JDK's own files was closed. Thread-safe.
 */
final class StdStreams {
    static final String PROPERTY = "webprobe.closedStreams";

    private StdStreams() {}

    static boolean stdinClosed() {
        return closed("stdin", 0);
    }

    static boolean stdoutClosed() {
        return closed("stdout", 1);
    }

    /**
     * Whether the console is a terminal to ask on: on JDK 21 a console exists only then; from
     * JDK 22 one exists for redirected streams too, and says so with isTerminal().
     */
    static boolean terminal(java.io.Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21
        }
    }

    private static boolean closed(String name, int fd) {
        String named = System.getProperty(PROPERTY);
        if (named != null) {
            return Arrays.asList(named.split(",")).contains(name);
        }
        try {
            Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd));
            return target.isAbsolute()
                    && target.startsWith(Path.of(System.getProperty("java.home")));
        } catch (IOException | UnsupportedOperationException | InvalidPathException
                | SecurityException e) {
            return false; // not Linux, or nothing to tell: taken as open
        }
    }
}
