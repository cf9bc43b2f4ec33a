package io.webprobe.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * While open, Ctrl-C (or SIGTERM) stops the job and then waits (up to 20 s) until this is
 * closed, so the command can still write its CSV files and summary with what was measured, and
 * close its crawl file (a temporary one is deleted then), before the JVM exits. Open it before
 * the resources it must outlive, so that it is closed after them. The hook runs on its own
 * thread ({@code cli-interrupt}).
 */
final class CtrlC implements AutoCloseable {
    private final CountDownLatch reported = new CountDownLatch(1);
    private final Thread hook;
    private volatile Runnable stop;
    private volatile boolean pressed;

    /** Watches for Ctrl-C; {@link #watch} names the job it stops. */
    CtrlC() {
        hook = new Thread(() -> {
            pressed = true;
            Runnable s = stop;
            if (s != null) {
                s.run();
            }
            try {
                reported.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cli-interrupt");
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
}
