package io.webprobe.http;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The part of a response body kept out of the heap: a temporary file of this process's own
 * (readable by its user only), deleted when closed; on Linux it has no name from the moment it
 * is opened, so even a killed process leaves nothing behind. Written by one thread, then read
 * by any number of {@link #open() streams}, each at its own position. Its owner closes it; one
 * that is forgotten is closed when it becomes garbage, so a lost body costs a file handle for a
 * while, never the disk for long.
 */
final class SpillFile implements AutoCloseable {
    private static final Cleaner CLEANER =
            Cleaner.create(io.webprobe.NamedThreads.daemon("body-file-cleaner-"));

    /** The start of the files' names, for the moment they have one. */
    static final String PREFIX = "webprobe-body-";

    private final FileChannel channel;
    private final Cleaner.Cleanable cleanable;
    private long length;

    private SpillFile(FileChannel channel) {
        this.channel = channel;
        this.cleanable = CLEANER.register(this, new Closer(channel));
    }

    /** A new empty file in the JVM's temporary folder ({@code java.io.tmpdir}). */
    static SpillFile create() throws IOException {
        return opened(Files.createTempFile(PREFIX, ".tmp"));
    }

    /** As {@link #create()}, in {@code folder} (a test's own, which no other process uses). */
    static SpillFile createIn(Path folder) throws IOException {
        return opened(Files.createTempFile(folder, PREFIX, ".tmp"));
    }

    private static SpillFile opened(Path path) throws IOException {
        try {
            return new SpillFile(FileChannel.open(path, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        }
    }

    /** Adds {@code b[off..off+len)} at the end. */
    void append(byte[] b, int off, int len) throws IOException {
        append(ByteBuffer.wrap(b, off, len));
    }

    /** Adds what {@code b} has left at the end (and consumes it). */
    void append(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            length += channel.write(b, length);
        }
    }

    long length() {
        return length;
    }

    /** A stream of the whole file from its start; closing it leaves the file open. */
    InputStream open() {
        return new InputStream() {
            private long position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (position >= length) {
                    return -1;
                }
                int want = (int) Math.min(len, length - position);
                int n = channel.read(ByteBuffer.wrap(b, off, want), position);
                if (n > 0) {
                    position += n;
                }
                return n;
            }

            @Override
            public long skip(long n) {
                long skipped = Math.max(0, Math.min(n, length - position));
                position += skipped;
                return skipped;
            }

            @Override
            public int available() {
                return (int) Math.min(Integer.MAX_VALUE, length - position);
            }
        };
    }

    /** Deletes the file; streams still open read nothing more. Idempotent. */
    @Override
    public void close() {
        cleanable.clean();
    }

    /** Closes the channel (which deletes the file); holds no reference to the SpillFile. */
    private record Closer(FileChannel channel) implements Runnable {
        @Override
        public void run() {
            try {
                channel.close();
            } catch (IOException e) {
                // the file was temporary; nothing more can be done about it
            }
        }
    }
}
