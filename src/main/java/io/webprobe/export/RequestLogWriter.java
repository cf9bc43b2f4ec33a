package io.webprobe.export;

import io.webprobe.ping.RequestRecord;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the per-request log of a ping test to a CSV file as the run goes, so ten million
 * requests need no memory: workers {@link #offer} records into a bounded queue and one thread
 * ({@code ping-log-writer}) writes them. When the queue is full, workers wait for the writer
 * (the log is complete or the run is slowed, never silently thinned). If the disk fails, the
 * writer stops writing, later records are dropped without blocking the run, and
 * {@link #close()} reports the failure. The file appears under its name only when complete
 * (its rows reach the disk, in a hidden part file, whenever the queue is idle for half a second);
 * a target of {@code -} is standard output, written as the run goes.
 * Warm-up requests are not logged.
 */
public final class RequestLogWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RequestLogWriter.class);
    private static final int CHECK_EVERY = 50_000;
    private static final long CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** The longest a written row waits in the buffer while no new rows come. */
    private static final long FLUSH_MS = 500;
    private static final RequestRecord END =
            new RequestRecord(-1, "", 0, 0, 0, 0, 0, 0, null, "", 0, false, false);

    private final BlockingQueue<RequestRecord> queue;
    private final AtomicCsvFile file;
    private final Thread writer;
    private volatile ExportException failure;
    private volatile Runnable onFailure = () -> { };
    private volatile boolean closed;
    private volatile long written;

    /**
     * Opens the file (its header is written at once) and starts the writer thread.
     *
     * @param capacity records the queue holds before workers wait
     * @throws ExportException when the file cannot be created
     */
    public RequestLogWriter(Path target, int capacity) throws ExportException {
        this(target, capacity, null);
    }

    /**
     * As above, with where a target of {@code -} goes.
     *
     * @param stdout standard output, for a target of {@code -}
     */
    public RequestLogWriter(Path target, int capacity, java.io.Writer stdout)
            throws ExportException {
        this(target, capacity, stdout, false);
    }

    /**
     * As above, the file starting with a UTF-8 byte-order mark when {@code bom} (for Excel;
     * standard output never does, as {@link ExportBatch} has it).
     */
    public RequestLogWriter(Path target, int capacity, java.io.Writer stdout, boolean bom)
            throws ExportException {
        this.file = target.equals(ExportBatch.STDOUT) && stdout != null
                ? AtomicCsvFile.toStdout(stdout, PingCsv.REQUEST_HEADER)
                : AtomicCsvFile.create(target, PingCsv.REQUEST_HEADER, bom);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::run, "ping-log-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues a record; waits while the queue is full. Callable from any thread. */
    public void offer(RequestRecord r) {
        if (r.warmup() || failure != null || closed) {
            return;
        }
        try {
            queue.put(r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        String[] row = new String[PingCsv.REQUEST_HEADER.length];
        long checked = System.nanoTime();
        try {
            while (true) {
                RequestRecord r = queue.poll(FLUSH_MS, TimeUnit.MILLISECONDS);
                if (r == null) {
                    // a quiet moment: what is written so far goes to the file (or the pipe)
                    if (failure == null) {
                        try {
                            file.flush();
                        } catch (ExportException e) {
                            failed(e);
                        }
                    }
                    continue;
                }
                if (r == END) {
                    return;
                }
                if (failure != null) {
                    continue; // keep draining so producers never block on a dead writer
                }
                try {
                    file.write(PingCsv.requestRow(r, row));
                    // a failure (a full disk) is found within about a second, so the run
                    // can stop then, at any rate of requests
                    if (++written % CHECK_EVERY == 0
                            || System.nanoTime() - checked >= CHECK_NANOS) {
                        checked = System.nanoTime();
                        file.checkHealthy();
                    }
                } catch (ExportException e) {
                    failed(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs {@code action} (on the writer's thread) when a write first fails: a run whose log
     * can no longer be written is better stopped at once than carried on to its end (a
     * 30-minute soak test told of a full disk only at its end).
     */
    public void onFailure(Runnable action) {
        onFailure = action;
    }

    private void failed(ExportException e) {
        if (failure == null) {
            failure = e;
            onFailure.run();
        }
    }

    /** Requests written so far. */
    public long written() {
        return written;
    }

    /**
     * Writes what is queued, closes the file and moves it into place.
     *
     * @throws ExportException when any part of the log could not be written (then no file is
     *     left behind)
     */
    @Override
    public void close() throws ExportException {
        if (closed) {
            return;
        }
        end().commit();
    }

    /**
     * Writes what is queued and hands the file over unreplaced, for an {@link ExportBatch} to
     * put in place together with the run's other files (all or nothing).
     *
     * @throws ExportException when any part of the log could not be written (then no file is
     *     left behind)
     */
    public AtomicCsvFile finishInto() throws ExportException {
        if (closed) {
            throw new IllegalStateException("the request log was already closed");
        }
        return end();
    }

    /** Stops writing and leaves no file behind (a run that could not start). */
    public void discard() {
        if (closed) {
            return;
        }
        try {
            end().close();
        } catch (ExportException e) {
            // end() has abandoned the file already
        }
    }

    private AtomicCsvFile end() throws ExportException {
        closed = true;
        try {
            while (!queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                if (!writer.isAlive()) {
                    break;
                }
            }
            writer.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            file.close();
            throw failure;
        }
        if (writer.isAlive()) {
            log.warn("The request log writer did not finish within 60 s");
        }
        return file;
    }
}
