package io.webprobe;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Locale;

/**
 * Standard output as the commands write it: a {@link PrintWriter} (whose methods never throw)
 * that keeps the first write error, where the JDK's keeps only a flag, so that a full disk or
 * {@code > /dev/full} can be named in the one sentence the user sees ({@link #failure}).
 * Thread-safe as {@link PrintWriter} is.
 */
public final class StdoutWriter extends PrintWriter {
    private final Recording recording;

    private StdoutWriter(Recording recording, Charset charset) {
        super(new BufferedWriter(new OutputStreamWriter(recording, charset)), true);
        this.recording = recording;
    }

    /**
     * Writes to {@code out} in {@code charset}, flushing at each line. A {@link PrintStream}
     * hides its errors' causes (only {@link PrintStream#checkError()} tells of them), so give
     * the stream beneath it where there is one (for {@code System.out}, a stream on
     * {@link java.io.FileDescriptor#out}).
     */
    public static StdoutWriter over(OutputStream out, Charset charset) {
        return new StdoutWriter(new Recording(out), charset);
    }

    /** Flushes, and whether a write failed here or in a {@link PrintStream} beneath. */
    @Override
    public boolean checkError() {
        return super.checkError()
                || recording.out() instanceof PrintStream ps && ps.checkError();
    }

    /**
     * Flushes {@code w} and says why writing to it failed, as the end of a sentence ("the disk
     * is full"), or null when everything went through, when it is no {@link PrintWriter}, or
     * when the reader has gone away (a closed pipe, as {@code | head} does, is no error).
     */
    public static String failure(Writer w) {
        if (!(w instanceof PrintWriter pw) || !pw.checkError()) {
            return null;
        }
        IOException first = w instanceof StdoutWriter s ? s.recording.first : null;
        if (first != null && isClosedPipe(first)) {
            return null;
        }
        return FileErrors.why(first);
    }

    private static boolean isClosedPipe(IOException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("broken pipe") || m.contains("pipe is being closed");
    }

    /** Passes bytes on, keeping the first failure. */
    private static final class Recording extends FilterOutputStream {
        private volatile IOException first;

        Recording(OutputStream out) {
            super(out);
        }

        OutputStream out() {
            return out;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                keep(e);
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                keep(e);
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                keep(e);
                throw e;
            }
        }

        private void keep(IOException e) {
            if (first == null) {
                first = e;
            }
        }
    }
}
