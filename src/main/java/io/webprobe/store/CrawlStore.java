package io.webprobe.store;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlSink;
import io.webprobe.crawl.CrawlState;
import io.webprobe.crawl.ResumeState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
     * With {@code -Dwebprobe.test.maxPageCount=N}, a connection that may write grows its file to
     * at most N pages (SQLite's {@code max_page_count}), its writes failing past them as on a
     * full disk: for tests of a crawl whose file fills up. Unset, as in every real run, nothing
     * changes.
     */
    public static final String TEST_MAX_PAGES = "webprobe.test.maxPageCount";

    private static final Logger log = LoggerFactory.getLogger(CrawlStore.class);
    /** The extension of crawl files. */
    public static final String EXTENSION = ".webprobe";
    /** How a file is opened. */
    public enum Access {
        /** To look at it: nothing is written, not even to a crawl killed as it ran. */
        READ_ONLY,
        /**
         * To export or compare it on the command line: as {@link #READ_ONLY}, except that a
         * crawl killed as it ran first gets the inlinks its writer had not written yet, counted
         * and saved (when the file can be written), so that every later reader finds them
         * made; a window only looks, and counts them for itself ({@link InlinkRecount}).
         */
        EXPORT,
        /**
         * To read it beside this process's own use of it (Compare reading the crawl the Crawl
         * tab shows): as {@link #READ_ONLY}, but a file this very process has open for writing
         * is read too, once its crawl has ended (finished or stopped). Its re-checks may still
         * write: each read sees the last commit (WAL). Another running process's file is still
         * refused.
         */
        READ_BESIDE_OWN,
        /**
         * To look at it in a window that cannot write it because another running Webprobe
         * has it open: as {@link #READ_ONLY}, but a crawl that process is still crawling (or
         * has paused) is read too, half done as it is; the window follows its commits, and
         * notices when that process is gone. Export and compare on the command line refuse
         * such a crawl ({@link #READ_ONLY}): they would write a crawl half done.
         */
        READ_FOLLOWING,
        /**
         * To look at it in a window that may go on to write it (resume its crawl, re-check its
         * URLs): refused as {@link #RESUME} is (a read-only file or folder, another running
         * Webprobe's), but nothing is written, and no lock taken, until the first write asks
         * for it ({@link #sink()}, {@link #resumeState()}); a file only looked at is left as
         * it was, its bytes and its time (the inlinks a killed crawl had not written are
         * counted by each reader for itself: {@link InlinkRecount}). Another Webprobe may
         * resume it meanwhile: the first write is then refused with the lock's sentence.
         */
        LOOK_THEN_WRITE,
        /** To continue its crawl. */
        RESUME
    }

    private final Path file;
    /** Where readers read it: the file, or a copy of it (see {@link ReadSource}). */
    private final ReadSource source;
    private boolean temporary;
    private final boolean readOnly;
    private final Clock clock;
    /** The page limit of the connections it writes through (tests), or 0. */
    private final int maxPages;
    private final CrawlInfo info;
    private Map<String, String> meta;
    /** The writer's connection: null until the first write of a file looked at. */
    private Connection writeConnection;
    private OwnerLock lock;
    /** This process's hold on the file while it writes it (see {@link StoreLocks#HELD}). */
    private StoreLocks.Held held;
    /** Whether {@link #writeConnection} is set (read without the lock). */
    private volatile boolean writing;
    private StoreWriter writer;
    private StoreWriter.Tuning tuning = StoreWriter.Tuning.DEFAULT;
    private CrawlReader internalReader;
    private boolean closed;
    /**
     * Whether closing removes the {@code -wal} and {@code -shm} that reading made beside a file
     * in WAL mode that had none: a file only read is left as it was found.
     */
    private boolean removeSideFiles;
    /** The name a temporary file kept is renamed to when closed, or null. */
    private Path keptAt;

    CrawlStore(Path file, ReadSource source, boolean temporary, boolean readOnly,
            StoreOpener.Options options, Map<String, String> meta, Connection writeConnection,
            StoreLocks.Held held, CrawlInfo info) {
        this.file = file;
        this.source = source;
        this.temporary = temporary;
        this.readOnly = readOnly;
        this.clock = options.clock();
        this.maxPages = options.maxPages();
        this.meta = meta;
        this.writeConnection = writeConnection;
        this.writing = writeConnection != null;
        this.held = held;
        this.lock = held == null ? null : held.lock();
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
        return createTemporary(plan, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * A crawl file in {@code folder}, deleted when closed. First removes the temporary crawl
     * files there whose process was killed ({@link TemporaryCrawls}).
     */
    static CrawlStore createTemporary(CrawlPlan plan, Path folder) throws StoreException {
        Path tmp;
        try {
            // named after this process, which a file killed before its first commit cannot say
            tmp = Files.createTempFile(folder, TemporaryCrawls.namePrefix(TemporaryCrawls.PREFIX),
                    EXTENSION);
            // whose leftovers are ours: the owner of the file just made
            TemporaryCrawls.removeLeftoversBeside(tmp);
            Files.delete(tmp); // created again by SQLite below
        } catch (IOException e) {
            // the JDK's message is only the path of the file it tried, a random name
            throw new StoreException("Could not create a temporary crawl file in " + folder
                    + ": " + io.webprobe.FileErrors.why(e) + ".", e);
        }
        return create(tmp, plan, true, Clock.systemUTC());
    }

    static CrawlStore create(Path file, CrawlPlan plan, boolean temporary, Clock clock)
            throws StoreException {
        return create(file, plan, temporary, StoreOpener.Options.of(clock));
    }

    static CrawlStore create(Path file, CrawlPlan plan, boolean temporary,
            StoreOpener.Options options) throws StoreException {
        return StoreOpener.create(file, plan, temporary, options);
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
        return open(file, access, StoreOpener.Options.of(clock));
    }

    static CrawlStore open(Path file, Access access, StoreOpener.Options options)
            throws StoreException {
        return StoreOpener.open(file, access, options);
    }

    /**
     * When a file is what a crawl killed as it began leaves (an empty file, or a database in
     * WAL mode in which nothing was ever committed), the sentence that says so; else null.
     */
    public static String emptyLeftover(Path file) {
        return CrawlFileChecks.emptyLeftover(file);
    }

    /**
     * Whether the file holds a crawl whose process ended while it ran or was paused (a crash,
     * a kill, a power cut): its state says running or paused and no running Webprobe has it
     * open. Reads two rows of its meta table and nothing else, so it is quick on a crawl of
     * millions; false for a file that cannot be read as a crawl.
     */
    public static boolean interrupted(Path file) {
        return StoreLocks.interrupted(file);
    }

    /**
     * A crawl file at a glance, for File › Recent crawls.
     *
     * @param startUrl the start URL (a list's first), or ""
     * @param state "finished", "stopped", "running" (in a running Webprobe), "paused", or
     *     "interrupted" (its process ended while it ran)
     * @param urls how many URLs it finished
     * @param createdAt when the file was made (its crawl began), or null when unknown
     * @param listed how many URLs its list holds, a list check's; 0 for a site crawl
     * @param listHosts the hosts of a list's first URLs ({@value #GLANCED_LIST_URLS} at
     *     most), each once in their order; empty for a site crawl
     */
    public record Glance(String startUrl, String state, long urls, Instant createdAt,
            int listed, List<String> listHosts) {
        public Glance {
            listHosts = List.copyOf(listHosts);
        }

        /** A site crawl's glance. */
        public Glance(String startUrl, String state, long urls, Instant createdAt) {
            this(startUrl, state, urls, createdAt, 0, List.of());
        }

        /** Whether it is a list check's. */
        public boolean isList() {
            return listed > 0;
        }
    }

    /** How many of a list's URLs a glance reads for their hosts. */
    static final int GLANCED_LIST_URLS = 20;

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
        try (Connection c = StoreOpener.connectToGlance(file)) {
            Map<String, String> meta = StoreLocks.metaRows(c, "state", "lock",
                    StoreLocks.LOCK_FILE, "plan.start_url", "created_at");
            long urls = Sql.longValue(c, "SELECT COUNT(seq) FROM urls");
            String state = StoreLocks.endedWhileRunning(meta, file, Instant.now())
                    ? "interrupted"
                    : meta.getOrDefault("state", CrawlState.STOPPED.label());
            String created = meta.get("created_at");
            Instant at = null;
            if (created != null) {
                try {
                    at = Instant.ofEpochMilli(Long.parseLong(created));
                } catch (NumberFormatException e) {
                    at = null; // not known: listed after those known
                }
            }
            int listed = (int) Sql.longValue(c, "SELECT COUNT(*) FROM meta WHERE key >= '"
                    + PlanCodec.LIST_KEY + "' AND key < '" + PlanCodec.LIST_KEY_END + "'");
            return new Glance(meta.getOrDefault("plan.start_url", ""), state, urls, at, listed,
                    listed == 0 ? List.of() : listHosts(c, Math.min(listed,
                            GLANCED_LIST_URLS)));
        } catch (SQLException e) {
            return null; // not a crawl, or damaged: opening it says so
        }
    }

    /** The hosts of a list's first {@code n} URLs, each once, in the list's order. */
    private static List<String> listHosts(Connection c, int n) throws SQLException {
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = PlanCodec.LIST_KEY + i;
        }
        Map<String, String> rows = StoreLocks.metaRows(c, keys);
        java.util.Set<String> hosts = new java.util.LinkedHashSet<>();
        for (String key : keys) {
            String url = rows.get(key);
            if (url != null) {
                try {
                    hosts.add(io.webprobe.http.Urls.hostAndPort(
                            io.webprobe.http.Urls.toUri(url)));
                } catch (IllegalArgumentException e) {
                    // no URL to name a host by: the others name the list
                }
            }
        }
        hosts.remove("");
        return List.copyOf(hosts);
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

    /** Whether the file is deleted when closed (not kept: no place to keep it was given). */
    public synchronized boolean temporary() {
        return temporary;
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
        beginWriting();
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
        try (Connection c = StoreOpener.connect(file, false, maxPages)) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE meta SET value = ? WHERE key = 'state'")) {
                ps.setString(1, CrawlState.STOPPED.label());
                ps.executeUpdate();
            }
            // its running time as the crawl ended: the last one written may be lost with the
            // failed writes (reopened, it said "00:00:00"); a write of its own after the mark
            java.time.Duration elapsed = writer.lastElapsed();
            if (elapsed != null) {
                // the mark is saved: the file says "stopped", with the time last written
                keepAfterMark(c, "elapsed_ms", Long.toString(elapsed.toMillis()),
                        "the running time");
            }
            // when it ended, lost with the failed writes too (the file had no end time); the
            // row is absent in a file whose crawl had not ended before
            keepAfterMark(c, "ended_at", Long.toString(clock.millis()), "the end time");
            // the counts the failed writer held are lost with it: counted again before the
            // crawl's own CSVs read them; a write of its own after the mark, so that a disk
            // too full for it still keeps the mark (the next open counts them then)
            StoreLocks.recountIfPending(c, file, meta -> true);
            return true;
        } catch (SQLException e) {
            log.warn("Could not mark {} stopped after its writer failed", file, e);
            return false;
        }
    }

    /**
     * A {@code meta} row written after the mark of {@link #saveStoppedAfterFailure()}, in a
     * write of its own: when the full disk refuses it, the mark is kept and only logged.
     */
    private void keepAfterMark(Connection c, String key, String value, String what) {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        } catch (SQLException e) {
            log.warn("Could not keep {} of {}", what, file, e);
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
        beginWriting();
        // read now, not when the file was opened: a crawl stopped and resumed in one window
        // continues from what its last run wrote (its time, its site's hosts, its sitemaps)
        CrawlReader reads = internalReader();
        return new StoreResume(reads, reads.meta());
    }

    /**
     * Whether this process writes the file: it was created or opened to resume, or, opened
     * with {@link Access#LOOK_THEN_WRITE}, a write has taken its lock since. A file only looked
     * at is not written: another Webprobe may write it meanwhile.
     */
    public boolean writing() {
        return writing; // not synchronized: the FX thread asks while a first write may wait
    }

    /**
     * Before the first write of a file opened with {@link Access#LOOK_THEN_WRITE}: takes its
     * lock, as opening it to resume does, and reads its meta rows again (another Webprobe may
     * have written it since it was opened).
     *
     * @throws StoreException when another running Webprobe holds it, or it cannot be written
     */
    private void beginWriting() throws StoreException {
        if (writeConnection != null) {
            return;
        }
        Connection c = null;
        try {
            c = StoreOpener.connect(file, false, maxPages);
            StoreLocks.Held mine = StoreLocks.takeLock(file, file, c, clock);
            held = mine;
            Schema.addOptional(c); // a file from before them gets the newer tables
            meta = Sql.meta(c);
            lock = mine.lock();
            writeConnection = c;
            writing = true;
        } catch (SQLException e) {
            StoreLocks.release(held);
            held = null;
            CrawlFileChecks.closeQuietly(c);
            throw new StoreException("Cannot write to " + file + ": " + SqlErrors.why(e) + ".",
                    e);
        } catch (StoreException | RuntimeException e) {
            StoreLocks.release(held);
            held = null;
            CrawlFileChecks.closeQuietly(c);
            throw e;
        }
    }

    /**
     * A new reader with its own connection; the caller closes it. For a crawl whose writer was
     * killed before it wrote every inlink count, the reader counts them again for itself
     * ({@link InlinkRecount}: a pass over the links, without writing the file), so call it off
     * the FX thread.
     */
    public CrawlReader reader() throws StoreException {
        Connection c = null;
        try {
            c = source.connect();
            InlinkRecount.ifPending(c, file, clock.instant()); // whose lock row is the file's
            return new CrawlReader(file, c);
        } catch (SQLException e) {
            CrawlFileChecks.closeQuietly(c);
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
     * written: the crawl must not be lost with them): once closed it is renamed to a name of
     * its own ({@link #keptAt()}), which is not a temporary crawl's, so that the next
     * temporary crawl never removes it as one left by a killed process.
     */
    public synchronized void keep() {
        if (temporary) {
            temporary = false;
            keptAt = TemporaryCrawls.keptName(file, info);
        }
    }

    /**
     * Where a temporary crawl file kept ({@link #keep()}) is once closed: its new name, or its
     * temporary one when it could not be renamed; {@link #file()} for any other file.
     */
    public synchronized Path keptAt() {
        return keptAt != null && closed ? keptAt : file;
    }

    /** See {@link #removeSideFiles}: set when it is opened. */
    synchronized void removeSideFilesWhenClosed() {
        removeSideFiles = true;
    }

    /**
     * Ends the writer and the readers, and clears the lock row: on the writer's connection,
     * or, when that fails (on a full disk SQLite may have rolled its transaction back, which
     * leaves the connection out of step), once more on a connection of its own.
     */
    private void closeWriting() {
        if (writer != null) {
            writer.close();
        }
        if (internalReader != null) {
            internalReader.close();
        }
        if (writeConnection == null) {
            return;
        }
        boolean cleared = temporary; // a temporary file is deleted as it is
        if (!cleared) {
            try {
                writeConnection.setAutoCommit(true);
                clearLock(writeConnection);
                cleared = true;
                // one file again: readers of a copy need neither the -wal nor the -shm file
                Sql.exec(writeConnection, "PRAGMA journal_mode = DELETE");
            } catch (SQLException e) {
                log.info("Crawl file {} left in WAL mode: {}", file, e.getMessage());
            }
        }
        CrawlFileChecks.closeQuietly(writeConnection);
        if (!cleared) {
            try (Connection c = StoreOpener.connect(file, false, maxPages)) {
                clearLock(c);
            } catch (SQLException e) {
                log.warn("Could not clear the lock of {}: {}", file, e.getMessage());
            }
        }
    }

    private static void clearLock(Connection c) throws SQLException {
        Sql.exec(c, "DELETE FROM meta WHERE key IN ('lock', '" + StoreLocks.LOCK_FILE + "')");
        Sql.exec(c, "DELETE FROM spill");
    }

    /**
     * Removes the {@code -wal} and {@code -shm} that reading made beside a file in WAL mode
     * that had none (a crawl whose last close could not switch it back to one file, a copy):
     * SQLite removes them when the last connection that may write closes, and a read-only one
     * may not. So one such connection reads a row and closes, once every reader is closed;
     * nothing is written to the file (its write-ahead log is empty). When another process has
     * the file open this is not the last connection, and SQLite leaves them to it.
     */
    private void removeSideFilesMadeByReading() {
        try (Connection c = StoreOpener.connect(file, false)) {
            Sql.longValue(c, "SELECT count(*) FROM sqlite_master");
        } catch (SQLException e) {
            log.info("Could not remove the -wal and -shm beside {}: {}", file, e.getMessage());
        }
    }

    /**
     * Finishes writing (everything queued is stored), releases the lock, and leaves the file as
     * one self-contained database. A temporary file is deleted. This process's hold on the file
     * ends even when its lock row cannot be cleared (a full disk): the row left is then stale
     * to this process ({@link StoreLocks#lockOf}), and to others once this process ends.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            closeWriting();
        } finally {
            StoreLocks.release(held);
            held = null;
        }
        if (temporary) {
            CrawlFileChecks.deleteFiles(file);
        } else if (keptAt != null) {
            keptAt = TemporaryCrawls.rename(file, keptAt);
        }
        if (removeSideFiles && writeConnection == null) {
            removeSideFilesMadeByReading();
        }
        source.discard();
    }
}
