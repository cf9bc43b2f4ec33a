package io.webprobe.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A response body as received (and decoded): in memory up to {@link #IN_MEMORY} bytes, beyond
 * that in a temporary file ({@link SpillFile}), so a large page costs disk rather than heap,
 * whatever the download cap. Read it whole ({@link #bytes()}, for bodies a caller knows to be
 * small), by its start ({@link #head}) or as a stream ({@link #open()}). The owner of the
 * {@link FetchResponse} closes it when done ({@link FetchResponse#release()}); closing a body
 * kept in memory does nothing. The bytes never change; safe to read from several threads.
 */
public final class ResponseBody implements AutoCloseable {
    /**
     * Bodies up to this size stay in memory: what a whole-document parse needs at once anyway
     * (the crawler streams pages above the same size). Eight workers hold at most 16 MB so.
     */
    public static final int IN_MEMORY = 2 * 1024 * 1024;

    static final ResponseBody EMPTY = new ResponseBody(new byte[0], null);

    private final byte[] bytes;
    private final SpillFile file;

    private ResponseBody(byte[] bytes, SpillFile file) {
        this.bytes = bytes;
        this.file = file;
    }

    /** A body held in memory (the array is kept, not copied: do not change it). */
    public static ResponseBody of(byte[] bytes) {
        return new ResponseBody(bytes, null);
    }

    static ResponseBody spilled(SpillFile file) {
        return new ResponseBody(null, file);
    }

    /** Its size in bytes. */
    public long length() {
        return bytes != null ? bytes.length : file.length();
    }

    /** Whether it is held in memory (else in a temporary file). */
    public boolean inMemory() {
        return bytes != null;
    }

    /** A stream of the body from its first byte; each call gives a new one. */
    public InputStream open() {
        return bytes != null ? new ByteArrayInputStream(bytes) : file.open();
    }

    /**
     * The whole body in one array: the array itself when it is in memory (do not change it),
     * else read from the file, so only for a body the caller knows to be of a size it can hold.
     */
    public byte[] bytes() {
        if (bytes != null) {
            return bytes;
        }
        if (file.length() > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a body of " + file.length()
                    + " bytes does not fit in one array");
        }
        return readUpTo((int) file.length());
    }

    /** Its first {@code max} bytes (all of it when shorter). */
    public byte[] head(int max) {
        if (bytes != null) {
            return bytes.length <= max ? bytes : Arrays.copyOf(bytes, max);
        }
        return readUpTo((int) Math.min(max, file.length()));
    }

    private byte[] readUpTo(int n) {
        try (InputStream in = file.open()) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException("The temporary copy of a response body could not be"
                    + " read back", e);
        }
    }

    /** Gives back the file of a body that did not fit in memory. Idempotent. */
    @Override
    public void close() {
        if (file != null) {
            file.close();
        }
    }
}
