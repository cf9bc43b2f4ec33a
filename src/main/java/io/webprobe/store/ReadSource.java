package io.webprobe.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a crawl file opened to read is read from. Usually the file itself; but SQLite reads a
 * file in WAL mode (a crawl that was killed, or copied while it ran) through its {@code -shm}
 * index, which it makes beside the file, and in a folder this user cannot write, it cannot.
 * Such a file is then read where it is as a file nothing will change ({@code immutable}) when
 * its {@code -wal} holds nothing, and otherwise (its newest rows are in the {@code -wal}) from a
 * copy of both in the temporary folder, removed by {@link #discard()}.
 */
final class ReadSource {
    private static final Logger log = LoggerFactory.getLogger(ReadSource.class);

    private final Path path;
    private final boolean immutable;
    private final Path copyDir;

    private ReadSource(Path path, boolean immutable, Path copyDir) {
        this.path = path;
        this.immutable = immutable;
        this.copyDir = copyDir;
    }

    /** The file itself, read as usual. */
    static ReadSource inPlace(Path abs) {
        return new ReadSource(abs, false, null);
    }

    /**
     * Where to read {@code abs} from (see the class comment).
     *
     * @throws StoreException when it has to be copied and the copy fails (a full disk)
     */
    static ReadSource of(Path file, Path abs) throws StoreException {
        Path folder = abs.getParent();
        Path wal = CrawlFileChecks.walOf(abs);
        if (!SqliteHeader.walMode(abs) || folder == null || Files.isWritable(folder)
                || Files.exists(CrawlFileChecks.shmOf(abs))) {
            return inPlace(abs);
        }
        try {
            if (!Files.exists(wal) || Files.size(wal) == 0) {
                return new ReadSource(abs, true, null); // the file holds it all
            }
        } catch (IOException e) {
            return inPlace(abs); // SQLite says what is wrong with it
        }
        Path dir = null;
        try {
            // named after this process: a kill leaves the folder, the next copy removes it
            dir = Files.createTempDirectory(TemporaryCrawls.namePrefix(
                    TemporaryCrawls.READ_PREFIX));
            TemporaryCrawls.removeLeftoversBeside(dir);
            Path copy = dir.resolve(abs.getFileName());
            Files.copy(abs, copy);
            Files.copy(wal, CrawlFileChecks.walOf(copy));
            makeWritable(copy);
            makeWritable(CrawlFileChecks.walOf(copy));
            return new ReadSource(copy, false, dir);
        } catch (IOException e) {
            delete(dir);
            throw new StoreException(file + " cannot be read in its folder, which is read-only "
                    + "(its newest rows are in " + wal.getFileName() + "), and copying it to "
                    + "the temporary folder failed: " + io.webprobe.FileErrors.why(e) + ".", e);
        }
    }

    /** The file connections open: the crawl file, or its copy. */
    Path path() {
        return path;
    }

    /** Whether this is a copy of the file in the temporary folder. */
    boolean copied() {
        return copyDir != null;
    }

    /** Whether a read may write to it (counting inlinks a killed crawl left behind). */
    boolean mayWrite() {
        return !immutable;
    }

    /** A new read-only connection. */
    Connection connect() throws SQLException {
        return immutable ? StoreOpener.connectImmutable(path) : StoreOpener.connect(path, true);
    }

    /** Removes the copy, if one was made. */
    void discard() {
        delete(copyDir);
    }

    private static void makeWritable(Path p) {
        // a copy of a read-only file is read-only too, and SQLite then cannot recover its -wal
        p.toFile().setWritable(true, true);
    }

    /** Removes a copy's folder and the files in it (not a folder in it: none is made). */
    static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            log.info("Could not remove the copy {}: {}", dir, e.getMessage());
        }
    }
}
