package io.webprobe.store;

import io.webprobe.Version;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlSink;
import io.webprobe.crawl.CrawlState;
import io.webprobe.crawl.ResumeState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * One crawl file ({@code .webprobe}): a SQLite database in WAL mode that holds a crawl while it
 * runs and after (schema in docs/storage.md). Created for a new crawl, or opened to read it
 * (the workspace, exports, compare) or to resume it.
 *
 * <p>Opening refuses, with one plain sentence and without changing the file: a file that is not
 * a Webprobe crawl, a damaged one, one made by a newer Webprobe, one open in another running
 * Webprobe (or already open in this one, unless it is read beside it once its crawl has ended:
 * {@link Access#READ_BESIDE_OWN}), and a resume of a read-only file (which opens for reading). A file open for
 * writing carries this process's lock ({@link OwnerLock}) until {@link #close()}.
 *
 * <p>Writes go through {@link #sink()} (one writer thread); reads through {@link #reader()},
 * one connection per reader. Thread-safe.
 */
public final class CrawlStore implements AutoCloseable {
    /**
     * The writer copies the write-ahead log into the file every ~32 MB instead of SQLite's
     * 4 MB: index pages rewritten by one batch after another are copied once, not each time
     * (bench/storecost.sh: the store's cost fell from 18 % to 14 % of the crawl's pages/s).
     */
    private static final String WAL_CHECKPOINT = "PRAGMA wal_autocheckpoint = 8000";

    private static final Logger log = LoggerFactory.getLogger(CrawlStore.class);
    /** The extension of crawl files. */
    public static final String EXTENSION = ".webprobe";
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** Files up to this size are checked whole when opened; larger ones as they are read. */
    private static final long CHECK_LIMIT = 512L * 1024 * 1024;

    /** How a file is opened. */
    public enum Access {
        /** To look at it or export it: nothing is written. */
        READ_ONLY,
        /**
         * To read it beside this process's own use of it (Compare reading the crawl the Crawl
         * tab shows): as {@link #READ_ONLY}, but a file this very process has open for writing
         * is read too, once its crawl has ended (finished or stopped). Its re-checks may still
         * write: each read sees the last commit (WAL). Another running process's file is still
         * refused.
         */
        READ_BESIDE_OWN,
        /** To continue its crawl. */
        RESUME
    }

    private final Path file;
    private boolean temporary;
    private final boolean readOnly;
    private final Clock clock;
    private final CrawlInfo info;
    private final Map<String, String> meta;
    private final Connection writeConnection;
    private final OwnerLock lock;
    private StoreWriter writer;
    private StoreWriter.Tuning tuning = StoreWriter.Tuning.DEFAULT;
    private CrawlReader internalReader;
    private boolean closed;

    private CrawlStore(Path file, boolean temporary, boolean readOnly, Clock clock,
            Map<String, String> meta, Connection writeConnection, OwnerLock lock, CrawlInfo info) {
        this.file = file;
        this.temporary = temporary;
        this.readOnly = readOnly;
        this.clock = clock;
        this.meta = meta;
        this.writeConnection = writeConnection;
        this.lock = lock;
        this.info = info;
    }

    // ------------------------------------------------------------------ creating and opening

    /**
     * Creates a crawl file for a new crawl. An existing file is never overwritten.
     *
     * @throws StoreException when the file exists or cannot be created
     */
    public static CrawlStore create(Path file, CrawlPlan plan) throws StoreException {
        return create(file, plan, false, Clock.systemUTC());
    }

    /** A crawl file in the temporary folder, deleted when closed (the CLI's default). */
    public static CrawlStore createTemporary(CrawlPlan plan) throws StoreException {
        Path tmp;
        try {
            tmp = Files.createTempFile("webprobe-crawl-", EXTENSION);
            Files.delete(tmp); // created again by SQLite below
        } catch (IOException e) {
            throw new StoreException("Could not create a temporary crawl file in "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage() + ".", e);
        }
        return create(tmp, plan, true, Clock.systemUTC());
    }

    static CrawlStore create(Path file, CrawlPlan plan, boolean temporary, Clock clock)
            throws StoreException {
        Path abs = file.toAbsolutePath();
        if (Files.exists(abs)) {
            throw alreadyExists(file);
        }
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new StoreException("Cannot create the crawl file " + file + ": its folder "
                    + "does not exist.");
        }
        try {
            // the name is taken atomically before SQLite opens it, so of two crawls started
            // together with one new file, the second is refused and never deletes the first's
            Files.createFile(abs);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw alreadyExists(file);
        } catch (IOException e) {
            throw new StoreException("Cannot create the crawl file " + file + ": "
                    + io.webprobe.FileErrors.why(e) + ".", e);
        }
        Connection c = null;
        try {
            c = connect(abs, false);
            Sql.exec(c, "PRAGMA journal_mode = WAL");
            Sql.exec(c, WAL_CHECKPOINT);
            if (temporary) {
                // deleted at exit, never resumed: no waiting for the disk at each checkpoint
                Sql.exec(c, "PRAGMA synchronous = OFF");
            }
            c.setAutoCommit(false);
            Schema.create(c);
            OwnerLock lock = OwnerLock.self(clock.instant());
            Map<String, String> meta = new java.util.LinkedHashMap<>();
            meta.put("format", "webprobe-crawl");
            meta.put("app_version", Version.get());
            meta.put("created_at", Long.toString(clock.millis()));
            meta.put("state", CrawlState.RUNNING.label());
            meta.put("elapsed_ms", "0");
            meta.put("lock", lock.encode());
            meta.putAll(PlanCodec.encode(plan));
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO meta (key, value) VALUES (?, ?)")) {
                for (Map.Entry<String, String> e : meta.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            return new CrawlStore(abs, temporary, false, clock, meta, c, lock,
                    infoOf(abs, meta, false));
        } catch (SQLException e) {
            closeQuietly(c);
            deleteFiles(abs);
            throw new StoreException("Cannot create the crawl file " + file + ": "
                    + SqlErrors.why(e) + ".", e);
        }
    }

    private static StoreException alreadyExists(Path file) {
        return new StoreException("A file named " + file + " already exists; Webprobe does "
                + "not overwrite it. Choose another name.");
    }

    /**
     * Opens a crawl file.
     *
     * @throws StoreException with one plain sentence when it cannot be opened as asked
     */
    public static CrawlStore open(Path file, Access access) throws StoreException {
        return open(file, access, Clock.systemUTC());
    }

    static CrawlStore open(Path file, Access access, Clock clock) throws StoreException {
        Path abs = file.toAbsolutePath();
        checkLooksLikeSqlite(file, abs);
        boolean readOnly = access != Access.RESUME;
        if (!readOnly && !writable(abs)) {
            throw new StoreException(file + " is read-only, so it can be opened to look at "
                    + "or export, but not resumed.");
        }
        if (!readOnly && !writable(abs.getParent())) {
            // the file itself may be writable: SQLite makes its journal (-wal, -shm) beside it
            throw new StoreException("The folder " + abs.getParent() + " is read-only, so " + file
                    + " can be opened to look at or export, but not resumed: a resumed crawl "
                    + "keeps its journal files beside it.");
        }
        // before connecting, which makes an empty one
        boolean walMode = SqliteHeader.walMode(abs);
        boolean walMissing = walMode && isEmptyOrMissing(walOf(abs));
        boolean walWasThere = Files.exists(walOf(abs));
        boolean shmWasThere = Files.exists(shmOf(abs));
        if (walMode && walWasThere) {
            // asked over a read-only connection: closing a writing one would remove the -wal
            // and -shm, and with them what tells this file from a copy made without them
            String leftover = emptyLeftover(file);
            if (leftover != null) {
                throw new StoreException(leftover);
            }
        }
        Connection c = null;
        try {
            c = connect(abs, readOnly);
            if (Sql.longValue(c, "PRAGMA application_id") != Schema.APPLICATION_ID) {
                boolean empty = Sql.longValue(c, "SELECT count(*) FROM sqlite_master") == 0;
                if (empty && !walWasThere) {
                    // the side files this try made go, so that asking again says the same
                    closeQuietly(c);
                    deleteIfEmpty(walOf(abs));
                    if (!shmWasThere) {
                        deleteIfEmpty(shmOf(abs), true);
                    }
                }
                throw walMissing && empty
                        ? new StoreException(file + " holds no crawl; if it was copied while "
                                + "its crawl was running, copy " + walOf(file).getFileName()
                                + " from beside the original too.")
                        : notACrawl(file);
            }
            long version = Sql.longValue(c, "PRAGMA user_version");
            if (version > Schema.VERSION) {
                throw new StoreException(file + " was made by a newer Webprobe (crawl file "
                        + "format " + version + "); update Webprobe to open it.");
            }
            String missing = Schema.missing(c);
            if (missing != null) {
                log.warn("{} lacks {}", abs, missing);
                throw damaged(file, null);
            }
            if (Files.size(abs) <= CHECK_LIMIT) {
                String check = quickCheck(c);
                if (!check.equals("ok")) {
                    log.warn("quick_check of {}: {}", abs, check);
                    throw damaged(file, null);
                }
            }
            Map<String, String> meta = Sql.meta(c);
            Optional<OwnerLock> owner = OwnerLock.decode(meta.get("lock"));
            Instant now = clock.instant();
            boolean ownerAlive = owner.isPresent() && owner.get().ownerAlive(now);
            if (ownerAlive) {
                boolean self = owner.get().isSelf();
                // another process's crawl that has ended is read beside it (ADR 0007: one
                // writer, readers beside it), as this process reads its own for Compare
                boolean beside = self ? access == Access.READ_BESIDE_OWN : readOnly;
                if (!beside) {
                    throw self ? new StoreException(file + " is open in this Webprobe already; "
                            + "close it there first.")
                            : StoreException.heldElsewhere(openElsewhere(file, owner.get()));
                }
                if (stillCrawling(meta)) {
                    throw new StoreException(file + " is still being crawled in " + (self
                            ? "this Webprobe" : "another running Webprobe (process "
                                    + owner.get().pid() + ")") + "; it can be read once its "
                            + "crawl has finished or been stopped.");
                }
            }
            if (readOnly && !ownerAlive && "1".equals(meta.get(StoreWriter.INLINKS_PENDING))
                    && writable(abs)) {
                countInlinksLeftByAKill(abs, clock); // exports and compares read them
            }
            // read before this process takes the lock: a dead owner's crawl says "interrupted"
            CrawlInfo info = infoOf(abs, meta, readOnly);
            OwnerLock lock = null;
            if (!readOnly) {
                lock = takeLock(file, c, clock);
                meta.put("lock", lock.encode());
            }
            CrawlStore store = new CrawlStore(abs, false, readOnly, clock, meta,
                    readOnly ? null : c, lock, info);
            if (readOnly) {
                c.close();
            }
            return store;
        } catch (SQLException e) {
            closeQuietly(c);
            if (SqlErrors.isCorrupt(e)) {
                throw damaged(file, e);
            }
            throw new StoreException("Cannot open " + file + ": " + SqlErrors.why(e) + ".", e);
        } catch (IOException e) {
            closeQuietly(c);
            throw new StoreException("Cannot open " + file + ": " + e.getMessage() + ".", e);
        } catch (IllegalArgumentException e) {
            closeQuietly(c);
            throw damaged(file, e); // its settings cannot be read back
        } catch (StoreException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** Whether a file's crawl has not ended: running, or paused (it may go on). */
    private static boolean stillCrawling(Map<String, String> meta) {
        String state = meta.getOrDefault("state", "stopped");
        return state.equals(CrawlState.RUNNING.label()) || state.equals(CrawlState.PAUSED.label());
    }

    /**
     * Whether a file or folder may be written: the system says so and its owner may write it
     * (so that a file or folder made read-only is not written even by root).
     */
    private static boolean writable(Path abs) {
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

    private static void checkLooksLikeSqlite(Path file, Path abs) throws StoreException {
        if (!Files.exists(abs)) {
            throw new StoreException("There is no crawl file at " + file + ".");
        }
        if (Files.isDirectory(abs)) {
            throw new StoreException(file + " is a folder, not a crawl file.");
        }
        if (!Files.isReadable(abs)) {
            throw new StoreException(file + " cannot be read: permission was denied.");
        }
        byte[] head = new byte[SQLITE_HEADER.length];
        int n;
        try (InputStream in = Files.newInputStream(abs)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new StoreException(file + " cannot be read: " + e.getMessage() + ".", e);
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
     * When a file is what a crawl killed as it began leaves (its first ~30 ms): an empty file,
     * or a database in WAL mode, its {@code -wal} beside it, in which nothing was ever
     * committed. Such a file holds no data; it is named as such, never reused or deleted (the
     * user is told to delete it), so that neither --resume ("not a crawl") nor --db ("already
     * exists") sends them to the other. Null for any other file.
     */
    public static String emptyLeftover(Path file) {
        Path abs = file.toAbsolutePath();
        try {
            if (Files.isRegularFile(abs) && Files.size(abs) == 0) {
                // a crawl's own only: named as one, or with SQLite's files beside it (any
                // other empty file, "touch notes.txt", has no history to tell of)
                boolean crawls = abs.getFileName().toString().endsWith(EXTENSION)
                        || Files.exists(walOf(abs)) || Files.exists(shmOf(abs));
                return crawls ? leftover(file, abs) : null;
            }
        } catch (IOException e) {
            return null;
        }
        if (!SqliteHeader.walMode(abs) || !Files.exists(walOf(abs))) {
            return null;
        }
        try (Connection c = connect(abs, true)) {
            return Sql.longValue(c, "PRAGMA application_id") != Schema.APPLICATION_ID
                    && Sql.longValue(c, "SELECT count(*) FROM sqlite_master") == 0
                    ? leftover(file, abs) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /** "F holds no crawl: its crawl was stopped before it began. Delete it (and F-wal) ...". */
    private static String leftover(Path file, Path abs) {
        java.util.List<String> sides = new java.util.ArrayList<>();
        for (Path side : new Path[] {walOf(file), shmOf(file)}) {
            if (Files.exists(abs.resolveSibling(side.getFileName()))) {
                sides.add(side.toString());
            }
        }
        return file + " holds no crawl: its crawl was stopped before it began. Delete it"
                + (sides.isEmpty() ? "" : " (and " + String.join(", ", sides) + ")")
                + " or choose another file.";
    }

    private static void deleteIfEmpty(Path file) {
        deleteIfEmpty(file, false);
    }

    /** Deletes a side file an open made, when it holds nothing (or, {@code any}, whatever). */
    private static void deleteIfEmpty(Path file, boolean any) {
        try {
            if (Files.exists(file) && (any || Files.size(file) == 0)) {
                Files.delete(file);
            }
        } catch (IOException e) {
            // left behind: the next try says the file holds no crawl all the same
        }
    }

    private static String quickCheck(Connection c) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery("PRAGMA quick_check(1)")) {
            return rs.next() ? rs.getString(1) : "ok";
        }
    }

    /**
     * Counts every URL's inlinks again from the links (one pass over the target index), for a
     * file whose writer was killed between two writes of the counts.
     */
    private static void recountInlinks(Connection c) throws SQLException {
        Sql.exec(c, "UPDATE urls SET inlinks = 0 WHERE inlinks <> 0");
        Sql.exec(c, "UPDATE urls SET inlinks = t.n FROM (SELECT target_id, COUNT(*) AS n "
                + "FROM links GROUP BY target_id) AS t WHERE urls.id = t.target_id");
        Sql.exec(c, "INSERT OR REPLACE INTO meta (key, value) VALUES ('"
                + StoreWriter.INLINKS_PENDING + "', '0')");
    }

    /**
     * For a file opened to read whose writer was killed before it wrote every inlink count:
     * counts them again in a short write of its own (derived figures only, in one immediate
     * transaction, and only while no live process holds the file). Without it the counts stay
     * up to a few seconds behind the links, and the error is logged.
     */
    private static void countInlinksLeftByAKill(Path abs, Clock clock) {
        try (Connection w = connect(abs, false)) {
            recountIfPending(w, abs, meta -> OwnerLock.decode(meta.get("lock"))
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
    private static void recountIfPending(Connection w, Path abs,
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
    private static String openElsewhere(Path file, OwnerLock owner) {
        return file + " is open in another running Webprobe (process " + owner.pid()
                + "); stop its crawl or close it there first.";
    }

    /** Takes the lock row in one immediate transaction, so two processes cannot both win. */
    private static OwnerLock takeLock(Path file, Connection c, Clock clock)
            throws SQLException, StoreException {
        Sql.exec(c, "PRAGMA journal_mode = WAL");
        Sql.exec(c, WAL_CHECKPOINT);
        Sql.exec(c, "BEGIN IMMEDIATE");
        try {
            Optional<OwnerLock> owner = OwnerLock.decode(Sql.meta(c).get("lock"));
            if (owner.isPresent() && owner.get().ownerAlive(clock.instant())) {
                throw StoreException.heldElsewhere(openElsewhere(file, owner.get()));
            }
            OwnerLock mine = OwnerLock.self(clock.instant());
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('lock', ?)")) {
                ps.setString(1, mine.encode());
                ps.executeUpdate();
            }
            Sql.exec(c, "DELETE FROM spill"); // the frontier's overflow of the last run
            if ("1".equals(Sql.meta(c).get(StoreWriter.INLINKS_PENDING))) {
                recountInlinks(c); // the last writer ended before it wrote them all
            }
            Sql.exec(c, "COMMIT");
            return mine;
        } catch (SQLException | StoreException | RuntimeException e) {
            Sql.exec(c, "ROLLBACK");
            throw e;
        }
    }

    /** The shared-memory index of the write-ahead log beside a crawl file. */
    private static Path shmOf(Path file) {
        return file.resolveSibling(file.getFileName() + "-shm");
    }

    /** The write-ahead log beside a crawl file. */
    private static Path walOf(Path file) {
        return file.resolveSibling(file.getFileName() + "-wal");
    }

    private static boolean isEmptyOrMissing(Path file) {
        try {
            return !Files.exists(file) || Files.size(file) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static StoreException notACrawl(Path file) {
        return new StoreException(file + " is not a Webprobe crawl file.");
    }

    private static StoreException damaged(Path file, Exception cause) {
        return new StoreException(file + " is damaged and cannot be opened.", cause);
    }

    static Connection connect(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(readOnly);
        cfg.setBusyTimeout(10_000);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        cfg.setTempStore(SQLiteConfig.TempStore.MEMORY);
        // page cache: the writer's keeps the indexes it updates warm; a reader's is small
        cfg.setCacheSize(readOnly ? -2_000 : -8_000);
        return cfg.createConnection("jdbc:sqlite:" + file);
    }

    // ------------------------------------------------------------------ using it

    public Path file() {
        return file;
    }

    /** How the crawl was made. */
    public CrawlPlan plan() {
        return info.plan();
    }

    /** What the file said about its crawl when it was opened or created. */
    public CrawlInfo info() {
        return info;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /**
     * Where the crawl writes: the file's one writer, started on the first call.
     *
     * @throws IllegalStateException when the file was opened read-only
     */
    public synchronized CrawlSink sink() throws StoreException {
        if (readOnly) {
            throw new IllegalStateException("the crawl file was opened read-only");
        }
        if (closed) {
            throw new IllegalStateException("the crawl file is closed");
        }
        if (writer == null) {
            CrawlReader reads = internalReader();
            try {
                writer = new StoreWriter(file, writeConnection, clock, new StoreWriter.Reads() {
                    @Override
                    public byte[] spilled(long chunk) throws SQLException {
                        synchronized (reads) {
                            try (PreparedStatement ps = reads.connection().prepareStatement(
                                    "SELECT items FROM spill WHERE chunk = ?")) {
                                ps.setLong(1, chunk);
                                try (var rs = ps.executeQuery()) {
                                    return rs.next() ? rs.getBytes(1) : new byte[] {0, 0, 0, 0};
                                }
                            }
                        }
                    }

                    @Override
                    public CrawlSink.Conclusion conclude() throws SQLException {
                        try {
                            return reads.conclusion();
                        } catch (StoreException e) {
                            throw new SQLException(e.getMessage(), e);
                        }
                    }
                }, lock, new HashSet<>(new StoreResume(reads, meta).siteHosts()), tuning);
            } catch (SQLException e) {
                throw new StoreException("Cannot write to " + file + ": " + SqlErrors.why(e)
                        + ".", e);
            }
        }
        return writer;
    }

    /**
     * After the writer failed (a full disk): ends it, and marks the crawl stopped in one small
     * write of its own, so that the file says "stopped" (its last writes were lost, so it is
     * to be resumed, not called finished or left "interrupted"). On a full disk this write
     * usually still fits in the space the failed one had taken.
     *
     * @return whether the mark was saved; when not, the file says "interrupted" and is still
     *     resumed as it is
     */
    public synchronized boolean saveStoppedAfterFailure() {
        if (writer == null || writer.failure() == null || closed) {
            return false;
        }
        writer.close();
        // a connection of its own: SQLite may have ended the writer's transaction itself (on
        // a full disk it rolls back), which leaves the writer's connection out of step
        try (Connection c = connect(file, false)) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE meta SET value = ? WHERE key = 'state'")) {
                ps.setString(1, CrawlState.STOPPED.label());
                ps.executeUpdate();
            }
            // the counts the failed writer held are lost with it: counted again before the
            // crawl's own CSVs read them; a write of its own after the mark, so that a disk
            // too full for it still keeps the mark (the next open counts them then)
            recountIfPending(c, file, meta -> true);
            return true;
        } catch (SQLException e) {
            log.warn("Could not mark {} stopped after its writer failed", file, e);
            return false;
        }
    }

    /** Sets the writer's queue size and commit hook (tests); before the first {@link #sink()}. */
    synchronized void tune(StoreWriter.Tuning t) {
        tuning = t;
    }

    /**
     * Where the stored crawl stood, for a resume.
     *
     * @throws IllegalStateException when the file was opened read-only
     */
    public synchronized ResumeState resumeState() throws StoreException {
        if (readOnly) {
            throw new IllegalStateException("the crawl file was opened read-only");
        }
        // read now, not when the file was opened: a crawl stopped and resumed in one window
        // continues from what its last run wrote (its time, its site's hosts, its sitemaps)
        CrawlReader reads = internalReader();
        return new StoreResume(reads, reads.meta());
    }

    /** A new reader with its own connection; the caller closes it. */
    public CrawlReader reader() throws StoreException {
        try {
            return new CrawlReader(file, connect(file, true));
        } catch (SQLException e) {
            throw SqlErrors.readFailure(file, e);
        }
    }

    private synchronized CrawlReader internalReader() throws StoreException {
        if (internalReader == null) {
            internalReader = reader();
        }
        return internalReader;
    }

    /**
     * Keeps a temporary crawl file when closed, as a file of its own (its CSVs could not be
     * written: the crawl must not be lost with them).
     */
    public synchronized void keep() {
        temporary = false;
    }

    /**
     * Finishes writing (everything queued is stored), releases the lock, and leaves the file as
     * one self-contained database. A temporary file is deleted.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (writer != null) {
            writer.close();
        }
        if (internalReader != null) {
            internalReader.close();
        }
        if (writeConnection != null && !temporary) { // a temporary file is deleted as it is
            try {
                writeConnection.setAutoCommit(true);
                Sql.exec(writeConnection, "DELETE FROM meta WHERE key = 'lock'");
                Sql.exec(writeConnection, "DELETE FROM spill");
                // one file again: readers of a copy need neither the -wal nor the -shm file
                Sql.exec(writeConnection, "PRAGMA journal_mode = DELETE");
            } catch (SQLException e) {
                log.info("Crawl file {} left in WAL mode: {}", file, e.getMessage());
            }
        }
        if (writeConnection != null) {
            closeQuietly(writeConnection);
        }
        if (temporary) {
            deleteFiles(file);
        }
    }

    /**
     * Whether the file holds a crawl whose process ended while it ran or was paused (a crash,
     * a kill, a power cut): its state says running or paused and no running Webprobe has it
     * open. Reads two rows of its meta table and nothing else, so it is quick on a crawl of
     * millions; false for a file that cannot be read as a crawl.
     */
    public static boolean interrupted(Path file) {
        if (!SqliteHeader.isDatabase(file)) {
            return false;
        }
        try (Connection c = connect(file, true)) {
            return endedWhileRunning(metaRows(c, "state", "lock"), Instant.now());
        } catch (SQLException e) {
            return false; // not a crawl, or damaged: the hint is not the place to say so
        }
    }

    /**
     * Whether the crawl of these meta rows ended while it ran or was paused: its state says
     * running or paused, and no running Webprobe holds its lock.
     */
    static boolean endedWhileRunning(Map<String, String> meta, Instant now) {
        String state = meta.getOrDefault("state", "");
        return (state.equals(CrawlState.RUNNING.label())
                || state.equals(CrawlState.PAUSED.label()))
                && OwnerLock.decode(meta.get("lock")).map(l -> !l.ownerAlive(now)).orElse(true);
    }

    /** These rows of the meta table (a few, read without the rest). */
    private static Map<String, String> metaRows(Connection c, String... keys)
            throws SQLException {
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

    /**
     * A crawl file at a glance, for File › Recent crawls.
     *
     * @param startUrl the start URL (a list's first), or ""
     * @param state "finished", "stopped", "running" (in a running Webprobe), "paused", or
     *     "interrupted" (its process ended while it ran)
     * @param urls how many URLs it finished
     */
    public record Glance(String startUrl, String state, long urls) {}

    /**
     * What File › Recent crawls says of a crawl file besides its name: read over a read-only
     * connection, a few meta rows and a count over the completion index, so that a file
     * another Webprobe crawls into is not disturbed and a crawl of millions is quick. Null for
     * a file that cannot be read as a crawl.
     */
    public static Glance glance(Path file) {
        if (!SqliteHeader.isDatabase(file)) {
            return null;
        }
        try (Connection c = connect(file, true)) {
            Map<String, String> meta = metaRows(c, "state", "lock", "plan.start_url");
            long urls = Sql.longValue(c, "SELECT COUNT(seq) FROM urls");
            String state = endedWhileRunning(meta, Instant.now()) ? "interrupted"
                    : meta.getOrDefault("state", CrawlState.STOPPED.label());
            return new Glance(meta.getOrDefault("plan.start_url", ""), state, urls);
        } catch (SQLException e) {
            return null; // not a crawl, or damaged: opening it says so
        }
    }

    // ------------------------------------------------------------------ helpers

    static CrawlInfo infoOf(Path file, Map<String, String> meta, boolean readOnly)
            throws StoreException {
        CrawlPlan plan;
        try {
            plan = PlanCodec.decode(meta);
        } catch (IllegalArgumentException e) {
            throw damaged(file, e);
        }
        CrawlState state;
        try {
            state = CrawlState.of(meta.getOrDefault("state", "stopped"));
        } catch (IllegalArgumentException e) {
            state = CrawlState.STOPPED;
        }
        boolean interrupted = (state == CrawlState.RUNNING || state == CrawlState.PAUSED)
                && OwnerLock.decode(meta.get("lock")).map(l -> !l.isSelf()).orElse(true);
        return new CrawlInfo(file, plan, state, interrupted, instant(meta.get("created_at")),
                instant(meta.get("ended_at")),
                Duration.ofMillis(Long.parseLong(meta.getOrDefault("elapsed_ms", "0"))),
                meta.getOrDefault("app_version", "?"), readOnly, warnings(meta),
                meta.getOrDefault(StoreWriter.STOP_REASON, ""));
    }

    private static java.util.List<String> warnings(Map<String, String> meta) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; meta.containsKey("warning." + i); i++) {
            out.add(meta.get("warning." + i));
        }
        return out;
    }

    private static Instant instant(String epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(Long.parseLong(epochMillis));
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the first failure is the one reported
            }
        }
    }

    private static void deleteFiles(Path db) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(Path.of(db + suffix));
            } catch (IOException e) {
                log.debug("Could not delete {}{}", db, suffix, e);
            }
        }
    }
}
