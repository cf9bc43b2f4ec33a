package io.webprobe.app;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Standard error for the libraries while the window is open: each line they print goes to the
 * log instead of the terminal. JavaFX's render thread, for one, prints the stack trace of
 * whatever it catches (an out-of-memory error included) straight to {@code System.err}, where
 * a user would see a wall of class names after (or instead of) Webprobe's own sentence.
 * Webprobe's own messages keep the real stderr, taken before this is installed.
 */
final class StderrToLog extends OutputStream {
    private static final Logger log = LoggerFactory.getLogger("stderr");
    /** A longer line is logged in parts (the buffer stays bounded). */
    private static final int MAX_LINE = 8_192;

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean logging;

    /** A print stream over this, for {@link System#setErr}. */
    static PrintStream stream() {
        return new PrintStream(new StderrToLog(), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            flushLine();
        } else if (b != '\r') {
            line.write(b);
            if (line.size() >= MAX_LINE) {
                flushLine();
            }
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    private void flushLine() {
        if (line.size() == 0) {
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (logging) {
            return; // the logger itself printed to stderr: never a loop
        }
        logging = true;
        try {
            log.warn("{}", text);
        } catch (Throwable e) {
            // out of memory or a closed log: the line is lost, not the program
        } finally {
            logging = false;
        }
    }
}
