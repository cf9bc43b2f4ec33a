package io.webprobe.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Recognises SQLite files by their first bytes (sqlite.org/fileformat2.html), without opening
 * them: a database (a Webprobe crawl file when its application id is Webprobe's), or the
 * write-ahead log or rollback journal beside one. Stateless.
 */
public final class SqliteHeader {
    private static final byte[] DATABASE = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** The database header's application id: at offset 68, big-endian. */
    private static final int APPLICATION_ID_AT = 68;
    /** A write-ahead log starts with 0x377f0682 or 0x377f0683. */
    private static final int WAL_MAGIC = 0x377f0682;
    private static final byte[] JOURNAL = {
        (byte) 0xd9, (byte) 0xd5, (byte) 0x05, (byte) 0xf9,
        (byte) 0x20, (byte) 0xa1, (byte) 0x63, (byte) 0xd7
    };

    private SqliteHeader() {}

    /**
     * What an existing plain file is, as the end of a sentence for a user, who need not know
     * what SQLite is ("a Webprobe crawl file", "a database file", "part of a database file":
     * the journal of one), or null when it is no SQLite file, does not exist or cannot be read
     * (symbolic links are followed).
     */
    public static String kind(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(APPLICATION_ID_AT + 4);
        } catch (IOException e) {
            return null; // unreadable: the other checks say what is wrong with it
        }
        if (startsWith(head, DATABASE)) {
            boolean ours = head.length >= APPLICATION_ID_AT + 4
                    && ByteBuffer.wrap(head, APPLICATION_ID_AT, 4).getInt() == Schema.APPLICATION_ID;
            return ours ? "a Webprobe crawl file" : "a database file";
        }
        if (head.length >= 4 && (ByteBuffer.wrap(head, 0, 4).getInt() & ~1) == WAL_MAGIC
                || startsWith(head, JOURNAL)) {
            return "part of a database file";
        }
        return null;
    }

    /**
     * Whether a database is in write-ahead-log mode (its header's read and write versions are
     * 2), so that its latest writes may be in the {@code -wal} file beside it.
     */
    static boolean walMode(Path file) {
        if (!Files.isRegularFile(file)) {
            return false; // a named pipe would keep the read waiting for a writer
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(20);
            return startsWith(head, DATABASE) && head.length == 20 && head[18] == 2
                    && head[19] == 2;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether a file starts as every SQLite database does (then it may be a crawl). */
    public static boolean isDatabase(Path file) {
        if (!Files.isRegularFile(file)) {
            return false; // a named pipe would keep the read waiting for a writer
        }
        try (InputStream in = Files.newInputStream(file)) {
            return startsWith(in.readNBytes(DATABASE.length), DATABASE);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length
                && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
