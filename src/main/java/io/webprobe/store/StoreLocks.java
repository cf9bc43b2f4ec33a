package io.webprobe.store;

import static io.webprobe.store.CrawlFileChecks.*;

import io.webprobe.crawl.CrawlState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock row ({@link OwnerLock}, ADR 0007) as a file is opened: who else holds it, taking it
 * for a resume, whether a file's crawl was interrupted, and the inlink counts a killed owner
 * left behind, counted again.
 */
final class StoreLocks {
    private static final Logger log = LoggerFactory.getLogger(CrawlStore.class);

    /**
     * The meta row naming the file a lock row was written for ({@link #identity}): a copy of a
     * crawl file made while its crawl ran carries the lock row of the running original, which
     * does not hold the copy.
     */
    static final String LOCK_FILE = "lock_file";

    /**
     * The files this process holds for writing, by {@link #holdKey}: a store's hold, from the
     * transaction that writes its lock row until it is closed. The row tells other processes;
     * within this one, a row naming this process on a file not held here was left by a close
     * that could not clear it (a full disk), and is stale as a killed process's is. Static as
     * the process it stands for is: one per process, whichever store took it.
     */
    private static final java.util.Set<String> HELD =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A lock row just written, and the hold in this process it stands for ({@link #HELD}). */
    record Held(OwnerLock lock, String key) {}

    private StoreLocks() {}

    /** How {@link #HELD} names a file: its {@link #identity}, or its path when it has none. */
    private static String holdKey(Path abs, String identity) {
        return identity.isEmpty() ? abs.normalize().toString() : identity;
    }

    /**
     * Holds {@code abs} in this process, as its lock row {@code lock} says (called before that
     * row is committed, so that no other store of this process takes it over meanwhile).
     */
    static Held hold(Path abs, OwnerLock lock) {
        String key = holdKey(abs, identity(abs));
        HELD.add(key);
        return new Held(lock, key);
    }

    /** Ends a hold: always, whether or not its lock row could be cleared. */
    static void release(Held held) {
        if (held != null) {
            HELD.remove(held.key());
        }
    }

    /**
     * Which file this is, as the lock row's {@link #LOCK_FILE} records it: its file key (device
     * and inode, which a copy does not share and a move or a hard link keeps), or its real path
     * where the system has no file keys; "" when it cannot be read.
     */
    static String identity(Path abs) {
        try {
            Object key = Files.readAttributes(abs, BasicFileAttributes.class).fileKey();
            return key != null ? key.toString() : abs.toRealPath().toString();
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The lock on the file {@code abs} whose meta rows these are: the lock row's owner, unless
     * the row was written on this machine for another file (this one is a copy of it), or
     * names this process, which does not hold the file ({@link #HELD}: its close could not
     * clear the row). A row written before {@link #LOCK_FILE} existed, or on another machine
     * (where file keys differ), is taken as it is.
     */
    static Optional<OwnerLock> lockOf(Map<String, String> meta, Path abs) {
        Optional<OwnerLock> owner = OwnerLock.decode(meta.get("lock"));
        if (owner.isEmpty() || !owner.get().onThisHost()) {
            return owner;
        }
        String self = identity(abs);
        String lockedFile = meta.get(LOCK_FILE);
        if (lockedFile != null && !self.isEmpty() && !self.equals(lockedFile)) {
            return Optional.empty();
        }
        return owner.get().isSelf() && !HELD.contains(holdKey(abs, self)) ? Optional.empty()
                : owner;
    }

    /** Whether a file's crawl has not ended: running, or paused (it may go on). */
    static boolean stillCrawling(Map<String, String> meta) {
        String state = meta.getOrDefault("state", "stopped");
        return state.equals(CrawlState.RUNNING.label()) || state.equals(CrawlState.PAUSED.label());
    }

    /**
     * Every URL's inlinks as the links count them ({@code target_id}, {@code n}): one pass over
     * the target index. Written into the file by {@link #recountInlinks}, or kept beside it by a
     * reader ({@link InlinkRecount}).
     */
    static final String LINKS_PER_TARGET = "SELECT target_id, COUNT(*) AS n FROM main.links "
            + "GROUP BY target_id";

    /**
     * Counts every URL's inlinks again from the links (one pass over the target index), for a
     * file whose writer was killed between two writes of the counts.
     */
    static void recountInlinks(Connection c) throws SQLException {
        Sql.exec(c, "UPDATE urls SET inlinks = 0 WHERE inlinks <> 0");
        Sql.exec(c, "UPDATE urls SET inlinks = t.n FROM (" + LINKS_PER_TARGET + ") AS t "
                + "WHERE urls.id = t.target_id");
        Sql.exec(c, "INSERT OR REPLACE INTO meta (key, value) VALUES ('"
                + StoreWriter.INLINKS_PENDING + "', '0')");
    }

    /**
     * For a file opened to read whose writer was killed before it wrote every inlink count:
     * counts them again in a short write of its own (derived figures only, in one immediate
     * transaction, and only while no live process holds the file). Without it the counts stay
     * up to a few seconds behind the links, and the error is logged.
     */
    static void countInlinksLeftByAKill(Path abs, Clock clock) {
        try (Connection w = StoreOpener.connect(abs, false)) {
            recountIfPending(w, abs, meta -> lockOf(meta, abs)
                    .filter(o -> o.ownerAlive(clock.instant())).isEmpty());
        } catch (SQLException e) {
            log.warn("Could not count the inlinks of {} again", abs, e);
        }
    }

    /**
     * Counts every URL's inlinks again in one immediate transaction when the file says some
     * are not written yet and {@code may} allows it (given the file's meta, read in that
     * transaction). A failure is logged: the counts then stay behind the links, and the file
     * still says so.
     */
    static void recountIfPending(Connection w, Path abs,
            java.util.function.Predicate<Map<String, String>> may) {
        try {
            Sql.exec(w, "BEGIN IMMEDIATE");
            try {
                Map<String, String> meta = Sql.meta(w);
                if ("1".equals(meta.get(StoreWriter.INLINKS_PENDING)) && may.test(meta)) {
                    recountInlinks(w);
                }
                Sql.exec(w, "COMMIT");
            } catch (SQLException | RuntimeException e) {
                Sql.exec(w, "ROLLBACK");
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not count the inlinks of {} again", abs, e);
        }
    }

    /**
     * Why a file another process holds cannot be opened: that process may be a window or a
     * crawl on the command line, so what to do there fits both.
     */
    static String openElsewhere(Path file, OwnerLock owner) {
        return file + " is open in another running Webprobe (process " + owner.pid()
                + "); stop its crawl or close it there first.";
    }

    /** The refusal to write a file a running process, this one or another, holds. */
    static StoreException refusal(Path file, OwnerLock owner) {
        return owner.isSelf()
                ? new StoreException(file + " is open in this Webprobe already; close it there "
                        + "first.")
                : StoreException.heldElsewhere(openElsewhere(file, owner), owner.pid());
    }

    /**
     * Takes the lock row in one immediate transaction, so two processes (or two stores of this
     * one) cannot both win, and holds the file in this process until {@link #release}.
     */
    static Held takeLock(Path file, Path abs, Connection c, Clock clock)
            throws SQLException, StoreException {
        Sql.exec(c, "PRAGMA journal_mode = WAL");
        Sql.exec(c, StoreOpener.WAL_CHECKPOINT);
        Sql.exec(c, "BEGIN IMMEDIATE");
        Held held = null;
        try {
            Optional<OwnerLock> owner = lockOf(Sql.meta(c), abs);
            if (owner.isPresent() && owner.get().ownerAlive(clock.instant())) {
                throw refusal(file, owner.get());
            }
            OwnerLock mine = OwnerLock.self(clock.instant());
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('lock', ?)")) {
                ps.setString(1, mine.encode());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('" + LOCK_FILE + "', ?)")) {
                ps.setString(1, identity(abs));
                ps.executeUpdate();
            }
            Sql.exec(c, "DELETE FROM spill"); // the frontier's overflow of the last run
            if ("1".equals(Sql.meta(c).get(StoreWriter.INLINKS_PENDING))) {
                recountInlinks(c); // the last writer ended before it wrote them all
            }
            held = hold(abs, mine);
            Sql.exec(c, "COMMIT");
            return held;
        } catch (SQLException | StoreException | RuntimeException e) {
            release(held);
            Sql.exec(c, "ROLLBACK");
            throw e;
        }
    }

    /**
     * Whether the file holds a crawl whose process ended while it ran or was paused (a crash,
     * a kill, a power cut): its state says running or paused and no running Webprobe has it
     * open. Reads two rows of its meta table and nothing else, so it is quick on a crawl of
     * millions; false for a file that cannot be read as a crawl.
     */
    static boolean interrupted(Path file) {
        if (!SqliteHeader.isDatabase(file)) {
            return false;
        }
        try (Connection c = StoreOpener.connectToGlance(file)) {
            return endedWhileRunning(metaRows(c, "state", "lock", LOCK_FILE), file,
                    Instant.now());
        } catch (SQLException e) {
            return false; // not a crawl, or damaged: the hint is not the place to say so
        }
    }

    /**
     * Whether the crawl of these meta rows (of {@code file}) ended while it ran or was paused:
     * its state says running or paused, and no running Webprobe holds its lock.
     */
    static boolean endedWhileRunning(Map<String, String> meta, Path file, Instant now) {
        String state = meta.getOrDefault("state", "");
        return (state.equals(CrawlState.RUNNING.label())
                || state.equals(CrawlState.PAUSED.label()))
                && lockOf(meta, file.toAbsolutePath()).map(l -> !l.ownerAlive(now))
                        .orElse(true);
    }

    /** These rows of the meta table (a few, read without the rest). */
    static Map<String, String> metaRows(Connection c, String... keys) throws SQLException {
        Map<String, String> meta = new java.util.HashMap<>();
        try (var st = c.prepareStatement("SELECT key, value FROM meta WHERE key IN ("
                + String.join(", ", java.util.Collections.nCopies(keys.length, "?")) + ")")) {
            for (int i = 0; i < keys.length; i++) {
                st.setString(i + 1, keys[i]);
            }
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    meta.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return meta;
    }
}
