package io.webprobe.ui.crawl.session;

import io.webprobe.NamedThreads;
import io.webprobe.store.CrawlReader;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.StoreException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that reads a crawl file for the screen, with its own SQLite connection: every
 * query of the workspace runs here, never on the FX thread, and its result is posted to the FX
 * executor once (one {@code runLater} per query, not per row). Reads run one at a time in the
 * order asked; {@link #submitLatest} keeps only the newest of a kind that has not started yet,
 * so a user typing a search, or a crawl refreshing ten times a second, never queues stale
 * queries behind each other.
 *
 * <p>Thread-safe. Results of reads that finish after {@link #close()} are dropped.
 */
public final class ReaderLane implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReaderLane.class);

    /** A read on the lane's thread. */
    @FunctionalInterface
    public interface Read<T> {
        T run(LaneQueries q) throws StoreException;
    }

    private final CrawlStore store;
    private final Executor fx;
    private final ExecutorService thread;
    private final Map<String, Runnable> latest = new ConcurrentHashMap<>();
    private volatile boolean closed;
    /** Lane thread only. */
    private LaneQueries queries;
    private CrawlReader reader;

    /**
     * @param name the thread's name prefix, e.g. {@code crawl-read-table-}
     * @param fx where results are delivered (the FX thread)
     */
    public ReaderLane(CrawlStore store, String name, Executor fx) {
        this.store = store;
        this.fx = fx;
        this.thread = Executors.newSingleThreadExecutor(NamedThreads.daemon(name));
    }

    /** Runs the read on the lane, then {@code onResult} (or {@code onError}) on the FX thread. */
    public <T> void submit(Read<T> read, Consumer<? super T> onResult, Consumer<String> onError) {
        execute(() -> run(read, onResult, onError));
    }

    /**
     * As {@link #submit}, but a read of the same {@code kind} still waiting replaces this one's
     * predecessor: only the newest runs.
     */
    public <T> void submitLatest(String kind, Read<T> read, Consumer<? super T> onResult,
            Consumer<String> onError) {
        Runnable task = () -> run(read, onResult, onError);
        if (latest.put(kind, task) == null) {
            execute(() -> {
                Runnable newest = latest.remove(kind);
                if (newest != null) {
                    newest.run();
                }
            });
        }
    }

    /** Runs the read on the lane; the future completes there (for work that goes on elsewhere). */
    public <T> CompletableFuture<T> call(Read<T> read) {
        CompletableFuture<T> f = new CompletableFuture<>();
        execute(() -> {
            try {
                f.complete(read.run(queries()));
            } catch (StoreException | RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    private void execute(Runnable task) {
        if (closed) {
            return;
        }
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            // closed meanwhile: nothing to read any more
        }
    }

    private <T> void run(Read<T> read, Consumer<? super T> onResult, Consumer<String> onError) {
        if (closed) {
            return;
        }
        try {
            T result = read.run(queries());
            deliver(() -> onResult.accept(result));
        } catch (StoreException e) {
            log.info("Read of {} failed: {}", store.file(), e.getMessage());
            deliver(() -> onError.accept(e.getMessage()));
        } catch (RuntimeException e) {
            log.error("Read of {} failed", store.file(), e);
            deliver(() -> onError.accept("Could not read " + store.file().getFileName()
                    + "; the details are in Webprobe's log."));
        }
    }

    private void deliver(Runnable onFx) {
        if (!closed) {
            fx.execute(() -> {
                if (!closed) {
                    onFx.run();
                }
            });
        }
    }

    private LaneQueries queries() throws StoreException {
        if (queries == null) {
            reader = store.reader();
            queries = new LaneQueries(reader);
        }
        return queries;
    }

    /**
     * The reads asked from now on use a new reader (a connection of its own), made when the
     * first of them runs; the reader used so far is closed once the reads asked before are
     * done. For a file whose writer was killed while this lane read it: a new reader counts
     * the inlinks the writer had not written yet ({@code CrawlStore.reader()}), which one made
     * while it ran does not, and its queries keep no cache of the counts it had.
     */
    public void renew() {
        execute(() -> {
            if (reader != null) {
                reader.close();
            }
            reader = null;
            queries = null;
        });
    }

    /** Drops what is waiting, lets the running read end, and closes the connection. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        latest.clear();
        try {
            thread.execute(() -> {
                if (reader != null) {
                    reader.close();
                }
            });
        } catch (RejectedExecutionException ignored) {
            // already shut down
        }
        thread.shutdown();
    }

    /** Waits (bounded) until the lane's thread has ended; for tests and the app's exit. */
    public boolean awaitClosed(java.time.Duration wait) throws InterruptedException {
        return thread.awaitTermination(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
