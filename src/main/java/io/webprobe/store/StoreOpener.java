package io.webprobe.store;

import static io.webprobe.store.CrawlFileChecks.*;
import static io.webprobe.store.StoreLocks.*;

import io.webprobe.Version;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlState;
import io.webprobe.crawl.HrefCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * Creates and opens crawl files for {@link CrawlStore}: connects, checks what the file is and
 * who holds it, and refuses with one plain sentence, leaving the file as it was.
 */
final class StoreOpener {
    /**
     * The writer copies the write-ahead log into the file every ~32 MB instead of SQLite's
     * 4 MB: index pages rewritten by one batch after another are copied once, not each time
     * (bench/storecost.sh: the store's cost fell from 18 % to 14 % of the crawl's pages/s).
     */
    static final String WAL_CHECKPOINT = "PRAGMA wal_autocheckpoint = 8000";
    private static final Logger log = LoggerFactory.getLogger(CrawlStore.class);
    /**
     * The meta key of the checks the crawl made of hrefs of other schemes ({@link HrefCheck}):
     * written when the file is created, never again; absent in files made before it.
     */
    static final String HREF_CHECKS = "href_checks";
    /** Files up to this size are checked whole when opened; larger ones as they are read. */
    private static final long CHECK_LIMIT = 512L * 1024 * 1024;

    private StoreOpener() {}

    /**
     * How a store is made beyond its file and access: the clock of its lock row's heartbeat,
     * and, for tests, a page limit on the connections it writes through (SQLite's
     * {@code max_page_count}: its writes fail past it as on a full disk; 0 for none beyond
     * {@link CrawlStore#TEST_MAX_PAGES}).
     */
    record Options(Clock clock, int maxPages) {
        static Options of(Clock clock) {
            return new Options(clock, 0);
        }
    }

