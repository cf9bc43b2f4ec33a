package io.webprobe.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
 * named {@code webprobe-crawl-*.webprobe} and deleted when closed, and the folders
 * {@code webprobe-read-*} in which {@link ReadSource} copies a crawl file it cannot read where
 * it is, removed when it is closed. A process killed (or a power cut, an out-of-memory halt,
 * Ctrl-C during {@code export} or {@code compare}, which end without closing) leaves them for
 * ever: the next temporary crawl, and the next read copy, remove such leftovers (ADR 0028).
 *
 * <p>A leftover is removed only when it is this user's and the process that made it is gone:
 * a crawl file whose lock row ({@link OwnerLock}) names a process of this machine that no
 * longer runs; a crawl file killed before its first commit (empty, or a database in which
 * nothing was committed, with or without its {@code -wal}), which has no lock row, and a read
 * copy's folder, when their names carry ({@link OwnerLock#nameTag}) a process of this machine
 * that no longer runs. A file another running Webprobe writes is held by a live process, and a
 * file closed normally has no lock row. A crawl kept on purpose (its CSV files could not be
 * written) is renamed when closed ({@link #keptName}), so it is not one of these names; one
 * kept by an older Webprobe under its temporary name was closed, so it has no lock row. A
 * file that cannot be read as a crawl, a name without its maker's (made by an older
 * Webprobe), and another user's or machine's are left alone. Links are never followed.
 */
final class TemporaryCrawls {
    private static final Logger log = LoggerFactory.getLogger(TemporaryCrawls.class);
    /** How a temporary crawl file's name begins. */
    static final String PREFIX = "webprobe-crawl-";
    /** How the name of a folder holding a read copy ({@link ReadSource}) begins. */
    static final String READ_PREFIX = "webprobe-read-";

    private TemporaryCrawls() {}

    /**
     * The start of a temporary name of this process: {@code prefix}, the process's
     * {@link OwnerLock#nameTag}, and "-" before the random part the JDK adds.
     */
    static String namePrefix(String prefix) {
        return prefix + OwnerLock.self(Instant.now()).nameTag() + "-";
    }

    /**
     * Removes the leftovers beside {@code made}, a temporary file or folder this process has
     * just made: their owner is its owner. Never fails: a failure is logged.
     */
    static void removeLeftoversBeside(Path made) {
        try {
            removeLeftovers(made.getParent(), Files.getOwner(made, LinkOption.NOFOLLOW_LINKS),
                    Instant.now());
        } catch (IOException | RuntimeException e) {
            log.info("Could not look for temporary crawl files left beside {}: {}", made,
                    e.toString());
        }
    }

    /**
     * Removes from {@code folder} the temporary crawl files and read copies of {@code me} whose
     * process ended without closing them (see the class comment). One listing of the folder;
     * a read of two meta rows of each crawl file with a {@code -wal} beside it (a killed
     * writer's always has one; a closed one's has none), and of each whose name names a gone
     * process; a failure is logged and leaves the file.
     *
     * @return how many were removed
     */
    static int removeLeftovers(Path folder, UserPrincipal me, Instant now) {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder,
                "webprobe-{crawl,read}-*")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                boolean gone;
                if (name.startsWith(PREFIX) && name.endsWith(CrawlStore.EXTENSION)) {
                    gone = ownedBy(file, me, false) && killedCrawl(file, name, now);
                    if (gone) {
                        CrawlFileChecks.deleteFiles(file);
                    }
                } else {
                    gone = name.startsWith(READ_PREFIX) && ownedBy(file, me, true)
                            && makerGone(name, READ_PREFIX, now);
                    if (gone) {
                        ReadSource.delete(file);
                    }
                }
                if (gone && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    removed++;
                    log.info("Removed {}, left by a Webprobe that was killed", file);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.info("Could not look for temporary crawl files left in {}: {}", folder,
                    e.toString());
        }
        return removed;
    }

    /**
     * Whether the temporary crawl file was left by a killed process: its lock row says so
     * (read only when a {@code -wal} is beside it: closing removes it, with the row), or it
     * holds nothing and its name names a process that is gone.
     */
    private static boolean killedCrawl(Path file, String name, Instant now) {
        // a killed writer always leaves its -wal (closing removes it): a file without one was
        // closed, so its lock row is gone, and it is not opened to ask
        if (Files.exists(CrawlFileChecks.walOf(file)) && abandoned(file, now)) {
            return true;
        }
        return makerGone(name, PREFIX, now) && holdsNothing(file);
    }

    /** Whether this user owns it, a regular file (or a folder), not a link to one. */
    private static boolean ownedBy(Path file, UserPrincipal me, boolean folder) {
        try {
            return (folder ? Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)
                    : Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                    && Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).equals(me);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Whether the name ({@code prefix}, a {@link OwnerLock#nameTag}, "-"…) names a process of
     * this machine that no longer runs; false for a name without one.
     */
    static boolean makerGone(String name, String prefix, Instant now) {
        String rest = name.substring(prefix.length());
        int end = rest.indexOf('-');
        return end > 0 && tagGone(rest.substring(0, end), now);
    }

    /** Whether a {@link OwnerLock#nameTag} names a process of this machine that is gone. */
    private static boolean tagGone(String tag, Instant now) {
        return OwnerLock.fromNameTag(tag)
                .filter(OwnerLock::onThisHost)
                .map(owner -> !owner.ownerAlive(now))
                .orElse(false);
    }

    /** How the name a kept crawl file is made under ends ({@code StoreOpener}, ADR 0037). */
    static final String UNNAMED_SUFFIX = ".new";

    /**
     * Removes from the folder of {@code made}, a kept crawl file this process is making under
     * its hidden name, the hidden files of others killed while they made theirs ({@code
     * .NAME.PID_START_HOST.new}, with any {@code -wal} and {@code -shm}): this user's regular
     * files whose name names a process of this machine that no longer runs. One killed after
     * its name was given (a second name of a crawl file) loses that name only. A file whose
     * maker still runs is never touched. Never fails: a failure is logged.
     *
     * @return how many were removed
     */
    static int removeUnnamedBeside(Path made, Instant now) {
        int removed = 0;
        Path folder = made.getParent();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder,
                ".*" + UNNAMED_SUFFIX)) { // any name --db gives, not only *.webprobe
            UserPrincipal me = Files.getOwner(made, LinkOption.NOFOLLOW_LINKS);
            for (Path file : files) {
                String name = file.getFileName().toString();
                String core = name.substring(0, name.length() - UNNAMED_SUFFIX.length());
                String tag = core.substring(core.lastIndexOf('.') + 1);
                if (!file.equals(made) && ownedBy(file, me, false) && tagGone(tag, now)
                        && madeByAStore(file)) {
                    CrawlFileChecks.deleteFiles(file);
                    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                        removed++;
                        log.info("Removed {}, left by a Webprobe killed as it made a crawl file",
                                file);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            log.info("Could not look for crawl files left unnamed in {}: {}", folder,
                    e.toString());
        }
        return removed;
    }

    /**
     * Whether the file is as a store leaves it under its hidden name: empty (killed right after
     * making it) or a database. Any other file, whatever its name, is not Webprobe's to remove.
     */
    private static boolean madeByAStore(Path file) {
        try {
            return Files.size(file) == 0 || SqliteHeader.isDatabase(file);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether the file holds nothing: empty, or a database in which nothing was committed (a
     * crawl killed before its first commit; with or without its {@code -wal}). Read as a
     * glance is, so that reading leaves no {@code -wal} or {@code -shm} beside a file kept.
     */
    static boolean holdsNothing(Path file) {
        try {
            if (Files.size(file) == 0) {
                return true;
            }
        } catch (IOException e) {
            return false;
        }
        if (!SqliteHeader.isDatabase(file)) {
            return false;
        }
        try (Connection c = StoreOpener.connectToGlance(file)) {
            return CrawlFileChecks.nothingCommitted(c);
        } catch (SQLException e) {
            return false; // not ours to judge
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
        return CrawlFiles.newFile(file.getParent(), info.plan(), began,
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
