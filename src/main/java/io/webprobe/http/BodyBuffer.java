package io.webprobe.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects a response body as it arrives into a {@link ResponseBody}: in one array up to a
 * limit ({@link ResponseBody#IN_MEMORY}), then in a {@link SpillFile}, so that no body needs
 * more heap than the limit whatever the download cap (before, a 60 MB page was one 60 MB array,
 * grown by doubling, then copied once more). Should the temporary file fail (a full disk), the
 * body is kept as far as it got and {@link #cut()} says so: the response is then marked
 * truncated, as one cut at the cap. Used by one thread at a time.
 */
final class BodyBuffer {
    private static final Logger log = LoggerFactory.getLogger(BodyBuffer.class);

    /** Makes the temporary file a body goes on in (tests make one that fails). */
    @FunctionalInterface
    interface FileMaker {
        SpillFile make() throws IOException;
    }

    private final int limit;
    private final FileMaker files;
    private byte[] memory;
    private int used;
    private SpillFile file;
    private boolean cut;

    /** @param expected the size announced (Content-Length), or -1 when unknown */
    BodyBuffer(long expected) {
        this(expected, ResponseBody.IN_MEMORY, SpillFile::create);
    }

    /**
     * @param expected the size announced, or -1: the first array's size, within the limit
     * @param limit bytes kept in memory at most; more go to a temporary file
     * @param files makes that file
     */
    BodyBuffer(long expected, int limit, FileMaker files) {
        this.limit = limit;
        this.files = files;
        long first = expected < 0 ? 1024 : expected;
        this.memory = new byte[(int) Math.max(16, Math.min(first, limit))];
    }

    /** Adds {@code b[off..off+len)}. */
    void write(byte[] b, int off, int len) {
        if (cut || len == 0) {
            return;
        }
        if (file == null) {
            int fits = Math.min(len, limit - used);
            room(fits);
            System.arraycopy(b, off, memory, used, fits);
            used += fits;
            if (fits == len) {
                return;
            }
            off += fits;
            len -= fits;
        }
        try {
            spill();
            if (file != null) {
                file.append(b, off, len);
            }
        } catch (IOException e) {
            lost(e);
        }
    }

    /** Adds what {@code b} has left (and consumes it). */
    void write(ByteBuffer b) {
        int len = b.remaining();
        if (cut || len == 0) {
            b.position(b.limit());
            return;
        }
        if (file == null) {
            int fits = Math.min(len, limit - used);
            room(fits);
            b.get(memory, used, fits);
            used += fits;
            if (fits == len) {
                return;
            }
        }
        try {
            spill();
            if (file != null) {
                file.append(b);
            }
        } catch (IOException e) {
            lost(e);
        } finally {
            b.position(b.limit());
        }
    }

    /** Whether the body could not be kept whole (the temporary file failed). */
    boolean cut() {
        return cut;
    }

    /** The body; this buffer holds nothing after. */
    ResponseBody finish() {
        ResponseBody body;
        if (file != null) {
            body = ResponseBody.spilled(file);
        } else {
            body = ResponseBody.of(used == memory.length ? memory : Arrays.copyOf(memory, used));
        }
        memory = null;
        file = null;
        return body;
    }

    /** Drops what was collected (a response that failed half-way). */
    void discard() {
        if (file != null) {
            file.close();
        }
        memory = null;
        file = null;
    }

    /** Makes room in memory for {@code len} more bytes (used + len is within the limit). */
    private void room(int len) {
        if (used + len > memory.length) {
            long grown = Math.max((long) used + len, (long) memory.length * 2);
            memory = Arrays.copyOf(memory, (int) Math.min(grown, limit));
        }
    }

    /** Moves what memory holds to a new temporary file, the first time. */
    private void spill() throws IOException {
        if (file != null) {
            return;
        }
        file = files.make();
        try {
            file.append(memory, 0, used);
        } catch (IOException e) {
            file.close();
            file = null;
            throw e;
        }
        memory = null;
        used = 0;
    }

    private void lost(IOException e) {
        cut = true;
        log.warn("A response body could not be kept in a temporary file ({}), so it is cut"
                + " where it was", e.getMessage());
    }
}
