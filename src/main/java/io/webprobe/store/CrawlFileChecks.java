package io.webprobe.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a crawl file is before SQLite opens it, and its side files: the checks that refuse a
 * file which is missing, unreadable, not SQLite, or what a crawl killed as it began left; the
 * names of its {@code -wal} and {@code -shm}; and the plain sentences of those refusals.
 */
final class CrawlFileChecks {
    private static final Logger log = LoggerFactory.getLogger(CrawlStore.class);
    private static final byte[] SQLITE_HEADER =
            "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private CrawlFileChecks() {}

    static StoreException alreadyExists(Path file) {
        return new StoreException("A file named " + file + " already exists; Webprobe does "
                + "not overwrite it. Choose another name.");
    }

    /**
     * Whether a file or folder may be written: the system says so and its owner may write it
     * (so that a file or folder made read-only is not written even by root).
     */
    static boolean writable(Path abs) {
        if (!Files.isWritable(abs)) {
            return false;
        }
        try {
            var view = Files.getFileAttributeView(abs,
                    java.nio.file.attribute.PosixFileAttributeView.class);
            return view == null || view.readAttributes().permissions()
                    .contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        } catch (IOException e) {
            return false;
        }
    }

    static void checkLooksLikeSqlite(Path file, Path abs) throws StoreException {
        if (!Files.exists(abs)) {
            throw new StoreException("There is no crawl file at " + file + ".");
        }
        if (Files.isDirectory(abs)) {
            throw new StoreException(file + " is a folder, not a crawl file.");
        }
        if (!Files.isRegularFile(abs)) {
            // a named pipe or a device: reading its first bytes waited for a writer, for ever
            throw new StoreException(file + " is a pipe or a device, not a crawl file.");
        }
        if (!Files.isReadable(abs)) {
            throw new StoreException(file + " cannot be read: permission was denied.");
        }
        byte[] head = new byte[SQLITE_HEADER.length];
        int n;
        try (InputStream in = Files.newInputStream(abs)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new StoreException(file + " cannot be read: " + io.webprobe.FileErrors.why(e)
                    + ".", e);
        }
        if (n == 0) {
            String leftover = emptyLeftover(file);
            throw new StoreException(leftover != null ? leftover
                    : file + " is empty: it holds no crawl.");
        }
        if (n < head.length || !Arrays.equals(head, SQLITE_HEADER)) {
            throw notACrawl(file);
        }
    }

    /**
     * When a file is what a crawl killed as it began leaves (its first ~30 ms): an empty file
     * (or one made by hand, or a copy that failed: the sentence says both), or a database in
     * WAL mode, its {@code -wal} beside it, in which nothing was ever committed. Such a file
     * holds no data; it is named as such, never reused or deleted (the
     * user is told to delete it), so that neither --resume ("not a crawl") nor --db ("already
     * exists") sends them to the other. Null for any other file.
     */
    public static String emptyLeftover(Path file) {
        Path abs = file.toAbsolutePath();
        try {
            if (Files.isRegularFile(abs) && Files.size(abs) == 0) {
                // a crawl's own only: named as one, or with SQLite's files beside it (any
                // other empty file, "touch notes.txt", has no history to tell of)
                boolean crawls = abs.getFileName().toString().endsWith(CrawlStore.EXTENSION)
                        || Files.exists(walOf(abs)) || Files.exists(shmOf(abs));
                return crawls ? leftover(file, abs, true) : null;
            }
        } catch (IOException e) {
            return null;
        }
        if (!SqliteHeader.walMode(abs) || !Files.exists(walOf(abs))) {
            return null;
        }
        try (Connection c = StoreOpener.connect(abs, true)) {
            return nothingCommitted(c) ? leftover(file, abs, false) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /** Whether nothing was ever committed to the database {@code c} reads: no table, no mark. */
    static boolean nothingCommitted(Connection c) throws SQLException {
        return Sql.longValue(c, "PRAGMA application_id") != Schema.APPLICATION_ID
                && Sql.longValue(c, "SELECT count(*) FROM sqlite_master") == 0;
    }

    /**
     * "F holds no crawl: its crawl was stopped before it began. Delete it (and F-wal) ...";
     * for an {@code empty} file (0 bytes), which may as well be a file made by hand or a copy
     * that failed, "F is empty: it holds no crawl (a crawl stopped before it began leaves such
     * a file). Delete it ...". A database with nothing committed and its {@code -wal} beside
     * it is only ever what a crawl killed as it began leaves.
     */
    static String leftover(Path file, Path abs, boolean empty) {
        java.util.List<String> sides = new java.util.ArrayList<>();
        for (Path side : new Path[] {walOf(file), shmOf(file)}) {
            if (Files.exists(abs.resolveSibling(side.getFileName()))) {
                sides.add(side.toString());
            }
        }
        return file + (empty ? " is empty: it holds no crawl (a crawl stopped before it began "
                        + "leaves such a file)."
                        : " holds no crawl: its crawl was stopped before it began.")
                + " Delete it" + (sides.isEmpty() ? "" : " (and " + String.join(", ", sides) + ")")
                + " or choose another file.";
    }

    static void deleteIfEmpty(Path file) {
        deleteIfEmpty(file, false);
    }

    /** Deletes a side file an open made, when it holds nothing (or, {@code any}, whatever). */
    static void deleteIfEmpty(Path file, boolean any) {
        try {
            if (Files.exists(file) && (any || Files.size(file) == 0)) {
                Files.delete(file);
            }
        } catch (IOException e) {
            // left behind: the next try says the file holds no crawl all the same
        }
    }

    static String quickCheck(Connection c) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery("PRAGMA quick_check(1)")) {
            return rs.next() ? rs.getString(1) : "ok";
        }
    }

    /** The shared-memory index of the write-ahead log beside a crawl file. */
    static Path shmOf(Path file) {
        return file.resolveSibling(file.getFileName() + "-shm");
    }

    /** The write-ahead log beside a crawl file. */
    static Path walOf(Path file) {
        return file.resolveSibling(file.getFileName() + "-wal");
    }

    /**
     * Whether a file is in WAL mode with neither its {@code -wal} nor its {@code -shm} beside
     * it: reading it makes them, and a read-only connection leaves them (see
     * {@link StoreOpener#connectToGlance}).
     */
    static boolean walWithoutSideFiles(Path file) {
        return SqliteHeader.walMode(file) && !Files.exists(walOf(file))
                && !Files.exists(shmOf(file));
    }

    static boolean isEmptyOrMissing(Path file) {
        try {
            return !Files.exists(file) || Files.size(file) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    static StoreException notACrawl(Path file) {
        return new StoreException(file + " is not a Webprobe crawl file.");
    }

    static StoreException damaged(Path file, Exception cause) {
        return new StoreException(file + " is damaged and cannot be opened.", cause);
    }

    static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the first failure is the one reported
            }
        }
    }

    static void deleteFiles(Path db) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(Path.of(db + suffix));
            } catch (IOException e) {
                log.debug("Could not delete {}{}", db, suffix, e);
            }
        }
    }
}