    static CrawlStore create(Path file, CrawlPlan plan, boolean temporary, Options options)
            throws StoreException {
        Clock clock = options.clock();
        Path abs = file.toAbsolutePath();
        if (Files.exists(abs)) {
            throw alreadyExists(file);
        }
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw StoreException.because("Cannot create the crawl file " + file + ": its folder "
                    + "does not exist.", "the folder does not exist", null);
        }
        // a kept crawl file is made whole beside its name, its lock row committed, and only
        // then given the name (a hard link, which never replaces a file): of two crawls
        // started together with one new file, the second finds the first's crawl there, open
        // in another running Webprobe, never an empty file it would call a leftover, and
        // never deletes it. A temporary one's name is this process's alone (TemporaryCrawls).
        Path made = temporary ? abs : dir.resolve("." + abs.getFileName() + "."
                + OwnerLock.self(clock.instant()).nameTag() + TemporaryCrawls.UNNAMED_SUFFIX);
        try {
            Files.createFile(made);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw alreadyExists(file); // made now by another store of this process
        } catch (IOException e) {
            String why = io.webprobe.FileErrors.why(e);
            throw StoreException.because("Cannot create the crawl file " + file + ": " + why
                    + ".", why, e);
        }
        if (!temporary) {
            // the hidden files of crawls killed as they made theirs here (ADR 0037)
            TemporaryCrawls.removeUnnamedBeside(made, clock.instant());
        }
        Connection c = null;
        StoreLocks.Held held = null;
        boolean named = temporary;
        try {
            c = connect(made, false, options.maxPages());
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
            meta.put(StoreLocks.LOCK_FILE, StoreLocks.identity(made)); // a link keeps it
            meta.putAll(PlanCodec.encode(plan));
            // at creation only: a resumed crawl keeps its file's (a file made before it has none)
            meta.put(HREF_CHECKS, HrefCheck.encode(HrefCheck.all()));
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO meta (key, value) VALUES (?, ?)")) {
                for (Map.Entry<String, String> e : meta.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            held = StoreLocks.hold(made, lock);
            c.commit();
            if (!temporary) {
                // closed first: SQLite names its -wal and -shm after the name it opened
                c.close();
                c = null;
                giveName(made, abs, file);
                named = true;
                c = connect(abs, false, options.maxPages());
                Sql.exec(c, WAL_CHECKPOINT);
                c.setAutoCommit(false);
                String identity = StoreLocks.identity(abs);
                if (!identity.equals(meta.get(StoreLocks.LOCK_FILE))) {
                    // a system without file keys knows a file by its path, which changed
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE meta SET value = ? WHERE key = ?")) {
                        ps.setString(1, identity);
                        ps.setString(2, StoreLocks.LOCK_FILE);
                        ps.executeUpdate();
                    }
                    c.commit();
                    meta.put(StoreLocks.LOCK_FILE, identity);
                    StoreLocks.release(held);
                    held = StoreLocks.hold(abs, lock);
                }
            }
            return new CrawlStore(abs, ReadSource.inPlace(abs), temporary, false, options, meta,
                    c, held, CrawlInfo.read(abs, meta, false));
        } catch (SQLException e) {
            StoreLocks.release(held);
            closeQuietly(c);
            deleteFiles(named ? abs : made); // never a file of that name not made here
            String why = SqlErrors.why(e);
            throw StoreException.because("Cannot create the crawl file " + file + ": " + why
                    + ".", why, e);
        } catch (StoreException e) {
            StoreLocks.release(held);
            closeQuietly(c);
            deleteFiles(made);
            throw e;
        }
    }

    /**
     * Gives the crawl file {@code made} beside it its name {@code abs}, unless a file of that
     * name exists: a hard link, then the made name removed; where the file system has no hard
     * links (FAT), a move, which checks the name first (a file given it in the same instant
     * could be replaced).
     */
    private static void giveName(Path made, Path abs, Path file) throws StoreException {
        try {
            try {
                Files.createLink(abs, made);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                throw e;
            } catch (IOException | UnsupportedOperationException e) {
                Files.move(made, abs);
                return;
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw alreadyExists(file);
        } catch (IOException e) {
            String why = io.webprobe.FileErrors.why(e);
            throw StoreException.because("Cannot create the crawl file " + file + ": " + why
                    + ".", why, e);
        }
        try {
            Files.delete(made);
        } catch (IOException e) {
            log.warn("Could not remove {}, another name of {}", made, abs, e);
        }
    }

    static CrawlStore open(Path file, CrawlStore.Access access, Options options)
            throws StoreException {
        Clock clock = options.clock();
        Path abs = file.toAbsolutePath();
        checkLooksLikeSqlite(file, abs);
        boolean readOnly = access == CrawlStore.Access.READ_ONLY
                || access == CrawlStore.Access.EXPORT
                || access == CrawlStore.Access.READ_BESIDE_OWN
                || access == CrawlStore.Access.READ_FOLLOWING;
        // opened to look at, written (and locked) only once a resume or a re-check asks
        boolean deferred = access == CrawlStore.Access.LOOK_THEN_WRITE;
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
        boolean sideFilesMade = walMode && !walWasThere && !shmWasThere; // by reading it
        if (walMode && walWasThere) {
            // asked over a read-only connection: closing a writing one would remove the -wal
            // and -shm, and with them what tells this file from a copy made without them
            String leftover = emptyLeftover(file);
            if (leftover != null) {
                throw new StoreException(leftover);
            }
        }
        ReadSource source = readOnly ? ReadSource.of(file, abs) : ReadSource.inPlace(abs);
        Connection c = null;
        StoreLocks.Held held = null;
        try {
            c = readOnly || deferred ? source.connect() : connect(abs, false, options.maxPages());
            if (Sql.longValue(c, "PRAGMA application_id") != Schema.APPLICATION_ID) {
                boolean empty = Sql.longValue(c, "SELECT count(*) FROM sqlite_master") == 0;
                if (empty && !walWasThere && !source.copied()) {
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
            Optional<OwnerLock> owner = lockOf(meta, abs);
            Instant now = clock.instant();
            boolean ownerAlive = owner.isPresent() && owner.get().ownerAlive(now);
            if (ownerAlive) {
                boolean self = owner.get().isSelf();
                // another process's crawl that has ended is read beside it (ADR 0007: one
                // writer, readers beside it), as this process reads its own for Compare
                boolean beside = self ? access == CrawlStore.Access.READ_BESIDE_OWN : readOnly;
                if (!beside) {
                    throw refusal(file, owner.get());
                }
                if (stillCrawling(meta) && access != CrawlStore.Access.READ_FOLLOWING) {
                    String where = self ? "this Webprobe"
                            : "another running Webprobe (process " + owner.get().pid() + ")";
                    String sentence = file + " is still being crawled in " + where + "; it can "
                            + "be read once its crawl has finished or been stopped.";
                    throw self ? new StoreException(sentence)
                            : StoreException.heldElsewhere(sentence, owner.get().pid());
                }
            }
            // export and compare on the command line write them (a window, Compare's too, only
            // looks: its readers count them for themselves, InlinkRecount)
            if (access == CrawlStore.Access.EXPORT && !ownerAlive
                    && "1".equals(meta.get(StoreWriter.INLINKS_PENDING))
                    && source.mayWrite() && (source.copied() || writable(abs))) {
                countInlinksLeftByAKill(source.path(), clock);
            }
            // read before this process takes the lock: a dead owner's crawl says "interrupted"
            CrawlInfo info;
            try {
                info = CrawlInfo.read(abs, meta, readOnly);
            } catch (StoreException e) {
                throw damaged(file, e); // named as given, as every other sentence names it
            }
            if (!readOnly && !deferred) {
                held = takeLock(file, abs, c, clock);
                Schema.addOptional(c); // a file from before them gets the newer tables
                meta.put("lock", held.lock().encode());
                meta.put(StoreLocks.LOCK_FILE, StoreLocks.identity(abs));
            }
            boolean writes = !readOnly && !deferred;
            CrawlStore store = new CrawlStore(abs, source, false, readOnly, options, meta,
                    writes ? c : null, held, info);
            if (!writes) {
                c.close();
                if (sideFilesMade && !source.copied() && source.mayWrite()) {
                    store.removeSideFilesWhenClosed(); // this open made them
                }
            }
            return store;
        } catch (SQLException e) {
            StoreLocks.release(held);
            closeQuietly(c);
            source.discard();
            if (SqlErrors.isCorrupt(e)) {
                throw damaged(file, e);
            }
            throw new StoreException("Cannot open " + file + ": " + SqlErrors.why(e) + ".", e);
        } catch (IOException e) {
            StoreLocks.release(held);
            closeQuietly(c);
            source.discard();
            throw new StoreException("Cannot open " + file + ": " + io.webprobe.FileErrors.why(e)
                    + ".", e);
        } catch (IllegalArgumentException e) {
            StoreLocks.release(held);
            closeQuietly(c);
            source.discard();
            throw damaged(file, e); // its settings cannot be read back
        } catch (StoreException e) {
            StoreLocks.release(held);
            closeQuietly(c);
            source.discard();
            throw e;
        }
    }

    /**
     * A read-only connection to a file nothing will change while it is open, read without the
     * {@code -shm} index SQLite would make beside it (and without its {@code -wal}, which
     * must hold nothing): a file in a folder this user cannot write.
     */
    static Connection connectImmutable(Path file) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
        cfg.setTempStore(SQLiteConfig.TempStore.MEMORY);
        cfg.setCacheSize(-2_000);
        return cfg.createConnection("jdbc:sqlite:" + file.toUri() + "?immutable=1");
    }

    /**
     * A connection to read a few rows of a crawl file and close (File › Recent crawls, the
     * interrupted-crawl hint): read-only, but for a file in WAL mode with neither {@code -wal}
     * nor {@code -shm} beside it, which a read-only connection would leave there. SQLite
     * removes them as the last connection that may write closes, so that one may, and only
     * reads: the file is left as it was found (its write-ahead log is empty).
     */
    static Connection connectToGlance(Path file) throws SQLException {
        return connect(file, !walWithoutSideFiles(file));
    }

    static Connection connect(Path file, boolean readOnly) throws SQLException {
        return connect(file, readOnly, 0);
    }

    /** As {@link #connect(Path, boolean)}, a writing one limited to {@code maxPages} if not 0. */
    static Connection connect(Path file, boolean readOnly, int maxPages) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(readOnly);
        if (!readOnly && maxPages == 0) {
            maxPages = Integer.getInteger(CrawlStore.TEST_MAX_PAGES, 0);
        }
        if (!readOnly && maxPages > 0) {
            cfg.setMaxPageCount(maxPages);
        }
        cfg.setBusyTimeout(10_000);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        cfg.setTempStore(SQLiteConfig.TempStore.MEMORY);
        // page cache: the writer's keeps the indexes it updates warm; a reader's is small
        cfg.setCacheSize(readOnly ? -2_000 : -8_000);
        return cfg.createConnection("jdbc:sqlite:" + file);
    }
}
