package io.webprobe.store;

import io.webprobe.crawl.CrawlResult;
import io.webprobe.crawl.CrawlSink;
import io.webprobe.crawl.CrawlState;
import io.webprobe.crawl.SkipReason;
import io.webprobe.http.Header;
import io.webprobe.http.ResponseHeaders;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import io.webprobe.store.Op.Barrier;
import io.webprobe.store.Op.Counted;
import io.webprobe.store.Op.Discovered;
import io.webprobe.store.Op.Listed;
import io.webprobe.store.Op.Revisiting;
import io.webprobe.store.Op.Meta;
import io.webprobe.store.Op.Nudge;
import io.webprobe.store.Op.Rechecked;
import io.webprobe.store.Op.RecheckedPage;
import io.webprobe.store.Op.Spill;
import io.webprobe.store.Op.Stop;
import io.webprobe.store.Op.Unspilled;
import io.webprobe.store.Op.Visited;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawl file's one writer: a thread ({@code store-writer}) that takes the crawl's writes
 * from a queue and applies them in batched transactions, committing every ~250 ms or ~1,000
 * pages (20,000 rows of URLs and links), whichever comes first. Within a transaction, each
 * write's rows are bound to the statements as it is taken and run every
 * {@link #EXECUTE_ROWS} rows, so a queued page's objects are garbage within milliseconds
 * rather than held until the commit (held a quarter of a second, every queued page survived
 * a young collection and was copied: the collector's pauses were then the store's largest
 * cost after SQLite itself).
 *
 * <p>Workers only enqueue, so they never wait on the disk in the normal case; the queue and
 * the rows bound but not yet run hold at most {@link Tuning#capacityRows()} rows, and a
 * worker that would go beyond waits until the writer has caught up (backpressure): the crawl
 * slows down and nothing is dropped. A worker about to wait nudges the writer, which then runs
 * what it has bound at once rather than at the next {@link #EXECUTE_ROWS}.
 *
 * <p>Within a transaction the writer gathers: when the queue is empty it sleeps
 * {@link #GATHER_TIME} and then takes everything queued meanwhile, rather than being woken by
 * each page (a wake-up per page was ~15,000-26,000 extra context switches in a 20,000-page
 * crawl, and ~1.5 s of CPU when the two cores the workers and the site share were busy). A worker
 * about to wait for room, a flush and the close wake it at once.
 *
 * <p>Each write is applied whole in one transaction, and writes are applied in the order they
 * were made, so after a crash the file holds a prefix of the crawl: at most the last
 * transaction (about a quarter of a second) is lost. When the disk fails (full, read-only,
 * I/O error) the writer records a plain sentence in {@link #failure()}, keeps what was
 * committed, and discards further writes so no worker blocks; the crawl then stops.
 *
 * <p>Its parts: {@link WriteQueue} (the queue and its room), {@link OpWrites} (each write's
 * rows bound to the {@link WriterStatements}); this class takes the writes in order, runs and
 * commits them, and answers the sink's questions.
 *
 * <p>Thread-safe: any thread may call the {@link CrawlSink} methods.
 */
final class StoreWriter implements CrawlSink {
    private static final Logger log = LoggerFactory.getLogger(StoreWriter.class);
    /** Rows (URLs, links, headers) per transaction at most: ~1,000 pages of ~20 links. */
    static final int BATCH_ROWS = 20_000;
    static final Duration BATCH_TIME = Duration.ofMillis(250);
    /** How long the writer sleeps, within a transaction, before taking what was queued meanwhile. */
    static final Duration GATHER_TIME = Duration.ofMillis(20);
    /** Rows bound to the statements before they are run (inside the open transaction). */
    static final int EXECUTE_ROWS = 1_000;
    static final int CAPACITY_ROWS = 200_000;
    /**
     * The heap a queued row is reckoned to hold (a link with its target's description), and
     * the bytes of header fields a queued write counts as one row for.
     */
    static final int ROW_BYTES = 400;
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /**
     * How often the links counted since are added to the URLs' inlinks: each URL touched is
     * one UPDATE, and in a quarter of a second a crawl touches nearly as many URLs as in a few
     * seconds (docs/benchmarks.md, "Eighth session").
     */
    static final Duration INLINKS_TIME = Duration.ofSeconds(2);
    /**
     * The meta key set while committed links are not yet counted in the inlinks: a file left
     * with it (its writer killed) has its inlinks counted again when next opened.
     */
    static final String INLINKS_PENDING = "inlinks_pending";
    /** The meta key of {@link #stopReason}: "" or absent when there is none. */
    static final String STOP_REASON = "stop_reason";

    /**
     * How much the queue holds, how long a transaction waits for more writes, how often the
     * inlinks of URLs already stored are written, and a hook run each time bound rows go to
     * SQLite, commits included (tests stall the disk with it).
     */
    record Tuning(int capacityRows, Duration batchTime, Duration inlinksTime,
            Runnable beforeWrite) {
        /**
         * The queue sized to the heap: an eighth of it, at about {@link #ROW_BYTES} a queued
         * row, between 20,000 and {@link #CAPACITY_ROWS}.
         */
        static final Tuning DEFAULT = new Tuning((int) Math.max(20_000, Math.min(CAPACITY_ROWS,
                Runtime.getRuntime().maxMemory() / 8 / ROW_BYTES)), BATCH_TIME, INLINKS_TIME,
                () -> { });

        Tuning(int capacityRows, Runnable beforeWrite) {
            this(capacityRows, BATCH_TIME, INLINKS_TIME, beforeWrite);
        }

        Tuning(int capacityRows, Duration batchTime, Runnable beforeWrite) {
            this(capacityRows, batchTime, INLINKS_TIME, beforeWrite);
        }
    }

    /** Reads for the sink's questions (unspill, conclude); one at a time. */
    interface Reads {
        byte[] spilled(long chunk) throws SQLException;

        Conclusion conclude() throws SQLException;
    }

    private final Path file;
    private final Connection conn;
    private final Clock clock;
    private final Reads reads;
    private final WriteQueue queue;
    /** Rows bound before they are run: {@link #EXECUTE_ROWS}, less when the queue is small. */
    private final int executeRows;
    private final long batchNanos;
    private final Runnable beforeWrite;
    private final Thread thread;
    private final WriterStatements st;
    /** Spilled chunks not yet committed, readable at once. */
    private final ConcurrentHashMap<Long, byte[]> pendingSpills = new ConcurrentHashMap<>();
    private final AtomicLong lastChunk;
    private final Set<String> siteHosts = ConcurrentHashMap.newKeySet();
    private final AtomicLong warnings = new AtomicLong();
    private volatile String failure;
    private volatile boolean closed;
    /** A crawl job writes here: between its start and its end (stopped or finished). */
    private volatile boolean crawling;
    /** {@link #lastElapsed()}. */
    private volatile Duration lastElapsed;
    private OwnerLock lock;
    private long lastBeatNanos = System.nanoTime();
    /** What the writer did, for the log when it ends; writer thread only. */
    private final WriterWork work = new WriterWork();
    /** The transaction being built; writer thread only. */
    private final WriterTx tx = new WriterTx();
    /** Links to each URL added since the counts were last written; writer thread only. */
    private final InlinkWrites inlinks;
    /** Binds each write's rows; writer thread only. */
    private final OpWrites writes;

    /**
     * @param conn the file's write connection, in WAL mode; the writer closes it
     * @param lock the lock row this process holds, renewed as a heartbeat
     */
    StoreWriter(Path file, Connection conn, Clock clock, Reads reads, OwnerLock lock,
            Set<String> knownSiteHosts, Tuning tuning) throws SQLException {
        int capacity = tuning.capacityRows();
        this.queue = new WriteQueue(capacity);
        this.executeRows = Math.max(1, Math.min(EXECUTE_ROWS, capacity / 2));
        this.batchNanos = tuning.batchTime().toNanos();
        this.inlinks = new InlinkWrites(tuning.inlinksTime());
        this.beforeWrite = tuning.beforeWrite();
        this.file = file;
        this.conn = conn;
        this.clock = clock;
        this.reads = reads;
        this.lock = lock;
        this.siteHosts.addAll(knownSiteHosts);
        conn.setAutoCommit(false);
        this.st = new WriterStatements(conn);
        this.writes = new OpWrites(st, inlinks, executeRows, beforeWrite);
        this.lastChunk = new AtomicLong(Sql.longValue(conn,
                "SELECT COALESCE(MAX(chunk), 0) FROM spill"));
        this.warnings.set(Sql.longValue(conn,
                "SELECT COUNT(*) FROM meta WHERE key LIKE 'warning.%'"));
        conn.commit();
        this.thread = new Thread(this::run, "store-writer");
        queue.takenBy(thread);
        thread.setDaemon(true);
        // above the crawl's workers (NamedThreads.BULK_PRIORITY), whatever thread opened the
        // file: one writer serves eight workers, and at their priority it got a ninth of the
        // CPU while they waited for it (ADR 0013)
        thread.setPriority(Thread.NORM_PRIORITY);
        thread.start();
    }

    // ------------------------------------------------------------------ CrawlSink

    @Override
    public void started() {
        crawling = true;
        queue.put(new Meta("started_at", Long.toString(clock.millis())));
    }

    @Override
    public boolean crawling() {
        return crawling;
    }

    @Override
    public void discovered(List<NewUrl> urls) throws InterruptedException {
        submit(new Discovered(List.copyOf(urls), clock.millis()));
    }

    @Override
    public void visited(Visit visit) throws InterruptedException {
        submit(new Visited(visit, clock.millis()));
    }

    @Override
    public void visitedPart(long id, List<NewUrl> discovered, List<CrawlSink.LinkRow> links)
            throws InterruptedException {
        submit(new Op.VisitedPart(id, List.copyOf(discovered), List.copyOf(links),
                clock.millis()));
    }

    @Override
    public void listedInSitemap(long id) {
        queue.put(new Listed(id));
    }

    @Override
    public void revisitQueued(long id) {
        queue.put(new Revisiting(id));
    }

    @Override
    public void warning(String sentence) {
        queue.put(new Meta("warning." + warnings.getAndIncrement(), sentence));
    }

    @Override
    public void sitemapsRead() {
        queue.put(new Meta("sitemaps_read", "true"));
    }

    @Override
    public void siteHost(String hostAndPort) {
        if (siteHosts.add(hostAndPort)) {
            queue.put(new Meta("site_hosts", String.join("\n", new java.util.TreeSet<>(siteHosts))));
        }
    }

    @Override
    public void counted(String key, SkipReason why) {
        queue.put(new Counted(key, why.name()));
    }

    @Override
    public void uncounted(String key) {
        queue.put(new Counted(key, null));
    }

    @Override
    public void planChanged(io.webprobe.crawl.CrawlPlan plan) {
        for (Map.Entry<String, String> e : PlanCodec.encode(plan).entrySet()) {
            queue.put(new Meta(e.getKey(), e.getValue()));
        }
    }

    @Override
    public void rechecked(long id, CrawlResult result, List<Header> headers, String redirectKey)
            throws InterruptedException {
        submit(new Rechecked(id, result, ResponseHeaders.of(headers), redirectKey,
                clock.millis()));
    }

    @Override
    public void recheckedPage(Visit visit, String redirectKey) throws InterruptedException {
        submit(new RecheckedPage(visit, redirectKey, clock.millis()));
    }

    @Override
    public void elapsed(Duration elapsed) {
        lastElapsed = elapsed;
        queue.put(new Meta("elapsed_ms", Long.toString(elapsed.toMillis())));
    }

    /**
     * The running time last given to this writer, written or not (a failed writer discards
     * it); null when none was. The mark of a crawl stopped by a full disk keeps it.
     */
    Duration lastElapsed() {
        return lastElapsed;
    }

    @Override
    public void stopReason(String sentence) {
        queue.put(new Meta(STOP_REASON, sentence));
    }

    @Override
    public void state(CrawlState state, Duration elapsed) {
        crawling = state != CrawlState.FINISHED && state != CrawlState.STOPPED;
        lastElapsed = elapsed;
        queue.put(new Meta("state", state.label()));
        queue.put(new Meta("elapsed_ms", Long.toString(elapsed.toMillis())));
        if (state == CrawlState.FINISHED || state == CrawlState.STOPPED) {
            queue.put(new Meta("ended_at", Long.toString(clock.millis())));
        }
    }

    @Override
    public long spill(byte[] chunk) {
        long id = lastChunk.incrementAndGet();
        pendingSpills.put(id, chunk);
        queue.put(new Spill(id, chunk));
        return id;
    }

    @Override
    public byte[] unspill(long chunk) throws InterruptedException {
        byte[] items = pendingSpills.get(chunk);
        if (items == null) {
            try {
                items = reads.spilled(chunk);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the crawl file " + file + ": "
                        + SqlErrors.why(e) + ".", e);
            }
        }
        queue.put(new Unspilled(chunk));
        return items;
    }

    @Override
    public CompletableFuture<Void> flush() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closed) {
            done.complete(null);
        } else {
            queue.put(new Barrier(done));
        }
        return done;
    }

    @Override
    public Conclusion conclude() throws InterruptedException {
        try {
            flush().get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        try {
            return reads.conclude();
        } catch (SQLException e) {
            log.error("Could not read the crawl's figures from {}", file, e);
            if (failure == null) {
                failure = "Could not read the crawl file " + file + ": " + SqlErrors.why(e) + ".";
            }
            return new Conclusion(0, 0, Map.of(), 0, List.of(), null);
        }
    }

    @Override
    public String failure() {
        return failure;
    }

    /**
     * Writes what is queued, stops the thread and closes the connection. Called by the store.
     */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.stop();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("The crawl file writer did not finish within 60 s: {}", file);
            thread.interrupt();
        }
    }

    // ------------------------------------------------------------------ the writer thread

    private void submit(Op op) throws InterruptedException {
        if (closed || failure != null) {
            return; // nothing more is kept: the crawl is stopping
        }
        if (Thread.interrupted()) {
            throw new InterruptedException(); // as the wait below would: a stop is under way
        }
        queue.submit(op);
    }

    private void run() {
        boolean stop = false;
        try {
            while (!stop) {
                Op op;
                if (tx.ops == 0) {
                    long idle = HEARTBEAT.toNanos();
                    if (inlinks.any()) { // an idle writer (a paused crawl) writes them too
                        idle = Math.max(0, Math.min(idle, inlinks.nanosUntilDue()));
                    }
                    op = queue.poll(idle);
                    if (op == null) {
                        if (inlinks.any() && inlinks.due()) {
                            commit(true);
                        } else {
                            beat(true);
                        }
                        continue;
                    }
                    tx.deadline = System.nanoTime() + batchNanos;
                } else {
                    op = queue.poll();
                    if (op == null) {
                        if (queue.anyWaiting()) {
                            execute(); // the room a worker waits for, freed without a commit
                        }
                        long wait = tx.deadline - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(Math.min(wait, GATHER_TIME.toNanos()));
                            if (Thread.interrupted()) {
                                throw new InterruptedException(); // a stop that could not wait
                            }
                            continue; // what came meanwhile, or the room asked for, or the commit
                        }
                        commit(); // the transaction is due
                        continue;
                    }
                }
                if (op instanceof Nudge) {
                    if (tx.ops > 0) {
                        execute(); // the queue is looked at again, then the waiting workers
                    }
                    continue;
                }
                take(op);
                stop = op instanceof Stop;
                if (stop || op instanceof Barrier) {
                    commit(true);
                } else if (tx.rows >= BATCH_ROWS) {
                    commit();
                } else if (tx.unexecutedRows >= executeRows) {
                    execute(); // workers waiting for room are served by the nudge they sent
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            queue.giveBack(tx.heldRoom);
            for (Op op : tx.afterCommit) {
                queue.release(op);
            }
            queue.end();
            st.closeQuietly();
            log.info("Crawl file {}: {}", file.getFileName(), work);
        }
    }

    /**
     * Applies one write to the open transaction: its rows are bound to the statements at once
     * and run within {@link #EXECUTE_ROWS} rows, so the write's objects die young instead of
     * waiting a quarter of a second for the commit (held that long, every queued page was
     * copied by the collector: ~0.6 s of pauses in a 20,000-page crawl).
     */
    private void take(Op op) {
        long t0 = System.nanoTime();
        if (failure == null) {
            try {
                writes.apply(op);
            } catch (SQLException | RuntimeException | Error e) {
                fail(e); // an Error too: the queue must keep draining or workers would wait
            }
        }
        tx.applyNanos += System.nanoTime() - t0;
        tx.ops++;
        tx.rows += op.rows();
        tx.unexecutedRows += op.rows();
        if (op.bounded()) {
            tx.heldRoom += queue.roomOf(op);
        }
        if (op instanceof Barrier || op instanceof Spill) {
            tx.afterCommit.add(op);
        }
    }

    /** Runs the statements bound so far (still uncommitted) and frees their room. */
    private void execute() {
        long t0 = System.nanoTime();
        if (failure == null) {
            try {
                beforeWrite.run();
                st.executeAll();
            } catch (SQLException | RuntimeException | Error e) {
                fail(e);
            }
        }
        tx.applyNanos += System.nanoTime() - t0;
        queue.giveBack(tx.heldRoom);
        tx.heldRoom = 0;
        tx.unexecutedRows = 0;
    }

    private void commit() {
        commit(false);
    }

    /**
     * Commits the transaction; the inlinks counted so far go with it when {@code allCounts}
     * (someone waits to read the file) or when they are due, and the file is marked as
     * lacking some otherwise.
     */
    private void commit(boolean allCounts) {
        if (failure == null) {
            long t0 = System.nanoTime();
            try {
                inlinks.write(st, allCounts || inlinks.due());
            } catch (SQLException | RuntimeException | Error e) {
                fail(e);
            }
            tx.applyNanos += System.nanoTime() - t0;
        }
        if (failure != null) {
            inlinks.clear();
        }
        execute();
        if (failure == null) {
            try {
                beat(false);
                long t1 = System.nanoTime();
                conn.commit();
                work.add(tx.rows, tx.applyNanos, System.nanoTime() - t1);
                for (Op op : tx.afterCommit) {
                    if (op instanceof Spill s) {
                        pendingSpills.remove(s.chunk());
                    }
                }
            } catch (SQLException | RuntimeException | Error e) {
                fail(e);
            }
        }
        if (failure == null && writes.takeEndedCrawl()) {
            checkpoint(); // before the barriers: whoever waits for the end finds it done
        }
        for (Op op : tx.afterCommit) {
            queue.release(op);
        }
        tx.reset();
    }

    /**
     * Copies the write-ahead log into the file (as much as no reader still needs): after a
     * crawl ends, not only when the file is closed or the log passes ~32 MB.
     */
    private void checkpoint() {
        try (java.sql.Statement s = conn.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            log.info("Crawl file {}: the log was not copied into the file ({})", file,
                    e.getMessage()); // it is at the next checkpoint or at close
        }
    }


    private void fail(Throwable e) {
        log.error("Could not write the crawl file {}", file, e);
        try {
            conn.rollback();
        } catch (SQLException ignored) {
            // the first failure is the one worth reporting
        }
        String why = e instanceof SQLException s ? SqlErrors.why(s) : "an internal error";
        failure = (io.webprobe.UpdatedWhileRunning.explains(e)
                ? io.webprobe.UpdatedWhileRunning.SENTENCE
                : "Could not save the crawl to " + file + ": " + why + ".")
                + " The crawl was stopped; everything saved until then is kept.";
    }

    /** Renews the lock's heartbeat when due; commits it alone when the writer is idle. */
    private void beat(boolean commit) {
        long now = System.nanoTime();
        if (failure != null || now - lastBeatNanos < HEARTBEAT.toNanos()) {
            return;
        }
        lastBeatNanos = now;
        try {
            lock = lock.beatAt(clock.instant());
            st.meta("lock", lock.encode());
            st.executeAll();
            if (commit) {
                conn.commit();
            }
        } catch (SQLException | RuntimeException | Error e) {
            fail(e); // as every other write does: a writer thread that died would hang flush()
        }
    }


}
