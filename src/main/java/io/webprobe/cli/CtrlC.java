package io.webprobe.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * While open, Ctrl-C (or SIGTERM) stops the job and then waits until this is closed, so the
 * command can still write its CSV files and summary with what was measured, and close its crawl
 * file (a temporary one is deleted then), before the JVM exits. Open it before the resources it
 * must outlive, so that it is closed after them. The hook runs on its own thread
 * ({@code cli-interrupt}).
 *
 * <p>It waits for as long as the command is at work, and gives up after {@link #PATIENCE}
 * without a sign of it: neither a new row written ({@link #progress}) nor the process using at
 * least {@link #BUSY} of a core (a hung command uses none; reading a crawl file of millions of
 * URLs before the first row uses a whole one). A fixed limit cut the CSV files of a large crawl
 * short: 2,500,000 URLs take about 40 s to sum up and write, and a JVM that exits half way
 * leaves neither the files nor the temporary crawl they were made from.
 *
 * <p>A command opens it before its start-up, and asks {@link #wasPressed} between its steps
 * until its job is watched: Ctrl-C then ends the start-up with one sentence, its files closed.
 */
final class CtrlC implements AutoCloseable {
    /**
     * What a command whose start-up Ctrl-C ended returns (the JVM exits with the signal's own
     * code, 130, 143 or 129, once its shutdown began).
     */
    static final int STOPPED = 130;
    /** How long the hook waits for a report that shows no progress. */
    static final long PATIENCE = TimeUnit.SECONDS.toNanos(20);
    /**
     * The longest it waits at all: a worker stuck in work that ignores the stop keeps the
     * process busy without a report ever coming, and a second Ctrl-C does nothing while the
     * JVM shuts down.
     */
    static final long LONGEST = TimeUnit.MINUTES.toNanos(10);
    /** The least share of a core, as a divisor of the time, that counts as at work (5 %). */
    static final int BUSY = 20;
    private static final long TICK = TimeUnit.SECONDS.toNanos(1);

    private final CountDownLatch reported = new CountDownLatch(1);
    private final Thread hook;
    private volatile Runnable stop;
    private volatile LongSupplier progress = () -> 0;
    private volatile boolean pressed;
    /** Completed when Ctrl-C is pressed: ends a wait of {@link #unlessPressed}. */
    private final java.util.concurrent.CompletableFuture<Void> pressedNow =
            new java.util.concurrent.CompletableFuture<>();

    /** Watches for Ctrl-C; {@link #watch} names the job it stops. */
    CtrlC() {
        hook = new Thread(this::pressed, "cli-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    CtrlC(Runnable stopJob) {
        this();
        watch(stopJob);
    }

    /** Ctrl-C stops this job; at once when it was pressed already (stopping twice is fine). */
    void watch(Runnable stopJob) {
        stop = stopJob;
        if (pressed) {
            stopJob.run();
        }
    }

    /**
     * What shows the report is being written (a count that grows while it is): after Ctrl-C
     * the JVM waits while it grows.
     */
    void progress(LongSupplier rows) {
        progress = rows;
    }

    /** A step of a command's start-up, which may throw {@code E}. */
    interface Step<T, E extends Exception> {
        T get() throws E;
    }

    /**
     * Runs a step that may wait without end (a password prompt; reading a named pipe nobody
     * writes, given as --cacert or --file) on a thread of its own ({@code cli-prompt}, a
     * daemon), so that Ctrl-C ends the wait as it stops a job: the hook waits for this
     * command's report, which such a step would hold up for good (the JVM left after
     * {@link #PATIENCE} without a word, the crawl file neither closed nor deleted).
     *
     * @return the step's result, or null when Ctrl-C was pressed before it ended
     * @throws E what the step threw
     */
    <T, E extends Exception> T unlessPressed(Step<T, E> step)
            throws E, InterruptedException {
        var result = new java.util.concurrent.CompletableFuture<T>();
        Thread prompt = new Thread(() -> {
            try {
                result.complete(step.get());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        }, "cli-prompt");
        prompt.setDaemon(true); // left waiting at the prompt as the JVM exits
        prompt.start();
        try {
            java.util.concurrent.CompletableFuture.anyOf(result, pressedNow).get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            @SuppressWarnings("unchecked") // the step throws no other checked exception
            E thrown = (E) e.getCause();
            throw thrown;
        }
        return pressed ? null : result.getNow(null);
    }

    /**
     * Says that Ctrl-C ended a command's start-up, before any request, in one sentence on
     * stderr ("Stopped before the ping started."): with the command that continues its work
     * when there is one ({@code resume}, else null).
     *
     * @param what the command's work, as the sentence names it ("crawl", "ping")
     * @return {@link #STOPPED}
     */
    static int stoppedBeforeStart(java.io.PrintWriter err, String what, String resume) {
        err.println("Stopped before the " + what + " started" + (resume == null ? "."
                : "; continue it with " + resume + "."));
        err.flush();
        return STOPPED;
    }

    /** Whether Ctrl-C or SIGTERM was received. */
    boolean wasPressed() {
        return pressed;
    }

    /** The report is written: let an interrupted JVM exit, or drop the hook. */
    @Override
    public void close() {
        reported.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C was pressed: the hook is running and has just been released
        }
    }

    /** The hook: stops the job, then waits for the report. */
    private void pressed() {
        pressed = true;
        pressedNow.complete(null);
        Runnable s = stop;
        if (s != null) {
            s.run();
        }
        try {
            awaitReport(System::nanoTime, CtrlC::processCpuNanos, TICK);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until the report is written, or until {@link #PATIENCE} (by {@code clock}) passed
     * with neither a new row nor the process busy by {@code cpu}, and at most {@link #LONGEST};
     * looks every {@code tick} nanoseconds.
     *
     * @param cpu the CPU time the process has used, in nanoseconds
     * @return whether the report was written
     */
    boolean awaitReport(LongSupplier clock, LongSupplier cpu, long tick)
            throws InterruptedException {
        long rows = progress.getAsLong();
        long used = cpu.getAsLong();
        long looked = clock.getAsLong();
        long since = looked;
        long began = looked;
        while (!reported.await(tick, TimeUnit.NANOSECONDS)) {
            long now = clock.getAsLong();
            if (now - began >= LONGEST) {
                return false;
            }
            long rowsNow = progress.getAsLong();
            long usedNow = cpu.getAsLong();
            if (rowsNow != rows || usedNow - used >= (now - looked) / BUSY) {
                since = now;
            } else if (now - since >= PATIENCE) {
                return false;
            }
            rows = rowsNow;
            used = usedNow;
            looked = now;
        }
        return true;
    }

    /** The CPU time this process has used (0 where the JVM does not say). */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }
}
