package io.webprobe.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawl files made in the temporary folder ({@link CrawlStore#createTemporary}: the
 * command line's without {@code --db}, the app's when its crawls folder cannot be written),
 * named {@code webprobe-crawl-*.webprobe} and deleted when closed. A process killed (or a
 * power cut) leaves its file, with its {@code -wal} and {@code -shm}, for ever: the next
 * temporary crawl removes such leftovers.
 *
 * <p>A leftover is removed only when its lock row ({@link OwnerLock}) names a process of this
 * machine that no longer runs: a file another running Webprobe writes is held by a live
 * process, and a file closed normally has no lock row. A crawl kept on purpose (its CSV files
 * could not be written) is renamed when closed ({@link #keptName}), so it is not one of these
 * names; one kept by an older Webprobe under its temporary name was closed, so it has no lock
 * row. A file that cannot be read as a crawl (one being made at this moment, whose first
 * commit is still to come; another user's) is left alone, as is one of another user.
 */
final class TemporaryCrawls {
    private static final Logger log = LoggerFactory.getLogger(TemporaryCrawls.class);
    /** How a temporary crawl file's name begins. */
    static final String PREFIX = "webprobe-crawl-";

    private TemporaryCrawls() {}

    /**
     * Removes from {@code folder} the temporary crawl files of {@code me} whose process ended
     * without closing them (see the class comment). One listing of the folder, and a read of
     * two meta rows of each such file with a {@code -wal} beside it (a killed writer's always
     * has one; a closed one's has none); a failure is logged and leaves the file.
     *
     * @return how many were removed
     */
    static int removeLeftovers(Path folder, UserPrincipal me, Instant now) {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder,
                PREFIX + "*" + CrawlStore.EXTENSION)) {
            for (Path file : files) {
                // a killed writer always leaves its -wal (closing removes it): a file without
                // one was closed, so its lock row is gone, and it is not opened to ask
                if (Files.exists(CrawlFileChecks.walOf(file)) && ownedBy(file, me)
                        && abandoned(file, now)) {
                    CrawlFileChecks.deleteFiles(file);
                    if (!Files.exists(file)) {
                        removed++;
                        log.info("Removed {}, a temporary crawl file left by a Webprobe that "
                                + "was killed", file);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            log.info("Could not look for temporary crawl files left in {}: {}", folder,
                    e.toString());
        }
        return removed;
    }

    private static boolean ownedBy(Path file, UserPrincipal me) {
        try {
            return Files.isRegularFile(file) && Files.getOwner(file).equals(me);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Whether the file's lock row names a process of this machine that no longer runs; false
     * for a file that cannot be read as a crawl, or has no lock row.
     */
    static boolean abandoned(Path file, Instant now) {
        if (!SqliteHeader.isDatabase(file)) {
            return false;
        }
        try (Connection c = StoreOpener.connect(file, true)) {
            Map<String, String> meta = StoreLocks.metaRows(c, "lock", StoreLocks.LOCK_FILE);
            return StoreLocks.lockOf(meta, file.toAbsolutePath())
                    .filter(OwnerLock::onThisHost)
                    .map(owner -> !owner.ownerAlive(now))
                    .orElse(false);
        } catch (SQLException e) {
            return false; // being made, or not a crawl: not ours to judge
        }
    }

    /**
     * The name a temporary crawl file is kept under, in its folder: that of a crawl file of
     * the app ({@link CrawlFiles#newFile}: the host and the time the crawl began), which is
     * not a temporary crawl's, so that it is never removed as a leftover.
     */
    static Path keptName(Path file, CrawlInfo info) {
        Instant began = info.createdAt() != null ? info.createdAt() : Instant.now();
        return CrawlFiles.newFile(file.getParent(), info.plan().startUrl(), began,
                java.time.ZoneId.systemDefault());
    }

    /**
     * Renames a closed temporary crawl file (and its {@code -wal} and {@code -shm}, when
     * closing left them) to {@code kept}; the file where it is now ({@code kept}, or
     * {@code file} when it could not be renamed, which is logged).
     */
    static Path rename(Path file, Path kept) {
        java.util.List<String> moved = new java.util.ArrayList<>();
        try {
            for (String side : new String[] {"-wal", "-shm"}) {
                if (Files.exists(sibling(file, side))) {
                    Files.move(sibling(file, side), sibling(kept, side));
                    moved.add(side);
                }
            }
            Files.move(file, kept);
            return kept;
        } catch (IOException e) {
            log.warn("Could not rename the kept crawl file {} to {}", file, kept, e);
            for (String side : moved) { // its newest rows stay with it
                try {
                    Files.move(sibling(kept, side), sibling(file, side));
                } catch (IOException again) {
                    log.warn("Could not move {} back", sibling(kept, side), again);
                }
            }
            return file;
        }
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }
}
