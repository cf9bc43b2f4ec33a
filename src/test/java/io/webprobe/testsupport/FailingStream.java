package io.webprobe.testsupport;

import java.io.IOException;
import java.io.OutputStream;

/** An output stream whose every write fails with the system's message given (a full disk). */
public final class FailingStream extends OutputStream {
    private final String systemMessage;

    public FailingStream(String systemMessage) {
        this.systemMessage = systemMessage;
    }

    /** As a full disk fails: "No space left on device". */
    public static FailingStream fullDisk() {
        return new FailingStream("No space left on device");
    }

    @Override
    public void write(int b) throws IOException {
        throw new IOException(systemMessage);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException(systemMessage);
    }
}
